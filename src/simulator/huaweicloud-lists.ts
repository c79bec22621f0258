// Simulated ModelArts list APIs (providers.md 8.1-8.3), served from the inventory with small pages.
import type { Inventory, SimTask } from './inventory.js';
import { intIn, longId } from './listing.js';
import type { Reply, SimRequest } from './types.js';

const DATASETS = /^\/v2\/([^/]+)\/datasets$/;
const TASKS = /^\/v2\/([^/]+)\/datasets\/([^/]+)\/tasks$/;
const JOBS = /^\/v1\/([^/]+)\/training-jobs$/;
const VERSIONS = /^\/v1\/([^/]+)\/training-jobs\/([^/]+)\/versions$/;

/** running_task_type values that are intelligent tasks, and the task `type` each one means (10 is the default). */
const RUNNING_TASK_TYPES: Record<string, string> = { '0': 'auto-label', '1': 'pre-label', '7': 'auto-grouping', '10': 'auto-deploy' };
/** The integer `type` of a listed task; the real values are UNVERIFIED beyond 0 and 1. */
const TYPE_CODES: Record<string, number> = { 'auto-label': 0, 'pre-label': 1, 'auto-grouping': 2, 'auto-deploy': 3 };

type Answer = (status: number, body?: unknown) => Reply;

/** The answer to a list call, or undefined when the request is not one. */
export function huaweiListRoute(req: SimRequest, inventory: Inventory, reply: Answer): Reply | undefined {
  if (req.method !== 'GET') return undefined;
  const match = (re: RegExp) => re.exec(req.path)?.slice(1).map(decodeURIComponent);
  const failing = (family: SimTask['family']) =>
    inventory.listing.failing.has(family) ? reply(500, { error_code: 'APIG.0103', error_msg: 'The backend does not exist or is unavailable (simulated list failure).' }) : undefined;

  let m = match(DATASETS);
  if (m) return failing('modelarts_intelligent_task') ?? datasets(req, inventory, m[0]!, reply);
  m = match(TASKS);
  if (m) return failing('modelarts_intelligent_task') ?? tasks(req, inventory, m[0]!, m[1]!, reply);
  m = match(JOBS);
  if (m) return failing('modelarts_training_job_version') ?? jobs(req, inventory, m[0]!, reply);
  m = match(VERSIONS);
  if (m) return failing('modelarts_training_job_version') ?? versions(req, inventory, m[0]!, m[1]!, reply);
  return undefined;
}

/** limit/offset paging; `offset` is a page index or a record offset as the knob says. */
function offsetPage<T>(req: SimRequest, inventory: Inventory, all: T[]): T[] {
  const size = Math.min(intIn(req.query.get('limit'), 1, 100, 10), inventory.listing.pageSize);
  const offset = intIn(req.query.get('offset'), 0, 1_000_000, 0);
  const start = inventory.listing.offset === 'page' ? offset * size : offset;
  return all.slice(start, start + size);
}

const typeOf = (t: SimTask) => t.meta.type ?? 'auto-label';
const isActive = (raw: string | number) => [-1, 0, 1].includes(Number(raw));
const time = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

function intelligentTasks(inventory: Inventory, projectId: string): SimTask[] {
  return inventory.list('modelarts_intelligent_task').filter((t) => t.ids.project_id === projectId);
}

