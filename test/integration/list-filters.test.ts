// list_running_tasks under the tool filters, through a real MCP client that applies the CLI flags and variables:
// it lists only the clouds the server serves, says so when asked for another, and marks stop tools it lacks.
import { afterEach, describe, expect, it } from 'vitest';
import { FAMILY_IDS } from '../../src/core/ids.js';
import { FAMILIES } from '../../src/families/index.js';
import type { Simulator } from '../../src/simulator/server.js';
import { STOP_CASES } from '../helpers/families.js';
import { connect, envFor, startFake } from '../helpers/harness.js';

const familiesOf = (provider: string) => FAMILY_IDS.filter((f) => FAMILIES[f].provider === provider);
const HW_FAMILIES = familiesOf('huaweicloud');
const QF_FAMILIES = familiesOf('qianfan');

let cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of cleanup.reverse()) await close();
  cleanup = [];
});

/** A simulator with one running task per family, and a client of a server started with these flags and variables. */
async function setup(env: Record<string, string | undefined> = {}, argv: string[] = []) {
  const sim = await startFake({ autoCreate: false, stoppingMs: 0 });
  cleanup.push(() => sim.close());
  for (const c of STOP_CASES) sim.inventory.put(c.family, c.ids('77'), { state: 'running' });
  const mcp = await connect(envFor(sim, env), argv);
  cleanup.push(() => mcp.close());
  await mcp.client.listTools(); // so results are checked against the output schema
  const list = async (args: Record<string, unknown> = {}) => {
    const called = await mcp.call('list_running_tasks', args);
    expect(called.isError).toBe(!called.result.ok);
    expect(JSON.parse(called.text)).toEqual(called.result);
    return called;
  };
  return { sim, mcp, list };
}

/** Each item as [family, stop tool, stop arguments, stop.served], in family order. */
function stops(items: Array<Record<string, any>>) {
  return items.map((i) => [i.family, i.stop.tool, i.stop.arguments, i.stop.served]);
}

/** What an unfiltered server lists for these families, with stop.served as given. */
function expected(families: string[], served: (tool: string) => boolean = () => true) {
  return STOP_CASES.filter((c) => families.includes(c.family)).map((c) => [
    c.family,
    c.tool,
    c.args('77'),
    served(c.tool) ? undefined : false,
  ]);
}

const providersOf = (sim: Simulator) => new Set(sim.requests.map((r) => r.provider));

