// Per-call overhead and memory: the same signed stop through an MCP server over stdio and sent directly with
// undici, both against the simulator in its own process. The minimal SDK server gives the floor for comparison.
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Agent, request } from 'undici';
import { bceTimestamp, signBce } from '../src/providers/qianfan/signer.js';
import { BENCH_KEYS, qianfanEnv } from './simulator.js';
import { median } from './stats.js';

export interface McpCalls {
  medianMs: number;
  rssMb: number;
}

/** Median latency of `calls` stops through the server `args` (after `warmup`), and its RSS after `rssAfter` calls. */
export async function mcpCalls(
  args: string[],
  url: string,
  calls: number,
  warmup: number,
  rssAfter: number,
): Promise<McpCalls> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args,
    env: qianfanEnv(url),
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  const prefix = `task-${Math.random().toString(36).slice(2, 8)}`;
  let n = 0;
  const call = async () => {
    const t0 = performance.now();
    const res = await client.callTool({
      name: 'qianfan_stop_fine_tuning_task',
      arguments: { task_id: `${prefix}-${n++}` },
    });
    if (res.isError) throw new Error(`bench call failed: ${JSON.stringify(res.structuredContent ?? res.content)}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < warmup; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) times.push(await call());
  while (n < rssAfter) await call();
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${transport.pid}/status`, 'utf8'))?.[1] ?? NaN);
  await client.close();
  return { medianMs: median(times), rssMb: rssKb / 1024 };
}

/** Median latency of the same signed request sent directly with undici from this process. */
export async function directCalls(url: string, calls: number, warmup: number): Promise<number> {
  const agent = new Agent({ keepAliveTimeout: 30_000 });
  const target = new URL(`${url}/v2/finetuning?Action=StopFineTuningTask`);
  const prefix = `task-direct-${Math.random().toString(36).slice(2, 8)}`;
  let n = 0;
  const call = async () => {
    const t0 = performance.now();
    const now = new Date();
    const signed = signBce(
      {
        method: 'POST',
        path: target.pathname,
        query: [['Action', 'StopFineTuningTask']],
        headers: { 'Content-Type': 'application/json', Host: target.host, 'x-bce-date': bceTimestamp(now) },
      },
      BENCH_KEYS,
      now,
      { headersToSign: ['content-type', 'host', 'x-bce-date'] },
    );
    const res = await request(target, {
      method: 'POST',
      headers: signed.headers,
      body: JSON.stringify({ taskId: `${prefix}-${n++}` }),
      dispatcher: agent,
    });
    const json = (await res.body.json()) as { result?: unknown };
    if (res.statusCode !== 200 || json.result !== true) throw new Error(`direct call failed: ${res.statusCode}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < warmup; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) times.push(await call());
  await agent.close();
  return median(times);
}
