// The running-tasks page (MCP Apps) through a real MCP client in both protocol eras: where the page and its app-only
// stop tool are offered (a client declaring io.modelcontextprotocol/ui; never with --no-app / ML_STOP_APP=false), what
// the resource and the tools' _meta say, and what stop_task_from_app checks on the server before it sends anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit.js';
import type { Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import { CASES, freshId, isStop } from '../helpers/families.js';
import { ERAS, PROJECT, connect, envFor, startFake, type ConnectOptions } from '../helpers/harness.js';

const URI = 'ui://ml-stop-mcp/running-tasks.html';
const MIME = 'text/html;profile=mcp-app';
const APP_TOOL = 'stop_task_from_app';
const NB = CASES.modelarts_notebook;
const FT = CASES.qianfan_fine_tuning_task;

let sim: Simulator;
beforeAll(async () => {
  sim = await startFake();
});
afterAll(() => sim.close());

function open(argv: string[] = [], options: ConnectOptions = {}, env: Record<string, string> = {}) {
  const audit: AuditEntry[] = [];
  const env_ = envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, ...env });
  return connect(env_, argv, (e) => void audit.push(e), options).then((m) => ({ ...m, audit }));
}

const stopsOf = (family: string, ids: Record<string, string>) =>
  sim.requests.filter((r) => isStop(r) && r.handled?.family === family && r.path.endsWith(Object.values(ids).at(-1)!))
    .length;

