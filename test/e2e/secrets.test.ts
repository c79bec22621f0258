// A full session against the built server over stdio, successes and every kind of failure, then a scan of every
// result, every stderr line and the audit file for the configured secrets. Also checks the audit file itself.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { HW, QF, envFor, startFake } from '../helpers/harness.js';
import { minimalArgs, toolShapes } from '../helpers/inputs.js';
import { startProxy } from '../helpers/proxy.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
const TOKEN = 'security-token-secret-0123456789';
const PROXY_PASSWORD = 'proxy-password-secret-42';
let sim: Simulator;
let proxy: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  sim = await startFake();
  proxy = await startProxy();
});
afterAll(async () => {
  await proxy.close();
  await sim.close();
});

it('no secret appears in any result, stderr line or audit line of a session full of failures', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-stop-secrets-'));
  const auditFile = join(dir, 'audit.jsonl');
  writeFileSync(auditFile, '{"earlier":"line"}\n'); // appended to, never truncated
  const env = envFor(sim, {
    HUAWEICLOUD_SDK_SECURITY_TOKEN: TOKEN,
    // Everything goes through a local proxy that needs credentials (loopback endpoints only use it when asked).
    HTTP_PROXY: proxy.url.replace('http://', `http://agent:${PROXY_PASSWORD}@`),
    ML_STOP_PROXY_LOOPBACK: '1',
    ML_STOP_AUDIT_FILE: auditFile,
  });
  const secrets = [
    HW.sk,
    QF.sk,
    HW.ak,
    QF.ak,
    TOKEN,
    PROXY_PASSWORD,
    Buffer.from(`agent:${PROXY_PASSWORD}`).toString('base64'),
  ];

  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, '--timeout-ms', '2500'],
    env: { PATH: process.env.PATH ?? '', ...env } as Record<string, string>,
    cwd: dir,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += String(d)));
  const client = new Client({ name: 'secrets', version: '1.0.0' });
  await client.connect(transport);

  const results: string[] = [];
  let stops = 0;
  let n = 0;
  const call = async (name: string, args: Record<string, unknown>) => {
    const res = await client.callTool({ name, arguments: args });
    results.push(JSON.stringify(res));
    if (name.includes('_stop_')) stops++;
    return res.structuredContent as Record<string, any>;
  };
  const unique = (args: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v === 'id-1' ? `id-${++n}` : v]));

  const shapes = await toolShapes(client);
  for (const shape of shapes) {
    expect((await call(shape.name, unique(minimalArgs(shape)))).ok).toBe(true);
    await call(shape.name, { ...minimalArgs(shape), extra: 'x\u0000y' }); // invalid input
  }
  // Failures of every kind on one stop tool per provider (each retried failure costs real backoff time here).
  for (const shape of [
    shapes.find((s) => s.name.startsWith('modelarts_stop_'))!,
    shapes.find((s) => s.name.startsWith('qianfan_stop_'))!,
  ]) {
    for (const fault of [
      {
        status: 401,
        body: {
          error_code: 'APIGW.0301',
          error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
        },
      },
      {
        status: 403,
        headers: {
          'X-Bce-Error-Code': 'SignatureDoesNotMatch',
          'X-Bce-Error-Message': 'SignatureDoesNotMatch, cause: Fail to authn user: Signature does not match',
        },
      },
      { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
      { fault: 'reset' as const },
    ]) {
      sim.intercept(() => fault);
      expect((await call(shape.name, unique(minimalArgs(shape)))).ok).toBe(false);
    }
  }
  let first = true;
  sim.intercept(() =>
    first ? ((first = false), { status: 503, body: { error_code: 'ModelArts.0001', error_msg: 'busy' } }) : undefined,
  );
  expect(await call('modelarts_stop_intelligent_task', { dataset_id: 'd1', task_id: 'retry-then-ok' })).toMatchObject({
    ok: true,
    attempts: 2,
  });
  sim.intercept(() => ({ fault: 'hang' }));
  expect(await call('qianfan_stop_fine_tuning_task', { task_id: 'task-hang' })).toMatchObject({
    ok: false,
    error: { category: 'timeout' },
  });
  sim.intercept(undefined);
  await client.close();

  const audit = readFileSync(auditFile, 'utf8');
  const everything = [...results, stderr, audit].join('\n');
  for (const secret of secrets)
    expect(everything.includes(secret), `a secret leaked (${secret.slice(0, 4)}…)`).toBe(false);
  // the token and the proxy credentials were really used
  expect(sim.requests.some((r) => r.headers['x-security-token'] === TOKEN)).toBe(true);
  expect(proxy.seen.length).toBeGreaterThan(20);
  expect(proxy.seen.every((r) => r.headers['proxy-authorization'] === `Basic ${secrets.at(-1)}`)).toBe(true);

  const lines = audit.trim().split('\n');
  expect(lines[0]).toBe('{"earlier":"line"}');
  const all = lines.slice(1).map((l) => JSON.parse(l) as Record<string, unknown>);
  // One line per stop call with its outcome, and one more for each stop request that was sent, written as it left.
  const entries = all.filter((e) => e.outcome !== 'sending');
  expect(entries).toHaveLength(stops);
  const sent = all.filter((e) => e.outcome === 'sending');
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.length).toBeLessThanOrEqual(stops);
  for (const e of entries)
    expect(Object.keys(e).sort()).toEqual(
      expect.arrayContaining([
        'attempts',
        'audit',
        'duration_ms',
        'http_status',
        'outcome',
        'provider',
        'request_id',
        'target',
        'time',
        'tool',
      ]),
    );
  expect(entries.map((e) => e.outcome)).toContain('stop_requested');
  for (const e of entries) expect(Math.abs(Date.parse(e.time as string) - Date.now())).toBeLessThan(120_000); // wall clock, not a monotonic offset
  expect(entries.find((e) => (e.target as Record<string, string>).task_id === 'retry-then-ok')).toMatchObject({
    outcome: 'stop_requested',
    attempts: 2,
  });
  expect(entries.find((e) => (e.target as Record<string, string>).task_id === 'task-hang')).toMatchObject({
    outcome: 'failed',
    attempts: 1,
    error_code: 'Timeout',
  });
  // the same lines went to stderr
  for (const line of lines.slice(1)) expect(stderr).toContain(line);
}, 60_000);
