// Baidu Qianfan settings: the console API base URL and the IAM access key pair (docs/providers.md §4.4).
import { checkUrl, envValue } from '../../core/settings.js';
import type { ProviderSettings } from '../client.js';
import type { Endpoint } from '../endpoint.js';

export interface QianfanConfig {
  credentials: { ak: string; sk: string } | undefined;
  missing: string[];
  baseUrl: Endpoint;
}

export const DEFAULT_QIANFAN_BASE_URL = 'https://qianfan.baidubce.com';

export function loadQianfanConfig(s: ProviderSettings): QianfanConfig {
  const base = s.setting('qianfan-base-url', 'QIANFAN_CONSOLE_API_BASE_URL', DEFAULT_QIANFAN_BASE_URL)!;
  const ak = envValue(s.env, 'QIANFAN_ACCESS_KEY');
  const sk = envValue(s.env, 'QIANFAN_SECRET_KEY');
  return {
    credentials: ak && sk ? { ak, sk } : undefined,
    missing: [ak ? '' : 'QIANFAN_ACCESS_KEY', sk ? '' : 'QIANFAN_SECRET_KEY'].filter(Boolean),
    baseUrl: { url: checkUrl(base.value, base.source), source: base.source },
  };
}

/** The configuration with every request sent to `endpoint` with `keys` (--simulate). */
export function simulatedQianfanConfig(
  config: QianfanConfig,
  endpoint: Endpoint,
  keys: { ak: string; sk: string },
): QianfanConfig {
  return { ...config, credentials: { ...keys }, missing: [], baseUrl: endpoint };
}
