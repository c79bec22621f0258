// Reads ModelArts, APIG and IAM answers: the request id, and whether (and how) the call failed, even on a 2xx.
import { ToolError, categoryForStatus, hintFor, type Category } from '../../core/errors.js';
import { safeRequestId } from '../../core/redact.js';
import { asObject, str } from '../../core/json.js';
import { cleanText } from '../../core/text.js';
import { own } from '../../core/json.js';
import type { AnswerRules } from '../request.js';
import type { WireResponse } from '../send.js';

const CODE_CATEGORIES: Record<string, Category> = {
  'APIGW.0301': 'auth',
  'APIG.0301': 'auth',
  'APIGW.0101': 'not_found',
  'APIG.0101': 'not_found',
  'ModelArts.4504': 'auth',
  'ModelArts.6201': 'forbidden',
  'ModelArts.6620': 'auth',
  'ModelArts.4116': 'forbidden',
  'ModelArts.4118': 'forbidden',
  'ModelArts.4336': 'forbidden',
  'ModelArts.0112': 'forbidden',
  'ModelArts.4338': 'not_found',
  'ModelArts.4352': 'not_found',
  'ModelArts.4612': 'not_found',
  'ModelArts.6623': 'not_found',
  'ModelArts.4393': 'conflict',
  'ModelArts.4613': 'conflict',
  'ModelArts.4395': 'rate_limited',
  'ModelArts.4354': 'upstream',
};

export const HUAWEI_AUTH_HINT =
  "Check HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys), and that this machine's clock is within 15 minutes of real time. Not retried: five bad signatures in a row lock the key for 5 minutes.";

export function huaweiRequestId(res: WireResponse): string | null {
  const body = asObject(res.json);
  const id = res.headers['x-request-id'] ?? str(body?.request_id) ?? res.headers['x-iam-trace-id'];
  return safeRequestId(id);
}

/** The failure this answer reports, or undefined when it is a success; `rules` are the operation's own. */
export function huaweiFailure(res: WireResponse, rules: AnswerRules = {}): ToolError | undefined {
  const body = asObject(res.json);
  const ok = res.status >= 200 && res.status < 300;
  const reported = ok ? rules.failure?.(body ?? {}) : undefined;
  // A task's detail (docs/providers.md §3.1) carries the task's own error_code/error_msg when the task failed: in a 2xx
  // with a status field they describe the task, not this call.
  const describesTask = body?.status !== undefined;
  if (ok && !reported && body?.is_success !== false && (body?.error_code === undefined || describesTask))
    return undefined;

  const code = reported?.code ?? str(body?.error_code) ?? str(body?.code) ?? `HTTP_${res.status}`;
  const message =
    reported?.message ??
    str(body?.error_msg) ??
    str(body?.error_message) ??
    str(body?.message) ??
    (cleanText(res.text, 200) || `HTTP ${res.status} with no error body`);
  const category =
    own(rules.codes, code) ?? own(CODE_CATEGORIES, code) ?? (ok ? 'conflict' : categoryForStatus(res.status));
  const hint = category === 'auth' ? HUAWEI_AUTH_HINT : hintFor(category);
  return new ToolError({
    code,
    message: cleanText(message),
    category,
    httpStatus: res.status,
    requestId: huaweiRequestId(res) ?? undefined,
    ...(hint ? { hint } : {}),
  });
}
