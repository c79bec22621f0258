// The configuration parts of --simulate and doctor: the flag and variable, commands, and the pure rewrite that
// keeps every real credential, project and endpoint out of simulate mode.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { StartupError } from '../../src/core/errors.js';
import { iamEndpoint, modelartsEndpoint } from '../../src/providers/huaweicloud/config.js';
import { DEMO_KEYS, DEMO_TASKS, simulatedConfig } from '../../src/simulator/embedded.js';
import { SIM_PROJECT } from '../../src/simulator/server.js';

describe('--simulate and commands in loadConfig', () => {
  it.each([
    [{}, [], false],
    [{ ML_STOP_SIMULATE: 'true' }, [], true],
    [{ ML_STOP_SIMULATE: '1' }, [], true],
    [{ ML_STOP_SIMULATE: 'false' }, [], false],
    [{ ML_STOP_SIMULATE: '' }, [], false],
    [{ ML_STOP_SIMULATE: 'false' }, ['--simulate'], true],
  ])('%j %j → simulate %s', (env, argv, expected) => {
    expect(loadConfig(env, argv).simulate).toBe(expected);
  });

  it('refuses a value that is not a boolean, naming the variable', () => {
    expect(() => loadConfig({ ML_STOP_SIMULATE: 'maybe' }, [])).toThrow(
      new StartupError('ML_STOP_SIMULATE must be true or false, got "maybe"'),
    );
  });

  it('doctor is a command; anything else positional is refused', () => {
    expect(loadConfig({}, []).command).toBe('serve');
    expect(loadConfig({}, ['doctor', '--simulate'])).toMatchObject({ command: 'doctor', simulate: true });
    expect(() => loadConfig({}, ['docter'])).toThrow('unknown command "docter"');
    expect(() => loadConfig({}, ['doctor', 'now'])).toThrow('unknown command "doctor now"');
  });
});

describe('simulatedConfig', () => {
  const real = loadConfig(
    {
      HUAWEICLOUD_SDK_AK: 'REALAK',
      HUAWEICLOUD_SDK_SK: 'real-sk',
      HUAWEICLOUD_SDK_SECURITY_TOKEN: 'real-token',
      HUAWEICLOUD_SDK_PROJECT_ID: 'ffffffffffffffffffffffffffffffff',
      HUAWEICLOUD_SDK_REGION: 'cn-east-3',
      HUAWEICLOUD_SDK_REGION_MODELARTS_CN_EAST_3: 'https://modelarts.example.com',
      HUAWEICLOUD_SDK_IAM_ENDPOINT: 'https://iam.example.com',
      QIANFAN_CONSOLE_API_BASE_URL: 'https://qianfan.example.com',
      ML_STOP_TIMEOUT_MS: '5000',
    },
    ['--simulate'],
  );
  const sim = simulatedConfig(real, 'http://127.0.0.1:4567');

  it('replaces every credential, the project and every endpoint; keeps the region and time limit', () => {
    expect(sim.providers.huaweicloud.credentials).toEqual(DEMO_KEYS.huaweicloud);
    expect(sim.providers.qianfan.credentials).toEqual(DEMO_KEYS.qianfan);
    expect(sim.providers.huaweicloud.projectId).toBeUndefined();
    expect(sim.providers.huaweicloud.missing).toEqual([]);
    expect(sim.providers.qianfan.missing).toEqual([]);
    expect(sim.providers.qianfan.baseUrl).toEqual({ url: 'http://127.0.0.1:4567', source: '--simulate' });
    expect(iamEndpoint(sim.providers.huaweicloud, 'cn-east-3').url).toBe('http://127.0.0.1:4567');
    expect(sim.providers.huaweicloud.region).toBe('cn-east-3');
    expect(sim.timeoutMs).toBe(5000);
    expect(JSON.stringify(sim)).not.toMatch(/REALAK|real-sk|real-token|example\.com|ffffffff/);
  });

  it.each(['cn-east-3', 'cn-north-4', 'ap-southeast-1', 'la-south-2'])(
    'sends ModelArts in %s to the simulator',
    (region) => {
      expect(modelartsEndpoint(sim.providers.huaweicloud, region)).toEqual({
        url: 'http://127.0.0.1:4567',
        source: '--simulate',
      });
    },
  );

  it('the fallback endpoint is only used for regions without their own override', () => {
    const mixed = { ...real.providers.huaweicloud, endpointFallback: { url: 'http://127.0.0.1:1', source: 'test' } };
    expect(modelartsEndpoint(mixed, 'cn-east-3').url).toBe('https://modelarts.example.com');
    expect(modelartsEndpoint(mixed, 'cn-north-4').url).toBe('http://127.0.0.1:1');
    expect(modelartsEndpoint(real.providers.huaweicloud, 'cn-north-4').url).toBe(
      'https://modelarts.cn-north-4.myhuaweicloud.com',
    );
  });
});

it('the README lists every seeded task id and the simulated project', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it'), readme.indexOf('## Client setup'));
  expect(section).toContain(SIM_PROJECT);
  for (const { running, finished } of Object.values(DEMO_TASKS)) {
    for (const ids of [...running, finished])
      for (const id of Object.values(ids)) expect(section).toContain(`\`${id}\``);
  }
});
