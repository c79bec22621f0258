// The outbound sender, the one place that talks to the network: sends a signed request through undici, reads a bounded body, and
// sends it again when that is safe (retry.ts decides), all within the call's time limit.
//
// Time budget: `timeoutMs` (ML_STOP_TIMEOUT_MS) bounds one provider request as a whole, from the first byte sent
// to the last byte read of the final attempt, backoff waits included, and a tool call's CallBudget can end it
// sooner: the call's deadline (one budget for all of its requests) and the client's cancellation. Each attempt
// gets what is left, and a retry is only started while enough is left.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Dispatcher } from 'undici';
import { ToolError, categoryForStatus } from '../core/errors.js';
import { cleanText } from '../core/text.js';
import { cancelledError, isCancelled, type CallBudget } from './budget.js';
import { undici, type LazyDispatcher } from './dispatcher.js';
import type { Endpoint, ProxyConfig } from './endpoint.js';
import { describeEndpoint, networkError, timeoutError } from './network-errors.js';
import { DEFAULT_RETRY, nextDelay, parseRetryAfter, type RetryTuning } from './retry.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface WireRequest {
  method: HttpMethod;
  url: URL;
  headers: Record<string, string>;
  body: string;
}

export interface WireResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
  /** Requests sent, counting retries. */
  attempts: number;
}

export interface HttpOptions {
  dispatcher: LazyDispatcher;
  /** Limit for one provider request: every attempt and every wait between attempts (a call's budget may be less). */
  timeoutMs: number;
  maxBodyBytes?: number;
  retry?: Partial<RetryTuning>;
  /** Proxy settings, only to name the proxy variable in hints (the dispatcher does the proxying). */
  proxy?: ProxyConfig;
}

/** Reads an answer: the failure it reports (even inside a 2xx), or undefined when it is a success. */
export type Classifier = (res: WireResponse) => ToolError | undefined;

const MAX_BODY = 1024 * 1024;

/**
 * Sends a request, resending it after retryable failures; resolves with the successful answer or throws the last
 * failure as a ToolError (provider errors via `classify`, network errors naming the endpoint), with `attempts` set.
 * A cancelled budget throws `Cancelled` at once: no further attempt, no backoff wait.
 */
export async function send(
  req: WireRequest,
  endpoint: Endpoint,
  options: HttpOptions,
  classify: Classifier,
  budget: CallBudget = {},
): Promise<WireResponse> {
  const tuning = { ...DEFAULT_RETRY, ...options.retry };
  const started = performance.now();
  const deadline = Math.min(started + options.timeoutMs, budget.deadline ?? Infinity);
  const allowanceMs = deadline - started;
  const [{ request }, dispatcher] = await Promise.all([undici(), options.dispatcher()]);
  for (let attempt = 1; ; attempt++) {
    // Checked last thing before each attempt goes out: a cancelled call sends nothing more.
    if (budget.signal?.aborted)
      throw cancelledError(
        `The client cancelled the call before the request to ${describeEndpoint(endpoint)} was sent.`,
        attempt - 1,
      );
    const leftMs = deadline - performance.now();
    if (leftMs <= 0) {
      const late = timeoutError(endpoint, { timeoutMs: options.timeoutMs, leftMs: Math.min(0, allowanceMs) });
      late.attempts = attempt - 1;
      throw late;
    }
    let error: ToolError;
    let retryAfterMs: number | undefined;
    try {
      const res = await sendOnce(
        req,
        endpoint,
        options,
        { request, dispatcher, leftMs, allowanceMs, cancel: budget.signal },
        attempt,
      );
      const failure = unreadable(res) ?? classify(res);
      if (!failure) return res;
      error = failure;
      retryAfterMs = parseRetryAfter(res.headers['retry-after'], Date.now());
      if (retryAfterMs !== undefined) error.retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
    } catch (err) {
      if (!(err instanceof ToolError) || isCancelled(err)) throw err;
      error = err;
    }
    error.attempts = attempt;
    const remainingMs = deadline - performance.now();
    const delay = budget.signal?.aborted
      ? undefined
      : nextDelay(error, { attempt, retryAfterMs, remainingMs, timeoutMs: options.timeoutMs }, tuning);
    if (delay === undefined) throw error;
    try {
      await sleep(delay, undefined, { signal: budget.signal });
    } catch {
      throw cancelledError(
        `The client cancelled the call while it waited to resend the request to ${describeEndpoint(endpoint)} (${attempt} sent, the last failed with ${error.code}).`,
        attempt,
      );
    }
  }
}

