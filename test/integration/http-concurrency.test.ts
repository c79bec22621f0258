// POST /mcp under concurrency, with 2026-07-28 server instances reused between requests
// (src/transports/server-pool.ts): every answer reaches the request it belongs to, nothing is lost or sent twice, and
// nothing one client said (its capabilities) leaks into another client's request on the same instance. Security
// checks, progress, confirmation rounds and the drain on shutdown, all with many requests in flight at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { isStop } from '../helpers/families.js';
import { FAST_POLL, FAST_RETRY, envFor, startFake } from '../helpers/harness.js';
import { messagesOf, modernRequest, raw, startHttp, type RawResponse } from '../helpers/http.js';
import { createClients } from '../../src/clients.js';
import { loadConfig } from '../../src/config.js';

const STOP = 'qianfan_stop_fine_tuning_task';
const CONCURRENCY = 32;
const UI = { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } } };

let sim: Simulator;
beforeAll(async () => {
  sim = await startFake({ stoppingMs: 150 });
});
afterAll(async () => {
  await sim.close();
});

/** The HTTP server with --confirm, its provider clients retrying fast. */
function startConfirming() {
  const config = loadConfig(envFor(sim), ['--confirm']);
  return startHttp(sim, {}, { confirm: true, clients: createClients(config, undefined, FAST_RETRY) });
}

let nextId = 1000;
const post = (
  base: string,
  method: string,
  params: Record<string, unknown>,
  capabilities: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => {
  const id = nextId++;
  const req = modernRequest(id, method, params, capabilities);
  return raw(base, 'POST', '/mcp', { ...req.headers, ...headers }, req.body).then((res) => ({ id, res }));
};

/** Runs `count` jobs with at most `limit` in flight. */
async function pooled<T>(count: number, limit: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await job(i);
      }
    }),
  );
  return out;
}

const stopsOf = (taskId: string) =>
  sim.requests.filter((r) => isStop(r) && (r.json as { taskId?: string } | undefined)?.taskId === taskId).length;
const finalOf = (res: RawResponse) => messagesOf(res).find((m) => 'result' in m || 'error' in m);

