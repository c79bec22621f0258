// The paging loops and tolerant readers of list_running_tasks, fed with page functions that behave like the
// readings docs/providers.md §8 leaves open (UNVERIFIED): they must all end with every item exactly once.
import { describe, expect, it } from 'vitest';
import { evaluationId } from '../../src/families/qianfan-evaluation-task/discover.js';
import { limiter } from '../../src/tools/listing/budget.js';
import {
  followMarkers,
  followOffsets,
  followPageNumbers,
  followRecordOffsets,
  markerPage,
  type CountedPage,
  type MarkerPage,
} from '../../src/tools/listing/paging.js';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `t${i}` }));
const idOf = (o: Record<string, unknown>) => (typeof o.id === 'string' ? o.id : undefined);
const ids = (list: Array<Record<string, unknown>>) => list.map((o) => o.id);

/** A ModelArts-like list: pages capped at `cap` whatever was asked, offset read as records or page indexes. */
function offsetServer(all: Array<{ id: string }>, cap: number, reading: 'record' | 'page', withTotal = true) {
  const total = withTotal ? all.length : undefined;
  const calls: number[] = [];
  const fetch = async (offset: number): Promise<CountedPage> => {
    calls.push(offset);
    const start = reading === 'page' ? offset * cap : offset;
    return { items: all.slice(start, start + cap), total };
  };
  return { fetch, calls };
}

describe('followOffsets (ModelArts limit/offset, offset reading UNVERIFIED)', () => {
  it.each(['record', 'page'] as const)(
    'reads every item once when offset is a %s offset and pages are short',
    async (reading) => {
      const server = offsetServer(items(10), 3, reading);
      const listing = await followOffsets(server.fetch, idOf);
      expect(ids(listing.items)).toEqual(ids(items(10)));
      expect(listing.complete).toBe(true);
      expect(server.calls).toEqual(reading === 'record' ? [0, 1, 4, 7] : [0, 1, 2, 3]);
    },
  );

  it('needs one call when the first page holds the total', async () => {
    const server = offsetServer(items(3), 100, 'record');
    expect(ids((await followOffsets(server.fetch, idOf)).items)).toEqual(['t0', 't1', 't2']);
    expect(server.calls).toEqual([0]);
  });

  it('without a total, goes on past short pages until a page adds nothing', async () => {
    const server = offsetServer(items(5), 2, 'page', false);
    const listing = await followOffsets(server.fetch, idOf);
    expect(ids(listing.items)).toEqual(ids(items(5)));
    expect(listing.complete).toBe(true);
    expect(server.calls).toEqual([0, 1, 2, 3]);
  });

  it('a service that ignores offset ends the loop and the listing is marked incomplete', async () => {
    const listing = await followOffsets(async () => ({ items: items(3), total: 9 }), idOf);
    expect(ids(listing.items)).toEqual(['t0', 't1', 't2']);
    expect(listing.complete).toBe(false);
  });
});

describe('followPageNumbers (ModelArts v1 page/per_page)', () => {
  it('does not take a page shorter than per_page for the last one', async () => {
    const all = items(7);
    const pages: number[] = [];
    const listing = await followPageNumbers(async (page) => {
      pages.push(page);
      return { items: all.slice((page - 1) * 2, page * 2), total: 7 };
    }, idOf);
    expect(ids(listing.items)).toEqual(ids(all));
    expect(pages).toEqual([1, 2, 3, 4]);
    expect(listing.complete).toBe(true);
  });
});

