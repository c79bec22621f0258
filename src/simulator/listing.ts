// Knobs of the simulated list APIs: small pages so that paging is exercised, the ModelArts offset reading
// (providers.md 8.1 leaves it open), and families whose list APIs fail.
import type { Family } from '../tools/discovery/families.js';

export interface ListingKnobs {
  /** Most items one page holds, whatever the client asks for (real services cap pages too). */
  pageSize: number;
  /** How ModelArts reads `offset`: a page index or a record offset. */
  offset: 'page' | 'record';
  /** Families whose list APIs answer with a server error. */
  failing: Set<Family>;
}

export function defaultListing(): ListingKnobs {
  return { pageSize: 3, offset: 'record', failing: new Set() };
}

/** An integer query or body value within [min, max], or the fallback. */
export function intIn(value: unknown, min: number, max: number, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Ids as the providers type them: digits become numbers (ModelArts v1 Longs). */
export function longId(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}
