// Runs the benchmark: bundles bench/bench.ts (it drives the simulator's TypeScript source) and executes it.
import { build } from 'esbuild';

await build({
  entryPoints: ['bench/bench.ts', 'bench/simulator-process.ts', 'bench/minimal-server.ts'],
  outdir: '.bench',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
await import(new URL('../.bench/bench.mjs', import.meta.url).href);
