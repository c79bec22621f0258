// Cancellation, the call's one time budget, the wait's own deadline, and which answers count as a refused stop,
// through a real MCP client against the simulator. A cancelled call's result is dropped by the SDK (the client
// stopped listening), so those tests read what the call ended with from its audit line.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit.js';
import type { RecordedRequest, Simulator } from '../../src/simulator/server.js';
import { freshId, isStatusRead, isStop } from '../helpers/families.js';
import { PROJECT, connect, envFor, startFake } from '../helpers/harness.js';

let sim: Simulator;
const audit: AuditEntry[] = [];
const sending: AuditEntry[] = [];
const open: Array<Awaited<ReturnType<typeof connect>>> = [];
const gates: Array<() => void> = [];

beforeAll(async () => {
  sim = await startFake({ stoppingMs: 600_000 }); // a stop never completes within a test
});
afterEach(() => {
  sim.intercept(undefined);
  for (const release of gates.splice(0)) release();
});
afterAll(async () => {
  await Promise.all(open.map((m) => m.close()));
  await sim.close();
});

/** A server with its own clients (so its own project cache), auditing into `audit`. */
async function server(
  timeoutMs: number,
  env: Record<string, string | undefined> = {},
  options: Parameters<typeof connect>[3] = {},
  argv: string[] = [],
) {
  const m = await connect(
    envFor(sim, env),
    ['--timeout-ms', String(timeoutMs), ...argv],
    // The line written as a stop leaves is kept apart: each call's outcome line is what these tests read.
    (e) => void (e.outcome === 'sending' ? sending.push(e) : audit.push(e)),
    options,
  );
  open.push(m);
  return m;
}

