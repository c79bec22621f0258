// Both HTTP transports through the SDK's own clients, against our HTTP server and the fake upstream over real HTTP.
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import type { HttpHandle } from '../../src/transports/http-server.js';
import { startFake } from '../helpers/harness.js';
import { MCP_HEADERS, httpClient, initialize, raw, startHttp, type Kind } from '../helpers/http.js';

let sim: Simulator;
let server: HttpHandle;
const clients: Client[] = [];

beforeAll(async () => {
  sim = await startFake();
  server = await startHttp(sim);
});
afterEach(async () => {
  sim.intercept(undefined);
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await server.close();
  await sim.close();
});

async function connect(kind: Kind, base = server.url, headers: Record<string, string> = {}): Promise<Client> {
  const client = await httpClient(base, kind, headers);
  clients.push(client);
  return client;
}

const stopsAt = (path: string) => sim.requests.filter((r) => r.method === 'POST' && r.url === path);

describe.each(['streamable', 'sse'] as const)('%s transport', (kind) => {
  it('lists every tool and stops a task on each provider', async () => {
    const client = await connect(kind);
    const { tools } = await client.listTools();
    // A 2025-era request over stateless HTTP cannot say whether its client shows MCP Apps: the page's tool is listed.
    const page = kind === 'streamable' ? ['stop_task_from_app'] : [];
    expect(tools.map((t) => t.name)).toEqual([...allTools.map((t) => t.name), ...page]);
    expect(tools.map((t) => t.name)).toContain('qianfan_stop_fine_tuning_task');

    const before = sim.requests.length;
    const qf = await client.callTool({ name: 'qianfan_stop_fine_tuning_task', arguments: { task_id: `task-${kind}` } });
    expect(qf.isError).toBe(false);
    expect(qf.structuredContent).toMatchObject({
      ok: true,
      outcome: 'stop_requested',
      provider: 'qianfan',
      target: { task_id: `task-${kind}` },
      http_status: 200,
    });
    const hw = await client.callTool({
      name: 'modelarts_stop_training_job_version',
      arguments: { job_id: kind === 'sse' ? '43' : '42', version_id: '7' },
    });
    expect(hw.structuredContent).toMatchObject({
      ok: true,
      outcome: 'stop_requested',
      provider: 'huaweicloud',
      http_status: 200,
    });

    const sent = sim.requests.slice(before).filter((r) => r.url.endsWith('/stop') || r.url.includes('Action=Stop'));
    expect(sent.map((r) => [r.url.replace(/\/v1\/\w+\//, '/v1/{project}/'), r.json ?? null, r.verdict.ok])).toEqual([
      ['/v2/finetuning?Action=StopFineTuningTask', { taskId: `task-${kind}` }, true],
      [`/v1/{project}/training-jobs/${kind === 'sse' ? 43 : 42}/versions/7/stop`, null, true],
    ]);
  });
});

describe('Streamable HTTP at /mcp (stateless)', () => {
  it('answers without a session id, and 405 to GET and DELETE', async () => {
    const init = await raw(server.url, 'POST', '/mcp', MCP_HEADERS, initialize);
    expect(init.status).toBe(200);
    expect(init.headers['mcp-session-id']).toBeUndefined();
    expect(init.text).toContain('"serverInfo":{"name":"ml-stop-mcp"');
    for (const method of ['GET', 'DELETE']) {
      const res = await raw(server.url, method, '/mcp', { Accept: 'text/event-stream' });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
      expect(res.json.error.message).toBe('Method not allowed: /mcp takes POST');
    }
  });

  it(
    'answers 300 concurrent stop calls, each with its own task, with exactly 300 stops at the upstream',
    { timeout: 120_000 },
    async () => {
      const path = '/v2/batchinference?Action=StopBatchInferenceTask';
      const before = stopsAt(path).length;
      const pool = await Promise.all(Array.from({ length: 6 }, () => connect('streamable')));
      const ids = Array.from({ length: 300 }, (_, i) => `infer-load-${String(i).padStart(3, '0')}`);
      const results = await Promise.all(
        ids.map((task_id, i) =>
          pool[i % pool.length]!.callTool(
            { name: 'qianfan_stop_batch_inference_task', arguments: { task_id } },
            { timeout: 110_000 },
          ),
        ),
      );
      results.forEach((res, i) => {
        expect(res.isError).toBe(false);
        expect(res.structuredContent).toMatchObject({
          ok: true,
          outcome: 'stop_requested',
          target: { task_id: ids[i] },
          attempts: 1,
        });
      });
      const stops = stopsAt(path).slice(before);
      expect(stops).toHaveLength(300);
      expect(new Set(stops.map((r) => (r.json as { taskId: string }).taskId))).toEqual(new Set(ids));
      expect(stops.every((r) => r.verdict.ok)).toBe(true);
    },
  );
});

describe('GET /healthz', () => {
  it('reports name, version and which providers are configured, and nothing else', async () => {
    const res = await raw(server.url, 'GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json).toEqual({ name: 'ml-stop-mcp', version: 'test', providers: { huaweicloud: true, qianfan: true } });
  });

  it('answers 404 on unknown paths and 405 on wrong methods', async () => {
    expect((await raw(server.url, 'GET', '/')).status).toBe(404);
    expect((await raw(server.url, 'POST', '/healthz')).status).toBe(405);
    expect((await raw(server.url, 'POST', '/sse')).status).toBe(405);
    expect((await raw(server.url, 'GET', '/messages')).status).toBe(405);
  });
});

describe('legacy SSE sessions', () => {
  /** Opens GET /sse by hand and resolves with the announced endpoint and a promise of the stream's end. */
  async function openStream(base: string) {
    const { request } = await import('node:http');
    return new Promise<{ endpoint: string; ended: Promise<void>; close: () => void }>((resolve, reject) => {
      const req = request(new URL('/sse', base), { headers: { Accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
        const ended = new Promise<void>((done) => res.on('close', () => done()));
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += String(chunk);
          const m = /event: endpoint\ndata: (\S+)\n/.exec(buffer);
          if (m) resolve({ endpoint: m[1]!, ended, close: () => req.destroy() });
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('announces /messages?sessionId=..., refuses sessions over the limit with 503, and closes idle ones', async () => {
    const limited = await startHttp(sim, { limits: { maxSessions: 2, idleMs: 3_000 } });
    try {
      const a = await openStream(limited.url);
      const b = await openStream(limited.url);
      expect(a.endpoint).toMatch(/^\/messages\?sessionId=[0-9a-f-]{36}$/);
      expect(b.endpoint).not.toBe(a.endpoint);

      const third = await raw(limited.url, 'GET', '/sse', { Accept: 'text/event-stream' });
      expect(third.status).toBe(503);
      expect(third.headers['retry-after']).toBe('60');
      expect(third.json.error.message).toBe(
        'Too many open SSE sessions (limit 2); close one, or use Streamable HTTP at /mcp',
      );

      // Activity keeps a session open; with none, the server ends the stream and forgets the session.
      const ping = (endpoint: string) =>
        raw(
          limited.url,
          'POST',
          endpoint,
          { 'Content-Type': 'application/json' },
          JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
        );
      expect((await ping(a.endpoint)).status).toBe(202);
      await Promise.all([a.ended, b.ended]);
      const gone = await ping(a.endpoint);
      expect(gone.status).toBe(404);
      expect(gone.json.error.message).toBe('Unknown or closed SSE session: open a new one with GET /sse');

      const c = await openStream(limited.url); // room again
      c.close();
    } finally {
      await limited.close();
    }
  }, 30_000);

  it('frees a session when the client disconnects, and answers 404 for a missing or unknown session id', async () => {
    const limited = await startHttp(sim, { limits: { maxSessions: 1 } });
    try {
      const a = await openStream(limited.url);
      a.close();
      await a.ended;
      let b: Awaited<ReturnType<typeof openStream>> | undefined;
      await expect
        .poll(async () => (b = await openStream(limited.url).catch(() => undefined)) !== undefined, { timeout: 10_000 })
        .toBe(true);
      expect((await raw(limited.url, 'POST', '/messages', { 'Content-Type': 'application/json' }, '{}')).status).toBe(
        404,
      );
      expect(
        (await raw(limited.url, 'POST', '/messages?sessionId=nope', { 'Content-Type': 'application/json' }, '{}'))
          .status,
      ).toBe(404);
      b!.close();
    } finally {
      await limited.close();
    }
  }, 30_000);
});

describe('shutdown', () => {
  it.each(['streamable', 'sse'] as const)(
    'over %s: refuses new work, lets the call in flight finish, then closes',
    async (kind) => {
      const own = await startHttp(sim);
      const client = await httpClient(own.url, kind);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      sim.intercept((req) => (req.url.includes('StopFineTuningTask') ? held.then(() => undefined) : undefined));

      const call = client.callTool({ name: 'qianfan_stop_fine_tuning_task', arguments: { task_id: `drain-${kind}` } });
      await expect
        .poll(() => sim.requests.some((r) => (r.json as { taskId?: string } | undefined)?.taskId === `drain-${kind}`), {
          timeout: 10_000,
        })
        .toBe(true);
      const closing = own.close();
      // A new request finds the listener closed (or, on a kept-alive connection, a 503).
      expect([503, 'refused']).toContain(
        await fetch(`${own.url}/healthz`).then(
          (r) => r.status,
          () => 'refused',
        ),
      );
      setTimeout(release, 300);
      const res = await call;
      expect(res.structuredContent).toMatchObject({
        ok: true,
        outcome: 'stop_requested',
        target: { task_id: `drain-${kind}` },
      });
      expect(await closing).toEqual({ drained: true });
      await client.close().catch(() => undefined);
    },
    30_000,
  );

  it('gives up waiting after the grace period', async () => {
    const own = await startHttp(sim, { limits: { shutdownGraceMs: 200 } });
    const client = await httpClient(own.url, 'streamable');
    sim.intercept((req) => (req.url.includes('StopFineTuningTask') ? { fault: 'hang' } : undefined));
    const call = client
      .callTool({ name: 'qianfan_stop_fine_tuning_task', arguments: { task_id: 'hung' } }, { timeout: 5_000 })
      .catch((e: Error) => e);
    await expect
      .poll(() => sim.requests.some((r) => (r.json as { taskId?: string } | undefined)?.taskId === 'hung'), {
        timeout: 10_000,
      })
      .toBe(true);
    expect(await own.close()).toEqual({ drained: false });
    expect(await call).toBeInstanceOf(Error);
    await client.close().catch(() => undefined);
  }, 30_000);
});
