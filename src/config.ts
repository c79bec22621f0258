// Configuration, parsed once at start from flags, the environment and a .env file (flags win, then the
// environment, then .env). Pure: loadConfig(env, argv) reads nothing else, so tools never touch process.env.
// Each provider parses its own settings (src/providers/<id>/config.ts); this file holds what is common.
import { parseArgs } from 'node:util';
import { appEnabled } from './app/setting.js';
import { StartupError } from './core/errors.js';
import { PROVIDER_IDS } from './core/ids.js';
import { envValue, setting, type Env, type Sourced } from './core/settings.js';
import type { ProviderSettings } from './providers/client.js';
import type { ProxyConfig } from './providers/endpoint.js';
import { PROVIDERS, type ProviderConfigs } from './providers/index.js';
import {
  HTTP_FLAGS,
  loadTransport,
  type HttpConfig,
  type HttpFlags,
  type Transport,
} from './transports/http-config.js';

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

export interface Config {
  command: 'serve' | 'help' | 'version' | 'doctor';
  /** --simulate / ML_STOP_SIMULATE: serve against the embedded simulator with demo keys (src/simulator/embedded.ts). */
  simulate: boolean;
  /** Each provider's own settings, parsed by its module. */
  providers: ProviderConfigs;
  timeoutMs: number;
  /** Ask the user (MCP elicitation) before every stop. */
  confirm: boolean;
  toolFilter: ToolFilter;
  transport: Transport;
  http: HttpConfig;
  proxy: ProxyConfig;
  /** ML_STOP_AUDIT_FILE: audit lines are also appended to this file. */
  auditFile: string | undefined;
  /** The running-tasks page (MCP Apps); --no-app or ML_STOP_APP=false turn it off (src/app/setting.ts). */
  app: boolean;
}

/** Flags every server takes, whatever its providers. */
const COMMON_FLAGS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  dotenv: { type: 'string' },
  /** Node's own flag: accepted here only to be refused with a pointer to --dotenv (src/dotenv-file.ts). */
  'env-file': { type: 'string' },
  'timeout-ms': { type: 'string' },
  confirm: { type: 'boolean' },
  'read-only': { type: 'boolean' },
  tools: { type: 'string' },
  providers: { type: 'string' },
  simulate: { type: 'boolean' },
  'no-app': { type: 'boolean' },
  ...Object.fromEntries(HTTP_FLAGS.map((name) => [name, { type: 'string' }])),
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Every flag: the common ones and each provider's own (string) flags. */
const FLAGS: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
  ...COMMON_FLAGS,
  ...Object.fromEntries(
    PROVIDER_IDS.flatMap((p) => Object.keys(PROVIDERS[p].flags).map((name) => [name, { type: 'string' }])),
  ),
};

/** Positional commands; none means serve. */
const COMMANDS = ['doctor'] as const;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseArgv(argv: readonly string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: FLAGS,
      strict: true,
      allowPositionals: true,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (err) {
    throw new StartupError(`${(err as Error).message}. Run with --help for the list of flags.`);
  }
}

