// Qianfan fine-tuning (docs/providers.md §8.4, recipe §8.7.3): tasks are listed per job, so list the jobs first.
import { str, type JsonObject } from '../../core/json.js';
import { followMarkers, markerPage } from '../../tools/listing/paging.js';
import type { FamilyContext, FamilyDiscovery } from '../../tools/listing/types.js';
import { mapStatus } from '../status-table.js';
import { STATES } from './status.js';

const discovery: FamilyDiscovery = {
  listing: 'DescribeFineTuningJobs',
  covers: 'fine-tuning',
  async discover(ctx) {
    const jobs = await followMarkers(
      async (marker) =>
        markerPage(
          await ctx.send(finetuning('DescribeFineTuningJobs', { maxKeys: 100, ...markerField(marker) })),
          'jobList',
          'DescribeFineTuningJobs',
        ),
      (j) => str(j.jobId),
    );
    if (!jobs.complete) ctx.incomplete(jobs);
    await Promise.all(
      jobs.items.map((job) =>
        readTasks(ctx, job).catch((err: unknown) => ctx.fail(err, `tasks of fine-tuning job ${str(job.jobId)}`)),
      ),
    );
  },
};

async function readTasks(ctx: FamilyContext, job: JsonObject): Promise<void> {
  const jobId = str(job.jobId)!;
  const tasks = await followMarkers(
    async (marker) =>
      markerPage(
        await ctx.send(finetuning('DescribeFineTuningTasks', { jobId, maxKeys: 100, ...markerField(marker) })),
        'taskList',
        'DescribeFineTuningTasks',
      ),
    (t) => str(t.taskId),
  );
  if (!tasks.complete) ctx.incomplete(tasks);
  for (const task of tasks.items) {
    const taskId = str(task.taskId)!;
    ctx.emit({
      ids: { job_id: jobId, task_id: taskId },
      name: str(task.jobName) ?? str(job.name),
      createdAt: str(task.createDate),
      status: mapStatus(STATES, task.runStatus),
      stopArgs: { task_id: taskId },
    });
  }
}

function finetuning(action: string, body: Record<string, unknown>) {
  return { method: 'POST' as const, path: '/v2/finetuning', query: [['Action', action] as const], body };
}

function markerField(marker: string | undefined): { marker?: string } {
  return marker !== undefined ? { marker } : {};
}

export default discovery;
