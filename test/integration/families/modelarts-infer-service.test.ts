// modelarts_infer_service (new inference API) through a real MCP client against the simulator: the signed POST
// …/stop with no body, any 2xx read as accepted, refusals read through the status (their codes are UNVERIFIED), and
// the v2 service list.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
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
afterEach(() => sim.intercept(undefined));

type State = 'running' | 'stopped' | 'failed';
const put = (id: string, state: State) =>
  sim.inventory.put('modelarts_infer_service', { project_id: PROJECT, service_id: id }, { state, name: `is-${id}` });

it('stops with a signed POST /v2/{project}/services/{id}/stop with no body', async () => {
  put('is-run', 'running');
  const before = sim.requests.length;
  const called = await mcp.call('modelarts_stop_infer_service', { service_id: 'is-run' });
  const [sent] = sim.requests.slice(before);
  expect(`${sent!.method} ${sent!.url}`).toBe(`POST /v2/${PROJECT}/services/is-run/stop`);
  expect(sent!.body).toBe('');
  expect(sent!.verdict.ok).toBe(true);
  expect(called.result).toMatchObject({ ok: true, outcome: 'stop_requested', http_status: 200 });
});

it('a 202 or 204 answer is accepted as well (the success code is UNVERIFIED)', async () => {
  for (const status of [202, 204]) {
    put(`is-${status}`, 'running');
    sim.intercept((r) => (r.handled?.kind === 'stop' ? { status, body: status === 204 ? undefined : {} } : undefined));
    const called = await mcp.call('modelarts_stop_infer_service', { service_id: `is-${status}` });
    expect(called.result).toMatchObject({ ok: true, outcome: 'stop_requested', http_status: status });
  }
});

it.each([
  ['stopped', 'already_stopped', 'STOPPED'],
  ['failed', 'already_finished', 'FAILED'],
] as const)('a refused stop of a %s service reads the status: %s', async (state, outcome, raw) => {
  put(`is-${state}`, state);
  const called = await mcp.call('modelarts_stop_infer_service', { service_id: `is-${state}` });
  expect(called.isError).toBe(false);
  expect(called.result).toMatchObject({ ok: true, outcome, http_status: 400, status: { raw } });
});

it('an unknown service is not found (HTTP 404)', async () => {
  const called = await mcp.call('modelarts_stop_infer_service', { service_id: 'is-missing' });
  expect(called.result).toMatchObject({
    ok: false,
    outcome: 'failed',
    http_status: 404,
    error: { category: 'not_found', retryable: false },
  });
});

it('list_running_tasks reads the v2 service list, not the v1 one', async () => {
  put('is-listed', 'running');
  const before = sim.requests.length;
  const { result } = await mcp.call('list_running_tasks', { families: ['modelarts_infer_service'] });
  expect(result.items).toContainEqual(
    expect.objectContaining({ ids: { service_id: 'is-listed' }, status: { state: 'running', raw: 'RUNNING' } }),
  );
  const paths = sim.requests.slice(before).map((r) => r.path);
  expect(new Set(paths)).toEqual(new Set([`/v2/${PROJECT}/services`]));
});
