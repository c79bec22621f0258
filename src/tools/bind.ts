// Binds a call to its provider: resolves the ModelArts region and project once, then sends or describes requests there,
// every request within the call's budget (its deadline and its cancellation).
import type { CallBudget } from '../providers/http.js';
import type { ProviderRequest, ProviderResponse, RequestDescription } from '../providers/request.js';
import type { Scope, ToolDefinition } from './define.js';
import type { ResultBase } from './results.js';
import type { Clients } from './run.js';

export interface Bound {
  scope: Scope;
  /** Sends within the call's budget, or within `budget` when given (the reads of a wait, which has its own deadline). */
  send(req: ProviderRequest, budget?: CallBudget): Promise<ProviderResponse>;
  /** The request exactly as send() would sign it, without sending it. */
  describe(req: ProviderRequest): RequestDescription;
}

/** Resolves the scope (adding region and project_id to base.target for ModelArts) and binds the client to it. */
export async function bind(def: ToolDefinition, input: Record<string, unknown>, clients: Clients, base: ResultBase, budget: CallBudget): Promise<Bound> {
  if (def.provider === 'qianfan') {
    const qianfan = clients.qianfan;
    return { scope: {}, send: (req, own) => qianfan.call(req, own ?? budget), describe: (req) => qianfan.describe(req) };
  }
  const huawei = clients.huaweicloud;
  const scope = await huawei.scope(input.region as string | undefined, input.project_id as string | undefined, budget);
  base.target = { ...base.target, region: scope.region, project_id: scope.projectId };
  return {
    scope: { region: scope.region, projectId: scope.projectId },
    send: (req, own) => huawei.call(scope, req, own ?? budget),
    describe: (req) => huawei.describe(scope, req),
  };
}
