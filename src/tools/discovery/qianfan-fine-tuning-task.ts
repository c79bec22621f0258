// Qianfan fine-tuning (providers.md 8.4, recipe 8.7.3): tasks are listed per job, so list the jobs first.
import { str, type JsonObject } from '../../providers/json.js';
import stopTool from '../qianfan-stop-fine-tuning-task.js';
import { mapStatus } from '../status-map.js';
import type { FamilyContext, FamilyDiscovery } from './families.js';
import { followMarkers, markerPage } from './paging.js';

export const qianfanFineTuningTasks: FamilyDiscovery = {
  family: 'qianfan_fine_tuning_task',
  listing: 'DescribeFineTuningJobs',
  stopTool,
  async discover(ctx) {
    const jobs = await followMarkers(
      async (marker) => markerPage(await ctx.send(finetuning('DescribeFineTuningJobs', { maxKeys: 100, ...markerField(marker) })), 'jobList', 'DescribeFineTuningJobs'),
      (j) => str(j.jobId),
    );
    if (!jobs.complete) ctx.incomplete();
    await Promise.all(jobs.items.map((job) => readTasks(ctx, job).catch((err: unknown) => ctx.fail(err, `tasks of fine-tuning job ${str(job.jobId)}`))));
  },
};

async function readTasks(ctx: FamilyContext, job: JsonObject): Promise<void> {
  const jobId = str(job.jobId)!;
  const tasks = await followMarkers(
    async (marker) => markerPage(await ctx.send(finetuning('DescribeFineTuningTasks', { jobId, maxKeys: 100, ...markerField(marker) })), 'taskList', 'DescribeFineTuningTasks'),
    (t) => str(t.taskId),
  );
  if (!tasks.complete) ctx.incomplete();
  for (const task of tasks.items) {
    const taskId = str(task.taskId)!;
    ctx.emit({
      ids: { job_id: jobId, task_id: taskId },
      name: str(task.jobName) ?? str(job.name),
      createdAt: str(task.createDate),
      status: mapStatus('FINE_TUNING', task.runStatus),
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