interface Attempt {
  request: Awaited<ReturnType<typeof undici>>['request'];
  dispatcher: Dispatcher;
  /** What is left for this attempt. */
  leftMs: number;
  /** The time the request had in all, for messages: less than timeoutMs when earlier requests of the call used some. */
  allowanceMs: number;
  cancel: AbortSignal | undefined;
}

async function sendOnce(
  req: WireRequest,
  endpoint: Endpoint,
  options: HttpOptions,
  { request, dispatcher, leftMs, allowanceMs, cancel }: Attempt,
  attempt: number,
): Promise<WireResponse> {
  const deadline = attemptSignal(leftMs, cancel);
  const { signal } = deadline;
  try {
    const res = await untilAborted(
      request(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.method === 'GET' ? undefined : req.body,
        dispatcher,
        signal,
      }),
      signal,
    );
    const headers = flattenHeaders(res.headers);
    const text = await readCapped(
      res.body,
      options.maxBodyBytes ?? MAX_BODY,
      res.statusCode,
      headers['content-length'],
    );
    return { status: res.statusCode, headers, text, json: parseJson(text), attempts: attempt };
  } catch (err) {
    if (err instanceof ToolError) throw err;
    if (cancel?.aborted) {
      throw cancelledError(
        `The client cancelled the call while the request to ${describeEndpoint(endpoint)} was in flight; whether the provider received it is unknown.`,
        attempt,
      );
    }
    throw networkError(err, {
      endpoint,
      url: req.url,
      timeoutMs: options.timeoutMs,
      leftMs: allowanceMs,
      proxy: options.proxy,
      timedOut: deadline.timedOut(),
    });
  } finally {
    deadline.dispose();
  }
}

/**
 * The signal of one attempt: aborted when its time is up or the call is cancelled. Disposed as soon as the attempt
 * ends, timer and listener included: an AbortSignal.timeout would keep the attempt's signal (and what listens to it)
 * alive for the whole budget after the answer came, which under load fills the heap with finished requests.
 */
function attemptSignal(
  leftMs: number,
  cancel: AbortSignal | undefined,
): { signal: AbortSignal; timedOut(): boolean; dispose(): void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, Math.ceil(leftMs));
  const onCancel = () => controller.abort(cancel!.reason);
  if (cancel?.aborted) onCancel();
  else cancel?.addEventListener('abort', onCancel, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
    },
  };
}

/**
 * The request's answer, or a rejection as soon as the signal aborts, whatever undici is waiting for: a proxy tunnel
 * that is still being set up does not see the request's signal. An answer that arrives after that is discarded.
 */
function untilAborted<T extends { body: { destroy(): unknown } }>(
  pending: Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  if (signal.aborted) {
    pending.then(
      (r) => r.body.destroy(),
      () => undefined,
    );
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      pending.then(
        (r) => r.body.destroy(),
        () => undefined,
      );
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (r) => (signal.removeEventListener('abort', onAbort), resolve(r)),
      (e) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

async function readCapped(
  body: Dispatcher.ResponseData['body'],
  max: number,
  status: number,
  length: string | undefined,
): Promise<string> {
  const tooLarge = () => {
    body.destroy();
    const ok = status >= 200 && status < 300;
    return new ToolError({
      code: 'ResponseTooLarge',
      category: ok ? 'upstream' : categoryForStatus(status),
      // A 2xx that cannot be read will not read better next time; a 5xx page may be gone on the next attempt.
      retryable: status >= 500 || status === 429,
      httpStatus: status,
      message: `The provider answered HTTP ${status} with a body over ${max} bytes; it was not read.`,
      ...(ok ? { hint: UNREADABLE_HINT } : {}),
    });
  };
  if (length !== undefined && Number(length) > max) throw tooLarge();
  // A declared length within the cap: undici reads the body in one go (its consume path, cheaper than iterating);
  // a body longer than it declared is cut by undici at the declared length.
  if (length !== undefined && /^\d+$/.test(length)) return body.text();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const UNREADABLE_HINT =
  'Read the task status to learn whether the call took effect. An answer like this usually comes from a proxy or gateway on the way, not from the provider.';

/** Every provider answers a success with JSON: a 2xx carrying anything else (an HTML portal page, text) is no success. */
function unreadable(res: WireResponse): ToolError | undefined {
  if (res.status < 200 || res.status >= 300 || !res.text.trim()) return undefined;
  if (res.json !== null && typeof res.json === 'object' && !Array.isArray(res.json)) return undefined;
  return new ToolError({
    code: 'UnreadableResponse',
    category: 'upstream',
    retryable: false,
    httpStatus: res.status,
    message: `The provider answered HTTP ${res.status} with a body that is not a JSON object ("${cleanText(res.text, 80)}"); whether the call took effect is unknown.`,
    hint: UNREADABLE_HINT,
  });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
