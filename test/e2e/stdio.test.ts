// The built server over stdio, as a client launches it: real process, real protocol, fake upstream.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAMILY_IDS } from '../../src/core/ids.js';
import { FAMILIES } from '../../src/families/index.js';
import { allTools } from '../../src/tools/index.js';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { HW, QF, envFor, startFake } from '../helpers/harness.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
let sim: Simulator;
beforeAll(async () => {
  sim = await startFake();
});
afterAll(() => sim.close());

async function launch(
  env: Record<string, string | undefined>,
  args: string[] = [],
  cwd = mkdtempSync(join(tmpdir(), 'ml-stop-')),
) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, ...args],
    env: { PATH: process.env.PATH ?? '', ...env } as Record<string, string>,
    cwd,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += String(d)));
  const client = new Client({ name: 'e2e', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

describe('stdio server (dist/cli.js)', () => {
  it('lists every tool with annotations and the shared output schema, and stops a task on each provider', async () => {
    const { client, stderr } = await launch(envFor(sim));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(allTools.map((t) => t.name));
    const stop = tools[0]!;
    expect(stop.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
      openWorldHint: true,
    });
    expect(stop.inputSchema).toMatchObject({
      type: 'object',
      required: ['dataset_id', 'task_id'],
      additionalProperties: false,
    });
    expect(
      new Set(tools.filter((t) => t.name !== 'list_running_tasks').map((t) => JSON.stringify(t.outputSchema))).size,
    ).toBe(1);
    const list = tools.at(-1)!;
    expect(list.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: true,
    });
    expect(Object.keys(list.outputSchema!.properties!)).toEqual([
      'ok',
      'items',
      'truncated',
      'errors',
      'error',
      'simulated',
    ]);

    const hw = await client.callTool({
      name: 'modelarts_stop_training_job_version',
      arguments: { job_id: '10', version_id: '10' },
    });
    expect(hw.structuredContent).toMatchObject({ ok: true, outcome: 'stop_requested', http_status: 200 });
    const qf = await client.callTool({
      name: 'qianfan_stop_batch_inference_task',
      arguments: { task_id: 'infer-e2e' },
    });
    expect(qf.structuredContent).toMatchObject({ ok: true, outcome: 'stop_requested', provider: 'qianfan' });
    sim.inventory.put('qianfan_evaluation_task', { evaluation_id: 'ame-e2e' }, { state: 'running', name: 'e2e-eval' });
    const running = await client.callTool({
      name: 'list_running_tasks',
      arguments: { families: ['qianfan_evaluation_task'] },
    });
    expect(running.structuredContent).toMatchObject({
      ok: true,
      truncated: false,
      errors: [],
      items: [
        {
          family: 'qianfan_evaluation_task',
          ids: { evaluation_id: 'ame-e2e' },
          stop: { tool: 'qianfan_stop_evaluation_task', arguments: { evaluation_id: 'ame-e2e' } },
        },
      ],
    });
    await client.close();

    expect(stderr()).toContain('serving MCP on stdio');
    for (const secret of [HW.sk, QF.sk]) expect(stderr()).not.toContain(secret);
  });

  it('reads credentials from a .env file in the working directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ml-stop-env-'));
    const env = envFor(sim);
    writeFileSync(
      join(cwd, '.env'),
      `QIANFAN_ACCESS_KEY=${env.QIANFAN_ACCESS_KEY}\nQIANFAN_SECRET_KEY=${env.QIANFAN_SECRET_KEY}\n`,
    );
    const { client } = await launch({ QIANFAN_CONSOLE_API_BASE_URL: sim.url }, [], cwd);
    const res = await client.callTool({ name: 'qianfan_stop_fine_tuning_task', arguments: { task_id: 'task-dotenv' } });
    expect(res.structuredContent).toMatchObject({ ok: true, outcome: 'stop_requested' });
    await client.close();
  });

  it('ML_STOP_READ_ONLY=true serves only the read-only tools', async () => {
    const { client } = await launch({ ...envFor(sim), ML_STOP_READ_ONLY: 'true' });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(allTools.filter((t) => t.kind !== 'stop').map((t) => t.name));
    await client.close();
  });

  it('--providers and --read-only reach list_running_tasks: only the served cloud, stop tools marked not served', async () => {
    sim.inventory.put('qianfan_batch_inference_task', { task_id: 'infer-e2e-list' }, { state: 'running' });
    const { client } = await launch(envFor(sim), ['--providers', 'qianfan', '--read-only']);
    const before = sim.requests.length;
    const listed = await client.callTool({ name: 'list_running_tasks', arguments: {} });
    expect(listed.structuredContent).toMatchObject({ ok: true, errors: [] });
    const items = (listed.structuredContent as { items: Array<Record<string, any>> }).items;
    // (other tests' tasks may be running in this shared simulator too)
    expect(items.find((i) => i.ids.task_id === 'infer-e2e-list')?.stop).toEqual({
      tool: 'qianfan_stop_batch_inference_task',
      arguments: { task_id: 'infer-e2e-list' },
      served: false,
    });
    expect(items.every((i) => i.provider === 'qianfan' && i.stop.served === false)).toBe(true);
    expect(sim.requests.slice(before).every((r) => r.provider === 'qianfan')).toBe(true);
    const asked = await client.callTool({ name: 'list_running_tasks', arguments: { providers: ['huaweicloud'] } });
    expect(asked.isError).toBe(true);
    expect(
      (asked.structuredContent as { errors: Array<Record<string, string>> }).errors.map((e) => [
        e.code,
        e.category,
        e.message!.split(':')[0],
      ]),
    ).toEqual(
      FAMILY_IDS.filter((f) => FAMILIES[f].provider === 'huaweicloud').map(() => [
        'ProviderNotServed',
        'config',
        'huaweicloud is not served by this server',
      ]),
    );
    await client.close();
  });

  it('an unknown tool or provider name is a start-up error that lists the valid names', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ml-stop-bad-'));
    const tools = spawnSync(process.execPath, [CLI, '--tools', 'qianfan_stop_everything'], {
      cwd,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(tools.status).toBe(2);
    expect(tools.stdout).toBe('');
    expect(tools.stderr).toContain(
      '--tools: unknown tool "qianfan_stop_everything". Valid tool names: modelarts_stop_intelligent_task, modelarts_stop_training_job_version,',
    );
    const providers = spawnSync(process.execPath, [CLI], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ML_STOP_PROVIDERS: 'aws' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(providers.status).toBe(2);
    expect(providers.stderr).toContain(
      'ML_STOP_PROVIDERS: unknown provider "aws". Valid provider names: huaweicloud, qianfan',
    );
  });
});
