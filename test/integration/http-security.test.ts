// The HTTP server's protections: Host and Origin (DNS rebinding), the bearer token (never forwarded upstream),
// and the body size limit. Raw requests set exact headers; SDK clients show what a real client sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import type { HttpHandle } from '../../src/transports/http-server.js';
import { startFake } from '../helpers/harness.js';
import { MCP_HEADERS, httpClient, initialize, raw, startHttp } from '../helpers/http.js';

let sim: Simulator;
let open: HttpHandle;
let guarded: HttpHandle;
const TOKEN = 'mcp-team-token-7f3a9c2e41d84b6b';

beforeAll(async () => {
  sim = await startFake();
  open = await startHttp(sim, { allowedOrigins: ['https://agents.example.com'], allowedHosts: ['mcp.example.com'] });
  guarded = await startHttp(sim, { token: TOKEN });
});
afterAll(async () => {
  await Promise.all([open.close(), guarded.close()]);
  await sim.close();
});

const port = () => new URL(open.url).port;

describe('Host header', () => {
  it.each([
    ['evil.example.com', 403],
    [`evil.example.com:${3000}`, 403],
    ['127.0.0.2.nip.io', 403],
    ['localhost', 200],
    ['127.0.0.1:PORT', 200],
    ['localhost:PORT', 200],
    ['[::1]:PORT', 200],
    ['mcp.example.com', 200],
  ])('Host %s → %i on /healthz and on POST /mcp', async (host, status) => {
    const Host = host.replace('PORT', port());
    expect((await raw(open.url, 'GET', '/healthz', { Host })).status).toBe(status);
    const mcp = await raw(open.url, 'POST', '/mcp', { ...MCP_HEADERS, Host }, initialize);
    expect(mcp.status).toBe(status);
    if (status === 403)
      expect(mcp.json).toEqual({
        jsonrpc: '2.0',
        error: {
          code: -32000,
          message: `Invalid Host: ${Host.split(':')[0]} is not this server's address; set ML_STOP_ALLOWED_HOSTS to accept it`,
        },
        id: null,
      });
  });

  it('refuses the SSE stream and its messages too', async () => {
    expect((await raw(open.url, 'GET', '/sse', { Host: 'evil.example.com', Accept: 'text/event-stream' })).status).toBe(
      403,
    );
    expect(
      (
        await raw(
          open.url,
          'POST',
          '/messages?sessionId=x',
          { Host: 'evil.example.com', 'Content-Type': 'application/json' },
          '{}',
        )
      ).status,
    ).toBe(403);
  });
});

