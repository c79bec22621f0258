// What a tool asks a provider for, before signing: pure data built by each tool's request builder.
import { rfc3986, type QueryPairs } from './encoding.js';
import type { WireRequest } from './send.js';

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

/** A request ready for the wire, and the names of the headers its signature covers. */
export interface SignedRequest {
  wire: WireRequest;
  signedHeaders: string[];
}

/** What a dry run reports: the request exactly as it would be sent, minus header values (no secret, no signature). */
export interface RequestDescription {
  method: 'GET' | 'POST';
  url: string;
  /** The body as sent, or null when none is sent. */
  body: string | null;
  signed_headers: string[];
}

export function describeSigned({ wire, signedHeaders }: SignedRequest): RequestDescription {
  return {
    method: wire.method,
    url: wire.url.toString(),
    body: wire.body === '' ? null : wire.body,
    signed_headers: [...signedHeaders],
  };
}
