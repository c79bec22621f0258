import { paramId } from '../../core/params.js';
import { defineStopTool } from '../../tools/define.js';
import status from './status.js';

export default defineStopTool({
  name: 'qianfan_stop_evaluation_task',
  title: 'Stop a Qianfan model evaluation',
  provider: 'qianfan',
  description: [
    'Stop (cancel) a running Baidu Qianfan model evaluation task.',
    'Use when an evaluation hangs or was started with the wrong model or data. Only purely automatic evaluations can be stopped; Qianfan refuses evaluations that include human evaluation.',
    'The stop is asynchronous: success means Qianfan accepted it (result.result: true); the state goes through Stopping to Stopped. Confirm with qianfan_get_evaluation_task.',
    'evaluation_id starts with "ame-"; it is on the evaluation task detail page in the Qianfan console (Model Tuning > Model Evaluation) and is the evalIdStr returned at creation.',
  ].join('\n'),
  input: { evaluation_id: paramId('Evaluation task id, e.g. ame-vwgs2ybhyhfv.') },
  target: ({ evaluation_id }) => ({ evaluation_id }),
  status,
  confirmField: 'evaluation_id',
  request: ({ evaluation_id }) => ({
    method: 'POST',
    path: '/wenxinworkshop/modelrepo/eval/cancel',
    body: { id: evaluation_id },
  }),
});