describe('Origin header', () => {
  it.each([
    ['http://evil.example.com', 403],
    ['https://agents.example.com.evil.example', 403],
    ['https://agents.example.com:8443', 403],
    ['http://agents.example.com', 403],
    ['null', 403],
    ['file://', 403],
    ['https://agents.example.com', 200],
    ['http://localhost:5173', 200],
    ['http://127.0.0.1', 200],
    ['http://[::1]:6274', 200],
  ])('Origin %s → %i', async (Origin, status) => {
    const res = await raw(open.url, 'POST', '/mcp', { ...MCP_HEADERS, Origin }, initialize);
    expect(res.status).toBe(status);
    if (status === 403)
      expect(res.json.error.message).toBe(
        `Invalid Origin: ${Origin} is not a loopback origin; set ML_STOP_ALLOWED_ORIGINS to accept it`,
      );
  });

  it('refuses an SDK client whose requests carry a foreign Origin', async () => {
    // The v2 client reports an HTTP refusal as SdkHttpError with the status in `status`.
    await expect(httpClient(open.url, 'streamable', { Origin: 'http://evil.example.com' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Invalid Origin'),
    });
    await expect(httpClient(open.url, 'sse', { Origin: 'http://evil.example.com' })).rejects.toMatchObject({
      code: 403,
    });
  });
});

describe('bearer token', () => {
  it.each([
    ['no Authorization', {}],
    ['a wrong token', { Authorization: 'Bearer not-the-token' }],
    ['the token with one character more', { Authorization: `Bearer ${TOKEN}x` }],
    ['a prefix of the token', { Authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ['another scheme', { Authorization: `Basic ${TOKEN}` }],
    ['an empty bearer', { Authorization: 'Bearer ' }],
  ])('%s → 401 on every route', async (_, headers: Record<string, string>) => {
    for (const [method, path] of [
      ['GET', '/healthz'],
      ['POST', '/mcp'],
      ['GET', '/sse'],
      ['POST', '/messages?sessionId=x'],
      ['GET', '/nowhere'],
    ] as const) {
      const res = await raw(
        guarded.url,
        method,
        path,
        { ...MCP_HEADERS, ...headers },
        method === 'POST' ? initialize : undefined,
      );
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="ml-stop-mcp"');
      expect(res.json.error.message).toBe('Unauthorized: send Authorization: Bearer <token>');
    }
  });

  it('accepts the token (scheme in any case)', async () => {
    expect((await raw(guarded.url, 'GET', '/healthz', { Authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await raw(guarded.url, 'GET', '/healthz', { Authorization: `bearer ${TOKEN}` })).status).toBe(200);
  });

  it('SDK clients without the token are refused; with it they work, and the token never reaches a provider', async () => {
    await expect(httpClient(guarded.url, 'streamable')).rejects.toMatchObject({ status: 401 });
    await expect(httpClient(guarded.url, 'sse')).rejects.toMatchObject({ code: 401 });

    const before = sim.requests.length;
    for (const kind of ['streamable', 'sse'] as const) {
      const client = await httpClient(guarded.url, kind, { Authorization: `Bearer ${TOKEN}` });
      // Over stateless 2025-era HTTP the client's capabilities are unknown: the running-tasks page's tool is listed too.
      const page = kind === 'streamable' ? 1 : 0;
      expect((await client.listTools()).tools).toHaveLength(allTools.length + page);
      const calls = [
        client.callTool({ name: 'qianfan_stop_evaluation_task', arguments: { evaluation_id: `token-${kind}` } }),
        client.callTool({
          name: 'modelarts_stop_intelligent_task',
          arguments: { dataset_id: 'ds1', task_id: `token-${kind}` },
        }),
        client.callTool({ name: 'qianfan_get_fine_tuning_task', arguments: { task_id: `token-${kind}` } }),
      ];
      for (const res of await Promise.all(calls)) expect(res.structuredContent).toMatchObject({ ok: true });
      await client.close();
    }
    const upstream = sim.requests.slice(before);
    expect(upstream.length).toBeGreaterThanOrEqual(6);
    for (const r of upstream) {
      expect(JSON.stringify([r.url, r.headers, r.body])).not.toContain(TOKEN);
      expect(r.headers.authorization).toMatch(/^(SDK-HMAC-SHA256|bce-auth-v1\/)/);
    }
  });
});

describe('request body limit (1 MiB)', () => {
  const MiB = 1024 * 1024;
  const ping = (size: number) => {
    const head = '{"jsonrpc":"2.0","id":1,"method":"ping","params":{"_meta":{"pad":"';
    const tail = '"}}}';
    return head + 'x'.repeat(size - head.length - tail.length) + tail;
  };

  it('accepts exactly 1 MiB', async () => {
    const res = await raw(open.url, 'POST', '/mcp', MCP_HEADERS, ping(MiB));
    expect(res.status).toBe(200);
    expect(res.text).toContain('"result":{}');
  });

  it.each([
    [
      'with Content-Length',
      (body: string) => ({
        headers: { 'Content-Length': String(Buffer.byteLength(body)) },
        chunks: [Buffer.from(body)],
      }),
    ],
    [
      'chunked, no Content-Length',
      (body: string) => ({
        headers: { 'Transfer-Encoding': 'chunked' },
        chunks: [Buffer.from(body.slice(0, MiB / 2)), Buffer.from(body.slice(MiB / 2))],
      }),
    ],
  ])('answers 413 to one byte more, %s, on /mcp and /messages', async (_, shape) => {
    for (const path of ['/mcp', '/messages?sessionId=x']) {
      const { headers, chunks } = shape(ping(MiB + 1));
      const res = await raw(open.url, 'POST', path, { ...MCP_HEADERS, ...headers }, chunks);
      expect(res.status, path).toBe(413);
      expect(res.json.error.message).toBe('Payload Too Large: request bodies are limited to 1048576 bytes');
    }
  });

  it('answers 400 with a JSON-RPC parse error to a body that is not JSON', async () => {
    const res = await raw(open.url, 'POST', '/mcp', MCP_HEADERS, '{"jsonrpc":');
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(-32700);
  });
});
