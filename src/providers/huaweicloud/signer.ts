// Huawei Cloud APIG "SDK-HMAC-SHA256" request signing: pure, no I/O, so the published vectors pin it down.
import { nodeCrypto } from '../crypto.js';
import { rfc3986, type QueryPairs } from '../encoding.js';

export const HUAWEI_ALGORITHM = 'SDK-HMAC-SHA256';

export interface HuaweiSignableRequest {
  method: string;
  host: string;
  /** The path as sent on the wire (already percent-encoded). */
  path: string;
  query: QueryPairs;
  headers: Record<string, string>;
  body: string;
}

export interface HuaweiSignOptions {
  /** Lower-case header names to sign; default: every header whose name has no '_'. */
  signedHeaders?: readonly string[];
}

export interface HuaweiSignature {
  /** Request headers plus Host, X-Sdk-Date and Authorization. */
  headers: Record<string, string>;
  authorization: string;
  signedHeaders: string[];
  canonicalRequest: string;
}

export function sdkDate(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function sha256Hex(data: string | Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(data).digest('hex');
}

/** Canonical URI: each segment decoded then RFC 3986-encoded, always ending in '/' (for signing only). */
export function huaweiCanonicalUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => rfc3986(safeDecode(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : encoded + '/';
}

/** Canonical query: keys sorted, values of a repeated key sorted, both RFC 3986-encoded. */
export function huaweiCanonicalQuery(query: QueryPairs): string {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of query) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  return [...byKey.keys()]
    .sort()
    .flatMap((k) => [...byKey.get(k)!].sort().map((v) => `${rfc3986(k)}=${rfc3986(v)}`))
    .join('&');
}

export function signHuawei(
  request: HuaweiSignableRequest,
  credentials: { ak: string; sk: string },
  now: Date,
  options: HuaweiSignOptions = {},
): HuaweiSignature {
  const headers: Record<string, string> = { ...request.headers };
  const lower = new Map(Object.keys(headers).map((name) => [name.toLowerCase(), name]));
  if (!lower.has('host')) headers['Host'] = request.host;
  const dateName = lower.get('x-sdk-date');
  const date = dateName ? headers[dateName]! : (headers['X-Sdk-Date'] = sdkDate(now));

  const values = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()]));
  const signedHeaders = (options.signedHeaders ?? [...values.keys()].filter((k) => !k.includes('_')))
    .map((k) => k.toLowerCase())
    .filter((k) => values.has(k))
    .sort();
  const canonicalHeaders = signedHeaders.map((k) => `${k}:${values.get(k)}\n`).join('');
  const canonicalRequest = [
    request.method.toUpperCase(),
    huaweiCanonicalUri(request.path),
    huaweiCanonicalQuery(request.query),
    canonicalHeaders,
    signedHeaders.join(';'),
    sha256Hex(request.body),
  ].join('\n');
  const stringToSign = `${HUAWEI_ALGORITHM}\n${date}\n${sha256Hex(canonicalRequest)}`;
  const signature = nodeCrypto().createHmac('sha256', credentials.sk).update(stringToSign).digest('hex');
  const authorization = `${HUAWEI_ALGORITHM} Access=${credentials.ak}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  headers['Authorization'] = authorization;
  return { headers, authorization, signedHeaders, canonicalRequest };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
