// The rounds of a confirmation with a 2026-07-28 client, driven by hand: the first call answers input_required with
// the question and a sealed state; the call made again with the answer and that state stops the task. An answer
// cannot be replayed onto another task or tool, after the state expired, or with the state altered or left out.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClients } from '../../src/clients.js';
import { loadConfig } from '../../src/config.js';
import { createServer } from '../../src/server.js';
import type { Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import { isStop } from '../helpers/families.js';
import { FAST_POLL, FAST_RETRY, MODERN, envFor, startFake } from '../helpers/harness.js';

let sim: Simulator;
let client: Client;
let handler: ReturnType<typeof createMcpHandler>;

beforeAll(async () => {
  sim = await startFake({ stoppingMs: 0 });
  const config = loadConfig(envFor(sim), ['--confirm']);
  const deps = {
    tools: allTools,
    clients: createClients(config, undefined, FAST_RETRY),
    confirm: true,
    poll: FAST_POLL,
  };
  handler = createMcpHandler(({ era }) => createServer(deps, { era, stateless: era === 'legacy' }));
  client = new Client(
    { name: 'manual-rounds', version: '1.0.0' },
    {
      capabilities: { elicitation: { form: {} } },
      versionNegotiation: { mode: { pin: MODERN } },
      inputRequired: { autoFulfill: false },
    },
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL('http://mcp.test/mcp'), {
      fetch: (url, init) => handler.fetch(new Request(url, init)),
    }),
  );
});
afterAll(async () => {
  await client.close();
  await handler.close();
  await sim.close();
});
afterEach(() => vi.useRealTimers());

type Round = { resultType?: string; inputRequests?: Record<string, any>; requestState?: string } & Record<string, any>;

