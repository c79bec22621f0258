// Per-call overhead and memory: the same signed stop, once through the MCP server over stdio and once sent
// directly with undici, both against the local simulator.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { Agent, request } from 'undici';
import { signBce, bceTimestamp } from '../src/providers/qianfan/signer.js';
import { median } from './stats.js';

const QF = { ak: 'bench-qianfan-ak', sk: 'bench-qianfan-sk' };

export interface PerCallResult {
  mcpMedianMs: number;
  directMedianMs: number;
  overheadMs: number;
  calls: number;
  rssMb: number;
  rssAfterCalls: number;
}

export async function perCall(cli: string, calls: number, warmup: number, rssCalls: number): Promise<PerCallResult> {
  const sim = await simulatorProcess();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cli],
    env: { PATH: process.env.PATH ?? '', QIANFAN_ACCESS_KEY: QF.ak, QIANFAN_SECRET_KEY: QF.sk, QIANFAN_CONSOLE_API_BASE_URL: sim.url },
    stderr: 'ignore',
  });
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  let n = 0;
  const viaMcp = async () => {
    const t0 = performance.now();
    const res = await client.callTool({ name: 'qianfan_stop_fine_tuning_task', arguments: { task_id: `task-mcp-${n++}` } });
    if (res.isError) throw new Error(`bench call failed: ${JSON.stringify(res.structuredContent)}`);
    return performance.now() - t0;
  };

  const agent = new Agent({ keepAliveTimeout: 30_000 });
  const url = new URL(`${sim.url}/v2/finetuning?Action=StopFineTuningTask`);
  const direct = async () => {
    const t0 = performance.now();
    const body = JSON.stringify({ taskId: `task-direct-${n++}` });
    const signed = signBce(
      { method: 'POST', path: url.pathname, query: [['Action', 'StopFineTuningTask']], headers: { 'Content-Type': 'application/json', Host: url.host, 'x-bce-date': bceTimestamp(new Date()) } },
      QF,
      new Date(),
      { headersToSign: ['content-type', 'host', 'x-bce-date'] },
    );
    const res = await request(url, { method: 'POST', headers: signed.headers, body, dispatcher: agent });
    const json = (await res.body.json()) as { result?: unknown };
    if (res.statusCode !== 200 || json.result !== true) throw new Error(`direct call failed: ${res.statusCode}`);
    return performance.now() - t0;
  };

  for (let i = 0; i < warmup; i++) {
    await viaMcp();
    await direct();
  }
  const mcp: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < calls; i++) {
    mcp.push(await viaMcp());
    raw.push(await direct());
  }
  for (let i = warmup + calls; i < rssCalls; i++) await viaMcp();
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${transport.pid}/status`, 'utf8'))?.[1] ?? NaN);

  await client.close();
  await agent.close();
  sim.close();
  const mcpMedianMs = median(mcp);
  const directMedianMs = median(raw);
  return { mcpMedianMs, directMedianMs, overheadMs: mcpMedianMs - directMedianMs, calls, rssMb: rssKb / 1024, rssAfterCalls: Math.max(rssCalls, warmup + calls) };
}

/** Starts bench/simulator-process.ts (bundled beside this file) and reads its URL. */
async function simulatorProcess(): Promise<{ url: string; close: () => void }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./simulator-process.mjs', import.meta.url)), QF.ak, QF.sk], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`the simulator process exited with ${code}`)));
  });
  return { url, close: () => child.stdin.end() };
}
