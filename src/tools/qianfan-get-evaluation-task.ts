import { asObject } from '../providers/json.js';
import { defineStatusTool } from './define.js';
import { paramId } from './schemas.js';
import { mapStatus } from './status-map.js';

export default defineStatusTool({
  name: 'qianfan_get_evaluation_task',
  title: 'Read a Qianfan model evaluation status',
  provider: 'qianfan',
  description: [
    'Read the state of a Baidu Qianfan model evaluation task (eval/detail). Read-only.',
    'Use before stopping, to check it is still running, and after, to confirm the stop took effect.',
    'status.raw is the state: Pending, Doing, DoingWithManualBegin, Stopping, Done, PartlyDone, Failed or Stopped.',
  ].join('\n'),
  input: { evaluation_id: paramId('Evaluation task id, e.g. ame-vwgs2ybhyhfv.') },
  target: ({ evaluation_id }) => ({ evaluation_id }),
  request: ({ evaluation_id }) => ({
    method: 'POST',
    path: '/wenxinworkshop/modelrepo/eval/detail',
    body: { id: evaluation_id },
  }),
  readStatus: (body) => mapStatus('EVALUATION', asObject(asObject(body)?.result)?.state),
});
