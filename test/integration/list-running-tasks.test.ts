// list_running_tasks through a real MCP client against the simulator's list APIs, served in small pages.
import { afterEach, describe, expect, it } from 'vitest';
import { FAMILY_IDS, type FamilyId as Family } from '../../src/core/ids.js';
import { FAMILIES } from '../../src/families/index.js';
import type { Inventory, SimState } from '../../src/simulator/inventory.js';
import type { Simulator } from '../../src/simulator/server.js';
import { PROJECT, connect, envFor, startFake } from '../helpers/harness.js';

const EAST = 'e0000000000000000000000000000003';
const OTHER = 'b0000000000000000000000000000002';
const T0 = Date.UTC(2025, 0, 2, 3, 4, 5);
const AT = { modelarts: '2025-01-02 03:04:05', v1: '2025-01-02T03:04:05.000Z', qianfan: '2025-01-02T03:04:05Z' };

type Item = Record<string, any>;
let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of cleanup.reverse()) await close();
  cleanup = [];
});

/** A fresh simulator seeded with the inventory below, and an MCP client that has read the tool list (so results are schema-checked). */
async function setup(env: Record<string, string | undefined> = {}, argv: string[] = []) {
  const sim = await startFake({ autoCreate: false, stoppingMs: 0, projects: { 'cn-east-3': [EAST] } });
  cleanup.push(() => sim.close());
  seed(sim.inventory);
  const mcp = await connect({ ...envFor(sim, { HUAWEICLOUD_SDK_REGION_MODELARTS_CN_EAST_3: sim.url }), ...env }, argv);
  cleanup.push(() => mcp.close());
  await mcp.client.listTools();
  const list = async (args: Record<string, unknown> = {}) => {
    const called = await mcp.call('list_running_tasks', args);
    expect(JSON.parse(called.text)).toEqual(called.result);
    expect(called.isError).toBe(!called.result.ok);
    return called;
  };
  return { sim, mcp, list };
}

