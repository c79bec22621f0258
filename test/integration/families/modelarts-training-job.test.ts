// modelarts_training_job through a real MCP client against the simulator: the signed terminate with its body, the
// 409 refusal read as already stopped or finished, the not-found that arrives as a 400, and the listed resources.
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

const put = (id: string, state: 'running' | 'succeeded' | 'stopped', meta: Record<string, string> = {}) =>
  sim.inventory.put('modelarts_training_job', { project_id: PROJECT, training_job_id: id }, { state, meta });

it('terminates with a signed POST …/actions {"action_type":"terminate"} and reads 202 as accepted', async () => {
  put('tj-run', 'running');
  const before = sim.requests.length;
  const called = await mcp.call('modelarts_stop_training_job', { training_job_id: 'tj-run' });
  const [sent] = sim.requests.slice(before);
  expect(`${sent!.method} ${sent!.url}`).toBe(`POST /v2/${PROJECT}/training-jobs/tj-run/actions`);
  expect(sent!.json).toEqual({ action_type: 'terminate' });
  expect(sent!.verdict.ok).toBe(true);
  expect(called.result).toMatchObject({
    ok: true,
    outcome: 'stop_requested',
    target: { training_job_id: 'tj-run', region: 'cn-north-4', project_id: PROJECT },
    http_status: 202,
    attempts: 1,
  });
  expect(called.result).not.toHaveProperty('notice'); // terminating ends the compute bill
});

it.each([
  ['stopped', 'already_stopped', 'Terminated'],
  ['succeeded', 'already_finished', 'Completed'],
] as const)('a 409 ModelArts.2796 for a %s job reads the status: %s', async (state, outcome, raw) => {
  put(`tj-${state}`, state);
  const called = await mcp.call('modelarts_stop_training_job', { training_job_id: `tj-${state}` });
  expect(called.isError).toBe(false);
  expect(called.result).toMatchObject({ ok: true, outcome, http_status: 409, status: { raw } });
  expect(called.result.note).toContain('ModelArts.2796');
});

it('ModelArts.2775 is not found though it comes as an HTTP 400, and is not explained away as a refusal', async () => {
  const before = sim.requests.length;
  const called = await mcp.call('modelarts_stop_training_job', { training_job_id: 'tj-missing' });
  expect(called.result).toMatchObject({
    ok: false,
    outcome: 'failed',
    http_status: 400,
    error: { code: 'ModelArts.2775', category: 'not_found', retryable: false },
  });
  expect(sim.requests.slice(before)).toHaveLength(1); // no status read after it
});

it('the status tool reports the phase, with the secondary phase as detail', async () => {
  put('tj-status', 'running');
  const called = await mcp.call('modelarts_get_training_job', { training_job_id: 'tj-status' });
  expect(called.result.status).toEqual({ state: 'running', raw: 'Running', detail: 'running' });
});

it('list_running_tasks shows the flavor and node count of each running job, and asks the search with a body', async () => {
  put('tj-gpu', 'running', { flavor: 'modelarts.p3.8xlarge', nodes: '4' });
  const before = sim.requests.length;
  const { result } = await mcp.call('list_running_tasks', { families: ['modelarts_training_job'] });
  const item = result.items.find((i: { ids: { training_job_id: string } }) => i.ids.training_job_id === 'tj-gpu');
  expect(item).toMatchObject({
    resources: { flavor: 'modelarts.p3.8xlarge', instances: 4 },
    status: { state: 'running' },
  });
  const searches = sim.requests.slice(before).filter((r) => r.handled?.kind === 'list');
  expect(searches[0]).toMatchObject({ method: 'POST', path: `/v2/${PROJECT}/training-job-searches` });
  expect(searches[0]!.json).toMatchObject({ offset: 0, limit: 50 });
});
