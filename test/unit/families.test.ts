// Every family's pure parts, without MCP or HTTP: its tools' request builders (input and scope to the exact provider
// request) and its state table (each documented provider value to its state). Plus the checks that keep the
// table-driven behaviour tests and the simulator in step with the registry.
import { describe, expect, it } from 'vitest';
import { FAMILY_IDS, type FamilyId } from '../../src/core/ids.js';
import type { Family } from '../../src/families/define.js';
import { mapStatus } from '../../src/families/status-table.js';
import { FAMILIES } from '../../src/families/index.js';
import type { ProviderRequest } from '../../src/providers/request.js';
import { SIM_FAMILIES } from '../../src/simulator/families/index.js';
import { allTools } from '../../src/tools/index.js';
import { validateInput } from '../../src/tools/validate.js';
import { CASES } from '../helpers/families.js';

const P = 'a4a5d4098fb4474fa22cd05f897d6b99';
const NOTEBOOK_CODES = {
  'ModelArts.6306': 'conflict',
  'ModelArts.6307': 'conflict',
  'ModelArts.6308': 'conflict',
  'ModelArts.6309': 'not_found',
  'ModelArts.6326': 'conflict',
  'ModelArts.6327': 'conflict',
} as const;
const SERVICE_CODES = { 'ModelArts.3502': 'not_found', 'ModelArts.3519': 'conflict' } as const;
const HW = {
  region: 'cn-north-4',
  projectId: P,
  endpoint: { url: 'https://modelarts.cn-north-4.myhuaweicloud.com', source: 'default' },
};

/** Per family: a stop tool input, the scope it resolves to, and the exact stop and status requests. */
const REQUESTS: Record<
  FamilyId,
  { input: Record<string, unknown>; scope: unknown; stop: ProviderRequest; status: ProviderRequest }
> = {
  modelarts_intelligent_task: {
    input: { dataset_id: 'ds-1', task_id: 'tk 1/x' },
    scope: HW,
    // Path segments are percent-encoded; an id that needs it is refused by validation, the builder still encodes.
    stop: { method: 'POST', path: `/v2/${P}/datasets/ds-1/tasks/tk%201%2Fx/stop` },
    status: { method: 'GET', path: `/v2/${P}/datasets/ds-1/tasks/tk%201%2Fx` },
  },
  modelarts_training_job_version: {
    input: { job_id: 182626, version_id: '278813' },
    scope: HW,
    stop: {
      method: 'POST',
      path: `/v1/${P}/training-jobs/182626/versions/278813/stop`,
      answers: { codes: { UnexpectedResponse: 'upstream' }, failure: expect.any(Function) },
    },
    status: { method: 'GET', path: `/v1/${P}/training-jobs/182626/versions/278813` },
  },
  modelarts_training_job: {
    input: { training_job_id: '3faf5c03-aaa1-4c25-a8c1-fe5b5e2a1d0f' },
    scope: HW,
    stop: {
      method: 'POST',
      path: `/v2/${P}/training-jobs/3faf5c03-aaa1-4c25-a8c1-fe5b5e2a1d0f/actions`,
      body: { action_type: 'terminate' },
      answers: { codes: { 'ModelArts.2775': 'not_found', 'ModelArts.2796': 'conflict' } },
    },
    status: {
      method: 'GET',
      path: `/v2/${P}/training-jobs/3faf5c03-aaa1-4c25-a8c1-fe5b5e2a1d0f`,
      answers: { codes: { 'ModelArts.2775': 'not_found', 'ModelArts.2796': 'conflict' } },
    },
  },
  modelarts_notebook: {
    input: { notebook_id: 'nb-1' },
    scope: HW,
    stop: { method: 'POST', path: `/v1/${P}/notebooks/nb-1/stop`, answers: { codes: NOTEBOOK_CODES } },
    status: { method: 'GET', path: `/v1/${P}/notebooks/nb-1`, answers: { codes: NOTEBOOK_CODES } },
  },
  modelarts_service: {
    input: { service_id: 'svc-1' },
    scope: HW,
    stop: {
      method: 'PUT',
      path: `/v1/${P}/services/svc-1`,
      body: { status: 'stopped' },
      answers: { codes: SERVICE_CODES },
    },
    status: { method: 'GET', path: `/v1/${P}/services/svc-1`, answers: { codes: SERVICE_CODES } },
  },
  modelarts_infer_service: {
    input: { service_id: 'svc-2' },
    scope: HW,
    stop: { method: 'POST', path: `/v2/${P}/services/svc-2/stop` },
    status: { method: 'GET', path: `/v2/${P}/services/svc-2` },
  },
  modelarts_dev_server: {
    input: { dev_server_id: 'ds-1' },
    scope: HW,
    stop: { method: 'PUT', path: `/v1/${P}/dev-servers/ds-1/stop` },
    status: { method: 'GET', path: `/v1/${P}/dev-servers/ds-1` },
  },
  qianfan_batch_inference_task: {
    input: { task_id: 'infer-9ixxxxxxmp' },
    scope: {},
    stop: {
      method: 'POST',
      path: '/v2/batchinference',
      query: [['Action', 'StopBatchInferenceTask']],
      body: { taskId: 'infer-9ixxxxxxmp' },
    },
    status: {
      method: 'POST',
      path: '/v2/batchinference',
      query: [['Action', 'DescribeBatchInferenceTask']],
      body: { taskId: 'infer-9ixxxxxxmp' },
    },
  },
  qianfan_fine_tuning_task: {
    input: { task_id: 'task-92zjbyinxruq' },
    scope: {},
    stop: {
      method: 'POST',
      path: '/v2/finetuning',
      query: [['Action', 'StopFineTuningTask']],
      body: { taskId: 'task-92zjbyinxruq' },
    },
    status: {
      method: 'POST',
      path: '/v2/finetuning',
      query: [['Action', 'DescribeFineTuningTask']],
      body: { taskId: 'task-92zjbyinxruq' },
    },
  },
  qianfan_evaluation_task: {
    input: { evaluation_id: 'ame-vwgs2ybhyhfv' },
    scope: {},
    stop: { method: 'POST', path: '/wenxinworkshop/modelrepo/eval/cancel', body: { id: 'ame-vwgs2ybhyhfv' } },
    status: { method: 'POST', path: '/wenxinworkshop/modelrepo/eval/detail', body: { id: 'ame-vwgs2ybhyhfv' } },
  },
  qianfan_model_compression_task: {
    input: { task_id: 'amva-1' },
    scope: {},
    stop: {
      method: 'POST',
      path: '/v2/model',
      query: [['Action', 'CancelModelCompTask']],
      body: { modelCompTaskId: 'amva-1' },
      answers: { bare: true },
    },
    status: {
      method: 'POST',
      path: '/v2/model',
      query: [['Action', 'DescribeModelCompTask']],
      body: { modelCompTaskId: 'amva-1' },
    },
  },
  qianfan_service: {
    input: { service_id: 'svco-1' },
    scope: {},
    stop: {
      method: 'POST',
      path: '/v2/service',
      query: [['Action', 'DeactivateService']],
      body: { serviceId: 'svco-1' },
      answers: { failure: expect.any(Function) },
    },
    status: {
      method: 'POST',
      path: '/v2/service',
      query: [['Action', 'DescribeService']],
      body: { serviceId: 'svco-1' },
    },
  },
};

