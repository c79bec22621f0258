// Builds the provider clients once per process from the configuration, sharing one keep-alive dispatcher.
import type { Config } from './config.js';
import { proxySecrets, registerSecrets } from './core/redact.js';
import { PROVIDER_IDS } from './core/ids.js';
import { createDispatcher } from './providers/dispatcher.js';
import { providerModule } from './providers/index.js';
import type { RetryTuning } from './providers/retry.js';
import type { HttpOptions } from './providers/send.js';
import type { Clients } from './tools/context.js';

/** `retry` overrides the retry timing (tests make backoff short); the defaults are the real ones. */
export function createClients(config: Config, now?: () => Date, retry?: Partial<RetryTuning>): Clients {
  // Every secret of the configuration is redacted from what upstreams and proxies may echo back (src/core/redact.ts).
  registerSecrets([
    ...PROVIDER_IDS.flatMap((p) => providerModule(p).secrets(config.providers[p])),
    ...proxySecrets(config.proxy.http?.url),
    ...proxySecrets(config.proxy.https?.url),
    config.http.token,
  ]);
  const http: HttpOptions = {
    dispatcher: createDispatcher(config.timeoutMs, config.proxy),
    timeoutMs: config.timeoutMs,
    proxy: config.proxy,
    ...(retry ? { retry } : {}),
  };
  return Object.fromEntries(
    PROVIDER_IDS.map((p) => [p, providerModule(p).createClient(config.providers[p], http, now)]),
  ) as Clients;
}
