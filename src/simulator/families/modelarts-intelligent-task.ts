// Simulated ModelArts intelligent tasks: detail and stop (docs/providers.md §3.1, §6 A), the dataset list and the
// task list of a dataset (§8.1, §8.2).
import type { SimContext } from '../providers/define.js';
import { modelartsReply as reply, segments } from '../providers/huaweicloud.js';
import { intIn, spaced } from '../listing.js';
import type { SimTask } from '../inventory.js';
import type { Reply, Routed, SimRequest } from '../types.js';
import type { SimFamily } from './define.js';

const FAMILY = 'modelarts_intelligent_task';
const TASK = /^\/v2\/([^/]+)\/datasets\/([^/]+)\/tasks\/([^/]+)(\/stop)?$/;
const DATASETS = /^\/v2\/([^/]+)\/datasets$/;
const TASKS = /^\/v2\/([^/]+)\/datasets\/([^/]+)\/tasks$/;

/** running_task_type values that are intelligent tasks, and the task `type` each one means (10 is the default). */
const RUNNING_TASK_TYPES: Record<string, string> = {
  '0': 'auto-label',
  '1': 'pre-label',
  '7': 'auto-grouping',
  '10': 'auto-deploy',
};
/** The integer `type` of a listed task; the real values are UNVERIFIED beyond 0 and 1. */
const TYPE_CODES: Record<string, number> = { 'auto-label': 0, 'pre-label': 1, 'auto-grouping': 2, 'auto-deploy': 3 };

const NOT_FOUND = { error_code: 'ModelArts.4338', error_msg: 'The resource not exists.' };

export const modelartsIntelligentTask: SimFamily = {
  provider: 'huaweicloud',
  raw: { pending: -1, running: 1, stopping: 4, stopped: 5, succeeded: 3, failed: 2 },
  demo: {
    running: [
      { dataset_id: 'demo-dataset', task_id: 'demo-label-1' },
      { dataset_id: 'demo-dataset', task_id: 'demo-label-2' },
    ],
    finished: { dataset_id: 'demo-dataset', task_id: 'demo-label-done' },
  },
  match(req) {
    const task = TASK.exec(req.path);
    if (task)
      return task[4] ? (req.method === 'POST' ? 'stop' : undefined) : req.method === 'GET' ? 'status' : undefined;
    return req.method === 'GET' && (DATASETS.test(req.path) || TASKS.test(req.path)) ? 'list' : undefined;
  },
  route(req, ctx) {
    const task = segments(TASK, req.path);
    if (task) {
      const [project_id, dataset_id, task_id, stop] = task as [string, string, string, string?];
      const ids = { project_id, dataset_id, task_id };
      if (stop && req.method === 'POST') return { kind: 'stop', reply: stopTask(ctx, ids) };
      if (!stop && req.method === 'GET') return { kind: 'status', reply: detail(ctx, ids) };
      return undefined;
    }
    if (req.method !== 'GET') return undefined;
    const failing = ctx.inventory.listing.failing.has(FAMILY);
    const list = (answer: () => Reply): Routed => ({ kind: 'list', reply: failing ? listFailure() : answer() });
    const datasetsOf = segments(DATASETS, req.path);
    if (datasetsOf) return list(() => datasets(req, ctx, datasetsOf[0]!));
    const tasksOf = segments(TASKS, req.path);
    if (tasksOf) return list(() => tasks(req, ctx, tasksOf[0]!, tasksOf[1]!));
    return undefined;
  },
};

function stopTask(ctx: SimContext, ids: Record<string, string>): Reply {
  const verdict = ctx.inventory.stop(FAMILY, ids);
  if (verdict === 'accepted') return reply(204);
  if (verdict === 'not_found') return reply(400, NOT_FOUND);
  return reply(400, { error_code: 'ModelArts.4393', error_msg: 'Task is not running and cannot be stopped.' });
}

