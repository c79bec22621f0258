import { paramNumericId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStopTool } from '../../tools/define.js';
import status from './status.js';

export default defineStopTool({
  name: 'modelarts_stop_training_job_version',
  title: 'Stop a ModelArts training job version',
  provider: 'huaweicloud',
  description: [
    'Stop a running version of a Huawei Cloud ModelArts training job (the v1 training-jobs API).',
    'Use when a training run should end now, e.g. it is burning money or diverging.',
    'The stop is asynchronous: success means ModelArts accepted it ({"is_success": true}); the version goes through JOBSTAT_KILLING to JOBSTAT_KILLED. Confirm with modelarts_get_training_job_version.',
    'job_id and version_id are numbers shown in the ModelArts console (Training Management > Training Jobs > the job > the version) or returned when the job was created.',
  ].join('\n'),
  input: {
    job_id: paramNumericId('Training job id (digits), e.g. "182626".'),
    version_id: paramNumericId('Training job version id (digits), e.g. "278813".'),
    ...huaweiScopeShape,
  },
  target: ({ job_id, version_id }) => ({ job_id, version_id }),
  status,
  confirmField: 'version_id',
  request: ({ job_id, version_id }, { projectId }: HuaweiScope) => ({
    method: 'POST',
    path: apiPath`/v1/${projectId}/training-jobs/${job_id}/versions/${version_id}/stop`,
    answers: {
      // Success is {"is_success": true} (docs/providers.md §6, B); an empty or {} 2xx does not say the stop was taken.
      codes: { UnexpectedResponse: 'upstream' },
      failure: (body) =>
        body.is_success === true || body.is_success === false
          ? undefined
          : {
              code: 'UnexpectedResponse',
              message: 'ModelArts answered the stop without is_success; whether it took effect is unknown.',
            },
    },
  }),
});
