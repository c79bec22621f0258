// Stdio mode must not load the HTTP stack: src/cli.ts reaches the HTTP transport only through a dynamic import().
// Checked on the sources, so it holds for the tsc build and for a bundle that keeps dynamic imports lazy.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SDK = join(ROOT, 'node_modules/@modelcontextprotocol/sdk');
const SDK_EXPORTS = JSON.parse(readFileSync(join(SDK, 'package.json'), 'utf8')).exports as Record<
  string,
  { import?: string }
>;
const STATIC_IMPORT = /(?:^|[;\n])\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g;

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
      else if (spec.startsWith('@modelcontextprotocol/sdk/')) {
        const sub = spec.slice('@modelcontextprotocol/sdk/'.length);
        visit(join(SDK, SDK_EXPORTS[`./${sub}`]?.import ?? `dist/esm/${sub}`));
      } else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => f.slice(ROOT.length + 1)), packages };
}

describe('stdio start-up', () => {
  it('loads no HTTP transport, SSE or express module', () => {
    const { files, packages } = staticGraph(join(ROOT, 'src/cli.ts'));
    expect(files).toContain('src/transports/stdio.ts');
    expect(files).toContain('node_modules/@modelcontextprotocol/sdk/dist/esm/server/stdio.js');
    expect(
      files.filter((f) =>
        /transports\/(?!stdio|http-config)|server\/(sse|streamableHttp|webStandardStreamableHttp|express)\.js/.test(f),
      ),
    ).toEqual([]);
    expect([...packages].filter((p) => /express|hono|raw-body|content-type|cors|^node:http$/.test(p))).toEqual([]);
  });

  it('the check sees the HTTP stack when it is imported statically', () => {
    const { files, packages } = staticGraph(join(ROOT, 'src/transports/http-entry.ts'));
    expect(files).toContain('node_modules/@modelcontextprotocol/sdk/dist/esm/server/streamableHttp.js');
    expect(packages).toContain('@hono/node-server');
    expect(packages).toContain('node:http');
  });
});
