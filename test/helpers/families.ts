// The five stop tools with their status tools, simulator families and provider refusals, for table-driven tests.
import type { Family } from '../../src/simulator/inventory.js';
import type { RecordedRequest } from '../../src/simulator/server.js';
import { PROJECT } from './harness.js';

export interface StopCase {
  tool: string;
  statusTool: string;
  family: Family;
  /** Tool arguments for a task id (digits for training jobs). */
  args(id: string): Record<string, string>;
  /** The simulator's key for the same task. */
  ids(id: string): Record<string, string>;
  /** What the provider answers when the task no longer runs. */
  refusal: { http: number; code: string };
  stoppedRaw: string | number;
  succeededRaw: string | number;
  confirmField: string;
}

export const STOP_CASES: StopCase[] = [
  {
    tool: 'modelarts_stop_intelligent_task', statusTool: 'modelarts_get_intelligent_task', family: 'modelarts_intelligent_task',
    args: (id) => ({ dataset_id: 'ds-c', task_id: id }), ids: (id) => ({ project_id: PROJECT, dataset_id: 'ds-c', task_id: id }),
    refusal: { http: 400, code: 'ModelArts.4393' }, stoppedRaw: 5, succeededRaw: 3, confirmField: 'task_id',
  },
  {
    tool: 'modelarts_stop_training_job_version', statusTool: 'modelarts_get_training_job_version', family: 'modelarts_training_job_version',
    args: (id) => ({ job_id: '4242', version_id: id }), ids: (id) => ({ project_id: PROJECT, job_id: '4242', version_id: id }),
    refusal: { http: 400, code: 'ModelArts.0105' }, stoppedRaw: 12, succeededRaw: 10, confirmField: 'version_id',
  },
  {
    tool: 'qianfan_stop_batch_inference_task', statusTool: 'qianfan_get_batch_inference_task', family: 'qianfan_batch_inference_task',
    args: (id) => ({ task_id: `infer-${id}` }), ids: (id) => ({ task_id: `infer-${id}` }),
    refusal: { http: 400, code: 'TaskStatusNotAllowed' }, stoppedRaw: 'Stopped', succeededRaw: 'Done', confirmField: 'task_id',
  },
  {
    tool: 'qianfan_stop_fine_tuning_task', statusTool: 'qianfan_get_fine_tuning_task', family: 'qianfan_fine_tuning_task',
    args: (id) => ({ task_id: `task-${id}` }), ids: (id) => ({ task_id: `task-${id}` }),
    refusal: { http: 200, code: 'ResultFalse' }, stoppedRaw: 'Stopped', succeededRaw: 'Done', confirmField: 'task_id',
  },
  {
    tool: 'qianfan_stop_evaluation_task', statusTool: 'qianfan_get_evaluation_task', family: 'qianfan_evaluation_task',
    args: (id) => ({ evaluation_id: `ame-${id}` }), ids: (id) => ({ evaluation_id: `ame-${id}` }),
    refusal: { http: 200, code: 'ResultFalse' }, stoppedRaw: 'Stopped', succeededRaw: 'Done', confirmField: 'evaluation_id',
  },
];

let counter = 1000;
/** A fresh digit id, so every test works on its own task. */
export const freshId = (): string => String(++counter);

export function isStop(r: RecordedRequest): boolean {
  return r.path.endsWith('/stop') || r.path.endsWith('/eval/cancel') || /^Stop/.test(r.query.get('Action') ?? '');
}

export function isStatusRead(r: RecordedRequest): boolean {
  return (r.method === 'GET' && /\/(tasks|versions)\//.test(r.path)) || r.path.endsWith('/eval/detail') || /^Describe/.test(r.query.get('Action') ?? '');
}
