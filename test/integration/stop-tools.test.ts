// Every stop tool through a real MCP client to the fake upstream: the exact request and the exact result.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { PROJECT, connect, envFor, startFake, type Called } from '../helpers/harness.js';

let sim: Simulator;
let mcp: Awaited<ReturnType<typeof connect>>;

beforeAll(async () => {
  sim = await startFake();
  mcp = await connect(envFor(sim));
});
afterAll(async () => {
  await mcp.close();
  await sim.close();
});
afterEach(() => sim.intercept(undefined));

function sentTo(prefix: string) {
  return sim.requests.filter((r) => r.path.startsWith(prefix));
}

function expectMirrored(called: Called) {
  expect(JSON.parse(called.text)).toEqual(called.result);
  expect(called.isError).toBe(!called.result.ok);
}

describe('stop tools: success against the fake upstream', () => {
  it('modelarts_stop_intelligent_task looks up the project once, then sends a signed POST with no body', async () => {
    const before = sim.requests.length;
    const called = await mcp.call('modelarts_stop_intelligent_task', {
      dataset_id: 'gfghHSokody6AJigS5A',
      task_id: 'r0jT2zwxBDKf8KEnSuZ',
    });
    const sent = sim.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /v3/projects?name=cn-north-4',
      `POST /v2/${PROJECT}/datasets/gfghHSokody6AJigS5A/tasks/r0jT2zwxBDKf8KEnSuZ/stop`,
    ]);
    const stop = sent[1]!;
    expect(stop.verdict).toEqual({ ok: true, ak: 'TESTHUAWEIACCESSKEY1' });
    expect(stop.body).toBe('');
    expect(stop.headers['x-project-id']).toBe(PROJECT);
    expect(stop.headers.authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=TESTHUAWEIACCESSKEY1, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(called.result).toEqual({
      ok: true,
      outcome: 'stop_requested',
      provider: 'huaweicloud',
      operation: 'modelarts_stop_intelligent_task',
      target: {
        dataset_id: 'gfghHSokody6AJigS5A',
        task_id: 'r0jT2zwxBDKf8KEnSuZ',
        region: 'cn-north-4',
        project_id: PROJECT,
      },
      http_status: 204,
      request_id: stop.reply!.headers!['X-Request-Id'],
      attempts: 1,
    });
    expectMirrored(called);

    await mcp.call('modelarts_stop_intelligent_task', { dataset_id: 'gfghHSokody6AJigS5A', task_id: 'second' });
    expect(sentTo('/v3/projects')).toHaveLength(1); // cached per region
  });

  it('modelarts_stop_training_job_version accepts integers and sends them as path digits', async () => {
    const called = await mcp.call('modelarts_stop_training_job_version', { job_id: 182626, version_id: '278813' });
    const stop = sim.requests.at(-1)!;
    expect(`${stop.method} ${stop.url}`).toBe(`POST /v1/${PROJECT}/training-jobs/182626/versions/278813/stop`);
    expect(stop.verdict.ok).toBe(true);
    expect(called.result).toEqual({
      ok: true,
      outcome: 'stop_requested',
      provider: 'huaweicloud',
      operation: 'modelarts_stop_training_job_version',
      target: { job_id: '182626', version_id: '278813', region: 'cn-north-4', project_id: PROJECT },
      http_status: 200,
      request_id: stop.reply!.headers!['X-Request-Id'],
      attempts: 1,
    });
  });

  it.each([
    [
      'qianfan_stop_batch_inference_task',
      { task_id: 'infer-9ixxxxxxmp' },
      '/v2/batchinference?Action=StopBatchInferenceTask',
      { taskId: 'infer-9ixxxxxxmp' },
    ],
    [
      'qianfan_stop_fine_tuning_task',
      { task_id: 'task-92zjbyinxruq' },
      '/v2/finetuning?Action=StopFineTuningTask',
      { taskId: 'task-92zjbyinxruq' },
    ],
  ])('%s sends a signed POST with {"taskId"}', async (tool, args, url, body) => {
    const called = await mcp.call(tool, args);
    const sent = sim.requests.at(-1)!;
    expect(`${sent.method} ${sent.url}`).toBe(`POST ${url}`);
    expect(sent.json).toEqual(body);
    expect(sent.verdict.ok).toBe(true);
    expect(sent.headers.authorization).toMatch(
      /^bce-auth-v1\/test-qianfan-access-key-0001\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\/1800\/content-type;host;x-bce-date\/[0-9a-f]{64}$/,
    );
    expect(called.result).toEqual({
      ok: true,
      outcome: 'stop_requested',
      provider: 'qianfan',
      operation: tool,
      target: args,
      http_status: 200,
      request_id: (sent.reply!.body as { requestId: string }).requestId,
      attempts: 1,
    });
    expectMirrored(called);
  });

  it('qianfan_stop_evaluation_task posts {"id"} to eval/cancel with no query string and reports log_id', async () => {
    const called = await mcp.call('qianfan_stop_evaluation_task', { evaluation_id: 'ame-vwgs2ybhyhfv' });
    const sent = sim.requests.at(-1)!;
    expect(`${sent.method} ${sent.url}`).toBe('POST /wenxinworkshop/modelrepo/eval/cancel');
    expect(sent.json).toEqual({ id: 'ame-vwgs2ybhyhfv' });
    expect(sent.verdict.ok).toBe(true);
    expect(called.result).toEqual({
      ok: true,
      outcome: 'stop_requested',
      provider: 'qianfan',
      operation: 'qianfan_stop_evaluation_task',
      target: { evaluation_id: 'ame-vwgs2ybhyhfv' },
      http_status: 200,
      request_id: (sent.reply!.body as { log_id: string }).log_id,
      attempts: 1,
    });
  });

  it('region and project_id inputs override the defaults and reach their own endpoint', async () => {
    const other = await startFake();
    const m = await connect(envFor(sim, { HUAWEICLOUD_SDK_REGION_MODELARTS_AP_SOUTHEAST_1: other.url }));
    const called = await m.call('modelarts_stop_intelligent_task', {
      dataset_id: 'd1',
      task_id: 't1',
      region: 'ap-southeast-1',
      project_id: '0123456789abcdef0123456789abcdef',
    });
    expect(other.requests.map((r) => r.url)).toEqual([
      '/v2/0123456789abcdef0123456789abcdef/datasets/d1/tasks/t1/stop',
    ]);
    expect(called.result.target).toEqual({
      dataset_id: 'd1',
      task_id: 't1',
      region: 'ap-southeast-1',
      project_id: '0123456789abcdef0123456789abcdef',
    });
    await m.close();
    await other.close();
  });

  it('temporary credentials send X-Security-Token and sign it', async () => {
    const m = await connect(
      envFor(sim, { HUAWEICLOUD_SDK_SECURITY_TOKEN: 'temporary-token-value', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }),
    );
    await m.call('modelarts_stop_intelligent_task', { dataset_id: 'd1', task_id: 'tok' });
    const sent = sim.requests.at(-1)!;
    expect(sent.headers['x-security-token']).toBe('temporary-token-value');
    expect(sent.headers.authorization).toContain(
      'SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,',
    );
    expect(sent.verdict.ok).toBe(true);
    await m.close();
  });
});

