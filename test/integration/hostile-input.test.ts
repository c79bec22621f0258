// Hostile input to every field of every tool: a clear invalid_input naming the field, nothing sent, nothing echoed
// that could confuse the agent, and the server still serving afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPRINTABLE } from '../../src/core/text.js';
import type { RecordedRequest, Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import { PROJECT, connect, envFor, startFake } from '../helpers/harness.js';
import {
  HOSTILE_KEYS,
  HOSTILE_STRINGS,
  fitsFreeText,
  isFreeText,
  kindOf,
  minimalArgs,
  namesField,
  nonMembers,
  placements,
  refusedEnvelope,
  toolShapes,
  wrongValues,
  type ToolShape,
} from '../helpers/inputs.js';

let sim: Simulator;
let mcp: Awaited<ReturnType<typeof connect>>;
let shapes: Map<string, ToolShape>;

beforeAll(async () => {
  sim = await startFake();
  mcp = await connect(envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }));
  shapes = new Map((await toolShapes(mcp.client)).map((s) => [s.name, s]));
});
afterAll(async () => {
  await mcp.close();
  await sim.close();
});

/** Calls and checks the refusal: nothing sent, the tool's refused shape, a message naming `field` (or starting with '"' for unknown fields). */
async function expectRefused(
  tool: string,
  args: Record<string, unknown>,
  field: string,
  hostile?: string,
): Promise<string> {
  const before = sim.requests.length;
  const called = await mcp.call(tool, args);
  const where = `${tool} ${JSON.stringify(args).slice(0, 120)}`;
  expect(sim.requests.length, where).toBe(before);
  expect(called.isError, where).toBe(true);
  expect(called.result, where).toMatchObject(refusedEnvelope(tool));
  expect(called.result.error, where).toMatchObject({
    code: 'InvalidInput',
    category: 'invalid_input',
    retryable: false,
  });
  const { message, hint } = called.result.error as { message: string; hint: string };
  expect(field === '"' ? message.startsWith('"') : namesField(message, field), `${where}: ${message}`).toBe(true);
  expect(UNPRINTABLE.test(message + hint), where).toBe(false);
  expect(message.length, where).toBeLessThan(400);
  if (hostile && hostile.length >= 3) expect(message.includes(hostile), where).toBe(false);
  return message;
}

/** Method, URL and body of each request, sorted (families run side by side), and whether any header carries `text`. */
function sentAs(requests: RecordedRequest[], text?: string) {
  const lines = requests.map((r) => `${r.method} ${r.url} ${r.body}`).sort();
  const inHeaders =
    text !== undefined &&
    text.length >= 3 &&
    requests.some((r) => Object.values(r.headers).some((v) => v.includes(text)));
  return { lines, inHeaders };
}

/**
 * A free-text field takes any string that fits its length, hostile or not: the call is accepted and the text
 * changes nothing that is sent (same URLs and bodies as without it, in no header, so in no signature), and it is
 * not echoed. Returns the result.
 */
async function expectFreeTextAccepted(tool: string, args: Record<string, unknown>, field: string, text: string) {
  const { [field]: _text, ...without } = args;
  let before = sim.requests.length;
  await mcp.call(tool, without);
  const baseline = sentAs(sim.requests.slice(before));
  before = sim.requests.length;
  const called = await mcp.call(tool, args);
  const where = `${tool} ${field}=${JSON.stringify(text).slice(0, 60)}`;
  const sent = sim.requests.slice(before);
  expect(called.isError, where).toBe(false);
  expect(called.result.error, where).toBeUndefined();
  expect(
    sent.every((r) => r.verdict.ok),
    where,
  ).toBe(true);
  expect(sentAs(sent, text), where).toEqual(baseline);
  // Task names come from the provider and may contain the text; nothing else in the answer does.
  const answer = JSON.stringify({
    ...called.result,
    items: (called.result.items as Array<Record<string, unknown>>).map(({ name: _name, ...rest }) => rest),
  });
  if (text.length >= 3) expect(answer.includes(JSON.stringify(text).slice(1, -1)), where).toBe(false);
  return called.result;
}

