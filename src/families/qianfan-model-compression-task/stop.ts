import { paramId } from '../../core/params.js';
import { defineStopTool } from '../../tools/define.js';
import status from './status.js';

export default defineStopTool({
  name: 'qianfan_stop_model_compression_task',
  title: 'Stop a Qianfan model compression task',
  provider: 'qianfan',
  description: [
    'Cancel a running Baidu Qianfan model compression task (CancelModelCompTask).',
    'Use when a compression task runs on the wrong model or settings, or costs more than intended.',
    'The stop is asynchronous: success means Qianfan accepted it (an answer with only a requestId); the status goes through stopping to stopped. Confirm with qianfan_get_model_compression_task.',
    'task_id starts with "amva-"; it is on the compression task list in the Qianfan console (Model Management > model compression) and is returned when the task is created, or from list_running_tasks.',
  ].join('\n'),
  input: { task_id: paramId('Model compression task id, e.g. amva-abcd1234.') },
  target: ({ task_id }) => ({ task_id }),
  status,
  confirmField: 'task_id',
  request: ({ task_id }) => ({
    method: 'POST',
    path: '/v2/model',
    query: [['Action', 'CancelModelCompTask']],
    body: { modelCompTaskId: task_id },
    // Success is the bare envelope {"requestId": "..."}: no `result` (docs/providers-modern.md §Q3).
    answers: { bare: true },
  }),
});
