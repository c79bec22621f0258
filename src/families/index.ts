// The family registry: every task family the server covers, in the order tools/list shows their tools. Adding a
// family means a new folder beside this file and one line here; the compiler then names every table that still
// lacks the new id (src/core/ids.ts lists the ids).
import type { FamilyId } from '../core/ids.js';
import type { Family } from './define.js';
import modelartsIntelligentTask from './modelarts-intelligent-task/index.js';
import modelartsTrainingJob from './modelarts-training-job/index.js';
import modelartsTrainingJobVersion from './modelarts-training-job-version/index.js';
import qianfanBatchInferenceTask from './qianfan-batch-inference-task/index.js';
import qianfanEvaluationTask from './qianfan-evaluation-task/index.js';
import qianfanFineTuningTask from './qianfan-fine-tuning-task/index.js';

export const FAMILIES = {
  modelarts_intelligent_task: modelartsIntelligentTask,
  modelarts_training_job_version: modelartsTrainingJobVersion,
  modelarts_training_job: modelartsTrainingJob,
  qianfan_batch_inference_task: qianfanBatchInferenceTask,
  qianfan_fine_tuning_task: qianfanFineTuningTask,
  qianfan_evaluation_task: qianfanEvaluationTask,
} as const satisfies Record<FamilyId, Family>;
