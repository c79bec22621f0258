// Tolerant readers for provider JSON, whose field types vary between API families.
export type JsonObject = Record<string, unknown>;

export function asObject(v: unknown): JsonObject | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

/** A non-empty string, or a number as a string (legacy codes and log ids are integers). */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A table's own entry for a key that came from outside (an inherited name such as "constructor" is no entry). */
export function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A provider timestamp as text: epoch milliseconds become ISO 8601 UTC, strings are kept as the provider wrote them. */
export function timeOf(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? new Date(value).toISOString() : str(value);
}