describe('list_running_tasks under --providers / ML_STOP_PROVIDERS', () => {
  it('--providers qianfan: by default lists only Qianfan, and sends nothing to Huawei Cloud', async () => {
    const { sim, list } = await setup({}, ['--providers', 'qianfan']);
    const { result } = await list();
    expect(result).toMatchObject({ ok: true, truncated: false, errors: [] });
    expect(stops(result.items)).toEqual(expected(QF_FAMILIES));
    expect(providersOf(sim)).toEqual(new Set(['qianfan']));
  });

  it('ML_STOP_PROVIDERS=huaweicloud: by default lists only ModelArts, and sends nothing to Qianfan', async () => {
    const { sim, list } = await setup({ ML_STOP_PROVIDERS: 'huaweicloud' });
    const { result } = await list();
    expect(result).toMatchObject({ ok: true, truncated: false, errors: [] });
    expect(stops(result.items)).toEqual(expected(HW_FAMILIES));
    expect(providersOf(sim)).toEqual(new Set(['huaweicloud']));
  });

  it('asked for a provider it does not serve: a config error per family naming the flag, and nothing sent', async () => {
    const { sim, list } = await setup({}, ['--providers', 'qianfan']);
    const { isError, result } = await list({ providers: ['huaweicloud'] });
    expect(isError).toBe(true);
    const message =
      'huaweicloud is not served by this server: it was started with --providers qianfan. Add huaweicloud to --providers (or ML_STOP_PROVIDERS) to list its tasks here.';
    expect(result).toEqual({
      ok: false,
      items: [],
      truncated: false,
      errors: HW_FAMILIES.map((family) => ({
        provider: 'huaweicloud',
        family,
        code: 'ProviderNotServed',
        message,
        category: 'config',
      })),
    });
    expect(sim.requests).toEqual([]);
  });

  it('asked for both providers: the served one is listed, the other answers with the variable that left it out', async () => {
    const { sim, list } = await setup({ ML_STOP_PROVIDERS: 'qianfan' });
    const { isError, result } = await list({ providers: ['huaweicloud', 'qianfan'] });
    expect(isError).toBe(false);
    expect(result.ok).toBe(true);
    expect(stops(result.items)).toEqual(expected(QF_FAMILIES));
    const message =
      'huaweicloud is not served by this server: it was started with ML_STOP_PROVIDERS=qianfan. Add huaweicloud to ML_STOP_PROVIDERS (or --providers) to list its tasks here.';
    expect(result.errors).toEqual(
      HW_FAMILIES.map((family) => ({
        provider: 'huaweicloud',
        family,
        code: 'ProviderNotServed',
        message,
        category: 'config',
      })),
    );
    expect(providersOf(sim)).toEqual(new Set(['qianfan']));
  });

  it('a family of a provider it does not serve, named in families, answers the same way', async () => {
    const { sim, list } = await setup({}, ['--providers', 'huaweicloud']);
    const { result } = await list({ families: ['modelarts_training_job_version', 'qianfan_fine_tuning_task'] });
    expect(result.ok).toBe(true);
    expect(stops(result.items)).toEqual(expected(['modelarts_training_job_version']));
    expect(result.errors.map((e: Record<string, string>) => [e.family, e.code, e.category])).toEqual([
      ['qianfan_fine_tuning_task', 'ProviderNotServed', 'config'],
    ]);
    expect(providersOf(sim)).toEqual(new Set(['huaweicloud']));
  });

  it('the served provider without credentials: its families say what to set, and the configured one is not listed instead', async () => {
    const { sim, list } = await setup({ QIANFAN_ACCESS_KEY: undefined, QIANFAN_SECRET_KEY: undefined }, [
      '--providers',
      'qianfan',
    ]);
    const { isError, result } = await list();
    expect(isError).toBe(true);
    expect(result.items).toEqual([]);
    expect(result.errors.map((e: Record<string, string>) => [e.family, e.code, e.category])).toEqual(
      QF_FAMILIES.map((f) => [f, 'ConfigMissing', 'config']),
    );
    expect(sim.requests).toEqual([]);
  });

  it('--providers naming both: both listed, no item marked', async () => {
    const { list } = await setup({}, ['--providers', 'huaweicloud,qianfan']);
    const { result } = await list();
    expect(result).toMatchObject({ ok: true, errors: [] });
    expect(stops(result.items)).toEqual(expected([...HW_FAMILIES, ...QF_FAMILIES]));
    expect(result.items.every((i: Record<string, any>) => !('served' in i.stop))).toBe(true);
  });
});

describe('list_running_tasks when stop tools are not served', () => {
  it('--tools: every running task is listed; those whose stop tool is not served say stop.served false', async () => {
    const served = ['qianfan_stop_fine_tuning_task', 'modelarts_stop_training_job_version'];
    const { mcp, list } = await setup({}, ['--tools', `list_running_tasks,${served.join(',')}`]);
    const { result } = await list();
    expect(result).toMatchObject({ ok: true, truncated: false, errors: [] });
    expect(stops(result.items)).toEqual(expected([...HW_FAMILIES, ...QF_FAMILIES], (tool) => served.includes(tool)));

    // A served item's stop works as given; an unserved one's stop tool does not exist on this server.
    for (const item of result.items) {
      const call = mcp.client.callTool({ name: item.stop.tool, arguments: item.stop.arguments });
      // An unknown tool is a JSON-RPC error (-32602), not a tool result.
      if (item.stop.served === false) await expect(call).rejects.toThrow(`Tool ${item.stop.tool} not found`);
      else expect((await call).structuredContent).toMatchObject({ ok: true, outcome: 'stop_requested' });
    }
  });

  it('ML_STOP_TOOLS naming only the list tool: every item is marked', async () => {
    const { list } = await setup({ ML_STOP_TOOLS: 'list_running_tasks' });
    const { result } = await list({ providers: ['qianfan'] });
    expect(stops(result.items)).toEqual(expected(QF_FAMILIES, () => false));
  });

  it('--read-only serves no stop tool: every item is marked, and the list still answers in full', async () => {
    const { list } = await setup({}, ['--read-only']);
    const { result } = await list();
    expect(result).toMatchObject({ ok: true, truncated: false, errors: [] });
    expect(stops(result.items)).toEqual(expected([...HW_FAMILIES, ...QF_FAMILIES], () => false));
  });

  it('--read-only with --providers: only the served cloud, every item marked', async () => {
    const { sim, list } = await setup({}, ['--read-only', '--providers', 'huaweicloud']);
    const { result } = await list();
    expect(stops(result.items)).toEqual(expected(HW_FAMILIES, () => false));
    expect(providersOf(sim)).toEqual(new Set(['huaweicloud']));
  });
});
