// --confirm over HTTP: the question needs a session. Legacy SSE keeps one, so confirmation works there; stateless
// /mcp has none, so a stop fails closed with nothing sent (as the README says).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
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

async function elicitingClient(transport: Transport) {
  const client = new Client({ name: 'confirming', version: '1.0.0' }, { capabilities: { elicitation: {} } });
  client.setRequestHandler(ElicitRequestSchema, async (req) => {
    const id = /task-[\w-]+/.exec(req.params.message)?.[0] ?? '';
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
  expect(sim.requests.slice(before).map((r) => r.url)).toEqual(['/v2/finetuning?Action=StopFineTuningTask']);
  await client.close();
});

it('stateless /mcp: a stop fails closed with ConfirmationUnavailable and nothing is sent; a dry run still works', async () => {
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
