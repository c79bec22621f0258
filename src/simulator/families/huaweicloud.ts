// Shared by the Huawei Cloud families (hence the name). A builder for the simulated ModelArts families whose APIs share one shape: an object at /…/{project_id}/…/{id}
// read with GET, a stop call on it, and a list of those objects paged by limit and offset. Each family gives its
// paths, the object it answers with, and its error answers.
import type { FamilyId } from '../../core/ids.js';
import type { SimTask } from '../inventory.js';
import { intIn } from '../listing.js';
import type { SimContext } from '../providers/define.js';
import { modelartsReply as reply, segments } from '../providers/huaweicloud.js';
import type { Reply, SimRequest } from '../types.js';
import type { SimFamily } from './define.js';

export interface RestFamily {
  family: FamilyId;
  raw: SimFamily['raw'];
  demo: SimFamily['demo'];
  demoMeta?: SimFamily['demoMeta'];
  /** The id key of the family's tasks besides project_id, e.g. notebook_id. */
  idKey: string;
  /** GET: the object; its path has the project and the id. */
  item: RegExp;
  /** The stop call: its method and path (project and id). */
  stop: { method: string; path: RegExp; check?: (req: SimRequest) => Reply | undefined };
  /** The list: its path (project), the items' key, the total's key, and how `offset` reads. */
  list: {
    path: RegExp;
    key: string;
    total: string;
    offset: 'record' | 'ambiguous';
    maxLimit: number;
    extra?: (all: unknown[]) => Record<string, unknown>;
  };
  /** The object the detail, the list and a stop answer with. */
  object(task: SimTask, ctx: SimContext): Record<string, unknown>;
  /** What a stop answers when accepted (default: 200 with the object). */
  accepted?(task: SimTask, ctx: SimContext): Reply;
  notFound(id: string): Reply;
  /** A stop of a task that no longer runs. */
  refused(task: SimTask, ctx: SimContext): Reply;
}

export function restFamily(f: RestFamily): SimFamily {
  const ids = (projectId: string, id: string) => ({ project_id: projectId, [f.idKey]: id });
  return {
    provider: 'huaweicloud',
    raw: f.raw,
    demo: f.demo,
    ...(f.demoMeta ? { demoMeta: f.demoMeta } : {}),
    match(req) {
      if (req.method === f.stop.method && f.stop.path.test(req.path)) return 'stop';
      if (req.method === 'GET' && f.item.test(req.path)) return 'status';
      return req.method === 'GET' && f.list.path.test(req.path) ? 'list' : undefined;
    },
    route(req, ctx) {
      const stop = req.method === f.stop.method ? segments(f.stop.path, req.path) : undefined;
      if (stop) {
        const refusedBody = f.stop.check?.(req);
        if (refusedBody) return { kind: 'stop', reply: refusedBody };
        const key = ids(stop[0]!, stop[1]!);
        const verdict = ctx.inventory.stop(f.family, key);
        if (verdict === 'not_found') return { kind: 'stop', reply: f.notFound(stop[1]!) };
        const task = ctx.inventory.get(f.family, key)!;
        if (verdict === 'not_running') return { kind: 'stop', reply: f.refused(task, ctx) };
        return { kind: 'stop', reply: f.accepted ? f.accepted(task, ctx) : reply(200, f.object(task, ctx)) };
      }
      if (req.method !== 'GET') return undefined;
      const item = segments(f.item, req.path);
      if (item) {
        const task = ctx.inventory.get(f.family, ids(item[0]!, item[1]!));
        return { kind: 'status', reply: task ? reply(200, f.object(task, ctx)) : f.notFound(item[1]!) };
      }
      const list = segments(f.list.path, req.path);
      if (!list) return undefined;
      if (ctx.inventory.listing.failing.has(f.family)) {
        return {
          kind: 'list',
          reply: reply(500, {
            error_code: 'ModelArts.0010',
            error_msg: 'Internal server error (simulated list failure).',
          }),
        };
      }
      return { kind: 'list', reply: page(req, ctx, f, list[0]!) };
    },
  };
}

function page(req: SimRequest, ctx: SimContext, f: RestFamily, projectId: string): Reply {
  const all = ctx.inventory.list(f.family).filter((t) => t.ids.project_id === projectId);
  const limit = Math.min(intIn(req.query.get('limit'), 1, f.list.maxLimit, 10), ctx.inventory.listing.pageSize);
  const offset = intIn(req.query.get('offset'), 0, 1_000_000, 0);
  const start = f.list.offset === 'ambiguous' && ctx.inventory.listing.offset === 'page' ? offset * limit : offset;
  const items = all.slice(start, start + limit).map((t) => f.object(t, ctx));
  const pages = Math.ceil(all.length / limit);
  return reply(200, {
    [f.list.total]: all.length,
    ...(f.list.key === 'data'
      ? { current: Math.floor(start / limit), size: items.length, pages }
      : { count: items.length }),
    [f.list.key]: items,
    ...f.list.extra?.(items),
  });
}
