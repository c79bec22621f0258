// A lean MCP client over stdio for the benchmark: newline-delimited JSON-RPC written and read directly, no SDK, so
// what is measured is the server, not the client (an SDK client costs more per call than the server it measures).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export class StdioSession {
  private readonly child: ChildProcess;
  private buffer = '';
  private nextId = 1;
  private readonly waiting = new Map<number, (message: any) => void>();

  private constructor(args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'], env });
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let i = this.buffer.indexOf('\n'); i >= 0; i = this.buffer.indexOf('\n')) {
        const line = this.buffer.slice(0, i);
        this.buffer = this.buffer.slice(i + 1);
        const message = JSON.parse(line);
        const done = this.waiting.get(message.id);
        if (done) {
          this.waiting.delete(message.id);
          done(message);
        }
      }
    });
  }

  /** Spawned and initialized (a 2025-era session: initialize, then notifications/initialized). */
  static async open(args: string[], env: NodeJS.ProcessEnv): Promise<StdioSession> {
    const session = new StdioSession(args, env);
    await session.request('initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'bench', version: '1' },
    });
    session.child.stdin!.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
    await session.request('tools/list', {});
    return session;
  }

  request(method: string, params: object): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      this.child.stdin!.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    });
  }

  /** One stop call; throws unless the server answered a successful stop. */
  async stop(tool: string, taskId: string): Promise<void> {
    const result = await this.request('tools/call', { name: tool, arguments: { task_id: taskId } });
    if (result.isError) throw new Error(`bench call failed: ${JSON.stringify(result.content)}`);
  }

  /** Resident set size, from /proc. */
  rssMb(): number {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1] ?? NaN);
    return kb / 1024;
  }

  close(): void {
    this.child.stdin!.end();
    this.child.kill();
  }
}
