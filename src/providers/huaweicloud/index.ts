// Huawei Cloud (ModelArts) as the rest of the server sees it.
import type { ProviderModule } from '../client.js';
import { HUAWEI_CREDENTIAL_VARS, HuaweiClient, type HuaweiScope } from './client.js';
import { loadHuaweiConfig, simulatedHuaweiConfig, type HuaweiConfig } from './config.js';
import { huaweiScopeShape } from './inputs.js';

export const huaweicloud: ProviderModule<HuaweiConfig, HuaweiScope> = {
  id: 'huaweicloud',
  product: 'ModelArts',
  toolPrefix: 'modelarts_',
  flags: {
    region: { arg: 'ID', help: 'default ModelArts region (HUAWEICLOUD_SDK_REGION, default cn-north-4)' },
    'project-id': {
      arg: 'ID',
      help: 'ModelArts project id (HUAWEICLOUD_SDK_PROJECT_ID; looked up from IAM when unset)',
    },
    'iam-endpoint': { arg: 'URL', help: 'Huawei IAM endpoint (HUAWEICLOUD_SDK_IAM_ENDPOINT)' },
  },
  credentialVars: HUAWEI_CREDENTIAL_VARS,
  secretVars: [HUAWEI_CREDENTIAL_VARS.ak, HUAWEI_CREDENTIAL_VARS.sk, 'HUAWEICLOUD_SDK_SECURITY_TOKEN'],
  credentialHelp: 'HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN (temporary keys)',
  loadConfig: loadHuaweiConfig,
  foreignEndpoints: (config) =>
    [...Object.values(config.endpoints), ...(config.iamEndpoint ? [config.iamEndpoint] : [])]
      .filter((e) => !/(^|\.)myhuaweicloud\.(com|cn)$/i.test(new URL(e.url).hostname))
      .map((e) => ({ source: e.source, url: new URL(e.url).origin })),
  secrets: ({ credentials: c }) => (c ? [c.ak, c.sk, ...(c.securityToken ? [c.securityToken] : [])] : []),
  configured: (config) => config.credentials !== undefined,
  missing: (config) => config.missing,
  summary: (config) =>
    config.credentials ? `configured, region ${config.region}` : `not configured (set ${config.missing.join(', ')})`,
  simulated: simulatedHuaweiConfig,
  createClient: (config, http, now) => new HuaweiClient(config, http, now),
  listInput: huaweiScopeShape,
};