/** Each family's seeded tasks: running ones among finished, stopping and stopped ones, over several pages. */
const SEEDS: Record<Family, (inv: Inventory) => void> = {
  modelarts_intelligent_task: (inv) => {
    const intel = (project: string, ds: string, task: string, type: string, state: SimState, name?: string) =>
      inv.put(
        'modelarts_intelligent_task',
        { project_id: project, dataset_id: ds, task_id: task },
        { state, createdAt: T0, meta: { type }, ...(name ? { name } : {}) },
      );
    intel(PROJECT, 'dsA', 'al-1', 'auto-label', 'running', 'label-cats');
    intel(PROJECT, 'dsA', 'al-2', 'auto-label', 'pending');
    intel(PROJECT, 'dsA', 'al-3', 'auto-label', 'succeeded');
    intel(PROJECT, 'dsA', 'pl-1', 'pre-label', 'running');
    intel(PROJECT, 'dsB', 'ag-1', 'auto-grouping', 'pending');
    intel(PROJECT, 'dsB', 'ad-1', 'auto-deploy', 'running');
    intel(PROJECT, 'dsB', 'ad-2', 'auto-deploy', 'stopping');
    intel(PROJECT, 'dsB', 'pl-2', 'pre-label', 'failed');
    intel(PROJECT, 'dsC', 'al-4', 'auto-label', 'succeeded');
    intel(PROJECT, 'dsC', 'pl-3', 'pre-label', 'stopped');
    for (const n of [5, 6, 7, 8, 9]) intel(PROJECT, 'dsD', `al-${n}`, 'auto-label', 'running');
    intel(EAST, 'dsE', 'east-1', 'auto-label', 'running');
    intel(OTHER, 'dsO', 'other-1', 'pre-label', 'running');
  },
  modelarts_training_job_version: (inv) => {
    const version = (project: string, job: string, v: string, state: SimState, name: string) =>
      inv.put(
        'modelarts_training_job_version',
        { project_id: project, job_id: job, version_id: v },
        { state, name, createdAt: T0 },
      );
    version(PROJECT, '101', '1011', 'succeeded', 'resnet-train');
    version(PROJECT, '101', '1012', 'running', 'resnet-train');
    version(PROJECT, '101', '1013', 'pending', 'resnet-train');
    version(PROJECT, '101', '1014', 'failed', 'resnet-train');
    version(PROJECT, '102', '1021', 'running', 'bert-eval');
    version(PROJECT, '103', '1031', 'failed', 'old-job');
    version(PROJECT, '104', '1041', 'stopped', 'killed-job');
    version(PROJECT, '104', '1042', 'stopping', 'killed-job');
    version(PROJECT, '105', '1051', 'pending', 'llama-pretrain');
    version(EAST, '201', '2011', 'running', 'east-train');
  },
  modelarts_training_job: (inv) => {
    const job = (project: string, id: string, state: SimState, meta: Record<string, string> = {}) =>
      inv.put(
        'modelarts_training_job',
        { project_id: project, training_job_id: id },
        { state, createdAt: T0, name: `train-${id}`, meta },
      );
    job(PROJECT, 'tj-1', 'running', { flavor: 'modelarts.p3.8xlarge', nodes: '4' });
    job(PROJECT, 'tj-2', 'succeeded');
    job(PROJECT, 'tj-3', 'pending');
    job(PROJECT, 'tj-4', 'stopping');
    job(PROJECT, 'tj-5', 'failed');
    job(PROJECT, 'tj-6', 'stopped');
    job(PROJECT, 'tj-7', 'running');
    job(EAST, 'tj-east', 'running');
  },
  modelarts_notebook: (inv) => {
    const nb = (project: string, id: string, state: SimState, meta: Record<string, string> = {}) =>
      inv.put(
        'modelarts_notebook',
        { project_id: project, notebook_id: id },
        { state, createdAt: T0, name: `nb-${id}`, meta },
      );
    nb(PROJECT, 'nb-1', 'running', { flavor: 'modelarts.vm.gpu.t4' });
    nb(PROJECT, 'nb-2', 'stopped');
    nb(PROJECT, 'nb-3', 'pending', { feature: 'DEFAULT', billing: 'COMPUTE' });
    nb(PROJECT, 'nb-4', 'stopping');
    nb(PROJECT, 'nb-5', 'failed');
    nb(EAST, 'nb-east', 'running');
  },
  modelarts_service: (inv) => {
    const svc = (project: string, id: string, state: SimState) =>
      inv.put(
        'modelarts_service',
        { project_id: project, service_id: id },
        { state, createdAt: T0, name: `svc-${id}` },
      );
    svc(PROJECT, 'sv-1', 'running');
    svc(PROJECT, 'sv-2', 'stopped');
    svc(PROJECT, 'sv-3', 'pending');
    svc(PROJECT, 'sv-4', 'stopping');
    svc(PROJECT, 'sv-5', 'succeeded');
    svc(PROJECT, 'sv-6', 'running');
  },
  modelarts_infer_service: (inv) => {
    const svc = (project: string, id: string, state: SimState) =>
      inv.put(
        'modelarts_infer_service',
        { project_id: project, service_id: id },
        { state, createdAt: T0, name: `infer-${id}` },
      );
    svc(PROJECT, 'is-1', 'running');
    svc(PROJECT, 'is-2', 'failed');
    svc(PROJECT, 'is-3', 'stopping');
    svc(PROJECT, 'is-4', 'pending');
    svc(PROJECT, 'is-5', 'stopped');
  },
  modelarts_dev_server: (inv) => {
    const ds = (project: string, id: string, state: SimState, meta: Record<string, string> = {}) =>
      inv.put(
        'modelarts_dev_server',
        { project_id: project, dev_server_id: id },
        { state, createdAt: T0, name: `lite-${id}`, meta },
      );
    ds(PROJECT, 'ds-1', 'running', { charging: 'PRE_PAID', flavor: 'modelarts.bm.npu.arm.8snt9b3.d' });
    ds(PROJECT, 'ds-2', 'stopped');
    ds(PROJECT, 'ds-3', 'running');
    ds(PROJECT, 'ds-4', 'stopping');
  },
  qianfan_batch_inference_task: (inv) => {
    const states: Array<[string, SimState]> = [
      ['1', 'running'],
      ['2', 'pending'],
      ['3', 'succeeded'],
      ['4', 'stopping'],
      ['5', 'running'],
      ['6', 'failed'],
      ['7', 'running'],
    ];
    for (const [n, state] of states)
      inv.put('qianfan_batch_inference_task', { task_id: `infer-${n}` }, { state, createdAt: T0, name: `batch-${n}` });
  },
  qianfan_fine_tuning_task: (inv) => {
    const ft = (job: string, jobName: string, task: string, state: SimState) =>
      inv.put('qianfan_fine_tuning_task', { task_id: task }, { state, createdAt: T0, meta: { jobId: job, jobName } });
    ft('job-a', 'llama-sft', 'task-a1', 'running');
    ft('job-a', 'llama-sft', 'task-a2', 'succeeded');
    ft('job-a', 'llama-sft', 'task-a3', 'pending');
    ft('job-a', 'llama-sft', 'task-a4', 'running');
    ft('job-b', 'ernie-sft', 'task-b1', 'stopped');
    ft('job-c', 'ernie-dpo', 'task-c1', 'running');
    ft('job-d', 'broken', 'task-d1', 'failed');
  },
  qianfan_evaluation_task: (inv) => {
    const evals: Array<[string, SimState, string]> = [
      ['1', 'running', 'auto'],
      ['2', 'pending', 'auto'],
      ['3', 'succeeded', 'auto'],
      ['4', 'stopping', 'auto'],
      ['5', 'running', 'manual'],
      ['6', 'running', 'auto'],
    ];
    for (const [n, state, evalType] of evals)
      inv.put(
        'qianfan_evaluation_task',
        { evaluation_id: `ame-${n}` },
        { state, createdAt: T0, name: `eval-${n}`, meta: { evalType } },
      );
  },
  qianfan_model_compression_task: (inv) => {
    const comp: Array<[string, SimState]> = [
      ['1', 'running'],
      ['2', 'succeeded'],
      ['3', 'pending'],
      ['4', 'stopping'],
      ['5', 'stopped'],
      ['6', 'running'],
    ];
    for (const [n, state] of comp)
      inv.put('qianfan_model_compression_task', { task_id: `amva-${n}` }, { state, createdAt: T0, name: `comp-${n}` });
  },
  qianfan_service: (inv) => {
    const svc = (n: string, state: SimState, meta: Record<string, string> = {}) =>
      inv.put('qianfan_service', { service_id: `svco-${n}` }, { state, createdAt: T0, name: `svc-${n}`, meta });
    svc('1', 'running', { replicas: '2' });
    svc('2', 'stopped');
    svc('3', 'pending', { chargeType: 'Tokens' });
    svc('4', 'failed');
    svc('5', 'running');
  },
};

function seed(inv: Inventory) {
  for (const family of FAMILY_IDS) SEEDS[family](inv);
}

