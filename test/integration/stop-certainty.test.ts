// Dry runs, bounded waits with progress and cancellation, and idempotent stops, through a real MCP client.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit.js';
import type { Simulator } from '../../src/simulator/server.js';
import { STOP_CASES, freshId, isStatusRead, isStop } from '../helpers/families.js';
import { HW, PROJECT, QF, connect, envFor, startFake } from '../helpers/harness.js';

let fast: Simulator; // a stop takes 200 ms to complete
let slow: Simulator; // a stop never completes within a test
let mcp: Awaited<ReturnType<typeof connect>>;
let slowMcp: Awaited<ReturnType<typeof connect>>;
const audit: AuditEntry[] = [];

beforeAll(async () => {
  [fast, slow] = await Promise.all([startFake({ stoppingMs: 200 }), startFake({ stoppingMs: 600_000 })]);
  mcp = await connect(envFor(fast, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }));
  slowMcp = await connect(
    envFor(slow, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }),
    [],
    (e) => void (e.outcome !== 'sending' && audit.push(e)),
  );
});
afterAll(async () => {
  await Promise.all([mcp.close(), slowMcp.close()]);
  await Promise.all([fast.close(), slow.close()]);
});
afterEach(() => fast.intercept(undefined));

const since = (sim: Simulator, before: number) => sim.requests.slice(before);

describe.each(STOP_CASES)('$tool', (c) => {
  it('dry run: sends no stop, describes exactly the request a real stop then sends, and reads the status', async () => {
    const id = freshId();
    const before = fast.requests.length;
    const dry = await mcp.call(c.tool, { ...c.args(id), dry_run: true });
    const sent = since(fast, before);
    expect(sent.filter(isStop)).toEqual([]);
    expect(sent.map(isStatusRead)).toEqual([true]);
    expect(fast.inventory.get(c.family, c.ids(id))).toMatchObject({ state: 'running', stopRequests: 0 });
    expect(dry.isError).toBe(false);
    expect(dry.result).toMatchObject({
      ok: true,
      outcome: 'dry_run',
      operation: c.tool,
      http_status: 200,
      attempts: 1,
    });
    expect(dry.result.request_id).toEqual(expect.any(String));
    expect(dry.result.status).toMatchObject({ state: 'running' });
    expect(dry.result.note).toMatch(
      /^Nothing was sent to stop the task\. The task is running, .*; this request would stop it\.$/,
    );
    for (const secret of [HW.sk, QF.sk, HW.ak, QF.ak, 'Signature', 'bce-auth-v1'])
      expect(dry.text).not.toContain(secret);

    const real = await mcp.call(c.tool, c.args(id));
    expect(real.result.outcome).toBe('stop_requested');
    const stop = fast.requests.at(-1)!;
    const signedList = c.family.startsWith('modelarts')
      ? /SignedHeaders=([^,]+),/.exec(stop.headers.authorization!)![1]!
      : stop.headers.authorization!.split('/')[4]!;
    expect(dry.result.request).toEqual({
      method: stop.method,
      url: fast.url + stop.url,
      body: stop.body === '' ? null : stop.body,
      signed_headers: signedList.split(';'),
    });
  });

  it('wait_seconds: polls until stopped and reports increasing progress', async () => {
    const id = freshId();
    const progress: Array<{ progress: number; total?: number }> = [];
    const before = fast.requests.length;
    const called = await mcp.call(
      c.tool,
      { ...c.args(id), wait_seconds: 10 },
      { onprogress: (p) => void progress.push(p) },
    );
    const reads = since(fast, before).filter(isStatusRead).length;
    expect(called.result).toMatchObject({
      ok: true,
      outcome: 'stopped',
      status: { state: 'stopped', raw: c.stoppedRaw },
      attempts: 1 + reads,
    });
    expect(called.result.note).toBeUndefined();
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBe(reads); // one when the stop is accepted, one per read the wait went on after
    expect(progress[0]!.progress).toBe(0);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.progress).toBeGreaterThan(progress[i - 1]!.progress);
    expect(progress.every((p) => p.total === 10)).toBe(true);
  });

  it('a second stop of the same task is already_stopped, ok and not an error', async () => {
    const id = freshId();
    expect((await mcp.call(c.tool, { ...c.args(id), wait_seconds: 10 })).result.outcome).toBe('stopped');
    const before = fast.requests.length;
    const again = await mcp.call(c.tool, c.args(id));
    expect(since(fast, before).map((r) => (isStop(r) ? 'stop' : isStatusRead(r) ? 'status' : r.url))).toEqual([
      'stop',
      'status',
    ]);
    expect(again.isError).toBe(false);
    expect(again.result).toMatchObject({
      ok: true,
      outcome: 'already_stopped',
      http_status: c.refusal.http,
      status: { state: 'stopped', raw: c.stoppedRaw },
      attempts: 2,
    });
    expect(again.result.error).toBeUndefined();
    expect(again.result.note).toContain(`refused the stop (${c.refusal.code}: `);
    expect(again.result.note).toContain('the task is already stopped');
    expect(fast.inventory.get(c.family, c.ids(id))!.stopRequests).toBe(2);
  });

  it.each(['succeeded', 'failed'] as const)('a %s task is already_finished', async (state) => {
    if (state === 'succeeded' && c.succeededRaw === null) return; // the provider has no such state
    const id = freshId();
    fast.inventory.put(c.family, c.ids(id), { state });
    const called = await mcp.call(c.tool, c.args(id));
    expect(called.isError).toBe(false);
    expect(called.result).toMatchObject({
      ok: true,
      outcome: 'already_finished',
      http_status: c.refusal.http,
      status: { state },
      attempts: 2,
    });
    if (state === 'succeeded') expect(called.result.status.raw).toBe(c.succeededRaw);
    expect(called.result.note).toContain(`(${c.refusal.finishedCode ?? c.refusal.code}: `);
    expect(called.result.note).toContain(`the task already finished (${state}`);
  });
});

