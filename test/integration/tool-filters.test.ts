// What tools/list shows under each filter, through a real MCP client; a filtered-out tool cannot be called.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupError } from '../../src/core/errors.js';
import type { Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import { connect, envFor, startFake } from '../helpers/harness.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startFake();
});
afterAll(() => sim.close());

const STOPS = allTools.filter((t) => t.kind === 'stop').map((t) => t.name);
const STATUS = allTools.filter((t) => t.kind === 'status').map((t) => t.name);
/** A provider's tools of one kind. */
const of = (kind: string, p: string) =>
  allTools.filter((t) => t.kind === kind && 'provider' in t && t.provider === p).map((t) => t.name);
const LIST = 'list_running_tasks';

async function listed(env: Record<string, string>, argv: string[] = []) {
  const m = await connect(envFor(sim, env), argv);
  const { tools } = await m.client.listTools();
  await m.close();
  return tools;
}

describe('tools/list under each filter', () => {
  it.each([
    ['no filter', {}, [], [...STOPS, ...STATUS, LIST]],
    ['--read-only', {}, ['--read-only'], [...STATUS, LIST]],
    ['ML_STOP_READ_ONLY=true', { ML_STOP_READ_ONLY: 'true' }, [], [...STATUS, LIST]],
    [
      '--tools',
      {},
      ['--tools', 'qianfan_stop_fine_tuning_task,qianfan_get_fine_tuning_task'],
      ['qianfan_stop_fine_tuning_task', 'qianfan_get_fine_tuning_task'],
    ],
    ['ML_STOP_TOOLS', { ML_STOP_TOOLS: 'modelarts_get_intelligent_task' }, [], ['modelarts_get_intelligent_task']],
    [
      '--providers',
      {},
      ['--providers', 'huaweicloud'],
      [...of('stop', 'huaweicloud'), ...of('status', 'huaweicloud'), LIST],
    ],
    [
      'ML_STOP_PROVIDERS',
      { ML_STOP_PROVIDERS: 'qianfan' },
      [],
      [...of('stop', 'qianfan'), ...of('status', 'qianfan'), LIST],
    ],
    [
      '--read-only with ML_STOP_PROVIDERS',
      { ML_STOP_PROVIDERS: 'qianfan' },
      ['--read-only'],
      [...of('status', 'qianfan'), LIST],
    ],
  ])('%s', async (_name, env, argv, expected) => {
    const tools = await listed(env, argv);
    expect(tools.map((t) => t.name)).toEqual(expected);
  });

  it('read-only lists only tools annotated read-only', async () => {
    const tools = await listed({}, ['--read-only']);
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
  });

  it('a filtered-out stop tool cannot be called, and reaches no provider', async () => {
    const m = await connect(envFor(sim), ['--read-only']);
    const before = sim.requests.length;
    // An unknown tool is a JSON-RPC error (-32602 Invalid params), not a tool result.
    await expect(
      m.client.callTool({ name: 'qianfan_stop_fine_tuning_task', arguments: { task_id: 'task-ro' } }),
    ).rejects.toMatchObject({
      code: -32602,
      message: expect.stringContaining('Tool qianfan_stop_fine_tuning_task not found'),
    });
    expect(sim.requests.length).toBe(before);
    await m.close();
  });

  it('an unknown name fails before any server is built', async () => {
    await expect(connect(envFor(sim), ['--providers', 'huaweicloud,baidu'])).rejects.toThrow(StartupError);
    await expect(connect(envFor(sim, { ML_STOP_TOOLS: 'qianfan_stop_everything' }))).rejects.toThrow(
      'ML_STOP_TOOLS: unknown tool "qianfan_stop_everything". Valid tool names: ',
    );
  });
});
