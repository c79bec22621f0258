// Upstream text reaches the agent only through cleanText: one short line, no markup, no control or bidi characters.
import { describe, expect, it } from 'vitest';
import { UNPRINTABLE, cleanText } from '../../src/core/text.js';

describe('cleanText', () => {
  it.each([
    ['<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>', '502 Bad Gateway 502'],
    ['<script type="text/javascript">alert("<b>x</b>")</script>after', 'after'],
    ['<STYLE>h1{color:red}</STYLE>text', 'text'],
    ['a<!-- <b>hidden</b> -->b', 'a b'],
    ['unterminated <div class="x', 'unterminated'],
    ['&lt;script&gt;x&amp;y&quot;&#39;&nbsp;z', '‹script›x&y"\' z'],
    ['line1\r\nline2\u0000\u0007end', 'line1 line2 end'],
    ['\u202eevil\u202c \u2066iso\u2069 zero\u200bwidth\ufeff \u0085nel \u2028ls', 'evil iso zero width nel ls'],
    ['名称 überall', '名称 überall'],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('cuts to the limit with an ellipsis', () => {
    expect(cleanText('x'.repeat(500), 10)).toBe('xxxxxxxxx…');
  });

  it('stays linear on a hostile megabyte of "<" (a regex tag stripper would take minutes)', () => {
    for (const body of [
      '<'.repeat(1 << 20),
      '<a'.repeat(1 << 19),
      '<script>'.repeat(1 << 17),
      '<!--'.repeat(1 << 18),
    ]) {
      const started = performance.now();
      const out = cleanText(body, 200);
      expect(out.length).toBeLessThanOrEqual(200);
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  it('output never contains an unprintable character', () => {
    let all = '';
    for (let c = 0; c < 0x3000; c++) all += String.fromCharCode(c);
    expect(UNPRINTABLE.test(cleanText(all, 1e6))).toBe(false);
  });
});
