// Status tools through a real MCP client against the simulator: the signed request, the structured result, and an
// undocumented value kept raw. Every value of every state table is checked without MCP in test/unit/families.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_IDS, type FamilyId } from '../../src/core/ids.js';
import { FAMILIES } from '../../src/families/index.js';
import type { Simulator } from '../../src/simulator/server.js';
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

/** Per family: the simulator's key of a task, the status tool's arguments for it, and the request line it sends. */
const CASES: Record<FamilyId, { ids: Record<string, string>; args: Record<string, unknown>; request: string }> = {
  modelarts_intelligent_task: {
    ids: { project_id: PROJECT, dataset_id: 'ds1', task_id: 'tk1' },
    args: { dataset_id: 'ds1', task_id: 'tk1' },
    request: `GET /v2/${PROJECT}/datasets/ds1/tasks/tk1`,
  },
  modelarts_training_job_version: {
    ids: { project_id: PROJECT, job_id: '10', version_id: '11' },
    args: { job_id: '10', version_id: 11 },
    request: `GET /v1/${PROJECT}/training-jobs/10/versions/11`,
  },
  modelarts_training_job: {
    ids: { project_id: PROJECT, training_job_id: 'tj-1' },
    args: { training_job_id: 'tj-1' },
    request: `GET /v2/${PROJECT}/training-jobs/tj-1`,
  },
  modelarts_notebook: {
    ids: { project_id: PROJECT, notebook_id: 'nb-1' },
    args: { notebook_id: 'nb-1' },
    request: `GET /v1/${PROJECT}/notebooks/nb-1`,
  },
  modelarts_service: {
    ids: { project_id: PROJECT, service_id: 'svc-1' },
    args: { service_id: 'svc-1' },
    request: `GET /v1/${PROJECT}/services/svc-1`,
  },
  modelarts_infer_service: {
    ids: { project_id: PROJECT, service_id: 'isvc-1' },
    args: { service_id: 'isvc-1' },
    request: `GET /v2/${PROJECT}/services/isvc-1`,
  },
  modelarts_dev_server: {
    ids: { project_id: PROJECT, dev_server_id: 'ds-1' },
    args: { dev_server_id: 'ds-1' },
    request: `GET /v1/${PROJECT}/dev-servers/ds-1`,
  },
  qianfan_batch_inference_task: {
    ids: { task_id: 'infer-1' },
    args: { task_id: 'infer-1' },
    request: 'POST /v2/batchinference?Action=DescribeBatchInferenceTask',
  },
  qianfan_fine_tuning_task: {
    ids: { task_id: 'task-1' },
    args: { task_id: 'task-1' },
    request: 'POST /v2/finetuning?Action=DescribeFineTuningTask',
  },
  qianfan_evaluation_task: {
    ids: { evaluation_id: 'ame-1' },
    args: { evaluation_id: 'ame-1' },
    request: 'POST /wenxinworkshop/modelrepo/eval/detail',
  },
  qianfan_model_compression_task: {
    ids: { task_id: 'amva-1' },
    args: { task_id: 'amva-1' },
    request: 'POST /v2/model?Action=DescribeModelCompTask',
  },
  qianfan_service: {
    ids: { service_id: 'svco-1' },
    args: { service_id: 'svco-1' },
    request: 'POST /v2/service?Action=DescribeService',
  },
};

describe.each(FAMILY_IDS.map((f) => [FAMILIES[f].status.name, f] as const))('%s', (tool, family) => {
  const { ids, args, request } = CASES[family];
  const table = FAMILIES[family].states;
  const raws = Object.keys(table).map((k) => (/^-?\d+$/.test(k) ? Number(k) : k));

  it.each([raws[0]!, raws.at(-1)!])('reads documented value %s through MCP, signed', async (raw) => {
    sim.inventory.put(family, ids, { raw });
    const called = await mcp.call(tool, args);
    const sent = sim.requests.at(-1)!;
    expect(`${sent.method} ${sent.url}`).toBe(request);
    expect(sent.verdict.ok).toBe(true);
    const [state] = table[String(raw)]!;
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
  sim.inventory.put(
    'modelarts_intelligent_task',
    { project_id: PROJECT, dataset_id: 'ds1', task_id: 'tk-failed' },
    { state: 'failed' },
  );
  const called = await mcp.call('modelarts_get_intelligent_task', { dataset_id: 'ds1', task_id: 'tk-failed' });
  expect((sim.requests.at(-1)!.reply!.body as Record<string, unknown>).error_code).toBe('ModelArts.4371');
  expect(called.isError).toBe(false);
  expect(called.result).toMatchObject({ ok: true, outcome: 'status', http_status: 200 });
  expect(called.result.status).toEqual({
    state: 'failed',
    raw: 2,
    detail: 'failed: ModelArts.4371 simulated task failure',
  });
});
