// Stop calls per second over Streamable HTTP: the built server with --transport http in its own process, the
// simulator in another, and autocannon as a lean load generator (32 connections, each request a 2026-07-28 tools/call
// of a stop with a task id of its own). Reports calls/s, latency, and the CPU the server and the simulator spent per
// call (from /proc, over the timed window). Every answer is checked: a non-2xx or a JSON-RPC error is counted.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { qianfanEnv } from './simulator.js';
import { cpuMs } from './stats.js';

const TOOL = 'qianfan_stop_fine_tuning_task';
const MODERN = '2026-07-28';

export interface HttpRun {
  callsPerSecond: number;
  calls: number;
  p50Ms: number;
  p99Ms: number;
  serverCpuUsPerCall: number;
  simulatorCpuUsPerCall: number;
  errors: number;
}

/** The request a 2026-07-28 client sends for a stop (headers and envelope as @modelcontextprotocol/client 2.4 sends). */
export function modernStop(id: number, taskId: string): { headers: Record<string, string>; body: string } {
  return {
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-method': 'tools/call',
      'mcp-name': TOOL,
      'mcp-protocol-version': MODERN,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: {
        name: TOOL,
        arguments: { task_id: taskId },
        _meta: {
          'io.modelcontextprotocol/protocolVersion': MODERN,
          'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' },
          'io.modelcontextprotocol/clientCapabilities': {},
        },
      },
    }),
  };
}

/** Starts the server; runs `runs` timed windows of `seconds` each after a warm-up; stops the server. */
export async function httpThroughput(
  cli: string,
  sim: { url: string; pid: number },
  connections: number,
  seconds: number,
  runs: number,
): Promise<HttpRun[]> {
  const server = spawn(process.execPath, [cli, '--transport', 'http', '--port', '0'], {
    env: qianfanEnv(sim.url),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let err = '';
      const onData = (d: Buffer) => {
        err += d;
        const line = err.split('\n').find((l) => l.includes('"streamable_http"'));
        if (!line) return;
        // From here on stderr carries two audit lines per stop: read and dropped. (Kept, the text would be split
        // again on every chunk, and that work, in this process, would slow the load generator as the run goes on.)
        server.stderr.off('data', onData);
        server.stderr.resume();
        resolve(JSON.parse(line).streamable_http as string);
      };
      server.stderr.on('data', onData);
      server.once('exit', (code) => reject(new Error(`the HTTP server exited with ${code}: ${err}`)));
    });
    // One call first, checked in full: the load below is what it claims to be.
    const probe = modernStop(1, 'http-probe');
    const answer = await fetch(endpoint, { method: 'POST', headers: probe.headers, body: probe.body });
    const json = (await answer.json()) as { result?: { structuredContent?: { ok?: boolean; outcome?: string } } };
    if (answer.status !== 200 || json.result?.structuredContent?.outcome !== 'stop_requested')
      throw new Error(`the probe stop failed: HTTP ${answer.status} ${JSON.stringify(json)}`);

    const prefix = `http-${Math.random().toString(36).slice(2, 8)}`;
    let n = 0;
    const load = async (duration: number): Promise<HttpRun> => {
      let errors = 0;
      const serverCpu0 = cpuMs(server.pid!);
      const simCpu0 = cpuMs(sim.pid);
      const result = await autocannon({
        url: endpoint,
        connections,
        duration,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const id = ++n;
              return { ...req, ...modernStop(id, `${prefix}-${id}`) };
            },
            onResponse: (status, body) => {
              if (status !== 200 || !body.includes('"outcome":"stop_requested"')) errors++;
            },
          },
        ],
      });
      const calls = result.requests.total;
      return {
        callsPerSecond: calls / duration,
        calls,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        serverCpuUsPerCall: ((cpuMs(server.pid!) - serverCpu0) * 1000) / calls,
        simulatorCpuUsPerCall: ((cpuMs(sim.pid) - simCpu0) * 1000) / calls,
        errors: errors + result.non2xx + result.errors + result.timeouts,
      };
    };
    await load(Math.max(1, Math.round(seconds / 2))); // warm-up
    const out: HttpRun[] = [];
    for (let i = 0; i < runs; i++) out.push(await load(seconds));
    return out;
  } finally {
    server.kill();
  }
}
