// Resolves where a call goes (its provider's scope: ModelArts region and project, which may need an IAM lookup)
// and binds the provider's client to it, every request within the call's budget. Mutates nothing: the caller merges
// the returned target into its result.
import type { CallBudget } from '../providers/budget.js';
import type { ProviderRequest, ProviderResponse, RequestDescription } from '../providers/request.js';
import type { Clients } from './context.js';
import type { ToolDefinition } from './define.js';

export interface Scoped {
  scope: unknown;
  /** The ids the scope adds to result.target (ModelArts: region and project_id). */
  target: Record<string, string>;
  /** Sends within the call's budget, or within `budget` when given (the reads of a wait, which has its own deadline). */
  send(req: ProviderRequest, budget?: CallBudget): Promise<ProviderResponse>;
  /** The request exactly as send() would sign it, without sending it. */
  describe(req: ProviderRequest): RequestDescription;
}

export async function resolveScope(
  def: ToolDefinition,
  input: Record<string, unknown>,
  clients: Clients,
  budget: CallBudget,
): Promise<Scoped> {
  const client = clients[def.provider];
  const scope = await client.resolveScope(input, budget);
  return {
    scope,
    target: client.targetOf(scope),
    send: (req, own) => client.call(scope, req, own ?? budget),
    describe: (req) => client.describe(scope, req),
  };
}
