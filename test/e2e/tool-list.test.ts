// The build embeds tools/list (src/tools/prebuilt.ts) so start-up converts no schema: the built server's answer
// must be exactly what the SDK renders from the tool definitions.
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { expect, it } from 'vitest';
import { renderToolList } from '../../scripts/tool-list.js';

it('the built server lists exactly the tools the SDK renders from the definitions, filters applied', async () => {
  const expected = await renderToolList();
  for (const [env, names] of [
    [{}, expected.map((t) => t.name)],
    [{ ML_STOP_READ_ONLY: 'true' }, expected.filter((t) => t.annotations?.readOnlyHint).map((t) => t.name)],
  ] as const) {
    const client = new Client({ name: 'tool-list', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [join(import.meta.dirname, '../../dist/cli.js')],
        env: { PATH: process.env.PATH ?? '', ...env },
        stderr: 'ignore',
      }),
    );
    const { tools } = await client.listTools();
    await client.close();
    expect(tools.map((t) => t.name)).toEqual(names);
    expect(tools).toEqual(expected.filter((t) => names.includes(t.name)));
  }
}, 30_000);
