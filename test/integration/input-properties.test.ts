// Property: for every tool, any input is either refused as invalid_input with nothing sent, or accepted with only
// safe ids, each request signed and sent to a route the provider has, carrying those ids (the list tool: to the
// list routes of the families asked for). Inputs are generated from each tool's own published input schema, mixing
// valid values with hostile ones.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPRINTABLE } from '../../src/core/text.js';
import type { RecordedRequest } from '../../src/simulator/server.js';
import { FAMILY_IDS, type FamilyId } from '../../src/core/ids.js';
import { FAMILIES } from '../../src/families/index.js';
import { allTools } from '../../src/tools/index.js';
import { PROJECT, connect, envFor, startFake } from '../helpers/harness.js';
import {
  HOSTILE_KEYS,
  HOSTILE_STRINGS,
  KNOWN_STRINGS,
  fitsFreeText,
  isFreeText,
  kindOf,
  namesField,
  refusedEnvelope,
  toolShapes,
  type PropSchema,
  type ToolShape,
} from '../helpers/inputs.js';
import { startProxy } from '../helpers/proxy.js';

const RUNS = 60;
const SAFE_ID = /^[A-Za-z0-9._-]{1,128}$/;
let guard: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  // Every non-loopback request goes to this local proxy, which refuses it: a generated input can never reach the internet.
  guard = await startProxy();
});
afterAll(() => guard.close());

/**
 * A simulator and a client for one tool's runs: tasks that one tool's calls create (the simulator creates unknown
 * ids on sight) never show up in another's runs, where the list tool would list them and end early at max_items.
 */
async function serve(tool: string) {
  const sim = await startFake();
  const mcp = await connect(
    envFor(sim, {
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
      HUAWEICLOUD_SDK_REGION_MODELARTS_AP_SOUTHEAST_1: sim.url,
      HTTPS_PROXY: guard.url,
      HTTP_PROXY: guard.url,
    }),
    ['--timeout-ms', '3000'],
  );
  const shape = (await toolShapes(mcp.client)).find((s) => s.name === tool)!;
  return { sim, mcp, shape, close: async () => void (await Promise.all([mcp.close(), sim.close()])) };
}

/** Inputs always tried besides the generated ones: cases a property run once found. */
const EXAMPLES: Record<string, Array<[Record<string, unknown>]>> = {
  list_running_tasks: [
    [{ dataset_ids: ['ds-1', 'ds-1'] }],
    [{ providers: ['qianfan', 'qianfan'], families: ['qianfan_evaluation_task', 'qianfan_evaluation_task'] }],
  ],
};

function validValue(p: PropSchema, freeText = false): fc.Arbitrary<unknown> {
  if (freeText) {
    // Any text that fits, hostile strings included: the tool takes them by design (test/helpers/inputs.ts FREE_TEXT).
    const max = Math.min(p.maxLength ?? 40, 40);
    return fc.oneof(
      fc.string({ unit: 'binary', minLength: p.minLength ?? 0, maxLength: max }),
      fc.constantFrom(...HOSTILE_STRINGS.filter((h) => fitsFreeText(p, h))),
    );
  }
  if (p.anyOf) return fc.oneof(...p.anyOf.map((b) => validValue(b)));
  if (p.enum) return fc.constantFrom(...p.enum);
  if (p.type === 'array') {
    // Few elements (every dataset id is one more request), the first one sometimes repeated.
    const elements = fc.array(validValue(p.items ?? {}), {
      minLength: p.minItems ?? 0,
      maxLength: Math.min(p.maxItems ?? 3, 3),
    });
    return fc.tuple(elements, fc.boolean()).map(([a, repeat]) => (repeat && a.length > 0 ? [...a, a[0]] : a));
  }
  if (p.type === 'boolean') return fc.boolean();
  if (p.type === 'integer' || p.type === 'number') {
    const min = p.minimum ?? 0;
    const max = Math.min(p.maximum ?? min + 5, min + 5); // small: a wait or a count stays short
    return p.type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  }
  if (p.type === 'string' && p.pattern) {
    return fc
      .stringMatching(new RegExp(p.pattern))
      .filter((s) => s.length >= (p.minLength ?? 0) && s.length <= (p.maxLength ?? Infinity));
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

/** Hostile values for a field; an array field also gets arrays with hostile elements among valid ones. */
function hostileFor(p: PropSchema): fc.Arbitrary<unknown> {
  if (p.type !== 'array') return hostileValue;
  const element = fc.oneof(validValue(p.items ?? {}), hostileValue);
  return fc.oneof(hostileValue, fc.array(element, { maxLength: 3 }));
}

function argsFor(shape: ToolShape): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    Object.entries(shape.props).map(([k, p]) => [
      k,
      fc.oneof(
        { weight: 4, arbitrary: validValue(p, isFreeText(shape.name, k)) },
        { weight: 1, arbitrary: hostileFor(p) },
      ),
    ]),
  );
  const known = fc.oneof(
    { weight: 4, arbitrary: fc.record(model, { requiredKeys: shape.required }) },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
  );
  const extraKey = fc
    .oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ minLength: 1, maxLength: 20 }))
    .filter((k) => !(k in shape.props) && k !== '__proto__');
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.dictionary(extraKey, hostileValue, { minKeys: 1, maxKeys: 3 }) },
  );
  return fc.tuple(known, extra).map(([k, e]) => ({ ...k, ...e }) as Record<string, unknown>);
}

