// The shared vocabulary: which providers and task families exist. This is the one file outside a provider's or a
// family's own folder that spells their ids; everything else iterates these lists or indexes a Record by them, so
// the compiler names every table a new provider or family still lacks. Imports nothing.

/** Every cloud provider the server speaks to. */
export const PROVIDER_IDS = ['huaweicloud', 'qianfan'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** How results and questions to the user name each provider. */
export const PROVIDER_NAMES: Record<ProviderId, string> = { huaweicloud: 'Huawei Cloud', qianfan: 'Baidu Qianfan' };

/** Every task family: one provider operation with its stop tool, status tool and discovery (src/families/<id>/). */
export const FAMILY_IDS = [
  'modelarts_intelligent_task',
  'modelarts_training_job_version',
  'modelarts_training_job',
  'modelarts_notebook',
  'modelarts_service',
  'modelarts_infer_service',
  'modelarts_dev_server',
  'qianfan_batch_inference_task',
  'qianfan_fine_tuning_task',
  'qianfan_evaluation_task',
  'qianfan_model_compression_task',
  'qianfan_service',
] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];
