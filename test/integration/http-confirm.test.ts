// --confirm over HTTP. A 2026-07-28 client is asked over stateless /mcp (input_required: the question and the sealed
// state travel in the answer, the client calls again). A 2025-era client is asked over legacy SSE (a session, the
// SDK's shim sends elicitation/create); over stateless /mcp it cannot be asked, so a stop fails closed with nothing
// sent (as the README says).
import {
  Client,
  SSEClientTransport,
  StreamableHTTPClientTransport,
  type Transport,
} from '@modelcontextprotocol/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClients } from '../../src/clients.js';
import { loadConfig } from '../../src/config.js';
import type { Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import { startHttpServer, type HttpHandle } from '../../src/transports/http-server.js';
import { envFor, startFake } from '../helpers/harness.js';

let sim: Simulator;
let http: HttpHandle;
beforeAll(async () => {
  sim = await startFake();
  const config = loadConfig(envFor(sim), ['--confirm']);
  http = await startHttpServer(
    { tools: allTools, clients: createClients(config), confirm: true },
    {
      host: '127.0.0.1',
      port: 0,
      token: undefined,
      allowedOrigins: [],
      allowedHosts: [],
      health: { name: 'ml-stop-mcp', version: 'test', providers: { huaweicloud: true, qianfan: true } },
    },
  );
});
afterAll(async () => {
  await http.close();
  await sim.close();
});

async function elicitingClient(transport: Transport, modern = false) {
  const client = new Client(
    { name: 'confirming', version: '1.0.0' },
    { capabilities: { elicitation: {} }, ...(modern ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {}) },
  );
  client.setRequestHandler('elicitation/create', async (req) => {
    const id = /task-[\w-]+/.exec((req.params as { message: string }).message)?.[0] ?? '';
    return { action: 'accept', content: { task_id: id } };
  });
  await client.connect(transport);
  return client;
}

it('legacy SSE: the user is asked, types the id, and the stop goes through', async () => {
  const client = await elicitingClient(new SSEClientTransport(new URL(`${http.url}/sse`)));
  const before = sim.requests.length;
  const res = await client.callTool({
    name: 'qianfan_stop_fine_tuning_task',
    arguments: { task_id: 'task-confirm-sse' },
  });
  expect(res.structuredContent).toMatchObject({ ok: true, outcome: 'stop_requested' });
  // Confirmed: the status is read once more (the user may have taken minutes), then the stop is sent.
  expect(sim.requests.slice(before).map((r) => r.url)).toEqual([
    '/v2/finetuning?Action=DescribeFineTuningTask',
    '/v2/finetuning?Action=StopFineTuningTask',
  ]);
  await client.close();
});

it('2026-07-28 over stateless /mcp: the user is asked through input_required, types the id, and the stop goes through', async () => {
  const client = await elicitingClient(new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`)), true);
  expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
  const before = sim.requests.length;
  const res = await client.callTool({
    name: 'qianfan_stop_fine_tuning_task',
    arguments: { task_id: 'task-confirm-modern' },
  });
  expect(res.structuredContent).toMatchObject({ ok: true, outcome: 'stop_requested' });
  expect(sim.requests.slice(before).map((r) => r.url)).toEqual([
    '/v2/finetuning?Action=DescribeFineTuningTask',
    '/v2/finetuning?Action=StopFineTuningTask',
  ]);
  await client.close();
});

it('2025-era over stateless /mcp: a stop fails closed with ConfirmationUnavailable and nothing is sent; a dry run still works', async () => {
  const client = await elicitingClient(new StreamableHTTPClientTransport(new URL(`${http.url}/mcp`)));
  const before = sim.requests.length;
  const res = await client.callTool({
    name: 'qianfan_stop_fine_tuning_task',
    arguments: { task_id: 'task-confirm-mcp' },
  });
  expect(res.isError).toBe(true);
  expect(res.structuredContent).toMatchObject({
    ok: false,
    error: { code: 'ConfirmationUnavailable', category: 'config' },
  });
  expect(sim.requests.length).toBe(before);
  const dry = await client.callTool({
    name: 'qianfan_stop_fine_tuning_task',
    arguments: { task_id: 'task-confirm-mcp', dry_run: true },
  });
  expect(dry.structuredContent).toMatchObject({ ok: true, outcome: 'dry_run' });
  await client.close();
});
