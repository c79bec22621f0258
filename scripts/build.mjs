// Builds dist/: the bin entry dist/cli.js (ESM, every runtime dependency inlined) plus chunks that only load when
// needed. The HTTP transports, the simulator and the HTTP client (undici) sit behind dynamic import(), so esbuild
// splits them into dist/chunks/ and a stdio session never reads, compiles or runs them.
// tools/list is rendered here once and embedded (src/tools/prebuilt.ts), so start-up converts no schema; so is the
// running-tasks page, minified (src/app/page.ts, scripts/app-page.mjs).
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { builtPage } from './app-page.mjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // undici and other CommonJS dependencies call require() for Node built-ins.
  banner: {
    js: "import{createRequire as __mlsCreateRequire}from'node:module';const require=__mlsCreateRequire(import.meta.url);",
  },
};

rmSync('dist', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: ['scripts/tool-list.ts'],
  outfile: '.build/tool-list.mjs',
  packages: 'external',
});
const { renderToolList } = await import(new URL('../.build/tool-list.mjs', import.meta.url).href + `?t=${Date.now()}`);
const tools = await renderToolList();

await build({
  ...common,
  // dist/cli.js is src/bin.ts, which sets the heap's limits before it loads the CLI (src/cli.ts) as a chunk.
  entryPoints: [{ in: 'src/bin.ts', out: 'cli' }],
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  legalComments: 'none',
  define: { __ML_STOP_TOOL_LIST__: JSON.stringify(tools), __ML_STOP_APP_PAGE__: JSON.stringify(await builtPage()) },
});
chmodSync('dist/cli.js', 0o755);
