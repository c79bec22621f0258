// Simulated ModelArts services of the old (v1) inference API (docs/providers-modern.md §M3): stop is a PUT of
// {"status":"stopped"} answering 200 {}; a service that is not running is refused with 3519, an unknown one is 3502.
// The list's `offset` reads as the offset knob says ("start page" is ambiguous).
import { modelartsReply as reply } from '../providers/huaweicloud.js';
import type { SimRequest } from '../types.js';
import { restFamily } from './huaweicloud.js';

/** Only `status` may be sent, and only running or stopped. */
function check(req: SimRequest) {
  const body = req.json as Record<string, unknown> | undefined;
  if (!body || Object.keys(body).join() !== 'status' || (body.status !== 'stopped' && body.status !== 'running')) {
    return reply(400, {
      error_code: 'ModelArts.3501',
      error_msg: 'Parameter error: send {"status":"stopped"} or {"status":"running"}.',
    });
  }
  return undefined;
}

export const modelartsService = restFamily({
  family: 'modelarts_service',
  raw: {
    pending: 'deploying',
    running: 'running',
    stopping: 'stopping',
    stopped: 'stopped',
    succeeded: 'finished',
    failed: 'failed',
  },
  demo: {
    running: [{ service_id: 'demo-realtime-1' }, { service_id: 'demo-realtime-2' }],
    finished: { service_id: 'demo-batch-done' },
  },
  idKey: 'service_id',
  item: /^\/v1\/([^/]+)\/services\/([^/]+)$/,
  stop: { method: 'PUT', path: /^\/v1\/([^/]+)\/services\/([^/]+)$/, check },
  list: {
    path: /^\/v1\/([^/]+)\/services$/,
    key: 'services',
    total: 'total_count',
    offset: 'ambiguous',
    maxLimit: 1000,
  },
  object: (t, ctx) => ({
    service_id: t.ids.service_id,
    service_name: t.name,
    infer_type: t.meta.inferType ?? 'real-time',
    status: ctx.inventory.raw(t),
    publish_at: t.createdAt,
    is_free: false,
  }),
  accepted: () => reply(200, {}),
  notFound: (id) => reply(404, { error_code: 'ModelArts.3502', error_msg: `Service ${id} does not exist.` }),
  refused: () =>
    reply(400, {
      error_code: 'ModelArts.3519',
      error_msg: 'Services only in one of states in [deploying, running, stopping, deleting] can be updated.',
    }),
});
