// Signature checks the simulator applies, as the real gateways do: recompute with the secret and compare.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { queryPairs } from '../providers/encoding.js';
import { signHuawei } from '../providers/huaweicloud/signer.js';
import { signBce } from '../providers/qianfan/signer.js';

export interface Received {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Verdict = { ok: true; ak: string } | { ok: false; reason: 'unsigned' | 'unknown_key' | 'bad_signature' | 'expired'; ak?: string };

const HUAWEI_AUTH = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/;
const BCE_AUTH = /^bce-auth-v1\/([^/]+)\/(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\/(\d+)\/([^/]*)\/([0-9a-f]{64})$/;
const MAX_SKEW_MS = 15 * 60_000;

export function verifyHuawei(req: Received, keys: Record<string, string>, now: Date): Verdict {
  const m = HUAWEI_AUTH.exec(header(req.headers, 'authorization') ?? '');
  if (!m) return { ok: false, reason: 'unsigned' };
  const [, ak, signedList, signature] = m as unknown as [string, string, string, string];
  const sk = keys[ak];
  if (!sk) return { ok: false, reason: 'unknown_key', ak };
  const signed = signedList.split(';');
  if (!signed.includes('host') || !signed.includes('x-sdk-date')) return { ok: false, reason: 'bad_signature', ak };
  const date = header(req.headers, 'x-sdk-date') ?? '';
  const when = Date.parse(date.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!Number.isFinite(when) || Math.abs(now.getTime() - when) > MAX_SKEW_MS) return { ok: false, reason: 'expired', ak };
  const [path, search = ''] = req.url.split('?', 2) as [string, string?];
  const headers = Object.fromEntries(signed.map((name) => [name, header(req.headers, name) ?? '']));
  const expected = signHuawei({ method: req.method, host: headers.host ?? '', path, query: queryPairs(search), headers, body: req.body }, { ak, sk }, now, { signedHeaders: signed });
  return sameSignature(expected.authorization, signature) ? { ok: true, ak } : { ok: false, reason: 'bad_signature', ak };
}

export function verifyBce(req: Received, keys: Record<string, string>, now: Date): Verdict {
  const m = BCE_AUTH.exec(header(req.headers, 'authorization') ?? '');
  if (!m) return { ok: false, reason: 'unsigned' };
  const [, ak, timestamp, expiration, signedList, signature] = m as unknown as [string, string, string, string, string, string];
  const sk = keys[ak];
  if (!sk) return { ok: false, reason: 'unknown_key', ak };
  const signed = signedList ? signedList.split(';') : ['host', 'content-md5', 'content-length', 'content-type'];
  if (!signed.includes('host')) return { ok: false, reason: 'bad_signature', ak };
  const when = Date.parse(timestamp);
  if (now.getTime() > when + Number(expiration) * 1000 || when - now.getTime() > MAX_SKEW_MS) return { ok: false, reason: 'expired', ak };
  const [path, search = ''] = req.url.split('?', 2) as [string, string?];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && (signed.includes(name) || name.startsWith('x-bce-'))) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const expected = signBce({ method: req.method, path: decodeURIComponent(path), query: queryPairs(search), headers }, { ak, sk }, now, {
    expirationSeconds: Number(expiration),
    ...(signedList ? { headersToSign: signed } : {}),
  });
  if (!expected.authorization.startsWith(`bce-auth-v1/${ak}/${timestamp}/`)) return { ok: false, reason: 'bad_signature', ak };
  return sameSignature(expected.authorization, signature) ? { ok: true, ak } : { ok: false, reason: 'bad_signature', ak };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function sameSignature(authorization: string, signature: string): boolean {
  const computed = Buffer.from(authorization.slice(-64));
  const given = Buffer.from(signature);
  return computed.length === given.length && timingSafeEqual(computed, given);
}
