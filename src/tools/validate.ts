// Input validation with answers an agent can act on: the field, what is wrong, and what is allowed.
import * as z from 'zod/v4';
import { inputError, type ToolError } from '../core/errors.js';
import { cleanText } from '../core/text.js';
import type { AnyToolDefinition } from './define.js';

/** What validation reads of a tool: its name and input shape. */
type Validatable = Pick<AnyToolDefinition, 'name' | 'input'>;

const schemas = new WeakMap<Validatable, z.ZodObject>();

/** The strict schema of a tool (unknown fields are refused), built on first use. */
export function inputSchemaOf(def: Validatable): z.ZodObject {
  let schema = schemas.get(def);
  if (!schema) {
    schema = z.strictObject(def.input);
    schemas.set(def, schema);
  }
  return schema;
}

export type Validated = { ok: true; value: Record<string, unknown> } | { ok: false; error: ToolError };

/** Keys that JSON.parse keeps as own properties but that a copy into an object may drop or turn into a prototype. */
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * The forbidden key the arguments carry: as an own key, or as the trace a copied `"__proto__": {…}` leaves (the
 * object's prototype replaced), which would otherwise let `{"__proto__": {"dry_run": true}}` pass unseen.
 */
function forbiddenKey(args: unknown): string | undefined {
  if (!args || typeof args !== 'object' || Array.isArray(args)) return undefined;
  const proto = Object.getPrototypeOf(args);
  if (proto !== Object.prototype && proto !== null) return '__proto__';
  return FORBIDDEN_KEYS.find((k) => Object.hasOwn(args, k));
}

export function validateInput(def: Validatable, args: unknown): Validated {
  const forbidden = forbiddenKey(args);
  if (forbidden) {
    const allowed = Object.keys(def.input).join(', ');
    return {
      ok: false,
      error: inputError(JSON.stringify(forbidden), `unknown field; ${def.name} accepts only: ${allowed}`),
    };
  }
  const parsed = inputSchemaOf(def).safeParse(args ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as Record<string, unknown> };
  const issue = parsed.error.issues[0]!;
  const allowed = Object.keys(def.input).join(', ');
  if (issue.code === 'unrecognized_keys') {
    // Field names are the caller's text: shown shortened and cleaned, and only the first few of them.
    const shown = issue.keys.slice(0, 3).map((k) => JSON.stringify(cleanText(k, 40) || '?'));
    const keys = shown.join(', ') + (issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : '');
    return {
      ok: false,
      error: inputError(keys, `unknown field${issue.keys.length > 1 ? 's' : ''}; ${def.name} accepts only: ${allowed}`),
    };
  }
  const field = issue.path.map(String).join('.') || '(arguments)';
  const given = args && typeof args === 'object' ? (args as Record<string, unknown>)[String(issue.path[0])] : undefined;
  const message = given === undefined && issue.path.length === 1 ? 'is required' : issue.message;
  return { ok: false, error: inputError(cleanText(field, 60), message) };
}
