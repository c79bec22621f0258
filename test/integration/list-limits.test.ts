// list_running_tasks against hostile list answers: endless pages of large items end at the listing's byte bound
// (truncated, with a ListingLimit entry), ids that break the id rule are never listed nor used in a path, and list
// texts reach the model cleaned.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { MAX_LISTING_BYTES } from '../../src/tools/listing/budget.js';
import { MAX_ITEMS_PER_LIST } from '../../src/tools/listing/paging.js';
import { PROJECT, connect, envFor, startFake } from '../helpers/harness.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startFake({ autoCreate: false });
});
afterAll(() => sim.close());
afterEach(() => sim.intercept(undefined));

it.each([
  ['many small items: the per-list item bound', 900, 960],
  ['fewer large items: the per-listing byte bound', 90, 9800],
])(
  'endless ~900 KB pages, %s ends it: truncated, a ListingLimit entry, memory bounded',
  async (_what, perPage, nameLength) => {
    let pages = 0;
    let served = 0;
    sim.intercept((r) => {
      if (!r.url.endsWith('DescribeBatchInferenceTasks')) return undefined;
      pages += 1;
      const taskList = Array.from({ length: perPage }, (_, i) => ({
        taskId: `infer-${pages}-${i}`,
        name: 'x'.repeat(nameLength),
        runStatus: 'Done', // read, then filtered out: only the bound ends this listing
      }));
      const pageInfo = { isTruncated: true, nextMarker: `infer-${pages}-${perPage - 1}` };
      const body = { requestId: `r-${pages}`, result: { taskList, pageInfo } };
      served += JSON.stringify(body).length;
      return { status: 200, body };
    });
    const mcp = await connect(envFor(sim, { ML_STOP_TIMEOUT_MS: '120000' }));
    const before = process.memoryUsage().heapUsed;
    const { result } = await mcp.call('list_running_tasks', { families: ['qianfan_batch_inference_task'] });
    const grew = process.memoryUsage().heapUsed - before;
    await mcp.close();
    expect(result.truncated).toBe(true);
    expect(result.errors).toEqual([
      expect.objectContaining({ family: 'qianfan_batch_inference_task', code: 'ListingLimit', category: 'upstream' }),
    ]);
    if (perPage === 90) expect(served).toBeGreaterThan(MAX_LISTING_BYTES);
    else expect(result.errors[0].message).toContain(`more than ${MAX_ITEMS_PER_LIST} entries`);
    expect(served).toBeLessThan(MAX_LISTING_BYTES + 6 * 1024 * 1024); // stopped within a few pages (4 in flight)
    expect(grew).toBeLessThan(400 * 1024 * 1024);
  },
  120_000,
);

it('ids that break the id rule are not listed and never become a path segment; names are cleaned', async () => {
  sim.intercept((r) => {
    if (r.url.startsWith(`/v2/${PROJECT}/datasets?`)) {
      return {
        status: 200,
        body: { total_number: 2, datasets: [{ dataset_id: '..' }, { dataset_id: 'ok-ds' }] },
      };
    }
    if (r.url.endsWith('DescribeFineTuningJobs')) {
      return {
        status: 200,
        body: {
          requestId: 'r',
          result: {
            jobList: [{ jobId: 'job\r\n\u202e' + 'j'.repeat(5000), name: 'bad' }],
            pageInfo: { isTruncated: false },
          },
        },
      };
    }
    return undefined;
  });
  const mcp = await connect(envFor(sim, { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }));
  const { result } = await mcp.call('list_running_tasks', {
    families: ['modelarts_intelligent_task', 'qianfan_fine_tuning_task'],
  });
  await mcp.close();
  expect(sim.requests.some((r) => r.path.includes('/datasets/../') || r.path.includes('/datasets/%2E%2E/'))).toBe(
    false,
  );
  // The provider's text (here a job id in an error message) comes back as one clean, bounded line.
  expect(JSON.stringify(result)).not.toMatch(/\u202e|\\r|\\n/);
  for (const e of result.errors) expect(e.message.length).toBeLessThanOrEqual(600);
  for (const item of result.items)
    for (const v of Object.values(item.ids)) expect(v).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
});