const STATE_RAW = {
  intel: { pending: -1, running: 1, stopping: 4 },
  v1: { pending: 7, running: 8, stopping: 9 },
  batch: { pending: 'Queuing', running: 'Running', stopping: 'Stopping' },
  ft: { pending: 'Waiting', running: 'Running' },
  eval: { pending: 'Pending', running: 'Doing', stopping: 'Stopping' },
} as const;

const intelItem = (
  ds: string,
  task: string,
  state: 'pending' | 'running' | 'stopping',
  name = `intelligent-task-${task}`,
  scope: Record<string, string> = {},
): Item => ({
  provider: 'huaweicloud',
  family: 'modelarts_intelligent_task',
  name,
  created_at: AT.modelarts,
  ids: { dataset_id: ds, task_id: task },
  status: { state, raw: STATE_RAW.intel[state] },
  stop: { tool: 'modelarts_stop_intelligent_task', arguments: { dataset_id: ds, task_id: task, ...scope } },
});
const versionItem = (
  job: string,
  v: string,
  state: 'pending' | 'running' | 'stopping',
  name: string,
  scope: Record<string, string> = {},
): Item => ({
  provider: 'huaweicloud',
  family: 'modelarts_training_job_version',
  name,
  created_at: AT.v1,
  ids: { job_id: job, version_id: v },
  status: { state, raw: STATE_RAW.v1[state] },
  stop: { tool: 'modelarts_stop_training_job_version', arguments: { job_id: job, version_id: v, ...scope } },
});
const trainingJobItem = (
  id: string,
  state: 'pending' | 'running' | 'stopping',
  flavor: string,
  instances: number,
  scope: Record<string, string> = {},
): Item => ({
  provider: 'huaweicloud',
  family: 'modelarts_training_job',
  name: `train-${id}`,
  created_at: AT.v1,
  ids: { training_job_id: id },
  status: { state, raw: { pending: 'Pending', running: 'Running', stopping: 'Terminating' }[state] },
  resources: { flavor, instances },
  stop: { tool: 'modelarts_stop_training_job', arguments: { training_job_id: id, ...scope } },
});
const NOTEBOOK_NOTICE =
  "A stopped notebook's storage (its EVS disk) stays billed until the notebook is deleted; stopping ends the compute charges. Delete it in the ModelArts console (Development Environment > Notebook) when its data is no longer needed.";
const notebookItem = (
  id: string,
  state: 'pending' | 'running' | 'stopping',
  flavor = 'modelarts.vm.cpu.2u',
  feature = 'NOTEBOOK',
  charging = 'COMPUTE,STORAGE',
  scope: Record<string, string> = {},
): Item => ({
  provider: 'huaweicloud',
  family: 'modelarts_notebook',
  name: `nb-${id}`,
  created_at: AT.v1,
  ids: { notebook_id: id },
  status: { state, raw: { pending: 'STARTING', running: 'RUNNING', stopping: 'STOPPING' }[state] },
  resources: { flavor, charging },
  ...(feature === 'DEFAULT' ? {} : { notice: NOTEBOOK_NOTICE }),
  stop: { tool: 'modelarts_stop_notebook', arguments: { notebook_id: id, ...scope } },
});
const serviceItem = (id: string, state: 'pending' | 'running' | 'stopping'): Item => ({
  provider: 'huaweicloud',
  family: 'modelarts_service',
  name: `svc-${id}`,
  created_at: AT.v1,
  ids: { service_id: id },
  status: { state, raw: { pending: 'deploying', running: 'running', stopping: 'stopping' }[state] },
  stop: { tool: 'modelarts_stop_service', arguments: { service_id: id } },
});
const inferItem = (id: string, state: 'pending' | 'running' | 'stopping'): Item => ({
  provider: 'huaweicloud',
  family: 'modelarts_infer_service',
  name: `infer-${id}`,
  created_at: AT.v1,
  ids: { service_id: id },
  status: { state, raw: { pending: 'DEPLOYING', running: 'RUNNING', stopping: 'STOPPING' }[state] },
  stop: { tool: 'modelarts_stop_infer_service', arguments: { service_id: id } },
});
const devServerItem = (
  id: string,
  state: 'running' | 'stopping',
  charging = 'POST_PAID',
  flavor = 'modelarts.bm.gpu.8ant8',
): Item => ({
  provider: 'huaweicloud',
  family: 'modelarts_dev_server',
  name: `lite-${id}`,
  created_at: AT.v1,
  ids: { dev_server_id: id },
  status: { state, raw: { running: 'RUNNING', stopping: 'STOPPING' }[state] },
  resources: { flavor, charging },
  ...(charging === 'PRE_PAID'
    ? {
        notice:
          'This Lite Server is PRE_PAID (yearly/monthly): stopping it saves nothing, the subscription is billed until it expires.',
      }
    : {}),
  stop: { tool: 'modelarts_stop_dev_server', arguments: { dev_server_id: id } },
});
const batchItem = (n: string, state: 'pending' | 'running' | 'stopping'): Item => ({
  provider: 'qianfan',
  family: 'qianfan_batch_inference_task',
  name: `batch-${n}`,
  created_at: AT.qianfan,
  ids: { task_id: `infer-${n}` },
  status: { state, raw: STATE_RAW.batch[state] },
  stop: { tool: 'qianfan_stop_batch_inference_task', arguments: { task_id: `infer-${n}` } },
});
const ftItem = (job: string, jobName: string, task: string, state: 'pending' | 'running'): Item => ({
  provider: 'qianfan',
  family: 'qianfan_fine_tuning_task',
  name: jobName,
  created_at: AT.qianfan,
  ids: { job_id: job, task_id: task },
  status: { state, raw: STATE_RAW.ft[state] },
  stop: { tool: 'qianfan_stop_fine_tuning_task', arguments: { task_id: task } },
});
const evalItem = (n: string, state: 'pending' | 'running' | 'stopping'): Item => ({
  provider: 'qianfan',
  family: 'qianfan_evaluation_task',
  name: `eval-${n}`,
  created_at: AT.qianfan,
  ids: { evaluation_id: `ame-${n}` },
  status: { state, raw: STATE_RAW.eval[state] },
  stop: { tool: 'qianfan_stop_evaluation_task', arguments: { evaluation_id: `ame-${n}` } },
});

