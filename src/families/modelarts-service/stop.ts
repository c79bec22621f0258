import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStopTool } from '../../tools/define.js';
import status, { ERROR_CODES } from './status.js';

export default defineStopTool({
  name: 'modelarts_stop_service',
  title: 'Stop a ModelArts service (v1 API)',
  provider: 'huaweicloud',
  description: [
    'Stop a running Huawei Cloud ModelArts real-time or batch service of the old (v1) inference API; real-time services bill around the clock until stopped.',
    'Use when such a service is idle or should not serve any more. For services of the new inference API use modelarts_stop_infer_service.',
    'The stop is asynchronous: success means ModelArts accepted the update (HTTP 200 with {}); the status goes through stopping to stopped, and the service stops billing. Confirm with modelarts_get_service.',
    "service_id is the service id on the service's page in the ModelArts console (Service Deployment > Real-Time Services or Batch Services), or from list_running_tasks.",
  ].join('\n'),
  input: {
    service_id: paramId('ModelArts service id, e.g. 9a4f1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b.'),
    ...huaweiScopeShape,
  },
  target: ({ service_id }) => ({ service_id }),
  status,
  confirmField: 'service_id',
  // Only `status`: an update that carries both status and config changes the status only (docs/providers-modern.md §M3).
  request: ({ service_id }, { projectId }: HuaweiScope) => ({
    method: 'PUT',
    path: apiPath`/v1/${projectId}/services/${service_id}`,
    body: { status: 'stopped' },
    answers: { codes: ERROR_CODES },
  }),
});
