// Renders tools/list through the real server factory and an in-memory MCP client: what the build embeds
// (src/tools/prebuilt.ts), and what test/e2e/tool-list.test.ts compares the built server against.
import { Client, InMemoryTransport, type Tool } from '@modelcontextprotocol/client';
import { createClients } from '../src/clients.js';
import { loadConfig } from '../src/config.js';
import { createServer } from '../src/server.js';
import { allTools } from '../src/tools/index.js';

export async function renderToolList(): Promise<Tool[]> {
  const server = createServer({ tools: allTools, clients: createClients(loadConfig({}, [])) });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'build', version: '1.0.0' });
  await Promise.all([server.connect(serverSide as never), client.connect(clientSide)]);
  const { tools } = await client.listTools();
  await Promise.all([client.close(), server.close()]);
  return tools;
}