describe('stop tools: provider errors keep the provider code and message', () => {
  const HW_STOP = ['modelarts_stop_intelligent_task', { dataset_id: 'd1', task_id: 'err' }] as const;
  const QF_STOP = ['qianfan_stop_fine_tuning_task', { task_id: 'task-err' }] as const;
  const EVAL_STOP = ['qianfan_stop_evaluation_task', { evaluation_id: 'ame-err' }] as const;

  it.each([
    [
      'ModelArts error_code/error_msg',
      HW_STOP,
      {
        status: 400,
        headers: { 'X-Request-Id': 'rid-1' },
        body: { error_code: 'ModelArts.4338', error_msg: 'The resource not exists' },
      },
      { code: 'ModelArts.4338', message: 'The resource not exists', category: 'not_found', retryable: false },
      400,
      'rid-1',
    ],
    [
      'ModelArts error_code/error_message',
      HW_STOP,
      {
        status: 403,
        headers: { 'X-Request-Id': 'rid-2' },
        body: { error_code: 'ModelArts.4336', error_message: "The user hasn't permission" },
      },
      { code: 'ModelArts.4336', message: "The user hasn't permission", category: 'forbidden', retryable: false },
      403,
      'rid-2',
    ],
    [
      'APIGW gateway auth failure',
      HW_STOP,
      {
        status: 401,
        body: {
          error_code: 'APIGW.0301',
          error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
          request_id: 'gw-1',
        },
      },
      {
        code: 'APIGW.0301',
        message: 'Incorrect IAM authentication information: verify aksk signature fail',
        category: 'auth',
        retryable: false,
      },
      401,
      'gw-1',
    ],
    [
      'APIG gateway prefix',
      HW_STOP,
      {
        status: 404,
        body: {
          error_code: 'APIG.0101',
          error_msg: 'The API does not exist or has not been published in the environment.',
          request_id: 'gw-2',
        },
      },
      {
        code: 'APIG.0101',
        message: 'The API does not exist or has not been published in the environment.',
        category: 'not_found',
        retryable: false,
      },
      404,
      'gw-2',
    ],
    [
      'v1 is_success:false inside a 200',
      ['modelarts_stop_training_job_version', { job_id: '1', version_id: '2' }],
      {
        status: 200,
        headers: { 'X-Request-Id': 'rid-3' },
        body: { is_success: false, error_code: 'ModelArts.0105', error_message: 'Error string' },
      },
      { code: 'ModelArts.0105', message: 'Error string', category: 'conflict', retryable: false },
      200,
      'rid-3',
    ],
    [
      'ModelArts 503',
      HW_STOP,
      {
        status: 503,
        headers: { 'X-Request-Id': 'rid-4' },
        body: { error_code: 'ModelArts.0001', error_msg: 'Service busy' },
      },
      { code: 'ModelArts.0001', message: 'Service busy', category: 'upstream', retryable: true },
      503,
      'rid-4',
    ],
    [
      'ModelArts 429 by code',
      HW_STOP,
      {
        status: 429,
        headers: { 'X-Request-Id': 'rid-5' },
        body: { error_code: 'ModelArts.4395', error_msg: 'Too many dataset requests' },
      },
      { code: 'ModelArts.4395', message: 'Too many dataset requests', category: 'rate_limited', retryable: true },
      429,
      'rid-5',
    ],
    [
      'Qianfan v2 code/message',
      QF_STOP,
      { status: 400, body: { requestId: 'req-1', code: 'InappropriateJSON', message: 'param[taskId] invalid.' } },
      { code: 'InappropriateJSON', message: 'param[taskId] invalid.', category: 'invalid_input', retryable: false },
      400,
      'req-1',
    ],
    [
      'BCE IAM failure in headers only',
      QF_STOP,
      {
        status: 403,
        headers: {
          'X-Bce-Error-Code': 'SignatureDoesNotMatch',
          'X-Bce-Error-Message': 'SignatureDoesNotMatch, cause: Fail to authn user: Signature does not match',
          'X-Bce-Request-Id': 'bce-1',
        },
      },
      {
        code: 'SignatureDoesNotMatch',
        message: 'SignatureDoesNotMatch, cause: Fail to authn user: Signature does not match',
        category: 'auth',
        retryable: false,
      },
      403,
      'bce-1',
    ],
    [
      'Qianfan result:false inside a 200',
      QF_STOP,
      { status: 200, body: { requestId: 'req-2', result: false } },
      {
        code: 'ResultFalse',
        message: 'Qianfan answered result: false; the operation was not carried out.',
        category: 'conflict',
        retryable: false,
      },
      200,
      'req-2',
    ],
    [
      'evaluation result.result:false with errorMessage',
      EVAL_STOP,
      {
        status: 200,
        body: { log_id: 2398985472, result: { result: false, errorMessage: 'evaluation includes human evaluation' } },
      },
      { code: 'ResultFalse', message: 'evaluation includes human evaluation', category: 'conflict', retryable: false },
      200,
      '2398985472',
    ],
    [
      'legacy error_code inside a 200',
      EVAL_STOP,
      { status: 200, body: { log_id: '4245751552', error_code: 336003, error_msg: 'param id invalid' } },
      { code: '336003', message: 'param id invalid', category: 'invalid_input', retryable: false },
      200,
      '4245751552',
    ],
    [
      'legacy rate limit code',
      EVAL_STOP,
      { status: 200, body: { log_id: '1', error_code: 18, error_msg: 'Open api qps request limit reached' } },
      { code: '18', message: 'Open api qps request limit reached', category: 'rate_limited', retryable: true },
      200,
      '1',
    ],
  ] as const)('%s', async (_label, [tool, args], reply, error, status, requestId) => {
    sim.intercept((r) => (r.path.startsWith('/v3/') ? undefined : reply));
    const called = await mcp.call(tool, args);
    expect(called.isError).toBe(true);
    expect(called.result.ok).toBe(false);
    expect(called.result.outcome).toBe('failed');
    expect(called.result.http_status).toBe(status);
    expect(called.result.request_id).toBe(requestId);
    expect(called.result.attempts).toBeGreaterThanOrEqual(1);
    expect(called.result.error).toMatchObject(error);
    expectMirrored(called);
  });

  it('an HTML 502 keeps the status and a short excerpt, never markup', async () => {
    sim.intercept(() => ({
      status: 502,
      body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
    }));
    const called = await mcp.call(...QF_STOP);
    expect(called.result.http_status).toBe(502);
    expect(called.result.error).toMatchObject({ code: 'HTTP_502', category: 'upstream', retryable: true });
    expect(called.result.error.message).not.toMatch(/[<>]/);
    expect(called.result.error.message).toContain('502 Bad Gateway');
  });
});

