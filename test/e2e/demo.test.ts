// `npm run demo` must keep working: the whole flow on both providers, through the built server in --simulate mode.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
async function demo(): Promise<{ code: number; stdout: string; stderr: string }> {
  // Launched as `node scripts/demo.mjs`, not through npm: dist/ is fresh here, so the demo builds nothing.
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/demo.mjs'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '' },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run demo', () => {
  it('runs the whole flow on both providers and exits 0', async () => {
    const { code, stdout, stderr } = await demo();
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toContain('▶ tools/list: ');
    for (const t of ['modelarts_stop_training_job_version', 'qianfan_stop_fine_tuning_task'])
      expect(stdout).toContain(`→ ${t} `);
    expect(stdout.match(/✓ dry run: would send POST /g)).toHaveLength(2);
    expect(stdout.match(/✓ stopped after /g)).toHaveLength(2);
    expect(stdout.match(/✓ status: stopped /g)).toHaveLength(2);
    expect(stdout.match(/✓ already_stopped/g)).toHaveLength(2);
    expect(stdout).toContain('✓ Demo complete');
  }, 150_000);
});
