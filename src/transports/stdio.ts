// stdio transport: one connection for the life of the process, served in the era its client opens with (a
// 2026-07-28 server/discover or a 2025-era initialize); stdout carries only protocol messages.
//
// Shutdown (stdin closed, SIGTERM, SIGINT, or stdout broken because the client stopped reading) ends waits as a
// cancellation does and sends no stop that was not sent yet, lets every call in flight finish (a stop already sent
// gets its answer or its deadline, and its audit line), and only then exits.
import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { StdioServerTransport, serveStdio as serve } from '@modelcontextprotocol/server/stdio';
import { guardJsonLine } from '../core/proto-keys.js';
import { log } from '../log.js';
import { createServer, type ServerDeps } from '../server.js';
import { InFlight, type Shutdown } from './in-flight.js';

export async function serveStdio(deps: ServerDeps, shutdown?: Shutdown): Promise<void> {
  const calls = new InFlight();
  // Messages pass through a line guard that renames "__proto__" keys, so they are refused rather than dropped.
  const input = process.stdin.pipe(new ProtoKeyGuard());
  const handle = serve(({ era }) => createServer({ ...deps, calls }, { era }), {
    transport: new StdioServerTransport(input, process.stdout),
    onerror: (error) => log('warn', 'stdio transport error', { error: String(error?.message ?? error) }),
  });
  let ending: Promise<void> | undefined;
  const end = (why: string, code = 0) =>
    (ending ??= (async () => {
      shutdown?.controller.abort();
      if (calls.size > 0) log('info', `${why}: letting ${calls.size} call(s) in flight finish`);
      const drained = await calls.drained(shutdown?.graceMs ?? 0);
      if (!drained) log('warn', `${why}: calls still in flight after ${shutdown?.graceMs ?? 0} ms; exiting`);
      // The last answers are sent after their handlers return: let them be written, and stdout be flushed.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => process.stdout.write('', () => resolve(undefined)));
      await handle.close().catch(() => undefined);
      process.exit(code);
    })());
  // The client closing our stdin ends the session (keep-alive sockets must not hold the process).
  process.stdin.once('end', () => void end('stdin closed'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void end(signal));
  // A client that stops reading: EPIPE on stdout is a shutdown, not a crash.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    log('warn', 'stdout closed by the client', { code: err.code });
    void end('stdout closed');
  });
}

/**
 * Newline-delimited JSON in, the same out, each line through guardJsonLine. Bytes are decoded across chunk
 * boundaries: a character whose bytes arrive in two chunks stays one character.
 */
export class ProtoKeyGuard extends Transform {
  private rest = '';
  private readonly decoder = new StringDecoder('utf8');

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const text = this.rest + this.decoder.write(chunk);
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      this.rest = text;
      return done();
    }
    this.rest = text.slice(end + 1);
    done(null, text.slice(0, end).split('\n').map(guardJsonLine).join('\n') + '\n');
  }

  override _flush(done: TransformCallback): void {
    const rest = this.rest + this.decoder.end();
    done(null, rest ? guardJsonLine(rest) : '');
  }
}
