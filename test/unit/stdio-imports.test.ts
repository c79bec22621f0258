// Stdio mode must not load the HTTP stack: src/cli.ts reaches the HTTP transport only through a dynamic import().
// Checked on the sources and on the SDK packages' own static imports, so it holds for the tsc build and for a bundle
// that keeps dynamic imports lazy.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const STATIC_IMPORT = /(?:^|[;\n])\s*(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g;

/** The file a `@modelcontextprotocol/<package>[/<sub>]` import loads, as its package.json exports say. */
function sdkFile(spec: string): string | undefined {
  const [, pkg, sub] = /^@modelcontextprotocol\/([^/]+)(?:\/(.+))?$/.exec(spec) ?? [];
  if (!pkg) return undefined;
  const dir = join(ROOT, 'node_modules/@modelcontextprotocol', pkg);
  if (!existsSync(join(dir, 'package.json'))) return undefined;
  const exports = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports as Record<string, any>;
  const entry = exports[sub ? `./${sub}` : '.'];
  const target = entry?.import?.default ?? entry?.import ?? entry?.default;
  return typeof target === 'string' ? join(dir, target) : undefined;
}

/** Every file reached from `entry` through static imports (ours and the SDK's), and the other packages named. */
function staticGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const spec = m[1]!;
      if (spec.startsWith('.'))
        visit(resolve(dirname(file), file.endsWith('.ts') ? spec.replace(/\.js$/, '.ts') : spec));
      else {
        packages.add(spec);
        const sdk = sdkFile(spec);
        if (sdk) visit(sdk);
      }
    }
  };
  visit(entry);
  return { files: [...files].map((f) => f.slice(ROOT.length + 1)), packages };
}

const HTTP_STACK =
  /^(@modelcontextprotocol\/(node|server-legacy|express|hono|fastify)|@hono\/|hono|express|raw-body|cors|node:http)/;

describe('stdio start-up', () => {
  it('loads no HTTP transport, no SSE, and no Node HTTP adapter', () => {
    const { files, packages } = staticGraph(join(ROOT, 'src/cli.ts'));
    expect(files).toContain('src/transports/stdio.ts');
    expect(files.some((f) => f.startsWith('node_modules/@modelcontextprotocol/server/'))).toBe(true);
    expect(files.filter((f) => /src\/transports\/(?!stdio|http-config|in-flight)/.test(f))).toEqual([]);
    expect([...packages].filter((p) => HTTP_STACK.test(p))).toEqual([]);
  });

  it('the check sees the HTTP stack when it is imported statically', () => {
    const { packages } = staticGraph(join(ROOT, 'src/transports/http-server.ts'));
    expect(packages).toContain('@modelcontextprotocol/node');
    expect(packages).toContain('node:http');
  });
});
