// Where requests go: an endpoint with the setting that chose it, and the outbound proxy settings.

export interface Endpoint {
  url: string;
  /** Where the value came from (a variable or flag name, or "default"), for error hints. */
  source: string;
}

/** Outbound proxy settings. A proxy URL may carry the proxy's own user:password: never print `url`. */
export interface ProxyConfig {
  /** Proxy for http:// endpoints (http_proxy / HTTP_PROXY). */
  http: Endpoint | undefined;
  /** Proxy for https:// endpoints (https_proxy / HTTPS_PROXY, else the HTTP proxy, as undici does). */
  https: Endpoint | undefined;
  /** no_proxy / NO_PROXY as given: comma-separated hosts, .domains, host:port, or "*". */
  noProxy: string;
  /** ML_STOP_PROXY_LOOPBACK: send loopback endpoints through the proxy too (by default they never are). */
  loopback: boolean;
}
