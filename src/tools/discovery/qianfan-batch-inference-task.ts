// Qianfan batch inference (providers.md 8.5, recipe 8.7.4): the list filters by runStatus on the server.
import { str } from '../../providers/json.js';
import stopTool from '../qianfan-stop-batch-inference-task.js';
import { mapStatus } from '../status-map.js';
import type { FamilyDiscovery } from './families.js';
import { followMarkers, markerPage } from './paging.js';

export const qianfanBatchInferenceTasks: FamilyDiscovery = {
  family: 'qianfan_batch_inference_task',
  listing: 'DescribeBatchInferenceTasks',
  stopTool,
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
    if (!listing.complete) ctx.incomplete();
    for (const task of listing.items) {
      const ids = { task_id: str(task.taskId)! };
      ctx.emit({ ids, name: str(task.name), createdAt: str(task.createTime), status: mapStatus('BATCH_INFERENCE', task.runStatus), stopArgs: ids });
    }
  },
};
