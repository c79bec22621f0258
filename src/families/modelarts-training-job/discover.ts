// ModelArts training jobs (docs/providers-modern.md §M1): the job search, 50 jobs a page. Whether a `phase` filter
// works, and which values it takes, is UNVERIFIED, so no filter is sent and the running ones are kept here; whether
// `offset` is a page number or a record offset is UNVERIFIED too, so followOffsets works out which from the answers.
import { asObject, str, timeOf, type JsonObject } from '../../core/json.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { apiPath } from '../../providers/request.js';
import { countOf, followOffsets, listOf } from '../../tools/listing/paging.js';
import type { FamilyDiscovery } from '../../tools/listing/types.js';
import { readJob } from './status.js';

const LIMIT = 50;

const discovery: FamilyDiscovery<HuaweiScope> = {
  listing: 'ModelArts training job search',
  covers: 'training jobs',
  async discover(ctx) {
    const what = 'ModelArts training job search';
    const listing = await followOffsets(async (offset) => {
      const body = await ctx.send({
        method: 'POST',
        path: apiPath`/v2/${ctx.scope.projectId}/training-job-searches`,
        body: { offset, limit: LIMIT, sort_by: 'create_time', order: 'desc' },
      });
      return { items: listOf(body, 'items', what), total: countOf(body, 'total') };
    }, jobId);
    if (!listing.complete) ctx.incomplete(listing);
    for (const job of listing.items) {
      const metadata = asObject(job.metadata);
      const resource = asObject(asObject(job.spec)?.resource);
      const ids = { training_job_id: jobId(job)! };
      ctx.emit({
        ids,
        name: str(metadata?.name),
        createdAt: timeOf(metadata?.create_time),
        status: readJob(job),
        stopArgs: ids,
        resources: {
          flavor: str(resource?.flavor_id) ?? str(resource?.flavor_name),
          instances: countOf(resource, 'node_count'),
        },
      });
    }
  },
};

function jobId(job: JsonObject): string | undefined {
  return str(asObject(job.metadata)?.id);
}

export default discovery;
