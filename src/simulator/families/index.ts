// The simulated families, one per family id: the compiler names a family the simulator does not serve yet.
import type { FamilyId } from '../../core/ids.js';
import type { SimFamily } from './define.js';
import { modelartsIntelligentTask } from './modelarts-intelligent-task.js';
import { modelartsTrainingJob } from './modelarts-training-job.js';
import { modelartsTrainingJobVersion } from './modelarts-training-job-version.js';
import { qianfanBatchInferenceTask } from './qianfan-batch-inference-task.js';
import { qianfanEvaluationTask } from './qianfan-evaluation-task.js';
import { qianfanFineTuningTask } from './qianfan-fine-tuning-task.js';

export const SIM_FAMILIES: Record<FamilyId, SimFamily> = {
  modelarts_intelligent_task: modelartsIntelligentTask,
  modelarts_training_job_version: modelartsTrainingJobVersion,
  modelarts_training_job: modelartsTrainingJob,
  qianfan_batch_inference_task: qianfanBatchInferenceTask,
  qianfan_fine_tuning_task: qianfanFineTuningTask,
  qianfan_evaluation_task: qianfanEvaluationTask,
};
