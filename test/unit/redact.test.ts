// Redaction of configured secrets (src/core/redact.ts), and the request id rule.
import { describe, expect, it } from 'vitest';
import { proxySecrets, redact, redactDeep, registerSecrets, safeRequestId } from '../../src/core/redact.js';

registerSecrets(['s3cret-key-value', 'short', undefined, ...proxySecrets('http://bob:p%40ss%25word@127.0.0.1:1')]);

describe('redact', () => {
  it.each([
    ['raw', 'key s3cret-key-value here'],
    ['percent-encoded', `x=${encodeURIComponent('p@ss%word')}`],
    ['base64 Basic credentials', `Basic ${Buffer.from('bob:p@ss%word').toString('base64')}`],
    ['base64 without padding', Buffer.from('s3cret-key-value').toString('base64').replace(/=+$/, '')],
    ['decoded password', 'pw p@ss%word'],
  ])('%s', (_what, text) => {
    const out = redact(text);
    expect(out).toContain('[redacted]');
    expect(out).not.toMatch(/s3cret|p@ss|p%40ss|Ym9iOnBAc3Mld29yZA/);
  });

  it('leaves short values and ordinary text alone', () => {
    expect(redact('a short text')).toBe('a short text');
  });

  it('redacts every string of a result, keys included, and keeps other values', () => {
    expect(redactDeep({ a: ['s3cret-key-value'], n: 1, ok: true, nil: null, 's3cret-key-value': 'x' })).toEqual({
      a: ['[redacted]'],
      n: 1,
      ok: true,
      nil: null,
      '[redacted]': 'x',
    });
  });

  it('a malformed escape in a proxy password is taken as it is, not a crash', () => {
    expect(proxySecrets('http://u:bad%zz@127.0.0.1:1')).toContain('bad%zz');
  });
});

describe('safeRequestId', () => {
  it.each([
    ['7a0c4b4e-0e8c-4a1f', '7a0c4b4e-0e8c-4a1f'],
    ['with space', null],
    ['$(rm -rf)', null],
    ['x'.repeat(129), null],
    [undefined, null],
  ])('%j → %j', (input, expected) => expect(safeRequestId(input)).toBe(expected));
});
