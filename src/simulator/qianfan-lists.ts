// Simulated Qianfan list actions (providers.md 8.4-8.6), served from the inventory with small marker pages.
import type { Family, Inventory, SimTask } from './inventory.js';
import { intIn } from './listing.js';
import { v2Error, v2Ok } from './qianfan.js';
import type { Reply } from './types.js';

const ACTIONS: Record<string, Family> = {
  '/v2/batchinference?DescribeBatchInferenceTasks': 'qianfan_batch_inference_task',
  '/v2/finetuning?DescribeFineTuningJobs': 'qianfan_fine_tuning_task',
  '/v2/finetuning?DescribeFineTuningTasks': 'qianfan_fine_tuning_task',
  '/v2/eval?DescribeEvalTasks': 'qianfan_evaluation_task',
};

/** The answer to a list action, or undefined when the request is not one. */
export function qianfanListRoute(route: string, body: Record<string, unknown>, inventory: Inventory): Reply | undefined {
  const family = ACTIONS[route];
  if (!family) return undefined;
  if (inventory.listing.failing.has(family)) return v2Error(500, 'InternalError', 'Internal error occurred (simulated list failure).');
  const action = route.split('?')[1];
  const page = (items: Array<Record<string, unknown>>, key: string, idKey: string) => markerPage(items, key, idKey, body, inventory.listing.pageSize);
  const created = (t: SimTask) => new Date(t.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z');

  if (action === 'DescribeBatchInferenceTasks') {
    const wanted = Array.isArray(body.runStatus) ? body.runStatus.map(String) : [];
    const rows = inventory
      .list(family)
      .map((t) => ({ taskId: t.ids.task_id, name: t.name, description: '', endpoint: 'http://127.0.0.1/infer', runStatus: inventory.raw(t), inputBosUri: 'bos:/in', outputBosUri: 'bos:/out', progress: 40, createTime: created(t) }))
      .filter((r) => wanted.length === 0 || wanted.includes(String(r.runStatus)));
    return page(rows, 'taskList', 'taskId');
  }

  if (action === 'DescribeFineTuningJobs') {
    const jobs = new Map<string, Record<string, unknown>>();
    for (const t of inventory.list(family)) {
      const jobId = jobIdOf(t);
      if (!jobs.has(jobId)) jobs.set(jobId, { jobId, name: t.meta.jobName ?? t.name, description: '', model: 'ERNIE-Speed', trainMode: 'SFT', createDate: created(t) });
    }
    return page([...jobs.values()], 'jobList', 'jobId');
  }

  if (action === 'DescribeFineTuningTasks') {
    if (typeof body.jobId !== 'string' || !body.jobId) return v2Error(400, 'InappropriateJSON', 'param[jobId] invalid.');
    const tasks = inventory.list(family).filter((t) => jobIdOf(t) === body.jobId);
    if (tasks.length === 0) return v2Error(404, 'ResourceNotFound', `Job ${body.jobId} does not exist.`);
    const rows = tasks.map((t) => ({
      taskId: t.ids.task_id,
      jobId: body.jobId,
      jobName: t.meta.jobName ?? t.name,
      jobDescription: '',
      model: 'ERNIE-Speed',
      trainMode: 'SFT',
      parameterScale: 'FullFineTuning',
      runStatus: inventory.raw(t),
      createDate: created(t),
      finishDate: '0000-00-00T00:00:00Z',
    }));
    return page(rows, 'taskList', 'taskId');
  }

  // DescribeEvalTasks: the item fields are UNVERIFIED; the simulator answers with taskId and the detail API's `state`.
  if (body.evalType !== 'auto' && body.evalType !== 'manual') return v2Error(400, 'InappropriateJSON', 'param[evalType] invalid.');
  const rows = inventory
    .list(family)
    .filter((t) => (t.meta.evalType ?? 'auto') === body.evalType)
    .map((t) => ({ taskId: t.ids.evaluation_id, name: t.name, evalType: body.evalType, state: inventory.raw(t), createTime: created(t) }));
  return page(rows, 'evalTaskList', 'taskId');
}

/** The job of a fine-tuning task; the status route derives the same id when a test gave none. */
export function jobIdOf(task: SimTask): string {
  return task.meta.jobId ?? `job-${task.ids.task_id!.replace(/^task-/, '')}`;
}

/** A page starting at the marker item (inclusive), with nextMarker naming the first item of the next page. */
function markerPage(items: Array<Record<string, unknown>>, key: string, idKey: string, body: Record<string, unknown>, pageSize: number): Reply {
  const maxKeys = intIn(body.maxKeys, 1, 100, 10);
  const marker = typeof body.marker === 'string' && body.marker ? body.marker : undefined;
  const start = marker === undefined ? 0 : items.findIndex((i) => i[idKey] === marker);
  const size = Math.min(maxKeys, pageSize);
  const slice = start < 0 ? [] : items.slice(start, start + size);
  const next = start < 0 ? undefined : items[start + size];
  return v2Ok({
    [key]: slice,
    pageInfo: { marker: marker ?? '', maxKeys, isTruncated: next !== undefined, ...(next !== undefined ? { nextMarker: String(next[idKey]) } : {}) },
  });
}
