import { cleanText } from '../errors.js';
import { apiPath } from '../providers/request.js';
import { asObject, str } from '../providers/json.js';
import { defineStatusTool } from './define.js';
import { huaweiScopeShape, paramId } from './schemas.js';
import { mapStatus } from './status-map.js';

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
  request: ({ dataset_id, task_id }, { projectId }) => ({
    method: 'GET',
    path: apiPath`/v2/${projectId!}/datasets/${dataset_id}/tasks/${task_id}`,
  }),
  readStatus: (body) => {
    const task = asObject(body);
    const status = mapStatus('MODELARTS_TASK', task?.status);
    const failure = str(task?.error_code) ? `${str(task?.error_code)} ${str(task?.error_msg) ?? ''}`.trim() : undefined;
    const message = failure ?? str(task?.message);
    return message ? { ...status, detail: `${status.detail}: ${cleanText(message, 200)}` } : status;
  },
});
