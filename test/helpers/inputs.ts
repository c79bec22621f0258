// Inputs derived from each tool's own published input schema (what tools/list shows an agent), so tests cover
// every tool and every field, including ones added later, without listing them by hand.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

export interface PropSchema {
  type?: string;
  anyOf?: PropSchema[];
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
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

/** Strings that are valid for a string field without a pattern (the region field); both have simulator endpoints. */
export const KNOWN_STRINGS = ['cn-north-4', 'ap-southeast-1'];

/** One valid value for a property, from its schema. */
export function sampleValue(p: PropSchema): unknown {
  if (p.anyOf) return sampleValue(p.anyOf[0]!);
  if (p.enum) return p.enum[0];
  if (p.type === 'boolean') return false;
  if (p.type === 'integer' || p.type === 'number') return p.minimum ?? 0;
  if (p.type === 'string' && p.pattern) {
    const re = new RegExp(p.pattern);
    return ['id-1', '123', 'a'].find((c) => re.test(c) && c.length >= (p.minLength ?? 0) && c.length <= (p.maxLength ?? Infinity));
  }
  return KNOWN_STRINGS[0];
}

/** The smallest valid input: every required field with a sample value. */
export function minimalArgs(shape: ToolShape): Record<string, unknown> {
  return Object.fromEntries(shape.required.map((k) => [k, sampleValue(shape.props[k]!)]));
}

/** Strings no field accepts: control characters, CR/LF, NUL, bidi, non-ASCII, separators, dot segments, 5,000 characters. */
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
export const HOSTILE_KEYS = ['force', 'x\u0000y', '\u202eadmin\u202c', '../../etc/passwd', 'k'.repeat(5000), 'TASK_ID', 'line\r\nbreak', 'constructor', 'toString'];
