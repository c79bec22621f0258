import { asObject } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import { defineStatusTool } from '../../tools/define.js';
import { mapStatus, type StatusTable } from '../status-table.js';

/** Model evaluation `state` (docs/providers.md §3.5). */
export const STATES: StatusTable = {
  Pending: ['pending', 'waiting to be scheduled'],
  Doing: ['running', 'running'],
  DoingWithManualBegin: ['running', 'running; human evaluation can begin (cannot be stopped)'],
  Stopping: ['stopping', 'stopping'],
  Done: ['succeeded', 'all evaluations succeeded'],
  PartlyDone: ['succeeded', 'partly succeeded'],
  Failed: ['failed', 'all evaluations failed'],
  Stopped: ['stopped', 'stopped'],
};

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
  readStatus: (body) => mapStatus(STATES, asObject(asObject(body)?.result)?.state),
});
