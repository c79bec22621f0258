// Per-call overhead over stdio: the same signed stop sent directly with undici, through the minimal SDK server, and
// through ours, all against the simulator in its own process, in interleaved rounds (each round a batch of each, the
// order rotating), so that drift in the machine's load hits all three alike. Memory: RSS of each server idle and
// after a number of calls.
import { Agent, request } from 'undici';
import { bceTimestamp, signBce } from '../src/providers/qianfan/signer.js';
import { BENCH_KEYS, qianfanEnv } from './simulator.js';
import { StdioSession } from './stdio-session.js';
import { median } from './stats.js';

const TOOL = 'qianfan_stop_fine_tuning_task';

/** The signed request, sent from this process: the floor every MCP server adds to. */
export class Direct {
  private readonly agent = new Agent({ keepAliveTimeout: 30_000 });
  private readonly target: URL;
  constructor(url: string) {
    this.target = new URL(`${url}/v2/finetuning?Action=StopFineTuningTask`);
  }
  async stop(taskId: string): Promise<void> {
    const now = new Date();
    const signed = signBce(
      {
        method: 'POST',
        path: this.target.pathname,
        query: [['Action', 'StopFineTuningTask']],
        headers: { 'Content-Type': 'application/json', Host: this.target.host, 'x-bce-date': bceTimestamp(now) },
      },
      BENCH_KEYS,
      now,
      { headersToSign: ['content-type', 'host', 'x-bce-date'] },
    );
    const res = await request(this.target, {
      method: 'POST',
      headers: signed.headers,
      body: JSON.stringify({ taskId }),
      dispatcher: this.agent,
    });
    const json = (await res.body.json()) as { result?: unknown };
    if (res.statusCode !== 200 || json.result !== true) throw new Error(`direct call failed: ${res.statusCode}`);
  }
  close(): Promise<void> {
    return this.agent.close();
  }
}

export interface PerCallRounds {
  /** Per round: the median latency of each, and ours and the minimal server's over direct (ms). */
  rounds: Array<{ direct: number; minimal: number; ours: number }>;
}

/** `rounds` interleaved rounds of `batch` calls each, after `warmup` calls of each. */
export async function perCallRounds(
  ours: string[],
  minimal: string[],
  url: string,
  rounds: number,
  batch: number,
  warmup: number,
): Promise<PerCallRounds> {
  const direct = new Direct(url);
  const sessions = {
    minimal: await StdioSession.open(minimal, qianfanEnv(url)),
    ours: await StdioSession.open(ours, qianfanEnv(url)),
  };
  const prefix = `pc-${Math.random().toString(36).slice(2, 8)}`;
  let n = 0;
  const runners = {
    direct: () => direct.stop(`${prefix}-${n++}`),
    minimal: () => sessions.minimal.stop(TOOL, `${prefix}-${n++}`),
    ours: () => sessions.ours.stop(TOOL, `${prefix}-${n++}`),
  };
  const names = Object.keys(runners) as Array<keyof typeof runners>;
  for (const name of names) for (let i = 0; i < warmup; i++) await runners[name]();
  const out: PerCallRounds['rounds'] = [];
  for (let r = 0; r < rounds; r++) {
    const round = { direct: 0, minimal: 0, ours: 0 };
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]!;
      const times: number[] = [];
      for (let i = 0; i < batch; i++) {
        const t0 = performance.now();
        await runners[name]();
        times.push(performance.now() - t0);
      }
      round[name] = median(times);
    }
    out.push(round);
  }
  sessions.minimal.close();
  sessions.ours.close();
  await direct.close();
  return { rounds: out };
}

export interface Memory {
  idleMb: number;
  /** RSS after each number of calls asked for. */
  afterMb: Record<number, number>;
}

/** RSS of a server idle (initialized, tools listed) and after each count of stop calls in one session. */
export async function memory(args: string[], url: string, counts: number[]): Promise<Memory> {
  const session = await StdioSession.open(args, qianfanEnv(url));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const idleMb = session.rssMb();
  const afterMb: Record<number, number> = {};
  const prefix = `mem-${Math.random().toString(36).slice(2, 8)}`;
  let n = 0;
  for (const count of [...counts].sort((a, b) => a - b)) {
    while (n < count) await session.stop(TOOL, `${prefix}-${n++}`);
    afterMb[count] = session.rssMb();
  }
  session.close();
  return { idleMb, afterMb };
}
