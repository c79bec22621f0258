// --simulate through the built server over stdio: every tool answers from the embedded simulator with
// `simulated: true`, and nothing configured for real (keys, endpoints, project) is ever used.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import { DEMO_KEYS, DEMO_TASKS } from '../../src/simulator/embedded.js';
import { HW, QF, envFor, startFake } from '../helpers/harness.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');

/** A "real" upstream the configuration points at: in simulate mode it must receive nothing. */
let real: Simulator;
beforeAll(async () => {
  real = await startFake();
});
afterAll(() => real.close());

async function launch(env: Record<string, string | undefined>, args: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), 'ml-stop-sim-'));
  writeFileSync(join(cwd, '.env'), `QIANFAN_SECRET_KEY=${QF.sk}\n`);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, ...args],
    env: { PATH: process.env.PATH ?? '', ...env } as Record<string, string>,
    cwd,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += String(d)));
  const client = new Client({ name: 'e2e-simulate', version: '1.0.0' });
  await client.connect(transport);
  const call = async (name: string, args: Record<string, unknown>) => {
    const res = await client.callTool({ name, arguments: args });
    return { isError: res.isError === true, result: res.structuredContent as Record<string, any> };
  };
  return { client, call, stderr: () => stderr };
}

const [hwTask] = DEMO_TASKS.modelarts_intelligent_task.running;
const [hwJob] = DEMO_TASKS.modelarts_training_job_version.running;
const CALLS: Array<[string, Record<string, unknown>, string]> = [
  ['modelarts_get_intelligent_task', hwTask!, 'running'],
  ['modelarts_get_training_job_version', hwJob!, 'running'],
  ['qianfan_get_batch_inference_task', DEMO_TASKS.qianfan_batch_inference_task.running[0]!, 'running'],
  ['qianfan_get_fine_tuning_task', DEMO_TASKS.qianfan_fine_tuning_task.running[0]!, 'running'],
  ['qianfan_get_evaluation_task', DEMO_TASKS.qianfan_evaluation_task.running[0]!, 'running'],
  ['modelarts_stop_intelligent_task', hwTask!, ''],
  ['modelarts_stop_training_job_version', hwJob!, ''],
  ['qianfan_stop_batch_inference_task', DEMO_TASKS.qianfan_batch_inference_task.running[0]!, ''],
  ['qianfan_stop_fine_tuning_task', DEMO_TASKS.qianfan_fine_tuning_task.running[0]!, ''],
  ['qianfan_stop_evaluation_task', DEMO_TASKS.qianfan_evaluation_task.running[0]!, ''],
  // Stopped tasks pass through "stopping" (1.5 s in the embedded simulator) to "stopped".
  ['modelarts_get_intelligent_task', hwTask!, 'stopping|stopped'],
  ['qianfan_get_batch_inference_task', DEMO_TASKS.qianfan_batch_inference_task.running[0]!, 'stopping|stopped'],
];

describe('--simulate (dist/cli.js over stdio)', () => {
  it('answers every tool from the seeded simulator with simulated: true, ignoring every real setting', async () => {
    // Real-looking keys, a token, a project and endpoints for every service: none of them may be used.
    const env = envFor(real, {
      HUAWEICLOUD_SDK_SECURITY_TOKEN: 'real-security-token-value',
      HUAWEICLOUD_SDK_PROJECT_ID: 'ffffffffffffffffffffffffffffffff',
      HUAWEICLOUD_SDK_REGION_MODELARTS_CN_EAST_3: real.url,
    });
    const { client, call, stderr } = await launch(env, [
      '--simulate',
      '--iam-endpoint',
      real.url,
      '--qianfan-base-url',
      real.url,
    ]);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(allTools.length);
    const listed = await call('list_running_tasks', {});
    expect(listed.result).toMatchObject({ ok: true, simulated: true, errors: [] });
    expect(listed.result.items.length).toBeGreaterThan(0);

    for (const [tool, args, state] of CALLS) {
      const { isError, result } = await call(tool, args);
      expect(isError, `${tool} ${JSON.stringify(result)}`).toBe(false);
      expect(result).toMatchObject({
        ok: true,
        operation: tool,
        simulated: true,
        outcome: state ? 'status' : 'stop_requested',
      });
      if (state) expect(result.status.state).toMatch(new RegExp(`^(${state})$`));
      if (tool.startsWith('modelarts_'))
        expect(result.target).toMatchObject({ region: 'cn-north-4', project_id: 'a4a5d4098fb4474fa22cd05f897d6b99' });
    }

    // Every region goes to the simulator, not only the default one.
    const other = DEMO_TASKS.modelarts_training_job_version.running[1]!;
    const east = await call('modelarts_get_training_job_version', { ...other, region: 'cn-east-3' });
    expect(east.result).toMatchObject({
      ok: true,
      simulated: true,
      target: { region: 'cn-east-3' },
      status: { state: 'running' },
    });
    const far = await call('modelarts_get_training_job_version', { ...other, region: 'ap-southeast-1' });
    expect(far.result).toMatchObject({ ok: true, simulated: true, target: { region: 'ap-southeast-1' } });

    // Unknown ids are "not found", as at the real clouds, and still marked simulated; invalid input too.
    const missing = await call('qianfan_stop_fine_tuning_task', { task_id: 'task-nonexistent' });
    expect(missing).toMatchObject({
      isError: true,
      result: {
        ok: false,
        outcome: 'failed',
        simulated: true,
        error: { code: 'ResourceNotFound', category: 'not_found' },
      },
    });
    const invalid = await call('qianfan_stop_fine_tuning_task', { task_id: '..' });
    expect(invalid.result).toMatchObject({
      ok: false,
      simulated: true,
      attempts: 0,
      error: { category: 'invalid_input' },
    });
    await client.close();

    expect(real.requests).toHaveLength(0);
    const audits = stderr()
      .split('\n')
      .filter((l) => l.includes('"audit":"stop"'))
      .map((l) => JSON.parse(l));
    expect(audits.length).toBeGreaterThanOrEqual(6);
    for (const a of audits) expect(a.simulated).toBe(true);
    const notice = stderr()
      .split('\n')
      .filter((l) => l.includes('simulate mode'));
    expect(notice).toHaveLength(1);
    expect(JSON.parse(notice[0]!)).toMatchObject({
      level: 'warn',
      simulator: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    for (const secret of [HW.sk, QF.sk, 'real-security-token-value', DEMO_KEYS.huaweicloud.sk, DEMO_KEYS.qianfan.sk])
      expect(stderr()).not.toContain(secret);
  }, 60_000);

  it('ML_STOP_SIMULATE=true does the same without the flag, with no credentials at all', async () => {
    const { call, client, stderr } = await launch({ ML_STOP_SIMULATE: 'true' }, []);
    const { result } = await call('qianfan_get_evaluation_task', DEMO_TASKS.qianfan_evaluation_task.finished);
    expect(result).toMatchObject({
      ok: true,
      outcome: 'status',
      simulated: true,
      status: { state: 'succeeded', raw: 'Done' },
    });
    await client.close();
    expect(stderr()).toContain('simulate mode');
  }, 30_000);

  it('without --simulate no result carries the simulated field', async () => {
    const { call, client } = await launch(envFor(real), []);
    const { result } = await call('qianfan_get_fine_tuning_task', { task_id: 'task-real-1' });
    expect(result.ok).toBe(true);
    expect(result).not.toHaveProperty('simulated');
    await client.close();
  }, 30_000);
});
