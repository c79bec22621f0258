// `ml-stop-mcp doctor`, the built CLI against the simulator: one signed read-only call per configured provider,
// a table, the exit code, and never a secret.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { PROBE_TASK } from '../../src/providers/qianfan/client.js';
import { HW, PROJECT, QF, envFor, startFake } from '../helpers/harness.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
let sim: Simulator;
beforeAll(async () => {
  sim = await startFake({ autoCreate: false });
});
afterAll(() => sim.close());
beforeEach(() => void sim.requests.splice(0));

async function doctor(
  env: Record<string, string | undefined>,
  args: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'ml-stop-doctor-'));
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, 'doctor', ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env } as NodeJS.ProcessEnv,
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The table row of one provider, split into its columns. */
function row(stdout: string, provider: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(provider + ' '));
  expect(line, stdout).toBeDefined();
  const cells = line!.split(/ {2,}/);
  return [...cells.slice(0, 6), cells.slice(6).join('  ')];
}

function noSecrets(out: string): void {
  for (const secret of [HW.sk, QF.sk, 'wrong-secret-value-123']) expect(out).not.toContain(secret);
}

describe('ml-stop-mcp doctor', () => {
  it('good keys: both signatures accepted, the project found, exit 0, after exactly one read-only call each', async () => {
    const { code, stdout, stderr } = await doctor(envFor(sim));
    expect(code, stdout + stderr).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(
      /^provider +endpoint +credentials +signature +project id +round trip +what to fix$/,
    );
    expect(row(stdout, 'huaweicloud')).toEqual([
      'huaweicloud',
      sim.url,
      'found',
      'accepted',
      PROJECT,
      expect.stringMatching(/^\d+ ms$/),
      'nothing',
    ]);
    expect(row(stdout, 'qianfan')).toEqual([
      'qianfan',
      sim.url,
      'found',
      'accepted',
      '-',
      expect.stringMatching(/^\d+ ms$/),
      'nothing',
    ]);
    expect(stdout).toContain('All configured providers accepted their keys.');
    expect(sim.requests.map((r) => `${r.method} ${r.url} ${r.verdict.ok}`)).toEqual([
      'GET /v3/projects?name=cn-north-4 true',
      'POST /v2/finetuning?Action=DescribeFineTuningTask true',
    ]);
    expect(sim.requests[1]!.json).toEqual({ taskId: PROBE_TASK });
    noSecrets(stdout + stderr);
  }, 40_000);

  it('wrong secrets: signatures rejected, the fix names the variable, exit 1', async () => {
    const { code, stdout, stderr } = await doctor(
      envFor(sim, { HUAWEICLOUD_SDK_SK: 'wrong-secret-value-123', QIANFAN_SECRET_KEY: 'wrong-secret-value-123' }),
    );
    expect(code).toBe(1);
    const hw = row(stdout, 'huaweicloud');
    expect(hw.slice(2, 4)).toEqual(['found', 'rejected']);
    expect(hw[6]).toMatch(/^HUAWEICLOUD_SDK_SK does not match HUAWEICLOUD_SDK_AK \(APIGW\.0301: /);
    const qf = row(stdout, 'qianfan');
    expect(qf.slice(2, 4)).toEqual(['found', 'rejected']);
    expect(qf[6]).toMatch(/^QIANFAN_SECRET_KEY does not match QIANFAN_ACCESS_KEY \(SignatureDoesNotMatch: /);
    expect(stdout).toContain('Something needs fixing');
    noSecrets(stdout + stderr);
  }, 40_000);

  it('an unknown access key is named as such', async () => {
    const { code, stdout } = await doctor(
      envFor(sim, { HUAWEICLOUD_SDK_AK: 'NOSUCHKEY0000000000', QIANFAN_ACCESS_KEY: 'no-such-qianfan-key' }),
    );
    expect(code).toBe(1);
    expect(row(stdout, 'huaweicloud')[6]).toMatch(/^HUAWEICLOUD_SDK_AK is not a known access key/);
    expect(row(stdout, 'qianfan')[6]).toMatch(/^QIANFAN_ACCESS_KEY is not a known access key/);
  }, 40_000);

  it('no credentials: nothing sent, exit 1, the variables to set named', async () => {
    const { code, stdout } = await doctor({});
    expect(code).toBe(1);
    expect(row(stdout, 'huaweicloud').slice(2, 4)).toEqual(['not set', '-']);
    expect(row(stdout, 'huaweicloud')[6]).toBe(
      'no provider is configured: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK',
    );
    expect(row(stdout, 'qianfan')[6]).toBe('no provider is configured: set QIANFAN_ACCESS_KEY and QIANFAN_SECRET_KEY');
    expect(sim.requests).toHaveLength(0);
  }, 40_000);

  it('one provider configured is enough; half a key pair is a problem', async () => {
    const qianfanOnly = { QIANFAN_ACCESS_KEY: QF.ak, QIANFAN_SECRET_KEY: QF.sk, QIANFAN_CONSOLE_API_BASE_URL: sim.url };
    const ok = await doctor(qianfanOnly);
    expect(ok.code).toBe(0);
    expect(row(ok.stdout, 'huaweicloud')[6]).toBe('not used; set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK to enable');
    const half = await doctor({ ...qianfanOnly, HUAWEICLOUD_SDK_AK: HW.ak });
    expect(half.code).toBe(1);
    expect(row(half.stdout, 'huaweicloud').slice(2)).toEqual(['partial', '-', '-', '-', 'set HUAWEICLOUD_SDK_SK']);
  }, 40_000);

  it('a configured project id that IAM does not list for the region is reported', async () => {
    const { code, stdout } = await doctor(
      envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: 'ffffffffffffffffffffffffffffffff' }),
    );
    expect(code).toBe(1);
    expect(row(stdout, 'huaweicloud')[6]).toBe(
      `HUAWEICLOUD_SDK_PROJECT_ID is ffffffffffffffffffffffffffffffff but IAM lists ${PROJECT} as the cn-north-4 project`,
    );
  }, 40_000);

  it('an unreachable endpoint: signature unknown, the endpoint named, exit 1', async () => {
    const { code, stdout } = await doctor({
      QIANFAN_ACCESS_KEY: QF.ak,
      QIANFAN_SECRET_KEY: QF.sk,
      QIANFAN_CONSOLE_API_BASE_URL: 'http://127.0.0.1:1',
    });
    expect(code).toBe(1);
    expect(row(stdout, 'qianfan')[3]).toBe('unknown');
    expect(row(stdout, 'qianfan')[6]).toMatch(
      /^ECONNREFUSED: The request to http:\/\/127\.0\.0\.1:1 \(set by QIANFAN_CONSOLE_API_BASE_URL\) failed/,
    );
  }, 40_000);

  it('doctor --simulate says it checked the simulator, not the real keys, and names the real ones it ignored', async () => {
    const { code, stdout, stderr } = await doctor(
      { HUAWEICLOUD_SDK_AK: 'real-looking-ak', HUAWEICLOUD_SDK_SK: 'real-looking-sk' },
      ['--simulate'],
    );
    expect(code, stdout + stderr).toBe(0);
    expect(row(stdout, 'huaweicloud')).toEqual([
      'huaweicloud',
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      'demo keys',
      'accepted',
      PROJECT,
      expect.stringMatching(/ ms$/),
      'nothing',
    ]);
    expect(row(stdout, 'qianfan').slice(2, 4)).toEqual(['demo keys', 'accepted']);
    expect(stdout).toContain('(simulated)');
    expect(stdout).toContain(
      'Your real keys were NOT checked. It saw and ignored HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK.',
    );
    expect(stdout).not.toContain('accepted their keys');
    expect(stderr).toContain('simulate mode');
    expect(stdout + stderr).not.toContain('real-looking-sk');
  }, 40_000);
});
