// Simulated ModelArts v1 training job versions: detail and stop (docs/providers.md §3.2, §6 B), the job list and a
// job's version list (§8.3).
import { intIn, longId } from '../listing.js';
import type { SimTask } from '../inventory.js';
import type { SimContext } from '../providers/define.js';
import { modelartsReply as reply, segments } from '../providers/huaweicloud.js';
import type { Reply, SimRequest } from '../types.js';
import type { SimFamily } from './define.js';

const FAMILY = 'modelarts_training_job_version';
const VERSION = /^\/v1\/([^/]+)\/training-jobs\/([^/]+)\/versions\/([^/]+)(\/stop)?$/;
const JOBS = /^\/v1\/([^/]+)\/training-jobs$/;
const VERSIONS = /^\/v1\/([^/]+)\/training-jobs\/([^/]+)\/versions$/;

const missing = (jobId: string, versionId: string) =>
  reply(404, {
    is_success: false,
    error_code: 'ModelArts.0105',
    error_message: `Training job ${jobId} version ${versionId} does not exist.`,
  });

export const modelartsTrainingJobVersion: SimFamily = {
  provider: 'huaweicloud',
  raw: { pending: 7, running: 8, stopping: 9, stopped: 12, succeeded: 10, failed: 11 },
  demo: {
    running: [
      { job_id: '1001', version_id: '2001' },
      { job_id: '1002', version_id: '2002' },
    ],
    finished: { job_id: '1003', version_id: '2003' },
  },
  match(req) {
    const version = VERSION.exec(req.path);
    if (version)
      return version[4] ? (req.method === 'POST' ? 'stop' : undefined) : req.method === 'GET' ? 'status' : undefined;
    return req.method === 'GET' && (JOBS.test(req.path) || VERSIONS.test(req.path)) ? 'list' : undefined;
  },
  route(req, ctx) {
    const version = segments(VERSION, req.path);
    if (version) {
      const [project_id, job_id, version_id, stop] = version as [string, string, string, string?];
      const ids = { project_id, job_id, version_id };
      if (stop && req.method === 'POST') return { kind: 'stop', reply: stopVersion(ctx, ids) };
      if (!stop && req.method === 'GET') return { kind: 'status', reply: detail(ctx, ids) };
      return undefined;
    }
    if (req.method !== 'GET') return undefined;
    const failing = ctx.inventory.listing.failing.has(FAMILY);
    const list = (answer: () => Reply) => ({ kind: 'list' as const, reply: failing ? listFailure() : answer() });
    const jobsOf = segments(JOBS, req.path);
    if (jobsOf) return list(() => jobs(req, ctx, jobsOf[0]!));
    const versionsOf = segments(VERSIONS, req.path);
    if (versionsOf) return list(() => versions(req, ctx, versionsOf[0]!, versionsOf[1]!));
    return undefined;
  },
};

function stopVersion(ctx: SimContext, ids: Record<string, string>): Reply {
  const verdict = ctx.inventory.stop(FAMILY, ids);
  if (verdict === 'accepted') return reply(200, { is_success: true });
  if (verdict === 'not_found') return missing(ids.job_id!, ids.version_id!);
  return reply(400, {
    is_success: false,
    error_code: 'ModelArts.0105',
    error_message: 'The training job version is not running and cannot be stopped.',
  });
}

function detail(ctx: SimContext, ids: Record<string, string>): Reply {
  const task = ctx.inventory.get(FAMILY, ids);
  if (!task) return missing(ids.job_id!, ids.version_id!);
  return reply(200, {
    is_success: true,
    job_id: Number(ids.job_id),
    job_name: task.name,
    version_id: Number(ids.version_id),
    version_name: 'V0001',
    status: ctx.inventory.raw(task),
    create_time: task.createdAt,
    duration: 0,
  });
}

function listFailure(): Reply {
  return reply(500, {
    error_code: 'APIG.0103',
    error_msg: 'The backend does not exist or is unavailable (simulated list failure).',
  });
}

/** Training job versions of a project grouped by job, in order of first appearance; the last one put is the latest. */
function jobGroups(ctx: SimContext, projectId: string): Map<string, SimTask[]> {
  const groups = new Map<string, SimTask[]>();
  for (const t of ctx.inventory.list(FAMILY).filter((v) => v.ids.project_id === projectId)) {
    groups.set(t.ids.job_id!, [...(groups.get(t.ids.job_id!) ?? []), t]);
  }
  return groups;
}

function jobs(req: SimRequest, ctx: SimContext, projectId: string): Reply {
  const rows = [...jobGroups(ctx, projectId)].map(([jobId, versions]) => {
    const latest = versions.at(-1)!;
    return {
      job_id: longId(jobId),
      job_name: latest.name,
      version_id: longId(latest.ids.version_id!),
      status: ctx.inventory.raw(latest),
      create_time: versions[0]!.createdAt,
      duration: 0,
      job_desc: '',
      version_count: versions.length,
    };
  });
  const size = Math.min(intIn(req.query.get('per_page'), 1, 1000, 10), ctx.inventory.listing.pageSize);
  const page = intIn(req.query.get('page'), 1, 65535, 1);
  const slice = rows.slice((page - 1) * size, page * size);
  return reply(200, { is_success: true, job_total_count: rows.length, job_count_limit: 100, quotas: 5, jobs: slice });
}

function versions(req: SimRequest, ctx: SimContext, projectId: string, jobId: string): Reply {
  const all = jobGroups(ctx, projectId).get(jobId);
  if (!all)
    return reply(404, {
      is_success: false,
      error_code: 'ModelArts.0105',
      error_message: `Training job ${jobId} does not exist.`,
    });
  const rows = [...all].reverse().map((v, i) => ({
    version_id: longId(v.ids.version_id!),
    version_name: v.meta.versionName ?? `V${String(all.length - i).padStart(4, '0')}`,
    status: ctx.inventory.raw(v),
    create_time: v.createdAt,
    start_time: v.createdAt,
    duration: 0,
    engine_name: 'TensorFlow',
    engine_version: 'TF-1.4.0-python2.7',
  }));
  // page 0 (the default) returns every version without paging (docs/providers.md §8.3.2).
  const page = intIn(req.query.get('page'), 0, 65535, 0);
  const size = Math.min(intIn(req.query.get('per_page'), 1, 1000, 10), ctx.inventory.listing.pageSize);
  const slice = page === 0 ? rows : rows.slice((page - 1) * size, page * size);
  return reply(200, {
    is_success: true,
    job_id: longId(jobId),
    job_name: all.at(-1)!.name,
    job_desc: '',
    version_count: rows.length,
    versions: slice,
  });
}
