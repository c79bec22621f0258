// Faults injected at the fake upstream: every call still ends within its time limit with an honest result, retrying
// exactly what is safe to retry. Time bounds are generous (shared, loaded machines); lower bounds prove the waits.
import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/simulator/types.js';
import type { Simulator } from '../../src/simulator/server.js';
import { PROJECT, connect, envFor, startFake, type Called } from '../helpers/harness.js';

/** The limit of `short`, for the tests that run into it; `mcp` has room for every retry even on a loaded machine. */
const LIMIT_MS = 1500;
const SLACK_MS = 4000;
let sim: Simulator;
let mcp: Awaited<ReturnType<typeof connect>>;
let short: Awaited<ReturnType<typeof connect>>;

beforeAll(async () => {
  sim = await startFake();
  mcp = await connect(envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }), ['--timeout-ms', '8000']);
  short = await connect(envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }), ['--timeout-ms', String(LIMIT_MS)]);
});
afterAll(async () => {
  await mcp.close();
  await short.close();
  await sim.close();
});
afterEach(() => sim.intercept(undefined));

// A fresh task per call: a task stopped once answers the next stop with a conflict.
let n = 0;
const hw = () => ['modelarts_stop_intelligent_task', { dataset_id: 'd1', task_id: `fault-${++n}` }] as const;
const qf = () => ['qianfan_stop_fine_tuning_task', { task_id: `task-fault-${++n}` }] as const;

/** Answers the first `n` requests with `reply`, then lets the simulator answer. */
function firstN(n: number, reply: Reply | { fault: 'reset' | 'hang' | 'stall' }) {
  let seen = 0;
  sim.intercept(() => (seen++ < n ? reply : undefined));
}

async function timed(call: Promise<Called>): Promise<Called & { ms: number; sent: number }> {
  const before = sim.requests.length;
  const started = performance.now();
  const called = await call;
  return { ...called, ms: performance.now() - started, sent: sim.requests.length - before };
}