const compressionItem = (n: string, state: 'pending' | 'running' | 'stopping'): Item => ({
  provider: 'qianfan',
  family: 'qianfan_model_compression_task',
  name: `comp-${n}`,
  created_at: AT.qianfan,
  ids: { task_id: `amva-${n}` },
  status: { state, raw: { pending: 'creating', running: 'running', stopping: 'stopping' }[state] },
  stop: { tool: 'qianfan_stop_model_compression_task', arguments: { task_id: `amva-${n}` } },
});
const qianfanServiceItem = (
  n: string,
  state: 'pending' | 'running',
  chargeType = 'ComputingUnit',
  replicas = 1,
): Item => ({
  provider: 'qianfan',
  family: 'qianfan_service',
  name: `svc-${n}`,
  created_at: AT.qianfan,
  ids: { service_id: `svco-${n}` },
  status: { state, raw: { pending: 'Deploying', running: 'Serving' }[state] },
  resources: { instances: replicas, charging: `${chargeType} Postpay` },
  ...(chargeType === 'ComputingUnit'
    ? { notice: 'Deactivating does not release its post-paid compute units, which stay billed until released.' }
    : {}),
  stop: { tool: 'qianfan_stop_service', arguments: { service_id: `svco-${n}` } },
});

const RUNNING: Record<Family, Item[]> = {
  modelarts_intelligent_task: [
    intelItem('dsA', 'al-1', 'running', 'label-cats'),
    intelItem('dsA', 'al-2', 'pending'),
    intelItem('dsA', 'pl-1', 'running'),
    intelItem('dsB', 'ag-1', 'pending'),
    intelItem('dsB', 'ad-1', 'running'),
    ...[5, 6, 7, 8, 9].map((n) => intelItem('dsD', `al-${n}`, 'running')),
  ],
  modelarts_training_job_version: [
    versionItem('101', '1012', 'running', 'resnet-train V0002'),
    versionItem('101', '1013', 'pending', 'resnet-train V0003'),
    versionItem('102', '1021', 'running', 'bert-eval'),
    versionItem('105', '1051', 'pending', 'llama-pretrain'),
  ],
  modelarts_training_job: [
    trainingJobItem('tj-1', 'running', 'modelarts.p3.8xlarge', 4),
    trainingJobItem('tj-3', 'pending', 'modelarts.p3.large.public.free', 1),
    trainingJobItem('tj-7', 'running', 'modelarts.p3.large.public.free', 1),
  ],
  modelarts_notebook: [
    notebookItem('nb-1', 'running', 'modelarts.vm.gpu.t4'),
    notebookItem('nb-3', 'pending', 'modelarts.vm.cpu.2u', 'DEFAULT', 'COMPUTE'),
  ],
  modelarts_service: [serviceItem('sv-1', 'running'), serviceItem('sv-3', 'pending'), serviceItem('sv-6', 'running')],
  modelarts_infer_service: [inferItem('is-1', 'running'), inferItem('is-4', 'pending')],
  modelarts_dev_server: [
    devServerItem('ds-1', 'running', 'PRE_PAID', 'modelarts.bm.npu.arm.8snt9b3.d'),
    devServerItem('ds-3', 'running'),
  ],
  qianfan_batch_inference_task: [
    batchItem('1', 'running'),
    batchItem('2', 'pending'),
    batchItem('5', 'running'),
    batchItem('7', 'running'),
  ],
  qianfan_fine_tuning_task: [
    ftItem('job-a', 'llama-sft', 'task-a1', 'running'),
    ftItem('job-a', 'llama-sft', 'task-a3', 'pending'),
    ftItem('job-a', 'llama-sft', 'task-a4', 'running'),
    ftItem('job-c', 'ernie-dpo', 'task-c1', 'running'),
  ],
  qianfan_evaluation_task: [evalItem('1', 'running'), evalItem('2', 'pending'), evalItem('6', 'running')],
  qianfan_model_compression_task: [
    compressionItem('1', 'running'),
    compressionItem('3', 'pending'),
    compressionItem('6', 'running'),
  ],
  qianfan_service: [
    qianfanServiceItem('1', 'running', 'ComputingUnit', 2),
    qianfanServiceItem('3', 'pending', 'Tokens'),
    qianfanServiceItem('5', 'running'),
  ],
};
const STOPPING: Record<Family, Item[]> = {
  modelarts_intelligent_task: [intelItem('dsB', 'ad-2', 'stopping')],
  modelarts_training_job_version: [versionItem('104', '1042', 'stopping', 'killed-job V0002')],
  modelarts_training_job: [trainingJobItem('tj-4', 'stopping', 'modelarts.p3.large.public.free', 1)],
  modelarts_notebook: [notebookItem('nb-4', 'stopping')],
  modelarts_service: [serviceItem('sv-4', 'stopping')],
  modelarts_infer_service: [inferItem('is-3', 'stopping')],
  modelarts_dev_server: [devServerItem('ds-4', 'stopping')],
  qianfan_batch_inference_task: [batchItem('4', 'stopping')],
  qianfan_fine_tuning_task: [],
  qianfan_evaluation_task: [evalItem('4', 'stopping')],
  qianfan_model_compression_task: [compressionItem('4', 'stopping')],
  // A service has no stopping state: deactivation is immediate (it reads Serving, then Stopped).
  qianfan_service: [],
};
const ALL_FAMILIES = Object.keys(RUNNING) as Family[];
/** The error code each family's simulated list API fails with (inventory.listing.failing). */
const LIST_FAILURE_CODES: Record<Family, string> = {
  modelarts_intelligent_task: 'APIG.0103',
  modelarts_training_job_version: 'APIG.0103',
  modelarts_training_job: 'ModelArts.0010',
  modelarts_notebook: 'ModelArts.0010',
  modelarts_service: 'ModelArts.0010',
  modelarts_infer_service: 'ModelArts.0010',
  modelarts_dev_server: 'ModelArts.0010',
  qianfan_batch_inference_task: 'InternalError',
  qianfan_fine_tuning_task: 'InternalError',
  qianfan_evaluation_task: 'InternalError',
  qianfan_model_compression_task: 'InternalError',
  qianfan_service: 'InternalError',
};
const familiesOf = (provider: string) => FAMILY_IDS.filter((f) => FAMILIES[f].provider === provider);

