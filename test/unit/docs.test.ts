// The README and docs/ tell the truth about the code: every JSON snippet parses, every flag they give ml-stop-mcp is
// in --help, every variable they name is read by the code, every relative link resolves (anchors included), the
// README's set-up commands are the package scripts, and the README stays short.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '../../src/core/ids.js';
import { PROVIDERS } from '../../src/providers/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
/** The user's manual; the provider fact files quote vendor variables and flags of other tools. */
const MANUAL = DOCS.filter((d) => !/providers/.test(d));

/** Every `--flag` --help prints: the usage text of src/cli.ts and each provider's own flags. */
const USAGE_FLAGS = new Set([
  ...(read('src/cli.ts').match(/--[a-z][a-z0-9-]+/g) ?? []),
  ...PROVIDER_IDS.flatMap((p) => Object.keys(PROVIDERS[p].flags).map((f) => `--${f}`)),
]);
/** Flags written in the docs that belong to other programs (npm, npx, the Inspector, mcp-publisher, the demo script). */
const OTHER_PROGRAMS = new Set([
  '--cli',
  '--method',
  '--tool-name',
  '--tool-arg',
  '--tool-args-json',
  '--format',
  '--quiet',
  '--json',
  '--prefix',
  '--no-audit',
  '--no-fund',
  '--max-semi-space-size',
  '--semi-space-growth-factor', // V8's, set by src/core/heap.ts
  '--heap-growing-percent', // V8's, set by src/core/heap.ts
  '--liftoff-only', // V8's, set by src/core/heap.ts
  '--no-concurrent-recompilation', // V8's, named in docs/performance.md as tried
  '--requirements',
  '--env-file', // named only to say it is Node's, not ours
  '--pack-destination',
  '--header', // the Inspector's
  '--quick', // scripts/bench.mjs's
]);

const fences = (text: string) =>
  [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));

describe('README and docs', () => {
  it.each(DOCS)('%s: every json / jsonc block parses', (doc) => {
    for (const { lang, body } of fences(read(doc)).filter((f) => f.lang === 'json' || f.lang === 'jsonc')) {
      const text = lang === 'jsonc' ? body.replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '') : body;
      // A single audit or log line per row is JSON Lines: each line parses.
      const docs = text.trim().startsWith('{"') && text.trim().includes('}\n{') ? text.trim().split('\n') : [text];
      for (const one of docs) expect(() => JSON.parse(one), `${doc}: ${one.slice(0, 80)}`).not.toThrow();
    }
  });

  it('client snippets launch the server with flags it has', () => {
    for (const doc of MANUAL) {
      for (const { body } of fences(read(doc)).filter((f) => f.lang === 'json')) {
        const servers = JSON.parse(body).mcpServers ?? JSON.parse(body).servers ?? {};
        for (const server of Object.values(servers) as Array<{ args?: string[] }>) {
          for (const arg of (server.args ?? []).filter((a) => a.startsWith('--'))) {
            expect(USAGE_FLAGS.has(arg), `${doc}: ${arg}`).toBe(true);
          }
        }
      }
    }
  });

  it.each(MANUAL)('%s: every --flag it gives ml-stop-mcp is in --help', (doc) => {
    const flags = new Set(read(doc).match(/(?<![\w-])--[a-z][a-z0-9-]+/g) ?? []);
    for (const flag of flags) {
      if (OTHER_PROGRAMS.has(flag)) continue;
      expect(USAGE_FLAGS.has(flag), `${doc} names ${flag}, which ml-stop-mcp --help does not list`).toBe(true);
    }
  });

  it.each(MANUAL)('%s: every variable it names is read by the code', (doc) => {
    // The server reads its variables in src/; the test harness reads the test switches (ML_STOP_TEST_ERA).
    const source = ['src', 'test', 'scripts']
      .flatMap((dir) =>
        readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
          .filter((f) => /\.(ts|mjs|sh)$/.test(f) && !f.endsWith('docs.test.ts'))
          .map((f) => read(join(dir, f))),
      )
      .join('\n');
    const names = new Set(read(doc).match(/\b(ML_STOP_[A-Z0-9_]+|HUAWEICLOUD_[A-Z0-9_]+|QIANFAN_[A-Z0-9_]+)\b/g) ?? []);
    for (const name of names) {
      // HUAWEICLOUD_SDK_REGION_MODELARTS_<REGION> is a family of names, read by prefix.
      const stem = name.startsWith('HUAWEICLOUD_SDK_REGION_MODELARTS_') ? 'HUAWEICLOUD_SDK_REGION_MODELARTS_' : name;
      expect(source.includes(stem), `${doc} names ${name}, which no source or test file reads`).toBe(true);
    }
  });

  it.each(DOCS)('%s: every relative link resolves, anchors included', (doc) => {
    const slug = (h: string) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[^\w\- ]/g, '')
        .replace(/ /g, '-');
    const anchors = (file: string) =>
      new Set([...read(file).matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!.replace(/`/g, ''))));
    for (const [, target] of read(doc).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue; // https:, mailto:
      const [path, anchor] = target!.split('#') as [string, string | undefined];
      const file = path ? join(dirname(doc), path) : doc;
      expect(existsSync(join(ROOT, file)), `${doc} links to ${target}`).toBe(true);
      if (anchor && file.endsWith('.md')) expect(anchors(file).has(anchor), `${doc} links to ${target}`).toBe(true);
    }
  });

  it("the README's set-up commands are this package's scripts, and the README stays short", () => {
    const readme = read('README.md');
    const scripts = JSON.parse(read('package.json')).scripts;
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('\nnpm test');
    for (const script of ['demo', 'test', 'test:fast', 'bundle', 'start'])
      expect(scripts[script], script).toBeDefined();
    expect(read('.ci/run')).toMatch(/^npm test$/m);
    expect(Buffer.byteLength(readme)).toBeLessThan(20_000);
  });
});
