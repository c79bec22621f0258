// The one undici dispatcher of the process: keep-alive connections, connect and read limits, and the proxy
// settings from configuration (HTTPS_PROXY / HTTP_PROXY / NO_PROXY), passed explicitly so undici never reads
// process.env on its own.
import { EnvHttpProxyAgent, type Dispatcher } from 'undici';
import type { ProxyConfig } from '../config.js';

/** Connecting (TCP, and TLS for https) gives up after this long, or the call's limit if that is shorter. */
export const CONNECT_LIMIT_MS = 10_000;

/** Loopback endpoints (local simulators, SSH tunnels) never go through a proxy unless ML_STOP_PROXY_LOOPBACK is set. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function createDispatcher(timeoutMs: number, proxy: ProxyConfig): Dispatcher {
  return new EnvHttpProxyAgent({
    httpProxy: proxy.http?.url ?? '',
    httpsProxy: proxy.https?.url ?? '',
    noProxy: effectiveNoProxy(proxy),
    // http:// endpoints go to an HTTP proxy as absolute-form requests (as curl does); https:// ones tunnel (CONNECT).
    proxyTunnel: false,
    keepAliveTimeout: 30_000,
    connect: { timeout: Math.min(timeoutMs, CONNECT_LIMIT_MS) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
}

/** NO_PROXY as given, plus the loopback names; a lone "*" (no proxy at all) stays as it is. */
export function effectiveNoProxy(proxy: ProxyConfig): string {
  if (proxy.noProxy === '*' || proxy.loopback) return proxy.noProxy;
  return [proxy.noProxy, ...LOOPBACK_HOSTS].filter(Boolean).join(',');
}
