// npm run bench [-- --quick] [-- --out FILE] [-- --cli PATH]: cold start, per-call overhead over stdio, memory and HTTP throughput,
// each beside its anchors (a bare Node JSON-RPC responder, a minimal SDK server), with min/median/max; prints a table
// and writes bench/results.json. A benchmark, not a test: nothing here fails on a timing.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { coldStartRounds } from './cold-start.js';
import { httpThroughput } from './http-throughput.js';
import { memory, perCallRounds } from './per-call.js';
import { simulatorProcess } from './simulator.js';
import { median, round, showSpread, spread } from './stats.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1]! : fileURLToPath(new URL('../bench/results.json', import.meta.url));
const cliIndex = args.indexOf('--cli');
// --cli PATH measures another build (an older checkout's dist/cli.js, for a before/after table).
const cli = cliIndex >= 0 ? args[cliIndex + 1]! : fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const bare = fileURLToPath(new URL('../bench/bare-responder.mjs', import.meta.url));
const minimal = fileURLToPath(new URL('./minimal-server.mjs', import.meta.url));

const COLD_ROUNDS = quick ? 3 : 20;
const CALL_ROUNDS = quick ? 3 : 24;
const BATCH = quick ? 10 : 50;
const WARMUP = quick ? 5 : 100;
const MEMORY_AT = quick ? [40, 100] : [400, 5000];
const HTTP_SECONDS = quick ? 1 : 5;
const HTTP_RUNS = quick ? 1 : 3;
const HTTP_CONNECTIONS = 32;

const loadBefore = loadavg();
const started = performance.now();

/** Cold start of each target, interleaved, under one environment; ratios to the bare responder. */
async function coldStarts(env: NodeJS.ProcessEnv) {
  const ms = await coldStartRounds({ bare: [bare], minimal: [minimal], ours: [cli] }, env, COLD_ROUNDS);
  const paired = ms.ours!.map((v, i) => v / ms.bare![i]!);
  return {
    bareMs: spread(ms.bare!, 1),
    minimalMs: spread(ms.minimal!, 1),
    oursMs: spread(ms.ours!, 1),
    ratio: round(median(ms.ours!) / median(ms.bare!)),
    pairedRatio: spread(paired),
  };
}

// As a client launches it (the machine's environment) and in a clean one (PATH only).
const clean = await coldStarts({ PATH: process.env.PATH ?? '' });
const inherited = await coldStarts(process.env);

const sim = await simulatorProcess();
const calls = await perCallRounds([cli], [minimal], sim.url, CALL_ROUNDS, BATCH, WARMUP);
const rounds = calls.rounds;
const oursMem = await memory([cli], sim.url, MEMORY_AT);
const minimalMem = await memory([minimal], sim.url, MEMORY_AT);
const http = await httpThroughput(cli, sim, HTTP_CONNECTIONS, HTTP_SECONDS, HTTP_RUNS);
sim.close();

/** min/median/max of one figure over the per-call rounds, or over the HTTP runs. */
const perRound = (figure: (r: (typeof rounds)[number]) => number) => spread(rounds.map(figure), 3);
const perRun = (figure: (r: (typeof http)[number]) => number, digits = 2) => spread(http.map(figure), digits);

const results = {
  date: new Date().toISOString(),
  quick,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverageBefore: loadBefore.map((l) => round(l)),
    loadAverageAfter: loadavg().map((l) => round(l)),
    seconds: round((performance.now() - started) / 1000, 1),
  },
  coldStart: { rounds: COLD_ROUNDS, clean, inherited, target: 'clean ratio <= 2.5' },
  perCall: {
    rounds: CALL_ROUNDS,
    batch: BATCH,
    directMs: perRound((r) => r.direct),
    oursMs: perRound((r) => r.ours),
    minimalMs: perRound((r) => r.minimal),
    overheadMs: perRound((r) => r.ours - r.direct),
    minimalOverheadMs: perRound((r) => r.minimal - r.direct),
    target: 'overhead <= 0.30 ms',
  },
  memory: {
    ours: oursMem,
    minimal: minimalMem,
    target: `<= 70 MB after ${MEMORY_AT[0]} calls, <= 80 MB after ${MEMORY_AT[1]}`,
  },
  http: {
    connections: HTTP_CONNECTIONS,
    seconds: HTTP_SECONDS,
    runs: http,
    callsPerSecond: perRun((r) => r.callsPerSecond, 0),
    serverCpuUsPerCall: perRun((r) => r.serverCpuUsPerCall, 0),
    simulatorCpuUsPerCall: perRun((r) => r.simulatorCpuUsPerCall, 0),
    p50Ms: perRun((r) => r.p50Ms),
    p99Ms: perRun((r) => r.p99Ms),
    errors: http.reduce((sum, r) => sum + r.errors, 0),
    target: '>= 2000 calls/s',
  },
};
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');