function datasets(req: SimRequest, inventory: Inventory, projectId: string, reply: Answer): Reply {
  const all = intelligentTasks(inventory, projectId);
  const ids = [...new Set(all.map((t) => t.ids.dataset_id!))];
  const check = req.query.get('check_running_task') === 'true';
  const kind = RUNNING_TASK_TYPES[req.query.get('running_task_type') ?? '10'];
  const rows = ids.map((id) => {
    const running = check ? all.filter((t) => t.ids.dataset_id === id && typeOf(t) === kind && isActive(inventory.raw(t))) : [];
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
  return reply(200, { total_number: rows.length, datasets: offsetPage(req, inventory, rows) });
}

function tasks(req: SimRequest, inventory: Inventory, projectId: string, datasetId: string, reply: Answer): Reply {
  const inDataset = intelligentTasks(inventory, projectId).filter((t) => t.ids.dataset_id === datasetId);
  if (inDataset.length === 0) return reply(400, { error_code: 'ModelArts.4352', error_msg: 'Dataset does not exist.' });
  // Without `type`, only auto-labelling tasks (active learning and pre-label) are listed (providers.md 8.1).
  const type = req.query.get('type');
  const matching = inDataset.filter((t) => (type ? typeOf(t) === type : typeOf(t) === 'auto-label' || typeOf(t) === 'pre-label'));
  const rows = matching.map((t) => ({
    dataset_id: datasetId,
    task_id: t.ids.task_id,
    task_name: t.name,
    type: TYPE_CODES[typeOf(t)] ?? 0,
    status: inventory.raw(t),
    create_time: time(t.createdAt),
    elapsed_time: 0,
    progress: t.state === 'succeeded' ? 100.0 : 40.0,
  }));
  const deploying = inDataset.some((t) => typeOf(t) === 'auto-deploy' && isActive(inventory.raw(t)));
  return reply(200, { tasks: offsetPage(req, inventory, rows), total_count: rows.length, exist_running_deploy_task: deploying });
}

/** Training job versions of a project grouped by job, in order of first appearance; the last one put is the latest. */
function jobGroups(inventory: Inventory, projectId: string): Map<string, SimTask[]> {
  const groups = new Map<string, SimTask[]>();
  for (const t of inventory.list('modelarts_training_job_version').filter((v) => v.ids.project_id === projectId)) {
    groups.set(t.ids.job_id!, [...(groups.get(t.ids.job_id!) ?? []), t]);
  }
  return groups;
}

function jobs(req: SimRequest, inventory: Inventory, projectId: string, reply: Answer): Reply {
  const rows = [...jobGroups(inventory, projectId)].map(([jobId, versions]) => {
    const latest = versions.at(-1)!;
    return {
      job_id: longId(jobId),
      job_name: latest.name,
      version_id: longId(latest.ids.version_id!),
      status: inventory.raw(latest),
      create_time: versions[0]!.createdAt,
      duration: 0,
      job_desc: '',
      version_count: versions.length,
    };
  });
  const size = Math.min(intIn(req.query.get('per_page'), 1, 1000, 10), inventory.listing.pageSize);
  const page = intIn(req.query.get('page'), 1, 65535, 1);
  const slice = rows.slice((page - 1) * size, page * size);
  return reply(200, { is_success: true, job_total_count: rows.length, job_count_limit: 100, quotas: 5, jobs: slice });
}

function versions(req: SimRequest, inventory: Inventory, projectId: string, jobId: string, reply: Answer): Reply {
  const all = jobGroups(inventory, projectId).get(jobId);
  if (!all) return reply(404, { is_success: false, error_code: 'ModelArts.0105', error_message: `Training job ${jobId} does not exist.` });
  const rows = [...all].reverse().map((v, i) => ({
    version_id: longId(v.ids.version_id!),
    version_name: v.meta.versionName ?? `V${String(all.length - i).padStart(4, '0')}`,
    status: inventory.raw(v),
    create_time: v.createdAt,
    start_time: v.createdAt,
    duration: 0,
    engine_name: 'TensorFlow',
    engine_version: 'TF-1.4.0-python2.7',
  }));
  // page 0 (the default) returns every version without paging (providers.md 8.3.2).
  const page = intIn(req.query.get('page'), 0, 65535, 0);
  const size = Math.min(intIn(req.query.get('per_page'), 1, 1000, 10), inventory.listing.pageSize);
  const slice = page === 0 ? rows : rows.slice((page - 1) * size, page * size);
  return reply(200, { is_success: true, job_id: longId(jobId), job_name: all.at(-1)!.name, job_desc: '', version_count: rows.length, versions: slice });
}