const keyOf = (i: Item) => `${i.family}|${JSON.stringify(i.ids)}`;
const sorted = (items: Item[]) => [...items].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
const running = (...families: Family[]) => families.flatMap((f) => RUNNING[f]);

/** Items come grouped by family, in the order of the families list. */
function expectGrouped(items: Item[]) {
  const order = items.map((i) => ALL_FAMILIES.indexOf(i.family));
  expect(order).toEqual([...order].sort((a, b) => a - b));
}

function requestsTo(sim: Simulator, test: (url: string) => boolean) {
  return sim.requests.filter((r) => test(r.url));
}

describe('list_running_tasks: discovery', () => {
  it('lists exactly the running tasks of every family of both clouds, following every page', async () => {
    const { sim, list } = await setup();
    const { result } = await list();
    expect(result.ok).toBe(true);
    expect(result.truncated).toBe(false);
    expect(result.errors).toEqual([]);
    expect(sorted(result.items)).toEqual(sorted(running(...ALL_FAMILIES)));
    expectGrouped(result.items);
    expect(sim.requests.every((r) => r.verdict.ok)).toBe(true);

    // ModelArts: one dataset scan per running_task_type; a page of 3 when 100 were asked for is not the end
    // (offset=1 repeats an item, so offset counts records); dsC has nothing running, so its tasks are never read.
    const datasetScans = requestsTo(sim, (u) => u.startsWith(`/v2/${PROJECT}/datasets?`)).map(
      (r) => r.url.split('?')[1],
    );
    expect(datasetScans.sort()).toEqual(
      [0, 1, 7, 10]
        .flatMap((t) => [0, 1].map((o) => `check_running_task=true&running_task_type=${t}&limit=100&offset=${o}`))
        .sort(),
    );
    expect(requestsTo(sim, (u) => u.includes('/datasets/dsC/'))).toEqual([]);
    expect(requestsTo(sim, (u) => u.includes('/datasets/dsD/tasks')).map((r) => r.url.split('?')[1])).toEqual([
      'type=auto-label&limit=100&offset=0',
      'type=auto-label&limit=100&offset=1',
      'type=auto-label&limit=100&offset=4',
    ]);
    // v1: two job pages (3 of 5, then 2); versions only for the jobs with more than one version.
    expect(
      requestsTo(sim, (u) => u.startsWith(`/v1/${PROJECT}/training-jobs?`)).map((r) => r.url.split('?')[1]),
    ).toEqual(['per_page=100&page=1', 'per_page=100&page=2']);
    expect(
      requestsTo(sim, (u) => u.includes('/versions?'))
        .map((r) => r.url.replace(`/v1/${PROJECT}/training-jobs/`, ''))
        .sort(),
    ).toEqual([
      '101/versions?per_page=100&page=1',
      '101/versions?per_page=100&page=2',
      '104/versions?per_page=100&page=1',
    ]);
    // Qianfan: the marker of each next page is the previous page's nextMarker.
    expect(requestsTo(sim, (u) => u.endsWith('DescribeBatchInferenceTasks')).map((r) => r.json)).toEqual([
      { runStatus: ['Queuing', 'Running'], maxKeys: 100 },
      { runStatus: ['Queuing', 'Running'], maxKeys: 100, marker: 'infer-7' },
    ]);
    expect(requestsTo(sim, (u) => u.endsWith('DescribeFineTuningJobs')).map((r) => r.json)).toEqual([
      { maxKeys: 100 },
      { maxKeys: 100, marker: 'job-d' },
    ]);
    expect(
      requestsTo(sim, (u) => u.endsWith('DescribeFineTuningTasks'))
        .map((r) => r.json)
        .filter((b: any) => b.jobId === 'job-a'),
    ).toEqual([
      { jobId: 'job-a', maxKeys: 100 },
      { jobId: 'job-a', maxKeys: 100, marker: 'task-a4' },
    ]);
    expect(requestsTo(sim, (u) => u.endsWith('DescribeEvalTasks')).map((r) => r.json)).toEqual([
      { evalType: 'auto', maxKeys: 100 },
      { evalType: 'auto', maxKeys: 100, marker: 'ame-4' },
    ]);
  });

  it('reads ModelArts offsets as page indexes when the service does, with the same result', async () => {
    const { sim, list } = await setup();
    sim.inventory.listing.offset = 'page';
    const { result } = await list({ providers: ['huaweicloud'] });
    expect(result).toMatchObject({ ok: true, truncated: false, errors: [] });
    expect(sorted(result.items)).toEqual(sorted(running(...familiesOf('huaweicloud'))));
    expect(requestsTo(sim, (u) => u.includes('/datasets/dsD/tasks')).map((r) => r.url.split('?')[1])).toEqual([
      'type=auto-label&limit=100&offset=0',
      'type=auto-label&limit=100&offset=1',
    ]);
  });

  it("calling each item's stop.tool with stop.arguments stops exactly that task", async () => {
    const { sim, mcp, list } = await setup();
    const { result } = await list();
    expect(result.items).toHaveLength(running(...ALL_FAMILIES).length);
    for (const item of result.items) {
      const stopped = await mcp.call(item.stop.tool, item.stop.arguments);
      expect(stopped.result, `${item.stop.tool} ${JSON.stringify(item.stop.arguments)}`).toMatchObject({
        ok: true,
        outcome: 'stop_requested',
      });
    }
    const tasks = ALL_FAMILIES.flatMap((f) => sim.inventory.list(f));
    const listed = new Set(result.items.map((i: Item) => `${i.family}|${Object.values(i.ids).at(-1)}`));
    for (const task of tasks) {
      const key = `${task.family}|${Object.values(task.ids).at(-1)}`;
      expect(task.stopRequests, key).toBe(listed.has(key) ? 1 : 0);
      if (listed.has(key)) expect(task.state, key).toBe('stopped');
    }
    const again = await list();
    expect(again.result).toEqual({ ok: true, items: [], truncated: false, errors: [] });
  });

  it('ModelArts items carry region and project_id when they differ from the defaults, and those stop calls work', async () => {
    const { sim, mcp, list } = await setup();
    const east = await list({ providers: ['huaweicloud'], region: 'cn-east-3' });
    expect(east.result.errors).toEqual([]);
    expect(sorted(east.result.items)).toEqual(
      sorted([
        intelItem('dsE', 'east-1', 'running', undefined, { region: 'cn-east-3' }),
        versionItem('201', '2011', 'running', 'east-train', { region: 'cn-east-3' }),
        trainingJobItem('tj-east', 'running', 'modelarts.p3.large.public.free', 1, { region: 'cn-east-3' }),
        notebookItem('nb-east', 'running', undefined, undefined, undefined, { region: 'cn-east-3' }),
      ]),
    );
    const other = await list({ families: ['modelarts_intelligent_task'], project_id: OTHER });
    expect(other.result.items).toEqual([intelItem('dsO', 'other-1', 'running', undefined, { project_id: OTHER })]);
    const same = await list({
      families: ['modelarts_training_job_version'],
      region: 'cn-north-4',
      project_id: PROJECT,
    });
    expect(same.result.items.map((i: Item) => i.stop.arguments)).toContainEqual({
      job_id: '102',
      version_id: '1021',
      project_id: PROJECT,
    });

    for (const item of [...east.result.items, ...other.result.items]) {
      expect((await mcp.call(item.stop.tool, item.stop.arguments)).result).toMatchObject({
        ok: true,
        outcome: 'stop_requested',
      });
    }
    expect(
      sim.inventory.get('modelarts_intelligent_task', { project_id: EAST, dataset_id: 'dsE', task_id: 'east-1' })!
        .state,
    ).toBe('stopped');
    expect(
      sim.inventory.get('modelarts_training_job_version', { project_id: EAST, job_id: '201', version_id: '2011' })!
        .state,
    ).toBe('stopped');
    expect(
      sim.inventory.get('modelarts_intelligent_task', { project_id: OTHER, dataset_id: 'dsO', task_id: 'other-1' })!
        .state,
    ).toBe('stopped');
    expect(sim.inventory.get('modelarts_training_job', { project_id: EAST, training_job_id: 'tj-east' })!.state).toBe(
      'stopped',
    );
  });

  it('dataset_ids reads every kind of task of the named datasets only, and a missing dataset does not hide the others', async () => {
    const { sim, list } = await setup();
    const { result } = await list({ families: ['modelarts_intelligent_task'], dataset_ids: ['dsB', 'dsZ'] });
    expect(sorted(result.items)).toEqual(
      sorted([intelItem('dsB', 'ag-1', 'pending'), intelItem('dsB', 'ad-1', 'running')]),
    );
    expect(result.ok).toBe(true);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      provider: 'huaweicloud',
      family: 'modelarts_intelligent_task',
      code: 'ModelArts.4352',
      category: 'not_found',
    });
    expect(result.errors[0].message).toMatch(
      /^(auto-label|pre-label|auto-grouping|auto-deploy) tasks of dataset dsZ: Dataset does not exist\. \(and 3 more failed requests in this family\)$/,
    );
    expect(requestsTo(sim, (u) => u.startsWith(`/v2/${PROJECT}/datasets?`))).toEqual([]);
    expect(
      requestsTo(sim, (u) => u.includes('/datasets/dsB/tasks'))
        .map((r) => r.query.get('type'))
        .sort(),
    ).toEqual(['auto-deploy', 'auto-grouping', 'auto-label', 'pre-label']);
  });
});

