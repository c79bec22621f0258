// The simulated Qianfan console side: bce-auth-v1 checks and answers, and the v2 reply and paging helpers the
// Qianfan families use (docs/providers.md §4.8, §8.7).
import { queryPairs } from '../../providers/encoding.js';
import { signBce } from '../../providers/qianfan/signer.js';
import { randomUUID } from 'node:crypto';
import { intIn } from '../listing.js';
import type { Reply } from '../types.js';
import { MAX_SKEW_MS, header, sameSignature, type Received, type Verdict } from '../verify.js';
import type { SimProvider } from './define.js';

export function v2Ok(result: unknown): Reply {
  const requestId = randomUUID();
  return { status: 200, headers: { 'X-Bce-Request-Id': requestId }, body: { requestId, result } };
}

export function v2Error(status: number, code: string, message: string): Reply {
  const requestId = randomUUID();
  return { status, headers: { 'X-Bce-Request-Id': requestId }, body: { requestId, code, message } };
}

/** The JSON object body of a console request (the provider refuses any other before a family sees it). */
export function bodyOf(json: unknown): Record<string, unknown> {
  return json as Record<string, unknown>;
}

/** `path?Action` of a console request, the way families match their actions. */
export function actionOf(req: { path: string; query: URLSearchParams }): string {
  return `${req.path}?${req.query.get('Action') ?? ''}`;
}

/** A page starting at the marker item (inclusive), with nextMarker naming the first item of the next page. */
export function markerPage(
  items: Array<Record<string, unknown>>,
  key: string,
  idKey: string,
  body: Record<string, unknown>,
  pageSize: number,
): Reply {
  const maxKeys = intIn(body.maxKeys, 1, 100, 10);
  const marker = typeof body.marker === 'string' && body.marker ? body.marker : undefined;
  const start = marker === undefined ? 0 : items.findIndex((i) => i[idKey] === marker);
  const size = Math.min(maxKeys, pageSize);
  const slice = start < 0 ? [] : items.slice(start, start + size);
  const next = start < 0 ? undefined : items[start + size];
  const pageInfo = {
    marker: marker ?? '',
    maxKeys,
    isTruncated: next !== undefined,
    ...(next !== undefined ? { nextMarker: String(next[idKey]) } : {}),
  };
  return v2Ok({ [key]: slice, pageInfo });
}

function authFailure(reason: string): Reply {
  const requestId = randomUUID();
  if (reason === 'unknown_key') {
    return {
      status: 401,
      headers: {
        'X-Bce-Error-Code': 'NotFound',
        'X-Bce-Error-Message': 'NotFound, cause: Could not find credential.',
        'X-Bce-Request-Id': requestId,
      },
    };
  }
  const [code, message] =
    reason === 'expired'
      ? ['RequestExpired', 'Request has expired.']
      : ['SignatureDoesNotMatch', 'SignatureDoesNotMatch, cause: Fail to authn user: Signature does not match'];
  return {
    status: 403,
    headers: { 'X-Bce-Error-Code': code, 'X-Bce-Error-Message': message, 'X-Bce-Request-Id': requestId },
    body: { requestId, code, message },
  };
}

const BCE_AUTH = /^bce-auth-v1\/([^/]+)\/(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\/(\d+)\/([^/]*)\/([0-9a-f]{64})$/;

function verifyBce(req: Received, keys: Record<string, string>, now: Date): Verdict {
  const m = BCE_AUTH.exec(header(req.headers, 'authorization') ?? '');
  if (!m) return { ok: false, reason: 'unsigned' };
  const [, ak, timestamp, expiration, signedList, signature] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const sk = keys[ak];
  if (!sk) return { ok: false, reason: 'unknown_key', ak };
  const signed = signedList ? signedList.split(';') : ['host', 'content-md5', 'content-length', 'content-type'];
  if (!signed.includes('host')) return { ok: false, reason: 'bad_signature', ak };
  const when = Date.parse(timestamp);
  if (now.getTime() > when + Number(expiration) * 1000 || when - now.getTime() > MAX_SKEW_MS)
    return { ok: false, reason: 'expired', ak };
  const [path, search = ''] = req.url.split('?', 2) as [string, string?];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && (signed.includes(name) || name.startsWith('x-bce-')))
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const expected = signBce(
    { method: req.method, path: decodeURIComponent(path), query: queryPairs(search), headers },
    { ak, sk },
    now,
    {
      expirationSeconds: Number(expiration),
      ...(signedList ? { headersToSign: signed } : {}),
    },
  );
  if (!expected.authorization.startsWith(`bce-auth-v1/${ak}/${timestamp}/`))
    return { ok: false, reason: 'bad_signature', ak };
  return sameSignature(expected.authorization, signature)
    ? { ok: true, ak }
    : { ok: false, reason: 'bad_signature', ak };
}

export const qianfanSim: SimProvider = {
  authPrefix: 'bce-auth-v1/',
  verify: verifyBce,
  authFailure,
  // Every console action is a POST with a JSON object body.
  route: (req) => {
    if (req.method !== 'POST') return v2Error(405, 'InvalidHTTPRequest', 'Only POST is supported.');
    if (!req.json || typeof req.json !== 'object')
      return v2Error(400, 'InappropriateJSON', 'The request body is not a JSON object.');
    return undefined;
  },
  notFound: () => v2Error(404, 'ResourceNotFound', 'No such API.'),
  scopeIds: {},
  demoKeys: { ak: 'ml-stop-demo-qianfan-ak', sk: 'ml-stop-demo-qianfan-secret' },
};
