// Provider status values (providers.md section 3) mapped to one vocabulary. Undocumented values map to "unknown".
import { cleanText } from '../errors.js';
import type { State, Status } from './schemas.js';

type Table = Record<string, readonly [State, string]>;

const MODELARTS_TASK: Table = {
  '-1': ['pending', 'queuing'],
  '0': ['pending', 'initializing'],
  '1': ['running', 'running'],
  '2': ['failed', 'failed'],
  '3': ['succeeded', 'succeeded'],
  '4': ['stopping', 'stopping'],
  '5': ['stopped', 'stopped'],
};

const MODELARTS_JOB: Table = {
  '0': ['unknown', 'JOBSTAT_UNKNOWN'],
  '1': ['pending', 'JOBSTAT_INIT'],
  '2': ['pending', 'JOBSTAT_IMAGE_CREATING'],
  '3': ['failed', 'JOBSTAT_IMAGE_FAILED'],
  '4': ['pending', 'JOBSTAT_SUBMIT_TRYING'],
  '5': ['failed', 'JOBSTAT_SUBMIT_FAILED'],
  '6': ['failed', 'JOBSTAT_DELETE_FAILED'],
  '7': ['pending', 'JOBSTAT_WAITING'],
  '8': ['running', 'JOBSTAT_RUNNING'],
  '9': ['stopping', 'JOBSTAT_KILLING'],
  '10': ['succeeded', 'JOBSTAT_COMPLETED'],
  '11': ['failed', 'JOBSTAT_FAILED'],
  '12': ['stopped', 'JOBSTAT_KILLED'],
  '13': ['stopped', 'JOBSTAT_CANCELED'],
  '14': ['failed', 'JOBSTAT_LOST'],
  '15': ['running', 'JOBSTAT_SCALING'],
  '16': ['failed', 'JOBSTAT_SUBMIT_MODEL_FAILED'],
  '17': ['failed', 'JOBSTAT_DEPLOY_SERVICE_FAILED'],
  '18': ['pending', 'JOBSTAT_CHECK_INIT'],
  '19': ['running', 'JOBSTAT_CHECK_RUNNING'],
  '20': ['succeeded', 'JOBSTAT_CHECK_RUNNING_COMPLETED'],
  '21': ['failed', 'JOBSTAT_CHECK_FAILED'],
};

const BATCH_INFERENCE: Table = {
  Queuing: ['pending', 'queued'],
  Running: ['running', 'running'],
  Stopping: ['stopping', 'stopping'],
  Done: ['succeeded', 'finished'],
  Stopped: ['stopped', 'stopped'],
  Failed: ['failed', 'failed'],
  Expired: ['failed', 'expired (timed out)'],
};

const FINE_TUNING: Table = {
  Waiting: ['pending', 'queued'],
  Running: ['running', 'running'],
  Done: ['succeeded', 'training finished'],
  Stopped: ['stopped', 'training stopped'],
  Failed: ['failed', 'failed'],
};

const EVALUATION: Table = {
  Pending: ['pending', 'waiting to be scheduled'],
  Doing: ['running', 'running'],
  DoingWithManualBegin: ['running', 'running; human evaluation can begin (cannot be stopped)'],
  Stopping: ['stopping', 'stopping'],
  Done: ['succeeded', 'all evaluations succeeded'],
  PartlyDone: ['succeeded', 'partly succeeded'],
  Failed: ['failed', 'all evaluations failed'],
  Stopped: ['stopped', 'stopped'],
};

export const STATUS_TABLES = { MODELARTS_TASK, MODELARTS_JOB, BATCH_INFERENCE, FINE_TUNING, EVALUATION } as const;
export type StatusTable = keyof typeof STATUS_TABLES;

export function mapStatus(table: StatusTable, raw: unknown): Status {
  // An undocumented string is the provider's text: kept, but as one short clean line.
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? cleanText(raw, 64) : null;
  const hit = value === null ? undefined : STATUS_TABLES[table][String(value)];
  return hit ? { state: hit[0], raw: value, detail: hit[1] } : { state: 'unknown', raw: value, detail: 'value not documented by the provider' };
}