/** Builds the configuration. `env` is process.env merged over the .env file by the caller. */
export function loadConfig(env: Env, argv: readonly string[]): Config {
  const { values, positionals } = parseArgv(argv);
  const command = positionals[0];
  if (positionals.length > 1 || (command !== undefined && !COMMANDS.includes(command as (typeof COMMANDS)[number]))) {
    throw new StartupError(
      `unknown command "${positionals.join(' ')}". Commands: ${COMMANDS.join(', ')} (none serves MCP on stdio); run with --help.`,
    );
  }
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const on = (name: string) => values[name] === true;
  const flag = (name: string) => ({ name, value: text(name) });

  const providers = Object.fromEntries(
    PROVIDER_IDS.map((p) => {
      const settings: ProviderSettings = {
        env,
        flag: text,
        setting: (name, vars, fallback) => setting(env, name === undefined ? undefined : flag(name), vars, fallback),
      };
      return [p, PROVIDERS[p].loadConfig(settings)];
    }),
  ) as ProviderConfigs;

  const httpFlags: HttpFlags = Object.fromEntries(HTTP_FLAGS.map((name) => [name, text(name)]));
  return {
    command: on('help') ? 'help' : on('version') ? 'version' : command === 'doctor' ? 'doctor' : 'serve',
    simulate: on('simulate') || bool(setting(env, undefined, 'ML_STOP_SIMULATE')),
    providers,
    timeoutMs: timeoutMs(setting(env, flag('timeout-ms'), 'ML_STOP_TIMEOUT_MS')),
    confirm: on('confirm') || bool(setting(env, undefined, 'ML_STOP_CONFIRM')),
    toolFilter: {
      readOnly: on('read-only') || bool(setting(env, undefined, 'ML_STOP_READ_ONLY')),
      ...nameList('tools', setting(env, flag('tools'), 'ML_STOP_TOOLS')),
      ...nameList('providers', setting(env, flag('providers'), 'ML_STOP_PROVIDERS')),
    },
    ...loadTransport(env, httpFlags),
    proxy: proxyConfig(env),
    auditFile: envValue(env, 'ML_STOP_AUDIT_FILE'),
    app: appEnabled(on('no-app'), env),
  };
}

/** Lower-case names first, as curl and undici read them. */
function proxyConfig(env: Env): ProxyConfig {
  const proxy = (...names: string[]) => {
    const found = setting(env, undefined, names);
    return found && { url: checkProxyUrl(found.value, found.source), source: found.source };
  };
  const http = proxy('http_proxy', 'HTTP_PROXY');
  return {
    http,
    https: proxy('https_proxy', 'HTTPS_PROXY') ?? http,
    noProxy: setting(env, undefined, ['no_proxy', 'NO_PROXY'])?.value ?? '',
    loopback: bool(setting(env, undefined, 'ML_STOP_PROXY_LOOPBACK')),
  };
}

/** A proxy URL; "host:port" means http://host:port, as in curl. The value is never echoed: it may hold a password. */
function checkProxyUrl(value: string, source: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new StartupError(`${source} is not a proxy URL such as http://127.0.0.1:7890`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StartupError(`${source} must be an http:// or https:// proxy URL (SOCKS proxies are not supported)`);
  }
  return withScheme;
}

/** The longest ML_STOP_TIMEOUT_MS: 10 minutes. Node's timers (and so AbortSignal.timeout) fire at once from 2^31 ms on. */
export const MAX_TIMEOUT_MS = 600_000;
const DEFAULT_TIMEOUT_MS = 15_000;

function timeoutMs(value: Sourced | undefined): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const { value: v, source } = value;
  if (!/^\d+$/.test(v) || Number(v) < 1)
    throw new StartupError(`${source} must be a positive integer (milliseconds), got "${v}"`);
  const ms = Number(v);
  if (ms > MAX_TIMEOUT_MS) {
    throw new StartupError(`${source} must be at most ${MAX_TIMEOUT_MS} (milliseconds, 10 minutes), got "${v}"`);
  }
  return ms;
}

/** true/false (also 1/0, yes/no, on/off) from a variable; anything else is a start-up error. */
function bool(value: Sourced | undefined): boolean {
  if (value === undefined) return false;
  if (/^(true|1|yes|on)$/i.test(value.value)) return true;
  if (/^(false|0|no|off)$/i.test(value.value)) return false;
  throw new StartupError(`${value.source} must be true or false, got "${value.value}"`);
}

/** A comma-separated list from a flag (wins) or a variable, as { key: { names, source } }, or nothing when neither is set. */
function nameList<K extends string>(key: K, value: Sourced | undefined): { [P in K]?: NameList } {
  if (value === undefined) return {};
  const names = value.value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw new StartupError(`${value.source} names nothing; give a comma-separated list or leave it unset`);
  return { [key]: { names, source: value.source } } as { [P in K]?: NameList };
}
