// Baidu Qianfan (console API) as the rest of the server sees it.
import type { ProviderModule } from '../client.js';
import { QIANFAN_CREDENTIAL_VARS, QianfanClient, type QianfanScope } from './client.js';
import { loadQianfanConfig, simulatedQianfanConfig, type QianfanConfig } from './config.js';

export const qianfan: ProviderModule<QianfanConfig, QianfanScope> = {
  id: 'qianfan',
  product: 'Qianfan',
  toolPrefix: 'qianfan_',
  flags: {
    'qianfan-base-url': {
      arg: 'URL',
      help: 'Qianfan console API (QIANFAN_CONSOLE_API_BASE_URL, default https://qianfan.baidubce.com)',
    },
  },
  credentialVars: QIANFAN_CREDENTIAL_VARS,
  secretVars: [QIANFAN_CREDENTIAL_VARS.ak, QIANFAN_CREDENTIAL_VARS.sk],
  credentialHelp: 'QIANFAN_ACCESS_KEY, QIANFAN_SECRET_KEY',
  loadConfig: loadQianfanConfig,
  foreignEndpoints: ({ baseUrl }) =>
    /(^|\.)baidubce\.com$/i.test(new URL(baseUrl.url).hostname)
      ? []
      : [{ source: baseUrl.source, url: new URL(baseUrl.url).origin }],
  secrets: ({ credentials: c }) => (c ? [c.ak, c.sk] : []),
  configured: (config) => config.credentials !== undefined,
  missing: (config) => config.missing,
  summary: (config) => (config.credentials ? 'configured' : `not configured (set ${config.missing.join(', ')})`),
  simulated: simulatedQianfanConfig,
  createClient: (config, http, now) => new QianfanClient(config, http, now),
  listInput: {},
};
