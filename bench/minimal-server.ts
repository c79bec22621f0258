// Reference floor for the per-call measure: the smallest SDK stdio server that makes the same signed request with
// undici and returns its status. What it costs over the direct request is the floor for any stdio MCP server here.
import { McpServer } from '@modelcontextprotocol/server';
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { Agent, request } from 'undici';
import * as z from 'zod/v4';
import { bceTimestamp, signBce } from '../src/providers/qianfan/signer.js';

// Read on the first call, so that a cold start (no simulator, no keys) measures the same start-up.
const base = () => new URL(process.env.QIANFAN_CONSOLE_API_BASE_URL!);
const keys = { ak: process.env.QIANFAN_ACCESS_KEY!, sk: process.env.QIANFAN_SECRET_KEY! };
const agent = new Agent({ keepAliveTimeout: 30_000 });
const server = new McpServer({ name: 'minimal', version: '1' });
server.registerTool('qianfan_stop_fine_tuning_task', { inputSchema: { task_id: z.string() } }, async ({ task_id }) => {
  const url = new URL('/v2/finetuning?Action=StopFineTuningTask', base());
  const now = new Date();
  const signed = signBce(
    {
      method: 'POST',
      path: url.pathname,
      query: [['Action', 'StopFineTuningTask']],
      headers: { 'Content-Type': 'application/json', Host: url.host, 'x-bce-date': bceTimestamp(now) },
    },
    keys,
    now,
    { headersToSign: ['content-type', 'host', 'x-bce-date'] },
  );
  const res = await request(url, {
    method: 'POST',
    headers: signed.headers,
    body: JSON.stringify({ taskId: task_id }),
    dispatcher: agent,
  });
  const text = await res.body.text();
  return { content: [{ type: 'text', text: `${res.statusCode} ${text}` }] };
});
await server.connect(new StdioServerTransport());
