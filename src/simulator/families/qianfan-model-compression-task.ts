// Simulated Qianfan model compression (docs/providers-modern.md §Q3): CancelModelCompTask answers the bare envelope
// {requestId}; DescribeModelCompTask(s) answer result.status and result.modelCompTaskList with marker paging. The
// answer to cancelling a task that no longer runs is UNVERIFIED: the simulator refuses with a 400.
import { randomUUID } from 'node:crypto';
import type { SimTask } from '../inventory.js';
import { isoSeconds } from '../listing.js';
import { actionOf, bodyOf, markerPage, v2Error, v2Ok } from '../providers/qianfan.js';
import type { SimContext } from '../providers/define.js';
import type { SimFamily } from './define.js';

const FAMILY = 'qianfan_model_compression_task';
const ACTIONS: Record<string, 'stop' | 'status' | 'list'> = {
  '/v2/model?CancelModelCompTask': 'stop',
  '/v2/model?DescribeModelCompTask': 'status',
  '/v2/model?DescribeModelCompTasks': 'list',
};

function task(t: SimTask, ctx: SimContext) {
  return {
    id: t.ids.task_id,
    name: t.name,
    description: '',
    status: ctx.inventory.raw(t),
    sourceModelId: 'am-demo-source',
    createTime: isoSeconds(t.createdAt),
    ...(t.state === 'failed' ? { failedReason: 'simulated compression failure' } : {}),
  };
}

export const qianfanModelCompressionTask: SimFamily = {
  provider: 'qianfan',
  raw: {
    pending: 'creating',
    running: 'running',
    stopping: 'stopping',
    stopped: 'stopped',
    succeeded: 'succeeded',
    failed: 'failed',
  },
  demo: { running: [{ task_id: 'amva-demo-1' }, { task_id: 'amva-demo-2' }], finished: { task_id: 'amva-demo-done' } },
  match: (req) => ACTIONS[actionOf(req)],
  route(req, ctx) {
    const kind = ACTIONS[actionOf(req)];
    if (!kind) return undefined;
    const body = bodyOf(req.json);
    if (kind === 'list') {
      if (ctx.inventory.listing.failing.has(FAMILY))
        return { kind, reply: v2Error(500, 'InternalError', 'Internal error occurred (simulated list failure).') };
      const rows = ctx.inventory.list(FAMILY).map((t) => task(t, ctx));
      return { kind, reply: markerPage(rows, 'modelCompTaskList', 'id', body, ctx.inventory.listing.pageSize) };
    }
    const id = body.modelCompTaskId;
    if (typeof id !== 'string' || !id)
      return { kind, reply: v2Error(400, 'InvalidParameter', 'modelCompTaskId is required.') };
    const missing = v2Error(404, 'ResourceNotFound', `Model compression task ${id} does not exist.`);
    if (kind === 'stop') {
      const verdict = ctx.inventory.stop(FAMILY, { task_id: id });
      if (verdict === 'not_found') return { kind, reply: missing };
      if (verdict === 'not_running')
        return {
          kind,
          reply: v2Error(400, 'TaskStatusNotAllowed', `Task ${id} is not running and cannot be cancelled.`),
        };
      const requestId = randomUUID();
      return { kind, reply: { status: 200, headers: { 'X-Bce-Request-Id': requestId }, body: { requestId } } };
    }
    const found = ctx.inventory.get(FAMILY, { task_id: id });
    return { kind, reply: found ? v2Ok(task(found, ctx)) : missing };
  },
};
