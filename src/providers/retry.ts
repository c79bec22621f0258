// When a failed provider request is sent again, and after how long. Pure: the sender in http.ts runs the loop.
// Stop and status calls are idempotent, so resending is safe; what is never resent is anything the provider
// refused on its merits (4xx other than 429) and above all an authentication failure, since Huawei's gateway
// locks an access key after five bad signatures in a row.
import type { ToolError } from '../core/errors.js';

export interface RetryTuning {
  /** Requests per provider call, the first included. */
  maxAttempts: number;
  /** Backoff before retry n is baseDelayMs * 2^(n-1), jittered down to half of that. */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error (with retry_after_seconds) is returned instead. */
  maxRetryAfterMs: number;
  /** A retry is only started if at least this much of the call's time limit would remain for it. */
  minAttemptMs: number;
  random: () => number;
}

export const DEFAULT_RETRY: RetryTuning = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxRetryAfterMs: 10_000,
  minAttemptMs: 1_000,
  random: Math.random,
};

/** Whether this failure may be sent again: network errors, timeouts, 5xx and 429 (or a throttling code in a 2xx). */
export function isRetryable(error: ToolError): boolean {
  if (!error.retryable || error.category === 'auth') return false;
  const status = error.httpStatus;
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) return false;
  return ['network', 'timeout', 'upstream', 'rate_limited'].includes(error.category);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d{1,9}$/.test(v)) return Number(v) * 1000;
  if (!/^[A-Za-z]{3}/.test(v)) return undefined; // an HTTP date starts with the day name; Date.parse takes far more
  const when = Date.parse(v);
  return Number.isFinite(when) ? Math.max(0, when - now) : undefined;
}

/** Jittered exponential backoff before retry number `retry` (1 for the first retry). */
export function backoffMs(retry: number, tuning: RetryTuning): number {
  const ceiling = tuning.baseDelayMs * 2 ** (retry - 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * tuning.random());
}

export interface AttemptState {
  /** Attempts made so far (1 after the first). */
  attempt: number;
  /** The provider's Retry-After, in milliseconds from now. */
  retryAfterMs: number | undefined;
  /** Time left of the call's limit. */
  remainingMs: number;
  /** The call's whole limit. */
  timeoutMs: number;
}

/**
 * The wait before the next attempt, or undefined when no further attempt should be made: not retryable, attempts
 * used up, a Retry-After over the cap, or too little of the time limit left after the wait.
 */
export function nextDelay(error: ToolError, state: AttemptState, tuning: RetryTuning): number | undefined {
  if (state.attempt >= tuning.maxAttempts || !isRetryable(error)) return undefined;
  if (state.retryAfterMs !== undefined && state.retryAfterMs > tuning.maxRetryAfterMs) return undefined;
  const delay = Math.max(backoffMs(state.attempt, tuning), state.retryAfterMs ?? 0);
  const needed = Math.min(tuning.minAttemptMs, state.timeoutMs / 4);
  return delay + needed <= state.remainingMs ? delay : undefined;
}
