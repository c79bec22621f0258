// What a tool asks a provider for, before signing: pure data built by each tool's request builder.
import { inputError, type Category } from '../core/errors.js';
import type { JsonObject } from '../core/json.js';
import { rfc3986, type QueryPairs } from './encoding.js';
import type { HttpMethod, WireRequest } from './send.js';

export type { HttpMethod };

/** A failure an operation reports inside a 2xx answer, in its own words. */
export interface AnswerFailure {
  code: string;
  message: string;
}

/**
 * What only this operation says in its answers, beyond the provider's envelope: its own error codes, and how its
 * successful answers look. The provider's reader (providers/<id>/errors.ts) applies these.
 */
export interface AnswerRules {
  /** Error codes of this operation and their categories (e.g. a code that means "not found" though sent with 400). */
  codes?: Readonly<Record<string, Category>>;
  /** A 2xx without the provider's usual success field is this operation's success (Qianfan: no `result`). */
  bare?: boolean;
  /**
   * A failure this operation reports inside a 2xx (e.g. result.operation: false), or undefined when there is none.
   * An empty or non-object 2xx body is passed as {}, so an operation whose success has a marker can insist on it.
   */
  failure?: (body: JsonObject) => AnswerFailure | undefined;
}

export interface ProviderRequest {
  method: HttpMethod;
  /** Path with every segment already percent-encoded (build it with apiPath). */
  path: string;
  query?: QueryPairs;
  /** JSON body; undefined sends no body. */
  body?: unknown;
  /** How to read this operation's answers, where it differs from the provider's usual ones. */
  answers?: AnswerRules;
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
  // '.' and '..' would be resolved away as path segments (by a proxy, the gateway or the signer's canonical path):
  // never a segment of a signed request, wherever the value came from.
  const dots = segments.find((s) => s === '.' || s === '..');
  if (dots !== undefined) throw inputError('id', `"${dots}" cannot be a path segment`);
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
  method: HttpMethod;
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
