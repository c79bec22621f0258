// The simulated Huawei Cloud side: APIG signature checks and answers, the IAM project lookup, and the ModelArts
// reply helpers the ModelArts families use (docs/providers.md §2).
import { queryPairs } from '../../providers/encoding.js';
import { signHuawei } from '../../providers/huaweicloud/signer.js';
import { randomBytes } from 'node:crypto';
import type { Reply, SimRequest } from '../types.js';
import { MAX_SKEW_MS, header, sameSignature, type Received, type Verdict } from '../verify.js';
import type { SimContext, SimProvider } from './define.js';

/** The project the simulator's IAM answers with by default. */
export const SIM_PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';

/** A ModelArts answer with a fresh X-Request-Id. */
export function modelartsReply(status: number, body?: unknown): Reply {
  return {
    status,
    headers: { 'X-Request-Id': randomBytes(16).toString('hex') },
    ...(body !== undefined ? { body } : {}),
  };
}

/** The path's segments after a pattern matched, percent-decoded. */
export function segments(re: RegExp, path: string): string[] | undefined {
  return re
    .exec(path)
    ?.slice(1)
    .map((s) => (s ? decodeURIComponent(s) : s));
}

function iamProjects(req: SimRequest, ctx: SimContext): Reply {
  const requestId = randomBytes(16).toString('hex');
  const region = req.query.get('name') ?? '';
  const ids = ctx.projects[region] ?? [ctx.defaultProject];
  const projects = ids.map((id) => ({
    id,
    name: region,
    domain_id: 'd0000000000000000000000000000000',
    enabled: true,
  }));
  return { status: 200, headers: { 'X-IAM-Trace-Id': requestId }, body: { projects, links: { self: req.url } } };
}

function authFailure(reason: string): Reply {
  const message =
    reason === 'unknown_key'
      ? 'Incorrect IAM authentication information: Get secretKey failed,ak:******,err:ak not exist'
      : reason === 'expired'
        ? 'Incorrect IAM authentication information: verify aksk signature fail, x-sdk-date is more than 15 minutes off'
        : 'Incorrect IAM authentication information: verify aksk signature fail';
  return {
    status: 401,
    body: { error_code: 'APIGW.0301', error_msg: message, request_id: randomBytes(16).toString('hex') },
  };
}

const HUAWEI_AUTH = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/;

function verifyHuawei(req: Received, keys: Record<string, string>, now: Date): Verdict {
  const m = HUAWEI_AUTH.exec(header(req.headers, 'authorization') ?? '');
  if (!m) return { ok: false, reason: 'unsigned' };
  const [, ak, signedList, signature] = m as unknown as [string, string, string, string];
  const sk = keys[ak];
  if (!sk) return { ok: false, reason: 'unknown_key', ak };
  const signed = signedList.split(';');
  if (!signed.includes('host') || !signed.includes('x-sdk-date')) return { ok: false, reason: 'bad_signature', ak };
  const date = header(req.headers, 'x-sdk-date') ?? '';
  const when = Date.parse(date.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!Number.isFinite(when) || Math.abs(now.getTime() - when) > MAX_SKEW_MS)
    return { ok: false, reason: 'expired', ak };
  const [path, search = ''] = req.url.split('?', 2) as [string, string?];
  const headers = Object.fromEntries(signed.map((name) => [name, header(req.headers, name) ?? '']));
  const expected = signHuawei(
    { method: req.method, host: headers.host ?? '', path, query: queryPairs(search), headers, body: req.body },
    { ak, sk },
    now,
    { signedHeaders: signed },
  );
  return sameSignature(expected.authorization, signature)
    ? { ok: true, ak }
    : { ok: false, reason: 'bad_signature', ak };
}

export const huaweicloudSim: SimProvider = {
  authPrefix: 'SDK-HMAC-SHA256',
  verify: verifyHuawei,
  authFailure,
  route: (req, ctx) => (req.method === 'GET' && req.path === '/v3/projects' ? iamProjects(req, ctx) : undefined),
  notFound: () =>
    modelartsReply(404, {
      error_code: 'APIG.0101',
      error_msg: 'The API does not exist or has not been published in the environment.',
    }),
  scopeIds: { project_id: SIM_PROJECT },
  demoKeys: { ak: 'MLSTOPDEMOHUAWEIAK01', sk: 'ml-stop-demo-huawei-secret' },
};