describe('stop tools: real signature checks at the fake upstream', () => {
  it('a wrong Huawei secret is refused by the gateway and reported as auth, not retried', async () => {
    const m = await connect(envFor(sim, { HUAWEICLOUD_SDK_SK: 'wrong-secret', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }));
    const before = sim.requests.length;
    const called = await m.call('modelarts_stop_intelligent_task', { dataset_id: 'd1', task_id: 't-auth' });
    expect(sim.requests.length - before).toBe(1);
    expect(sim.requests.at(-1)!.verdict).toEqual({ ok: false, reason: 'bad_signature', ak: 'TESTHUAWEIACCESSKEY1' });
    expect(called.result.error).toMatchObject({ code: 'APIGW.0301', category: 'auth', retryable: false });
    expect(called.result.error.hint).toContain('HUAWEICLOUD_SDK_SK');
    await m.close();
  });

  it('an unknown Qianfan access key is refused with X-Bce-Error headers and reported as auth', async () => {
    const m = await connect(envFor(sim, { QIANFAN_ACCESS_KEY: 'no-such-key' }));
    const called = await m.call('qianfan_stop_batch_inference_task', { task_id: 'infer-1' });
    expect(called.result.http_status).toBe(401);
    expect(called.result.error).toMatchObject({
      code: 'NotFound',
      message: 'NotFound, cause: Could not find credential.',
      category: 'auth',
      retryable: false,
    });
    expect(called.result.request_id).toEqual(expect.any(String));
    await m.close();
  });

  it('IAM with zero or several projects for the region is a config error naming HUAWEICLOUD_SDK_PROJECT_ID', async () => {
    for (const ids of [[], ['p1', 'p2']]) {
      const s = await startFake({ projects: { 'cn-north-4': ids } });
      const m = await connect(envFor(s));
      const called = await m.call('modelarts_stop_intelligent_task', { dataset_id: 'd1', task_id: 't1' });
      expect(called.result.error).toMatchObject({ category: 'config', retryable: false });
      expect(called.result.error.hint).toContain('HUAWEICLOUD_SDK_PROJECT_ID');
      expect(s.requests.map((r) => r.path)).toEqual(['/v3/projects']);
      await m.close();
      await s.close();
    }
  });
});

