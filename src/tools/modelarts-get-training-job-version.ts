import { apiPath } from '../providers/request.js';
import { asObject } from '../providers/json.js';
import { defineStatusTool } from './define.js';
import { huaweiScopeShape, paramNumericId } from './schemas.js';
import { mapStatus } from './status-map.js';

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
  request: ({ job_id, version_id }, { projectId }) => ({
    method: 'GET',
    path: apiPath`/v1/${projectId!}/training-jobs/${job_id}/versions/${version_id}`,
  }),
  readStatus: (body) => mapStatus('MODELARTS_JOB', asObject(body)?.status),
});
