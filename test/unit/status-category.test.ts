import { describe, expect, it } from 'vitest';
import { ToolError, categoryForStatus } from '../../src/core/errors.js';

describe('an error answer without a known provider code', () => {
  it.each([
    [400, 'invalid_input', false],
    [422, 'invalid_input', false],
    [401, 'auth', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [409, 'conflict', false],
    [408, 'timeout', true],
    [429, 'rate_limited', true],
    [500, 'upstream', true],
    [503, 'upstream', true],
    // a proxy or captive portal answering instead of the cloud: never the agent's input, never a task state
    [302, 'upstream', false],
    [307, 'upstream', false],
    [405, 'upstream', false],
    [413, 'upstream', false],
    [415, 'upstream', false],
  ] as const)('HTTP %i is %s, retryable %s', (status, category, retryable) => {
    expect(categoryForStatus(status)).toBe(category);
    const e = new ToolError({
      code: `HTTP_${status}`,
      message: 'm',
      category: categoryForStatus(status),
      httpStatus: status,
    });
    expect(e.retryable).toBe(retryable);
  });
});
