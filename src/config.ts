// Configuration, parsed once at start from flags, the environment and a .env file (flags win, then the
// environment, then .env). Pure: loadConfig(env, argv) reads nothing else, so tools never touch process.env.
import { parseArgs } from 'node:util';
import { loadTransport, type HttpConfig, type Transport } from './config-http.js';
import { isSafeId } from './providers/request.js';

export type ProviderId = 'huaweicloud' | 'qianfan';
export const PROVIDERS: readonly ProviderId[] = ['huaweicloud', 'qianfan'];

export interface Endpoint {
  url: string;
  /** Where the value came from (a variable or flag name, or "default"), for error hints. */
  source: string;
}

export interface HuaweiConfig {
  credentials: { ak: string; sk: string; securityToken?: string } | undefined;
  /** Variables to set before Huawei tools can work. */
  missing: string[];
  region: string;
  projectId: string | undefined;
  iamEndpoint: Endpoint | undefined;
  /** Per-region ModelArts endpoint overrides, keyed by region id. */
  endpoints: Record<string, Endpoint>;
  /** ModelArts endpoint for every region without its own override (set by --simulate, not by a variable). */
  endpointFallback?: Endpoint;
}

export interface QianfanConfig {
  credentials: { ak: string; sk: string } | undefined;
  missing: string[];
  baseUrl: Endpoint;
}

/** Names given to a filter, and where they came from (a flag or variable name), for start-up errors. */
export interface NameList {
  names: string[];
  source: string;
}

/** Which tools get registered; applied by src/tool-filter.ts. */
export interface ToolFilter {
  /** Only tools that change nothing (every kind but 'stop'). */
  readOnly: boolean;
  tools?: NameList;
  providers?: NameList;
}

/** Outbound proxy settings. A proxy URL may carry the proxy's own user:password: never print `url`. */
export interface ProxyConfig {
  /** Proxy for http:// endpoints (http_proxy / HTTP_PROXY). */
  http: Endpoint | undefined;
  /** Proxy for https:// endpoints (https_proxy / HTTPS_PROXY, else the HTTP proxy, as undici does). */
  https: Endpoint | undefined;
  /** no_proxy / NO_PROXY as given: comma-separated hosts, .domains, host:port, or "*". */
  noProxy: string;
  /** ML_STOP_PROXY_LOOPBACK: send loopback endpoints through the proxy too (by default they never are). */
  loopback: boolean;
}

export interface Config {
  command: 'serve' | 'help' | 'version' | 'doctor';
  /** --simulate / ML_STOP_SIMULATE: serve against the embedded simulator with demo keys (src/simulator/embedded.ts). */
  simulate: boolean;
  huaweicloud: HuaweiConfig;
  qianfan: QianfanConfig;
  timeoutMs: number;
  /** Ask the user (MCP elicitation) before every stop. */
  confirm: boolean;
  toolFilter: ToolFilter;
  transport: Transport;
  http: HttpConfig;
  proxy: ProxyConfig;
  /** ML_STOP_AUDIT_FILE: audit lines are also appended to this file. */
  auditFile: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_REGION = 'cn-north-4';
export const DEFAULT_QIANFAN_BASE_URL = 'https://qianfan.baidubce.com';
const REGION_RE = /^[a-z]{2,}(-[a-z0-9]+)*-\d{1,2}$/;
const MODELARTS_OVERRIDE = /^HUAWEICLOUD_SDK_REGION_MODELARTS_([A-Z0-9_]+)$/;

const FLAGS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'env-file': { type: 'string' },
  region: { type: 'string' },
  'project-id': { type: 'string' },
  'iam-endpoint': { type: 'string' },
  'qianfan-base-url': { type: 'string' },
  'timeout-ms': { type: 'string' },
  confirm: { type: 'boolean' },
  'read-only': { type: 'boolean' },
  tools: { type: 'string' },
  providers: { type: 'string' },
  transport: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'http-token-file': { type: 'string' },
  simulate: { type: 'boolean' },
} as const;

/** Positional commands; none means serve. */
const COMMANDS = ['doctor'] as const;

export interface ParsedArgs {
  values: { [K in keyof typeof FLAGS]?: (typeof FLAGS)[K]['type'] extends 'boolean' ? boolean : string };
  positionals: string[];
}

export function parseArgv(argv: readonly string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (err) {
    throw new ConfigError(`${(err as Error).message}. Run with --help for the list of flags.`);
  }
}