describe('stop tools: without credentials or with bad input nothing is sent', () => {
  it('a provider without credentials answers config with the variables to set', async () => {
    const m = await connect(envFor(sim, { HUAWEICLOUD_SDK_AK: undefined, QIANFAN_SECRET_KEY: undefined }));
    const before = sim.requests.length;
    const hw = await m.call('modelarts_stop_intelligent_task', { dataset_id: 'd1', task_id: 't1' });
    const qf = await m.call('qianfan_stop_fine_tuning_task', { task_id: 'task-1' });
    expect(hw.result.error).toMatchObject({
      code: 'ConfigMissing',
      category: 'config',
      message: 'Huawei Cloud credentials are not configured: set HUAWEICLOUD_SDK_AK.',
    });
    expect(qf.result.error).toMatchObject({
      code: 'ConfigMissing',
      category: 'config',
      message: 'Qianfan credentials are not configured: set QIANFAN_SECRET_KEY.',
    });
    expect(sim.requests.length).toBe(before);
    await m.close();
  });

  it.each([
    ['modelarts_stop_intelligent_task', { dataset_id: '..', task_id: 't' }, 'dataset_id', "must not be '.' or '..'"],
    ['modelarts_stop_intelligent_task', { dataset_id: '.', task_id: 't' }, 'dataset_id', "must not be '.' or '..'"],
    ['modelarts_stop_intelligent_task', { dataset_id: 'a/b', task_id: 't' }, 'dataset_id', 'may only contain'],
    ['modelarts_stop_intelligent_task', { dataset_id: 'd', task_id: '' }, 'task_id', 'must not be empty'],
    ['modelarts_stop_intelligent_task', { dataset_id: 'd' }, 'task_id', 'is required'],
    ['modelarts_stop_intelligent_task', { dataset_id: 'd', task_id: 't', region: 'Mars' }, 'region', 'region id'],
    ['modelarts_stop_training_job_version', { job_id: '12a', version_id: '1' }, 'job_id', 'decimal-digit'],
    ['modelarts_stop_training_job_version', { job_id: 1.5, version_id: '1' }, 'job_id', 'decimal-digit'],
    ['modelarts_stop_training_job_version', { job_id: -1, version_id: '1' }, 'job_id', 'decimal-digit'],
    ['qianfan_stop_batch_inference_task', { task_id: 'x'.repeat(129) }, 'task_id', 'at most 128'],
    ['qianfan_stop_batch_inference_task', { task_id: 'infer-1', force: true }, '"force"', 'unknown field'],
    ['qianfan_stop_fine_tuning_task', { task_id: 42 }, 'task_id', 'must be a string'],
    ['qianfan_stop_evaluation_task', { evaluation_id: 'ame-1%2F..' }, 'evaluation_id', 'may only contain'],
  ])('%s %j is invalid_input naming %s', async (tool, args, field, text) => {
    const before = sim.requests.length;
    const called = await mcp.call(tool, args);
    expect(sim.requests.length).toBe(before);
    expect(called.isError).toBe(true);
    expect(called.result).toMatchObject({
      ok: false,
      outcome: 'failed',
      operation: tool,
      http_status: null,
      request_id: null,
      attempts: 0,
    });
    expect(called.result.error).toMatchObject({ code: 'InvalidInput', category: 'invalid_input', retryable: false });
    expect(called.result.error.message.startsWith(`${field}: `)).toBe(true);
    expect(called.result.error.message).toContain(text);
  });
});

