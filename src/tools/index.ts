// Every tool, in the order tools/list shows them. Adding a tool means adding its file and a line here.
import type { AnyToolDefinition } from './define.js';
import modelartsStopIntelligentTask from './modelarts-stop-intelligent-task.js';
import modelartsStopTrainingJobVersion from './modelarts-stop-training-job-version.js';
import qianfanStopBatchInferenceTask from './qianfan-stop-batch-inference-task.js';
import qianfanStopFineTuningTask from './qianfan-stop-fine-tuning-task.js';
import qianfanStopEvaluationTask from './qianfan-stop-evaluation-task.js';
import modelartsGetIntelligentTask from './modelarts-get-intelligent-task.js';
import modelartsGetTrainingJobVersion from './modelarts-get-training-job-version.js';
import qianfanGetBatchInferenceTask from './qianfan-get-batch-inference-task.js';
import qianfanGetFineTuningTask from './qianfan-get-fine-tuning-task.js';
import qianfanGetEvaluationTask from './qianfan-get-evaluation-task.js';
import listRunningTasks from './list-running-tasks.js';

export const allTools: readonly AnyToolDefinition[] = [
  modelartsStopIntelligentTask,
  modelartsStopTrainingJobVersion,
  qianfanStopBatchInferenceTask,
  qianfanStopFineTuningTask,
  qianfanStopEvaluationTask,
  modelartsGetIntelligentTask,
  modelartsGetTrainingJobVersion,
  qianfanGetBatchInferenceTask,
  qianfanGetFineTuningTask,
  qianfanGetEvaluationTask,
  listRunningTasks,
];
