// The one undici dispatcher of the process: keep-alive connections, connect and read limits, and the proxy
// settings from configuration (HTTPS_PROXY / HTTP_PROXY / NO_PROXY), passed explicitly so undici never reads
// process.env on its own.
//
// undici is loaded on the first provider call, not at start-up: evaluating it costs more than the rest of the
// server's start-up together, and a session that only lists tools never needs it.
import type { Dispatcher } from 'undici';
import { LOOPBACK_HOSTS } from '../core/loopback.js';
import type { ProxyConfig } from './endpoint.js';

/** What a request is sent with: undici's `request` with the dispatcher always given. */
export interface RequestOptions extends Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> {
  method: Dispatcher.HttpMethod;
  dispatcher: Dispatcher;
}

/**
 * The parts of undici used here, imported once on first use from undici's own files rather than its index, which
 * also loads fetch, WebSocket, the mock agents, caches and interceptors: 319 KB bundled instead of 535 KB, about
 * 1.9 MB less live heap and half the time to load (docs/performance.md). These are undici's files, not its API, so
 * package.json takes undici's patch releases only. Of what the index does besides exporting, what this server needs
 * is done here too: the request API is mixed into every dispatcher (a proxy tunnel's CONNECT goes through it), and
 * `request` takes a URL and splits it into origin and path as undici's own `request` does. Not done: the index also
 * installs a global dispatcher for Node's built-in fetch, which nothing here uses.
 */
export const undici = memo(async () => {
  const [api, dispatcherClass, envHttpProxyAgent, pool, util] = await Promise.all([
    import('undici/lib/api/index.js'),
    import('undici/lib/dispatcher/dispatcher.js'),
    import('undici/lib/dispatcher/env-http-proxy-agent.js'),
    import('undici/lib/dispatcher/pool.js'),
    import('undici/lib/core/util.js'),
  ]);
  Object.assign(dispatcherClass.default.prototype, api.default);
  const { parseURL } = util.default;
  return {
    EnvHttpProxyAgent: envHttpProxyAgent.default,
    Pool: pool.default,
    request(url: string | URL, { dispatcher, ...options }: RequestOptions): Promise<Dispatcher.ResponseData> {
      const { origin, pathname, search } = parseURL(url);
      return api.default.request.call(dispatcher, { ...options, origin, path: `${pathname}${search}` });
    },
  };
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
