// Baidu BCE "bce-auth-v1" request signing (Qianfan console API): pure, no I/O.
import { nodeCrypto } from '../crypto.js';
import { rfc3986, type QueryPairs } from '../encoding.js';

/** Headers BCE signs when the caller names none (x-bce-* headers are always added). */
const DEFAULT_HEADERS_TO_SIGN = ['host', 'content-md5', 'content-length', 'content-type'];

export interface BceSignableRequest {
  method: string;
  /** Unencoded path, e.g. /v2/finetuning. */
  path: string;
  query: QueryPairs;
  headers: Record<string, string>;
}

export interface BceSignOptions {
  expirationSeconds?: number;
  /**
   * Lower-case header names to sign (x-bce-* are signed regardless). When absent, the default set is
   * signed and the authorization string carries an empty signed-header list, as Baidu's documented example does.
   */
  headersToSign?: readonly string[];
}

export interface BceSignature {
  headers: Record<string, string>;
  authorization: string;
  /** Lower-case names of the headers the signature covers, sorted. */
  signedHeaders: string[];
  canonicalRequest: string;
}

export function bceTimestamp(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function bceCanonicalUri(path: string): string {
  return path.length === 0 ? '/' : path.split('/').map(rfc3986).join('/');
}

export function bceCanonicalQuery(query: QueryPairs): string {
  return query
    .filter(([k]) => k.toLowerCase() !== 'authorization')
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join('&');
}

export function signBce(
  request: BceSignableRequest,
  credentials: { ak: string; sk: string },
  now: Date,
  options: BceSignOptions = {},
): BceSignature {
  const headers: Record<string, string> = { ...request.headers };
  // The timestamp signs the key; callers send it as x-bce-date (the JS SDK vectors sign without that header).
  const timestamp = headers['x-bce-date'] ?? bceTimestamp(now);
  const expiration = options.expirationSeconds ?? 1800;
  const wanted = new Set(options.headersToSign ?? DEFAULT_HEADERS_TO_SIGN);

  const signed = Object.entries(headers)
    .map(([k, v]) => [k.toLowerCase(), String(v).trim()] as const)
    .filter(([k, v]) => v.length > 0 && (wanted.has(k) || k.startsWith('x-bce-')));
  const canonicalHeaders = signed.map(([k, v]) => `${rfc3986(k)}:${rfc3986(v)}`).sort();
  const signedNames = signed.map(([k]) => k).sort();

  const prefix = `bce-auth-v1/${credentials.ak}/${timestamp}/${expiration}`;
  const signingKey = nodeCrypto().createHmac('sha256', credentials.sk).update(prefix).digest('hex');
  const canonicalRequest = [
    request.method.toUpperCase(),
    bceCanonicalUri(request.path),
    bceCanonicalQuery(request.query),
    canonicalHeaders.join('\n'),
  ].join('\n');
  const signature = nodeCrypto().createHmac('sha256', signingKey).update(canonicalRequest).digest('hex');
  const listed = options.headersToSign ? signedNames.join(';') : '';
  const authorization = `${prefix}/${listed}/${signature}`;
  headers['Authorization'] = authorization;
  return { headers, authorization, signedHeaders: signedNames, canonicalRequest };
}
