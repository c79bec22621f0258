// The one undici dispatcher of the process: keep-alive connections, connect and read limits, and the proxy
// settings from configuration (HTTPS_PROXY / HTTP_PROXY / NO_PROXY), passed explicitly so undici never reads
// process.env on its own.
//
// undici is loaded on the first provider call, not at start-up: evaluating it costs more than the rest of the
// server's start-up together, and a session that only lists tools never needs it.
import type { Dispatcher } from 'undici';
import { LOOPBACK_HOSTS } from '../core/loopback.js';
import type { ProxyConfig } from './endpoint.js';

/** The undici module, imported once on first use (bundled, a CommonJS module arrives as the default export). */
export const undici = memo(async () => {
  const mod = await import('undici');
  return (mod as unknown as { default?: typeof mod }).default ?? mod;
});

/** The dispatcher, created on first use and shared by every call after that. */
export type LazyDispatcher = () => Promise<Dispatcher>;

/** Connecting (TCP, and TLS for https) gives up after this long, or the call's limit if that is shorter. */
export const CONNECT_LIMIT_MS = 10_000;

export function createDispatcher(timeoutMs: number, proxy: ProxyConfig): LazyDispatcher {
  const connectMs = Math.min(timeoutMs, CONNECT_LIMIT_MS);
  return memo(async () => {
    const { EnvHttpProxyAgent, Pool } = await undici();
    return new EnvHttpProxyAgent({
      httpProxy: proxy.http?.url ?? '',
      httpsProxy: proxy.https?.url ?? '',
      noProxy: effectiveNoProxy(proxy),
      // http:// endpoints go to an HTTP proxy as absolute-form requests (as curl does); https:// ones tunnel (CONNECT).
      proxyTunnel: false,
      keepAliveTimeout: 30_000,
      connect: { timeout: connectMs },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      // The connection to the proxy itself (its CONNECT answer included) gets the same connect limit; undici's
      // default would wait 300 s for a proxy that accepts the connection and never answers.
      clientFactory: (origin: URL, options: object) =>
        new Pool(origin, {
          ...options,
          connect: { timeout: connectMs },
          headersTimeout: connectMs,
          bodyTimeout: connectMs,
        }),
    });
  });
}

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
}

/** NO_PROXY as given, plus the loopback names; a lone "*" (no proxy at all) stays as it is. */
export function effectiveNoProxy(proxy: ProxyConfig): string {
  if (proxy.noProxy === '*' || proxy.loopback) return proxy.noProxy;
  return [proxy.noProxy, ...LOOPBACK_HOSTS].filter(Boolean).join(',');
}
