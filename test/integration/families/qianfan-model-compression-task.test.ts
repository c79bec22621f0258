// qianfan_model_compression_task through a real MCP client against the simulator: the signed CancelModelCompTask,
// its bare {requestId} answer read as accepted (not as a malformed answer), refusals read through the status, and
// the compression task list.
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

type State = 'running' | 'stopped' | 'succeeded' | 'failed';
const put = (id: string, state: State) =>
  sim.inventory.put('qianfan_model_compression_task', { task_id: id }, { state, name: `comp-${id}` });

it('cancels with a signed POST /v2/model?Action=CancelModelCompTask and reads the bare {requestId} as accepted', async () => {
  put('amva-run', 'running');
  const before = sim.requests.length;
  const called = await mcp.call('qianfan_stop_model_compression_task', { task_id: 'amva-run' });
  const [sent] = sim.requests.slice(before);
  expect(`${sent!.method} ${sent!.url}`).toBe('POST /v2/model?Action=CancelModelCompTask');
  expect(sent!.json).toEqual({ modelCompTaskId: 'amva-run' });
  expect(sent!.verdict.ok).toBe(true);
  expect(Object.keys(sent!.reply!.body as object)).toEqual(['requestId']);
  expect(called.result).toMatchObject({
    ok: true,
    outcome: 'stop_requested',
    http_status: 200,
    request_id: (sent!.reply!.body as { requestId: string }).requestId,
  });
});

it('a 200 that carries an error code beside the requestId is a failure', async () => {
  put('amva-odd', 'running');
  sim.intercept((r) =>
    r.handled?.kind === 'stop'
      ? { status: 200, body: { requestId: 'r-1', code: 'InternalError', message: 'try again later' } }
      : undefined,
  );
  const called = await mcp.call('qianfan_stop_model_compression_task', { task_id: 'amva-odd' });
  expect(called.isError).toBe(true);
  expect(called.result).toMatchObject({ ok: false, outcome: 'failed', error: { code: 'InternalError' } });
});

it.each([
  ['stopped', 'already_stopped'],
  ['succeeded', 'already_finished'],
  ['failed', 'already_finished'],
] as const)('a refused cancel of a %s task reads the status: %s', async (state, outcome) => {
  put(`amva-${state}`, state);
  const called = await mcp.call('qianfan_stop_model_compression_task', { task_id: `amva-${state}` });
  expect(called.isError).toBe(false);
  expect(called.result).toMatchObject({ ok: true, outcome, status: { raw: state } });
});

it('list_running_tasks reads DescribeModelCompTasks with marker paging', async () => {
  for (let n = 0; n < 5; n++) put(`amva-list-${n}`, n === 2 ? 'succeeded' : 'running');
  const before = sim.requests.length;
  const { result } = await mcp.call('list_running_tasks', { families: ['qianfan_model_compression_task'] });
  expect(result).toMatchObject({ ok: true, truncated: false });
  const ids = result.items.map((i: { ids: { task_id: string } }) => i.ids.task_id);
  expect(ids.filter((id: string) => id.startsWith('amva-list-')).sort()).toEqual([
    'amva-list-0',
    'amva-list-1',
    'amva-list-3',
    'amva-list-4',
  ]);
  const asked = sim.requests.slice(before).map((r) => r.json as { marker?: string });
  expect(asked.length).toBeGreaterThan(1);
  expect(asked[0]).not.toHaveProperty('marker');
  expect(asked.slice(1).every((b) => typeof b.marker === 'string')).toBe(true);
});
