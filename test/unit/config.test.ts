import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { StartupError } from '../../src/core/errors.js';
import { modelartsEndpoint } from '../../src/providers/huaweicloud/config.js';
import { VERSION } from '../../src/version.js';

describe('loadConfig', () => {
  it('reads the official SDK variable names and defaults', () => {
    const c = loadConfig({ HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk', QIANFAN_ACCESS_KEY: 'qa' }, []);
    expect(c.providers.huaweicloud.credentials).toEqual({ ak: 'ak', sk: 'sk' });
    expect(c.providers.huaweicloud.region).toBe('cn-north-4');
    expect(c.providers.qianfan.credentials).toBeUndefined();
    expect(c.providers.qianfan.missing).toEqual(['QIANFAN_SECRET_KEY']);
    expect(c.providers.qianfan.baseUrl).toEqual({ url: 'https://qianfan.baidubce.com', source: 'default' });
    expect(c.timeoutMs).toBe(15000);
  });

  it('flags win over the environment', () => {
    const c = loadConfig(
      {
        HUAWEICLOUD_SDK_REGION: 'cn-east-3',
        ML_STOP_TIMEOUT_MS: '2000',
        QIANFAN_CONSOLE_API_BASE_URL: 'http://127.0.0.1:1',
      },
      ['--region', 'cn-south-1', '--timeout-ms', '500', '--qianfan-base-url', 'http://127.0.0.1:2/'],
    );
    expect(c.providers.huaweicloud.region).toBe('cn-south-1');
    expect(c.timeoutMs).toBe(500);
    expect(c.providers.qianfan.baseUrl).toEqual({ url: 'http://127.0.0.1:2', source: '--qianfan-base-url' });
  });

  it('collects per-region ModelArts overrides (first of a comma list) and names their variable', () => {
    const c = loadConfig(
      { HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4: 'http://127.0.0.1:8080,http://127.0.0.1:8081' },
      [],
    );
    expect(modelartsEndpoint(c.providers.huaweicloud, 'cn-north-4')).toEqual({
      url: 'http://127.0.0.1:8080',
      source: 'HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4',
    });
    expect(modelartsEndpoint(c.providers.huaweicloud, 'cn-east-3').url).toBe(
      'https://modelarts.cn-east-3.myhuaweicloud.com',
    );
    expect(modelartsEndpoint(c.providers.huaweicloud, 'ap-southeast-1').url).toBe(
      'https://modelarts.ap-southeast-1.myhuaweicloud.cn',
    );
  });

  it.each([
    [{ HUAWEICLOUD_SDK_REGION: 'Mars' }, [], 'HUAWEICLOUD_SDK_REGION'],
    [{ QIANFAN_CONSOLE_API_BASE_URL: 'ftp://x' }, [], 'QIANFAN_CONSOLE_API_BASE_URL'],
    [{ HUAWEICLOUD_SDK_IAM_ENDPOINT: 'not a url' }, [], 'HUAWEICLOUD_SDK_IAM_ENDPOINT'],
    [{}, ['--timeout-ms', '0'], '--timeout-ms'],
    [{ HUAWEICLOUD_SDK_PROJECT_ID: '..' }, [], 'HUAWEICLOUD_SDK_PROJECT_ID'],
    [{}, ['--project-id', 'a/b'], '--project-id'],
    [{}, ['--no-such-flag'], '--help'],
  ])('refuses bad configuration %j %j naming %s', (env, argv, name) => {
    expect(() => loadConfig(env, argv)).toThrow(StartupError);
    expect(() => loadConfig(env, argv)).toThrow(name);
  });

  it('caps the timeout at 600000 ms: beyond it Node timers would fire at once', () => {
    expect(loadConfig({ ML_STOP_TIMEOUT_MS: '600000' }, []).timeoutMs).toBe(600_000);
    expect(() => loadConfig({ ML_STOP_TIMEOUT_MS: '600001' }, [])).toThrow(
      new StartupError('ML_STOP_TIMEOUT_MS must be at most 600000 (milliseconds, 10 minutes), got "600001"'),
    );
    expect(() => loadConfig({}, ['--timeout-ms', '2147483648'])).toThrow(
      new StartupError('--timeout-ms must be at most 600000 (milliseconds, 10 minutes), got "2147483648"'),
    );
    expect(() => loadConfig({ ML_STOP_TIMEOUT_MS: '99999999999999999999999' }, [])).toThrow(
      'ML_STOP_TIMEOUT_MS must be at most 600000',
    );
  });

  it('confirmation and tool filters: off by default, flags or ML_STOP_* variables turn them on', () => {
    expect(loadConfig({}, [])).toMatchObject({ confirm: false, toolFilter: { readOnly: false } });
    expect(loadConfig({}, []).toolFilter.tools).toBeUndefined();
    expect(loadConfig({ ML_STOP_CONFIRM: 'TRUE', ML_STOP_READ_ONLY: 'yes' }, [])).toMatchObject({
      confirm: true,
      toolFilter: { readOnly: true },
    });
    expect(loadConfig({ ML_STOP_CONFIRM: 'false' }, ['--confirm']).confirm).toBe(true);
    expect(loadConfig({ ML_STOP_TOOLS: 'a, b,' }, []).toolFilter.tools).toEqual({
      names: ['a', 'b'],
      source: 'ML_STOP_TOOLS',
    });
    expect(loadConfig({ ML_STOP_PROVIDERS: 'qianfan' }, ['--providers', 'huaweicloud']).toolFilter.providers).toEqual({
      names: ['huaweicloud'],
      source: '--providers',
    });
  });

  it.each([
    [{ ML_STOP_CONFIRM: 'maybe' }, [], 'ML_STOP_CONFIRM must be true or false, got "maybe"'],
    [{ ML_STOP_READ_ONLY: 'ro' }, [], 'ML_STOP_READ_ONLY must be true or false'],
    [{}, ['--tools', ' , '], '--tools names nothing'],
  ])('refuses %j %j', (env, argv, message) => {
    expect(() => loadConfig(env, argv)).toThrow(message);
  });

  it('the version constant matches package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});

describe('start-up errors never echo what may be a secret', () => {
  it('a URL variable that does not parse is named, its value not shown', () => {
    const value = 'sk-looks-like-a-secret not a url';
    expect(() => loadConfig({ QIANFAN_CONSOLE_API_BASE_URL: value }, [])).toThrow(
      /^QIANFAN_CONSOLE_API_BASE_URL is not a URL/,
    );
    try {
      loadConfig({ QIANFAN_CONSOLE_API_BASE_URL: value }, []);
    } catch (err) {
      expect((err as Error).message).not.toContain('sk-looks-like-a-secret');
    }
  });
});
