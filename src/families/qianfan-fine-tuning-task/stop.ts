import { paramId } from '../../core/params.js';
import { defineStopTool } from '../../tools/define.js';
import status from './status.js';

export default defineStopTool({
  name: 'qianfan_stop_fine_tuning_task',
  title: 'Stop a Qianfan fine-tuning task',
  provider: 'qianfan',
  description: [
    'Stop a running Baidu Qianfan fine-tuning task (one training run of a fine-tuning job).',
    'Use when a fine-tuning run should end now, e.g. wrong data, wrong parameters, or cost.',
    'The stop is asynchronous: success means Qianfan accepted it (result: true); runStatus becomes Stopped. Confirm with qianfan_get_fine_tuning_task.',
    'task_id starts with "task-" (not the "job-" id of the job); it is shown in the Qianfan console under the job\'s runs and returned when the task was created.',
  ].join('\n'),
  input: { task_id: paramId('Fine-tuning task id, e.g. task-92zjbyinxruq.') },
  target: ({ task_id }) => ({ task_id }),
  status,
  confirmField: 'task_id',
  request: ({ task_id }) => ({
    method: 'POST',
    path: '/v2/finetuning',
    query: [['Action', 'StopFineTuningTask']],
    body: { taskId: task_id },
  }),
});
