// What a tool asks a provider for, before signing: pure data built by each tool's request builder.
import { rfc3986, type QueryPairs } from './encoding.js';

export interface ProviderRequest {
  method: 'GET' | 'POST';
  /** Path with every segment already percent-encoded (build it with apiPath). */
  path: string;
  query?: QueryPairs;
  /** JSON body; undefined sends no body. */
  body?: unknown;
}

/** Successful provider answer, after the provider's own failure markers were checked. */
export interface ProviderResponse {
  status: number;
  requestId: string | null;
  body: unknown;
  /** Requests sent, counting retries. */
  attempts: number;
}

/** Tagged template that percent-encodes every interpolated path segment. */
export function apiPath(strings: TemplateStringsArray, ...segments: Array<string | number>): string {
  return strings.reduce((out, s, i) => out + s + (i < segments.length ? rfc3986(String(segments[i])) : ''), '');
}

export function serializeBody(body: unknown): string {
  return body === undefined ? '' : JSON.stringify(body);
}

/** The query string as sent: the same encoding the signers canonicalise with. */
export function wireQuery(query: QueryPairs | undefined): string {
  if (!query || query.length === 0) return '';
  return '?' + query.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
}
