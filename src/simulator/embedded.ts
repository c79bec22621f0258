// --simulate: the simulator embedded in the server, with built-in demo keys and seeded tasks, so every tool works
// without a cloud account. The configuration is rewritten so that nothing configured for real is used: no real
// credential, project id or endpoint survives, and every request goes to 127.0.0.1.
import type { Config, Endpoint } from '../config.js';
import { log } from '../log.js';
import type { Family } from './inventory.js';
import { SIM_PROJECT, startSimulator, type Simulator } from './server.js';

/** Demo keys known only to the embedded simulator; they open nothing anywhere else. */
export const DEMO_KEYS = {
  huaweicloud: { ak: 'MLSTOPDEMOHUAWEIAK01', sk: 'ml-stop-demo-huawei-secret' },
  qianfan: { ak: 'ml-stop-demo-qianfan-ak', sk: 'ml-stop-demo-qianfan-secret' },
} as const;

/** Tasks the embedded simulator starts with (listed in the README): two running and one finished per family. */
export const DEMO_TASKS: Record<Family, { running: Array<Record<string, string>>; finished: Record<string, string> }> = {
  modelarts_intelligent_task: {
    running: [{ dataset_id: 'demo-dataset', task_id: 'demo-label-1' }, { dataset_id: 'demo-dataset', task_id: 'demo-label-2' }],
    finished: { dataset_id: 'demo-dataset', task_id: 'demo-label-done' },
  },
  modelarts_training_job_version: {
    running: [{ job_id: '1001', version_id: '2001' }, { job_id: '1002', version_id: '2002' }],
    finished: { job_id: '1003', version_id: '2003' },
  },
  qianfan_batch_inference_task: { running: [{ task_id: 'infer-demo-1' }, { task_id: 'infer-demo-2' }], finished: { task_id: 'infer-demo-done' } },
  qianfan_fine_tuning_task: { running: [{ task_id: 'task-demo-1' }, { task_id: 'task-demo-2' }], finished: { task_id: 'task-demo-done' } },
  qianfan_evaluation_task: { running: [{ evaluation_id: 'ame-demo-1' }, { evaluation_id: 'ame-demo-2' }], finished: { evaluation_id: 'ame-demo-done' } },
};

export interface Embedded {
  simulator: Simulator;
  /** The configuration pointed at the simulator with the demo keys. */
  config: Config;
}

/** Starts the simulator on 127.0.0.1, seeds it, and says so on stderr. */
export async function startEmbedded(config: Config, stoppingMs = 1500): Promise<Embedded> {
  const simulator = await startSimulator({
    huaweiKeys: { [DEMO_KEYS.huaweicloud.ak]: DEMO_KEYS.huaweicloud.sk },
    qianfanKeys: { [DEMO_KEYS.qianfan.ak]: DEMO_KEYS.qianfan.sk },
    stoppingMs,
    // Unknown ids answer "not found", as the real clouds do; the seeded tasks are the ones to try.
    autoCreate: false,
    unref: true,
    record: false,
  });
  for (const [family, { running, finished }] of Object.entries(DEMO_TASKS) as Array<[Family, (typeof DEMO_TASKS)[Family]]>) {
    const scope: Record<string, string> = family.startsWith('modelarts_') ? { project_id: SIM_PROJECT } : {};
    for (const ids of running) simulator.inventory.put(family, { ...scope, ...ids });
    simulator.inventory.put(family, { ...scope, ...finished }, { state: 'succeeded' });
  }
  log('warn', `simulate mode: both clouds are simulated at ${simulator.url} with built-in demo keys; no request leaves this machine and results say "simulated": true`, {
    simulator: simulator.url,
  });
  return { simulator, config: simulatedConfig(config, simulator.url) };
}

/** Pure: the configuration with every credential, project and endpoint replaced by the simulator's. */
export function simulatedConfig(config: Config, url: string): Config {
  const endpoint: Endpoint = { url, source: '--simulate' };
  return {
    ...config,
    simulate: true,
    huaweicloud: {
      ...config.huaweicloud,
      credentials: { ...DEMO_KEYS.huaweicloud },
      missing: [],
      projectId: undefined,
      iamEndpoint: endpoint,
      endpoints: {},
      endpointFallback: endpoint,
    },
    qianfan: { ...config.qianfan, credentials: { ...DEMO_KEYS.qianfan }, missing: [], baseUrl: endpoint },
  };
}