describe('retried: 5xx, 429 and network errors', () => {
  it('503 then success: stop_requested after 2 attempts', async () => {
    firstN(1, { status: 503, body: { error_code: 'ModelArts.0001', error_msg: 'Service busy' } });
    const r = await timed(mcp.call(...hw()));
    expect(r.result).toMatchObject({ ok: true, outcome: 'stop_requested', http_status: 204, attempts: 2 });
    expect(r.sent).toBe(2);
  });

  it('429 with Retry-After: 1 then success waits about a second', async () => {
    firstN(1, {
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { requestId: 'r', code: 'RequestLimitReached', message: 'slow down' },
    });
    const r = await timed(mcp.call(...qf()));
    expect(r.result).toMatchObject({ ok: true, outcome: 'stop_requested', attempts: 2 });
    expect(r.ms).toBeGreaterThanOrEqual(950);
    expect(r.ms).toBeLessThan(1000 + SLACK_MS);
  });

  it('429 with Retry-After as an HTTP date is honoured too', async () => {
    const at = new Date(Date.now() + 2000).toUTCString(); // whole seconds: 1 to 2 s from now
    firstN(1, {
      status: 429,
      headers: { 'Retry-After': at },
      body: { requestId: 'r', code: 'RequestLimitReached', message: 'slow down' },
    });
    const r = await timed(mcp.call('qianfan_stop_batch_inference_task', { task_id: 'infer-date' }));
    expect(r.result).toMatchObject({ ok: true, attempts: 2 });
    expect(r.ms).toBeGreaterThanOrEqual(900);
  });

  it('a Retry-After beyond the cap is not waited for: rate_limited with retry_after_seconds, one attempt', async () => {
    firstN(1, {
      status: 429,
      headers: { 'Retry-After': '3600' },
      body: { requestId: 'r', code: 'RequestLimitReached', message: 'quota' },
    });
    const r = await timed(mcp.call(...qf()));
    expect(r.result).toMatchObject({ ok: false, outcome: 'failed', http_status: 429, attempts: 1 });
    expect(r.result.error).toMatchObject({
      code: 'RequestLimitReached',
      category: 'rate_limited',
      retryable: true,
      retry_after_seconds: 3600,
    });
    expect(r.sent).toBe(1);
    expect(r.ms).toBeLessThan(SLACK_MS);
  });

  it('a Retry-After longer than the time left is not waited for either', async () => {
    firstN(1, {
      status: 503,
      headers: { 'Retry-After': '5' },
      body: { error_code: 'ModelArts.0001', error_msg: 'Service busy' },
    });
    const r = await timed(short.call(...hw()));
    expect(r.result).toMatchObject({ ok: false, http_status: 503, attempts: 1 });
    expect(r.result.error).toMatchObject({ category: 'upstream', retryable: true, retry_after_seconds: 5 });
    expect(r.ms).toBeLessThan(SLACK_MS);
  });

  it('a persistent 500 ends after 3 attempts as upstream, retryable', async () => {
    sim.intercept(() => ({
      status: 500,
      body: { requestId: 'r', code: 'InternalError', message: 'We encountered an internal error.' },
    }));
    const r = await timed(mcp.call(...qf()));
    expect(r.result).toMatchObject({ ok: false, outcome: 'failed', http_status: 500, attempts: 3 });
    expect(r.result.error).toMatchObject({ code: 'InternalError', category: 'upstream', retryable: true });
    expect(r.sent).toBe(3);
    expect(r.ms).toBeLessThan(SLACK_MS);
  });

  it('a throttling code inside a 200 (Qianfan legacy 18) is retried like a 429', async () => {
    firstN(2, { status: 200, body: { log_id: '1', error_code: 18, error_msg: 'Open api qps request limit reached' } });
    const r = await timed(mcp.call('qianfan_stop_evaluation_task', { evaluation_id: 'ame-qps' }));
    expect(r.result).toMatchObject({ ok: true, outcome: 'stop_requested', attempts: 3 });
  });

  it('a connection reset is network, retried, and names the endpoint and its variable', async () => {
    sim.intercept(() => ({ fault: 'reset' }));
    const r = await timed(mcp.call(...hw()));
    expect(r.result).toMatchObject({ ok: false, outcome: 'failed', http_status: null, attempts: 3 });
    expect(r.result.error).toMatchObject({ category: 'network', retryable: true });
    expect(r.result.error.code).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
    expect(r.result.error.message).toContain(
      `The request to ${sim.url} (set by HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4) failed`,
    );
    expect(r.result.error.message).toContain('reset or closed');
    expect(r.sent).toBe(3);
  });

  it('a reset then success recovers on the second attempt', async () => {
    firstN(1, { fault: 'reset' });
    const r = await timed(mcp.call(...qf()));
    expect(r.result).toMatchObject({ ok: true, outcome: 'stop_requested', attempts: 2 });
  });

  it('an HTML 502 keeps the status and a short excerpt without markup, after 3 attempts', async () => {
    const page =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style><script>var x="<b>";</script></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    sim.intercept(() => ({ status: 502, headers: { 'Content-Type': 'text/html' }, body: page + ' '.repeat(5000) }));
    const r = await timed(mcp.call(...qf()));
    expect(r.result).toMatchObject({ ok: false, http_status: 502, attempts: 3 });
    expect(r.result.error).toEqual({
      code: 'HTTP_502',
      message: '502 Bad Gateway 502 Bad Gateway nginx',
      category: 'upstream',
      retryable: true,
      hint: expect.any(String),
    });
  });

  it('a refused port is network ECONNREFUSED naming the variable that set the endpoint', async () => {
    const port = await closedPort();
    const m = await connect(envFor(sim, { QIANFAN_CONSOLE_API_BASE_URL: `http://127.0.0.1:${port}` }), [
      '--timeout-ms',
      '8000',
    ]);
    const started = performance.now();
    const r = await m.call(...qf());
    expect(r.result).toMatchObject({ ok: false, outcome: 'failed', http_status: null, attempts: 3 });
    expect(r.result.error).toMatchObject({ code: 'ECONNREFUSED', category: 'network', retryable: true });
    expect(r.result.error.message).toBe(
      `The request to http://127.0.0.1:${port} (set by QIANFAN_CONSOLE_API_BASE_URL) failed: the connection was refused (nothing is listening there) (ECONNREFUSED).`,
    );
    expect(r.result.error.hint).toContain(`127.0.0.1:${port}`);
    expect(performance.now() - started).toBeLessThan(SLACK_MS);
    await m.close();
  });

  it('a TLS failure (https:// to a plain HTTP port) is network, naming the endpoint, and not resent', async () => {
    const m = await connect(envFor(sim, { QIANFAN_CONSOLE_API_BASE_URL: sim.url.replace('http:', 'https:') }), [
      '--timeout-ms',
      String(LIMIT_MS),
    ]);
    const r = await m.call(...qf());
    expect(r.result).toMatchObject({ ok: false, http_status: null, attempts: 1 });
    expect(r.result.error).toMatchObject({ category: 'network', retryable: false });
    expect(r.result.error.code).toMatch(/SSL|TLS|EPROTO/);
    expect(r.result.error.message).toContain('TLS handshake failed');
    expect(r.result.error.message).toContain('(set by QIANFAN_CONSOLE_API_BASE_URL)');
    await m.close();
  });
});

