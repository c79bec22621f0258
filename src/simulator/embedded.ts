// --simulate: the simulator embedded in the server, with built-in demo keys and seeded tasks, so every tool works
// without a cloud account. The configuration is rewritten so that nothing configured for real is used: no real
// credential, project id or endpoint survives, and every request goes to 127.0.0.1.
import type { Config } from '../config.js';
import { FAMILY_IDS, PROVIDER_IDS, type FamilyId, type ProviderId } from '../core/ids.js';
import { log } from '../log.js';
import type { Endpoint } from '../providers/endpoint.js';
import { providerModule, type ProviderConfigs } from '../providers/index.js';
import { SIM_FAMILIES } from './families/index.js';
import { SIM_PROVIDERS } from './providers/index.js';
import { startSimulator, type Simulator } from './server.js';

/** Demo keys known only to the embedded simulator; they open nothing anywhere else. */
export const DEMO_KEYS = Object.fromEntries(PROVIDER_IDS.map((p) => [p, SIM_PROVIDERS[p].demoKeys])) as Record<
  ProviderId,
  { ak: string; sk: string }
>;

/** Tasks the embedded simulator starts with (listed in the README): two running and one finished per family. */
export const DEMO_TASKS = Object.fromEntries(FAMILY_IDS.map((f) => [f, SIM_FAMILIES[f].demo])) as Record<
  FamilyId,
  { running: Array<Record<string, string>>; finished: Record<string, string> }
>;

export interface Embedded {
  simulator: Simulator;
  /** The configuration pointed at the simulator with the demo keys. */
  config: Config;
}

/** Starts the simulator on 127.0.0.1, seeds it, and says so on stderr. */
export async function startEmbedded(config: Config, stoppingMs = 1500): Promise<Embedded> {
  const simulator = await startSimulator({
    keys: Object.fromEntries(PROVIDER_IDS.map((p) => [p, { [DEMO_KEYS[p].ak]: DEMO_KEYS[p].sk }])) as Record<
      ProviderId,
      Record<string, string>
    >,
    stoppingMs,
    // Unknown ids answer "not found", as the real clouds do; the seeded tasks are the ones to try.
    autoCreate: false,
    unref: true,
    record: false,
  });
  for (const family of FAMILY_IDS) {
    const { running, finished } = DEMO_TASKS[family];
    const scope = SIM_PROVIDERS[SIM_FAMILIES[family].provider].scopeIds;
    const meta = (ids: Record<string, string>) => SIM_FAMILIES[family].demoMeta?.(ids) ?? {};
    for (const ids of running) simulator.inventory.put(family, { ...scope, ...ids }, { meta: meta(ids) });
    simulator.inventory.put(family, { ...scope, ...finished }, { state: 'succeeded', meta: meta(finished) });
  }
  log(
    'warn',
    `simulate mode: both clouds are simulated at ${simulator.url} with built-in demo keys; no request leaves this machine and results say "simulated": true`,
    { simulator: simulator.url },
  );
  return { simulator, config: simulatedConfig(config, simulator.url) };
}

/** Pure: the configuration with every credential, project and endpoint replaced by the simulator's. */
export function simulatedConfig(config: Config, url: string): Config {
  const endpoint: Endpoint = { url, source: '--simulate' };
  const providers = Object.fromEntries(
    PROVIDER_IDS.map((p) => [p, providerModule(p).simulated(config.providers[p], endpoint, DEMO_KEYS[p])]),
  ) as ProviderConfigs;
  return { ...config, simulate: true, providers };
}
