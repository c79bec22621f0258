// `{"__proto__": {"dry_run": true}}` in tool arguments is refused by name on both transports: the transports rename
// the key before the SDK (whose argument parsing would drop it, turning a dry run into a real stop) sees it.
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import type { HttpHandle } from '../../src/transports/http-server.js';
import { envFor, startFake } from '../helpers/harness.js';
import { httpClient, startHttp } from '../helpers/http.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
let sim: Simulator;
let http: HttpHandle;
beforeAll(async () => {
  sim = await startFake();
  http = await startHttp(sim);
});
afterAll(async () => {
  await http.close();
  await sim.close();
});

/** Arguments with an own "__proto__" key, as JSON.parse makes them (JSON.stringify then sends it). */
function hostile(taskId: string): Record<string, unknown> {
  const args: Record<string, unknown> = { task_id: taskId };
  Object.defineProperty(args, '__proto__', { value: { dry_run: true }, enumerable: true, configurable: true });
  return args;
}

async function expectRefused(client: Client, taskId: string) {
  const before = sim.requests.length;
  const res = await client.callTool({ name: 'qianfan_stop_fine_tuning_task', arguments: hostile(taskId) });
  expect(res.isError).toBe(true);
  expect(res.structuredContent).toMatchObject({ ok: false, error: { category: 'invalid_input' } });
  expect((res.structuredContent as { error: { message: string } }).error.message).toMatch(
    /^"\(__proto__\)": unknown field/,
  );
  expect(sim.requests.slice(before)).toEqual([]); // nothing stopped, nothing read
}

describe('"__proto__" in tool arguments', () => {
  it('is refused over stdio', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI],
      env: { PATH: process.env.PATH ?? '', ...envFor(sim) } as Record<string, string>,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'proto-stdio', version: '1.0.0' });
    await client.connect(transport);
    await expectRefused(client, 'task-proto-stdio');
    await client.close();
  });

  it('is refused over Streamable HTTP', async () => {
    const client = await httpClient(http.url, 'streamable');
    await expectRefused(client, 'task-proto-http');
    await client.close();
  });
});
