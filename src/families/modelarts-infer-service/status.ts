import { asObject } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStatusTool } from '../../tools/define.js';
import { mapStatus, type StatusTable } from '../status-table.js';

/** A service of the new inference API: its `status`, upper-case (docs/providers-modern.md §M4). */
export const STATES: StatusTable = {
  INIT: ['pending', 'waiting to be deployed'],
  DEPLOYING: ['pending', 'deploying'],
  RUNNING: ['running', 'running'],
  CONCERNING: ['running', 'running, with an alarm'],
  UPGRADING: ['running', 'upgrading'],
  STOPPING: ['stopping', 'stopping'],
  INTERRUPTING: ['stopping', 'interrupting'],
  STOPPED: ['stopped', 'stopped'],
  FAILED: ['failed', 'failed'],
  ERROR: ['failed', 'error'],
  DELETING: ['stopping', 'deleting'],
};

export default defineStatusTool({
  name: 'modelarts_get_infer_service',
  title: 'Read a ModelArts inference service status',
  provider: 'huaweicloud',
  description: [
    'Read the status of a Huawei Cloud ModelArts inference service of the new inference API (ShowInferService). Read-only.',
    'Use before stopping, to check it is still running, and after, to confirm it reached "STOPPED".',
    'status.raw is the service status: INIT, DEPLOYING, RUNNING, CONCERNING, UPGRADING, STOPPING, INTERRUPTING, STOPPED, FAILED, ERROR or DELETING.',
  ].join('\n'),
  input: {
    service_id: paramId('ModelArts inference service id of the new inference API.'),
    ...huaweiScopeShape,
  },
  target: ({ service_id }) => ({ service_id }),
  request: ({ service_id }, { projectId }: HuaweiScope) => ({
    method: 'GET',
    path: apiPath`/v2/${projectId}/services/${service_id}`,
  }),
  readStatus: (body) => mapStatus(STATES, asObject(body)?.status),
});
