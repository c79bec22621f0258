// The three paging schemes of the list APIs (docs/providers.md §8.7). Every loop de-duplicates by id, follows the
// provider's own paging fields, never takes a short or a full page for the end, and stops on a page that adds nothing.
import { ToolError } from '../../core/errors.js';
import { asObject, str, type JsonObject } from '../../core/json.js';

/** Pages read at most per list, so a provider that never says "last page" cannot keep a call looping. */
export const MAX_PAGES = 200;

/** Items kept at most per list: more ends the list as incomplete (memory stays bounded whatever a list answers). */
export const MAX_ITEMS_PER_LIST = 10_000;

export interface Listing {
  items: JsonObject[];
  /** False when paging ended before the provider's total (or at MAX_PAGES): more may exist. */
  complete: boolean;
  /** True when the list was cut at MAX_ITEMS_PER_LIST. */
  capped?: boolean;
}

export type IdOf = (item: JsonObject) => string | undefined;

/** A page of a list that reports its total (ModelArts total_count / total_number / job_total_count / version_count). */
export interface CountedPage {
  items: JsonObject[];
  total: number | undefined;
}

/** A page of a Qianfan marker list. */
export interface MarkerPage {
  items: JsonObject[];
  truncated: boolean;
  nextMarker: string | undefined;
}

class Seen {
  readonly byId = new Map<string, JsonObject>();
  constructor(private readonly idOf: IdOf) {}

  /** Adds a page; returns how many ids it added. Items without an id cannot be stopped and are skipped. */
  add(items: JsonObject[]): number {
    let added = 0;
    for (const item of items) {
      if (this.byId.size >= MAX_ITEMS_PER_LIST) return 0; // full: the loops end on a page that adds nothing
      const id = this.idOf(item);
      if (id !== undefined && !this.byId.has(id)) {
        this.byId.set(id, item);
        added += 1;
      }
    }
    return added;
  }

  has(item: JsonObject): boolean {
    const id = this.idOf(item);
    return id !== undefined && this.byId.has(id);
  }

  listing(complete: boolean): Listing {
    const capped = this.byId.size >= MAX_ITEMS_PER_LIST;
    return { items: [...this.byId.values()], complete: complete && !capped, ...(capped ? { capped } : {}) };
  }

  reached(total: number | undefined): boolean {
    return total !== undefined && this.byId.size >= total;
  }
}

/**
 * ModelArts limit/offset paging, where `offset` may be a page index or a record offset (UNVERIFIED, docs/providers.md §8.1). The
 * second request (offset=1) tells them apart: a record offset repeats the first page's second item, a page index
 * does not. Both readings then step on from what the provider actually returned.
 */
export async function followOffsets(fetch: (offset: number) => Promise<CountedPage>, idOf: IdOf): Promise<Listing> {
  const seen = new Seen(idOf);
  const first = await fetch(0);
  seen.add(first.items);
  if (seen.reached(first.total)) return seen.listing(true);
  if (first.items.length === 0) return seen.listing(first.total === undefined);
  let recordOffsets = false;
  let offset = 1;
  let total = first.total;
  for (let page = 1; page < MAX_PAGES; page++) {
    const next = await fetch(offset);
    if (page === 1) recordOffsets = next.items.some((item) => seen.has(item));
    total = next.total ?? total;
    const added = seen.add(next.items);
    if (seen.reached(total)) return seen.listing(true);
    if (next.items.length === 0 || added === 0) return seen.listing(total === undefined);
    offset = recordOffsets ? offset + next.items.length : offset + 1;
  }
  return seen.listing(false);
}

/**
 * Record-offset paging where the offset must be a multiple of the page size (ModelArts v2 services, notebooks, Lite
 * Servers): offset 0, limit, 2 × limit, … until the reported total, an empty page or a page that adds nothing. A
 * short page before the total shows the service caps pages below what was asked: from then on the pages asked for
 * are that size, so the offsets stay multiples of the page size the service really serves.
 */
export async function followRecordOffsets(
  fetch: (offset: number, limit: number) => Promise<CountedPage>,
  idOf: IdOf,
  limit: number,
): Promise<Listing> {
  const seen = new Seen(idOf);
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, total } = await fetch(offset, limit);
    const added = seen.add(items);
    if (seen.reached(total)) return seen.listing(true);
    if (items.length === 0 || added === 0) return seen.listing(total === undefined);
    if (items.length < limit) limit = items.length;
    offset += items.length;
  }
  return seen.listing(false);
}

/** ModelArts v1 page/per_page paging, 1-based, until the reported total. */
export async function followPageNumbers(fetch: (page: number) => Promise<CountedPage>, idOf: IdOf): Promise<Listing> {
  const seen = new Seen(idOf);
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { items, total } = await fetch(page);
    const added = seen.add(items);
    if (seen.reached(total)) return seen.listing(true);
    if (items.length === 0 || added === 0) return seen.listing(total === undefined);
  }
  return seen.listing(false);
}

/** Qianfan marker paging: follow nextMarker while isTruncated (the last id when nextMarker is missing). */
export async function followMarkers(
  fetch: (marker: string | undefined) => Promise<MarkerPage>,
  idOf: IdOf,
): Promise<Listing> {
  const seen = new Seen(idOf);
  let marker: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { items, truncated, nextMarker } = await fetch(marker);
    const added = seen.add(items);
    if (!truncated) return seen.listing(true);
    const next = nextMarker ?? lastId(items, idOf);
    if (items.length === 0 || added === 0 || next === undefined || next === marker) return seen.listing(false);
    marker = next;
  }
  return seen.listing(false);
}

function lastId(items: JsonObject[], idOf: IdOf): string | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const id = idOf(items[i]!);
    if (id !== undefined) return id;
  }
  return undefined;
}

/** The objects of a list field; a missing or null list is empty, anything else is not a list we can read. */
export function listOf(body: unknown, key: string, what: string): JsonObject[] {
  const value = asObject(body)?.[key];
  if (value === undefined || value === null) {
    if (!asObject(body)) throw unexpected(what, 'a JSON object');
    return [];
  }
  if (!Array.isArray(value)) throw unexpected(what, `"${key}" as a list`);
  return value.map(asObject).filter((v): v is JsonObject => v !== undefined);
}

/** A non-negative count, as a number or a digit string. */
export function countOf(body: unknown, key: string): number | undefined {
  const v = asObject(body)?.[key];
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** A Qianfan v2 list page: result.<key> and result.pageInfo. isTruncated missing but a nextMarker given counts as truncated. */
export function markerPage(body: unknown, key: string, what: string): MarkerPage {
  const result = asObject(asObject(body)?.result);
  if (!result) throw unexpected(what, 'a "result" object');
  const pageInfo = asObject(result.pageInfo);
  const nextMarker = str(pageInfo?.nextMarker);
  const flag = pageInfo?.isTruncated;
  return {
    items: listOf(result, key, what),
    truncated: flag === true || (flag === undefined && nextMarker !== undefined),
    nextMarker,
  };
}

export function unexpected(what: string, expected: string): ToolError {
  return new ToolError({
    code: 'UnexpectedResponse',
    category: 'upstream',
    message: `${what} answered without ${expected}; the list could not be read.`,
  });
}
