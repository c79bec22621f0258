import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { StartupError } from '../../src/core/errors.js';
import { selectTools, servedBy } from '../../src/tool-filter.js';
import type { AnyToolDefinition } from '../../src/tools/define.js';
import { allTools } from '../../src/tools/index.js';

const names = (env: Record<string, string>, argv: string[] = [], tools: readonly AnyToolDefinition[] = allTools) =>
  selectTools(tools, loadConfig(env, argv).toolFilter).map((t) => t.name);

const STATUS = allTools.filter((t) => t.kind === 'status').map((t) => t.name);
const ofProvider = (p: string) => allTools.filter((t) => t.kind === 'status' && t.provider === p).map((t) => t.name);

describe('selectTools', () => {
  it('no filter keeps every tool in order', () => {
    expect(names({})).toEqual(allTools.map((t) => t.name));
  });

  it('read-only keeps every tool that is not a stop, including the list tool', () => {
    expect(names({}, ['--read-only'])).toEqual([...STATUS, 'list_running_tasks']);
    expect(names({ ML_STOP_READ_ONLY: 'true' })).toEqual([...STATUS, 'list_running_tasks']);
    expect(names({ ML_STOP_READ_ONLY: 'false' })).toEqual(allTools.map((t) => t.name));
  });

  it('filters combine, and flags win over variables', () => {
    expect(names({ ML_STOP_PROVIDERS: 'huaweicloud' }, ['--providers', 'qianfan', '--read-only'])).toEqual([
      ...ofProvider('qianfan'),
      'list_running_tasks',
    ]);
    expect(names({ ML_STOP_TOOLS: 'qianfan_stop_fine_tuning_task, qianfan_get_fine_tuning_task' })).toEqual([
      'qianfan_stop_fine_tuning_task',
      'qianfan_get_fine_tuning_task',
    ]);
  });

  it.each([
    [
      { ML_STOP_TOOLS: 'qianfan_stop_fine_tuning_task,stop_everything' },
      [],
      'ML_STOP_TOOLS: unknown tool "stop_everything". Valid tool names: modelarts_stop_intelligent_task, ',
    ],
    [{}, ['--providers', 'aws'], '--providers: unknown provider "aws". Valid provider names: huaweicloud, qianfan'],
    [
      {},
      ['--read-only', '--tools', 'qianfan_stop_fine_tuning_task'],
      'The tool filters leave no tool to serve (read-only; --tools qianfan_stop_fine_tuning_task).',
    ],
  ])('%j %j is a start-up error', (env, argv, message) => {
    expect(() => names(env, argv)).toThrow(StartupError);
    expect(() => names(env, argv)).toThrow(message);
  });

  it('an unknown tool error lists every valid name', () => {
    expect(() => names({}, ['--tools', 'nope'])).toThrow(`Valid tool names: ${allTools.map((t) => t.name).join(', ')}`);
  });
});

describe('servedBy', () => {
  const served = (env: Record<string, string>, argv: string[] = []) => {
    const filter = loadConfig(env, argv).toolFilter;
    const s = servedBy(filter, selectTools(allTools, filter));
    return { ...s, tools: [...s.tools] };
  };

  it('without filters: both providers and every tool', () => {
    expect(served({})).toEqual({ providers: ['huaweicloud', 'qianfan'], tools: allTools.map((t) => t.name) });
  });

  it('--providers or ML_STOP_PROVIDERS: those providers, in canonical order, and which of the two said so', () => {
    expect(served({}, ['--providers', 'qianfan,huaweicloud'])).toMatchObject({
      providers: ['huaweicloud', 'qianfan'],
      providersSource: '--providers',
    });
    expect(served({ ML_STOP_PROVIDERS: 'qianfan' })).toMatchObject({
      providers: ['qianfan'],
      providersSource: 'ML_STOP_PROVIDERS',
    });
  });

  it('the tools are exactly the ones selected: --read-only serves no stop tool, --tools only those named', () => {
    expect(served({}, ['--read-only']).tools).toEqual([...STATUS, 'list_running_tasks']);
    expect(served({ ML_STOP_TOOLS: 'list_running_tasks,qianfan_stop_fine_tuning_task' }).tools).toEqual([
      'qianfan_stop_fine_tuning_task',
      'list_running_tasks',
    ]);
  });
});
