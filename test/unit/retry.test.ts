// The retry policy on its own: what is resent, how long to wait, and that the time limit is never overrun.
import { describe, expect, it } from 'vitest';
import { ToolError, type Category } from '../../src/core/errors.js';
import { DEFAULT_RETRY, backoffMs, isRetryable, nextDelay, parseRetryAfter } from '../../src/providers/retry.js';

const err = (category: Category, httpStatus?: number) => {
  const e = new ToolError({ code: 'X', message: 'x', category, ...(httpStatus ? { httpStatus } : {}) });
  e.toString = () => `${category}${httpStatus ? ` ${httpStatus}` : ''}${e.retryable ? '' : ' (not retryable)'}`;
  return e;
};
const fixed = (r: number) => ({ ...DEFAULT_RETRY, random: () => r });

describe('isRetryable', () => {
  it.each([
    [err('network'), true],
    [err('timeout'), true],
    [err('upstream', 500), true],
    [err('upstream', 503), true],
    [err('rate_limited', 429), true],
    [err('rate_limited', 200), true], // a throttling code inside a 2xx (Qianfan legacy 18)
    [err('upstream', 200), true], // Qianfan 336100 server high load inside a 2xx
    [err('auth', 401), false],
    [err('auth', 500), false], // an authentication code wins over a 5xx status
    [err('rate_limited', 400), false], // 4xx other than 429 is never resent
    [err('timeout', 408), false],
    [err('not_found', 404), false],
    [err('conflict', 409), false],
    [err('forbidden', 403), false],
    [err('invalid_input'), false],
    [err('config'), false],
    [
      Object.assign(new ToolError({ code: 'X', message: 'x', category: 'network', retryable: false }), {
        toString: () => 'network marked not retryable',
      }),
      false,
    ],
  ])('%s → %s', (e, expected) => {
    expect(isRetryable(e)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['0', 0],
    ['7', 7000],
    [' 12 ', 12000],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0], // in the past: no wait
    [undefined, undefined],
    ['', undefined],
    ['soon', undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['2026', 2_026_000],
    ['Soonish', undefined],
  ])('%j → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('backoff and budget', () => {
  it('doubles per retry, jittered between half and all of the ceiling', () => {
    expect([backoffMs(1, fixed(0)), backoffMs(1, fixed(1)), backoffMs(2, fixed(0)), backoffMs(2, fixed(1))]).toEqual([
      250, 500, 500, 1000,
    ]);
  });

  const state = { attempt: 1, retryAfterMs: undefined, remainingMs: 14_000, timeoutMs: 15_000 };
  it('retries up to maxAttempts, then stops', () => {
    expect(nextDelay(err('network'), state, fixed(1))).toBe(500);
    expect(nextDelay(err('network'), { ...state, attempt: 2 }, fixed(1))).toBe(1000);
    expect(nextDelay(err('network'), { ...state, attempt: 3 }, fixed(1))).toBeUndefined();
  });

  it('waits for Retry-After when longer than the backoff, up to the cap', () => {
    expect(nextDelay(err('rate_limited', 429), { ...state, retryAfterMs: 3000 }, fixed(1))).toBe(3000);
    expect(nextDelay(err('rate_limited', 429), { ...state, retryAfterMs: 10_000 }, fixed(1))).toBe(10_000);
    expect(nextDelay(err('rate_limited', 429), { ...state, retryAfterMs: 10_001 }, fixed(1))).toBeUndefined();
  });

  it('never starts a retry that the time left cannot hold (wait plus a minimum attempt)', () => {
    expect(nextDelay(err('upstream', 503), { ...state, retryAfterMs: 9000, remainingMs: 10_000 }, fixed(1))).toBe(9000);
    expect(
      nextDelay(err('upstream', 503), { ...state, retryAfterMs: 9001, remainingMs: 10_000 }, fixed(1)),
    ).toBeUndefined();
    expect(nextDelay(err('network'), { ...state, remainingMs: 1400 }, fixed(1))).toBeUndefined();
    // with a short limit the minimum attempt shrinks to a quarter of it
    expect(nextDelay(err('network'), { ...state, remainingMs: 800, timeoutMs: 1000 }, fixed(1))).toBe(500);
    expect(nextDelay(err('network'), { ...state, remainingMs: 700, timeoutMs: 1000 }, fixed(1))).toBeUndefined();
  });

  it('a non-retryable failure gets no retry whatever the time left', () => {
    expect(nextDelay(err('auth', 401), state, fixed(0))).toBeUndefined();
  });
});
