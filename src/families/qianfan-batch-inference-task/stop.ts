import { paramId } from '../../core/params.js';
import { defineStopTool } from '../../tools/define.js';
import status from './status.js';

export default defineStopTool({
  name: 'qianfan_stop_batch_inference_task',
  title: 'Stop a Qianfan batch inference task',
  provider: 'qianfan',
  description: [
    'Stop a running Baidu Qianfan batch inference task.',
    'Use when a batch inference job runs on the wrong data or costs more than intended.',
    'The stop is asynchronous: success means Qianfan accepted it (result: true); the task goes through Stopping to Stopped. Confirm with qianfan_get_batch_inference_task.',
    'task_id starts with "infer-"; it is shown in the Qianfan console (batch inference task list) and returned when the task was created.',
  ].join('\n'),
  input: { task_id: paramId('Batch inference task id, e.g. infer-9ixxxxxxmp.') },
  target: ({ task_id }) => ({ task_id }),
  status,
  confirmField: 'task_id',
  request: ({ task_id }) => ({
    method: 'POST',
    path: '/v2/batchinference',
    query: [['Action', 'StopBatchInferenceTask']],
    body: { taskId: task_id },
  }),
});
