import { asObject } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import { defineStatusTool } from '../../tools/define.js';
import { mapStatus, type StatusTable } from '../status-table.js';

/** Batch inference `runStatus` (docs/providers.md §3.3). */
export const STATES: StatusTable = {
  Queuing: ['pending', 'queued'],
  Running: ['running', 'running'],
  Stopping: ['stopping', 'stopping'],
  Done: ['succeeded', 'finished'],
  Stopped: ['stopped', 'stopped'],
  Failed: ['failed', 'failed'],
  Expired: ['failed', 'expired (timed out)'],
};

export default defineStatusTool({
  name: 'qianfan_get_batch_inference_task',
  title: 'Read a Qianfan batch inference task status',
  provider: 'qianfan',
  description: [
    'Read the status of a Baidu Qianfan batch inference task (DescribeBatchInferenceTask). Read-only.',
    'Use before stopping, to check it is still running, and after, to confirm the stop took effect.',
    'status.raw is runStatus: Queuing, Running, Stopping, Done, Stopped, Failed or Expired.',
  ].join('\n'),
  input: { task_id: paramId('Batch inference task id, e.g. infer-9ixxxxxxmp.') },
  target: ({ task_id }) => ({ task_id }),
  request: ({ task_id }) => ({
    method: 'POST',
    path: '/v2/batchinference',
    query: [['Action', 'DescribeBatchInferenceTask']],
    body: { taskId: task_id },
  }),
  readStatus: (body) => mapStatus(STATES, asObject(asObject(body)?.result)?.runStatus),
});
