import { asObject } from '../../core/json.js';
import { paramNumericId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStatusTool } from '../../tools/define.js';
import { mapStatus, type StatusTable } from '../status-table.js';

/** The v1 training job `status` integer (docs/providers.md §3.2). */
export const STATES: StatusTable = {
  '0': ['unknown', 'JOBSTAT_UNKNOWN'],
  '1': ['pending', 'JOBSTAT_INIT'],
  '2': ['pending', 'JOBSTAT_IMAGE_CREATING'],
  '3': ['failed', 'JOBSTAT_IMAGE_FAILED'],
  '4': ['pending', 'JOBSTAT_SUBMIT_TRYING'],
  '5': ['failed', 'JOBSTAT_SUBMIT_FAILED'],
  '6': ['failed', 'JOBSTAT_DELETE_FAILED'],
  '7': ['pending', 'JOBSTAT_WAITING'],
  '8': ['running', 'JOBSTAT_RUNNING'],
  '9': ['stopping', 'JOBSTAT_KILLING'],
  '10': ['succeeded', 'JOBSTAT_COMPLETED'],
  '11': ['failed', 'JOBSTAT_FAILED'],
  '12': ['stopped', 'JOBSTAT_KILLED'],
  '13': ['stopped', 'JOBSTAT_CANCELED'],
  '14': ['failed', 'JOBSTAT_LOST'],
  '15': ['running', 'JOBSTAT_SCALING'],
  '16': ['failed', 'JOBSTAT_SUBMIT_MODEL_FAILED'],
  '17': ['failed', 'JOBSTAT_DEPLOY_SERVICE_FAILED'],
  '18': ['pending', 'JOBSTAT_CHECK_INIT'],
  '19': ['running', 'JOBSTAT_CHECK_RUNNING'],
  '20': ['succeeded', 'JOBSTAT_CHECK_RUNNING_COMPLETED'],
  '21': ['failed', 'JOBSTAT_CHECK_FAILED'],
};

export default defineStatusTool({
  name: 'modelarts_get_training_job_version',
  title: 'Read a ModelArts training job version status',
  provider: 'huaweicloud',
  description: [
    'Read the status of one version of a Huawei Cloud ModelArts training job (v1 API). Read-only.',
    'Use before stopping, to check it is still running, and after, to confirm the stop took effect.',
    'status.raw is the ModelArts job status integer, e.g. 8 JOBSTAT_RUNNING, 9 JOBSTAT_KILLING, 12 JOBSTAT_KILLED, 10 JOBSTAT_COMPLETED.',
  ].join('\n'),
  input: {
    job_id: paramNumericId('Training job id (digits).'),
    version_id: paramNumericId('Training job version id (digits).'),
    ...huaweiScopeShape,
  },
  target: ({ job_id, version_id }) => ({ job_id, version_id }),
  request: ({ job_id, version_id }, { projectId }: HuaweiScope) => ({
    method: 'GET',
    path: apiPath`/v1/${projectId}/training-jobs/${job_id}/versions/${version_id}`,
  }),
  readStatus: (body) => mapStatus(STATES, asObject(body)?.status),
});