describe('timeouts: a hung or stalled upstream ends within the limit', () => {
  it.each([
    ['headers never come', { fault: 'hang' } as const],
    ['headers sent, then the body stalls', { fault: 'stall' } as const],
  ])('%s: timeout, retryable, one attempt (the limit covers the whole call)', async (_label, fault) => {
    sim.intercept(() => fault);
    const r = await timed(short.call(...qf()));
    expect(r.result).toMatchObject({ ok: false, outcome: 'failed', http_status: null, attempts: 1 });
    expect(r.result.error).toMatchObject({ code: 'Timeout', category: 'timeout', retryable: true });
    expect(r.result.error.message).toBe(
      `No complete answer from ${sim.url} (set by QIANFAN_CONSOLE_API_BASE_URL) within the ${LIMIT_MS} ms limit.`,
    );
    expect(r.ms).toBeGreaterThanOrEqual(LIMIT_MS - 100);
    expect(r.ms).toBeLessThan(LIMIT_MS + SLACK_MS);
  });

  it('a hang after a 503 still ends within the same limit, counting both attempts', async () => {
    let seen = 0;
    sim.intercept(() =>
      seen++ === 0 ? { status: 503, body: { error_code: 'ModelArts.0001', error_msg: 'busy' } } : { fault: 'hang' },
    );
    const r = await timed(short.call(...hw()));
    expect(r.result).toMatchObject({ ok: false, attempts: 2, error: { category: 'timeout', retryable: true } });
    expect(r.ms).toBeLessThan(LIMIT_MS + SLACK_MS);
  });
});

