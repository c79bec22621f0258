// server.json (the MCP Registry entry) validated against the registry's published schema (a copy in test/fixtures),
// and kept in step with the code: the same tools, only variables the server reads, every secret marked, the same
// version and name as package.json and manifest.json.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { PROVIDER_IDS } from '../../src/core/ids.js';
import { PROVIDERS } from '../../src/providers/index.js';
import { allTools } from '../../src/tools/index.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const server = read('../../server.json');
const schema = read('../fixtures/mcp-registry-server.schema.2025-09-29.json');
const pkg = read('../../package.json');
const manifest = read('../../manifest.json');
const npm = server.packages.find((p: { registryType: string }) => p.registryType === 'npm');
type Variable = { name: string; isSecret?: boolean; description?: string };
const variables: Variable[] = npm?.environmentVariables ?? [];

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;
function validator() {
  // strict: false because the schema carries OpenAPI keywords (discriminator, example) that JSON Schema does not define.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Whether loadConfig reads a variable: some value of it changes the configuration (as in manifest.test.ts). */
function isRead(name: string): boolean {
  const base = { HUAWEICLOUD_SDK_AK: 'base-ak', HUAWEICLOUD_SDK_SK: 'base-sk' };
  const baseline = JSON.stringify(loadConfig(base, []));
  return ['value-1', 'cn-east-3', '1234', 'true', 'http://127.0.0.1:9', 'a.example'].some((value) => {
    try {
      return JSON.stringify(loadConfig({ ...base, [name]: value }, [])) !== baseline;
    } catch {
      return true; // refused as invalid: read
    }
  });
}

describe('server.json', () => {
  it('is valid against the MCP Registry schema it names', () => {
    expect(server.$schema).toBe(schema.$id);
    const validate = validator();
    expect(validate(server), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema copy rejects what the registry rejects (so the check above can fail)', () => {
    const validate = validator();
    expect(validate({ ...server, name: 'no-slash' })).toBe(false);
    expect(validate({ ...server, description: 'x'.repeat(101) })).toBe(false);
    expect(validate({ ...server, packages: [{ ...npm, version: 'latest' }] })).toBe(false);
  });

  it('has the name of package.json mcpName, with the owner left for the publisher to set', () => {
    expect(server.name).toBe(pkg.mcpName);
    expect(server.name).toMatch(/^io\.github\.[^/]+\/ml-stop-mcp$/);
  });

  it('has the version of package.json and manifest.json, and points at this npm package over stdio', () => {
    expect(server.version).toBe(pkg.version);
    expect(manifest.version).toBe(pkg.version);
    expect(npm).toMatchObject({ identifier: pkg.name, version: pkg.version, transport: { type: 'stdio' } });
  });

  it('lists the tools the server serves', () => {
    const tools = server._meta['io.modelcontextprotocol.registry/publisher-provided'].tools;
    expect(tools).toEqual(allTools.map((t) => t.name));
  });

  it('names only variables the server reads, each once', () => {
    const names = variables.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    const cliOnly = ['ML_STOP_DOTENV']; // read by src/cli.ts before the configuration is parsed
    for (const name of names.filter((n) => !cliOnly.includes(n))) expect(isRead(name), name).toBe(true);
    expect(readFileSync(new URL('../../src/dotenv-file.ts', import.meta.url), 'utf8')).toContain("'ML_STOP_DOTENV'");
  });

  it('offers every variable the MCPB manifest offers, and every secret is marked isSecret', () => {
    const names = variables.map((v) => v.name);
    for (const name of Object.keys(manifest.server.mcp_config.env)) expect(names, name).toContain(name);
    const secrets = PROVIDER_IDS.flatMap((p) => PROVIDERS[p].secretVars);
    for (const name of secrets) expect(variables.find((v) => v.name === name)?.isSecret, name).toBe(true);
    for (const v of variables.filter((x) => x.isSecret)) {
      expect(secrets.includes(v.name) || /PROXY$/.test(v.name), `${v.name} marked secret`).toBe(true);
    }
  });
});