/** Path segments (decoded) and top-level JSON body values of a request. */
function carried(req: RecordedRequest): string[] {
  const segments = req.path.split('/').map((s) => decodeURIComponent(s));
  const body =
    req.json && typeof req.json === 'object' ? Object.values(req.json as Record<string, unknown>).map(String) : [];
  return [...segments, ...body];
}

/**
 * A list call as the simulator saw it: the family that answered it (the simulator says which family's route took a
 * request), and the project and dataset its ModelArts path carries. The IAM project lookup counts as one too.
 */
function listRoute(req: RecordedRequest) {
  const iam = req.method === 'GET' && req.path === '/v3/projects';
  if (!iam && req.handled?.kind !== 'list') return undefined;
  const segments = req.path.split('/').map((x) => decodeURIComponent(x));
  const modelarts = req.provider === 'huaweicloud' && !iam;
  const dataset = /\/datasets\/([^/]+)\/tasks$/.exec(req.path)?.[1];
  return {
    family: req.handled?.family,
    values: {
      ...(modelarts ? { project_id: segments[2] } : {}),
      ...(dataset !== undefined ? { dataset_id: decodeURIComponent(dataset) } : {}),
    } as Record<string, string | undefined>,
  };
}

/** The families a validated list call asks for (both providers are configured and served here). */
function familiesAskedFor(args: Record<string, unknown>): FamilyId[] {
  const providers = args.providers as string[] | undefined;
  const families = (args.families as FamilyId[] | undefined) ?? FAMILY_IDS;
  return FAMILY_IDS.filter((f) => families.includes(f) && (!providers || providers.includes(FAMILIES[f].provider)));
}

/** Every string in a JSON value (query values, request bodies). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return typeof value === 'number' ? [String(value)] : [];
}

/**
 * Accepted by the list tool: it ran its discovery. Every request went to a list route of a family asked for,
 * signed, with only safe ids in its path, query and body (so no free text), in the project and datasets asked for,
 * and none was sent twice (a repeated id in the input is one id).
 */
function expectListed(args: Record<string, unknown>, r: Record<string, any>, sent: RecordedRequest[]) {
  expect(r).not.toHaveProperty('error');
  expect(sent.length).toBeGreaterThan(0);
  const asked = familiesAskedFor(args);
  const distinct = new Set(sent.map((req) => `${req.method} ${req.url} ${req.body}`));
  expect(distinct.size, 'a request sent twice').toBe(sent.length);
  for (const req of sent) {
    const where = `${req.method} ${req.url}`;
    const route = listRoute(req);
    expect(route, where).toBeDefined();
    expect(req.verdict.ok, where).toBe(true);
    expect(routeExists(req), where).toBe(true);
    if (route!.family) expect(asked, where).toContain(route!.family);
    for (const segment of req.path.split('/').slice(1)) expect(decodeURIComponent(segment), where).toMatch(SAFE_ID);
    for (const value of [...req.query.values(), ...strings(req.json)]) expect(value, where).toMatch(SAFE_ID);
    if (route!.values.project_id !== undefined)
      expect(route!.values.project_id, where).toBe(args.project_id ?? PROJECT);
    if (route!.values.dataset_id !== undefined && args.dataset_ids)
      expect(args.dataset_ids, where).toContain(route!.values.dataset_id);
  }
  for (const item of r.items as Array<{ stop: { arguments: Record<string, string> } }>) {
    for (const id of Object.values(item.stop.arguments)) expect(id).toMatch(SAFE_ID);
  }
  const errored = new Set((r.errors as Array<{ family: FamilyId }>).map((e) => e.family));
  expect([...errored].every((f) => asked.includes(f))).toBe(true);
  expect(r.ok).toBe(asked.some((f) => !errored.has(f)) || r.items.length > 0);
}

function routeExists(req: RecordedRequest): boolean {
  const body = (req.reply?.body ?? {}) as Record<string, unknown>;
  return req.reply !== undefined && body.error_code !== 'APIG.0101' && body.message !== 'No such API.';
}

describe.each(allTools.map((t) => t.name))('%s', (tool) => {
  let served: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    served = await serve(tool);
  });
  afterAll(() => served.close());

  it(`any generated input is refused with nothing sent, or sent signed to a real route carrying only safe ids (${RUNS} runs)`, async () => {
    const { sim, mcp, shape } = served;
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
          expect(r).toMatchObject({ ...refusedEnvelope(tool), error: { category: 'invalid_input', retryable: false } });
          const message = r.error.message as string;
          const named = Object.keys(shape.props).some((f) => namesField(message, f)) || message.startsWith('"');
          expect(named, message).toBe(true);
          expect(UNPRINTABLE.test(message)).toBe(false);
          expect(message.length).toBeLessThan(400);
          return;
        }

        if (kindOf(tool) === 'list') {
          expect(guard.seen.length).toBe(guardBefore); // both regions it can be given have local endpoints
          expectListed(args, r, sent);
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
      { numRuns: RUNS, examples: EXAMPLES[tool] ?? [] },
    );
  }, 120_000);
});
