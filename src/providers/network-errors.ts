// Turns what undici throws (refused, reset, DNS, TLS, proxy, timeouts) into a ToolError that names the endpoint
// and, when it came from configuration, the variable that set it.
import { ToolError } from '../core/errors.js';
import { cleanText } from '../core/text.js';
import type { Endpoint, ProxyConfig } from './endpoint.js';

/** What went wrong, by error code; `lasting` failures (certificates, protocol mismatch) are not worth resending. */
const CAUSES: Array<{ codes: RegExp; cause: string; lasting?: boolean }> = [
  { codes: /^ECONNREFUSED$/, cause: 'the connection was refused (nothing is listening there)' },
  {
    codes: /^(ENOTFOUND|EAI_AGAIN|EAI_FAIL|EAI_NONAME|EAI_NODATA)$/,
    cause: 'the host name could not be resolved (DNS)',
  },
  {
    codes: /^(ECONNRESET|EPIPE|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CLOSED)$/,
    cause: 'the connection was reset or closed before a complete answer',
  },
  { codes: /^(EHOSTUNREACH|ENETUNREACH|ENETDOWN|EHOSTDOWN)$/, cause: 'there is no network route to the host' },
  {
    codes: /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/,
    cause:
      'the TLS handshake failed (a wrong scheme or port, or a proxy or firewall that intercepts TLS, also causes this)',
    lasting: true,
  },
];

export interface FailureContext {
  endpoint: Endpoint;
  url: URL;
  timeoutMs: number;
  /** The time this request had: the limit, or less when earlier requests of the same tool call used some of it. */
  leftMs: number;
  proxy: ProxyConfig | undefined;
  /** True when the call's own time limit ended the attempt. */
  timedOut: boolean;
}

/** "https://host (set by VARIABLE)" for messages and hints. */
export function describeEndpoint(endpoint: Endpoint): string {
  return `${new URL(endpoint.url).origin}${endpoint.source === 'default' ? '' : ` (set by ${endpoint.source})`}`;
}

export function networkError(err: unknown, ctx: FailureContext): ToolError {
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? e.name ?? 'NetworkError';
  const where = describeEndpoint(ctx.endpoint);
  const proxyVar = ctx.url.protocol === 'https:' ? ctx.proxy?.https?.source : ctx.proxy?.http?.source;
  const proxyNote = proxyVar ? ` and the proxy set by ${proxyVar} (NO_PROXY exempts hosts)` : ' (proxy, DNS, firewall)';

  if (ctx.timedOut || /TIMEOUT|^ETIMEDOUT$/.test(code)) {
    return timeoutError(ctx.endpoint, ctx, { connect: code === 'UND_ERR_CONNECT_TIMEOUT', proxyNote, cause: err });
  }
  if (proxyVar && /proxy/i.test(e.message ?? '')) {
    // undici reports the proxy's own status, e.g. "Proxy response (403) !== 200 when HTTP Tunneling".
    const status = Number(/\((\d{3})\)/.exec(e.message ?? '')?.[1]);
    return new ToolError(
      {
        code: 'ProxyError',
        category: 'network',
        retryable: !(status < 500),
        message: `The proxy set by ${proxyVar} did not pass the request to ${where}: ${cleanText(e.message ?? '', 120)}.`,
        hint: `Check the proxy set by ${proxyVar} (its address and credentials), or exempt the host with NO_PROXY.`,
      },
      { cause: err },
    );
  }
  const known = CAUSES.find(({ codes }) => codes.test(code));
  return new ToolError(
    {
      code: cleanText(code, 60),
      category: 'network',
      ...(known?.lasting ? { retryable: false } : {}),
      message: `The request to ${where} failed: ${known?.cause ?? 'a network error'} (${cleanText(code, 60)}).`,
      hint: `Check that ${new URL(ctx.endpoint.url).host} is reachable from this machine${proxyNote}.${known?.lasting ? '' : ' The call is idempotent, so calling again is safe.'}`,
    },
    { cause: err },
  );
}

/**
 * The time ran out before `endpoint` answered. `leftMs` is what this request had: less than the limit when earlier
 * requests of the same tool call (a project lookup, a refused stop) used part of it; 0 or less when nothing was left.
 */
export function timeoutError(
  endpoint: Endpoint,
  time: { timeoutMs: number; leftMs: number },
  more: { connect?: boolean; proxyNote?: string; cause?: unknown } = {},
): ToolError {
  const where = describeEndpoint(endpoint);
  const share =
    time.leftMs < time.timeoutMs * 0.9
      ? ` (earlier requests of the call used all but ${Math.round(time.leftMs)} ms of it)`
      : '';
  const message = more.connect
    ? `Could not connect to ${where} in time.`
    : time.leftMs <= 0
      ? `The call's ${time.timeoutMs} ms limit ran out before the request to ${where} could be sent; it was not sent.`
      : `No complete answer from ${where} within the ${time.timeoutMs} ms limit${share}.`;
  return new ToolError(
    {
      code: 'Timeout',
      category: 'timeout',
      message,
      hint: `The provider or the network to it is slow or unresponsive; check ${new URL(endpoint.url).host}${more.proxyNote ?? ' (proxy, DNS, firewall)'}. The call is idempotent, so calling again is safe; ML_STOP_TIMEOUT_MS or --timeout-ms sets a longer limit.`,
    },
    more.cause === undefined ? undefined : { cause: more.cause },
  );
}
