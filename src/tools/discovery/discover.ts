// Runs the requested families side by side, within one time budget and the per-provider fan-out bound, and
// builds the result from whatever they found when they finish or the call ends.
import type { ProviderId } from '../../config.js';
import { ToolError } from '../../errors.js';
import type { HuaweiClient, HuaweiScope } from '../../providers/huaweicloud/client.js';
import type { ProviderRequest } from '../../providers/request.js';
import type { Scope } from '../define.js';
import type { RunContext, Served } from '../run.js';
import { Collector } from './collector.js';
import { FAMILIES, providerOf, type Family, type FamilyDiscovery, type ListInput, type ListResult } from './families.js';
import { modelartsIntelligentTasks } from './modelarts-intelligent-task.js';
import { modelartsTrainingJobVersions } from './modelarts-training-job-version.js';
import { qianfanBatchInferenceTasks } from './qianfan-batch-inference-task.js';
import { qianfanEvaluationTasks } from './qianfan-evaluation-task.js';
import { qianfanFineTuningTasks } from './qianfan-fine-tuning-task.js';
import { Session } from './session.js';

const DISCOVERIES: Record<Family, FamilyDiscovery> = {
  modelarts_intelligent_task: modelartsIntelligentTasks,
  modelarts_training_job_version: modelartsTrainingJobVersions,
  qianfan_batch_inference_task: qianfanBatchInferenceTasks,
  qianfan_fine_tuning_task: qianfanFineTuningTasks,
  qianfan_evaluation_task: qianfanEvaluationTasks,
};

/**
 * The families a call lists: the named ones (within the named providers), else every family of the named
 * providers, else every family of the served providers that are configured (of every served one when none is
 * configured, so the answer says what to configure). Undefined when the filters leave nothing.
 */
export function selectFamilies(input: ListInput, served: (p: ProviderId) => boolean, configured: (p: ProviderId) => boolean): Family[] | undefined {
  const byProvider = (f: Family) => !input.providers || input.providers.includes(providerOf(f));
  if (input.families) {
    const picked = FAMILIES.filter((f) => input.families!.includes(f) && byProvider(f));
    return picked.length > 0 ? picked : undefined;
  }
  if (input.providers) return FAMILIES.filter(byProvider);
  const offered = FAMILIES.filter((f) => served(providerOf(f)));
  const usable = offered.filter((f) => configured(providerOf(f)));
  return usable.length > 0 ? usable : offered;
}

export async function discover(input: ListInput, families: readonly Family[], ctx: RunContext): Promise<ListResult> {
  const { huaweicloud, qianfan } = ctx.clients;
  const session = new Session(Math.max(huaweicloud.timeoutMs, qianfan.timeoutMs), ctx.signal);
  const scopeArgs: Partial<Record<ProviderId, Record<string, string>>> = {};
  const served = ctx.served;
  const collector = new Collector(input, scopeArgs, () => session.end('enough'), (tool) => !served || served.tools.has(tool));
  const unfinished = new Set<Family>(families);
  // Both ModelArts families share one region and project, resolved once (the project may need an IAM lookup).
  let huaweiScope: Promise<HuaweiScope> | undefined;
  const resolveScope = () => (huaweiScope ??= session.send('huaweicloud', () => huaweicloud.scope(input.region, input.project_id, session.budget)));

  const runs = families.map(async (family) => {
    const discovery = DISCOVERIES[family];
    if (served && !served.providers.includes(providerOf(family))) {
      // Asked for by name: the answer says why nothing was listed, and nothing is sent.
      collector.fail(family, notServed(providerOf(family), served), '');
      unfinished.delete(family);
      return;
    }
    let what = discovery.listing;
    try {
      let scope: Scope = {};
      let send: (req: ProviderRequest) => Promise<unknown>;
      if (providerOf(family) === 'huaweicloud') {
        what = `ModelArts project for region ${input.region ?? huaweicloud.defaults.region}`;
        const resolved = await resolveScope();
        what = discovery.listing;
        scope = { region: resolved.region, projectId: resolved.projectId };
        scopeArgs.huaweicloud = stopScope(resolved, input, huaweicloud);
        send = async (req) => (await session.send('huaweicloud', () => huaweicloud.call(resolved, req, session.budget))).body;
      } else {
        send = async (req) => (await session.send('qianfan', () => qianfan.call(req, session.budget))).body;
      }
      await discovery.discover({
        input,
        scope,
        send,
        emit: (c) => collector.add(discovery, c),
        fail: (err, part) => collector.fail(family, err, part),
        incomplete: () => collector.incomplete(),
      });
    } catch (err) {
      collector.fail(family, err, what);
    } finally {
      // A family that ran into the end of the call did not finish, even if its last requests were refused quietly.
      if (session.endReason === undefined) unfinished.delete(family);
    }
  });

  const reason = await Promise.race([Promise.all(runs).then(() => 'finished' as const), session.ended]);
  session.end('finished');
  return collector.result(families, unfinished, reason, session.budgetMs);
}

function notServed(provider: ProviderId, served: Served): ToolError {
  const source = served.providersSource ?? '--providers';
  const other = source === '--providers' ? 'ML_STOP_PROVIDERS' : '--providers';
  const started = source === '--providers' ? `--providers ${served.providers.join(',')}` : `ML_STOP_PROVIDERS=${served.providers.join(',')}`;
  return new ToolError({
    code: 'ProviderNotServed',
    category: 'config',
    message: `${provider} is not served by this server: it was started with ${started}. Add ${provider} to ${source} (or ${other}) to list its tasks here.`,
  });
}

/** Region and project_id for the stop tools when they are not what those tools would use by default. */
function stopScope(scope: HuaweiScope, input: ListInput, client: HuaweiClient): Record<string, string> {
  const defaults = client.defaults;
  const args: Record<string, string> = {};
  if (scope.region !== defaults.region) args.region = scope.region;
  const defaultProject = scope.region === defaults.region ? defaults.projectId : undefined;
  if (input.project_id !== undefined && input.project_id !== defaultProject) args.project_id = scope.projectId;
  return args;
}
