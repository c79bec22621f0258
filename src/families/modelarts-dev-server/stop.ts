import { asObject, str } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStopTool } from '../../tools/define.js';
import status, { chargingNotice } from './status.js';

export default defineStopTool({
  name: 'modelarts_stop_dev_server',
  title: 'Stop a ModelArts Lite Server',
  provider: 'huaweicloud',
  description: [
    'Stop a running Huawei Cloud ModelArts Lite Server (dev-server: a dedicated bare-metal or ECS GPU/NPU server).',
    'Use when such a server should not run any more. Only a running server can be stopped.',
    'The stop is asynchronous: success means ModelArts accepted it (HTTP 200 with the server); the status goes through STOPPING to STOPPED. A PRE_PAID (yearly/monthly) server saves nothing by stopping, and whether a stopped POST_PAID one still bills is not documented: result.notice says which applies. Confirm with modelarts_get_dev_server.',
    "dev_server_id is the server id (a UUID) on the server's page in the ModelArts console (Lite Server), or from list_running_tasks.",
  ].join('\n'),
  input: {
    dev_server_id: paramId('ModelArts Lite Server id, e.g. 0c5b7f2e-3a1d-4e9b-8f6a-1d2c3b4a5e6f.'),
    ...huaweiScopeShape,
  },
  target: ({ dev_server_id }) => ({ dev_server_id }),
  status,
  confirmField: 'dev_server_id',
  request: ({ dev_server_id }, { projectId }: HuaweiScope) => ({
    method: 'PUT',
    path: apiPath`/v1/${projectId}/dev-servers/${dev_server_id}/stop`,
  }),
  notice: ({ answer, status: read }) =>
    chargingNotice(read?.billing?.charging_mode ?? str(asObject(answer)?.charging_mode)),
});
