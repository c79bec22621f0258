import { asObject } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import { defineStatusTool } from '../../tools/define.js';
import { mapStatus, type StatusTable } from '../status-table.js';

/** Fine-tuning task `runStatus` (docs/providers.md §3.4). */
export const STATES: StatusTable = {
  Waiting: ['pending', 'queued'],
  Running: ['running', 'running'],
  Done: ['succeeded', 'training finished'],
  Stopped: ['stopped', 'training stopped'],
  Failed: ['failed', 'failed'],
};

export default defineStatusTool({
  name: 'qianfan_get_fine_tuning_task',
  title: 'Read a Qianfan fine-tuning task status',
  provider: 'qianfan',
  description: [
    'Read the status of a Baidu Qianfan fine-tuning task (DescribeFineTuningTask). Read-only.',
    'Use before stopping, to check it is still running, and after, to confirm the stop took effect.',
    'status.raw is runStatus: Waiting, Running, Done, Stopped or Failed.',
  ].join('\n'),
  input: { task_id: paramId('Fine-tuning task id, e.g. task-92zjbyinxruq.') },
  target: ({ task_id }) => ({ task_id }),
  request: ({ task_id }) => ({
    method: 'POST',
    path: '/v2/finetuning',
    query: [['Action', 'DescribeFineTuningTask']],
    body: { taskId: task_id },
  }),
  readStatus: (body) => mapStatus(STATES, asObject(asObject(body)?.result)?.runStatus),
});
