import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { RENAMED_PROTO, guardJsonLine, mayHoldProtoKey, renameProtoKeys } from '../../src/core/proto-keys.js';
import { ProtoKeyGuard } from '../../src/transports/stdio.js';

describe('proto keys', () => {
  it('renames own __proto__ keys at any depth and keeps everything else', () => {
    const parsed = JSON.parse('{"a":[{"__proto__":{"x":1}}],"__proto__":{"dry_run":true},"b":2}');
    const out = renameProtoKeys(parsed) as Record<string, any>;
    expect(Object.keys(out)).toEqual(['a', RENAMED_PROTO, 'b']);
    expect(out[RENAMED_PROTO]).toEqual({ dry_run: true });
    expect(Object.keys(out.a[0])).toEqual([RENAMED_PROTO]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('leaves lines without the key, and lines that are not JSON, as they are', () => {
    expect(guardJsonLine('{"a":1}')).toBe('{"a":1}');
    expect(guardJsonLine('not json __proto__')).toBe('not json __proto__');
    expect(guardJsonLine('{"params":{"__proto__":1}}')).toBe(`{"params":{"${RENAMED_PROTO}":1}}`);
  });

  it('catches the key spelled with \\u escapes, which parse to the same own key', () => {
    const line = '{"params":{"arguments":{"\\u005f_proto__":{"dry_run":true},"task_id":"t"}}}';
    expect(Object.keys(JSON.parse(line).params.arguments)).toContain('__proto__');
    expect(mayHoldProtoKey(line)).toBe(true);
    expect(JSON.parse(guardJsonLine(line)).params.arguments).toEqual({
      [RENAMED_PROTO]: { dry_run: true },
      task_id: 't',
    });
    const spelled = '{"\\u005f\\u005f\\u0070roto\\u005f\\u005f":1}';
    expect(JSON.parse(guardJsonLine(spelled))).toEqual({ [RENAMED_PROTO]: 1 });
    expect(mayHoldProtoKey('{"a":"proto","b":"__prot"}')).toBe(false);
  });

  it('the stdio line guard keeps a character whose bytes arrive in two chunks', async () => {
    const guard = new ProtoKeyGuard();
    const out: string[] = [];
    guard.on('data', (d: Buffer | string) => out.push(String(d)));
    const line = Buffer.from('{"jsonrpc":"2.0","method":"x","params":{"name":"任务"}}\n{"__proto__":1}\n');
    const cut = line.indexOf(Buffer.from('务')) + 1; // inside the character's three bytes
    guard.write(line.subarray(0, cut));
    guard.end(line.subarray(cut));
    await once(guard, 'end');
    expect(out.join('')).toBe(`{"jsonrpc":"2.0","method":"x","params":{"name":"任务"}}\n{"${RENAMED_PROTO}":1}\n`);
  });
});
