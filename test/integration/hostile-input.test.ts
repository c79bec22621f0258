// Hostile input to every field of every tool: a clear invalid_input naming the field, nothing sent, nothing echoed
// that could confuse the agent, and the server still serving afterwards.
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPRINTABLE } from '../../src/errors.js';
import type { Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import { PROJECT, connect, envFor, startFake } from '../helpers/harness.js';
import { HOSTILE_KEYS, HOSTILE_STRINGS, minimalArgs, toolShapes, typesOf, type ToolShape } from '../helpers/inputs.js';

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

/** Calls and checks the refusal (the message starts with `prefix`, normally "field: "); returns the message. */
async function expectRefused(tool: string, args: Record<string, unknown>, prefix: string, hostile?: string): Promise<string> {
  const before = sim.requests.length;
  const called = await mcp.call(tool, args);
  const where = `${tool} ${JSON.stringify(args).slice(0, 120)}`;
  expect(sim.requests.length, where).toBe(before);
  expect(called.isError, where).toBe(true);
  expect(called.result, where).toMatchObject({ ok: false, outcome: 'failed', operation: tool, http_status: null, request_id: null, attempts: 0 });
  expect(called.result.error, where).toMatchObject({ code: 'InvalidInput', category: 'invalid_input', retryable: false });
  const { message, hint } = called.result.error as { message: string; hint: string };
  expect(message.startsWith(prefix), `${where}: ${message}`).toBe(true);
  expect(UNPRINTABLE.test(message + hint), where).toBe(false);
  expect(message.length, where).toBeLessThan(400);
  if (hostile && hostile.length >= 3) expect(message.includes(hostile), where).toBe(false);
  return message;
}

describe.each(allTools.filter((t) => t.kind !== 'list').map((t) => t.name))('%s', (tool) => {
  it('refuses every hostile string in every field, naming the field', async () => {
    const shape = shapes.get(tool)!;
    for (const field of Object.keys(shape.props)) {
      for (const hostile of HOSTILE_STRINGS) await expectRefused(tool, { ...minimalArgs(shape), [field]: hostile }, `${field}: `, hostile);
    }
  });

  it('refuses wrong JSON types and fractions, naming the field', async () => {
    const shape = shapes.get(tool)!;
    for (const [field, schema] of Object.entries(shape.props)) {
      const types = typesOf(schema);
      const numeric = types.has('number') || types.has('integer');
      const wrong: unknown[] = [{}, [], ['id-1'], { id: 'x' }];
      if (!types.has('null')) wrong.push(null);
      if (!types.has('boolean')) wrong.push(true, false);
      if (!types.has('number')) wrong.push(1.5, 1e-7, 2 ** 53 + 2, 1e300);
      if (!numeric || (schema.anyOf ?? [schema]).every((b) => b.type !== 'integer' || (b.minimum ?? -1) >= 0)) wrong.push(-1);
      for (const value of wrong) await expectRefused(tool, { ...minimalArgs(shape), [field]: value }, `${field}: `);
    }
  });

  it('refuses a missing required field as "is required"', async () => {
    const shape = shapes.get(tool)!;
    for (const field of shape.required) {
      const { [field]: _omitted, ...rest } = minimalArgs(shape);
      expect(await expectRefused(tool, rest, `${field}: `)).toBe(`${field}: is required`);
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
    const called = await mcp.call(tool, minimalArgs(shape));
    expect(called.result.error?.category).not.toBe('invalid_input');
  });
});

describe('arguments that are not an object', () => {
  it.each([['a string'], [42], [['id-1']], [null]])('%j is refused by the protocol layer and the server keeps serving', async (args) => {
    const before = sim.requests.length;
    const outcome = await mcp.client
      .request({ method: 'tools/call', params: { name: 'qianfan_stop_fine_tuning_task', arguments: args as never } }, CallToolResultSchema)
      .then((r) => (r.isError ? 'error result' : 'accepted'), () => 'protocol error');
    expect(outcome).not.toBe('accepted');
    expect(sim.requests.length).toBe(before);
    const ok = await mcp.call('qianfan_get_fine_tuning_task', { task_id: 'task-after-hostile' });
    expect(ok.result).toMatchObject({ ok: true, outcome: 'status' });
  });

  it('a "__proto__" field pollutes nothing (the SDK drops it before validation)', async () => {
    const args = JSON.parse('{"task_id":"task-proto","__proto__":{"polluted":"yes"}}') as Record<string, unknown>;
    const called = await mcp.call('qianfan_get_fine_tuning_task', args);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(called.result.target).toEqual({ task_id: 'task-proto' });
    expect(sim.requests.at(-1)!.json).toEqual({ taskId: 'task-proto' });
  });
});
