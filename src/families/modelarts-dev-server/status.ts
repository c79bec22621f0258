import { asObject, str } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStatusTool } from '../../tools/define.js';
import type { Status } from '../../tools/schemas.js';
import { mapStatus, type StatusTable } from '../status-table.js';

/** A Lite Server's `status` (docs/providers-modern.md §M5). */
export const STATES: StatusTable = {
  CREATING: ['pending', 'creating'],
  STARTING: ['pending', 'starting'],
  RUNNING: ['running', 'running'],
  REBOOTING: ['running', 'rebooting'],
  CHANGINGOS: ['running', 'changing its OS'],
  REINSTALLINGOS: ['running', 'reinstalling its OS'],
  STOPPING: ['stopping', 'stopping'],
  STOPPED: ['stopped', 'stopped'],
  DELETING: ['stopping', 'deleting'],
  DELETED: ['stopped', 'deleted'],
  STOP_FAILED: ['failed', 'stop failed'],
  START_FAILED: ['failed', 'start failed'],
  REBOOT_FAILED: ['failed', 'reboot failed'],
  CREATE_FAILED: ['failed', 'creation failed'],
  CHANGINGOS_FAILED: ['failed', 'OS change failed'],
  REINSTALLINGOS_FAILED: ['failed', 'OS reinstall failed'],
  DELETE_FAILED: ['failed', 'deletion failed'],
  ERROR: ['failed', 'error'],
};

export function readServer(body: unknown): Status {
  const server = asObject(body);
  const status = mapStatus(STATES, server?.status);
  const mode = str(server?.charging_mode);
  return mode ? { ...status, billing: { charging_mode: mode } } : status;
}

/**
 * What a stop leaves billing, by charging mode (docs/providers-modern.md §M5): a yearly/monthly server saves nothing
 * by stopping; whether a stopped pay-per-use server still bills is not documented (UNVERIFIED), so say that.
 */
export function chargingNotice(mode: string | undefined): string | undefined {
  if (mode === 'PRE_PAID') {
    return 'This Lite Server is PRE_PAID (yearly/monthly): stopping it saves nothing, the subscription is billed until it expires.';
  }
  if (mode === 'POST_PAID') {
    return 'This Lite Server is POST_PAID (pay-per-use). Whether a stopped Lite Server still bills is not documented; check the Billing Center, and its disks may keep billing until the server is deleted.';
  }
  return undefined;
}

export default defineStatusTool({
  name: 'modelarts_get_dev_server',
  title: 'Read a ModelArts Lite Server status',
  provider: 'huaweicloud',
  description: [
    'Read the status of a Huawei Cloud ModelArts Lite Server (dev-server: a dedicated GPU/NPU server), with its charging mode. Read-only.',
    'Use before stopping, to check it is still running, and after, to confirm it reached "STOPPED".',
    'status.raw is the server status: CREATING, STARTING, RUNNING, REBOOTING, STOPPING, STOPPED, ERROR, … status.billing.charging_mode is POST_PAID (pay-per-use), PRE_PAID (yearly/monthly) or COMMON.',
  ].join('\n'),
  input: {
    dev_server_id: paramId('ModelArts Lite Server id (a UUID).'),
    ...huaweiScopeShape,
  },
  target: ({ dev_server_id }) => ({ dev_server_id }),
  request: ({ dev_server_id }, { projectId }: HuaweiScope) => ({
    method: 'GET',
    path: apiPath`/v1/${projectId}/dev-servers/${dev_server_id}`,
  }),
  readStatus: readServer,
});
