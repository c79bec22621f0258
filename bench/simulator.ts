// The simulator in a separate process (bench/simulator-process.ts), shared by the per-call and HTTP measures.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BENCH_KEYS = { ak: 'bench-qianfan-ak', sk: 'bench-qianfan-sk' };

export async function simulatorProcess(): Promise<{ url: string; pid: number; close: () => void }> {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./simulator-process.mjs', import.meta.url)), BENCH_KEYS.ak, BENCH_KEYS.sk],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`the simulator process exited with ${code}`)));
  });
  return { url, pid: child.pid!, close: () => child.stdin.end() };
}

/** Environment that points the server's Qianfan client at the simulator. */
export function qianfanEnv(url: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    QIANFAN_ACCESS_KEY: BENCH_KEYS.ak,
    QIANFAN_SECRET_KEY: BENCH_KEYS.sk,
    QIANFAN_CONSOLE_API_BASE_URL: url,
  };
}
