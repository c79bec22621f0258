// A "__proto__" key in a JSON message is an own key after JSON.parse, but any copy into a plain object drops it or
// turns it into a prototype (the SDK's own argument parsing drops it), so `{"__proto__": {"dry_run": true}}` would
// arrive as a plain stop. The transports rename such keys before the SDK sees the message, so input validation
// refuses them by name ("unknown field") like any other unknown field.

export const RENAMED_PROTO = '(__proto__)';

/** The value with every own "__proto__" key, at any depth, renamed to RENAMED_PROTO. */
export function renameProtoKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameProtoKeys);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const inner = renameProtoKeys((value as Record<string, unknown>)[key]);
    Object.defineProperty(out, key === '__proto__' ? RENAMED_PROTO : key, {
      value: inner,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Whether JSON text can hold a "__proto__" key: it names it, or it has a \u escape, which could spell it
 * (`"\u005f_proto__"` parses to the same key). Text that cannot is passed on without a walk over the parsed value.
 */
export function mayHoldProtoKey(text: string): boolean {
  return text.includes('__proto__') || text.includes('\\u');
}

/** One JSON-RPC line as it should reach the SDK: unchanged unless it can have a "__proto__" key (checked cheaply first). */
export function guardJsonLine(line: string): string {
  if (!mayHoldProtoKey(line)) return line;
  try {
    return JSON.stringify(renameProtoKeys(JSON.parse(line)));
  } catch {
    return line; // not JSON: the SDK answers it as a parse error
  }
}