describe('refused stops of tasks that still run, and failures that are not refusals', () => {
  it('a refusal while the status says running stays failed, with the provider code and the status seen', async () => {
    fast.intercept((r) =>
      isStop(r)
        ? {
            status: 400,
            headers: { 'X-Request-Id': 'rid-refused' },
            body: { error_code: 'ModelArts.4393', error_msg: 'Task stopped.' },
          }
        : undefined,
    );
    const called = await mcp.call('modelarts_stop_intelligent_task', { dataset_id: 'ds-c', task_id: `r${freshId()}` });
    expect(called.isError).toBe(true);
    expect(called.result).toMatchObject({
      ok: false,
      outcome: 'failed',
      http_status: 400,
      request_id: 'rid-refused',
      attempts: 2,
      status: { state: 'running', raw: 1 },
    });
    expect(called.result.error).toMatchObject({
      code: 'ModelArts.4393',
      message: 'Task stopped.',
      category: 'conflict',
    });
    expect(called.result.note).toBe(
      'Huawei Cloud refused the stop (ModelArts.4393: Task stopped.) while the task is running (running, provider status 1).',
    );
  });

  it.each([
    [
      'auth',
      {
        status: 401,
        body: {
          error_code: 'APIGW.0301',
          error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
        },
      },
      'APIGW.0301',
      1,
    ],
    [
      'not found',
      { status: 400, body: { error_code: 'ModelArts.4338', error_msg: 'The resource not exists.' } },
      'ModelArts.4338',
      1,
    ],
    // a 5xx is resent (up to three attempts in all), and still no status is read
    ['upstream', { status: 503, body: { error_code: 'ModelArts.4354', error_msg: 'busy' } }, 'ModelArts.4354', 3],
  ])('a %s failure reads no status', async (_name, reply, code, attempts) => {
    fast.intercept((r) => (isStop(r) ? reply : undefined));
    const before = fast.requests.length;
    const called = await mcp.call('modelarts_stop_intelligent_task', { dataset_id: 'ds-c', task_id: `n${freshId()}` });
    expect(since(fast, before).length).toBe(attempts);
    expect(called.result).toMatchObject({ ok: false, outcome: 'failed', attempts, error: { code } });
    expect(called.result.status).toBeUndefined();
  });

  it('a second stop while the first is still stopping is already_stopped, and wait_seconds waits for stopped', async () => {
    const id = `s${freshId()}`;
    await slowMcp.call('qianfan_stop_batch_inference_task', { task_id: id });
    const called = await slowMcp.call('qianfan_stop_batch_inference_task', { task_id: id });
    expect(called.result).toMatchObject({
      ok: true,
      outcome: 'already_stopped',
      status: { state: 'stopping', raw: 'Stopping' },
    });

    const sim = await startFake({ stoppingMs: 400 });
    const m = await connect(envFor(sim));
    await m.call('qianfan_stop_evaluation_task', { evaluation_id: 'ame-w' });
    const waited = await m.call('qianfan_stop_evaluation_task', { evaluation_id: 'ame-w', wait_seconds: 10 });
    expect(waited.result).toMatchObject({
      ok: true,
      outcome: 'already_stopped',
      status: { state: 'stopped', raw: 'Stopped' },
    });
    expect(waited.result.note).toMatch(
      /the task is already stopping \(stopping, provider status "Stopping"\)\. Waited until it was stopped\.$/,
    );
    await m.close();
    await sim.close();
  });
});

