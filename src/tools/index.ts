// Every tool, in the order tools/list shows them: each family's stop tool, then each family's status tool (in the
// order of src/core/ids.ts), then list_running_tasks. Derived from the family registry; nothing to edit here.
import { FAMILY_IDS } from '../core/ids.js';
import { FAMILIES } from '../families/index.js';
import type { AnyToolDefinition } from './define.js';
import listRunningTasks from './list-running-tasks.js';

export const allTools: readonly AnyToolDefinition[] = [
  ...FAMILY_IDS.map((id) => FAMILIES[id].stop),
  ...FAMILY_IDS.map((id) => FAMILIES[id].status),
  listRunningTasks,
];