describe.each(ERAS)('%s era', (era) => {
  describe('a client that shows MCP Apps', () => {
    it('list_running_tasks names the page; the app-only stop tool is listed for the app only', async () => {
      const m = await open([], { era, ui: true });
      const { tools } = await m.client.listTools();
      const list = tools.find((t) => t.name === 'list_running_tasks')!;
      expect(list._meta).toEqual({ ui: { resourceUri: URI }, 'ui/resourceUri': URI });
      const app = tools.find((t) => t.name === APP_TOOL)!;
      expect(app._meta).toEqual({ ui: { resourceUri: URI, visibility: ['app'] }, 'ui/resourceUri': URI });
      expect(app.annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
      expect(app.inputSchema).toMatchObject({
        type: 'object',
        required: ['tool', 'arguments', 'typed_id'],
        additionalProperties: false,
      });
      // The stop tools' own result shape.
      expect(app.outputSchema).toEqual(tools.find((t) => t.name === NB.tool)!.outputSchema);
      // Everything else is listed as for any client.
      expect(tools.map((t) => t.name)).toEqual([...allTools.map((t) => t.name), APP_TOOL]);
      for (const t of tools.filter((t) => t.name !== APP_TOOL && t.name !== 'list_running_tasks'))
        expect(t._meta, t.name).toBeUndefined();
      await m.close();
    });

    it('the page is an mcp-app resource: listed, and read as one self-contained HTML document', async () => {
      const m = await open([], { era, ui: true });
      const { resources } = await m.client.listResources();
      expect(resources).toEqual([
        expect.objectContaining({
          uri: URI,
          name: 'running_tasks_page',
          mimeType: MIME,
          _meta: { ui: { prefersBorder: true } },
        }),
      ]);
      const { contents } = await m.client.readResource({ uri: URI });
      expect(contents).toHaveLength(1);
      const page = contents[0] as { uri: string; mimeType: string; text: string };
      expect(page).toMatchObject({ uri: URI, mimeType: MIME });
      expect(page.text).toMatch(/^<!doctype html>/i);
      // No external origin: nothing to fetch, so the hosts' default CSP (no connect-src, no remote script) holds.
      expect(page.text).not.toMatch(/\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
      expect(page.text).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import/i);
      const data = JSON.parse(/<script type="application\/json" id="data">([\s\S]*?)<\/script>/.exec(page.text)![1]!);
      expect(data).toMatchObject({ list: 'list_running_tasks', app: APP_TOOL });
      expect(data.stops).toMatchObject({ [NB.tool]: NB.confirmField, [FT.tool]: FT.confirmField });
      expect(Object.keys(data.stops)).toEqual(allTools.filter((t) => t.kind === 'stop').map((t) => t.name));
      expect(data.families.modelarts_notebook).toBe('ModelArts notebook');
      await m.close();
    });

    it('list_running_tasks answers with the same full text as for any client', async () => {
      const id = freshId();
      sim.inventory.put(NB.family, NB.ids(id));
      const withUi = await open([], { era, ui: true });
      const without = await open([], { era });
      const args = { families: [NB.family], name_contains: `nb-${id}` };
      const a = await withUi.call('list_running_tasks', args);
      const b = await without.call('list_running_tasks', args);
      expect(a.result.items).toHaveLength(1);
      expect(a.text).toBe(b.text);
      expect(JSON.parse(a.text)).toEqual(a.result);
      await withUi.close();
      await without.close();
    });
  });

  describe('a client that does not show MCP Apps', () => {
    it('sees no page: no _meta, no app-only tool, no resource', async () => {
      const m = await open([], { era });
      const { tools } = await m.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(allTools.map((t) => t.name));
      expect(tools.every((t) => t._meta === undefined)).toBe(true);
      expect((await m.client.listResources()).resources).toEqual([]);
      await m.close();
    });

    it('is refused stop_task_from_app, and nothing is sent', async () => {
      const m = await open([], { era });
      const id = freshId();
      const args = NB.args(id);
      const res = await m.client.callTool({
        name: APP_TOOL,
        arguments: { tool: NB.tool, arguments: args, typed_id: args[NB.confirmField] },
      });
      expect(res.isError).toBe(true);
      expect(JSON.parse((res.content as Array<{ text: string }>)[0]!.text).error.code).toBe('AppOnly');
      expect(stopsOf(NB.family, NB.ids(id))).toBe(0);
      expect(m.audit).toEqual([]);
      await m.close();
    });
  });

  it.each([
    ['--no-app', ['--no-app'], {}],
    ['ML_STOP_APP=false', [], { ML_STOP_APP: 'false' }],
  ])(
    '%s: no page, no resources capability, no app-only tool, even for a client that shows apps',
    async (_n, argv, env) => {
      const m = await open(argv, { era, ui: true }, env);
      const { tools } = await m.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(allTools.map((t) => t.name));
      expect(tools.every((t) => t._meta === undefined)).toBe(true);
      expect(m.client.getServerCapabilities()?.resources).toBeUndefined();
      await expect(m.client.callTool({ name: APP_TOOL, arguments: {} })).rejects.toThrow(/not found/);
      await m.close();
    },
  );

  describe('stop_task_from_app', () => {
    it('stops the task the arguments name once the typed id matches; both audit lines say via app', async () => {
      const m = await open([], { era, ui: true });
      const id = freshId();
      const args = NB.args(id);
      const called = await m.call(APP_TOOL, { tool: NB.tool, arguments: args, typed_id: ` ${args[NB.confirmField]} ` });
      expect(called.isError).toBe(false);
      expect(called.result).toMatchObject({
        ok: true,
        outcome: 'stop_requested',
        provider: 'huaweicloud',
        operation: NB.tool,
        target: { notebook_id: args.notebook_id, region: 'cn-north-4', project_id: PROJECT },
      });
      expect(sim.inventory.get(NB.family, NB.ids(id))!.stopRequests).toBe(1);
      expect(m.audit.map((e) => [e.outcome, e.tool, e.via])).toEqual([
        ['sending', NB.tool, 'app'],
        ['stop_requested', NB.tool, 'app'],
      ]);
      await m.close();
    });

    it('a typed id that is not the target id sends nothing, and says so in the result and the audit line', async () => {
      const m = await open([], { era, ui: true });
      const id = freshId();
      const other = freshId();
      const called = await m.call(APP_TOOL, {
        tool: FT.tool,
        arguments: FT.args(id),
        typed_id: FT.args(other).task_id,
      });
      expect(called.isError).toBe(true);
      expect(called.result).toMatchObject({
        ok: false,
        outcome: 'failed',
        provider: 'qianfan',
        operation: FT.tool,
        target: FT.args(id),
        attempts: 0,
        error: { code: 'ConfirmationMismatch', category: 'invalid_input' },
      });
      expect(sim.requests.filter((r) => r.body.includes(id) || r.url.includes(id))).toEqual([]);
      expect(m.audit).toEqual([
        expect.objectContaining({ tool: FT.tool, outcome: 'failed', error_code: 'ConfirmationMismatch', via: 'app' }),
      ]);
      await m.close();
    });

    it('keeps the stop flow: dry runs send no stop, and a refused stop of a stopped task reads as already_stopped', async () => {
      const m = await open([], { era, ui: true });
      const id = freshId();
      const args = NB.args(id);
      const typed = args[NB.confirmField];
      const dry = await m.call(APP_TOOL, { tool: NB.tool, arguments: { ...args, dry_run: true }, typed_id: typed });
      expect(dry.result).toMatchObject({ ok: true, outcome: 'dry_run' });
      expect(sim.inventory.get(NB.family, NB.ids(id))!.stopRequests).toBe(0);

      sim.inventory.put(NB.family, NB.ids(id), { state: 'stopped' });
      const again = await m.call(APP_TOOL, { tool: NB.tool, arguments: args, typed_id: typed });
      expect(again.result).toMatchObject({ ok: true, outcome: 'already_stopped', http_status: NB.refusal.http });
      expect(again.result.note).toContain(NB.refusal.code);
      await m.close();
    });

    it("invalid stop arguments get the stop tool's own answer; a tool this server does not serve is refused", async () => {
      const m = await open(['--tools', `list_running_tasks,${NB.tool},${NB.statusTool}`], { era, ui: true });
      const bad = await m.call(APP_TOOL, { tool: NB.tool, arguments: { notebook_id: '..' }, typed_id: '..' });
      expect(bad.result).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });

      const before = sim.requests.length;
      for (const tool of [FT.tool, NB.statusTool, 'list_running_tasks', APP_TOOL]) {
        const res = await m.client.callTool({
          name: APP_TOOL,
          arguments: { tool, arguments: FT.args('1'), typed_id: '1' },
        });
        expect(res.isError, tool).toBe(true);
        expect(res.structuredContent).toBeUndefined();
        expect(JSON.parse((res.content as Array<{ text: string }>)[0]!.text).error.code, tool).toBe('ToolNotServed');
      }
      const wrong = await m.client.callTool({ name: APP_TOOL, arguments: { tool: NB.tool, typed_id: 'x' } });
      expect(JSON.parse((wrong.content as Array<{ text: string }>)[0]!.text).error).toMatchObject({
        code: 'InvalidInput',
        message: expect.stringContaining('arguments'),
      });
      expect(sim.requests.length).toBe(before);
      await m.close();
    });

    it('--providers leaves the other provider out of the page and out of reach', async () => {
      const m = await open(['--providers', 'huaweicloud'], { era, ui: true });
      const { contents } = await m.client.readResource({ uri: URI });
      const data = JSON.parse(/id="data">([\s\S]*?)<\/script>/.exec((contents[0] as { text: string }).text)![1]!);
      expect(data.stops[FT.tool]).toBeUndefined();
      expect(data.stops[NB.tool]).toBe(NB.confirmField);
      const res = await m.client.callTool({
        name: APP_TOOL,
        arguments: { tool: FT.tool, arguments: FT.args('2'), typed_id: '2' },
      });
      expect(JSON.parse((res.content as Array<{ text: string }>)[0]!.text).error.code).toBe('ToolNotServed');
      await m.close();
    });

    it.each([
      ['--read-only', ['--read-only'], {}],
      ['ML_STOP_READ_ONLY=true', [], { ML_STOP_READ_ONLY: 'true' }],
    ])('%s: never served; the page is, with no stop to offer', async (_n, argv, env) => {
      const m = await open(argv, { era, ui: true }, env);
      const { tools } = await m.client.listTools();
      expect(tools.map((t) => t.name)).not.toContain(APP_TOOL);
      expect(tools.find((t) => t.name === 'list_running_tasks')!._meta).toEqual({
        ui: { resourceUri: URI },
        'ui/resourceUri': URI,
      });
      const { contents } = await m.client.readResource({ uri: URI });
      const data = JSON.parse(/id="data">([\s\S]*?)<\/script>/.exec((contents[0] as { text: string }).text)![1]!);
      expect(data).toMatchObject({ app: null, stops: {} });
      const id = freshId();
      await expect(
        m.client.callTool({
          name: APP_TOOL,
          arguments: { tool: NB.tool, arguments: NB.args(id), typed_id: NB.args(id).notebook_id },
        }),
      ).rejects.toThrow(/not found/);
      expect(stopsOf(NB.family, NB.ids(id))).toBe(0);
      await m.close();
    });

    it('--confirm still asks: the typed id on the page, then the confirmation question', async () => {
      const asked: string[] = [];
      const answer = (accept: boolean) => async (params: { message: string; requestedSchema: unknown }) => {
        asked.push(params.message);
        const id = /type the \w+ \(([^)]+)\)/.exec(params.message)![1]!;
        return accept ? { action: 'accept' as const, content: { notebook_id: id } } : { action: 'decline' as const };
      };
      for (const accept of [false, true]) {
        const m = await open(['--confirm'], { era, ui: true, elicit: answer(accept) as never });
        const id = freshId();
        const args = NB.args(id);
        const called = await m.call(APP_TOOL, { tool: NB.tool, arguments: args, typed_id: args.notebook_id });
        expect(called.result.outcome).toBe(accept ? 'stop_requested' : 'declined');
        expect(sim.inventory.get(NB.family, NB.ids(id))!.stopRequests).toBe(accept ? 1 : 0);
        expect(m.audit.at(-1)).toMatchObject({ outcome: called.result.outcome, via: 'app' });
        await m.close();
      }
      expect(asked).toHaveLength(2);

      // A client that cannot be asked: refused as for the stop tool itself, nothing sent.
      const m = await open(['--confirm'], { era, ui: true });
      const id = freshId();
      const called = await m.call(APP_TOOL, {
        tool: NB.tool,
        arguments: NB.args(id),
        typed_id: NB.args(id).notebook_id,
      });
      expect(called.result).toMatchObject({ ok: false, error: { code: 'ConfirmationUnavailable' } });
      expect(stopsOf(NB.family, NB.ids(id))).toBe(0);
      await m.close();
    });

    it('stops what list_running_tasks lists, with the stop tool and arguments of its item', async () => {
      const m = await open([], { era, ui: true });
      const id = freshId();
      sim.inventory.put(NB.family, NB.ids(id));
      const listed = await m.call('list_running_tasks', { families: [NB.family], name_contains: `nb-${id}` });
      const [item] = listed.result.items;
      const called = await m.call(APP_TOOL, {
        tool: item.stop.tool,
        arguments: item.stop.arguments,
        typed_id: item.stop.arguments[NB.confirmField],
      });
      expect(called.result).toMatchObject({ ok: true, outcome: 'stop_requested', operation: NB.tool });
      expect(sim.inventory.get(NB.family, NB.ids(id))!.stopRequests).toBe(1);
      await m.close();
    });
  });
});
