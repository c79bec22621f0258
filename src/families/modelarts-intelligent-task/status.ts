import { cleanText } from '../../core/text.js';
import { asObject, str } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStatusTool } from '../../tools/define.js';
import { mapStatus, type StatusTable } from '../status-table.js';

/** The intelligent task `status` integer (docs/providers.md §3.1). */
export const STATES: StatusTable = {
  '-1': ['pending', 'queuing'],
  '0': ['pending', 'initializing'],
  '1': ['running', 'running'],
  '2': ['failed', 'failed'],
  '3': ['succeeded', 'succeeded'],
  '4': ['stopping', 'stopping'],
  '5': ['stopped', 'stopped'],
};

export default defineStatusTool({
  name: 'modelarts_get_intelligent_task',
  title: 'Read a ModelArts intelligent task status',
  provider: 'huaweicloud',
  description: [
    'Read the status of a Huawei Cloud ModelArts intelligent task (auto-labeling, pre-labeling, auto-grouping, one-click deployment). Read-only.',
    'Use before stopping, to check the task is still running, and after, to confirm it reached "stopped".',
    'status.raw is the ModelArts integer: -1 queuing, 0 initializing, 1 running, 2 failed, 3 succeeded, 4 stopping, 5 stopped.',
  ].join('\n'),
  input: {
    dataset_id: paramId('ModelArts dataset id.'),
    task_id: paramId('Intelligent task id within the dataset.'),
    ...huaweiScopeShape,
  },
  target: ({ dataset_id, task_id }) => ({ dataset_id, task_id }),
  request: ({ dataset_id, task_id }, { projectId }: HuaweiScope) => ({
    method: 'GET',
    path: apiPath`/v2/${projectId}/datasets/${dataset_id}/tasks/${task_id}`,
  }),
  readStatus: (body) => {
    const task = asObject(body);
    const status = mapStatus(STATES, task?.status);
    const failure = str(task?.error_code) ? `${str(task?.error_code)} ${str(task?.error_msg) ?? ''}`.trim() : undefined;
    const message = failure ?? str(task?.message);
    return message ? { ...status, detail: `${status.detail}: ${cleanText(message, 200)}` } : status;
  },
});
