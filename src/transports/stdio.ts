// stdio transport: one server for the life of the process; stdout carries only protocol messages.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createServer, type ServerDeps } from '../server.js';

export async function serveStdio(deps: ServerDeps): Promise<void> {
  const server = createServer(deps);
  const transport = new StdioServerTransport();
  transport.onclose = () => process.exit(0);
  await server.connect(transport);
}
