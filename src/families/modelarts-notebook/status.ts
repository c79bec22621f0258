import { asObject, str } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStatusTool } from '../../tools/define.js';
import type { Status } from '../../tools/schemas.js';
import { mapStatus, type StatusTable } from '../status-table.js';
import { ERROR_CODES } from './errors.js';

/** A notebook instance's `status` (docs/providers-modern.md §M2). */
export const STATES: StatusTable = {
  INIT: ['pending', 'initialising'],
  CREATING: ['pending', 'creating'],
  STARTING: ['pending', 'starting'],
  RUNNING: ['running', 'running'],
  SNAPSHOTTING: ['running', 'saving an image'],
  STOPPING: ['stopping', 'stopping'],
  STOPPED: ['stopped', 'stopped'],
  DELETING: ['stopping', 'deleting'],
  DELETED: ['stopped', 'deleted'],
  FROZEN: ['stopped', 'frozen (arrears)'],
  CREATE_FAILED: ['failed', 'creation failed'],
  START_FAILED: ['failed', 'start failed'],
  DELETE_FAILED: ['failed', 'deletion failed'],
  ERROR: ['failed', 'error'],
};

/** The billing facts a notebook object carries: what it is billed for, and whether it is the free CodeLab. */
export function billingOf(notebook: Record<string, unknown> | undefined): Record<string, string> | undefined {
  const items = notebook?.billing_items;
  const billing = {
    ...(Array.isArray(items) && items.length ? { billing_items: items.map(String).join(',') } : {}),
    ...(str(notebook?.feature) ? { feature: str(notebook?.feature)! } : {}),
  };
  return Object.keys(billing).length ? billing : undefined;
}

export function readNotebook(body: unknown): Status {
  const notebook = asObject(body);
  const status = mapStatus(STATES, notebook?.status);
  const billing = billingOf(notebook);
  return billing ? { ...status, billing } : status;
}

/** Storage outlives a stop: say so, unless the instance is the free CodeLab (feature DEFAULT). */
export function storageNotice(billing: Record<string, string> | undefined): string | undefined {
  if (billing?.feature === 'DEFAULT') return undefined;
  return "A stopped notebook's storage (its EVS disk) stays billed until the notebook is deleted; stopping ends the compute charges. Delete it in the ModelArts console (Development Environment > Notebook) when its data is no longer needed.";
}

export default defineStatusTool({
  name: 'modelarts_get_notebook',
  title: 'Read a ModelArts notebook status',
  provider: 'huaweicloud',
  description: [
    'Read the status of a Huawei Cloud ModelArts notebook instance (DevEnviron, ShowNotebook), with what it is billed for. Read-only.',
    'Use before stopping, to check it is still running, and after, to confirm it reached "STOPPED".',
    'status.raw is the instance status: INIT, CREATING, STARTING, RUNNING, SNAPSHOTTING, STOPPING, STOPPED, FROZEN, ERROR, … status.billing gives billing_items (STORAGE, COMPUTE, ALL) and feature (NOTEBOOK is billed; DEFAULT is the free CodeLab).',
  ].join('\n'),
  input: {
    notebook_id: paramId('ModelArts notebook instance id (a UUID).'),
    ...huaweiScopeShape,
  },
  target: ({ notebook_id }) => ({ notebook_id }),
  request: ({ notebook_id }, { projectId }: HuaweiScope) => ({
    method: 'GET',
    path: apiPath`/v1/${projectId}/notebooks/${notebook_id}`,
    answers: { codes: ERROR_CODES },
  }),
  readStatus: readNotebook,
});
