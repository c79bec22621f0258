// Upstreams and proxies that echo request headers back (in error messages, request ids, list items): no configured
// secret (keys, session token, proxy user:password in any encoding the wire uses) reaches a result, a stderr line or
// the audit file. The built server over stdio, against the simulator and an echoing proxy on 127.0.0.1.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { HW, PROJECT, QF, envFor, startFake } from '../helpers/harness.js';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
const TOKEN = 'SessionToken0123456789abcdefXYZ';
const PROXY_USER = 'agent';
const PROXY_PASSWORD = 'pr0xy p@ss%word';
let sim: Simulator;
let echo: Server;
let echoUrl: string;

beforeAll(async () => {
  sim = await startFake({ autoCreate: true });
  // Every request and header the simulator gets comes back in the answer: error text, request id, list item names.
  sim.intercept((req): { status: number; headers: Record<string, string>; body: unknown } | undefined => {
    const all = JSON.stringify(req.headers);
    const auth = req.headers['authorization'] ?? '';
    if (req.handled?.kind === 'list') return undefined;
    return req.provider === 'huaweicloud'
      ? {
          status: 400,
          headers: { 'X-Request-Id': req.headers['x-security-token'] ?? 'none' },
          body: { error_code: 'ModelArts.0001', error_msg: `bad request: ${all} ${auth}` },
        }
      : {
          status: 400,
          headers: { 'X-Bce-Request-Id': auth.slice(0, 120) },
          body: { requestId: auth, code: 'InvalidParameter', message: `echo ${all}` },
        };
  });
  // An HTTP proxy that answers every request itself, echoing what it got (Proxy-Authorization included).
  echo = createServer((req, res) => {
    res.writeHead(502, {
      'content-type': 'application/json',
      'x-request-id': String(req.headers['proxy-authorization']),
    });
    res.end(JSON.stringify({ error_code: 'Proxy.Echo', error_msg: `proxy saw ${JSON.stringify(req.headers)}` }));
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as { port: number }).port}`;
});
afterAll(async () => {
  sim.intercept(undefined);
  await new Promise((resolve) => echo.close(resolve));
  await sim.close();
});

async function session(env: Record<string, string | undefined>, dir: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, '--timeout-ms', '3000'],
    env: { PATH: process.env.PATH ?? '', ...env } as Record<string, string>,
    cwd: dir,
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += String(d)));
  const client = new Client({ name: 'echo-secrets', version: '1.0.0' });
  await client.connect(transport);
  const results: string[] = [];
  const call = async (name: string, args: Record<string, unknown>) => {
    const res = await client.callTool({ name, arguments: args });
    results.push(JSON.stringify(res));
    return res.structuredContent as Record<string, any>;
  };
  return { call, results, stderr: () => stderr, close: () => client.close() };
}

function encodings(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
}

it('echoed headers never carry a secret into results, stderr or the audit file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ml-stop-echo-'));
  const auditFile = join(dir, 'audit.jsonl');
  const base = envFor(sim, {
    HUAWEICLOUD_SDK_SECURITY_TOKEN: TOKEN,
    HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
    ML_STOP_AUDIT_FILE: auditFile,
  });
  const proxied = `http://${PROXY_USER}:${encodeURIComponent(PROXY_PASSWORD)}@${echoUrl.slice('http://'.length)}`;

  const direct = await session(base, dir);
  const hw = await direct.call('modelarts_stop_training_job_version', { job_id: '11', version_id: '12' });
  const qf = await direct.call('qianfan_stop_fine_tuning_task', { task_id: 'task-echo' });
  expect(hw.error.message).toContain('bad request'); // the echo did come back, redacted
  expect(qf.error.message).toContain('echo');
  expect([null, '[redacted]']).toContain(hw.request_id); // the echoed token: redacted, or dropped as unsafe
  await direct.close();

  const viaProxy = await session({ ...base, HTTP_PROXY: proxied, ML_STOP_PROXY_LOOPBACK: '1' }, dir);
  const p = await viaProxy.call('qianfan_stop_batch_inference_task', { task_id: 'infer-echo' });
  expect(p.error.message).toContain('proxy saw');
  await viaProxy.close();

  const everything = [
    ...direct.results,
    direct.stderr(),
    ...viaProxy.results,
    viaProxy.stderr(),
    readFileSync(auditFile, 'utf8'),
  ].join('\n');
  expect(everything).toContain('[redacted]');
  const secrets = [HW.ak, HW.sk, QF.ak, QF.sk, TOKEN, PROXY_PASSWORD, `${PROXY_USER}:${PROXY_PASSWORD}`];
  for (const secret of secrets) for (const form of encodings(secret)) expect(everything).not.toContain(form);
}, 60_000);
