// Reads Qianfan console answers: v2 {requestId, code, message}, legacy {log_id, error_code, error_msg},
// IAM failures in X-Bce-Error-* headers, and 2xx bodies whose result says the call did not happen.
import { ToolError, categoryForStatus, hintFor, type Category } from '../../core/errors.js';
import { safeRequestId } from '../../core/redact.js';
import { asObject, own, str } from '../../core/json.js';
import { cleanText } from '../../core/text.js';
import type { AnswerRules } from '../request.js';
import type { WireResponse } from '../send.js';

const CODE_CATEGORIES: Record<string, Category> = {
  InvalidAccessKeyId: 'auth',
  SignatureDoesNotMatch: 'auth',
  RequestExpired: 'auth',
  InvalidHTTPAuthHeader: 'auth',
  IAMCertificationFailed: 'auth',
  AccessDenied: 'forbidden',
  InappropriateJSON: 'invalid_input',
  InvalidHTTPRequest: 'invalid_input',
  InternalError: 'upstream',
  ServiceUnavailable: 'upstream',
  RequestLimitReached: 'rate_limited',
  ResourceNotFound: 'not_found',
  NotFound: 'not_found',
  // legacy numeric codes (qianfan consts.py APIErrorCode)
  '2': 'upstream',
  '4': 'rate_limited',
  '6': 'forbidden',
  '13': 'auth',
  '14': 'auth',
  '17': 'rate_limited',
  '18': 'rate_limited',
  '19': 'rate_limited',
  '100': 'invalid_input',
  '110': 'auth',
  '111': 'auth',
  '336000': 'upstream',
  '336001': 'invalid_input',
  '336002': 'invalid_input',
  '336003': 'invalid_input',
  '336004': 'forbidden',
  '336100': 'upstream',
  '336501': 'rate_limited',
  '336502': 'rate_limited',
  '500000': 'upstream',
};

export const QIANFAN_AUTH_HINT =
  "Check QIANFAN_ACCESS_KEY and QIANFAN_SECRET_KEY (an IAM access key pair, not an API key), and that this machine's clock is correct. Not retried.";

export function qianfanRequestId(res: WireResponse): string | null {
  const body = asObject(res.json);
  const id = str(body?.requestId) ?? res.headers['x-bce-request-id'] ?? str(body?.log_id);
  return safeRequestId(id);
}

/** The failure this answer reports, or undefined when it is a success; `rules` are the operation's own. */
export function qianfanFailure(res: WireResponse, rules: AnswerRules = {}): ToolError | undefined {
  const body = asObject(res.json);
  const ok = res.status >= 200 && res.status < 300;
  const result = body?.result;
  const nested = asObject(result);
  const reported = ok ? rules.failure?.(body ?? {}) : undefined;

  let code: string | undefined;
  let message: string | undefined;
  if (!ok) {
    code = res.headers['x-bce-error-code'] ?? str(body?.code) ?? str(body?.error_code);
    message = res.headers['x-bce-error-message'] ?? str(body?.message) ?? str(body?.error_msg);
  } else if (
    body?.error_code !== undefined ||
    (typeof body?.code === 'string' && body.code !== '' && result === undefined)
  ) {
    code = str(body.error_code) ?? str(body.code);
    message = str(body.error_msg) ?? str(body.message);
  } else if (reported) {
    ({ code, message } = reported);
  } else if (result === false || result === 0 || result === 'false') {
    code = 'ResultFalse';
    message = 'Qianfan answered result: false; the operation was not carried out.';
  } else if (nested?.result === false || nested?.result === 0 || nested?.result === 'false') {
    code = 'ResultFalse';
    message = str(nested.errorMessage) ?? 'Qianfan answered result.result: false; the operation was not carried out.';
  } else if (rules.bare && result === undefined && str(body?.requestId) !== undefined) {
    // This operation's success is the envelope alone: {"requestId": "..."}.
    return undefined;
  } else if (result === undefined || result === null) {
    // Every documented Qianfan success carries a result; without one, nothing says the call took effect.
    return new ToolError({
      code: 'UnexpectedResponse',
      category: 'upstream',
      retryable: false,
      httpStatus: res.status,
      requestId: qianfanRequestId(res) ?? undefined,
      message: `Qianfan answered HTTP ${res.status} without a result; whether the call took effect is unknown.`,
      hint: 'Read the task status to learn whether the call took effect.',
    });
  } else {
    return undefined;
  }

  code ??= `HTTP_${res.status}`;
  message ??= cleanText(res.text, 200) || `HTTP ${res.status} with no error body`;
  const wrongKey = /could not find credential/i.test(message);
  const category: Category = wrongKey
    ? 'auth'
    : (own(rules.codes, code) ?? own(CODE_CATEGORIES, code) ?? (ok ? 'conflict' : categoryForStatus(res.status)));
  const hint = category === 'auth' ? QIANFAN_AUTH_HINT : hintFor(category);
  return new ToolError({
    code,
    message: cleanText(message),
    category,
    httpStatus: res.status,
    requestId: qianfanRequestId(res) ?? undefined,
    ...(hint ? { hint } : {}),
  });
}
