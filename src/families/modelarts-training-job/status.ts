import { asObject, str } from '../../core/json.js';
import { paramId } from '../../core/params.js';
import type { HuaweiScope } from '../../providers/huaweicloud/client.js';
import { huaweiScopeShape } from '../../providers/huaweicloud/inputs.js';
import { apiPath } from '../../providers/request.js';
import { defineStatusTool } from '../../tools/define.js';
import { mapStatus, type StatusTable } from '../status-table.js';
import { ERROR_CODES } from './errors.js';

/** A new-version training job's `status.phase` (docs/providers-modern.md §M1). */
export const STATES: StatusTable = {
  Creating: ['pending', 'creating'],
  Pending: ['pending', 'waiting for resources'],
  Running: ['running', 'running'],
  Terminating: ['stopping', 'terminating'],
  Terminated: ['stopped', 'terminated'],
  Completed: ['succeeded', 'completed'],
  Failed: ['failed', 'failed'],
  Abnormal: ['failed', 'abnormal'],
};

/** The job's phase, with its secondary phase (internal to ModelArts, shown only as detail) when it says more. */
export function readJob(body: unknown) {
  const status = asObject(asObject(body)?.status);
  const read = mapStatus(STATES, status?.phase);
  const secondary = str(status?.secondary_phase);
  return secondary && secondary !== str(status?.phase) ? { ...read, detail: `${read.detail} (${secondary})` } : read;
}

export default defineStatusTool({
  name: 'modelarts_get_training_job',
  title: 'Read a ModelArts training job status',
  provider: 'huaweicloud',
  description: [
    'Read the status of a Huawei Cloud ModelArts training job (the current training API, ShowTrainingJobDetails). Read-only.',
    'Use before stopping, to check the job is still running, and after, to confirm it reached "Terminated".',
    'status.raw is status.phase: Creating, Pending, Running, Terminating, Terminated, Completed, Failed or Abnormal.',
  ].join('\n'),
  input: {
    training_job_id: paramId('ModelArts training job id (a UUID).'),
    ...huaweiScopeShape,
  },
  target: ({ training_job_id }) => ({ training_job_id }),
  request: ({ training_job_id }, { projectId }: HuaweiScope) => ({
    method: 'GET',
    path: apiPath`/v2/${projectId}/training-jobs/${training_job_id}`,
    answers: { codes: ERROR_CODES },
  }),
  readStatus: readJob,
});
