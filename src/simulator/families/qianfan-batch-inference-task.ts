// Simulated Qianfan batch inference: StopBatchInferenceTask, DescribeBatchInferenceTask (docs/providers.md §3.3,
// §6 C) and DescribeBatchInferenceTasks (§8.5).
import { isoSeconds } from '../listing.js';
import { actionOf, bodyOf, markerPage, v2Error, v2Ok } from '../providers/qianfan.js';
import type { SimFamily } from './define.js';

const FAMILY = 'qianfan_batch_inference_task';
const ACTIONS: Record<string, 'stop' | 'status' | 'list'> = {
  '/v2/batchinference?StopBatchInferenceTask': 'stop',
  '/v2/batchinference?DescribeBatchInferenceTask': 'status',
  '/v2/batchinference?DescribeBatchInferenceTasks': 'list',
};

export const qianfanBatchInferenceTask: SimFamily = {
  provider: 'qianfan',
  raw: {
    pending: 'Queuing',
    running: 'Running',
    stopping: 'Stopping',
    stopped: 'Stopped',
    succeeded: 'Done',
    failed: 'Failed',
  },
  demo: {
    running: [{ task_id: 'infer-demo-1' }, { task_id: 'infer-demo-2' }],
    finished: { task_id: 'infer-demo-done' },
  },
  match: (req) => ACTIONS[actionOf(req)],
  route(req, { inventory }) {
    const action = actionOf(req);
    const body = bodyOf(req.json);
    if (action === '/v2/batchinference?DescribeBatchInferenceTasks') {
      if (inventory.listing.failing.has(FAMILY))
        return {
          kind: 'list',
          reply: v2Error(500, 'InternalError', 'Internal error occurred (simulated list failure).'),
        };
      const wanted = Array.isArray(body.runStatus) ? body.runStatus.map(String) : [];
      const rows = inventory
        .list(FAMILY)
        .map((t) => ({
          taskId: t.ids.task_id,
          name: t.name,
          description: '',
          endpoint: 'http://127.0.0.1/infer',
          runStatus: inventory.raw(t),
          inputBosUri: 'bos:/in',
          outputBosUri: 'bos:/out',
          progress: 40,
          createTime: isoSeconds(t.createdAt),
        }))
        .filter((r) => wanted.length === 0 || wanted.includes(String(r.runStatus)));
      return { kind: 'list', reply: markerPage(rows, 'taskList', 'taskId', body, inventory.listing.pageSize) };
    }
    const kind =
      action === '/v2/batchinference?StopBatchInferenceTask'
        ? 'stop'
        : action === '/v2/batchinference?DescribeBatchInferenceTask'
          ? 'status'
          : undefined;
    if (!kind) return undefined;
    const taskId = body.taskId;
    if (typeof taskId !== 'string' || !taskId)
      return { kind, reply: v2Error(400, 'InappropriateJSON', 'param[taskId] invalid.') };
    const ids = { task_id: taskId };
    if (kind === 'stop') {
      const verdict = inventory.stop(FAMILY, ids);
      if (verdict === 'not_found')
        return { kind, reply: v2Error(404, 'ResourceNotFound', `Task ${taskId} does not exist.`) };
      if (verdict === 'not_running')
        return {
          kind,
          reply: v2Error(400, 'TaskStatusNotAllowed', `Task ${taskId} is not running and cannot be stopped.`),
        };
      return { kind, reply: v2Ok(true) };
    }
    const task = inventory.get(FAMILY, ids);
    if (!task) return { kind, reply: v2Error(404, 'ResourceNotFound', `Task ${taskId} does not exist.`) };
    return {
      kind,
      reply: v2Ok({ taskId, name: task.name, runStatus: inventory.raw(task), createTime: isoSeconds(task.createdAt) }),
    };
  },
};
