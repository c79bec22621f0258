// manifest.json (the MCPB bundle) must stay in step with the server: the same tools, only variables the server
// reads, every secret masked, and blank optional fields treated as unset.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { allTools } from '../../src/tools/index.js';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const env: Record<string, string> = manifest.server.mcp_config.env;
const userConfig: Record<string, { type: string; sensitive?: boolean; required?: boolean }> = manifest.user_config;

/** Values to try for a variable (a setting on by default shows with false); one of them must change the configuration for the variable to count as read. */
const PROBES = ['value-1', 'cn-east-3', '1234', 'true', 'false', 'http://127.0.0.1:9'];

/** A key pair is set, so variables that only matter next to one (the security token) show their effect. */
const BASE = { HUAWEICLOUD_SDK_AK: 'base-ak', HUAWEICLOUD_SDK_SK: 'base-sk' };

function isRead(name: string): boolean {
  const baseline = JSON.stringify(loadConfig(BASE, []));
  return PROBES.some((value) => {
    try {
      return JSON.stringify(loadConfig({ ...BASE, [name]: value }, [])) !== baseline;
    } catch {
      return false; // refused as invalid: the variable is read, but this value proves nothing
    }
  });
}

describe('manifest.json', () => {
  it('lists exactly the registry tools, in order', () => {
    expect(manifest.tools.map((t: { name: string }) => t.name)).toEqual(allTools.map((t) => t.name));
    expect(manifest.tools_generated).toBe(false);
  });

  it('is a 0.3 node bundle of the single-file build, at the package version', () => {
    expect(manifest).toMatchObject({
      manifest_version: '0.3',
      name: pkg.name,
      version: pkg.version,
      license: pkg.license,
    });
    expect(manifest.server).toMatchObject({
      type: 'node',
      entry_point: 'dist/cli.js',
      mcp_config: { command: 'node', args: ['${__dirname}/dist/cli.js'] },
    });
    expect(manifest.compatibility.runtimes.node).toBe(`>=${pkg.engines.node.replace('>=', '')}.0`);
  });

  it.each(Object.keys(env))('sets %s, a variable the server reads', (name) => {
    expect(isRead(name)).toBe(true);
  });

  it('every env value is one user_config field, and every field is used', () => {
    const used = Object.values(env).map((v) => /^\$\{user_config\.([a-z0-9_]+)\}$/.exec(v)?.[1]);
    expect(used).not.toContain(undefined);
    expect(new Set(used)).toEqual(new Set(Object.keys(userConfig)));
    for (const field of Object.values(userConfig)) expect(field.required).toBe(false);
  });

  it('masks every secret key and token, and nothing else', () => {
    const fieldOf = (variable: string) => /\{user_config\.(\w+)\}/.exec(env[variable]!)![1]!;
    // a proxy URL may carry the proxy's own user:password, so it is masked too
    const secrets = Object.keys(env).filter((v) => /(_SK|SECRET_KEY|SECURITY_TOKEN|_AK|ACCESS_KEY|_PROXY)$/.test(v));
    expect(secrets.sort()).toEqual([
      'HTTPS_PROXY',
      'HUAWEICLOUD_SDK_AK',
      'HUAWEICLOUD_SDK_SECURITY_TOKEN',
      'HUAWEICLOUD_SDK_SK',
      'QIANFAN_ACCESS_KEY',
      'QIANFAN_SECRET_KEY',
    ]);
    const sensitive = Object.entries(userConfig)
      .filter(([, f]) => f.sensitive)
      .map(([k]) => k);
    expect(sensitive.sort()).toEqual(secrets.map(fieldOf).sort());
  });

  it('a blank optional field, passed by the host as the literal "${user_config.x}", counts as unset', () => {
    const literal = Object.fromEntries(Object.entries(env)); // what a host sends when the user filled in nothing
    expect(JSON.stringify(loadConfig(literal, []))).toBe(JSON.stringify(loadConfig({}, [])));
    const blank = Object.fromEntries(Object.keys(env).map((k) => [k, '']));
    expect(JSON.stringify(loadConfig(blank, []))).toBe(JSON.stringify(loadConfig({}, [])));
  });
});