describe.each(allTools.map((t) => t.name))('%s', (tool) => {
  it('refuses every hostile string in every field, placed as the field takes it, naming the field (free text: takes what fits, sends none of it)', async () => {
    const shape = shapes.get(tool)!;
    for (const [field, schema] of Object.entries(shape.props)) {
      for (const hostile of HOSTILE_STRINGS) {
        if (isFreeText(tool, field) && fitsFreeText(schema, hostile))
          await expectFreeTextAccepted(tool, { ...minimalArgs(shape), [field]: hostile }, field, hostile);
        else
          for (const value of placements(schema, hostile))
            await expectRefused(tool, { ...minimalArgs(shape), [field]: value }, field, hostile);
      }
    }
  });

  it('refuses wrong JSON types, fractions, out-of-range numbers and wrong array elements, naming the field', async () => {
    const shape = shapes.get(tool)!;
    for (const [field, schema] of Object.entries(shape.props)) {
      for (const value of wrongValues(schema))
        await expectRefused(tool, { ...minimalArgs(shape), [field]: value }, field);
    }
  });

  it('refuses anything but a member in an enum field, or in an array of enum members', async () => {
    const shape = shapes.get(tool)!;
    const enums = Object.entries(shape.props).filter(([, schema]) => nonMembers(schema).length > 0);
    expect(enums.length > 0).toBe(kindOf(tool) === 'list'); // providers and families
    for (const [field, schema] of enums) {
      for (const value of nonMembers(schema))
        await expectRefused(tool, { ...minimalArgs(shape), [field]: value }, field);
    }
  });

  it('refuses a missing required field as "is required"', async () => {
    const shape = shapes.get(tool)!;
    // Only the list tool has no required field; {} is its minimal input (accepted below).
    expect(shape.required.length === 0).toBe(kindOf(tool) === 'list');
    for (const field of shape.required) {
      const { [field]: _omitted, ...rest } = minimalArgs(shape);
      expect(await expectRefused(tool, rest, field)).toBe(`${field}: is required`);
    }
  });

  it('refuses unknown fields, showing their names shortened and cleaned', async () => {
    const shape = shapes.get(tool)!;
    for (const key of HOSTILE_KEYS) {
      const args = { ...minimalArgs(shape) };
      Object.defineProperty(args, key, { value: 'v', enumerable: true, configurable: true, writable: true });
      // a plain name is shown as it is; an unprintable or very long one never verbatim
      const message = await expectRefused(tool, args, '"', UNPRINTABLE.test(key) || key.length > 40 ? key : undefined);
      if (!UNPRINTABLE.test(key) && key.length <= 40) expect(message.startsWith(`${JSON.stringify(key)}: `)).toBe(true);
      expect(message).toContain(`unknown field; ${tool} accepts only: ${Object.keys(shape.props).join(', ')}`);
    }
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`extra_${i}`, i]));
    const message = await expectRefused(tool, { ...minimalArgs(shape), ...many }, '"');
    expect(message.startsWith('"extra_0", "extra_1", "extra_2" and 497 more: unknown fields;')).toBe(true);
  });

  it('accepts its minimal valid input (so the refusals above are about the hostile part)', async () => {
    const shape = shapes.get(tool)!;
    const before = sim.requests.length;
    const called = await mcp.call(tool, minimalArgs(shape));
    expect(called.result.error?.category).not.toBe('invalid_input');
    expect(called.result.ok).toBe(true);
    expect(sim.requests.length).toBeGreaterThan(before);
  });
});

describe('list_running_tasks: name_contains is free text', () => {
  it('matches task names with any characters, ignoring case, and never sends the text', async () => {
    sim.inventory.put(
      'qianfan_batch_inference_task',
      { task_id: 'infer-hostile-name' },
      { state: 'running', name: 'Nightly 任务-1 ÜMLAUT a/b ..\u202e' },
    );
    const names = async (text: string) => {
      const result = await expectFreeTextAccepted('list_running_tasks', { name_contains: text }, 'name_contains', text);
      return (result.items as Array<{ name: string }>).map((i) => i.name);
    };
    // matched against the provider's name as it is, shown as one clean line (the bidi override removed)
    for (const text of ['任务-1', 'ümlaut', 'a/b ..', 'nightly', '\u202e'])
      expect(await names(text), text).toEqual(['Nightly 任务-1 ÜMLAUT a/b ..']);
    for (const text of ['任务-2', '\u202eevil\u202c', 'x'.repeat(128)]) expect(await names(text), text).toEqual([]);
    await expectRefused('list_running_tasks', { name_contains: 'x'.repeat(129) }, 'name_contains');
  });
});

describe('arguments that are not an object', () => {
  it.each([['a string'], [42], [['id-1']], [null]])(
    '%j is refused by the protocol layer and the server keeps serving',
    async (args) => {
      const before = sim.requests.length;
      const outcome = await mcp.client
        .request({ method: 'tools/call', params: { name: 'qianfan_stop_fine_tuning_task', arguments: args as never } })
        .then(
          (r) => (r.isError ? 'error result' : 'accepted'),
          () => 'protocol error',
        );
      expect(outcome).not.toBe('accepted');
      expect(sim.requests.length).toBe(before);
      const ok = await mcp.call('qianfan_get_fine_tuning_task', { task_id: 'task-after-hostile' });
      expect(ok.result).toMatchObject({ ok: true, outcome: 'status' });
    },
  );

  it('a "__proto__" field pollutes nothing (the SDK drops it before validation)', async () => {
    const args = JSON.parse('{"task_id":"task-proto","__proto__":{"polluted":"yes"}}') as Record<string, unknown>;
    const called = await mcp.call('qianfan_get_fine_tuning_task', args);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(called.result.target).toEqual({ task_id: 'task-proto' });
    expect(sim.requests.at(-1)!.json).toEqual({ taskId: 'task-proto' });
  });
});