const c = results.coldStart;
const p = results.perCall;
const m = results.memory;
const h = results.http;
const [lo, hi] = MEMORY_AT as [number, number];
const rows: Array<[string, string, string]> = [
  ['cold start, clean env: ours', `${showSpread(c.clean.oursMs, ' ms')} = ${c.clean.ratio}x bare`, 'target <= 2.5x'],
  [
    '  bare responder / minimal SDK',
    `${showSpread(c.clean.bareMs, ' ms')} / ${showSpread(c.clean.minimalMs, ' ms')}`,
    '',
  ],
  ['  paired per-round ratio', showSpread(c.clean.pairedRatio, 'x'), ''],
  ['cold start, inherited env: ours', `${showSpread(c.inherited.oursMs, ' ms')} = ${c.inherited.ratio}x bare`, ''],
  [
    '  bare responder / minimal SDK',
    `${showSpread(c.inherited.bareMs, ' ms')} / ${showSpread(c.inherited.minimalMs, ' ms')}`,
    '',
  ],
  ['per-call overhead over direct (stdio)', showSpread(p.overheadMs, ' ms'), 'target <= 0.30 ms'],
  ['  minimal SDK server over direct', showSpread(p.minimalOverheadMs, ' ms'), 'anchor'],
  ['  direct / minimal / ours per call', `${p.directMs.median} / ${p.minimalMs.median} / ${p.oursMs.median} ms`, ''],
  [
    'RSS idle / after calls: ours',
    `${round(m.ours.idleMb, 1)} / ${round(m.ours.afterMb[lo]!, 1)} (${lo}) / ${round(m.ours.afterMb[hi]!, 1)} (${hi}) MB`,
    `target <= 70 (${lo}), <= 80 (${hi})`,
  ],
  [
    '  minimal SDK server',
    `${round(m.minimal.idleMb, 1)} / ${round(m.minimal.afterMb[lo]!, 1)} / ${round(m.minimal.afterMb[hi]!, 1)} MB`,
    'anchor',
  ],
  [
    `HTTP stop calls/s, ${HTTP_CONNECTIONS} connections`,
    `${showSpread(h.callsPerSecond)} (errors: ${h.errors})`,
    'target >= 2000',
  ],
  [
    '  server / simulator CPU per call',
    `${showSpread(h.serverCpuUsPerCall, ' µs')} / ${showSpread(h.simulatorCpuUsPerCall, ' µs')}`,
    '',
  ],
  ['  latency p50 / p99', `${showSpread(h.p50Ms, ' ms')} / ${showSpread(h.p99Ms, ' ms')}`, ''],
];
const width = Math.max(...rows.map((r) => r[0].length));
const valueWidth = Math.max(...rows.map((r) => r[1].length));
const mc = results.machine;
process.stdout.write(
  `ml-stop-mcp bench${quick ? ' (quick)' : ''}: ${mc.cpu}, ${mc.cores} cores, Node ${mc.node}, load ${mc.loadAverageBefore.join(' ')} -> ${mc.loadAverageAfter.join(' ')}, ${mc.seconds} s\n` +
    `  figures: median (min–max) over ${COLD_ROUNDS} cold-start rounds, ${CALL_ROUNDS} per-call rounds of ${BATCH}, ${HTTP_RUNS} HTTP runs of ${HTTP_SECONDS} s\n`,
);
for (const [name, value, target] of rows)
  process.stdout.write(`  ${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target}\n`);
process.stdout.write(`wrote ${out}\n`);