/** Builds the configuration. `env` is process.env merged over the .env file by the caller. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): Config {
  const { values: flags, positionals } = parseArgv(argv);
  const command = positionals[0];
  if (positionals.length > 1 || (command !== undefined && !COMMANDS.includes(command as (typeof COMMANDS)[number]))) {
    throw new ConfigError(`unknown command "${positionals.join(' ')}". Commands: ${COMMANDS.join(', ')} (none serves MCP on stdio); run with --help.`);
  }
  const get = (name: string): string | undefined => nonEmpty(env[name]);

  const region = flags.region ?? get('HUAWEICLOUD_SDK_REGION') ?? DEFAULT_REGION;
  if (!REGION_RE.test(region)) throw new ConfigError(`${flags.region ? '--region' : 'HUAWEICLOUD_SDK_REGION'} "${region}" is not a region id such as cn-north-4`);

  const endpoints: Record<string, Endpoint> = {};
  for (const [name, value] of Object.entries(env)) {
    const m = MODELARTS_OVERRIDE.exec(name);
    const first = nonEmpty(value?.split(',')[0]);
    if (m && first) endpoints[m[1]!.toLowerCase().replace(/_/g, '-')] = { url: checkUrl(first, name), source: name };
  }

  const iam = flags['iam-endpoint'] ? { url: flags['iam-endpoint'], source: '--iam-endpoint' } : get('HUAWEICLOUD_SDK_IAM_ENDPOINT') ? { url: get('HUAWEICLOUD_SDK_IAM_ENDPOINT')!, source: 'HUAWEICLOUD_SDK_IAM_ENDPOINT' } : undefined;
  const qianfanBase = flags['qianfan-base-url']
    ? { url: flags['qianfan-base-url'], source: '--qianfan-base-url' }
    : get('QIANFAN_CONSOLE_API_BASE_URL')
      ? { url: get('QIANFAN_CONSOLE_API_BASE_URL')!, source: 'QIANFAN_CONSOLE_API_BASE_URL' }
      : { url: DEFAULT_QIANFAN_BASE_URL, source: 'default' };

  const hwAk = get('HUAWEICLOUD_SDK_AK');
  const hwSk = get('HUAWEICLOUD_SDK_SK');
  const hwToken = get('HUAWEICLOUD_SDK_SECURITY_TOKEN');
  const qfAk = get('QIANFAN_ACCESS_KEY');
  const qfSk = get('QIANFAN_SECRET_KEY');

  return {
    command: flags.help ? 'help' : flags.version ? 'version' : command === 'doctor' ? 'doctor' : 'serve',
    simulate: flags.simulate ?? bool(get('ML_STOP_SIMULATE'), 'ML_STOP_SIMULATE'),
    huaweicloud: {
      credentials: hwAk && hwSk ? { ak: hwAk, sk: hwSk, ...(hwToken ? { securityToken: hwToken } : {}) } : undefined,
      missing: [hwAk ? '' : 'HUAWEICLOUD_SDK_AK', hwSk ? '' : 'HUAWEICLOUD_SDK_SK'].filter(Boolean),
      region,
      projectId: projectId(flags['project-id'], get('HUAWEICLOUD_SDK_PROJECT_ID')),
      iamEndpoint: iam && { url: checkUrl(iam.url, iam.source), source: iam.source },
      endpoints,
    },
    qianfan: {
      credentials: qfAk && qfSk ? { ak: qfAk, sk: qfSk } : undefined,
      missing: [qfAk ? '' : 'QIANFAN_ACCESS_KEY', qfSk ? '' : 'QIANFAN_SECRET_KEY'].filter(Boolean),
      baseUrl: { url: checkUrl(qianfanBase.url, qianfanBase.source), source: qianfanBase.source },
    },
    timeoutMs: timeoutMs(flags['timeout-ms'] ?? get('ML_STOP_TIMEOUT_MS'), flags['timeout-ms'] ? '--timeout-ms' : 'ML_STOP_TIMEOUT_MS'),
    confirm: flags.confirm === true || bool(get('ML_STOP_CONFIRM'), 'ML_STOP_CONFIRM'),
    toolFilter: {
      readOnly: flags['read-only'] === true || bool(get('ML_STOP_READ_ONLY'), 'ML_STOP_READ_ONLY'),
      ...nameList('tools', flags.tools, '--tools', get('ML_STOP_TOOLS'), 'ML_STOP_TOOLS'),
      ...nameList('providers', flags.providers, '--providers', get('ML_STOP_PROVIDERS'), 'ML_STOP_PROVIDERS'),
    },
    ...loadTransport(get, flags),
    proxy: proxyConfig(get),
    auditFile: get('ML_STOP_AUDIT_FILE'),
  };
}

/** Lower-case names first, as curl and undici read them. */
function proxyConfig(get: (name: string) => string | undefined): ProxyConfig {
  const setting = (...names: string[]): Endpoint | undefined => {
    const name = names.find((n) => get(n) !== undefined);
    return name ? { url: checkProxyUrl(get(name)!, name), source: name } : undefined;
  };
  const http = setting('http_proxy', 'HTTP_PROXY');
  return {
    http,
    https: setting('https_proxy', 'HTTPS_PROXY') ?? http,
    noProxy: get('no_proxy') ?? get('NO_PROXY') ?? '',
    loopback: bool(get('ML_STOP_PROXY_LOOPBACK'), 'ML_STOP_PROXY_LOOPBACK'),
  };
}

