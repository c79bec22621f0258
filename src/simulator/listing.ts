// Knobs of the simulated list APIs: small pages so that paging is exercised, the ModelArts offset reading
// (docs/providers.md §8.1 leaves it open), and families whose list APIs fail.
import type { FamilyId } from '../core/ids.js';

export interface ListingKnobs {
  /** Most items one page holds, whatever the client asks for (real services cap pages too). */
  pageSize: number;
  /** How offset-paged lists read `offset`: a page index or a record offset. */
  offset: 'page' | 'record';
  /** Families whose list APIs answer with a server error. */
  failing: Set<FamilyId>;
}

export function defaultListing(): ListingKnobs {
  return { pageSize: 3, offset: 'record', failing: new Set() };
}

/** An integer query or body value within [min, max], or the fallback. */
export function intIn(value: unknown, min: number, max: number, fallback: number): number {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Ids as the providers type them: digits become numbers (ModelArts v1 Longs). */
export function longId(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/** Timestamps as the providers write them. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const spaced = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
