// Simulated Qianfan console routes: v2 actions and the legacy wenxinworkshop evaluation routes.
import { randomInt, randomUUID } from 'node:crypto';
import type { Family, Inventory } from './inventory.js';
import { jobIdOf, qianfanListRoute } from './qianfan-lists.js';
import type { Reply, SimRequest } from './types.js';

const V2: Record<string, { family: Family; kind: 'stop' | 'describe' }> = {
  '/v2/batchinference?StopBatchInferenceTask': { family: 'qianfan_batch_inference_task', kind: 'stop' },
  '/v2/batchinference?DescribeBatchInferenceTask': { family: 'qianfan_batch_inference_task', kind: 'describe' },
  '/v2/finetuning?StopFineTuningTask': { family: 'qianfan_fine_tuning_task', kind: 'stop' },
  '/v2/finetuning?DescribeFineTuningTask': { family: 'qianfan_fine_tuning_task', kind: 'describe' },
};

export function qianfanRoute(req: SimRequest, inventory: Inventory): Reply {
  if (req.method !== 'POST') return v2Error(405, 'InvalidHTTPRequest', 'Only POST is supported.');
  const json = req.json && typeof req.json === 'object' ? (req.json as Record<string, unknown>) : undefined;
  if (!json) return v2Error(400, 'InappropriateJSON', 'The request body is not a JSON object.');

  const action = `${req.path}?${req.query.get('Action') ?? ''}`;
  const listed = qianfanListRoute(action, json, inventory);
  if (listed) return listed;
  const route = V2[action];
  if (route) {
    const taskId = json.taskId;
    if (typeof taskId !== 'string' || !taskId) return v2Error(400, 'InappropriateJSON', 'param[taskId] invalid.');
    const ids = { task_id: taskId };
    if (route.kind === 'stop') {
      const verdict = inventory.stop(route.family, ids);
      if (verdict === 'not_found') return v2Error(404, 'ResourceNotFound', `Task ${taskId} does not exist.`);
      if (verdict === 'not_running' && route.family === 'qianfan_fine_tuning_task') return v2Ok(false);
      if (verdict === 'not_running') return v2Error(400, 'TaskStatusNotAllowed', `Task ${taskId} is not running and cannot be stopped.`);
      return v2Ok(true);
    }
    const task = inventory.get(route.family, ids);
    if (!task) return v2Error(404, 'ResourceNotFound', `Task ${taskId} does not exist.`);
    const createTime = new Date(task.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return v2Ok(
      route.family === 'qianfan_fine_tuning_task'
        ? { taskId, jobId: jobIdOf(task), jobName: task.name, runStatus: inventory.raw(task), createDate: createTime }
        : { taskId, name: task.name, runStatus: inventory.raw(task), createTime },
    );
  }

  if (req.path === '/wenxinworkshop/modelrepo/eval/cancel' || req.path === '/wenxinworkshop/modelrepo/eval/detail') {
    const id = json.id;
    const logId = String(randomInt(1_000_000_000, 4_000_000_000));
    if (typeof id !== 'string' || !id) return { status: 200, body: { log_id: logId, error_code: 336003, error_msg: 'param id invalid' } };
    const ids = { evaluation_id: id };
    if (req.path.endsWith('/cancel')) {
      const verdict = inventory.stop('qianfan_evaluation_task', ids);
      if (verdict === 'not_found') return { status: 200, body: { log_id: logId, error_code: 336003, error_msg: `evaluation ${id} not found` } };
      const accepted = verdict === 'accepted';
      return { status: 200, body: { log_id: logId, result: { result: accepted, errorMessage: accepted ? '' : 'evaluation is not running' } } };
    }
    const task = inventory.get('qianfan_evaluation_task', ids);
    if (!task) return { status: 200, body: { log_id: logId, error_code: 336003, error_msg: `evaluation ${id} not found` } };
    return { status: 200, body: { log_id: logId, result: { evaluationId: id, name: task.name, description: '', state: inventory.raw(task), evalUnits: [] } } };
  }

  return v2Error(404, 'ResourceNotFound', 'No such API.');
}

export function qianfanAuthFailure(reason: string): Reply {
  const requestId = randomUUID();
  if (reason === 'unknown_key') {
    return { status: 401, headers: { 'X-Bce-Error-Code': 'NotFound', 'X-Bce-Error-Message': 'NotFound, cause: Could not find credential.', 'X-Bce-Request-Id': requestId } };
  }
  const [code, message] =
    reason === 'expired' ? ['RequestExpired', 'Request has expired.'] : ['SignatureDoesNotMatch', 'SignatureDoesNotMatch, cause: Fail to authn user: Signature does not match'];
  return { status: 403, headers: { 'X-Bce-Error-Code': code, 'X-Bce-Error-Message': message, 'X-Bce-Request-Id': requestId }, body: { requestId, code, message } };
}

export function v2Ok(result: unknown): Reply {
  const requestId = randomUUID();
  return { status: 200, headers: { 'X-Bce-Request-Id': requestId }, body: { requestId, result } };
}

export function v2Error(status: number, code: string, message: string): Reply {
  const requestId = randomUUID();
  return { status, headers: { 'X-Bce-Request-Id': requestId }, body: { requestId, code, message } };
}
