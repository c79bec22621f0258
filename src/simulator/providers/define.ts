// What the simulator knows about one provider: how its requests are signed and checked, its provider-wide routes
// (Huawei's IAM project lookup), its answer for an unknown route, and the demo keys of --simulate.
import type { Inventory } from '../inventory.js';
import type { Received, Verdict } from '../verify.js';
import type { Reply, SimRequest } from '../types.js';

export interface SimContext {
  inventory: Inventory;
  /** Projects per region for an IAM project lookup; a region not listed gets `defaultProject`. */
  projects: Record<string, string[]>;
  defaultProject: string;
}

export interface SimProvider {
  /** How this provider's Authorization header starts. */
  authPrefix: string;
  /** Checks the signature as the provider's gateway does. */
  verify(req: Received, keys: Record<string, string>, now: Date): Verdict;
  /** The gateway's answer to a request whose signature failed. */
  authFailure(reason: string): Reply;
  /** Answers requests no family owns (the IAM lookup) or refuses requests before any family sees them; else undefined. */
  route(req: SimRequest, ctx: SimContext): Reply | undefined;
  /** The answer when no family takes the request. */
  notFound(req: SimRequest): Reply;
  /** Ids every simulated task of this provider carries besides the family's own (ModelArts: project_id). */
  scopeIds: Record<string, string>;
  /** --simulate: keys known only to the embedded simulator; they open nothing anywhere else. */
  demoKeys: { ak: string; sk: string };
}