describe('2026-07-28 requests in parallel on reused server instances', () => {
  it('answers each of 300 stops (32 in flight) to its own request, with its own target; one stop each upstream', async () => {
    const server = await startHttp(sim);
    try {
      const tag = `par-${Date.now()}`;
      const answers = await pooled(300, CONCURRENCY, (i) =>
        post(server.url, 'tools/call', { name: STOP, arguments: { task_id: `${tag}-${i}` } }),
      );
      for (const [i, { id, res }] of answers.entries()) {
        expect(res.status).toBe(200);
        const final = finalOf(res);
        expect(final.id).toBe(id);
        expect(final.result.structuredContent).toMatchObject({
          ok: true,
          outcome: 'stop_requested',
          target: { task_id: `${tag}-${i}` },
        });
      }
      for (let i = 0; i < 300; i++) expect(stopsOf(`${tag}-${i}`)).toBe(1);
      // Reuse: far fewer instances than requests, and no more than could be busy at once.
      const { created, idle } = server.servers();
      expect(created).toBeLessThanOrEqual(CONCURRENCY + 1);
      expect(idle).toBe(created);
    } finally {
      await server.close();
    }
  }, 60_000);

  it("never lets one client's capabilities speak for the next request on the same instance", async () => {
    const server = await startHttp(sim);
    try {
      const listMeta = async (capabilities: Record<string, unknown>) => {
        const { res } = await post(server.url, 'tools/list', {}, capabilities);
        const tools = finalOf(res).result.tools as Array<{ name: string; _meta?: object }>;
        return {
          linked: tools.find((t) => t.name === 'list_running_tasks')!._meta !== undefined,
          appTool: tools.some((t) => t.name === 'stop_task_from_app'),
        };
      };
      // One at a time, so every request is served by the same instance.
      expect(await listMeta(UI)).toEqual({ linked: true, appTool: true });
      expect(await listMeta({})).toEqual({ linked: false, appTool: false });
      expect(await listMeta(UI)).toEqual({ linked: true, appTool: true });
      expect(await listMeta({ elicitation: { form: {} } })).toEqual({ linked: false, appTool: false });
      expect(server.servers().created).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('asks for confirmation only a client that declared elicitation, whatever the instance served before', async () => {
    const server = await startConfirming();
    try {
      const tag = `cap-${Date.now()}`;
      const asked = await post(
        server.url,
        'tools/call',
        { name: STOP, arguments: { task_id: `${tag}-a` } },
        { elicitation: { form: {} } },
      );
      expect(finalOf(asked.res).result.resultType).toBe('input_required');
      const notAsked = await post(server.url, 'tools/call', { name: STOP, arguments: { task_id: `${tag}-b` } });
      expect(finalOf(notAsked.res).result.structuredContent).toMatchObject({
        ok: false,
        error: { code: 'ConfirmationUnavailable' },
      });
      expect(stopsOf(`${tag}-a`) + stopsOf(`${tag}-b`)).toBe(0);
      expect(server.servers().created).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('runs 40 two-round confirmations at once: each answer stops its own task, exactly once', async () => {
    const server = await startConfirming();
    const caps = { elicitation: { form: {} } };
    try {
      const tag = `rounds-${Date.now()}`;
      const results = await pooled(40, CONCURRENCY, async (i) => {
        const task_id = `${tag}-${i}`;
        const first = finalOf((await post(server.url, 'tools/call', { name: STOP, arguments: { task_id } }, caps)).res);
        expect(first.result.resultType).toBe('input_required');
        const answer = { confirm: { action: 'accept', content: { task_id } } };
        const params = {
          name: STOP,
          arguments: { task_id },
          inputResponses: answer,
          requestState: first.result.requestState,
        };
        return finalOf((await post(server.url, 'tools/call', params, caps)).res).result.structuredContent;
      });
      for (const [i, r] of results.entries())
        expect(r).toMatchObject({ ok: true, outcome: 'stop_requested', target: { task_id: `${tag}-${i}` } });
      for (let i = 0; i < 40; i++) expect(stopsOf(`${tag}-${i}`)).toBe(1);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('streams each waiting call its own progress (by its token) and its own result, 32 at once', async () => {
    const server = await startHttp(sim, {}, { poll: FAST_POLL });
    try {
      const tag = `prog-${Date.now()}`;
      const answers = await pooled(CONCURRENCY, CONCURRENCY, (i) =>
        post(server.url, 'tools/call', {
          name: STOP,
          arguments: { task_id: `${tag}-${i}`, wait_seconds: 10 },
          _meta: { progressToken: `${tag}-token-${i}` },
        }),
      );
      for (const [i, { id, res }] of answers.entries()) {
        const messages = messagesOf(res);
        const progress = messages.filter((m) => m.method === 'notifications/progress');
        expect(progress.length).toBeGreaterThan(0);
        for (const p of progress) expect(p.params.progressToken).toBe(`${tag}-token-${i}`);
        const final = messages.at(-1);
        expect(final.id).toBe(id);
        expect(final.result.structuredContent).toMatchObject({
          ok: true,
          outcome: 'stopped',
          target: { task_id: `${tag}-${i}` },
        });
      }
    } finally {
      await server.close();
    }
  }, 60_000);

  it('checks the token of every request when authorised and refused requests arrive together', async () => {
    const token = 'concurrency-test-token-0123456789';
    const server = await startHttp(sim, { token });
    try {
      const tag = `auth-${Date.now()}`;
      const answers = await pooled(120, CONCURRENCY, (i) =>
        post(
          server.url,
          'tools/call',
          { name: STOP, arguments: { task_id: `${tag}-${i}` } },
          {},
          i % 2 === 0 ? { Authorization: `Bearer ${token}` } : { Authorization: 'Bearer wrong-token-wrong-token' },
        ),
      );
      for (const [i, { res }] of answers.entries()) {
        if (i % 2 === 0) {
          expect(res.status).toBe(200);
          expect(finalOf(res).result.structuredContent.target).toEqual({ task_id: `${tag}-${i}` });
          expect(stopsOf(`${tag}-${i}`)).toBe(1);
        } else {
          expect(res.status).toBe(401);
          expect(stopsOf(`${tag}-${i}`)).toBe(0);
        }
      }
    } finally {
      await server.close();
    }
  }, 60_000);

  it('drains 32 calls in flight on shutdown: every one answered, each once', async () => {
    const server = await startHttp(sim);
    const tag = `drain-${Date.now()}`;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    sim.intercept((req) =>
      req.body.includes(tag) && req.url.includes('StopFineTuningTask') ? held.then(() => undefined) : undefined,
    );
    try {
      const calls = Array.from({ length: CONCURRENCY }, (_, i) =>
        post(server.url, 'tools/call', { name: STOP, arguments: { task_id: `${tag}-${i}` } }),
      );
      await expect
        .poll(() => sim.requests.filter((r) => r.body.includes(tag)).length, { timeout: 10_000 })
        .toBe(CONCURRENCY);
      const closing = server.close();
      setTimeout(release, 200);
      const answers = await Promise.all(calls);
      for (const [i, { id, res }] of answers.entries()) {
        const final = finalOf(res);
        expect(final.id).toBe(id);
        expect(final.result.structuredContent).toMatchObject({ ok: true, target: { task_id: `${tag}-${i}` } });
        expect(stopsOf(`${tag}-${i}`)).toBe(1);
      }
      expect(await closing).toEqual({ drained: true });
    } finally {
      sim.intercept(undefined);
      await server.close();
    }
  }, 30_000);
});
