// ModelArts intelligent tasks (docs/providers.md §8.1, §8.2, recipe §8.7.1): the dataset list marks datasets with a running
// task of one kind per call; only those datasets get their task list read, with the matching `type` filter.
// dataset_ids skips the shortcut and reads every kind of task of the named datasets.
import * as z from 'zod/v4';
import { str } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { apiPath } from '../../providers/request.js';
import { countOf, followOffsets, listOf } from '../../tools/listing/paging.js';
import type { FamilyContext, FamilyDiscovery } from '../../tools/listing/types.js';
import { mapStatus } from '../status-table.js';
import { STATES } from './status.js';

/** running_task_type of the dataset list and the `type` filter of the task list for the same kind of task. */
const KINDS = [
  [0, 'auto-label'],
  [1, 'pre-label'],
  [7, 'auto-grouping'],
  [10, 'auto-deploy'],
] as const;
const LIMIT = '100';

type Context = FamilyContext<HuaweiScope>;

const discovery: FamilyDiscovery<HuaweiScope> = {
  listing: 'ModelArts dataset list',
  covers: 'intelligent tasks',
  input: {
    dataset_ids: z
      .array(paramId('ModelArts dataset id.'))
      .min(1, { error: 'must name at least one dataset' })
      .max(100, { error: 'must name at most 100 datasets' })
      .optional()
      .describe(
        'ModelArts: read the intelligent tasks of these datasets only (every kind), instead of scanning the datasets that report a running task.',
      ),
  },
  async discover(ctx) {
    const guarded = (what: string, fn: () => Promise<void>) => fn().catch((err: unknown) => ctx.fail(err, what));
    const given = ctx.input.dataset_ids as readonly string[] | undefined;
    const named = given && [...new Set(given)]; // a repeated id is read once
    if (named) {
      await Promise.all(
        named.flatMap((id) =>
          KINDS.map(([, type]) => guarded(`${type} tasks of dataset ${id}`, () => readTasks(ctx, id, type))),
        ),
      );
      return;
    }
    await Promise.all(
      KINDS.map(([code, type]) =>
        guarded(`datasets with running ${type} tasks`, async () => {
          const busy = await datasetsWithRunningTasks(ctx, code);
          await Promise.all(
            busy.map((id) => guarded(`${type} tasks of dataset ${id}`, () => readTasks(ctx, id, type))),
          );
        }),
      ),
    );
  },
};

async function datasetsWithRunningTasks(ctx: Context, runningTaskType: number): Promise<string[]> {
  const what = 'ModelArts dataset list';
  const listing = await followOffsets(
    async (offset) => {
      const body = await ctx.send({
        method: 'GET',
        path: apiPath`/v2/${ctx.scope.projectId}/datasets`,
        query: [
          ['check_running_task', 'true'],
          ['running_task_type', String(runningTaskType)],
          ['limit', LIMIT],
          ['offset', String(offset)],
        ],
      });
      return { items: listOf(body, 'datasets', what), total: countOf(body, 'total_number') };
    },
    (d) => str(d.dataset_id),
  );
  if (!listing.complete) ctx.incomplete(listing);
  return listing.items
    .filter(
      (d) => d.exist_running_task === true || (Array.isArray(d.running_tasks_id) && d.running_tasks_id.length > 0),
    )
    .map((d) => str(d.dataset_id)!);
}

async function readTasks(ctx: Context, datasetId: string, type: string): Promise<void> {
  const what = 'ModelArts task list';
  const listing = await followOffsets(
    async (offset) => {
      const body = await ctx.send({
        method: 'GET',
        path: apiPath`/v2/${ctx.scope.projectId}/datasets/${datasetId}/tasks`,
        query: [
          ['type', type],
          ['limit', LIMIT],
          ['offset', String(offset)],
        ],
      });
      return { items: listOf(body, 'tasks', what), total: countOf(body, 'total_count') };
    },
    (t) => str(t.task_id),
  );
  if (!listing.complete) ctx.incomplete(listing);
  for (const task of listing.items) {
    const ids = { dataset_id: datasetId, task_id: str(task.task_id)! };
    ctx.emit({
      ids,
      name: str(task.task_name),
      createdAt: str(task.create_time),
      status: mapStatus(STATES, task.status),
      stopArgs: ids,
    });
  }
}

export default discovery;
