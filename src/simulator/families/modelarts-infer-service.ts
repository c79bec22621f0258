// Simulated ModelArts inference services of the new API (docs/providers-modern.md §M4): stop answers 200 with the
// service (its status code is UNVERIFIED: any 2xx is accepted). The not-found and refusal codes are UNVERIFIED: the
// simulator's are guesses, and the tools rely on the HTTP status.
import { modelartsReply as reply } from '../providers/huaweicloud.js';
import { restFamily } from './huaweicloud.js';

export const modelartsInferService = restFamily({
  family: 'modelarts_infer_service',
  raw: {
    pending: 'DEPLOYING',
    running: 'RUNNING',
    stopping: 'STOPPING',
    stopped: 'STOPPED',
    succeeded: 'STOPPED',
    failed: 'FAILED',
  },
  demo: {
    running: [{ service_id: 'demo-infer-llm' }, { service_id: 'demo-infer-ocr' }],
    finished: { service_id: 'demo-infer-stopped' },
  },
  idKey: 'service_id',
  item: /^\/v2\/([^/]+)\/services\/([^/]+)$/,
  stop: { method: 'POST', path: /^\/v2\/([^/]+)\/services\/([^/]+)\/stop$/ },
  list: { path: /^\/v2\/([^/]+)\/services$/, key: 'data', total: 'total', offset: 'record', maxLimit: 500 },
  object: (t, ctx) => ({
    id: t.ids.service_id,
    name: t.name,
    status: ctx.inventory.raw(t),
    type: 'REAL_TIME',
    deploy_type: 'SINGLE',
    workspace_id: '0',
    create_at: t.createdAt,
    update_at: t.createdAt,
  }),
  notFound: (id) => reply(404, { error_code: 'ModelArts.3502', error_msg: `Service ${id} does not exist.` }),
  refused: () =>
    reply(400, { error_code: 'ModelArts.3519', error_msg: 'The service is not running and cannot be stopped.' }),
});
