import type { Category } from '../../core/errors.js';
import { asObject } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStatusTool } from '../../tools/define.js';
import { mapStatus, type StatusTable } from '../status-table.js';

/** A service of the old (v1) inference API: its `status`, lower-case (docs/providers-modern.md §M3). */
export const STATES: StatusTable = {
  deploying: ['pending', 'deploying'],
  pending: ['pending', 'pending'],
  waiting: ['pending', 'queued for resources'],
  running: ['running', 'running'],
  concerning: ['running', 'running, some instances faulty'],
  stopping: ['stopping', 'stopping'],
  stopped: ['stopped', 'stopped'],
  finished: ['succeeded', 'finished (batch service)'],
  failed: ['failed', 'failed'],
  deleting: ['stopping', 'deleting'],
};

/** 3502: the service does not exist; 3519: the service cannot be updated in its current state. */
export const ERROR_CODES: Readonly<Record<string, Category>> = {
  'ModelArts.3502': 'not_found',
  'ModelArts.3519': 'conflict',
};

export default defineStatusTool({
  name: 'modelarts_get_service',
  title: 'Read a ModelArts service status',
  provider: 'huaweicloud',
  description: [
    'Read the status of a Huawei Cloud ModelArts real-time or batch service of the old (v1) inference API. Read-only.',
    'Use before stopping, to check it is still running, and after, to confirm it reached "stopped".',
    'status.raw is the service status: deploying, pending, waiting, running, concerning, stopping, stopped, finished (batch), failed or deleting.',
  ].join('\n'),
  input: {
    service_id: paramId('ModelArts service id (a UUID) of the v1 inference API.'),
    ...huaweiScopeShape,
  },
  target: ({ service_id }) => ({ service_id }),
  request: ({ service_id }, { projectId }: HuaweiScope) => ({
    method: 'GET',
    path: apiPath`/v1/${projectId}/services/${service_id}`,
    answers: { codes: ERROR_CODES },
  }),
  readStatus: (body) => mapStatus(STATES, asObject(body)?.status),
});
