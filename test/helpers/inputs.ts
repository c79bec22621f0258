// Inputs derived from each tool's own published input schema (what tools/list shows an agent), so tests cover
// every tool and every field, including ones added later, without listing them by hand.
import type { Client } from '@modelcontextprotocol/client';
import { allTools } from '../../src/tools/index.js';

export interface PropSchema {
  type?: string;
  anyOf?: PropSchema[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: PropSchema;
  minItems?: number;
  maxItems?: number;
}

export interface ToolShape {
  name: string;
  props: Record<string, PropSchema>;
  required: string[];
}

export async function toolShapes(client: Client): Promise<ToolShape[]> {
  const { tools } = await client.listTools();
  return tools.map((t) => ({
    name: t.name,
    props: (t.inputSchema.properties ?? {}) as Record<string, PropSchema>,
    required: (t.inputSchema.required ?? []) as string[],
  }));
}

/** The JSON types a property accepts. */
export function typesOf(p: PropSchema): Set<string> {
  if (p.anyOf) return new Set(p.anyOf.flatMap((b) => [...typesOf(b)]));
  if (p.enum) return new Set(p.enum.map((v) => (v === null ? 'null' : typeof v)));
  return new Set(p.type ? [p.type] : []);
}

/**
 * Fields that take free text by design, from each tool's own validation: list_running_tasks matches name_contains
 * against task names on our side (task names may be Chinese, or hold any character) and never sends it, so it
 * accepts any string of minLength..maxLength. Every other string field has a pattern, an enum or a check of its own.
 */
export const FREE_TEXT: Readonly<Record<string, readonly string[]>> = { list_running_tasks: ['name_contains'] };

export const isFreeText = (tool: string, field: string): boolean => FREE_TEXT[tool]?.includes(field) ?? false;

/** Whether a free-text field takes this string (its published length bounds). */
export const fitsFreeText = (p: PropSchema, text: string): boolean =>
  text.length >= (p.minLength ?? 0) && text.length <= (p.maxLength ?? Infinity);

export function kindOf(tool: string): 'stop' | 'status' | 'list' {
  return allTools.find((t) => t.name === tool)!.kind;
}

/** What every refused call answers, besides `error`: the list tool has its own result shape. */
export function refusedEnvelope(tool: string): Record<string, unknown> {
  return kindOf(tool) === 'list'
    ? { ok: false, items: [], truncated: false, errors: [] }
    : { ok: false, outcome: 'failed', operation: tool, http_status: null, request_id: null, attempts: 0 };
}

/** A refusal names the field, or for an array the field and the element ("providers.1: ..."). */
export function namesField(message: string, field: string): boolean {
  return (
    message.startsWith(`${field}: `) ||
    (message.startsWith(`${field}.`) && /^\d+: /.test(message.slice(field.length + 1)))
  );
}

/** Strings that are valid for a string field without a pattern (the region field); both have simulator endpoints. */
export const KNOWN_STRINGS = ['cn-north-4', 'ap-southeast-1'];

/** One valid value for a property, from its schema. */
export function sampleValue(p: PropSchema): unknown {
  if (p.anyOf) return sampleValue(p.anyOf[0]!);
  if (p.type === 'array') return Array.from({ length: Math.max(p.minItems ?? 0, 1) }, () => sampleValue(p.items ?? {}));
  if (p.enum) return p.enum[0];
  if (p.type === 'boolean') return false;
  if (p.type === 'integer' || p.type === 'number') return p.minimum ?? 0;
  if (p.type === 'string' && p.pattern) {
    const re = new RegExp(p.pattern);
    return ['id-1', '123', 'a'].find(
      (c) => re.test(c) && c.length >= (p.minLength ?? 0) && c.length <= (p.maxLength ?? Infinity),
    );
  }
  return KNOWN_STRINGS[0];
}

/** The smallest valid input: every required field with a sample value. */
export function minimalArgs(shape: ToolShape): Record<string, unknown> {
  return Object.fromEntries(shape.required.map((k) => [k, sampleValue(shape.props[k]!)]));
}

/** Where a hostile string goes in a field: as its value, and for an array field also as an element, alone and after a valid one. */
export function placements(p: PropSchema, hostile: string): unknown[] {
  return p.type === 'array' ? [hostile, [hostile], [sampleValue(p.items ?? {}), hostile]] : [hostile];
}

/** Values of the wrong JSON type or out of range for a field, whatever its type. */
export function wrongValues(p: PropSchema): unknown[] {
  const types = typesOf(p);
  const branches = p.anyOf ?? [p];
  const wrong: unknown[] = [{}, { id: 'x' }];
  if (!types.has('null')) wrong.push(null);
  if (!types.has('boolean')) wrong.push(true, false);
  if (!types.has('number')) wrong.push(1.5, 1e-7, 2 ** 53 + 2, 1e300);
  if (!types.has('string')) wrong.push('true', '1');
  for (const b of branches.filter((b) => b.type === 'integer')) {
    if (b.minimum !== undefined) wrong.push(b.minimum - 1);
    if (b.maximum !== undefined && b.maximum < Number.MAX_SAFE_INTEGER) wrong.push(b.maximum + 1);
  }
  if (!types.has('integer') && !types.has('number')) wrong.push(-1, 0);
  if (!types.has('array')) return [...wrong, [], ['id-1']];
  // An array field: the wrong elements, and too few or too many of the right one.
  const item = sampleValue(p.items ?? {});
  wrong.push([1], [null], [true], [{}], [[item]], [item, 1.5]);
  if ((p.minItems ?? 0) > 0) wrong.push([]);
  if (p.maxItems !== undefined) wrong.push(Array.from({ length: p.maxItems + 1 }, () => item));
  return wrong;
}

/** Near misses of an enum's members (wrong case, padding, a NUL, another field's id), for a field or its elements. */
export function nonMembers(p: PropSchema): unknown[] {
  const members = (p.enum ?? p.items?.enum ?? []).filter((m): m is string => typeof m === 'string');
  if (members.length === 0) return [];
  const first = members[0]!;
  const misses = [
    'id-1',
    first.toUpperCase(),
    ` ${first}`,
    `${first} `,
    `${first}\u0000`,
    `${first}s`,
    first.slice(0, -1),
    members.join(','),
  ];
  return p.enum ? misses : [...misses.map((m) => [m]), ...misses.map((m) => [first, m])];
}

/** Strings no id, enum, region or number field accepts (free-text fields take those that fit their length): control characters, CR/LF, NUL, bidi, non-ASCII, separators, dot segments, 5,000 characters. */
export const HOSTILE_STRINGS = [
  'a\r\nb',
  'x\nInjected: header',
  'nul\u0000byte',
  'bell\u0007\u001b[31m',
  '\u202eevil\u202c',
  'iso\u2066x\u2069',
  'zero\u200bwidth',
  '\ufeffbom',
  'ümlaut',
  '任务-1',
  'emoji😀',
  'a/b',
  'a\\b',
  '../x',
  'a%2Fb',
  '%2e%2e',
  '.',
  '..',
  '',
  ' padded ',
  'tab\there',
  'x'.repeat(5000),
];

/** Unknown field names an agent (or an attacker) might send ("__proto__" is dropped by the SDK before validation). */
export const HOSTILE_KEYS = [
  'force',
  'constructor',
  'x\u0000y',
  '\u202eadmin\u202c',
  '../../etc/passwd',
  'k'.repeat(5000),
  'TASK_ID',
  'line\r\nbreak',
  'constructor',
  'toString',
];
