// Simulated ModelArts training jobs (docs/providers-modern.md §M1): terminate through /actions (202 with the job),
// the job detail, and the job search (a POST with offset and limit in the body, read as the offset knob says).
import type { SimTask } from '../inventory.js';
import { intIn } from '../listing.js';
import type { SimContext } from '../providers/define.js';
import { modelartsReply as reply, segments } from '../providers/huaweicloud.js';
import type { Reply, SimRequest } from '../types.js';
import type { SimFamily } from './define.js';

const FAMILY = 'modelarts_training_job';
const JOB = /^\/v2\/([^/]+)\/training-jobs\/([^/]+)$/;
const ACTIONS = /^\/v2\/([^/]+)\/training-jobs\/([^/]+)\/actions$/;
const SEARCH = /^\/v2\/([^/]+)\/training-job-searches$/;

const notFound = (id: string) =>
  reply(400, { error_code: 'ModelArts.2775', error_msg: `Training job (ID: ${id}) not found.` });

export const modelartsTrainingJob: SimFamily = {
  provider: 'huaweicloud',
  raw: {
    pending: 'Pending',
    running: 'Running',
    stopping: 'Terminating',
    stopped: 'Terminated',
    succeeded: 'Completed',
    failed: 'Failed',
  },
  demo: {
    running: [{ training_job_id: 'demo-train-gpu8' }, { training_job_id: 'demo-train-cpu' }],
    finished: { training_job_id: 'demo-train-done' },
  },
  demoMeta: (ids) =>
    ids.training_job_id === 'demo-train-gpu8'
      ? {
          flavor: 'modelarts.p3.8xlarge.public',
          flavorName: 'GPU: 8*NVIDIA-V100(32GB) | CPU: 64 vCPUs 512GB',
          nodes: '2',
        }
      : { flavor: 'modelarts.vm.cpu.8u', flavorName: 'CPU: 8 vCPUs 32GB', nodes: '1' },
  match(req) {
    if (req.method === 'POST' && ACTIONS.test(req.path)) return 'stop';
    if (req.method === 'GET' && JOB.test(req.path)) return 'status';
    return req.method === 'POST' && SEARCH.test(req.path) ? 'list' : undefined;
  },
  route(req, ctx) {
    const action = segments(ACTIONS, req.path);
    if (action && req.method === 'POST') return { kind: 'stop', reply: terminate(req, ctx, action[0]!, action[1]!) };
    const job = segments(JOB, req.path);
    if (job && req.method === 'GET') return { kind: 'status', reply: detail(ctx, job[0]!, job[1]!) };
    const search = segments(SEARCH, req.path);
    if (search && req.method === 'POST') {
      const failing = ctx.inventory.listing.failing.has(FAMILY);
      return { kind: 'list', reply: failing ? listFailure() : list(req, ctx, search[0]!) };
    }
    return undefined;
  },
};

function terminate(req: SimRequest, ctx: SimContext, projectId: string, id: string): Reply {
  const body = req.json as Record<string, unknown> | undefined;
  if (body?.action_type !== 'terminate') {
    return reply(400, { error_code: 'ModelArts.2763', error_msg: 'Invalid action_type; only terminate is supported.' });
  }
  const ids = { project_id: projectId, training_job_id: id };
  const verdict = ctx.inventory.stop(FAMILY, ids);
  if (verdict === 'not_found') return notFound(id);
  if (verdict === 'not_running') {
    return reply(409, {
      error_code: 'ModelArts.2796',
      error_msg: 'The job cannot be terminated. Check whether the job status is valid.',
    });
  }
  return reply(202, jobObject(ctx, ctx.inventory.get(FAMILY, ids)!));
}

function detail(ctx: SimContext, projectId: string, id: string): Reply {
  const task = ctx.inventory.get(FAMILY, { project_id: projectId, training_job_id: id });
  return task ? reply(200, jobObject(ctx, task)) : notFound(id);
}

function list(req: SimRequest, ctx: SimContext, projectId: string): Reply {
  const body = (req.json ?? {}) as Record<string, unknown>;
  const all = ctx.inventory.list(FAMILY).filter((t) => t.ids.project_id === projectId);
  const limit = Math.min(intIn(body.limit, 1, 50, 10), ctx.inventory.listing.pageSize);
  const offset = intIn(body.offset, 0, 1_000_000, 0);
  const start = ctx.inventory.listing.offset === 'page' ? offset * limit : offset;
  const items = all.slice(start, start + limit).map((t) => jobObject(ctx, t));
  return reply(200, {
    total: all.length,
    count: items.length,
    limit,
    offset,
    sort_by: 'create_time',
    order: 'desc',
    group_by: '',
    workspace_id: '0',
    ai_project: 'default-ai-project',
    items,
  });
}

function listFailure(): Reply {
  return reply(500, { error_code: 'ModelArts.0010', error_msg: 'Internal server error (simulated list failure).' });
}

/** The job object the detail, the search and a terminate answer with. */
function jobObject(ctx: SimContext, t: SimTask): Record<string, unknown> {
  const phase = ctx.inventory.raw(t);
  return {
    kind: 'job',
    metadata: {
      id: t.ids.training_job_id,
      name: t.name,
      workspace_id: '0',
      description: '',
      create_time: t.createdAt,
      user_name: 'demo-user',
    },
    status: { phase, secondary_phase: phase === 'Pending' ? 'Queuing' : phase, duration: 0, start_time: t.createdAt },
    algorithm: { id: 'algo-demo', name: 'pytorch-train' },
    spec: {
      resource: {
        policy: 'regular',
        flavor_id: t.meta.flavor ?? 'modelarts.p3.large.public.free',
        flavor_name: t.meta.flavorName ?? 'GPU: 1*NVIDIA-V100(32GB) | CPU: 8 vCPUs 64GB',
        node_count: Number(t.meta.nodes ?? 1),
      },
    },
  };
}
