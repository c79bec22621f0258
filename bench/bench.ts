// npm run bench [-- --quick] [-- --out FILE]: cold start, per-call overhead, memory; prints a table and writes JSON.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { coldStart } from './cold-start.js';
import { perCall } from './per-call.js';
import { median, round } from './stats.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1]! : fileURLToPath(new URL('../bench/results.json', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const bare = fileURLToPath(new URL('../bench/bare-responder.mjs', import.meta.url));

const RUNS = quick ? 3 : 15;
const CALLS = quick ? 20 : 400;
const WARMUP = quick ? 5 : 50;
const RSS_AFTER = quick ? 30 : 400;
const env = { PATH: process.env.PATH ?? '' };

const serverMs: number[] = [];
const bareMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bareMs.push((await coldStart([bare], env)).ms);
  const server = await coldStart([cli], env);
  if (server.tools === 0) throw new Error('the server listed no tools');
  serverMs.push(server.ms);
}
const cold = { runs: RUNS, serverMedianMs: round(median(serverMs)), bareMedianMs: round(median(bareMs)), ratio: round(median(serverMs) / median(bareMs)) };
const call = await perCall(cli, CALLS, WARMUP, RSS_AFTER);

const results = {
  date: new Date().toISOString(),
  quick,
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, platform: `${process.platform}-${process.arch}` },
  coldStart: { ...cold, target: 2.0 },
  perCall: { calls: call.calls, mcpMedianMs: round(call.mcpMedianMs, 3), directMedianMs: round(call.directMedianMs, 3), overheadMs: round(call.overheadMs, 3), targetMs: 0.5 },
  memory: { rssMb: round(call.rssMb, 1), afterCalls: call.rssAfterCalls, targetMb: 80 },
};
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');

const rows: Array<[string, string, string]> = [
  ['cold start to tools/list (median)', `${cold.serverMedianMs} ms vs bare node ${cold.bareMedianMs} ms = ${cold.ratio}x`, '<= 2.0x'],
  ['per-call overhead (median, stdio)', `${results.perCall.overheadMs} ms (${results.perCall.mcpMedianMs} - ${results.perCall.directMedianMs}, ${CALLS} calls)`, '<= 0.5 ms'],
  [`server RSS after ${call.rssAfterCalls} calls`, `${results.memory.rssMb} MB`, '<= 80 MB'],
];
const width = Math.max(...rows.map((r) => r[0].length));
process.stdout.write(`ml-stop-mcp bench${quick ? ' (quick)' : ''}: ${results.machine.cpu}, ${results.machine.cores} cores, Node ${process.version}\n`);
for (const [name, value, target] of rows) process.stdout.write(`  ${name.padEnd(width)}  ${value.padEnd(60)}  target ${target}\n`);
process.stdout.write(`wrote ${out}\n`);
