// qianfan_service through a real MCP client against the simulator: the signed DeactivateService, the provider's
// message about post-paid compute units passed on in result.notice, operation false read as a refusal (status not
// serving) or a failure (still serving), and the service list filtered to what runs, with resources and notices.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Simulator } from '../../../src/simulator/server.js';
import { connect, envFor, startFake } from '../../helpers/harness.js';

let sim: Simulator;
let mcp: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  sim = await startFake({ autoCreate: false, stoppingMs: 0 });
  mcp = await connect(envFor(sim));
});
afterAll(async () => {
  await mcp.close();
  await sim.close();
});
afterEach(() => sim.intercept(undefined));

type State = 'running' | 'pending' | 'stopped' | 'failed';
const put = (id: string, state: State, meta: Record<string, string> = {}) =>
  sim.inventory.put('qianfan_service', { service_id: id }, { state, name: `svc-${id}`, meta });
const RELEASE = /Deactivating does not release its post-paid compute units, which stay billed until released/;

it("deactivates with a signed POST /v2/service?Action=DeactivateService and passes Qianfan's message on", async () => {
  put('svco-run', 'running');
  const before = sim.requests.length;
  const called = await mcp.call('qianfan_stop_service', { service_id: 'svco-run' });
  const [sent] = sim.requests.slice(before);
  expect(`${sent!.method} ${sent!.url}`).toBe('POST /v2/service?Action=DeactivateService');
  expect(sent!.json).toEqual({ serviceId: 'svco-run' });
  expect(sent!.verdict.ok).toBe(true);
  const said = (sent!.reply!.body as { result: { message: string } }).result.message;
  expect(said).toContain('post-paid compute units');
  expect(called.result).toMatchObject({ ok: true, outcome: 'stop_requested', http_status: 200 });
  expect(called.result.notice).toContain(`Qianfan says: ${said}`);
  expect(called.result.notice).toMatch(RELEASE);
});

it('a token-billed service stops with no notice', async () => {
  put('svco-tokens', 'running', { chargeType: 'Tokens' });
  const called = await mcp.call('qianfan_stop_service', { service_id: 'svco-tokens', wait_seconds: 5 });
  expect(called.result).toMatchObject({
    ok: true,
    outcome: 'stopped',
    status: { state: 'stopped', raw: 'Stopped', billing: { chargeType: 'Tokens', payType: 'Postpay' } },
  });
  expect(called.result).not.toHaveProperty('notice');
});

it('operation false for a stopped service is a refusal read as already_stopped, with the units still billed', async () => {
  put('svco-stopped', 'stopped');
  const called = await mcp.call('qianfan_stop_service', { service_id: 'svco-stopped' });
  expect(called.isError).toBe(false);
  expect(called.result).toMatchObject({ ok: true, outcome: 'already_stopped', http_status: 200 });
  expect(called.result.note).toContain('OperationFalse');
  expect(called.result.notice).toMatch(RELEASE);
});

it('operation false while the service still serves is a failure, never a success', async () => {
  put('svco-busy', 'running');
  sim.intercept((r) =>
    r.handled?.kind === 'stop'
      ? { status: 200, body: { requestId: 'r-2', result: { operation: false, message: 'service is updating' } } }
      : undefined,
  );
  const called = await mcp.call('qianfan_stop_service', { service_id: 'svco-busy' });
  expect(called.isError).toBe(true);
  expect(called.result).toMatchObject({
    ok: false,
    outcome: 'failed',
    http_status: 200,
    error: { code: 'OperationFalse', message: 'service is updating' },
  });
  expect(sim.inventory.get('qianfan_service', { service_id: 'svco-busy' })!.state).toBe('running');
});

it('list_running_tasks asks DescribeServices for the services that run, and reads an unexpected list key', async () => {
  put('svco-l1', 'running', { replicas: '3' });
  put('svco-l2', 'stopped');
  const before = sim.requests.length;
  const { result } = await mcp.call('list_running_tasks', { families: ['qianfan_service'] });
  expect(sim.requests.slice(before)[0]!.json).toMatchObject({ runStatus: ['New', 'Deploying', 'Serving'] });
  const item = result.items.find((i: { ids: { service_id: string } }) => i.ids.service_id === 'svco-l1');
  expect(item).toMatchObject({ resources: { instances: 3, charging: 'ComputingUnit Postpay' } });
  expect(item.notice).toMatch(RELEASE);
  expect(result.items.some((i: { ids: { service_id: string } }) => i.ids.service_id === 'svco-l2')).toBe(false);

  // The list key is UNVERIFIED: an answer that names it differently is still read.
  sim.intercept((r) =>
    r.handled?.kind === 'list'
      ? {
          status: 200,
          body: {
            requestId: 'r-3',
            result: { services: [{ serviceId: 'svco-other', name: 'x', runStatus: 'Serving' }], isTruncated: false },
          },
        }
      : undefined,
  );
  const renamed = await mcp.call('list_running_tasks', { families: ['qianfan_service'] });
  expect(renamed.result.items.map((i: { ids: object }) => i.ids)).toEqual([{ service_id: 'svco-other' }]);
});
