// Qianfan batch inference (docs/providers.md §8.5, recipe §8.7.4): the list filters by runStatus on the server.
import { str } from '../../core/json.js';
import { followMarkers, markerPage } from '../../tools/listing/paging.js';
import type { FamilyDiscovery } from '../../tools/listing/types.js';
import { mapStatus } from '../status-table.js';
import { STATES } from './status.js';

const discovery: FamilyDiscovery = {
  listing: 'DescribeBatchInferenceTasks',
  covers: 'batch inference',
  async discover(ctx) {
    const runStatus = ctx.input.include_stopping ? ['Queuing', 'Running', 'Stopping'] : ['Queuing', 'Running'];
    const listing = await followMarkers(
      async (marker) =>
        markerPage(
          await ctx.send({
            method: 'POST',
            path: '/v2/batchinference',
            query: [['Action', 'DescribeBatchInferenceTasks']],
            body: { runStatus, maxKeys: 100, ...(marker !== undefined ? { marker } : {}) },
          }),
          'taskList',
          'DescribeBatchInferenceTasks',
        ),
      (t) => str(t.taskId),
    );
    if (!listing.complete) ctx.incomplete(listing);
    for (const task of listing.items) {
      const ids = { task_id: str(task.taskId)! };
      ctx.emit({
        ids,
        name: str(task.name),
        createdAt: str(task.createTime),
        status: mapStatus(STATES, task.runStatus),
        stopArgs: ids,
      });
    }
  },
};

export default discovery;
