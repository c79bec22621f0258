// Builds the provider clients once per process from the configuration, sharing one keep-alive dispatcher.
import type { Config } from './config.js';
import { createDispatcher } from './providers/http.js';
import { HuaweiClient } from './providers/huaweicloud/client.js';
import { QianfanClient } from './providers/qianfan/client.js';
import type { Clients } from './tools/run.js';

export function createClients(config: Config, now?: () => Date): Clients {
  const http = { dispatcher: createDispatcher(config.timeoutMs), timeoutMs: config.timeoutMs };
  return {
    huaweicloud: new HuaweiClient(config.huaweicloud, http, now),
    qianfan: new QianfanClient(config.qianfan, http, now),
  };
}
