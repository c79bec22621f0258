import { asObject, str } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import { cleanText } from '../../core/text.js';
import { defineStatusTool } from '../../tools/define.js';
import type { Status } from '../../tools/schemas.js';
import { mapStatus, type StatusTable } from '../status-table.js';

/** A model compression task's `status`, lower-case (docs/providers-modern.md §Q3). */
export const STATES: StatusTable = {
  creating: ['pending', 'creating'],
  running: ['running', 'running'],
  stopping: ['stopping', 'stopping'],
  stopped: ['stopped', 'stopped'],
  succeeded: ['succeeded', 'succeeded'],
  failed: ['failed', 'failed'],
};

export function readTask(task: Record<string, unknown> | undefined): Status {
  const status = mapStatus(STATES, task?.status);
  const reason = str(task?.failedReason);
  return reason ? { ...status, detail: `${status.detail}: ${cleanText(reason, 200)}` } : status;
}

export default defineStatusTool({
  name: 'qianfan_get_model_compression_task',
  title: 'Read a Qianfan model compression task status',
  provider: 'qianfan',
  description: [
    'Read the status of a Baidu Qianfan model compression task (DescribeModelCompTask). Read-only.',
    'Use before stopping, to check it is still running, and after, to confirm it reached "stopped".',
    'status.raw is the task status: creating, running, stopping, stopped, succeeded or failed (with the failure reason as detail).',
  ].join('\n'),
  input: { task_id: paramId('Model compression task id, e.g. amva-abcd1234.') },
  target: ({ task_id }) => ({ task_id }),
  request: ({ task_id }) => ({
    method: 'POST',
    path: '/v2/model',
    query: [['Action', 'DescribeModelCompTask']],
    body: { modelCompTaskId: task_id },
  }),
  readStatus: (body) => readTask(asObject(asObject(body)?.result)),
});
