// The floor for cold start: a bare Node process that answers initialize and tools/list over stdio.
import { createInterface } from 'node:readline';
const reply = (id, result) => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id, result }) + '\n');
createInterface({ input: process.stdin }).on('line', (line) => {
  const msg = JSON.parse(line);
  if (msg.method === 'initialize')
    reply(msg.id, {
      protocolVersion: msg.params.protocolVersion,
      capabilities: { tools: {} },
      serverInfo: { name: 'bare', version: '0' },
    });
  else if (msg.method === 'tools/list') reply(msg.id, { tools: [] });
});
