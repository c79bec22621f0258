// Builds the provider clients once per process from the configuration, sharing one keep-alive dispatcher.
import type { Config } from './config.js';
import { createDispatcher } from './providers/dispatcher.js';
import type { HttpOptions } from './providers/http.js';
import { HuaweiClient } from './providers/huaweicloud/client.js';
import { QianfanClient } from './providers/qianfan/client.js';
import type { RetryTuning } from './providers/retry.js';
import type { Clients } from './tools/run.js';

/** `retry` overrides the retry timing (tests make backoff short); the defaults are the real ones. */
export function createClients(config: Config, now?: () => Date, retry?: Partial<RetryTuning>): Clients {
  const http: HttpOptions = {
    dispatcher: createDispatcher(config.timeoutMs, config.proxy),
    timeoutMs: config.timeoutMs,
    proxy: config.proxy,
    ...(retry ? { retry } : {}),
  };
  return {
    huaweicloud: new HuaweiClient(config.huaweicloud, http, now),
    qianfan: new QianfanClient(config.qianfan, http, now),
  };
}