describe('list_running_tasks: filters and limits', () => {
  it('families and providers filters list only what was asked, and ask only those APIs', async () => {
    const { sim, list } = await setup();
    const ft = await list({ families: ['qianfan_fine_tuning_task'] });
    expect(sorted(ft.result.items)).toEqual(sorted(running('qianfan_fine_tuning_task')));
    expect(sim.requests.every((r) => r.url.startsWith('/v2/finetuning?Action=DescribeFineTuning'))).toBe(true);

    const before = sim.requests.length;
    const hw = await list({ providers: ['huaweicloud'] });
    expect(sorted(hw.result.items)).toEqual(sorted(running(...familiesOf('huaweicloud'))));
    expect(sim.requests.slice(before).every((r) => r.provider === 'huaweicloud')).toBe(true);

    const both = await list({
      providers: ['qianfan'],
      families: ['qianfan_evaluation_task', 'modelarts_training_job_version'],
    });
    expect(sorted(both.result.items)).toEqual(sorted(running('qianfan_evaluation_task')));
  });

  it('include_stopping adds the tasks already stopping, and asks Qianfan for them', async () => {
    const { sim, list } = await setup();
    const { result } = await list({ include_stopping: true });
    expect(result).toMatchObject({ ok: true, truncated: false, errors: [] });
    expect(sorted(result.items)).toEqual(sorted(ALL_FAMILIES.flatMap((f) => [...RUNNING[f], ...STOPPING[f]])));
    expect(requestsTo(sim, (u) => u.endsWith('DescribeBatchInferenceTasks'))[0]!.json).toEqual({
      runStatus: ['Queuing', 'Running', 'Stopping'],
      maxKeys: 100,
    });
  });

  it('name_contains keeps the tasks whose name contains the text, ignoring case', async () => {
    const { list } = await setup();
    const { result } = await list({ name_contains: 'LLAMA' });
    expect(sorted(result.items)).toEqual(
      sorted([
        versionItem('105', '1051', 'pending', 'llama-pretrain'),
        ...RUNNING.qianfan_fine_tuning_task.filter((i) => i.name === 'llama-sft'),
      ]),
    );
  });

  it('max_items returns that many running tasks and says truncated', async () => {
    const { list } = await setup();
    const { result } = await list({ max_items: 3 });
    expect(result.ok).toBe(true);
    expect(result.truncated).toBe(true);
    expect(result.items).toHaveLength(3);
    const all = new Set(running(...ALL_FAMILIES).map((i) => JSON.stringify(i)));
    for (const item of result.items) expect(all.has(JSON.stringify(item)), keyOf(item)).toBe(true);
    expectGrouped(result.items);

    const exact = await list({ families: ['qianfan_evaluation_task'], max_items: 3 });
    expect(exact.result).toMatchObject({ ok: true, truncated: false });
    expect(sorted(exact.result.items)).toEqual(sorted(RUNNING.qianfan_evaluation_task));
  });
});

