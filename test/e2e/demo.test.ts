// `npm run demo` must keep working. It uses the stop tools' dry_run and wait_seconds inputs (the certainty issue);
// the first test runs when the built server accepts them, the second proves the demo fails loudly when not.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
let acceptsDryRun = false;

beforeAll(async () => {
  const client = new Client({ name: 'demo-probe', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [join(root, 'dist/cli.js'), '--simulate'], env: { PATH: process.env.PATH ?? '' }, stderr: 'ignore' }));
  const { tools } = await client.listTools();
  const stop = tools.find((t) => t.name === 'modelarts_stop_training_job_version')!;
  acceptsDryRun = ['dry_run', 'wait_seconds'].every((k) => k in ((stop.inputSchema.properties as object | undefined) ?? {}));
  await client.close();
}, 30_000);

async function demo(): Promise<{ code: number; stdout: string; stderr: string }> {
  // Launched as `node scripts/demo.mjs`, not through npm: dist/ is fresh here, so the demo builds nothing.
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/demo.mjs'], { cwd: root, env: { PATH: process.env.PATH ?? '' }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run demo', () => {
  it('runs the whole flow on both providers and exits 0', async (ctx) => {
    ctx.skip(!acceptsDryRun, 'the stop tools do not take dry_run and wait_seconds yet (they come with the certainty issue)');
    const { code, stdout, stderr } = await demo();
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toContain('▶ tools/list: ');
    for (const t of ['modelarts_stop_training_job_version', 'qianfan_stop_fine_tuning_task']) expect(stdout).toContain(`→ ${t} `);
    expect(stdout.match(/✓ dry run: would send POST /g)).toHaveLength(2);
    expect(stdout.match(/✓ stopped after /g)).toHaveLength(2);
    expect(stdout.match(/✓ status: stopped /g)).toHaveLength(2);
    expect(stdout.match(/✓ already_stopped/g)).toHaveLength(2);
    expect(stdout).toContain('✓ Demo complete');
  }, 150_000);

  it('fails with a message naming dry_run when the stop tools refuse it', async (ctx) => {
    ctx.skip(acceptsDryRun, 'the stop tools accept dry_run');
    const { code, stdout, stderr } = await demo();
    expect(code).toBe(1);
    expect(stdout).toContain('▶ tools/list: 10 tools');
    expect(stderr).toContain('✗ demo failed: dry run: expected outcome "dry_run", got InvalidInput (invalid_input): "dry_run": unknown field');
    expect(stdout).not.toContain('Demo complete');
  }, 150_000);
});
