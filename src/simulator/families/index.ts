// The simulated families, one per family id: the compiler names a family the simulator does not serve yet.
import type { FamilyId } from '../../core/ids.js';
import type { SimFamily } from './define.js';
import { modelartsDevServer } from './modelarts-dev-server.js';
import { modelartsInferService } from './modelarts-infer-service.js';
import { modelartsIntelligentTask } from './modelarts-intelligent-task.js';
import { modelartsNotebook } from './modelarts-notebook.js';
import { modelartsService } from './modelarts-service.js';
import { modelartsTrainingJob } from './modelarts-training-job.js';
import { modelartsTrainingJobVersion } from './modelarts-training-job-version.js';
import { qianfanBatchInferenceTask } from './qianfan-batch-inference-task.js';
import { qianfanEvaluationTask } from './qianfan-evaluation-task.js';
import { qianfanFineTuningTask } from './qianfan-fine-tuning-task.js';
import { qianfanModelCompressionTask } from './qianfan-model-compression-task.js';
import { qianfanService } from './qianfan-service.js';

export const SIM_FAMILIES: Record<FamilyId, SimFamily> = {
  modelarts_intelligent_task: modelartsIntelligentTask,
  modelarts_training_job_version: modelartsTrainingJobVersion,
  modelarts_training_job: modelartsTrainingJob,
  modelarts_notebook: modelartsNotebook,
  modelarts_service: modelartsService,
  modelarts_infer_service: modelartsInferService,
  modelarts_dev_server: modelartsDevServer,
  qianfan_batch_inference_task: qianfanBatchInferenceTask,
  qianfan_fine_tuning_task: qianfanFineTuningTask,
  qianfan_evaluation_task: qianfanEvaluationTask,
  qianfan_model_compression_task: qianfanModelCompressionTask,
  qianfan_service: qianfanService,
};
