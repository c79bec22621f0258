// Simulated ModelArts Lite Servers (docs/providers-modern.md §M5): stop is a PUT answering the server object. The
// codes for a server that is not running or does not exist are UNVERIFIED: the simulator's are guesses, and the
// tools rely only on the HTTP status (a 400 is a refusal, a 404 is not found).
import { modelartsReply as reply } from '../providers/huaweicloud.js';
import { restFamily } from './huaweicloud.js';

export const modelartsDevServer = restFamily({
  family: 'modelarts_dev_server',
  raw: {
    pending: 'STARTING',
    running: 'RUNNING',
    stopping: 'STOPPING',
    stopped: 'STOPPED',
    succeeded: 'STOPPED',
    failed: 'ERROR',
  },
  demo: {
    running: [{ dev_server_id: 'demo-lite-postpaid' }, { dev_server_id: 'demo-lite-prepaid' }],
    finished: { dev_server_id: 'demo-lite-stopped' },
  },
  demoMeta: (ids) =>
    ids.dev_server_id === 'demo-lite-prepaid'
      ? { flavor: 'modelarts.bm.npu.arm.8snt9b3.d', charging: 'PRE_PAID' }
      : { flavor: 'modelarts.bm.gpu.8ant8', charging: 'POST_PAID' },
  idKey: 'dev_server_id',
  item: /^\/v1\/([^/]+)\/dev-servers\/([^/]+)$/,
  stop: { method: 'PUT', path: /^\/v1\/([^/]+)\/dev-servers\/([^/]+)\/stop$/ },
  list: { path: /^\/v1\/([^/]+)\/dev-servers$/, key: 'data', total: 'total', offset: 'record', maxLimit: 1024 },
  object: (t, ctx) => ({
    id: t.ids.dev_server_id,
    name: t.name,
    status: ctx.inventory.raw(t),
    flavor: t.meta.flavor ?? 'modelarts.bm.gpu.8ant8',
    charging_mode: t.meta.charging ?? 'POST_PAID',
    category: 'HPS',
    create_at: t.createdAt,
  }),
  notFound: (id) => reply(404, { error_code: 'ModelArts.7404', error_msg: `Dev server ${id} not found.` }),
  refused: () =>
    reply(400, { error_code: 'ModelArts.7409', error_msg: 'The server is not running and cannot be stopped.' }),
});
