// `{"__proto__": {"dry_run": true}}` in tool arguments is refused by name on both transports: the transports rename
// the key before the SDK (whose argument parsing would drop it, turning a dry run into a real stop) sees it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import type { HttpHandle } from '../../src/transports/http-server.js';
import { envFor, startFake } from '../helpers/harness.js';
import { httpClient, initialize, messagesOf, modernRequest, raw, startHttp } from '../helpers/http.js';

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

  it('is refused over Streamable HTTP when the key is spelled with \\u escapes', async () => {
    const before = sim.requests.length;
    const { headers, body } = modernRequest(7, 'tools/call', {
      name: 'qianfan_stop_fine_tuning_task',
      arguments: { task_id: 'task-proto-escaped', ESCAPED: { dry_run: true } },
    });
    const res = await raw(http.url, 'POST', '/mcp', headers, body.replace('"ESCAPED"', '"\\u005f_proto__"'));
    const [answer] = messagesOf(res);
    expect(answer.result.structuredContent).toMatchObject({ ok: false, error: { category: 'invalid_input' } });
    expect(answer.result.structuredContent.error.message).toMatch(/^"\(__proto__\)": unknown field/);
    expect(sim.requests.slice(before)).toEqual([]);
  });

  it('is refused over stdio when the key is spelled with \\u escapes (a raw line, as any client may write it)', async () => {
    const before = sim.requests.length;
    const child = spawn(process.execPath, [CLI], {
      env: { PATH: process.env.PATH ?? '', ...envFor(sim) },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const call = JSON.stringify({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: {
        name: 'qianfan_stop_fine_tuning_task',
        arguments: { task_id: 'task-proto-raw', ESCAPED: { dry_run: true } },
      },
    }).replace('"ESCAPED"', '"\\u005f_proto__"');
    let out = '';
    const answer = new Promise<any>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d;
        const line = out.split('\n').find((l) => l.includes('"id":2'));
        if (line) resolve(JSON.parse(line));
      });
    });
    child.stdin.write(initialize + '\n' + '{"jsonrpc":"2.0","method":"notifications/initialized"}\n' + call + '\n');
    const res = await answer;
    child.kill();
    expect(res.result.structuredContent).toMatchObject({ ok: false, error: { category: 'invalid_input' } });
    expect(res.result.structuredContent.error.message).toMatch(/^"\(__proto__\)": unknown field/);
    expect(sim.requests.slice(before)).toEqual([]);
  });
});
