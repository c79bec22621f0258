// What the simulator knows about one task family: the provider value of each simulated state, the demo tasks of
// --simulate, and the routes of the family's stop, status and list APIs, answered with the provider's real shapes.
import type { ProviderId } from '../../core/ids.js';
import type { SimContext } from '../providers/define.js';
import type { Routed, SimRequest, SimState } from '../types.js';

export interface SimFamily {
  provider: ProviderId;
  /** The provider's own status value for each state. */
  raw: Record<SimState, string | number>;
  /** Tasks --simulate starts with (listed in the README), ids as the family's stop tool takes them. */
  demo: { running: Array<Record<string, string>>; finished: Record<string, string> };
  /** What a demo task shows besides its ids (a flavor, a billing mode), for the list answers. */
  demoMeta?(ids: Record<string, string>): Record<string, string>;
  /** Which of this family's calls a request is (from its method, path and action only); undefined for any other. */
  match(req: SimRequest): Routed['kind'] | undefined;
  /** Answers a request of this family's APIs (one that match() recognised); undefined for any other request. */
  route(req: SimRequest, ctx: SimContext): Routed | undefined;
}
