// A family's status values (docs/providers.md §3) mapped to one vocabulary. Undocumented values map to "unknown".
import { cleanText } from '../core/text.js';
import type { State, Status } from '../tools/schemas.js';

/** The provider's status value (as a string) to our state and the provider's own name for it. */
export type StatusTable = Readonly<Record<string, readonly [State, string]>>;

export function mapStatus(table: StatusTable, raw: unknown): Status {
  // An undocumented string is the provider's text: kept, but as one short clean line.
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? cleanText(raw, 64) : null;
  const hit = value === null || !Object.hasOwn(table, String(value)) ? undefined : table[String(value)];
  return hit
    ? { state: hit[0], raw: value, detail: hit[1] }
    : { state: 'unknown', raw: value, detail: 'value not documented by the provider' };
}
