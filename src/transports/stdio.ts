// stdio transport: one connection for the life of the process, served in the era its client opens with (a
// 2026-07-28 server/discover or a 2025-era initialize); stdout carries only protocol messages.
import { serveStdio as serve } from '@modelcontextprotocol/server/stdio';
import { log } from '../log.js';
import { createServer, type ServerDeps } from '../server.js';

export async function serveStdio(deps: ServerDeps): Promise<void> {
  const handle = serve(({ era }) => createServer(deps, { era }), {
    onerror: (error) => log('debug', 'stdio transport error', { error: String(error?.message ?? error) }),
  });
  // The client closing our stdin ends the session: close it and exit (keep-alive sockets must not hold the process).
  process.stdin.once('end', () => {
    void handle.close().finally(() => process.exit(0));
  });
}
