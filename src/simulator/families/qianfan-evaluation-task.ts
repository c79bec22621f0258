// Simulated Qianfan model evaluation: the legacy wenxinworkshop cancel and detail routes (docs/providers.md §3.5,
// §6 E), which answer failures inside a 200, and the v2 DescribeEvalTasks list (§8.6).
import { randomInt } from 'node:crypto';
import { isoSeconds } from '../listing.js';
import { actionOf, bodyOf, markerPage, v2Error } from '../providers/qianfan.js';
import type { Reply } from '../types.js';
import type { SimFamily } from './define.js';

const FAMILY = 'qianfan_evaluation_task';
const CANCEL = '/wenxinworkshop/modelrepo/eval/cancel';
const DETAIL = '/wenxinworkshop/modelrepo/eval/detail';

/** A legacy answer: always HTTP 200, with log_id, and error_code/error_msg when it failed. */
function legacy(body: Record<string, unknown>): Reply {
  return { status: 200, body: { log_id: String(randomInt(1_000_000_000, 4_000_000_000)), ...body } };
}

export const qianfanEvaluationTask: SimFamily = {
  provider: 'qianfan',
  raw: {
    pending: 'Pending',
    running: 'Doing',
    stopping: 'Stopping',
    stopped: 'Stopped',
    succeeded: 'Done',
    failed: 'Failed',
  },
  demo: {
    running: [{ evaluation_id: 'ame-demo-1' }, { evaluation_id: 'ame-demo-2' }],
    finished: { evaluation_id: 'ame-demo-done' },
  },
  match: (req) =>
    req.path === CANCEL
      ? 'stop'
      : req.path === DETAIL
        ? 'status'
        : actionOf(req) === '/v2/eval?DescribeEvalTasks'
          ? 'list'
          : undefined,
  route(req, { inventory }) {
    const body = bodyOf(req.json);
    if (actionOf(req) === '/v2/eval?DescribeEvalTasks') {
      if (inventory.listing.failing.has(FAMILY))
        return {
          kind: 'list',
          reply: v2Error(500, 'InternalError', 'Internal error occurred (simulated list failure).'),
        };
      // The item fields are UNVERIFIED; the simulator answers with taskId and the detail API's `state`.
      if (body.evalType !== 'auto' && body.evalType !== 'manual')
        return { kind: 'list', reply: v2Error(400, 'InappropriateJSON', 'param[evalType] invalid.') };
      const rows = inventory
        .list(FAMILY)
        .filter((t) => (t.meta.evalType ?? 'auto') === body.evalType)
        .map((t) => ({
          taskId: t.ids.evaluation_id,
          name: t.name,
          evalType: body.evalType,
          state: inventory.raw(t),
          createTime: isoSeconds(t.createdAt),
        }));
      return { kind: 'list', reply: markerPage(rows, 'evalTaskList', 'taskId', body, inventory.listing.pageSize) };
    }
    const kind = req.path === CANCEL ? 'stop' : req.path === DETAIL ? 'status' : undefined;
    if (!kind) return undefined;
    const id = body.id;
    if (typeof id !== 'string' || !id)
      return { kind, reply: legacy({ error_code: 336003, error_msg: 'param id invalid' }) };
    const ids = { evaluation_id: id };
    const notFound = legacy({ error_code: 336003, error_msg: `evaluation ${id} not found` });
    if (kind === 'stop') {
      const verdict = inventory.stop(FAMILY, ids);
      if (verdict === 'not_found') return { kind, reply: notFound };
      const accepted = verdict === 'accepted';
      return {
        kind,
        reply: legacy({ result: { result: accepted, errorMessage: accepted ? '' : 'evaluation is not running' } }),
      };
    }
    const task = inventory.get(FAMILY, ids);
    if (!task) return { kind, reply: notFound };
    return {
      kind,
      reply: legacy({
        result: { evaluationId: id, name: task.name, description: '', state: inventory.raw(task), evalUnits: [] },
      }),
    };
  },
};
