// The built CLI with --transport http, as a team would run it: start-up refusals, the token file, and a graceful
// SIGTERM with a call in flight.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { HW, QF, envFor, startFake } from '../helpers/harness.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
let sim: Simulator;
const children: ChildProcess[] = [];

beforeAll(async () => {
  sim = await startFake();
});
afterEach(() => {
  sim.intercept(undefined);
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => sim.close());

interface Run {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string | undefined> = {}): Run {
  const cwd = mkdtempSync(join(tmpdir(), 'ml-stop-http-'));
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stderr: () => stderr, exited };
}

/** Waits for the start-up line and returns the bound URL. */
async function boundUrl(r: Run): Promise<string> {
  await expect.poll(() => /"url":"(http:[^"]+)"/.test(r.stderr()), { timeout: 20_000, interval: 50 }).toBe(true);
  return /"url":"(http:[^"]+)"/.exec(r.stderr())![1]!;
}

describe('start-up', () => {
  it('refuses to bind 0.0.0.0 without a token, saying why', async () => {
    const r = run(['--transport', 'http', '--host', '0.0.0.0', '--port', '0']);
    expect(await r.exited).toBe(2);
    expect(r.stderr()).toBe(
      'ml-stop-mcp: refusing to listen on 0.0.0.0 without a token: anyone who can reach that address could stop your jobs. ' +
        'Set ML_STOP_HTTP_TOKEN or --http-token-file, or bind to 127.0.0.1 (the default).\n',
    );
  });

  it('refuses other loopback addresses (127.0.0.2) without a token: only 127.0.0.1, ::1 and localhost may', async () => {
    const r = run(['--transport', 'http', '--host', '127.0.0.2', '--port', '0']);
    expect(await r.exited).toBe(2);
    expect(r.stderr()).toContain('refusing to listen on 127.0.0.2 without a token');
  });

  it('refuses a token shorter than 16 characters, and a FIFO as the token file (it would block start-up)', async () => {
    const short = run(['--transport', 'http', '--port', '0'], { ML_STOP_HTTP_TOKEN: 'x' });
    expect(await short.exited).toBe(2);
    expect(short.stderr()).toBe(
      'ml-stop-mcp: ML_STOP_HTTP_TOKEN is 1 characters long; use at least 16 (for example: openssl rand -hex 32)\n',
    );
    const dir = mkdtempSync(join(tmpdir(), 'ml-stop-fifo-'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const fifo = run(['--transport', 'http', '--port', '0', '--http-token-file', join(dir, 'fifo')]);
    expect(await fifo.exited).toBe(2);
    expect(fifo.stderr()).toBe(`ml-stop-mcp: --http-token-file ${join(dir, 'fifo')} is not a regular file\n`);
  });

  it('refuses an empty or missing token file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-stop-tok-'));
    writeFileSync(join(dir, 'empty'), '\n');
    const empty = run(['--transport', 'http', '--port', '0', '--http-token-file', join(dir, 'empty')]);
    expect(await empty.exited).toBe(2);
    expect(empty.stderr()).toBe(`ml-stop-mcp: --http-token-file ${join(dir, 'empty')} is empty\n`);
    const missing = run(['--transport', 'http', '--port', '0', '--http-token-file', join(dir, 'nope')]);
    expect(await missing.exited).toBe(2);
    expect(missing.stderr()).toBe(`ml-stop-mcp: cannot read --http-token-file ${join(dir, 'nope')}: ENOENT\n`);
  });

  it('binds 0.0.0.0 with a token file, requires the token, and exits 0 on SIGINT', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ml-stop-tok-'));
    writeFileSync(join(dir, 'token'), 'team-token-from-file-5b1e\n');
    const r = run(
      ['--transport', 'http', '--host', '0.0.0.0', '--port', '0', '--http-token-file', join(dir, 'token')],
      { ML_STOP_HTTP_TOKEN: 'ignored-env-token' },
    );
    const port = new URL(await boundUrl(r)).port;
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(401);
    expect((await fetch(`${base}/healthz`, { headers: { Authorization: 'Bearer ignored-env-token' } })).status).toBe(
      401,
    );
    const health = await fetch(`${base}/healthz`, { headers: { Authorization: 'Bearer team-token-from-file-5b1e' } });
    expect(await health.json()).toEqual({
      name: 'ml-stop-mcp',
      version: '0.1.0',
      providers: { huaweicloud: false, qianfan: false },
    });
    expect(r.stderr()).toContain('"token_required":true');
    expect(r.stderr()).not.toContain('team-token-from-file-5b1e');
    r.child.kill('SIGINT');
    expect(await r.exited).toBe(0);
  });
});

describe('SIGTERM', () => {
  it('stops accepting, lets the call in flight finish, then exits 0', async () => {
    const r = run(['--transport', 'http', '--port', '0'], envFor(sim));
    const url = await boundUrl(r);
    const client = new Client({ name: 'e2e-http', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`)));
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    sim.intercept((req) => (req.url.includes('StopBatchInferenceTask') ? held.then(() => undefined) : undefined));

    const call = client.callTool({
      name: 'qianfan_stop_batch_inference_task',
      arguments: { task_id: 'infer-sigterm' },
    });
    await expect
      .poll(() => sim.requests.some((q) => (q.json as { taskId?: string } | undefined)?.taskId === 'infer-sigterm'), {
        timeout: 20_000,
      })
      .toBe(true);
    r.child.kill('SIGTERM');
    await expect.poll(() => r.stderr().includes('SIGTERM: no new connections'), { timeout: 10_000 }).toBe(true);
    // A new connection is refused (a request on a connection kept alive from before would get 503).
    expect([503, 'refused']).toContain(
      await fetch(`${url}/healthz`).then(
        (res) => res.status,
        () => 'refused',
      ),
    );
    expect(r.child.exitCode).toBeNull(); // still draining
    release();

    const res = await call;
    expect(res.isError).toBe(false);
    expect(res.structuredContent).toMatchObject({
      ok: true,
      outcome: 'stop_requested',
      target: { task_id: 'infer-sigterm' },
    });
    expect(await r.exited).toBe(0);
    expect(r.stderr()).toContain('"message":"stopped"');
    for (const secret of [HW.sk, QF.sk]) expect(r.stderr()).not.toContain(secret);
    await client.close().catch(() => undefined);
  }, 60_000);
});