describe('list_running_tasks: failures', () => {
  it("a failing family is reported in errors while the other families' items still come back", async () => {
    const { sim, list } = await setup();
    sim.inventory.listing.failing.add('qianfan_fine_tuning_task');
    sim.inventory.listing.failing.add('modelarts_training_job_version');
    const { isError, result } = await list();
    expect(isError).toBe(false);
    expect(result.ok).toBe(true);
    expect(result.errors).toEqual([
      {
        provider: 'huaweicloud',
        family: 'modelarts_training_job_version',
        code: 'APIG.0103',
        message: 'ModelArts training job list: The backend does not exist or is unavailable (simulated list failure).',
        category: 'upstream',
      },
      {
        provider: 'qianfan',
        family: 'qianfan_fine_tuning_task',
        code: 'InternalError',
        message: 'DescribeFineTuningJobs: Internal error occurred (simulated list failure).',
        category: 'upstream',
      },
    ]);
    const failed = ['qianfan_fine_tuning_task', 'modelarts_training_job_version'];
    expect(sorted(result.items)).toEqual(sorted(running(...ALL_FAMILIES.filter((f) => !failed.includes(f)))));
  });

  it('every requested family failing is an error result', async () => {
    const { sim, list } = await setup();
    for (const f of ALL_FAMILIES) sim.inventory.listing.failing.add(f);
    const { isError, result } = await list();
    expect(isError).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.items).toEqual([]);
    expect(result.errors.map((e: Item) => [e.family, e.code, e.category])).toEqual(
      ALL_FAMILIES.map((f) => [f, LIST_FAILURE_CODES[f], 'upstream']),
    );
    expect(result.errors[0].message).toMatch(
      /^datasets with running (auto-label|pre-label|auto-grouping|auto-deploy) tasks: .* \(and 3 more failed requests in this family\)$/,
    );
  });

  it('an unconfigured provider is left out by default and is a config error when asked for', async () => {
    const { sim, list } = await setup({ QIANFAN_ACCESS_KEY: undefined, QIANFAN_SECRET_KEY: undefined });
    const byDefault = await list();
    expect(byDefault.result).toMatchObject({ ok: true, truncated: false, errors: [] });
    expect(sorted(byDefault.result.items)).toEqual(sorted(running(...familiesOf('huaweicloud'))));

    const asked = await list({ providers: ['qianfan'] });
    expect(asked.isError).toBe(true);
    const message = (what: string) =>
      `${what}: Qianfan credentials are not configured: set QIANFAN_ACCESS_KEY and QIANFAN_SECRET_KEY.`;
    expect(asked.result).toEqual({
      ok: false,
      items: [],
      truncated: false,
      errors: [
        {
          provider: 'qianfan',
          family: 'qianfan_batch_inference_task',
          code: 'ConfigMissing',
          message: message('DescribeBatchInferenceTasks'),
          category: 'config',
        },
        {
          provider: 'qianfan',
          family: 'qianfan_fine_tuning_task',
          code: 'ConfigMissing',
          message: message('DescribeFineTuningJobs'),
          category: 'config',
        },
        {
          provider: 'qianfan',
          family: 'qianfan_evaluation_task',
          code: 'ConfigMissing',
          message: message('DescribeEvalTasks'),
          category: 'config',
        },
        {
          provider: 'qianfan',
          family: 'qianfan_model_compression_task',
          code: 'ConfigMissing',
          message: message('DescribeModelCompTasks'),
          category: 'config',
        },
        {
          provider: 'qianfan',
          family: 'qianfan_service',
          code: 'ConfigMissing',
          message: message('DescribeServices'),
          category: 'config',
        },
      ],
    });
    expect(sim.requests.filter((r) => r.provider !== 'huaweicloud')).toEqual([]);
  });

  it('no provider configured: every family answers with the variables to set', async () => {
    const { sim, list } = await setup({ QIANFAN_ACCESS_KEY: undefined, HUAWEICLOUD_SDK_AK: undefined });
    const { isError, result } = await list();
    expect(isError).toBe(true);
    expect(result.errors.map((e: Item) => [e.family, e.code, e.category])).toEqual(
      ALL_FAMILIES.map((f) => [f, 'ConfigMissing', 'config']),
    );
    expect(result.errors[0].message).toBe(
      'ModelArts project for region cn-north-4: Huawei Cloud credentials are not configured: set HUAWEICLOUD_SDK_AK.',
    );
    expect(result.errors.find((e: Item) => e.family === 'qianfan_batch_inference_task').message).toBe(
      'DescribeBatchInferenceTasks: Qianfan credentials are not configured: set QIANFAN_ACCESS_KEY.',
    );
    expect(sim.requests).toEqual([]);
  });

  it.each([
    [{ max_items: 501 }, 'max_items: must be an integer from 1 to 500'],
    [{ max_items: 2.5 }, 'max_items: must be an integer from 1 to 500'],
    [{ families: ['modelarts_training_jobs'] }, /^families\.0: /],
    [{ providers: [] }, 'providers: must name at least one provider'],
    [
      { providers: ['qianfan'], families: ['modelarts_intelligent_task'] },
      'families: none of these families belongs to the providers given (qianfan)',
    ],
    [{ dataset_ids: ['../etc'] }, /^dataset_ids\.0: may only contain/],
    [{ include_stopping: 'yes' }, 'include_stopping: must be true or false'],
    [{ region: 'Mars' }, /^region: must be a Huawei Cloud region id/],
    [
      { task_id: 'x' },
      /^"task_id": unknown field; list_running_tasks accepts only: providers, families, region, project_id, dataset_ids, name_contains, include_stopping, max_items$/,
    ],
  ])('refuses %j before sending anything', async (args, message) => {
    const { sim, list } = await setup();
    const { isError, result } = await list(args);
    expect(isError).toBe(true);
    expect(result).toMatchObject({
      ok: false,
      items: [],
      truncated: false,
      errors: [],
      error: { code: 'InvalidInput', category: 'invalid_input', retryable: false },
    });
    if (typeof message === 'string') expect(result.error.message).toBe(message);
    else expect(result.error.message).toMatch(message);
    expect(sim.requests).toEqual([]);
  });
});

