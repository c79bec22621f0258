// Simulated ModelArts and IAM routes, answering with the documented response shapes.
import { randomBytes } from 'node:crypto';
import { huaweiListRoute } from './huaweicloud-lists.js';
import type { Inventory } from './inventory.js';
import type { Reply, SimRequest } from './types.js';

export interface HuaweiSimOptions {
  /** Projects per region for the IAM lookup; a region not listed gets `defaultProject`. */
  projects: Record<string, string[]>;
  defaultProject: string;
}

const TASK = /^\/v2\/([^/]+)\/datasets\/([^/]+)\/tasks\/([^/]+)(\/stop)?$/;
const VERSION = /^\/v1\/([^/]+)\/training-jobs\/([^/]+)\/versions\/([^/]+)(\/stop)?$/;

export function huaweiRoute(req: SimRequest, inventory: Inventory, options: HuaweiSimOptions): Reply {
  const requestId = randomBytes(16).toString('hex');
  const reply = (status: number, body?: unknown): Reply => ({ status, headers: { 'X-Request-Id': requestId }, ...(body !== undefined ? { body } : {}) });

  if (req.method === 'GET' && req.path === '/v3/projects') {
    const region = req.query.get('name') ?? '';
    const ids = options.projects[region] ?? [options.defaultProject];
    return {
      status: 200,
      headers: { 'X-IAM-Trace-Id': requestId },
      body: { projects: ids.map((id) => ({ id, name: region, domain_id: 'd0000000000000000000000000000000', enabled: true })), links: { self: req.url } },
    };
  }

  let m = TASK.exec(req.path);
  if (m) {
    const [, project_id, dataset_id, task_id, stop] = m.map((s) => (s ? decodeURIComponent(s) : s)) as [string, string, string, string, string?];
    const ids = { project_id, dataset_id, task_id };
    if (stop && req.method === 'POST') {
      const verdict = inventory.stop('modelarts_intelligent_task', ids);
      if (verdict === 'accepted') return reply(204);
      if (verdict === 'not_found') return reply(400, { error_code: 'ModelArts.4338', error_msg: 'The resource not exists.' });
      return reply(400, { error_code: 'ModelArts.4393', error_msg: 'Task is not running and cannot be stopped.' });
    }
    if (!stop && req.method === 'GET') {
      const task = inventory.get('modelarts_intelligent_task', ids);
      if (!task) return reply(400, { error_code: 'ModelArts.4338', error_msg: 'The resource not exists.' });
      return reply(200, {
        task_id,
        resource_id: dataset_id,
        task_name: task.name,
        create_time: new Date(task.createdAt).toISOString().replace('T', ' ').slice(0, 19),
        status: inventory.raw(task),
        progress: task.state === 'succeeded' ? 100.0 : 40.0,
        message: `simulated ${task.state} task`,
        // A failed task's detail names its failure in error_code/error_msg, inside the 200.
        ...(task.state === 'failed' ? { error_code: 'ModelArts.4371', error_msg: 'simulated task failure' } : {}),
      });
    }
  }

  m = VERSION.exec(req.path);
  if (m) {
    const [, project_id, job_id, version_id, stop] = m.map((s) => (s ? decodeURIComponent(s) : s)) as [string, string, string, string, string?];
    const ids = { project_id, job_id, version_id };
    if (stop && req.method === 'POST') {
      const verdict = inventory.stop('modelarts_training_job_version', ids);
      if (verdict === 'accepted') return reply(200, { is_success: true });
      if (verdict === 'not_found') return reply(404, { is_success: false, error_code: 'ModelArts.0105', error_message: `Training job ${job_id} version ${version_id} does not exist.` });
      return reply(400, { is_success: false, error_code: 'ModelArts.0105', error_message: 'The training job version is not running and cannot be stopped.' });
    }
    if (!stop && req.method === 'GET') {
      const task = inventory.get('modelarts_training_job_version', ids);
      if (!task) return reply(404, { is_success: false, error_code: 'ModelArts.0105', error_message: `Training job ${job_id} version ${version_id} does not exist.` });
      return reply(200, {
        is_success: true,
        job_id: Number(job_id),
        job_name: task.name,
        version_id: Number(version_id),
        version_name: 'V0001',
        status: inventory.raw(task),
        create_time: task.createdAt,
        duration: 0,
      });
    }
  }

  return huaweiListRoute(req, inventory, reply) ?? reply(404, { error_code: 'APIG.0101', error_msg: 'The API does not exist or has not been published in the environment.' });
}

export function huaweiAuthFailure(reason: string): Reply {
  const message =
    reason === 'unknown_key'
      ? 'Incorrect IAM authentication information: Get secretKey failed,ak:******,err:ak not exist'
      : reason === 'expired'
        ? 'Incorrect IAM authentication information: verify aksk signature fail, x-sdk-date is more than 15 minutes off'
        : 'Incorrect IAM authentication information: verify aksk signature fail';
  return { status: 401, body: { error_code: 'APIGW.0301', error_msg: message, request_id: randomBytes(16).toString('hex') } };
}