describe('audit trail', () => {
  it('records one entry per stop attempt with ids and outcome (and one as a stop request leaves), none for status reads', async () => {
    const entries: Array<Record<string, unknown>> = [];
    const sending: Array<Record<string, unknown>> = [];
    const m = await connect(
      envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }),
      [],
      (e) => void (e.outcome === 'sending' ? sending : entries).push({ ...e }),
    );
    await m.call('qianfan_stop_fine_tuning_task', { task_id: 'task-audit' });
    await m.call('qianfan_stop_fine_tuning_task', { task_id: '..' });
    await m.call('qianfan_get_fine_tuning_task', { task_id: 'task-audit' });
    // The refused input was never sent: only the first stop has a line written as it left.
    expect(sending).toEqual([
      expect.objectContaining({ tool: 'qianfan_stop_fine_tuning_task', target: { task_id: 'task-audit' } }),
    ]);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      audit: 'stop',
      tool: 'qianfan_stop_fine_tuning_task',
      provider: 'qianfan',
      target: { task_id: 'task-audit' },
      outcome: 'stop_requested',
      http_status: 200,
      attempts: 1,
    });
    expect(entries[0]!.duration_ms).toEqual(expect.any(Number));
    expect(entries[1]).toMatchObject({ outcome: 'failed', attempts: 0, error_code: 'InvalidInput' });
    await m.close();
  });
});