describe('not retried', () => {
  it.each([
    [
      'Huawei gateway auth failure (APIGW.0301, 401)',
      hw,
      {
        status: 401,
        body: {
          error_code: 'APIGW.0301',
          error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
        },
      },
      'auth',
    ],
    [
      'BCE signature failure in a 500 (code wins over status)',
      qf,
      {
        status: 500,
        headers: { 'X-Bce-Error-Code': 'SignatureDoesNotMatch', 'X-Bce-Error-Message': 'Signature does not match' },
      },
      'auth',
    ],
    [
      'a plain 400 (on a status read)',
      () => ['qianfan_get_fine_tuning_task', { task_id: `task-read-${++n}` }] as const,
      { status: 400, body: { requestId: 'r', code: 'InvalidHTTPRequest', message: 'bad' } },
      'invalid_input',
    ],
    [
      'a 404',
      hw,
      { status: 404, body: { error_code: 'ModelArts.4338', error_msg: 'The resource not exists.' } },
      'not_found',
    ],
    [
      'a throttling code in a 400 (only 429 is retried among 4xx)',
      hw,
      { status: 400, body: { error_code: 'ModelArts.4395', error_msg: 'Too many requests' } },
      'rate_limited',
    ],
  ] as const)('%s: one attempt', async (_label, which, reply, category) => {
    const [tool, args] = which();
    sim.intercept(() => reply);
    const r = await timed(mcp.call(tool, args));
    expect(r.result).toMatchObject({ ok: false, http_status: reply.status, attempts: 1, error: { category } });
    expect(r.sent).toBe(1);
  });

  it.each([
    ['chunked', {}],
    ['with Content-Length', { 'Content-Length': String(20 * 1024 * 1024) }],
  ])('a 20 MB body (%s) is not read: ResponseTooLarge keeping the status, one attempt', async (_label, headers) => {
    const big = 'x'.repeat(20 * 1024 * 1024);
    sim.intercept(() => ({ status: 200, headers, body: big }));
    const r = await timed(mcp.call(...qf()));
    expect(r.result).toMatchObject({ ok: false, outcome: 'failed', http_status: 200, attempts: 1 });
    expect(r.result.error).toMatchObject({
      code: 'ResponseTooLarge',
      category: 'upstream',
      retryable: false,
      message: 'The provider answered HTTP 200 with a body over 1048576 bytes; it was not read.',
    });
    expect(r.ms).toBeLessThan(LIMIT_MS + SLACK_MS);
  });

  it('a 20 MB error page from a 503 is retried and still not read', async () => {
    const big = '<html>' + 'y'.repeat(20 * 1024 * 1024);
    sim.intercept(() => ({ status: 503, body: big }));
    const r = await timed(mcp.call(...hw()));
    expect(r.result).toMatchObject({
      ok: false,
      http_status: 503,
      attempts: 3,
      error: { code: 'ResponseTooLarge', category: 'upstream', retryable: true },
    });
  });

  it.each([
    ['an HTML page', '<html><body><h1>Please log in to the portal</h1></body></html>', 'Please log in to the portal'],
    ['plain text', 'OK', 'OK'],
    ['a JSON array', '[]', '[]'],
  ])('a 200 carrying %s is no success: UnreadableResponse, one attempt', async (_label, body, excerpt) => {
    sim.intercept(() => ({ status: 200, headers: { 'Content-Type': 'text/html' }, body }));
    const r = await timed(mcp.call(...qf()));
    expect(r.result).toMatchObject({ ok: false, outcome: 'failed', http_status: 200, attempts: 1 });
    expect(r.result.error).toMatchObject({ code: 'UnreadableResponse', category: 'upstream', retryable: false });
    expect(r.result.error.message).toBe(
      `The provider answered HTTP 200 with a body that is not a JSON object ("${excerpt}"); whether the call took effect is unknown.`,
    );
  });

  it('a Qianfan 200 without a result is no success', async () => {
    sim.intercept(() => ({ status: 200, body: { requestId: 'req-empty' } }));
    const r = await mcp.call(...qf());
    expect(r.result).toMatchObject({
      ok: false,
      request_id: 'req-empty',
      attempts: 1,
      error: { code: 'UnexpectedResponse', category: 'upstream', retryable: false },
    });
  });
});

describe('real backoff timing (defaults)', () => {
  it('waits at least the jittered first backoff (250-500 ms) before retrying', async () => {
    const m = await connect(envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }), [], undefined, { retry: {} });
    firstN(1, { status: 503, body: { error_code: 'ModelArts.0001', error_msg: 'busy' } });
    const r = await timed(m.call(...hw()));
    expect(r.result).toMatchObject({ ok: true, attempts: 2 });
    expect(r.ms).toBeGreaterThanOrEqual(240);
    expect(r.ms).toBeLessThan(500 + SLACK_MS);
    await m.close();
  });
});

describe('the server keeps serving', () => {
  it('answers normally right after every fault above', async () => {
    const r = await mcp.call(...qf());
    expect(r.result).toMatchObject({ ok: true, attempts: 1 });
  });
});

async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
