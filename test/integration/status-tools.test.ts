// Status tools through a real MCP client: every documented provider value maps, undocumented ones stay raw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import type { Family } from '../../src/simulator/inventory.js';
import { STATUS_TABLES, type StatusTable } from '../../src/tools/status-map.js';
import { PROJECT, connect, envFor, startFake } from '../helpers/harness.js';

let sim: Simulator;
let mcp: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  sim = await startFake({ autoCreate: false });
  mcp = await connect(envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }));
});
afterAll(async () => {
  await mcp.close();
  await sim.close();
});

const CASES: Array<[string, Family, StatusTable, Record<string, string>, Record<string, unknown>, string]> = [
  ['modelarts_get_intelligent_task', 'modelarts_intelligent_task', 'MODELARTS_TASK', { project_id: PROJECT, dataset_id: 'ds1', task_id: 'tk1' }, { dataset_id: 'ds1', task_id: 'tk1' }, `GET /v2/${PROJECT}/datasets/ds1/tasks/tk1`],
  ['modelarts_get_training_job_version', 'modelarts_training_job_version', 'MODELARTS_JOB', { project_id: PROJECT, job_id: '10', version_id: '11' }, { job_id: '10', version_id: 11 }, `GET /v1/${PROJECT}/training-jobs/10/versions/11`],
  ['qianfan_get_batch_inference_task', 'qianfan_batch_inference_task', 'BATCH_INFERENCE', { task_id: 'infer-1' }, { task_id: 'infer-1' }, 'POST /v2/batchinference?Action=DescribeBatchInferenceTask'],
  ['qianfan_get_fine_tuning_task', 'qianfan_fine_tuning_task', 'FINE_TUNING', { task_id: 'task-1' }, { task_id: 'task-1' }, 'POST /v2/finetuning?Action=DescribeFineTuningTask'],
  ['qianfan_get_evaluation_task', 'qianfan_evaluation_task', 'EVALUATION', { evaluation_id: 'ame-1' }, { evaluation_id: 'ame-1' }, 'POST /wenxinworkshop/modelrepo/eval/detail'],
];

describe.each(CASES)('%s', (tool, family, table, ids, args, request) => {
  const raws = Object.keys(STATUS_TABLES[table]).map((k) => (/^-?\d+$/.test(k) ? Number(k) : k));

  it.each(raws)('maps documented value %s', async (raw) => {
    sim.inventory.put(family, ids, { raw });
    const called = await mcp.call(tool, args);
    const sent = sim.requests.at(-1)!;
    expect(`${sent.method} ${sent.url}`).toBe(request);
    expect(sent.verdict.ok).toBe(true);
    const [state] = STATUS_TABLES[table][String(raw)]!;
    expect(called.isError).toBe(false);
    expect(called.result).toMatchObject({ ok: true, outcome: 'status', operation: tool, http_status: 200 });
    expect(called.result.status).toMatchObject({ state, raw });
    expect(called.result.request_id).toEqual(expect.any(String));
  });

  it('keeps an undocumented value as unknown with its raw value', async () => {
    const raw = typeof raws[0] === 'number' ? 99 : 'Hibernating';
    sim.inventory.put(family, ids, { raw });
    const called = await mcp.call(tool, args);
    expect(called.result.status).toMatchObject({ state: 'unknown', raw });
    expect(called.result.status.detail).toMatch(/^value not documented by the provider/);
  });
});

it('a status read of a task the provider does not know is not_found', async () => {
  const called = await mcp.call('qianfan_get_batch_inference_task', { task_id: 'infer-missing' });
  expect(called.result.error).toMatchObject({ code: 'ResourceNotFound', category: 'not_found', retryable: false });
  const hw = await mcp.call('modelarts_get_intelligent_task', { dataset_id: 'ds1', task_id: 'missing' });
  expect(hw.result.error).toMatchObject({ code: 'ModelArts.4338', category: 'not_found' });
  const ev = await mcp.call('qianfan_get_evaluation_task', { evaluation_id: 'ame-missing' });
  expect(ev.result).toMatchObject({ http_status: 200, error: { code: '336003', category: 'invalid_input' } });
});

it("a failed intelligent task's error_code inside its 200 detail describes the task, not the call", async () => {
  sim.inventory.put('modelarts_intelligent_task', { project_id: PROJECT, dataset_id: 'ds1', task_id: 'tk-failed' }, { state: 'failed' });
  const called = await mcp.call('modelarts_get_intelligent_task', { dataset_id: 'ds1', task_id: 'tk-failed' });
  expect((sim.requests.at(-1)!.reply!.body as Record<string, unknown>).error_code).toBe('ModelArts.4371');
  expect(called.isError).toBe(false);
  expect(called.result).toMatchObject({ ok: true, outcome: 'status', http_status: 200 });
  expect(called.result.status).toEqual({ state: 'failed', raw: 2, detail: 'failed: ModelArts.4371 simulated task failure' });
});
