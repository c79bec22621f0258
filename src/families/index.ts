// The family registry: every task family the server covers, in the order tools/list shows their tools. Adding a
// family means a new folder beside this file and one line here; the compiler then names every table that still
// lacks the new id (src/core/ids.ts lists the ids).
import type { FamilyId } from '../core/ids.js';
import type { Family } from './define.js';
import modelartsDevServer from './modelarts-dev-server/index.js';
import modelartsInferService from './modelarts-infer-service/index.js';
import modelartsIntelligentTask from './modelarts-intelligent-task/index.js';
import modelartsNotebook from './modelarts-notebook/index.js';
import modelartsService from './modelarts-service/index.js';
import modelartsTrainingJob from './modelarts-training-job/index.js';
import modelartsTrainingJobVersion from './modelarts-training-job-version/index.js';
import qianfanBatchInferenceTask from './qianfan-batch-inference-task/index.js';
import qianfanEvaluationTask from './qianfan-evaluation-task/index.js';
import qianfanFineTuningTask from './qianfan-fine-tuning-task/index.js';
import qianfanModelCompressionTask from './qianfan-model-compression-task/index.js';
import qianfanService from './qianfan-service/index.js';

export const FAMILIES = {
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
} as const satisfies Record<FamilyId, Family>;
