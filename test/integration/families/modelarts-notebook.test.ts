// modelarts_notebook through a real MCP client against the simulator: the signed POST …/stop with no body, the
// storage that keeps billing (result.notice, status.billing), 6307/6308 refusals read as already stopped or stopping,
// 6309 as not found, and the instance list paged by record offsets.
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

type State = 'running' | 'stopped' | 'stopping' | 'failed';
const put = (id: string, state: State, meta: Record<string, string> = {}) =>
  sim.inventory.put('modelarts_notebook', { project_id: PROJECT, notebook_id: id }, { state, name: `nb-${id}`, meta });
const STORAGE = /^A stopped notebook's storage \(its EVS disk\) stays billed until the notebook is deleted/;

it('stops with a signed POST …/notebooks/{id}/stop and no body, and says the storage keeps billing', async () => {
  put('nb-run', 'running', { flavor: 'modelarts.vm.gpu.t4' });
  const before = sim.requests.length;
  const called = await mcp.call('modelarts_stop_notebook', { notebook_id: 'nb-run' });
  const [sent] = sim.requests.slice(before);
  expect(`${sent!.method} ${sent!.url}`).toBe(`POST /v1/${PROJECT}/notebooks/nb-run/stop`);
  expect(sent!.body).toBe('');
  expect(sent!.verdict.ok).toBe(true);
  expect(called.isError).toBe(false);
  expect(called.result).toMatchObject({
    ok: true,
    outcome: 'stop_requested',
    target: { notebook_id: 'nb-run', project_id: PROJECT },
    http_status: 200,
  });
  expect(called.result.notice).toMatch(STORAGE);
});

it('the free CodeLab (feature DEFAULT) stops without a storage notice', async () => {
  put('nb-free', 'running', { feature: 'DEFAULT', billing: 'COMPUTE' });
  const called = await mcp.call('modelarts_stop_notebook', { notebook_id: 'nb-free', wait_seconds: 5 });
  expect(called.result).toMatchObject({
    ok: true,
    outcome: 'stopped',
    status: { state: 'stopped', raw: 'STOPPED', billing: { billing_items: 'COMPUTE', feature: 'DEFAULT' } },
  });
  expect(called.result).not.toHaveProperty('notice');
});

it.each([
  ['stopped', 'ModelArts.6307', 'already_stopped', 'STOPPED'],
  ['failed', 'ModelArts.6327', 'already_finished', 'ERROR'],
] as const)('a %s notebook is refused with %s and reads as %s', async (state, code, outcome, raw) => {
  put(`nb-${state}`, state);
  const called = await mcp.call('modelarts_stop_notebook', { notebook_id: `nb-${state}` });
  expect(called.isError).toBe(false);
  expect(called.result).toMatchObject({ ok: true, outcome, http_status: 400, status: { raw } });
  expect(called.result.note).toContain(code);
  expect(called.result.notice).toMatch(STORAGE); // a stopped notebook's disk still bills
});

it('a notebook already stopping (6308) is already_stopped, with the status saying it is stopping', async () => {
  put('nb-stopping', 'stopping');
  const called = await mcp.call('modelarts_stop_notebook', { notebook_id: 'nb-stopping' });
  expect(called.result).toMatchObject({
    ok: true,
    outcome: 'already_stopped',
    status: { state: 'stopping', raw: 'STOPPING' },
  });
  expect(called.result.note).toContain('ModelArts.6308');
});

it('ModelArts.6309 is not found though it comes as an HTTP 400', async () => {
  const before = sim.requests.length;
  const called = await mcp.call('modelarts_stop_notebook', { notebook_id: 'nb-missing' });
  expect(called.result).toMatchObject({
    ok: false,
    outcome: 'failed',
    http_status: 400,
    error: { code: 'ModelArts.6309', category: 'not_found', retryable: false },
  });
  expect(sim.requests.slice(before)).toHaveLength(1);
});

it('list_running_tasks pages the instance list by record offsets and keeps only the running ones', async () => {
  for (let n = 0; n < 7; n++) put(`nb-page-${n}`, n % 2 ? 'stopped' : 'running');
  const before = sim.requests.length;
  const { result } = await mcp.call('list_running_tasks', { families: ['modelarts_notebook'] });
  expect(result).toMatchObject({ ok: true, truncated: false, errors: [] });
  const ids = result.items.map((i: { ids: { notebook_id: string } }) => i.ids.notebook_id);
  for (const n of [0, 2, 4, 6]) expect(ids).toContain(`nb-page-${n}`);
  for (const n of [1, 3, 5]) expect(ids).not.toContain(`nb-page-${n}`);
  const pages = sim.requests.slice(before).map((r) => new URL(r.url, 'http://x').searchParams);
  // The simulator serves 3 per page whatever is asked: the next pages are asked at that size, at multiples of it.
  expect(pages.map((q) => [q.get('limit'), q.get('offset')])).toEqual(
    pages.map((_, i) => (i === 0 ? ['50', '0'] : ['3', String(3 * i)])),
  );
});