/** Resolves once opened; every gate still shut is opened after each test. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  gates.push(open);
  return { open, opened };
}

const isLookup = (r: RecordedRequest) => r.path === '/v3/projects';
const about = (id: string) => (r: RecordedRequest) => r.url.includes(id) || r.body.includes(id);

async function auditFor(id: string, withinMs = 15_000): Promise<AuditEntry> {
  const until = performance.now() + withinMs;
  for (;;) {
    const entry = audit.find((e) => Object.values(e.target).includes(id));
    if (entry) return entry;
    if (performance.now() > until) throw new Error(`no audit line for ${id} within ${withinMs} ms`);
    await sleep(10);
  }
}

// Room for the slow paths these tests prove absent (and for a loaded machine); the time bounds themselves are asserted.
const SLOW = { timeout: 30_000 };

describe('a cancelled call sends no stop it had not sent yet', SLOW, () => {
  it('cancelled during a slow project lookup: no stop, even after the lookup answers; the lookup is kept for the next call', async () => {
    const m = await server(8000);
    const arrived = gate();
    const release = gate();
    let lookup: RecordedRequest | undefined;
    sim.intercept(async (r) => {
      if (isLookup(r)) {
        lookup = r;
        arrived.open();
        await release.opened;
      }
      return undefined;
    });
    const id = `lookup${freshId()}`;
    const controller = new AbortController();
    const call = m.call(
      'modelarts_stop_intelligent_task',
      { dataset_id: 'd', task_id: id },
      { signal: controller.signal },
    );
    await arrived.opened;
    controller.abort();
    await expect(call).rejects.toThrow();

    // The call ends while the lookup is still held: it does not wait for it.
    expect(await auditFor(id)).toMatchObject({
      outcome: 'failed',
      error_code: 'Cancelled',
      attempts: 0,
      http_status: null,
      request_id: null,
    });
    release.open();
    while (!lookup!.reply) await sleep(10);
    expect(lookup!.reply.status).toBe(200);
    await sleep(300);
    expect(sim.requests.filter(about(id))).toEqual([]);

    const lookups = sim.requests.filter(isLookup).length;
    const next = await m.call('modelarts_stop_intelligent_task', { dataset_id: 'd', task_id: `next${freshId()}` });
    expect(next.result).toMatchObject({ ok: true, outcome: 'stop_requested', target: { project_id: PROJECT } });
    expect(sim.requests.filter(isLookup).length).toBe(lookups);
  });

  it('cancelled while the user is asked to confirm (a 2025-era session, asked by the server): the call ends, nothing is sent', async () => {
    const asked = gate();
    const never = gate();
    const m = await server(
      8000,
      { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT },
      {
        era: 'legacy',
        elicit: async () => {
          asked.open();
          await never.opened;
          return { action: 'decline' };
        },
      },
      ['--confirm'],
    );
    const id = `task-confirm${freshId()}`;
    const controller = new AbortController();
    const before = sim.requests.length;
    const call = m.call('qianfan_stop_fine_tuning_task', { task_id: id }, { signal: controller.signal });
    await asked.opened;
    controller.abort();
    await expect(call).rejects.toThrow();
    // The question was the call's first round; with no answer there is no second round, so no stop and no stop line.
    await new Promise((r) => setTimeout(r, 300));
    expect(audit.filter((e) => Object.values(e.target).includes(id))).toEqual([]);
    expect(sim.requests.length).toBe(before);
  });

  it('cancelled while the stop is in flight: the request is abandoned and never resent', async () => {
    const m = await server(8000);
    const arrived = gate();
    const release = gate();
    sim.intercept(async (r) => {
      if (!isStop(r)) return undefined;
      arrived.open();
      await release.opened;
      return { status: 503, body: { requestId: 'r', code: 'ServiceUnavailable', message: 'busy' } }; // retryable, had the call gone on
    });
    const id = `task-flight${freshId()}`;
    const controller = new AbortController();
    const call = m.call('qianfan_stop_fine_tuning_task', { task_id: id }, { signal: controller.signal });
    await arrived.opened;
    controller.abort();
    await expect(call).rejects.toThrow();
    expect(await auditFor(id)).toMatchObject({
      outcome: 'failed',
      error_code: 'Cancelled',
      attempts: 1,
      http_status: null,
    });
    release.open();
    await sleep(300);
    expect(sim.requests.filter(about(id)).map((r) => (isStop(r) ? 'stop' : r.url))).toEqual(['stop']);
  });

  it('cancelled while waiting to resend after a 503: no retry', async () => {
    const m = await server(8000);
    const answered = gate();
    sim.intercept((r) => {
      if (!isStop(r)) return undefined;
      setTimeout(answered.open, 200);
      return {
        status: 503,
        headers: { 'Retry-After': '3' },
        body: { requestId: 'r', code: 'ServiceUnavailable', message: 'busy' },
      };
    });
    const id = `task-backoff${freshId()}`;
    const controller = new AbortController();
    const call = m.call('qianfan_stop_fine_tuning_task', { task_id: id }, { signal: controller.signal });
    await answered.opened;
    controller.abort();
    await expect(call).rejects.toThrow();
    expect(await auditFor(id)).toMatchObject({ outcome: 'failed', error_code: 'Cancelled', attempts: 1 });
    expect(sim.requests.filter(about(id)).length).toBe(1);
  });

  it('cancelled during a wait whose status read hangs: the read is abandoned at once', async () => {
    const m = await server(20_000);
    const reading = gate();
    sim.intercept((r) => {
      if (!isStatusRead(r)) return undefined;
      reading.open();
      return { fault: 'hang' };
    });
    const id = `task-waitcancel${freshId()}`;
    const controller = new AbortController();
    const call = m.call(
      'qianfan_stop_fine_tuning_task',
      { task_id: id, wait_seconds: 600 },
      { signal: controller.signal },
    );
    await reading.opened;
    const abortedAt = performance.now();
    controller.abort();
    await expect(call).rejects.toThrow();
    // The stop was accepted, so the call still says so; it ends long before the read's 20 s limit.
    expect(await auditFor(id)).toMatchObject({ outcome: 'stop_requested', http_status: 200, attempts: 2 });
    expect(performance.now() - abortedAt).toBeLessThan(8000);
    expect(sim.requests.filter((r) => about(id)(r) && isStatusRead(r)).length).toBe(1);
  });
});

describe('time bounds', SLOW, () => {
  it('wait_seconds: a status read that hangs is cut at the wait deadline, not after the request limit', async () => {
    const m = await server(20_000);
    sim.intercept((r) => (isStatusRead(r) ? { fault: 'hang' } : undefined));
    const id = `task-waitdeadline${freshId()}`;
    const started = performance.now();
    const called = await m.call('qianfan_stop_fine_tuning_task', { task_id: id, wait_seconds: 1 });
    const elapsed = performance.now() - started;
    const reads = sim.requests.filter((r) => about(id)(r) && isStatusRead(r)).length;
    expect(reads).toBe(1);
    expect(called.result).toEqual({
      ok: true,
      outcome: 'stop_requested',
      provider: 'qianfan',
      operation: 'qianfan_stop_fine_tuning_task',
      target: { task_id: id },
      http_status: 200,
      request_id: expect.any(String),
      attempts: 2,
      note: 'The stop was accepted. The wait of 1 s ran out; no status was read. Check again with qianfan_get_fine_tuning_task.',
    });
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(6000);
  });

  it('the project lookup and the stop share one budget: a slow lookup leaves the stop only the rest', async () => {
    const m = await server(4000);
    sim.intercept(async (r) => {
      if (isLookup(r)) await sleep(3000);
      else if (isStop(r)) return { fault: 'hang' };
      return undefined;
    });
    const started = performance.now();
    const called = await m.call('modelarts_stop_intelligent_task', { dataset_id: 'd', task_id: `budget${freshId()}` });
    const elapsed = performance.now() - started;
    expect(called.result).toMatchObject({
      ok: false,
      outcome: 'failed',
      http_status: null,
      attempts: 1,
      error: { code: 'Timeout', category: 'timeout', retryable: true },
    });
    expect(called.result.error.message).toMatch(
      new RegExp(
        `^No complete answer from ${sim.url} \\(set by HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4\\) within the 4000 ms limit \\(earlier requests of the call used all but \\d+ ms of it\\)\\.$`,
      ),
    );
    expect(elapsed).toBeGreaterThanOrEqual(3900);
    expect(elapsed).toBeLessThan(6500); // a fresh limit per request would take 7 s
  });

  it("a refused stop's status read gets what the stop left of the budget", async () => {
    const m = await server(3000);
    sim.intercept(async (r) => {
      if (isStop(r)) {
        await sleep(2000);
        return {
          status: 409,
          body: { requestId: 'r-409', code: 'TaskStatusConflict', message: 'The task cannot be stopped now.' },
        };
      }
      return isStatusRead(r) ? { fault: 'hang' } : undefined;
    });
    const id = `task-refusedbudget${freshId()}`;
    const started = performance.now();
    const called = await m.call('qianfan_stop_fine_tuning_task', { task_id: id });
    const elapsed = performance.now() - started;
    expect(called.result).toMatchObject({
      ok: false,
      outcome: 'failed',
      http_status: 409,
      request_id: 'r-409',
      attempts: 2,
      error: { code: 'TaskStatusConflict', category: 'conflict' },
    });
    expect(called.result.note).toMatch(
      /^Baidu Qianfan refused the stop \(TaskStatusConflict: The task cannot be stopped now\.\); reading the status failed too \(Timeout: No complete answer from .* within the 3000 ms limit \(earlier requests of the call used all but \d+ ms of it\)\.\)\.$/,
    );
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(4800); // a fresh limit for the read would take 5 s
  });
});

describe('only a real refusal is explained by the task status', () => {
  const cases = [
    {
      tool: 'modelarts_stop_intelligent_task',
      family: 'modelarts_intelligent_task' as const,
      args: (id: string) => ({ dataset_id: 'ds-r', task_id: id }),
      ids: (id: string) => ({ project_id: PROJECT, dataset_id: 'ds-r', task_id: id }),
    },
    {
      tool: 'qianfan_stop_batch_inference_task',
      family: 'qianfan_batch_inference_task' as const,
      args: (id: string) => ({ task_id: `infer-${id}` }),
      ids: (id: string) => ({ task_id: `infer-${id}` }),
    },
  ];
  let m: Awaited<ReturnType<typeof server>>;
  beforeAll(async () => {
    m = await server(8000, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT });
  });

  describe.each(cases)('$tool', (c) => {
    it.each([
      ['a 302 redirect', { status: 302, headers: { Location: 'http://127.0.0.1:1/login' } }, 'HTTP_302'],
      ['a 405', { status: 405, headers: { 'Content-Type': 'text/plain' }, body: 'Method Not Allowed' }, 'HTTP_405'],
    ])('%s is failed as it is, with no status read, even though the task is stopped', async (_label, reply, code) => {
      const id = freshId();
      sim.inventory.put(c.family, c.ids(id), { state: 'stopped' });
      sim.intercept((r) => (isStop(r) ? reply : undefined));
      const before = sim.requests.length;
      const called = await m.call(c.tool, c.args(id));
      // Only stops were sent (whether such a status is resent is the retry rules' business), and no status read.
      const sent = sim.requests.slice(before).map((r) => (isStop(r) ? 'stop' : isStatusRead(r) ? 'status' : r.url));
      expect(new Set(sent)).toEqual(new Set(['stop']));
      expect(called.isError).toBe(true);
      expect(called.result).toMatchObject({
        ok: false,
        outcome: 'failed',
        http_status: reply.status,
        attempts: sent.length,
        error: { code },
      });
      expect(called.result.status).toBeUndefined();
      expect(called.result.note).toBeUndefined();
    });

    it('a 409 still is a refusal: the status read says already_stopped', async () => {
      const id = freshId();
      sim.inventory.put(c.family, c.ids(id), { state: 'stopped' });
      sim.intercept((r) =>
        isStop(r)
          ? {
              status: 409,
              body: { error_code: 'X.409', error_msg: 'conflict', requestId: 'r', code: 'X.409', message: 'conflict' },
            }
          : undefined,
      );
      const called = await m.call(c.tool, c.args(id));
      expect(called.result).toMatchObject({
        ok: true,
        outcome: 'already_stopped',
        http_status: 409,
        attempts: 2,
        status: { state: 'stopped' },
      });
    });
  });
});
