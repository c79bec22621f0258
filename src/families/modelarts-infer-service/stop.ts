import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStopTool } from '../../tools/define.js';
import status from './status.js';

export default defineStopTool({
  name: 'modelarts_stop_infer_service',
  title: 'Stop a ModelArts inference service (new API)',
  provider: 'huaweicloud',
  description: [
    'Stop a running Huawei Cloud ModelArts inference service of the new inference API (StopInferService); a running service bills for its instances around the clock.',
    'Use when such a service is idle or should not serve any more. For services of the old (v1) API use modelarts_stop_service.',
    'The stop is asynchronous: success means ModelArts accepted it (a 2xx answer with the service); the status goes through STOPPING to STOPPED, and the service stops billing. Confirm with modelarts_get_infer_service.',
    "service_id is the service id on the service's page in the ModelArts console (the new inference service list), or from list_running_tasks.",
  ].join('\n'),
  input: {
    service_id: paramId('ModelArts inference service id, e.g. 2b7e4c1a-9d3f-4a6b-8c5e-7f1a2b3c4d5e.'),
    ...huaweiScopeShape,
  },
  target: ({ service_id }) => ({ service_id }),
  status,
  confirmField: 'service_id',
  request: ({ service_id }, { projectId }: HuaweiScope) => ({
    method: 'POST',
    path: apiPath`/v2/${projectId}/services/${service_id}/stop`,
  }),
});
