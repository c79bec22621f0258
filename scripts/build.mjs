// Builds dist/cli.js: one ESM file with every runtime dependency inlined. The HTTP transport and other
// optional parts are reached through dynamic import(), which esbuild keeps lazy, so stdio start-up never runs them.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';


rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // undici and other CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import{createRequire as __mlsCreateRequire}from'node:module';const require=__mlsCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync('dist/cli.js', 0o755);

