// Cold start: spawn a server, send initialize + tools/list, time to the tools/list answer.
import { spawn } from 'node:child_process';

const HANDSHAKE =
  [
    {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
    },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  ]
    .map((m) => JSON.stringify(m))
    .join('\n') + '\n';

/** Milliseconds from spawn to the tools/list answer, and how many tools it listed. */
export function coldStart(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; tools: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'], env });
    let buffer = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no tools/list answer from ${args.join(' ')} within 20 s`));
    }, 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.includes('"id":2'));
      if (!line) return;
      const ms = performance.now() - t0;
      clearTimeout(timer);
      child.kill();
      resolve({ ms, tools: (JSON.parse(line).result?.tools ?? []).length });
    });
    child.stdin.write(HANDSHAKE);
  });
}

/** Interleaved rounds: each round starts every target once, the order rotating. Milliseconds per target. */
export async function coldStartRounds(
  targets: Record<string, string[]>,
  env: NodeJS.ProcessEnv,
  rounds: number,
): Promise<Record<string, number[]>> {
  const names = Object.keys(targets);
  const out: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]!;
      const { ms, tools } = await coldStart(targets[name]!, env);
      if (name === 'ours' && tools === 0) throw new Error('the server listed no tools');
      out[name]!.push(ms);
    }
  }
  return out;
}
