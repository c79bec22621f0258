// Qianfan automatic evaluations (docs/providers.md §8.6, recipe §8.7.5). Only automatic evaluations can be stopped, so only
// evalType "auto" is listed. The item fields are UNVERIFIED: the id is taskId or any "ame-" string in the item, the
// state is runStatus or state (the EVALUATION table).
import { asObject, str, type JsonObject } from '../../core/json.js';
import { log } from '../../log.js';
import { followMarkers, markerPage, type MarkerPage } from '../../tools/listing/paging.js';
import type { FamilyDiscovery } from '../../tools/listing/types.js';
import { mapStatus } from '../status-table.js';
import { STATES } from './status.js';

const discovery: FamilyDiscovery = {
  listing: 'DescribeEvalTasks',
  covers: 'automatic evaluation tasks',
  async discover(ctx) {
    let fieldsLogged = false; // once per listing: the item fields are UNVERIFIED, the log shows what came back
    const listing = await followMarkers(
      async (marker) =>
        evalPage(
          await ctx.send({
            method: 'POST',
            path: '/v2/eval',
            query: [['Action', 'DescribeEvalTasks']],
            body: { evalType: 'auto', maxKeys: 100, ...(marker !== undefined ? { marker } : {}) },
          }),
        ),
      evaluationId,
    );
    if (!listing.complete) ctx.incomplete(listing);
    for (const item of listing.items) {
      if (!fieldsLogged) {
        fieldsLogged = true;
        log('info', 'DescribeEvalTasks item fields (UNVERIFIED in the docs)', { fields: Object.keys(item) });
      }
      const ids = { evaluation_id: evaluationId(item)! };
      ctx.emit({
        ids,
        name: str(item.name) ?? str(item.taskName),
        createdAt: str(item.createTime) ?? str(item.createDate),
        status: mapStatus(STATES, item.runStatus ?? item.state),
        stopArgs: ids,
      });
    }
  },
};

/** result.evalTaskList, else the first list inside result (its name is UNVERIFIED). */
function evalPage(body: unknown): MarkerPage {
  const result = asObject(asObject(body)?.result);
  const key =
    result && !('evalTaskList' in result) ? Object.keys(result).find((k) => Array.isArray(result[k])) : undefined;
  return markerPage(body, key ?? 'evalTaskList', 'DescribeEvalTasks');
}

/** taskId when it is there, else the first "ame-" string anywhere in the item. */
export function evaluationId(item: JsonObject): string | undefined {
  return str(item.taskId) ?? findAme(item, 0);
}

function findAme(value: unknown, depth: number): string | undefined {
  if (typeof value === 'string') return /^ame-[A-Za-z0-9._-]+$/.test(value) ? value : undefined;
  if (depth > 3 || !value || typeof value !== 'object') return undefined;
  for (const v of Object.values(value)) {
    const found = findAme(v, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export default discovery;
