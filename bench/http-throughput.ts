// Stop calls per second over Streamable HTTP: the built server with --transport http, 32 clients calling at once.
import { spawn } from 'node:child_process';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { qianfanEnv } from './simulator.js';

export interface Throughput {
  clients: number;
  seconds: number;
  calls: number;
  callsPerSecond: number;
}

export async function httpThroughput(cli: string, url: string, clients: number, seconds: number): Promise<Throughput> {
  const server = spawn(process.execPath, [cli, '--transport', 'http', '--port', '0'], {
    env: qianfanEnv(url),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let err = '';
      server.stderr.on('data', (d: Buffer) => {
        err += d;
        const line = err.split('\n').find((l) => l.includes('"streamable_http"'));
        if (line) resolve(JSON.parse(line).streamable_http as string);
      });
      server.once('exit', (code) => reject(new Error(`the HTTP server exited with ${code}: ${err}`)));
    });
    const connected = await Promise.all(
      Array.from({ length: clients }, async () => {
        const client = new Client({ name: 'bench', version: '1' });
        await client.connect(new StreamableHTTPClientTransport(new URL(endpoint)));
        return client;
      }),
    );
    let calls = 0;
    const deadline = performance.now() + seconds * 1000;
    const t0 = performance.now();
    await Promise.all(
      connected.map(async (client, c) => {
        for (let i = 0; performance.now() < deadline; i++) {
          const res = await client.callTool({
            name: 'qianfan_stop_fine_tuning_task',
            arguments: { task_id: `task-http-${c}-${i}` },
          });
          if (res.isError) throw new Error(`HTTP bench call failed: ${JSON.stringify(res.structuredContent)}`);
          calls++;
        }
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    await Promise.all(connected.map((c) => c.close()));
    return { clients, seconds: elapsed, calls, callsPerSecond: calls / elapsed };
  } finally {
    server.kill('SIGTERM');
  }
}
