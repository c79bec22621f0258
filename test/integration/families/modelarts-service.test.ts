// modelarts_service (old v1 inference API) through a real MCP client against the simulator: the signed PUT of exactly
// {"status":"stopped"}, 200 {} read as accepted, 3519 refusals read as already stopped or finished, 3502 not found,
// and the service list under both readings of its "start page" offset.
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
afterEach(() => {
  sim.intercept(undefined);
  sim.inventory.listing.offset = 'record';
});

type State = 'running' | 'stopped' | 'succeeded' | 'failed';
const put = (id: string, state: State) =>
  sim.inventory.put('modelarts_service', { project_id: PROJECT, service_id: id }, { state, name: `svc-${id}` });

it('stops with a signed PUT …/services/{id} of only {"status":"stopped"} and reads 200 {} as accepted', async () => {
  put('sv-run', 'running');
  const before = sim.requests.length;
  const called = await mcp.call('modelarts_stop_service', { service_id: 'sv-run', wait_seconds: 5 });
  const [sent] = sim.requests.slice(before);
  expect(`${sent!.method} ${sent!.url}`).toBe(`PUT /v1/${PROJECT}/services/sv-run`);
  expect(sent!.body).toBe('{"status":"stopped"}');
  expect(sent!.verdict.ok).toBe(true);
  expect(sent!.reply).toMatchObject({ status: 200, body: {} });
  expect(called.result).toMatchObject({
    ok: true,
    outcome: 'stopped',
    target: { service_id: 'sv-run', project_id: PROJECT },
    http_status: 200,
    status: { state: 'stopped', raw: 'stopped' },
  });
  expect(called.result).not.toHaveProperty('notice'); // a stopped service no longer bills
});

it.each([
  ['stopped', 'already_stopped', 'stopped'],
  ['succeeded', 'already_finished', 'finished'],
  ['failed', 'already_finished', 'failed'],
] as const)('a %s service is refused with ModelArts.3519 and reads as %s', async (state, outcome, raw) => {
  put(`sv-${state}`, state);
  const called = await mcp.call('modelarts_stop_service', { service_id: `sv-${state}` });
  expect(called.isError).toBe(false);
  expect(called.result).toMatchObject({ ok: true, outcome, http_status: 400, status: { raw } });
  expect(called.result.note).toContain('ModelArts.3519');
});

it('ModelArts.3502 is not found', async () => {
  const called = await mcp.call('modelarts_stop_service', { service_id: 'sv-missing' });
  expect(called.result).toMatchObject({
    ok: false,
    outcome: 'failed',
    http_status: 404,
    error: { code: 'ModelArts.3502', category: 'not_found', retryable: false },
  });
});

it('a 200 whose body carries an error code is a failure, not a stop', async () => {
  put('sv-odd', 'running');
  sim.intercept((r) =>
    r.handled?.kind === 'stop'
      ? { status: 200, body: { error_code: 'ModelArts.3501', error_msg: 'Parameter error.' } }
      : undefined,
  );
  const called = await mcp.call('modelarts_stop_service', { service_id: 'sv-odd' });
  expect(called.isError).toBe(true);
  expect(called.result).toMatchObject({ ok: false, outcome: 'failed', error: { code: 'ModelArts.3501' } });
  expect(sim.inventory.get('modelarts_service', { project_id: PROJECT, service_id: 'sv-odd' })!.state).toBe('running');
});

it.each(['record', 'page'] as const)(
  'list_running_tasks finds every running service when offset is a %s offset',
  async (reading) => {
    sim.inventory.listing.offset = reading;
    const ids = Array.from({ length: 8 }, (_, n) => `sv-${reading}-${n}`);
    ids.forEach((id, n) => put(id, n % 3 ? 'running' : 'stopped'));
    const { result } = await mcp.call('list_running_tasks', { families: ['modelarts_service'] });
    expect(result).toMatchObject({ ok: true, truncated: false, errors: [] });
    const listed = result.items.map((i: { ids: { service_id: string } }) => i.ids.service_id);
    expect(listed.filter((id: string) => id.startsWith(`sv-${reading}-`)).sort()).toEqual(
      ids.filter((_, n) => n % 3).sort(),
    );
  },
);