/** One round of tools/call, as the client sends it: input_required answers come back as they are. */
async function call(name: string, args: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Round> {
  return (await client.request(
    { method: 'tools/call', params: { name, arguments: args, ...extra } } as never,
    { allowInputRequired: true } as never,
  )) as Round;
}

const stopsOf = (taskId: string) => sim.requests.filter((r) => isStop(r) && r.body.includes(taskId)).length;
const accept = (task_id: string) => ({ confirm: { action: 'accept', content: { task_id } } });

describe('a 2026-07-28 client confirms in two rounds', () => {
  it('the first round asks (input_required, a sealed state) and sends nothing; the second stops the task', async () => {
    const first = await call('qianfan_stop_fine_tuning_task', { task_id: 'task-round-1' });
    expect(first.resultType).toBe('input_required');
    expect(first.inputRequests?.confirm).toMatchObject({
      method: 'elicitation/create',
      params: { mode: 'form', requestedSchema: { required: ['task_id'] } },
    });
    expect(first.inputRequests!.confirm.params.message).toContain('type the task_id (task-round-1)');
    expect(first.requestState).toMatch(/^v1\./);
    expect(stopsOf('task-round-1')).toBe(0);

    const second = await call(
      'qianfan_stop_fine_tuning_task',
      { task_id: 'task-round-1' },
      { inputResponses: accept('task-round-1'), requestState: first.requestState },
    );
    expect(second.structuredContent).toMatchObject({ ok: true, outcome: 'stop_requested', attempts: 2 });
    expect(stopsOf('task-round-1')).toBe(1);
  });

  it.each([
    ['decline', { confirm: { action: 'decline' } }, 'The user declined the confirmation; nothing was sent.'],
    ['cancel', { confirm: { action: 'cancel' } }, 'The user cancelled the confirmation; nothing was sent.'],
    ['a wrong id', accept('task-round-other'), 'The task_id typed to confirm did not match task-round-2'],
  ])('%s: declined, nothing sent', async (_what, inputResponses, note) => {
    const first = await call('qianfan_stop_fine_tuning_task', { task_id: 'task-round-2' });
    const second = await call(
      'qianfan_stop_fine_tuning_task',
      { task_id: 'task-round-2' },
      { inputResponses, requestState: first.requestState },
    );
    expect(second.structuredContent).toMatchObject({ ok: true, outcome: 'declined', attempts: 0 });
    expect(second.structuredContent.note).toContain(note);
    expect(stopsOf('task-round-2')).toBe(0);
  });

  it('an answer replayed onto another task (its state sealed for the first) is refused, nothing sent', async () => {
    const first = await call('qianfan_stop_fine_tuning_task', { task_id: 'task-round-3' });
    const replay = await call(
      'qianfan_stop_fine_tuning_task',
      { task_id: 'task-round-4' },
      { inputResponses: accept('task-round-4'), requestState: first.requestState },
    );
    expect(replay.isError).toBe(true);
    expect(replay.structuredContent).toMatchObject({
      ok: false,
      error: { code: 'ConfirmationInvalid', category: 'invalid_input' },
    });
    expect(stopsOf('task-round-3') + stopsOf('task-round-4')).toBe(0);
  });

  it('an answer replayed onto another tool with the same id is refused, nothing sent', async () => {
    const first = await call('qianfan_stop_fine_tuning_task', { task_id: 'task-round-5' });
    const replay = await call(
      'qianfan_stop_batch_inference_task',
      { task_id: 'task-round-5' },
      { inputResponses: accept('task-round-5'), requestState: first.requestState },
    );
    expect(replay.structuredContent).toMatchObject({ ok: false, error: { code: 'ConfirmationInvalid' } });
    expect(stopsOf('task-round-5')).toBe(0);
  });

  it('an altered state is a -32602 protocol error before the tool runs; a missing one is refused; nothing sent', async () => {
    const first = await call('qianfan_stop_fine_tuning_task', { task_id: 'task-round-6' });
    const [head, body, mac] = first.requestState!.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    payload.p = {
      tool: 'qianfan_stop_fine_tuning_task',
      target: { task_id: 'task-round-7' },
      expected: 'task-round-7',
    };
    const forged = `${head}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${mac}`;
    for (const requestState of [forged, 'not-a-state']) {
      await expect(
        call(
          'qianfan_stop_fine_tuning_task',
          { task_id: 'task-round-7' },
          { inputResponses: accept('task-round-7'), requestState },
        ),
      ).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('Invalid or expired requestState') });
    }
    const missing = await call(
      'qianfan_stop_fine_tuning_task',
      { task_id: 'task-round-7' },
      { inputResponses: accept('task-round-7') },
    );
    expect(missing.structuredContent).toMatchObject({ ok: false, error: { code: 'ConfirmationInvalid' } });
    expect(stopsOf('task-round-7')).toBe(0);
  });

  it('an answer given after the state expired (5 minutes) is a -32602 protocol error, nothing sent', async () => {
    const first = await call('qianfan_stop_fine_tuning_task', { task_id: 'task-round-8' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5 * 60_000 + 1_000);
    const late = call(
      'qianfan_stop_fine_tuning_task',
      { task_id: 'task-round-8' },
      { inputResponses: accept('task-round-8'), requestState: first.requestState },
    );
    await expect(late).rejects.toMatchObject({ code: -32602 });
    vi.useRealTimers();
    expect(stopsOf('task-round-8')).toBe(0);
  });

  it('confirmed, but the task finished meanwhile: the status is read again and no stop is sent', async () => {
    const first = await call('qianfan_stop_fine_tuning_task', { task_id: 'task-round-9' });
    sim.inventory.put('qianfan_fine_tuning_task', { task_id: 'task-round-9' }, { state: 'succeeded' });
    const second = await call(
      'qianfan_stop_fine_tuning_task',
      { task_id: 'task-round-9' },
      { inputResponses: accept('task-round-9'), requestState: first.requestState },
    );
    expect(second.structuredContent).toMatchObject({ ok: true, outcome: 'already_finished', status: { raw: 'Done' } });
    expect(stopsOf('task-round-9')).toBe(0);
  });
});
