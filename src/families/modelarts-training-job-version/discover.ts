// ModelArts v1 training job versions (docs/providers.md §8.3, recipe §8.7.2): page the job list; a job's row describes its
// one version, and a job with more versions gets its version list read, since an older version may still run.
import { str, timeOf, type JsonObject } from '../../core/json.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { apiPath } from '../../providers/request.js';
import { countOf, followPageNumbers, listOf } from '../../tools/listing/paging.js';
import type { FamilyContext, FamilyDiscovery } from '../../tools/listing/types.js';
import { mapStatus } from '../status-table.js';
import { STATES } from './status.js';

type Context = FamilyContext<HuaweiScope>;

const PER_PAGE = '100';

const discovery: FamilyDiscovery<HuaweiScope> = {
  listing: 'ModelArts training job list',
  covers: 'v1 training job versions',
  async discover(ctx) {
    const what = 'ModelArts training job list';
    const jobs = await followPageNumbers(
      async (page) => {
        const body = await ctx.send({
          method: 'GET',
          path: apiPath`/v1/${ctx.scope.projectId}/training-jobs`,
          query: [
            ['per_page', PER_PAGE],
            ['page', String(page)],
          ],
        });
        return { items: listOf(body, 'jobs', what), total: countOf(body, 'job_total_count') };
      },
      (j) => str(j.job_id),
    );
    if (!jobs.complete) ctx.incomplete(jobs);
    await Promise.all(
      jobs.items.map(async (job) => {
        const jobId = str(job.job_id)!;
        if ((countOf(job, 'version_count') ?? 1) <= 1) return emitVersion(ctx, job, job);
        try {
          for (const version of await readVersions(ctx, jobId)) emitVersion(ctx, job, version);
        } catch (err) {
          ctx.fail(err, `versions of training job ${jobId}`);
        }
      }),
    );
  },
};

async function readVersions(ctx: Context, jobId: string): Promise<JsonObject[]> {
  const what = 'ModelArts training job version list';
  const versions = await followPageNumbers(
    async (page) => {
      const body = await ctx.send({
        method: 'GET',
        path: apiPath`/v1/${ctx.scope.projectId}/training-jobs/${jobId}/versions`,
        query: [
          ['per_page', PER_PAGE],
          ['page', String(page)],
        ],
      });
      return { items: listOf(body, 'versions', what), total: countOf(body, 'version_count') };
    },
    (v) => str(v.version_id),
  );
  if (!versions.complete) ctx.incomplete(versions);
  return versions.items;
}

function emitVersion(ctx: Context, job: JsonObject, version: JsonObject): void {
  const versionId = str(version.version_id);
  if (versionId === undefined) return;
  const ids = { job_id: str(job.job_id)!, version_id: versionId };
  const jobName = str(job.job_name);
  const versionName = str(version.version_name);
  ctx.emit({
    ids,
    name: jobName && versionName ? `${jobName} ${versionName}` : jobName,
    createdAt: timeOf(version.create_time),
    status: mapStatus(STATES, version.status),
    stopArgs: ids,
  });
}

export default discovery;
