// Proxy and audit settings: read once from configuration, passed to undici explicitly, never echoed.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { StartupError } from '../../src/core/errors.js';
import { effectiveNoProxy } from '../../src/providers/dispatcher.js';

describe('proxy configuration', () => {
  it('no proxy variables: no proxy, loopback exempt', () => {
    const c = loadConfig({}, []);
    expect(c.proxy).toEqual({ http: undefined, https: undefined, noProxy: '', loopback: false });
    expect(effectiveNoProxy(c.proxy)).toBe('localhost,127.0.0.1,[::1]');
    expect(c.auditFile).toBeUndefined();
  });

  it('reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY and names the variable that set each', () => {
    const c = loadConfig(
      {
        HTTPS_PROXY: 'http://proxy.corp:3128',
        HTTP_PROXY: 'http://user:pa%40ss@proxy.corp:8080',
        NO_PROXY: '.internal,10.0.0.1:8443',
      },
      [],
    );
    expect(c.proxy).toEqual({
      http: { url: 'http://user:pa%40ss@proxy.corp:8080', source: 'HTTP_PROXY' },
      https: { url: 'http://proxy.corp:3128', source: 'HTTPS_PROXY' },
      noProxy: '.internal,10.0.0.1:8443',
      loopback: false,
    });
    expect(effectiveNoProxy(c.proxy)).toBe('.internal,10.0.0.1:8443,localhost,127.0.0.1,[::1]');
  });

  it('lower-case names win (as in curl and undici); host:port means http://; https falls back to the HTTP proxy', () => {
    const c = loadConfig(
      { http_proxy: '127.0.0.1:7890', HTTP_PROXY: 'http://ignored:1', no_proxy: 'a.example', NO_PROXY: 'b.example' },
      [],
    );
    expect(c.proxy.http).toEqual({ url: 'http://127.0.0.1:7890', source: 'http_proxy' });
    expect(c.proxy.https).toEqual({ url: 'http://127.0.0.1:7890', source: 'http_proxy' });
    expect(c.proxy.noProxy).toBe('a.example');
  });

  it('ML_STOP_PROXY_LOOPBACK=1 lets loopback endpoints use the proxy; NO_PROXY=* is kept as it is', () => {
    expect(effectiveNoProxy(loadConfig({ ML_STOP_PROXY_LOOPBACK: '1', NO_PROXY: 'x.example' }, []).proxy)).toBe(
      'x.example',
    );
    expect(effectiveNoProxy(loadConfig({ ML_STOP_PROXY_LOOPBACK: 'true' }, []).proxy)).toBe('');
    expect(effectiveNoProxy(loadConfig({ NO_PROXY: '*' }, []).proxy)).toBe('*');
    expect(loadConfig({ ML_STOP_PROXY_LOOPBACK: '0' }, []).proxy.loopback).toBe(false);
  });

  it.each([
    [{ HTTPS_PROXY: 'socks5://u:secret-pw@127.0.0.1:1080' }, 'HTTPS_PROXY must be an http:// or https:// proxy URL'],
    [{ HTTP_PROXY: 'http://u:secret-pw@[bad' }, 'HTTP_PROXY is not a proxy URL'],
    [{ ML_STOP_PROXY_LOOPBACK: 'maybe' }, 'ML_STOP_PROXY_LOOPBACK must be true or false'],
  ])('refuses %j without echoing the value', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env, []);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('secret-pw');
  });

  it('ML_STOP_AUDIT_FILE is read as a path', () => {
    expect(loadConfig({ ML_STOP_AUDIT_FILE: ' audit.log ' }, []).auditFile).toBe('audit.log');
  });
});
