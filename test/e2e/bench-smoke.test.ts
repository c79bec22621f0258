// The benchmark is not a test, but it must keep working: a quick run proves every measure still produces a figure.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('npm run bench -- --quick writes every figure', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'ml-stop-bench-')), 'results.json');
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/bench.mjs', '--quick', '--out', out], {
    cwd: join(import.meta.dirname, '../..'),
    timeout: 120_000,
  });
  expect(stdout).toContain('cold start to tools/list');
  const r = JSON.parse(readFileSync(out, 'utf8'));
  expect(r.quick).toBe(true);
  const positive = [
    r.coldStart.serverMedianMs,
    r.coldStart.bareMedianMs,
    r.coldStart.ratio,
    r.coldStart.clean.ratio,
    r.perCall.mcpMedianMs,
    r.perCall.directMedianMs,
    r.memory.rssMb,
    r.memory.minimalSdkServerRssMb,
    r.http.calls,
    r.http.callsPerSecond,
  ];
  for (const v of positive) expect(Number.isFinite(v) && v > 0, JSON.stringify(r)).toBe(true);
  expect(Number.isFinite(r.perCall.overheadMs) && Number.isFinite(r.perCall.minimalSdkServerOverheadMs)).toBe(true);
  expect(r.http.clients).toBe(32);
}, 150_000);
