// A task family: one provider operation with its stop tool, its status tool and state table, and its discovery for
// list_running_tasks. Each lives in its own folder (src/families/<id>/) and has one line in src/families/index.ts.
import type { FamilyId, ProviderId } from '../core/ids.js';
import type { StatusToolDefinition, StopToolDefinition } from '../tools/define.js';
import type { FamilyDiscovery } from '../tools/listing/types.js';
import type { StatusTable } from './status-table.js';

export interface Family<Sc = any> {
  id: FamilyId;
  provider: ProviderId;
  stop: StopToolDefinition<any, Sc>;
  status: StatusToolDefinition<any, Sc>;
  /** The provider's status values and what each means; the status tool and the discovery read them. */
  states: StatusTable;
  discovery: FamilyDiscovery<Sc>;
}

/** Checks a family's parts belong together: the stop tool's status tool is the family's, all of one provider. */
export function defineFamily<Sc>(family: Family<Sc>): Family<Sc> {
  const parts = [family.stop, family.status];
  if (family.stop.status !== family.status || parts.some((p) => p.provider !== family.provider)) {
    throw new Error(`family ${family.id}: its stop tool, status tool and provider must belong together`);
  }
  return family;
}