describe('waits that do not reach stopped', () => {
  it('a wait that runs out is stop_requested with the last status and a note', async () => {
    const started = Date.now();
    const called = await slowMcp.call('modelarts_stop_training_job_version', {
      job_id: '5',
      version_id: freshId(),
      wait_seconds: 1,
    });
    const elapsed = Date.now() - started;
    expect(called.result).toMatchObject({
      ok: true,
      outcome: 'stop_requested',
      http_status: 200,
      status: { state: 'stopping', raw: 9 },
    });
    expect(called.result.note).toBe(
      'The stop was accepted. The wait of 1 s ran out; the task was last seen stopping, provider status 9. Check again with modelarts_get_training_job_version.',
    );
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('cancelling the call stops the polling promptly', async () => {
    const controller = new AbortController();
    const taskId = `c${freshId()}`;
    let notified = 0;
    const call = slowMcp.call(
      'qianfan_stop_fine_tuning_task',
      { task_id: `task-${taskId}`, wait_seconds: 600 },
      {
        signal: controller.signal,
        onprogress: () => void (++notified === 3 && controller.abort()),
      },
    );
    await expect(call).rejects.toThrow();
    const abortedAt = Date.now();
    while (!audit.some((e) => e.target.task_id === `task-${taskId}`) && Date.now() - abortedAt < 5_000)
      await new Promise((r) => setTimeout(r, 20));
    const entry = audit.find((e) => e.target.task_id === `task-${taskId}`);
    expect(entry).toMatchObject({ outcome: 'stop_requested', http_status: 200 });
    expect(Math.abs(Date.parse(entry!.time) - Date.now())).toBeLessThan(60_000); // a wall-clock time, not a monotonic one
    const reads = () =>
      slow.requests.filter((r) => isStatusRead(r) && (r.json as { taskId?: string })?.taskId === `task-${taskId}`)
        .length;
    const atEnd = reads();
    expect(atEnd).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 600)); // several poll intervals (FAST_POLL tops out at 120 ms)
    expect(reads()).toBe(atEnd);
  });
});