describe.each(FAMILY_IDS)('%s', (id) => {
  const family: Family = FAMILIES[id];
  const { input, scope, stop, status } = REQUESTS[id];
  // What validation hands the builders: digit ids as strings, defaults filled in.
  const validated = (def: typeof family.stop | typeof family.status) => {
    const checked = validateInput(def, { ...input });
    return checked.ok ? checked.value : { ...input };
  };

  it('builds the exact stop request', () => {
    expect(family.stop.request(validated(family.stop), scope)).toEqual(stop);
  });

  it('builds the exact status request', () => {
    expect(family.status.request(validated(family.status), scope)).toEqual(status);
  });

  it('maps every documented status value to its state, and keeps the provider value', () => {
    for (const [raw, [state, detail]] of Object.entries(family.states)) {
      const value = /^-?\d+$/.test(raw) && typeof SIM_FAMILIES[id].raw.running === 'number' ? Number(raw) : raw;
      expect(mapStatus(family.states, value), raw).toEqual({ state, raw: value, detail });
    }
  });

  it('maps an undocumented value, and inherited property names, to unknown', () => {
    for (const raw of ['Hibernating', 'constructor', '__proto__', 'toString', 99]) {
      expect(mapStatus(family.states, raw).state, String(raw)).toBe('unknown');
    }
    expect(mapStatus(family.states, { nested: true })).toEqual({
      state: 'unknown',
      raw: null,
      detail: 'value not documented by the provider',
    });
  });

  it('the simulator shows each state with a value the family reads as that state', () => {
    const documented = new Set<string>(Object.values(family.states).map(([state]) => state));
    for (const [state, raw] of Object.entries(SIM_FAMILIES[id].raw)) {
      // A state the provider has no value for (a notebook never "succeeds") is shown as the nearest one.
      if (!documented.has(state)) continue;
      const read = mapStatus(family.states, raw).state;
      // A provider without a "stopping" value keeps reporting its running value until the task stops.
      expect(read === state || (state === 'stopping' && read === 'running'), `${state} shown as ${raw}`).toBe(true);
    }
    expect(SIM_FAMILIES[id].provider).toBe(family.provider);
  });

  it('the demo tasks fit the stop tool', () => {
    const { running, finished } = SIM_FAMILIES[id].demo;
    for (const ids of [...running, finished])
      expect(validateInput(family.stop, ids).ok, JSON.stringify(ids)).toBe(true);
  });

  it('has its case in the table-driven behaviour tests (test/helpers/families.ts), naming its own tools', () => {
    expect(CASES[id]).toMatchObject({
      tool: family.stop.name,
      statusTool: family.status.name,
      family: id,
      confirmField: family.stop.confirmField,
    });
  });
});

it('every stop tool served is covered by the table-driven behaviour tests', () => {
  const covered = new Set(Object.values(CASES).map((c) => c.tool));
  for (const tool of allTools.filter((t) => t.kind === 'stop'))
    expect(covered, `${tool.name} has no case`).toContain(tool.name);
});

describe('answers that carry no success marker', () => {
  it('a v1 training job version stop without is_success is not taken for accepted', () => {
    const stop = FAMILIES.modelarts_training_job_version.stop;
    const rule = stop.request({ job_id: 1, version_id: '2' } as never, HW as never).answers!.failure!;
    expect(rule({})).toMatchObject({ code: 'UnexpectedResponse' });
    expect(rule({ is_success: true })).toBeUndefined();
    expect(rule({ is_success: false, error_code: 'ModelArts.0105' })).toBeUndefined(); // read by the general rule
  });
});
