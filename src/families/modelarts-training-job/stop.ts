import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStopTool } from '../../tools/define.js';
import { ERROR_CODES } from './errors.js';
import status from './status.js';

export default defineStopTool({
  name: 'modelarts_stop_training_job',
  title: 'Stop a ModelArts training job',
  provider: 'huaweicloud',
  description: [
    'Terminate a Huawei Cloud ModelArts training job (the current training API; jobs on GPU or Ascend pools bill by the hour until they end).',
    'Use when a training run should end now, e.g. it burns money, diverges or uses the wrong data. Only jobs that are Creating, Pending or Running can be terminated.',
    'The stop is asynchronous: success means ModelArts accepted it (HTTP 202); status.phase goes through Terminating to Terminated, and the compute stops billing. Confirm with modelarts_get_training_job.',
    "training_job_id is the job id (a UUID) on the job's page in the ModelArts console (Model Training > Training Jobs), or from list_running_tasks.",
  ].join('\n'),
  input: {
    training_job_id: paramId('ModelArts training job id, e.g. 3faf5c03-aaa1-4c25-a8c1-fe5b5e2a1d0f.'),
    ...huaweiScopeShape,
  },
  target: ({ training_job_id }) => ({ training_job_id }),
  status,
  confirmField: 'training_job_id',
  request: ({ training_job_id }, { projectId }: HuaweiScope) => ({
    method: 'POST',
    path: apiPath`/v2/${projectId}/training-jobs/${training_job_id}/actions`,
    body: { action_type: 'terminate' },
    answers: { codes: ERROR_CODES },
  }),
});
