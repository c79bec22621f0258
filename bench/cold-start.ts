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

/** Milliseconds from spawn to the tools/list answer; rejects when the list is empty for our server. */
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
