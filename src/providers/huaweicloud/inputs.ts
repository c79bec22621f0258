// Inputs every ModelArts tool takes besides its ids: where the task lives.
import * as z from 'zod/v4';
import { paramId } from '../../core/params.js';
import { isRegion } from './config.js';

const PROJECT_DESCRIPTION =
  'Huawei Cloud project id for the region (32 hex characters). Defaults to HUAWEICLOUD_SDK_PROJECT_ID, else looked up from IAM.';

export const huaweiScopeShape = {
  region: z
    .string({ error: 'must be a string' })
    .refine(isRegion, { error: 'must be a Huawei Cloud region id such as cn-north-4 or ap-southeast-1' })
    .optional()
    .describe('Huawei Cloud region id, e.g. cn-north-4. Defaults to the configured HUAWEICLOUD_SDK_REGION.'),
  project_id: paramId(PROJECT_DESCRIPTION).optional().describe(PROJECT_DESCRIPTION),
};
