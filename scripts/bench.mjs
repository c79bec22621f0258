// Runs the benchmark: bundles bench/ (the driver and the simulator process use the TypeScript sources and
// node_modules as they are) and executes it. The minimal SDK server, an anchor, is bundled whole and minified, as
// dist/cli.js is, so the two start the same way.
import { build } from 'esbuild';

const common = {
  outdir: '.bench',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['bench/bench.ts', 'bench/simulator-process.ts'], packages: 'external' });
await build({
  ...common,
  entryPoints: ['bench/minimal-server.ts'],
  minify: true,
  banner: { js: "import{createRequire as __c}from'node:module';const require=__c(import.meta.url);" },
});
await import(new URL('../.bench/bench.mjs', import.meta.url).href);
