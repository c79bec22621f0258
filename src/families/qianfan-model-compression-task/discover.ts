// Qianfan model compression tasks (docs/providers-modern.md §Q3): DescribeModelCompTasks, marker paging.
import { str } from '../../core/json.js';
import { followMarkers, markerPage } from '../../tools/listing/paging.js';
import type { FamilyDiscovery } from '../../tools/listing/types.js';
import { readTask } from './status.js';

const discovery: FamilyDiscovery = {
  listing: 'DescribeModelCompTasks',
  covers: 'model compression tasks',
  async discover(ctx) {
    const listing = await followMarkers(
      async (marker) =>
        markerPage(
          await ctx.send({
            method: 'POST',
            path: '/v2/model',
            query: [['Action', 'DescribeModelCompTasks']],
            body: { maxKeys: 100, ...(marker !== undefined ? { marker } : {}) },
          }),
          'modelCompTaskList',
          'DescribeModelCompTasks',
        ),
      (t) => str(t.id),
    );
    if (!listing.complete) ctx.incomplete(listing);
    for (const task of listing.items) {
      const ids = { task_id: str(task.id)! };
      ctx.emit({ ids, name: str(task.name), createdAt: str(task.createTime), status: readTask(task), stopArgs: ids });
    }
  },
};

export default discovery;
