// Simulated ModelArts notebooks (docs/providers-modern.md §M2): stop answers the notebook (STOPPING), an instance
// that no longer runs is refused with 6307 (stopped) or 6308 (stopping), an unknown one with 6309.
import { modelartsReply as reply } from '../providers/huaweicloud.js';
import { restFamily } from './huaweicloud.js';

const NOT_RUNNING: Record<string, [string, string]> = {
  STOPPED: ['ModelArts.6307', 'The instance has already been stopped.'],
  STOPPING: ['ModelArts.6308', 'The instance is stopping.'],
};

export const modelartsNotebook = restFamily({
  family: 'modelarts_notebook',
  raw: {
    pending: 'STARTING',
    running: 'RUNNING',
    stopping: 'STOPPING',
    stopped: 'STOPPED',
    succeeded: 'STOPPED',
    failed: 'ERROR',
  },
  demo: {
    running: [{ notebook_id: 'demo-notebook-gpu' }, { notebook_id: 'demo-notebook-cpu' }],
    finished: { notebook_id: 'demo-notebook-stopped' },
  },
  demoMeta: (ids) =>
    ids.notebook_id === 'demo-notebook-gpu'
      ? { flavor: 'modelarts.vm.gpu.t4', billing: 'COMPUTE,STORAGE' }
      : { flavor: 'modelarts.vm.cpu.2u', billing: 'COMPUTE,STORAGE' },
  idKey: 'notebook_id',
  item: /^\/v1\/([^/]+)\/notebooks\/([^/]+)$/,
  stop: { method: 'POST', path: /^\/v1\/([^/]+)\/notebooks\/([^/]+)\/stop$/ },
  list: { path: /^\/v1\/([^/]+)\/notebooks$/, key: 'data', total: 'total', offset: 'record', maxLimit: 50 },
  object: (t, ctx) => ({
    id: t.ids.notebook_id,
    name: t.name,
    status: ctx.inventory.raw(t),
    flavor: t.meta.flavor ?? 'modelarts.vm.cpu.2u',
    feature: t.meta.feature ?? 'NOTEBOOK',
    billing_items: (t.meta.billing ?? 'COMPUTE,STORAGE').split(','),
    create_at: t.createdAt,
    workspace: { id: '0' },
  }),
  notFound: (id) => reply(400, { error_code: 'ModelArts.6309', error_msg: `The instance ${id} does not exist.` }),
  refused: (t, ctx) => {
    const [code, message] = NOT_RUNNING[String(ctx.inventory.raw(t))] ?? [
      'ModelArts.6327',
      'The instance is not in running.',
    ];
    return reply(400, { error_code: code, error_msg: message });
  },
});
