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
  expect(stdout).toContain('cold start, clean env');
  const r = JSON.parse(readFileSync(out, 'utf8'));
  expect(r.quick).toBe(true);
  const spreads = [
    r.coldStart.clean.bareMs,
    r.coldStart.clean.minimalMs,
    r.coldStart.clean.oursMs,
    r.coldStart.clean.pairedRatio,
    r.coldStart.inherited.oursMs,
    r.perCall.directMs,
    r.perCall.minimalMs,
    r.perCall.oursMs,
    r.http.callsPerSecond,
    r.http.serverCpuUsPerCall,
    r.http.p50Ms,
  ];
  for (const s of spreads) {
    expect(Number.isFinite(s.min) && s.min > 0 && s.min <= s.median && s.median <= s.max, JSON.stringify(s)).toBe(true);
  }
  for (const v of [
    r.coldStart.clean.ratio,
    r.memory.ours.idleMb,
    r.memory.minimal.idleMb,
    ...r.machine.loadAverageBefore,
  ])
    expect(Number.isFinite(v)).toBe(true);
  for (const mem of [r.memory.ours, r.memory.minimal]) expect(Object.values(mem.afterMb)).toHaveLength(2);
  expect(Number.isFinite(r.perCall.overheadMs.median) && Number.isFinite(r.perCall.minimalOverheadMs.median)).toBe(
    true,
  );
  // The load is what it claims to be: every answer a successful stop.
  expect(r.http.connections).toBe(32);
  expect(r.http.errors).toBe(0);
  expect(r.http.runs[0].calls).toBeGreaterThan(0);
}, 150_000);
