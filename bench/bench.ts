// npm run bench [-- --quick] [-- --out FILE]: cold start, per-call overhead, memory and HTTP throughput; prints a
// table and writes bench/results.json. A benchmark, not a test: nothing here fails on a timing.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { coldStart } from './cold-start.js';
import { httpThroughput } from './http-throughput.js';
import { directCalls, mcpCalls } from './per-call.js';
import { simulatorProcess } from './simulator.js';
import { median, round } from './stats.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1]! : fileURLToPath(new URL('../bench/results.json', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const bare = fileURLToPath(new URL('../bench/bare-responder.mjs', import.meta.url));
const minimal = fileURLToPath(new URL('./minimal-server.mjs', import.meta.url));

const RUNS = quick ? 3 : 15;
const CALLS = quick ? 20 : 400;
const WARMUP = quick ? 5 : 50;
const RSS_AFTER = quick ? 30 : 400;
const HTTP_SECONDS = quick ? 1 : 5;
const HTTP_CLIENTS = 32;

/** Cold start, interleaved with the bare responder, under one environment. */
async function coldStarts(env: NodeJS.ProcessEnv) {
  const server: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push((await coldStart([bare], env)).ms);
    const s = await coldStart([cli], env);
    if (s.tools === 0) throw new Error('the server listed no tools');
    server.push(s.ms);
  }
  return {
    serverMedianMs: round(median(server)),
    bareMedianMs: round(median(floor)),
    ratio: round(median(server) / median(floor)),
  };
}

// As a client launches it: the machine's environment. Here that includes NODE_EXTRA_CA_CERTS, which every Node
// process (the floor too) pays for at start; the clean run (PATH only) shows the ratio without it.
const inherited = await coldStarts(process.env);
const clean = await coldStarts({ PATH: process.env.PATH ?? '' });

const sim = await simulatorProcess();
const direct = await directCalls(sim.url, CALLS, WARMUP);
const ours = await mcpCalls([cli], sim.url, CALLS, WARMUP, RSS_AFTER);
const floor = await mcpCalls([minimal], sim.url, CALLS, WARMUP, RSS_AFTER);
const http = await httpThroughput(cli, sim.url, HTTP_CLIENTS, HTTP_SECONDS);
sim.close();

const results = {
  date: new Date().toISOString(),
  quick,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  },
  coldStart: { runs: RUNS, ...inherited, clean, target: 2.0 },
  perCall: {
    calls: CALLS,
    mcpMedianMs: round(ours.medianMs, 3),
    directMedianMs: round(direct, 3),
    overheadMs: round(ours.medianMs - direct, 3),
    minimalSdkServerOverheadMs: round(floor.medianMs - direct, 3),
    targetMs: 0.5,
  },
  memory: {
    rssMb: round(ours.rssMb, 1),
    afterCalls: RSS_AFTER,
    minimalSdkServerRssMb: round(floor.rssMb, 1),
    targetMb: 80,
  },
  http: {
    clients: http.clients,
    seconds: round(http.seconds),
    calls: http.calls,
    callsPerSecond: round(http.callsPerSecond, 1),
  },
};
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');

const c = results.coldStart;
const p = results.perCall;
const rows: Array<[string, string, string]> = [
  [
    'cold start to tools/list (median)',
    `${c.serverMedianMs} ms vs bare node ${c.bareMedianMs} ms = ${c.ratio}x`,
    '<= 2.0x',
  ],
  [
    '  same, clean environment (PATH only)',
    `${clean.serverMedianMs} ms vs ${clean.bareMedianMs} ms = ${clean.ratio}x`,
    '',
  ],
  [
    'per-call overhead (median, stdio)',
    `${p.overheadMs} ms (${p.mcpMedianMs} - direct ${p.directMedianMs}, ${CALLS} calls)`,
    '<= 0.5 ms',
  ],
  ['  minimal SDK server, same request', `${p.minimalSdkServerOverheadMs} ms`, 'reference'],
  [
    `server RSS after ${RSS_AFTER} calls`,
    `${results.memory.rssMb} MB (minimal SDK server ${results.memory.minimalSdkServerRssMb} MB)`,
    '<= 80 MB',
  ],
  [
    `stop calls/s over HTTP, ${HTTP_CLIENTS} clients`,
    `${results.http.callsPerSecond} (${http.calls} calls in ${results.http.seconds} s)`,
    '',
  ],
];
const width = Math.max(...rows.map((r) => r[0].length));
process.stdout.write(
  `ml-stop-mcp bench${quick ? ' (quick)' : ''}: ${results.machine.cpu}, ${results.machine.cores} cores, Node ${process.version}\n`,
);
for (const [name, value, target] of rows)
  process.stdout.write(`  ${name.padEnd(width)}  ${value.padEnd(64)}  ${target ? `target ${target}` : ''}\n`);
process.stdout.write(`wrote ${out}\n`);