function detail(ctx: SimContext, ids: Record<string, string>): Reply {
  const task = ctx.inventory.get(FAMILY, ids);
  if (!task) return reply(400, NOT_FOUND);
  return reply(200, {
    task_id: ids.task_id,
    resource_id: ids.dataset_id,
    task_name: task.name,
    create_time: spaced(task.createdAt),
    status: ctx.inventory.raw(task),
    progress: task.state === 'succeeded' ? 100.0 : 40.0,
    message: `simulated ${task.state} task`,
    // A failed task's detail names its failure in error_code/error_msg, inside the 200.
    ...(task.state === 'failed' ? { error_code: 'ModelArts.4371', error_msg: 'simulated task failure' } : {}),
  });
}

function listFailure(): Reply {
  return reply(500, {
    error_code: 'APIG.0103',
    error_msg: 'The backend does not exist or is unavailable (simulated list failure).',
  });
}

/** limit/offset paging; `offset` is a page index or a record offset as the knob says. */
function offsetPage<T>(req: SimRequest, ctx: SimContext, all: T[]): T[] {
  const size = Math.min(intIn(req.query.get('limit'), 1, 100, 10), ctx.inventory.listing.pageSize);
  const offset = intIn(req.query.get('offset'), 0, 1_000_000, 0);
  const start = ctx.inventory.listing.offset === 'page' ? offset * size : offset;
  return all.slice(start, start + size);
}

const typeOf = (t: SimTask) => t.meta.type ?? 'auto-label';
const isActive = (raw: string | number) => [-1, 0, 1].includes(Number(raw));

function tasksOfProject(ctx: SimContext, projectId: string): SimTask[] {
  return ctx.inventory.list(FAMILY).filter((t) => t.ids.project_id === projectId);
}

function datasets(req: SimRequest, ctx: SimContext, projectId: string): Reply {
  const all = tasksOfProject(ctx, projectId);
  const ids = [...new Set(all.map((t) => t.ids.dataset_id!))];
  const check = req.query.get('check_running_task') === 'true';
  const kind = RUNNING_TASK_TYPES[req.query.get('running_task_type') ?? '10'];
  const rows = ids.map((id) => {
    const running = check
      ? all.filter((t) => t.ids.dataset_id === id && typeOf(t) === kind && isActive(ctx.inventory.raw(t)))
      : [];
    const created = Math.min(...all.filter((t) => t.ids.dataset_id === id).map((t) => t.createdAt));
    return {
      dataset_id: id,
      dataset_name: `dataset-${id}`,
      dataset_type: 0,
      status: 1,
      create_time: created,
      update_time: created,
      workspace_id: '0',
      exist_running_task: running.length > 0,
      running_tasks_id: running.map((t) => t.ids.task_id),
      dataset_version: 'v2',
    };
  });
  return reply(200, { total_number: rows.length, datasets: offsetPage(req, ctx, rows) });
}

function tasks(req: SimRequest, ctx: SimContext, projectId: string, datasetId: string): Reply {
  const inDataset = tasksOfProject(ctx, projectId).filter((t) => t.ids.dataset_id === datasetId);
  if (inDataset.length === 0) return reply(400, { error_code: 'ModelArts.4352', error_msg: 'Dataset does not exist.' });
  // Without `type`, only auto-labelling tasks (active learning and pre-label) are listed (docs/providers.md §8.1).
  const type = req.query.get('type');
  const matching = inDataset.filter((t) =>
    type ? typeOf(t) === type : typeOf(t) === 'auto-label' || typeOf(t) === 'pre-label',
  );
  const rows = matching.map((t) => ({
    dataset_id: datasetId,
    task_id: t.ids.task_id,
    task_name: t.name,
    type: TYPE_CODES[typeOf(t)] ?? 0,
    status: ctx.inventory.raw(t),
    create_time: spaced(t.createdAt),
    elapsed_time: 0,
    progress: t.state === 'succeeded' ? 100.0 : 40.0,
  }));
  const deploying = inDataset.some((t) => typeOf(t) === 'auto-deploy' && isActive(ctx.inventory.raw(t)));
  return reply(200, {
    tasks: offsetPage(req, ctx, rows),
    total_count: rows.length,
    exist_running_deploy_task: deploying,
  });
}
