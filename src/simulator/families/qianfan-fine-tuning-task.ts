// Simulated Qianfan fine-tuning: StopFineTuningTask, DescribeFineTuningTask (docs/providers.md §3.4, §6 D), and the
// job and task lists (§8.4). Fine-tuning has no "stopping": it reports Running until stopped.
import type { SimTask } from '../inventory.js';
import { isoSeconds } from '../listing.js';
import { actionOf, bodyOf, markerPage, v2Error, v2Ok } from '../providers/qianfan.js';
import type { SimFamily } from './define.js';

const FAMILY = 'qianfan_fine_tuning_task';
const ACTIONS: Record<string, 'stop' | 'status' | 'list'> = {
  '/v2/finetuning?StopFineTuningTask': 'stop',
  '/v2/finetuning?DescribeFineTuningTask': 'status',
  '/v2/finetuning?DescribeFineTuningJobs': 'list',
  '/v2/finetuning?DescribeFineTuningTasks': 'list',
};

/** The job of a fine-tuning task; the status route derives the same id when a test gave none. */
export function jobIdOf(task: SimTask): string {
  return task.meta.jobId ?? `job-${task.ids.task_id!.replace(/^task-/, '')}`;
}

export const qianfanFineTuningTask: SimFamily = {
  provider: 'qianfan',
  raw: {
    pending: 'Waiting',
    running: 'Running',
    stopping: 'Running',
    stopped: 'Stopped',
    succeeded: 'Done',
    failed: 'Failed',
  },
  demo: { running: [{ task_id: 'task-demo-1' }, { task_id: 'task-demo-2' }], finished: { task_id: 'task-demo-done' } },
  match: (req) => ACTIONS[actionOf(req)],
  route(req, { inventory }) {
    const action = actionOf(req);
    const body = bodyOf(req.json);
    const listing =
      action === '/v2/finetuning?DescribeFineTuningJobs' || action === '/v2/finetuning?DescribeFineTuningTasks';
    if (listing && inventory.listing.failing.has(FAMILY)) {
      return {
        kind: 'list',
        reply: v2Error(500, 'InternalError', 'Internal error occurred (simulated list failure).'),
      };
    }
    const page = (rows: Array<Record<string, unknown>>, key: string, idKey: string) =>
      ({ kind: 'list', reply: markerPage(rows, key, idKey, body, inventory.listing.pageSize) }) as const;

    if (action === '/v2/finetuning?DescribeFineTuningJobs') {
      const jobs = new Map<string, Record<string, unknown>>();
      for (const t of inventory.list(FAMILY)) {
        const jobId = jobIdOf(t);
        if (!jobs.has(jobId)) {
          jobs.set(jobId, {
            jobId,
            name: t.meta.jobName ?? t.name,
            description: '',
            model: 'ERNIE-Speed',
            trainMode: 'SFT',
            createDate: isoSeconds(t.createdAt),
          });
        }
      }
      return page([...jobs.values()], 'jobList', 'jobId');
    }
    if (action === '/v2/finetuning?DescribeFineTuningTasks') {
      if (typeof body.jobId !== 'string' || !body.jobId)
        return { kind: 'list', reply: v2Error(400, 'InappropriateJSON', 'param[jobId] invalid.') };
      const tasks = inventory.list(FAMILY).filter((t) => jobIdOf(t) === body.jobId);
      if (tasks.length === 0)
        return { kind: 'list', reply: v2Error(404, 'ResourceNotFound', `Job ${body.jobId} does not exist.`) };
      const rows = tasks.map((t) => ({
        taskId: t.ids.task_id,
        jobId: body.jobId,
        jobName: t.meta.jobName ?? t.name,
        jobDescription: '',
        model: 'ERNIE-Speed',
        trainMode: 'SFT',
        parameterScale: 'FullFineTuning',
        runStatus: inventory.raw(t),
        createDate: isoSeconds(t.createdAt),
        finishDate: '0000-00-00T00:00:00Z',
      }));
      return page(rows, 'taskList', 'taskId');
    }

    const kind =
      action === '/v2/finetuning?StopFineTuningTask'
        ? 'stop'
        : action === '/v2/finetuning?DescribeFineTuningTask'
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
      // Fine-tuning answers a stop it will not carry out with result: false inside a 200.
      return { kind, reply: v2Ok(verdict === 'accepted') };
    }
    const task = inventory.get(FAMILY, ids);
    if (!task) return { kind, reply: v2Error(404, 'ResourceNotFound', `Task ${taskId} does not exist.`) };
    const detail = {
      taskId,
      jobId: jobIdOf(task),
      jobName: task.name,
      runStatus: inventory.raw(task),
      createDate: isoSeconds(task.createdAt),
    };
    return { kind, reply: v2Ok(detail) };
  },
};
