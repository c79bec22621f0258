// Simulated Qianfan custom services (docs/providers-modern.md §Q4a): DeactivateService answers result.operation and a
// message about post-paid compute units; a service that no longer serves answers operation: false (how the real
// service refuses is UNVERIFIED). DescribeServices filters by runStatus and answers result.serviceList (the real list
// key is UNVERIFIED) with marker paging.
import type { SimTask } from '../inventory.js';
import { isoSeconds } from '../listing.js';
import type { SimContext } from '../providers/define.js';
import { actionOf, bodyOf, markerPage, v2Error, v2Ok } from '../providers/qianfan.js';
import type { SimFamily } from './define.js';

const FAMILY = 'qianfan_service';
const ACTIONS: Record<string, 'stop' | 'status' | 'list'> = {
  '/v2/service?DeactivateService': 'stop',
  '/v2/service?DescribeService': 'status',
  '/v2/service?DescribeServices': 'list',
};

const POSTPAID_MESSAGE =
  'The service holds exclusive post-paid compute units; release idle ones with the post-paid compute unit release API or in the console (Resource Management).';

function service(t: SimTask, ctx: SimContext) {
  return {
    serviceId: t.ids.service_id,
    name: t.name,
    url: `https://qianfan.example/${t.ids.service_id}`,
    serviceType: 'chat',
    runStatus: ctx.inventory.raw(t),
    chargeType: t.meta.chargeType ?? 'ComputingUnit',
    payType: t.meta.payType ?? 'Postpay',
    chargeStatus: 'Opened',
    resourceConfig: { type: 'GPU-A800', replicasCount: Number(t.meta.replicas ?? 1), qps: 10 },
    createTime: isoSeconds(t.createdAt),
  };
}

export const qianfanService: SimFamily = {
  provider: 'qianfan',
  raw: {
    pending: 'Deploying',
    running: 'Serving',
    stopping: 'Serving',
    stopped: 'Stopped',
    succeeded: 'Done',
    failed: 'Failed',
  },
  demo: {
    running: [{ service_id: 'svco-demo-postpaid' }, { service_id: 'svco-demo-tokens' }],
    finished: { service_id: 'svco-demo-stopped' },
  },
  demoMeta: (ids): Record<string, string> =>
    ids.service_id === 'svco-demo-tokens'
      ? { chargeType: 'Tokens', payType: 'Postpay' }
      : { chargeType: 'ComputingUnit', payType: 'Postpay', replicas: '2' },
  match: (req) => ACTIONS[actionOf(req)],
  route(req, ctx) {
    const kind = ACTIONS[actionOf(req)];
    if (!kind) return undefined;
    const body = bodyOf(req.json);
    if (kind === 'list') {
      if (ctx.inventory.listing.failing.has(FAMILY))
        return { kind, reply: v2Error(500, 'InternalError', 'Internal error occurred (simulated list failure).') };
      const wanted = Array.isArray(body.runStatus) ? body.runStatus.map(String) : [];
      const rows = ctx.inventory
        .list(FAMILY)
        .map((t) => service(t, ctx))
        .filter((s) => wanted.length === 0 || wanted.includes(String(s.runStatus)));
      return { kind, reply: markerPage(rows, 'serviceList', 'serviceId', body, ctx.inventory.listing.pageSize) };
    }
    const id = body.serviceId;
    if (typeof id !== 'string' || !id)
      return { kind, reply: v2Error(400, 'InvalidParameter', 'serviceId is required.') };
    const missing = v2Error(404, 'ResourceNotFound', `Service ${id} does not exist.`);
    if (kind === 'stop') {
      const verdict = ctx.inventory.stop(FAMILY, { service_id: id });
      if (verdict === 'not_found') return { kind, reply: missing };
      if (verdict === 'not_running')
        return { kind, reply: v2Ok({ operation: false, message: 'The service is not serving.' }) };
      const t = ctx.inventory.get(FAMILY, { service_id: id })!;
      const postpaid = (t.meta.chargeType ?? 'ComputingUnit') === 'ComputingUnit';
      return { kind, reply: v2Ok({ operation: true, message: postpaid ? POSTPAID_MESSAGE : '' }) };
    }
    const found = ctx.inventory.get(FAMILY, { service_id: id });
    return { kind, reply: found ? v2Ok(service(found, ctx)) : missing };
  },
};