/** A proxy URL; "host:port" means http://host:port, as in curl. The value is never echoed: it may hold a password. */
function checkProxyUrl(value: string, source: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError(`${source} is not a proxy URL such as http://127.0.0.1:7890`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${source} must be an http:// or https:// proxy URL (SOCKS proxies are not supported)`);
  return withScheme;
}



/** ModelArts endpoint for a region: an override, else the public one (ap-southeast-1 lives under .cn). */
export function modelartsEndpoint(config: HuaweiConfig, region: string): Endpoint {
  const override = config.endpoints[region] ?? config.endpointFallback;
  if (override) return override;
  const domain = region === 'ap-southeast-1' ? 'myhuaweicloud.cn' : 'myhuaweicloud.com';
  return { url: `https://modelarts.${region}.${domain}`, source: 'default' };
}

export function iamEndpoint(config: HuaweiConfig, region: string): Endpoint {
  return config.iamEndpoint ?? { url: `https://iam.${region}.myhuaweicloud.com`, source: 'default' };
}

export function isRegion(value: string): boolean {
  return REGION_RE.test(value);
}

/** MCPB hosts pass an optional user_config left blank as the literal "${user_config.x}"; that is unset too. */
const UNSUBSTITUTED = /^\$\{[^}]+\}$/;

function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && !UNSUBSTITUTED.test(v) ? v : undefined;
}

function checkUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${source} is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${source} must be an http:// or https:// URL`);
  if (url.username || url.password) throw new ConfigError(`${source} must not carry credentials in the URL`);
  return value.replace(/\/+$/, '');
}

function positiveInt(value: string | undefined, fallback: number, source: string): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new ConfigError(`${source} must be a positive integer (milliseconds), got "${value}"`);
  return Number(value);
}

/** The longest ML_STOP_TIMEOUT_MS: 10 minutes. Node's timers (and so AbortSignal.timeout) fire at once from 2^31 ms on. */
export const MAX_TIMEOUT_MS = 600_000;

function timeoutMs(value: string | undefined, source: string): number {
  const ms = positiveInt(value, 15_000, source);
  if (ms > MAX_TIMEOUT_MS) throw new ConfigError(`${source} must be at most ${MAX_TIMEOUT_MS} (milliseconds, 10 minutes), got "${value}"`);
  return ms;
}

/** true/false (also 1/0, yes/no, on/off) from a variable; anything else is a start-up error. */
function bool(value: string | undefined, source: string): boolean {
  if (value === undefined) return false;
  if (/^(true|1|yes|on)$/i.test(value)) return true;
  if (/^(false|0|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${source} must be true or false, got "${value}"`);
}

/** The configured project id goes into every ModelArts path, so it follows the same rule as an id given to a tool. */
function projectId(flag: string | undefined, env: string | undefined): string | undefined {
  const [value, source] = flag !== undefined ? [flag, '--project-id'] : [env, 'HUAWEICLOUD_SDK_PROJECT_ID'];
  if (value === undefined) return undefined;
  if (!isSafeId(value)) {
    throw new ConfigError(`${source} is not a project id (1-128 characters of A-Z, a-z, 0-9, '.', '_' and '-'; 32 hex characters as IAM shows it)`);
  }
  return value;
}

/** A comma-separated list from a flag (wins) or a variable, as { key: { names, source } }, or nothing when neither is set. */
function nameList<K extends string>(key: K, flag: string | undefined, flagName: string, env: string | undefined, envName: string): { [P in K]?: NameList } {
  const [value, source] = flag !== undefined ? [flag, flagName] : [env, envName];
  if (value === undefined) return {};
  const names = value.split(',').map((n) => n.trim()).filter(Boolean);
  if (names.length === 0) throw new ConfigError(`${source} names nothing; give a comma-separated list or leave it unset`);
  return { [key]: { names, source } } as { [P in K]?: NameList };
}
