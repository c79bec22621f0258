// Every family's stop tool with its status tool, simulator family and provider refusal, for the table-driven
// behaviour tests (dry run, wait, idempotency, confirmation, filters). Keyed by family id: a new family does not
// compile until it has its case here, and test/unit/families.test.ts checks each case names the family's own tools.
import type { FamilyId } from '../../src/core/ids.js';
import type { RecordedRequest } from '../../src/simulator/server.js';
import { PROJECT } from './harness.js';

export interface StopCase {
  tool: string;
  statusTool: string;
  family: FamilyId;
  /** Tool arguments for a task id (digits for training jobs). */
  args(id: string): Record<string, string>;
  /** The simulator's key for the same task. */
  ids(id: string): Record<string, string>;
  /** What the provider answers when the task no longer runs (finishedCode: when it finished, if that differs). */
  refusal: { http: number; code: string; finishedCode?: string };
  stoppedRaw: string | number;
  /** The provider's value for a task that succeeded; null when the provider has none (a notebook only stops). */
  succeededRaw: string | number | null;
  confirmField: string;
}

export const CASES: Record<FamilyId, StopCase> = {
  modelarts_intelligent_task: {
    tool: 'modelarts_stop_intelligent_task',
    statusTool: 'modelarts_get_intelligent_task',
    family: 'modelarts_intelligent_task',
    args: (id) => ({ dataset_id: 'ds-c', task_id: id }),
    ids: (id) => ({ project_id: PROJECT, dataset_id: 'ds-c', task_id: id }),
    refusal: { http: 400, code: 'ModelArts.4393' },
    stoppedRaw: 5,
    succeededRaw: 3,
    confirmField: 'task_id',
  },
  modelarts_training_job_version: {
    tool: 'modelarts_stop_training_job_version',
    statusTool: 'modelarts_get_training_job_version',
    family: 'modelarts_training_job_version',
    args: (id) => ({ job_id: '4242', version_id: id }),
    ids: (id) => ({ project_id: PROJECT, job_id: '4242', version_id: id }),
    refusal: { http: 400, code: 'ModelArts.0105' },
    stoppedRaw: 12,
    succeededRaw: 10,
    confirmField: 'version_id',
  },
  modelarts_training_job: {
    tool: 'modelarts_stop_training_job',
    statusTool: 'modelarts_get_training_job',
    family: 'modelarts_training_job',
    args: (id) => ({ training_job_id: `tj-${id}` }),
    ids: (id) => ({ project_id: PROJECT, training_job_id: `tj-${id}` }),
    refusal: { http: 409, code: 'ModelArts.2796' },
    stoppedRaw: 'Terminated',
    succeededRaw: 'Completed',
    confirmField: 'training_job_id',
  },
  modelarts_notebook: {
    tool: 'modelarts_stop_notebook',
    statusTool: 'modelarts_get_notebook',
    family: 'modelarts_notebook',
    args: (id) => ({ notebook_id: `nb-${id}` }),
    ids: (id) => ({ project_id: PROJECT, notebook_id: `nb-${id}` }),
    refusal: { http: 400, code: 'ModelArts.6307', finishedCode: 'ModelArts.6327' },
    stoppedRaw: 'STOPPED',
    succeededRaw: null,
    confirmField: 'notebook_id',
  },
  modelarts_service: {
    tool: 'modelarts_stop_service',
    statusTool: 'modelarts_get_service',
    family: 'modelarts_service',
    args: (id) => ({ service_id: `svc-${id}` }),
    ids: (id) => ({ project_id: PROJECT, service_id: `svc-${id}` }),
    refusal: { http: 400, code: 'ModelArts.3519' },
    stoppedRaw: 'stopped',
    succeededRaw: 'finished',
    confirmField: 'service_id',
  },
  modelarts_infer_service: {
    tool: 'modelarts_stop_infer_service',
    statusTool: 'modelarts_get_infer_service',
    family: 'modelarts_infer_service',
    args: (id) => ({ service_id: `infer-svc-${id}` }),
    ids: (id) => ({ project_id: PROJECT, service_id: `infer-svc-${id}` }),
    refusal: { http: 400, code: 'ModelArts.3519' },
    stoppedRaw: 'STOPPED',
    succeededRaw: null,
    confirmField: 'service_id',
  },
  modelarts_dev_server: {
    tool: 'modelarts_stop_dev_server',
    statusTool: 'modelarts_get_dev_server',
    family: 'modelarts_dev_server',
    args: (id) => ({ dev_server_id: `ds-${id}` }),
    ids: (id) => ({ project_id: PROJECT, dev_server_id: `ds-${id}` }),
    refusal: { http: 400, code: 'ModelArts.7409' },
    stoppedRaw: 'STOPPED',
    succeededRaw: null,
    confirmField: 'dev_server_id',
  },
  qianfan_batch_inference_task: {
    tool: 'qianfan_stop_batch_inference_task',
    statusTool: 'qianfan_get_batch_inference_task',
    family: 'qianfan_batch_inference_task',
    args: (id) => ({ task_id: `infer-${id}` }),
    ids: (id) => ({ task_id: `infer-${id}` }),
    refusal: { http: 400, code: 'TaskStatusNotAllowed' },
    stoppedRaw: 'Stopped',
    succeededRaw: 'Done',
    confirmField: 'task_id',
  },
  qianfan_fine_tuning_task: {
    tool: 'qianfan_stop_fine_tuning_task',
    statusTool: 'qianfan_get_fine_tuning_task',
    family: 'qianfan_fine_tuning_task',
    args: (id) => ({ task_id: `task-${id}` }),
    ids: (id) => ({ task_id: `task-${id}` }),
    refusal: { http: 200, code: 'ResultFalse' },
    stoppedRaw: 'Stopped',
    succeededRaw: 'Done',
    confirmField: 'task_id',
  },
  qianfan_evaluation_task: {
    tool: 'qianfan_stop_evaluation_task',
    statusTool: 'qianfan_get_evaluation_task',
    family: 'qianfan_evaluation_task',
    args: (id) => ({ evaluation_id: `ame-${id}` }),
    ids: (id) => ({ evaluation_id: `ame-${id}` }),
    refusal: { http: 200, code: 'ResultFalse' },
    stoppedRaw: 'Stopped',
    succeededRaw: 'Done',
    confirmField: 'evaluation_id',
  },
  qianfan_model_compression_task: {
    tool: 'qianfan_stop_model_compression_task',
    statusTool: 'qianfan_get_model_compression_task',
    family: 'qianfan_model_compression_task',
    args: (id) => ({ task_id: `amva-${id}` }),
    ids: (id) => ({ task_id: `amva-${id}` }),
    refusal: { http: 400, code: 'TaskStatusNotAllowed' },
    stoppedRaw: 'stopped',
    succeededRaw: 'succeeded',
    confirmField: 'task_id',
  },
  qianfan_service: {
    tool: 'qianfan_stop_service',
    statusTool: 'qianfan_get_service',
    family: 'qianfan_service',
    args: (id) => ({ service_id: `svco-${id}` }),
    ids: (id) => ({ service_id: `svco-${id}` }),
    refusal: { http: 200, code: 'OperationFalse' },
    stoppedRaw: 'Stopped',
    succeededRaw: 'Done',
    confirmField: 'service_id',
  },
};

/** Every case, in family order: what the table-driven tests iterate. */
export const STOP_CASES: StopCase[] = Object.values(CASES);

let counter = 1000;
/** A fresh digit id, so every test works on its own task. */
export const freshId = (): string => String(++counter);

/** A stop request, as the simulated family that answered it says. */
export function isStop(r: RecordedRequest): boolean {
  return r.handled?.kind === 'stop';
}

/** A status read, as the simulated family that answered it says. */
export function isStatusRead(r: RecordedRequest): boolean {
  return r.handled?.kind === 'status';
}
