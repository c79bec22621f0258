// Proxy settings end to end: a local HTTP proxy on 127.0.0.1 sees exactly the requests that should go through it.
import { createServer, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../src/simulator/server.js';
import { PROJECT, connect, envFor, startFake } from '../helpers/harness.js';
import { startProxy } from '../helpers/proxy.js';

let sim: Simulator;
let proxy: Awaited<ReturnType<typeof startProxy>>;
const PROXY_SECRET = 'proxy-pass-5ecret';

beforeAll(async () => {
  sim = await startFake();
  proxy = await startProxy();
});
afterAll(async () => {
  await proxy.close();
  await sim.close();
});
afterEach(() => void (proxy.seen.length = 0));

const withCredentials = () => proxy.url.replace('http://', `http://agent:${PROXY_SECRET}@`);

describe('proxy', () => {
  it('a loopback endpoint never goes through the proxy by default', async () => {
    const m = await connect(envFor(sim, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }));
    const called = await m.call('qianfan_stop_fine_tuning_task', { task_id: 'task-direct' });
    expect(called.result).toMatchObject({ ok: true, outcome: 'stop_requested' });
    expect(proxy.seen).toEqual([]);
    await m.close();
  });

  it('with ML_STOP_PROXY_LOOPBACK=1 a plain http:// endpoint goes through HTTP_PROXY as an absolute-form request', async () => {
    const m = await connect(
      envFor(sim, { HTTP_PROXY: withCredentials(), ML_STOP_PROXY_LOOPBACK: '1', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT }),
    );
    const qf = await m.call('qianfan_stop_fine_tuning_task', { task_id: 'task-proxied' });
    const hw = await m.call('modelarts_stop_training_job_version', { job_id: '7', version_id: '8' });
    expect(qf.result).toMatchObject({ ok: true, outcome: 'stop_requested', attempts: 1 });
    expect(hw.result).toMatchObject({ ok: true, outcome: 'stop_requested', attempts: 1 });
    expect(proxy.seen.map((r) => `${r.method} ${r.target}`)).toEqual([
      `POST ${sim.url}/v2/finetuning?Action=StopFineTuningTask`,
      `POST ${sim.url}/v1/${PROJECT}/training-jobs/7/versions/8/stop`,
    ]);
    // the proxy's credentials go to the proxy, and the signatures still verify at the provider
    expect(proxy.seen[0]!.headers['proxy-authorization']).toBe(
      `Basic ${Buffer.from(`agent:${PROXY_SECRET}`).toString('base64')}`,
    );
    expect(sim.requests.slice(-2).map((r) => r.verdict.ok)).toEqual([true, true]);
    expect(qf.text + hw.text).not.toContain(PROXY_SECRET);
    await m.close();
  });

  it('NO_PROXY exempts a host even when loopback proxying is asked for', async () => {
    const m = await connect(envFor(sim, { HTTP_PROXY: proxy.url, ML_STOP_PROXY_LOOPBACK: '1', NO_PROXY: '127.0.0.1' }));
    const called = await m.call('qianfan_stop_fine_tuning_task', { task_id: 'task-noproxy' });
    expect(called.result).toMatchObject({ ok: true });
    expect(proxy.seen).toEqual([]);
    await m.close();
  });

  it('an https:// endpoint tunnels through HTTPS_PROXY (CONNECT); a refusing proxy is a network error naming the variable, not resent', async () => {
    // The default Qianfan endpoint: the only connection made is to the local proxy, which refuses the tunnel.
    const env = { ...envFor(sim), QIANFAN_CONSOLE_API_BASE_URL: undefined, HTTPS_PROXY: withCredentials() };
    const m = await connect(env);
    const called = await m.call('qianfan_stop_fine_tuning_task', { task_id: 'task-tunnel' });
    expect(proxy.seen.map((r) => `${r.method} ${r.target}`)).toEqual(['CONNECT qianfan.baidubce.com:443']);
    expect(proxy.seen[0]!.headers['proxy-authorization']).toBe(
      `Basic ${Buffer.from(`agent:${PROXY_SECRET}`).toString('base64')}`,
    );
    expect(called.result).toMatchObject({ ok: false, outcome: 'failed', http_status: null, attempts: 1 });
    expect(called.result.error).toMatchObject({ code: 'ProxyError', category: 'network', retryable: false });
    expect(called.result.error.message).toContain(
      'The proxy set by HTTPS_PROXY did not pass the request to https://qianfan.baidubce.com',
    );
    expect(called.result.error.message).toContain('403');
    expect(called.text).not.toContain(PROXY_SECRET);
    await m.close();
  });

  it('a proxy that accepts the connection and never answers CONNECT: each call ends by its time budget, and cancellation ends it at once', async () => {
    const sockets: Socket[] = [];
    const stalled = createServer((socket) => void sockets.push(socket)); // reads the CONNECT, never answers
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(stalled.address() as { port: number }).port}`;
    const env = {
      ...envFor(sim),
      QIANFAN_CONSOLE_API_BASE_URL: undefined,
      HTTPS_PROXY: url,
      ML_STOP_TIMEOUT_MS: '1500',
    };
    const m = await connect(env);
    try {
      for (const id of ['task-stalled-1', 'task-stalled-2']) {
        const started = Date.now();
        const called = await m.call('qianfan_stop_fine_tuning_task', { task_id: id });
        const took = Date.now() - started;
        expect(took).toBeGreaterThanOrEqual(1400);
        expect(took).toBeLessThan(4000); // undici's own default would be about 300 s
        expect(called.result).toMatchObject({ ok: false, outcome: 'failed', http_status: null });
        expect(called.result.error).toMatchObject({ code: 'Timeout', category: 'timeout' });
        expect(called.result.error.message).toContain('1500 ms');
      }
      const controller = new AbortController();
      const started = Date.now();
      const call = m.call(
        'qianfan_stop_fine_tuning_task',
        { task_id: 'task-stalled-3' },
        { signal: controller.signal },
      );
      setTimeout(() => controller.abort(), 200);
      await expect(call).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await m.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => stalled.close(resolve));
    }
  }, 20_000);
});