describe('input checks for the new inputs', () => {
  it.each([
    [{ wait_seconds: -1 }, 'wait_seconds', 'must be an integer from 0 to 600 (seconds)'],
    [{ wait_seconds: 601 }, 'wait_seconds', 'must be an integer from 0 to 600 (seconds)'],
    [{ wait_seconds: 1.5 }, 'wait_seconds', 'must be an integer from 0 to 600 (seconds)'],
    [{ wait_seconds: '5' }, 'wait_seconds', 'must be an integer from 0 to 600 (seconds)'],
    [{ dry_run: 'yes' }, 'dry_run', 'must be true or false'],
  ])('%j is invalid_input and sends nothing', async (extra, field, message) => {
    const before = fast.requests.length;
    const called = await mcp.call('qianfan_stop_batch_inference_task', { task_id: 'infer-bad', ...extra });
    expect(fast.requests.length).toBe(before);
    expect(called.result).toMatchObject({
      ok: false,
      outcome: 'failed',
      attempts: 0,
      error: { code: 'InvalidInput', category: 'invalid_input', message: `${field}: ${message}` },
    });
  });

  it('dry run on ModelArts still resolves the project from IAM, and sends nothing else', async () => {
    const m = await connect(envFor(fast));
    const before = fast.requests.length;
    const called = await m.call('modelarts_stop_intelligent_task', { dataset_id: 'd', task_id: 'iam', dry_run: true });
    expect(since(fast, before).map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /v3/projects?name=cn-north-4',
      `GET /v2/${PROJECT}/datasets/d/tasks/iam`,
    ]);
    expect(called.result.target).toEqual({
      dataset_id: 'd',
      task_id: 'iam',
      region: 'cn-north-4',
      project_id: PROJECT,
    });
    expect(called.result.request).toEqual({
      method: 'POST',
      url: `${fast.url}/v2/${PROJECT}/datasets/d/tasks/iam/stop`,
      body: null,
      signed_headers: ['content-type', 'host', 'x-project-id', 'x-sdk-date'],
    });
    await m.close();
  });

  it('a dry run whose status read fails still describes the request, and says why there is no status', async () => {
    fast.intercept((r) =>
      isStatusRead(r) ? { status: 500, body: { code: 'InternalError', message: 'boom' } } : undefined,
    );
    const called = await mcp.call('qianfan_stop_fine_tuning_task', { task_id: 'task-dry-fail', dry_run: true });
    // the failing status read is a 500, resent up to three attempts in all
    expect(called.result).toMatchObject({
      ok: true,
      outcome: 'dry_run',
      http_status: null,
      request_id: null,
      attempts: 3,
    });
    expect(called.result.request).toEqual({
      method: 'POST',
      url: `${fast.url}/v2/finetuning?Action=StopFineTuningTask`,
      body: '{"taskId":"task-dry-fail"}',
      signed_headers: ['content-type', 'host', 'x-bce-date'],
    });
    expect(called.result.status).toBeUndefined();
    expect(called.result.note).toBe(
      'Nothing was sent to stop the task. Reading its status failed (InternalError: boom).',
    );
  });

  it('a dry run without credentials is the same config error as a stop', async () => {
    const m = await connect(envFor(fast, { QIANFAN_ACCESS_KEY: undefined }));
    const called = await m.call('qianfan_stop_fine_tuning_task', { task_id: 'task-nocreds', dry_run: true });
    expect(called.result).toMatchObject({
      ok: false,
      outcome: 'failed',
      attempts: 0,
      error: { code: 'ConfigMissing', category: 'config' },
    });
    await m.close();
  });
});

describe('the moment a stop leaves', () => {
  it('a shutdown that begins while the "sending" line is written sends no stop, and the call says so', async () => {
    const shutdown = new AbortController();
    const lines: AuditEntry[] = [];
    const m = await connect(
      envFor(fast, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }),
      [],
      async (e) => {
        lines.push(e);
        // The sink's write waits for the end of a turn of the event loop; a SIGTERM handled then aborts this.
        if (e.outcome === 'sending') await new Promise((resolve) => setImmediate(resolve)).then(() => shutdown.abort());
      },
      { deps: { shutdown: shutdown.signal } },
    );
    const id = freshId();
    const before = fast.requests.length;
    const res = await m.call('qianfan_stop_fine_tuning_task', { task_id: id });
    await m.close();
    expect(since(fast, before).filter(isStop)).toEqual([]);
    expect(res.isError).toBe(true);
    expect(res.result).toMatchObject({ ok: false, attempts: 0 });
    expect(res.result.error.message).toMatch(/^The server is shutting down; the stop was not sent/);
    expect(lines.map((l) => l.outcome)).toEqual(['sending', 'failed']);
  });
});

describe('audit lines are out before what follows them', () => {
  it('the stop waits for its "sending" line to be written, and the result for its outcome line', async () => {
    const held: Record<string, () => void> = {};
    const m = await connect(
      envFor(fast, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }),
      [],
      (e) =>
        // Each line's write finishes only when the test says so.
        new Promise<void>((resolve) => (held[e.outcome] = resolve)),
    );
    const id = freshId();
    const before = fast.requests.length;
    let answered = false;
    const call = m.call('qianfan_stop_fine_tuning_task', { task_id: id }).then((r) => ((answered = true), r));
    await until(() => held.sending !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(since(fast, before).filter(isStop)).toEqual([]); // its line is not written yet: the stop has not left
    held.sending!();
    await until(() => held.stop_requested !== undefined);
    expect(since(fast, before).filter(isStop)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false); // the outcome line is not written yet: no result
    held.stop_requested!();
    expect((await call).result.outcome).toBe('stop_requested');
    await m.close();
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}
