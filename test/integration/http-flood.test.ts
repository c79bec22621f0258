// Slow and unauthenticated clients cannot lock out authorised ones: 300 connections that trickle a request (or send
// nothing) against a token-protected server, and an authorised call still answers; a refused request's connection
// is closed right after its 401 even while the client keeps sending its body.
import { connect as tcp, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import type { HttpHandle } from '../../src/transports/http-server.js';
import { startFake } from '../helpers/harness.js';
import { MCP_HEADERS, httpClient, raw, startHttp } from '../helpers/http.js';

const TOKEN = 'flood-test-token-5d2c8e1f9a7b';
let sim: Simulator;
let server: HttpHandle;
beforeAll(async () => {
  sim = await startFake();
  server = await startHttp(sim, {
    token: TOKEN,
    limits: { maxUnauthenticated: 16, headersMs: 2_000, requestMs: 4_000 },
  });
});
afterAll(async () => {
  await server.close();
  await sim.close();
});

const open = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const s = tcp(port, '127.0.0.1', () => resolve(s));
    s.on('error', () => undefined);
    s.once('error', reject);
  });

it('300 slow unauthenticated connections: the oldest are closed, and an authorised call still answers', async () => {
  const port = Number(new URL(server.url).port);
  const slow: Socket[] = [];
  for (let i = 0; i < 300; i++) {
    const s = await open(port);
    s.write('POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n'); // headers never finished
    slow.push(s);
  }
  await sleep(100);
  const alive = slow.filter((s) => !s.destroyed && s.readyState === 'open').length;
  expect(alive).toBeLessThanOrEqual(16);

  const client = await httpClient(server.url, 'streamable', { Authorization: `Bearer ${TOKEN}` });
  const res = await client.callTool({ name: 'qianfan_stop_fine_tuning_task', arguments: { task_id: 'task-flood' } });
  expect(res.structuredContent).toMatchObject({ ok: true, outcome: 'stop_requested' });
  await client.close();
  for (const s of slow) s.destroy();
}, 30_000);

it('a 401 closes the connection at once, even while the client still trickles its body', async () => {
  const port = Number(new URL(server.url).port);
  const s = await open(port);
  let answer = '';
  s.on('data', (d) => (answer += String(d)));
  const closed = new Promise<number>((resolve) => s.once('close', () => resolve(Date.now())));
  const started = Date.now();
  s.write('POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
  const trickle = setInterval(() => !s.destroyed && s.write(' '), 100);
  const at = await closed;
  clearInterval(trickle);
  expect(answer).toMatch(/^HTTP\/1\.1 401/);
  expect(answer.toLowerCase()).toContain('connection: close');
  expect(at - started).toBeLessThan(2_500);
});

it('a JSON-RPC batch whose requests share an id is refused whole, and nothing in it runs', async () => {
  const before = sim.requests.length;
  const call = (taskId: string) => ({
    jsonrpc: '2.0',
    id: 7,
    method: 'tools/call',
    params: { name: 'qianfan_stop_fine_tuning_task', arguments: { task_id: taskId } },
  });
  const res = await raw(
    server.url,
    'POST',
    '/mcp',
    { ...MCP_HEADERS, Authorization: `Bearer ${TOKEN}`, 'MCP-Protocol-Version': '2025-03-26' },
    JSON.stringify([call('task-batch-a'), call('task-batch-b')]),
  );
  expect(res.status).toBe(400);
  expect(res.json).toMatchObject({ error: { code: -32600 } });
  expect(res.json.error.message).toContain('two requests with id 7');
  expect(sim.requests.slice(before)).toEqual([]);
});
