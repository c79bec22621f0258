// modelarts_dev_server (Lite Servers) through a real MCP client against the simulator: the signed PUT …/stop, the
// charging mode in status.billing and in result.notice (a PRE_PAID server saves nothing by stopping), refusals read
// through the status, and the server list with flavor and charging mode.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Simulator } from '../../../src/simulator/server.js';
import { PROJECT, connect, envFor, startFake } from '../../helpers/harness.js';

let sim: Simulator;
let mcp: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  sim = await startFake({ autoCreate: false, stoppingMs: 0 });
  mcp = await connect(envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }));
});
afterAll(async () => {
  await mcp.close();
  await sim.close();
});

type State = 'running' | 'stopped';
const put = (id: string, state: State, charging = 'POST_PAID') =>
  sim.inventory.put(
    'modelarts_dev_server',
    { project_id: PROJECT, dev_server_id: id },
    { state, name: `lite-${id}`, meta: { charging } },
  );

it.each([
  ['PRE_PAID', /stopping it saves nothing, the subscription is billed until it expires/],
  ['POST_PAID', /Whether a stopped Lite Server still bills is not documented/],
])('stops a %s server with a signed PUT …/dev-servers/{id}/stop and says what keeps billing', async (mode, notice) => {
  put(`ds-${mode}`, 'running', mode);
  const before = sim.requests.length;
  const called = await mcp.call('modelarts_stop_dev_server', { dev_server_id: `ds-${mode}`, wait_seconds: 5 });
  const [sent] = sim.requests.slice(before);
  expect(`${sent!.method} ${sent!.url}`).toBe(`PUT /v1/${PROJECT}/dev-servers/ds-${mode}/stop`);
  expect(sent!.verdict.ok).toBe(true);
  expect(called.result).toMatchObject({
    ok: true,
    outcome: 'stopped',
    status: { state: 'stopped', raw: 'STOPPED', billing: { charging_mode: mode } },
  });
  expect(called.result.notice).toMatch(notice);
});

it('a stopped server is refused and reads as already_stopped', async () => {
  put('ds-stopped', 'stopped');
  const called = await mcp.call('modelarts_stop_dev_server', { dev_server_id: 'ds-stopped' });
  expect(called.result).toMatchObject({ ok: true, outcome: 'already_stopped', http_status: 400 });
});

it('an unknown server is not found', async () => {
  const called = await mcp.call('modelarts_stop_dev_server', { dev_server_id: 'ds-missing' });
  expect(called.result).toMatchObject({ ok: false, http_status: 404, error: { category: 'not_found' } });
});

it('the status tool gives the charging mode', async () => {
  put('ds-read', 'running', 'PRE_PAID');
  const called = await mcp.call('modelarts_get_dev_server', { dev_server_id: 'ds-read' });
  expect(called.result.status).toEqual({
    state: 'running',
    raw: 'RUNNING',
    detail: 'running',
    billing: { charging_mode: 'PRE_PAID' },
  });
});
