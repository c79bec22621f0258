// SIGTERM over stdio with work in flight, against the built server: a stop already sent gets its answer and its audit
// lines (sent, then its outcome), a wait ends as a cancellation ends it (the stop stays accepted), a stop that arrives
// after shutdown began is never sent, and the process exits 0 once the calls are done.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { envFor, startFake } from '../helpers/harness.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
let sim: Simulator;
beforeAll(async () => {
  sim = await startFake({ stoppingMs: 60_000 });
});
afterAll(() => sim.close());

it('SIGTERM lets stops already sent finish and audits them, ends waits, and sends nothing new', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-stop-shutdown-'));
  const auditFile = join(dir, 'audit.jsonl');
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // The stop of task-held is answered only when the test says so: it is in flight when SIGTERM arrives.
  sim.intercept(async (r) => {
    if (r.handled?.kind === 'stop' && JSON.stringify(r.json).includes('task-held')) await held;
    return undefined;
  });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, '--timeout-ms', '8000'],
    env: { PATH: process.env.PATH ?? '', ...envFor(sim), ML_STOP_AUDIT_FILE: auditFile } as Record<string, string>,
    cwd: dir,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += String(d)));
  const client = new Client({ name: 'shutdown', version: '1.0.0' });
  await client.connect(transport);
  const exited = new Promise<number | null>((resolve) => {
    const pid = transport.pid!;
    const timer = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(timer);
        resolve(0);
      }
    }, 50);
  });
  const call = (name: string, args: Record<string, unknown>) =>
    client.callTool({ name, arguments: args }).then((r) => r.structuredContent as Record<string, any>);

  const waiting = call('qianfan_stop_batch_inference_task', { task_id: 'infer-waiting', wait_seconds: 60 });
  const inFlight = call('qianfan_stop_fine_tuning_task', { task_id: 'task-held' });
  while (!sim.requests.some((r) => JSON.stringify(r.json).includes('task-held'))) await sleep(20);
  await sleep(300); // the wait has started polling

  const signalled = Date.now();
  process.kill(transport.pid!, 'SIGTERM');
  await sleep(300);
  const late = sim.requests.length;
  const after = call('qianfan_stop_evaluation_task', { evaluation_id: 'ame-late' }).catch((e: Error) => e);
  const waited = await waiting;
  expect(waited).toMatchObject({ ok: true, outcome: 'stop_requested' });
  expect(waited.note).toContain('The server is shutting down, so the wait ended');
  const lateResult = await after;
  if (!(lateResult instanceof Error)) expect(lateResult).toMatchObject({ ok: false, error: { code: 'Cancelled' } });
  expect(sim.requests.slice(late).some((r) => JSON.stringify(r.json).includes('ame-late'))).toBe(false);

  await sleep(500);
  release(); // the provider answers the stop that was in flight
  expect(await inFlight).toMatchObject({ ok: true, outcome: 'stop_requested' });
  expect(await exited).toBe(0);
  expect(Date.now() - signalled).toBeLessThan(8000);
  sim.intercept(undefined);

  const lines = readFileSync(auditFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const of = (id: string) => lines.filter((l) => JSON.stringify(l.target).includes(id)).map((l) => l.outcome);
  expect(of('task-held')).toEqual(['sending', 'stop_requested']);
  expect(of('infer-waiting')).toEqual(['sending', 'stop_requested']);
  expect(of('ame-late')).not.toContain('sending');
  expect(stderr).toContain('SIGTERM: letting');
}, 30_000);
