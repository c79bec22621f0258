// Runs the requested families side by side, within one time budget and the per-provider fan-out bound, and
// builds the result from whatever they found when they finish or the call ends.
import { ToolError } from '../../core/errors.js';
import { FAMILY_IDS, PROVIDER_IDS, type FamilyId, type ProviderId } from '../../core/ids.js';
import type { Family } from '../../families/define.js';
import { FAMILIES } from '../../families/index.js';
import type { RunContext, Served } from '../context.js';
import { ListingBudget } from './budget.js';
import { Collector } from './collector.js';
import type { ListInput, ListResult } from './types.js';

const providerOf = (family: FamilyId): ProviderId => FAMILIES[family].provider;

/**
 * The families a call lists: the named ones (within the named providers), else every family of the named
 * providers, else every family of the served providers that are configured (of every served one when none is
 * configured, so the answer says what to configure). Undefined when the filters leave nothing.
 */
export function selectFamilies(
  input: ListInput,
  served: (p: ProviderId) => boolean,
  configured: (p: ProviderId) => boolean,
): FamilyId[] | undefined {
  const byProvider = (f: FamilyId) => !input.providers || input.providers.includes(providerOf(f));
  if (input.families) {
    const picked = FAMILY_IDS.filter((f) => input.families!.includes(f) && byProvider(f));
    return picked.length > 0 ? picked : undefined;
  }
  if (input.providers) return FAMILY_IDS.filter(byProvider);
  const offered = FAMILY_IDS.filter((f) => served(providerOf(f)));
  const usable = offered.filter((f) => configured(providerOf(f)));
  return usable.length > 0 ? usable : offered;
}

export async function discover(input: ListInput, families: readonly FamilyId[], ctx: RunContext): Promise<ListResult> {
  const budgetMs = Math.max(...PROVIDER_IDS.map((p) => ctx.clients[p].timeoutMs));
  const listing = new ListingBudget(budgetMs, ctx.signal);
  const scopeArgs: Partial<Record<ProviderId, Record<string, string>>> = {};
  const served = ctx.served;
  const collector = new Collector(
    input,
    scopeArgs,
    () => listing.end('enough'),
    (tool) => !served || served.tools.has(tool),
  );
  const unfinished = new Set<FamilyId>(families);
  // The families of one provider share one scope, resolved once (a ModelArts project may need an IAM lookup).
  const scopes = new Map<ProviderId, Promise<unknown>>();
  const scopeOf = (p: ProviderId) => {
    let scope = scopes.get(p);
    if (!scope) {
      scope = listing.send(p, () => ctx.clients[p].resolveScope(input, listing.budget));
      scopes.set(p, scope);
    }
    return scope;
  };

  const runs = families.map(async (id) => {
    const family: Family = FAMILIES[id];
    const provider = family.provider;
    const client = ctx.clients[provider];
    if (served && !served.providers.includes(provider)) {
      // Asked for by name: the answer says why nothing was listed, and nothing is sent.
      collector.fail(id, notServed(provider, served), '');
      unfinished.delete(id);
      return;
    }
    let what = client.scopeLabel(input);
    try {
      const scope = await scopeOf(provider);
      what = family.discovery.listing;
      scopeArgs[provider] = client.stopArgs(scope, input);
      await family.discovery.discover({
        input,
        scope,
        send: async (req) => {
          const { body } = await listing.send(provider, () => client.call(scope, req, listing.budget));
          listing.account(JSON.stringify(body)?.length ?? 0);
          return body;
        },
        emit: (c) => collector.add(family, c),
        fail: (err, part) => collector.fail(id, err, part),
        incomplete: (list) => collector.incomplete(id, list?.capped === true),
      });
    } catch (err) {
      collector.fail(id, err, what);
    } finally {
      // A family that ran into the end of the call did not finish, even if its last requests were refused quietly.
      if (listing.endReason === undefined) unfinished.delete(id);
    }
  });

  const reason = await Promise.race([Promise.all(runs).then(() => 'finished' as const), listing.ended]);
  listing.end('finished');
  return collector.result(families, unfinished, reason, listing.budgetMs);
}

function notServed(provider: ProviderId, served: Served): ToolError {
  const source = served.providersSource ?? '--providers';
  const other = source === '--providers' ? 'ML_STOP_PROVIDERS' : '--providers';
  const started =
    source === '--providers'
      ? `--providers ${served.providers.join(',')}`
      : `ML_STOP_PROVIDERS=${served.providers.join(',')}`;
  return new ToolError({
    code: 'ProviderNotServed',
    category: 'config',
    message: `${provider} is not served by this server: it was started with ${started}. Add ${provider} to ${source} (or ${other}) to list its tasks here.`,
  });
}
