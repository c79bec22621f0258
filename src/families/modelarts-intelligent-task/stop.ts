import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStopTool } from '../../tools/define.js';
import status from './status.js';

export default defineStopTool({
  name: 'modelarts_stop_intelligent_task',
  title: 'Stop a ModelArts intelligent task',
  provider: 'huaweicloud',
  description: [
    'Stop a running Huawei Cloud ModelArts intelligent task on a dataset: auto-labeling (active learning), pre-labeling, auto-grouping or one-click model deployment.',
    'Use when the user wants such a task stopped, e.g. it labels the wrong data or burns quota.',
    'The stop is asynchronous: success means ModelArts accepted it (HTTP 204); the task goes through "stopping" to "stopped". Read the status with modelarts_get_intelligent_task to confirm.',
    'dataset_id and task_id come from the ModelArts console (Data Management > Datasets > the dataset > task history) or from the API that started the task.',
  ].join('\n'),
  input: {
    dataset_id: paramId('ModelArts dataset id, e.g. gfghHSokody6AJigS5A.'),
    task_id: paramId('Intelligent task id within the dataset, e.g. r0jT2zwxBDKf8KEnSuZ.'),
    ...huaweiScopeShape,
  },
  target: ({ dataset_id, task_id }) => ({ dataset_id, task_id }),
  status,
  confirmField: 'task_id',
  request: ({ dataset_id, task_id }, { projectId }: HuaweiScope) => ({
    method: 'POST',
    path: apiPath`/v2/${projectId}/datasets/${dataset_id}/tasks/${task_id}/stop`,
  }),
});
