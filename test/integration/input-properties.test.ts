// Property: for every tool, any input is either refused as invalid_input with nothing sent, or accepted with only
// safe ids, each request signed and sent to a route the provider has, carrying those ids. Inputs are generated
// from each tool's own published input schema, mixing valid values with hostile ones.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPRINTABLE } from '../../src/errors.js';
import type { RecordedRequest, Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import { PROJECT, connect, envFor, startFake } from '../helpers/harness.js';
import { HOSTILE_KEYS, HOSTILE_STRINGS, KNOWN_STRINGS, toolShapes, type PropSchema, type ToolShape } from '../helpers/inputs.js';
import { startProxy } from '../helpers/proxy.js';

const RUNS = 60;
const SAFE_ID = /^[A-Za-z0-9._-]{1,128}$/;
let sim: Simulator;
let guard: Awaited<ReturnType<typeof startProxy>>;
let mcp: Awaited<ReturnType<typeof connect>>;
let shapes: Map<string, ToolShape>;

beforeAll(async () => {
  sim = await startFake();
  // Every non-loopback request goes to this local proxy, which refuses it: a generated input can never reach the internet.
  guard = await startProxy();
  mcp = await connect(
    envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT, HUAWEICLOUD_SDK_REGION_MODELARTS_AP_SOUTHEAST_1: sim.url, HTTPS_PROXY: guard.url, HTTP_PROXY: guard.url }),
    ['--timeout-ms', '3000'],
  );
  shapes = new Map((await toolShapes(mcp.client)).map((s) => [s.name, s]));
});
afterAll(async () => {
  await mcp.close();
  await guard.close();
  await sim.close();
});

function validValue(p: PropSchema): fc.Arbitrary<unknown> {
  if (p.anyOf) return fc.oneof(...p.anyOf.map(validValue));
  if (p.enum) return fc.constantFrom(...p.enum);
  if (p.type === 'boolean') return fc.boolean();
  if (p.type === 'integer' || p.type === 'number') {
    const min = p.minimum ?? 0;
    const max = Math.min(p.maximum ?? min + 5, min + 5); // small: a wait or a count stays short
    return p.type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  }
  if (p.type === 'string' && p.pattern) {
    return fc.stringMatching(new RegExp(p.pattern)).filter((s) => s.length >= (p.minLength ?? 0) && s.length <= (p.maxLength ?? Infinity));
  }
  return fc.constantFrom(...KNOWN_STRINGS);
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 200 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.array(fc.integer(), { maxLength: 2 }),
);

function argsFor(shape: ToolShape): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    Object.entries(shape.props).map(([k, p]) => [k, fc.oneof({ weight: 4, arbitrary: validValue(p) }, { weight: 1, arbitrary: hostileValue })]),
  );
  const known = fc.oneof(
    { weight: 4, arbitrary: fc.record(model, { requiredKeys: shape.required }) },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
  );
  const extraKey = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ minLength: 1, maxLength: 20 })).filter((k) => !(k in shape.props) && k !== '__proto__');
  const extra = fc.oneof({ weight: 6, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(extraKey, hostileValue, { minKeys: 1, maxKeys: 3 }) });
  return fc.tuple(known, extra).map(([k, e]) => ({ ...k, ...e }) as Record<string, unknown>);
}

/** Path segments (decoded) and top-level JSON body values of a request. */
function carried(req: RecordedRequest): string[] {
  const segments = req.path.split('/').map((s) => decodeURIComponent(s));
  const body = req.json && typeof req.json === 'object' ? Object.values(req.json as Record<string, unknown>).map(String) : [];
  return [...segments, ...body];
}

function routeExists(req: RecordedRequest): boolean {
  const body = (req.reply?.body ?? {}) as Record<string, unknown>;
  return req.reply !== undefined && body.error_code !== 'APIG.0101' && body.message !== 'No such API.';
}

describe.each(allTools.filter((t) => t.kind !== 'list').map((t) => t.name))('%s', (tool) => {
  it(`any generated input is refused with nothing sent, or sent signed to a real route carrying only safe ids (${RUNS} runs)`, async () => {
    const shape = shapes.get(tool)!;
    await fc.assert(
      fc.asyncProperty(argsFor(shape), async (args) => {
        const before = sim.requests.length;
        const guardBefore = guard.seen.length;
        const called = await mcp.call(tool, args);
        const sent = sim.requests.slice(before);
        const r = called.result;
        expect(called.isError).toBe(!r.ok);

        if (r.error?.code === 'InvalidInput') {
          expect(sent).toEqual([]);
          expect(guard.seen.length).toBe(guardBefore);
          expect(r).toMatchObject({ ok: false, outcome: 'failed', http_status: null, request_id: null, attempts: 0, error: { category: 'invalid_input', retryable: false } });
          const message = r.error.message as string;
          const named = Object.keys(shape.props).some((f) => message.startsWith(`${f}: `)) || message.startsWith('"');
          expect(named, message).toBe(true);
          expect(UNPRINTABLE.test(message)).toBe(false);
          expect(message.length).toBeLessThan(400);
          return;
        }

        // Accepted by us: any invalid_input from here on is the provider's own answer.
        if (r.error?.category === 'invalid_input') expect(r.http_status).not.toBeNull();
        const ids = Object.entries(r.target as Record<string, string>);
        for (const [, id] of ids) {
          expect(id).toMatch(SAFE_ID);
          expect(['.', '..']).not.toContain(id);
        }
        // A valid region without a configured endpoint goes to its public endpoint: through the guard, refused there.
        for (const seen of guard.seen.slice(guardBefore)) {
          expect(seen.target).toMatch(new RegExp(`^modelarts\\.${r.target.region}\\.myhuaweicloud\\.(com|cn):443$`));
        }
        if (sent.length === 0) {
          expect(r.attempts ?? 0).toBe(guard.seen.length - guardBefore);
          return;
        }
        for (const req of sent) {
          expect(req.verdict.ok).toBe(true);
          expect(routeExists(req), `${req.method} ${req.url}`).toBe(true);
          for (const segment of req.path.split('/').slice(1)) expect(decodeURIComponent(segment)).toMatch(SAFE_ID);
        }
        const own = ids.filter(([k]) => k !== 'region').map(([, id]) => id);
        expect(sent.some((req) => own.every((id) => carried(req).includes(id)))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