describe('list_running_tasks: bounds', () => {
  it('keeps at most 4 requests in flight per provider and ends within the time budget with what it has', async () => {
    const { sim, list } = await setup({}, ['--timeout-ms', '3000']);
    for (let n = 0; n < 10; n++) {
      sim.inventory.put(
        'qianfan_fine_tuning_task',
        { task_id: `task-many${n}` },
        { meta: { jobId: `job-many${n}`, jobName: 'many' } },
      );
      sim.inventory.put(
        'modelarts_intelligent_task',
        { project_id: PROJECT, dataset_id: `dsM${n}`, task_id: `m-${n}` },
        { meta: { type: 'auto-label' } },
      );
    }
    // Task lists never answer: whatever the fan-out, only 4 of them may be waiting per provider.
    sim.intercept((r) =>
      r.url.endsWith('DescribeFineTuningTasks') || /\/datasets\/[^/]+\/tasks\?/.test(r.url)
        ? { fault: 'hang' }
        : undefined,
    );
    const started = performance.now();
    const { isError, result } = await list({
      families: ['modelarts_intelligent_task', 'qianfan_batch_inference_task', 'qianfan_fine_tuning_task'],
    });
    const elapsed = performance.now() - started;

    expect(requestsTo(sim, (u) => u.endsWith('DescribeFineTuningTasks'))).toHaveLength(4);
    expect(requestsTo(sim, (u) => /\/datasets\/[^/]+\/tasks\?/.test(u))).toHaveLength(4);
    expect(isError).toBe(false);
    expect(result.truncated).toBe(true);
    expect(sorted(result.items)).toEqual(sorted(running('qianfan_batch_inference_task')));
    const timedOut = (provider: string, family: string) => ({
      provider,
      family,
      code: 'Timeout',
      message:
        'Listing did not finish within the 3000 ms budget (ML_STOP_TIMEOUT_MS); 0 running task(s) found before then are included.',
      category: 'timeout',
    });
    expect(result.errors).toEqual([
      timedOut('huaweicloud', 'modelarts_intelligent_task'),
      timedOut('qianfan', 'qianfan_fine_tuning_task'),
    ]);
    expect(elapsed).toBeLessThan(15_000);
  });
});
