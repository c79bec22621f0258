// The built server (dist/cli.js) with real SDK v2 clients of both protocol eras, over stdio and over HTTP (POST
// /mcp, and legacy GET /sse): a client pinned to 2026-07-28 and a 2025-11-25 client each list the tools, dry-run,
// stop, wait with progress, and confirm where the era and transport can carry the question (failing closed where
// they cannot, with nothing sent).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Client,
  SSEClientTransport,
  StreamableHTTPClientTransport,
  type Transport,
} from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import { MODERN, envFor, startFake, type Era } from '../helpers/harness.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
const LEGACY = '2025-11-25';
let sim: Simulator;
const children: ChildProcess[] = [];

beforeAll(async () => {
  sim = await startFake({ stoppingMs: 300 });
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await sim.close();
});

type Wire = 'stdio' | 'http' | 'sse';

function client(era: Era, confirming: boolean): Client {
  const c = new Client(
    { name: `e2e-${era}`, version: '1.0.0' },
    {
      ...(confirming ? { capabilities: { elicitation: { form: {} } } } : {}),
      ...(era === 'modern' ? { versionNegotiation: { mode: { pin: MODERN } } } : {}),
    },
  );
  if (confirming) {
    c.setRequestHandler('elicitation/create', async (req) => {
      const params = req.params as { message: string; requestedSchema: { required: string[] } };
      const id = /type the \w+ \(([^)]+)\)/.exec(params.message)![1]!;
      return { action: 'accept', content: { [params.requestedSchema.required[0]!]: id } };
    });
  }
  return c;
}

/** The built server over HTTP (a fresh one per argv), its URL once it says where it listens. */
const servers = new Map<string, Promise<string>>();
function httpServer(argv: string[]): Promise<string> {
  const key = argv.join(' ');
  let url = servers.get(key);
  if (!url) {
    const child = spawn(process.execPath, [CLI, '--transport', 'http', '--port', '0', ...argv], {
      cwd: mkdtempSync(join(tmpdir(), 'ml-stop-eras-')),
      env: { PATH: process.env.PATH ?? '', ...envFor(sim) } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    url = new Promise((resolve, reject) => {
      let err = '';
      child.stderr!.on('data', (d) => {
        err += String(d);
        const m = /"url":"(http:[^"]+)"/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
    });
    servers.set(key, url);
  }
  return url;
}

async function connect(wire: Wire, era: Era, argv: string[] = [], confirming = false): Promise<Client> {
  let transport: Transport;
  if (wire === 'stdio') {
    transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, ...argv],
      env: { PATH: process.env.PATH ?? '', ...envFor(sim) } as Record<string, string>,
      cwd: mkdtempSync(join(tmpdir(), 'ml-stop-eras-')),
      stderr: 'ignore',
    });
  } else {
    const base = await httpServer(argv);
    transport =
      wire === 'http'
        ? new StreamableHTTPClientTransport(new URL(`${base}/mcp`))
        : new SSEClientTransport(new URL(`${base}/sse`));
  }
  const c = client(era, confirming);
  await c.connect(transport);
  return c;
}

const cases: Array<[Wire, Era]> = [
  ['stdio', 'modern'],
  ['stdio', 'legacy'],
  ['http', 'modern'],
  ['http', 'legacy'],
  ['sse', 'legacy'],
];
let n = 0;

describe.each(cases)('%s, %s era', (wire, era) => {
  it('negotiates its era, lists the tools, dry-runs, stops and waits with progress', async () => {
    const c = await connect(wire, era);
    expect(c.getNegotiatedProtocolVersion()).toBe(era === 'modern' ? MODERN : LEGACY);
    const { tools } = await c.listTools();
    // A 2025-era request over stateless HTTP carries no capabilities, so the page's app-only tool is listed too.
    const appTool = wire === 'http' && era === 'legacy' ? ['stop_task_from_app'] : [];
    expect(tools.map((t) => t.name)).toEqual([...allTools.map((t) => t.name), ...appTool]);

    const id = `infer-eras-${wire}-${era}-${++n}`;
    const dry = await c.callTool({
      name: 'qianfan_stop_batch_inference_task',
      arguments: { task_id: id, dry_run: true },
    });
    expect(dry.structuredContent).toMatchObject({ ok: true, outcome: 'dry_run', request: { method: 'POST' } });

    const progress: number[] = [];
    const stopped = await c.callTool(
      { name: 'qianfan_stop_batch_inference_task', arguments: { task_id: id, wait_seconds: 10 } },
      { onprogress: (p) => void progress.push(p.progress), timeout: 30_000 },
    );
    expect(stopped.structuredContent).toMatchObject({ ok: true, outcome: 'stopped', status: { state: 'stopped' } });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    await c.close();
  }, 60_000);

  // Over stateless HTTP a 2025-era request has no session: no question can reach the user, so no stop.
  const canConfirm = !(wire === 'http' && era === 'legacy');
  it(
    canConfirm
      ? '--confirm: the user is asked, types the id, and the stop goes through'
      : '--confirm: fails closed, nothing sent',
    async () => {
      const c = await connect(wire, era, ['--confirm'], true);
      const id = `task-eras-${wire}-${era}-${++n}`;
      const before = sim.requests.filter((r) => r.body.includes(id)).length;
      const res = await c.callTool({ name: 'qianfan_stop_fine_tuning_task', arguments: { task_id: id } });
      if (canConfirm) {
        expect(res.structuredContent).toMatchObject({ ok: true, outcome: 'stop_requested' });
        expect(sim.inventory.get('qianfan_fine_tuning_task', { task_id: id })!.stopRequests).toBe(1);
      } else {
        expect(res.structuredContent).toMatchObject({ ok: false, error: { code: 'ConfirmationUnavailable' } });
        expect((res.structuredContent as { error: { message: string } }).error.message).toContain('stateless HTTP');
        expect(sim.requests.filter((r) => r.body.includes(id)).length).toBe(before);
      }
      await c.close();
    },
    60_000,
  );
});