describe('followMarkers (Qianfan marker paging)', () => {
  /** Pages of `size`, starting at the marker item (inclusive) or just after it (exclusive). */
  function markerServer(
    all: Array<{ id: string }>,
    size: number,
    mode: 'inclusive' | 'exclusive',
    nextMarker: 'next' | 'last' | 'none',
  ) {
    const markers: Array<string | undefined> = [];
    const fetch = async (marker: string | undefined): Promise<MarkerPage> => {
      markers.push(marker);
      const at = marker === undefined ? 0 : all.findIndex((i) => i.id === marker) + (mode === 'exclusive' ? 1 : 0);
      const page = all.slice(at, at + size);
      const more = at + size < all.length;
      const next = nextMarker === 'none' ? undefined : nextMarker === 'next' ? all[at + size]?.id : page.at(-1)?.id;
      return { items: page, truncated: more, nextMarker: more ? next : undefined };
    };
    return { fetch, markers };
  }

  it.each([
    ['inclusive', 'next'],
    ['inclusive', 'last'],
    ['exclusive', 'last'],
    ['exclusive', 'none'], // no nextMarker: the last id is the next marker
  ] as const)('reads every item once when pages start %s of the marker (nextMarker: %s)', async (mode, next) => {
    const server = markerServer(items(8), 3, mode, next);
    const listing = await followMarkers(server.fetch, idOf);
    expect(ids(listing.items)).toEqual(ids(items(8)));
    expect(listing.complete).toBe(true);
  });

  it('follows nextMarker exactly', async () => {
    const server = markerServer(items(7), 3, 'inclusive', 'next');
    await followMarkers(server.fetch, idOf);
    expect(server.markers).toEqual([undefined, 't3', 't6']);
  });

  it('a truncated page that adds nothing ends the loop as incomplete instead of looping', async () => {
    let calls = 0;
    const listing = await followMarkers(async () => {
      calls += 1;
      return { items: items(2), truncated: true, nextMarker: 't1' };
    }, idOf);
    expect(calls).toBe(2);
    expect(listing).toEqual({ items: items(2), complete: false });
  });

  it('markerPage counts a nextMarker without isTruncated as more to read (pageInfo of DescribeEvalTasks is UNVERIFIED)', () => {
    expect(
      markerPage({ result: { evalTaskList: [{ a: 1 }], pageInfo: { nextMarker: 'ame-2' } } }, 'evalTaskList', 'x'),
    ).toEqual({ items: [{ a: 1 }], truncated: true, nextMarker: 'ame-2' });
    expect(markerPage({ result: { taskList: null, pageInfo: { isTruncated: false } } }, 'taskList', 'x')).toEqual({
      items: [],
      truncated: false,
      nextMarker: undefined,
    });
    expect(() => markerPage({ requestId: 'r' }, 'taskList', 'DescribeBatchInferenceTasks')).toThrow(
      'DescribeBatchInferenceTasks answered without a "result" object; the list could not be read.',
    );
    expect(() => markerPage({ result: { taskList: 'x' } }, 'taskList', 'DescribeBatchInferenceTasks')).toThrow(
      'without "taskList" as a list',
    );
  });
});

describe('evaluation ids (field name UNVERIFIED)', () => {
  it('takes taskId, else the first "ame-" string anywhere in the item', () => {
    expect(evaluationId({ taskId: 'ame-aaa', evalId: 'ame-bbb' })).toBe('ame-aaa');
    expect(evaluationId({ name: 'x', evalIdStr: 'ame-bbb' })).toBe('ame-bbb');
    expect(evaluationId({ name: 'ame- not an id', detail: { ids: ['ame-ccc'] } })).toBe('ame-ccc');
    expect(evaluationId({ name: 'no id', evalId: 585 })).toBeUndefined();
  });
});

describe('limiter', () => {
  it('never runs more than its bound at once, and runs everything', async () => {
    const run = limiter(4);
    let active = 0;
    let peak = 0;
    const done = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, i % 3));
          active -= 1;
          return i;
        }),
      ),
    );
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(4);
  });

  it('a failing function frees its slot', async () => {
    const run = limiter(1);
    await expect(run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run(async () => 'next')).resolves.toBe('next');
  });
});

describe('followRecordOffsets (offsets in steps of the page size)', () => {
  it('asks multiples of the limit, takes no short page for the end, and stops at the total', async () => {
    const all = items(7);
    const offsets: number[] = [];
    const listing = await followRecordOffsets(
      async (offset) => {
        offsets.push(offset);
        return { items: all.slice(offset, offset + 2), total: 7 };
      },
      idOf,
      2,
    );
    expect(ids(listing.items)).toEqual(ids(all));
    expect(offsets).toEqual([0, 2, 4, 6]);
    expect(listing.complete).toBe(true);
  });

  it('a service that caps pages below the limit is then asked for pages of that size, at multiples of it', async () => {
    const all = items(7);
    const asked: Array<[number, number]> = [];
    const listing = await followRecordOffsets(
      async (offset, limit) => {
        asked.push([offset, limit]);
        return { items: all.slice(offset, offset + Math.min(limit, 3)), total: 7 };
      },
      idOf,
      50,
    );
    expect(ids(listing.items)).toEqual(ids(all));
    expect(asked).toEqual([
      [0, 50],
      [3, 3],
      [6, 3],
    ]);
    expect(listing.complete).toBe(true);
  });

  it('a page that repeats what was seen ends the listing as incomplete when a total says more exist', async () => {
    const listing = await followRecordOffsets(async () => ({ items: items(2), total: 10 }), idOf, 2);
    expect(ids(listing.items)).toEqual(['t0', 't1']);
    expect(listing.complete).toBe(false);
  });
});
