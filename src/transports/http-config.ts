// The transport part of the configuration (--transport, --host, --port, the HTTP token and allow-lists).
// Pure like loadConfig: the token file is only named here and read when the HTTP server starts.
import { StartupError } from '../core/errors.js';
import { envValue, setting, type Env } from '../core/settings.js';

export type Transport = 'stdio' | 'http';

export interface HttpConfig {
  host: string;
  /** 0 picks a free port (tests); the bound address is logged. */
  port: number;
  /** ML_STOP_HTTP_TOKEN; --http-token-file wins over it. */
  token: string | undefined;
  tokenFile: string | undefined;
  /** Browser origins accepted besides loopback ones (ML_STOP_ALLOWED_ORIGINS), as `scheme://host[:port]`. */
  allowedOrigins: string[];
  /** Host header names accepted besides loopback names and the bound address (ML_STOP_ALLOWED_HOSTS). */
  allowedHosts: string[];
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 3000;

/** The flags this part reads (all strings). */
export const HTTP_FLAGS = ['transport', 'host', 'port', 'http-token-file'] as const;
export type HttpFlags = Partial<Record<(typeof HTTP_FLAGS)[number], string>>;

export function loadTransport(env: Env, flags: HttpFlags): { transport: Transport; http: HttpConfig } {
  const flag = (name: keyof HttpFlags) => ({ name, value: flags[name] });
  const transport = setting(env, flag('transport'), 'ML_STOP_TRANSPORT', 'stdio')!;
  if (transport.value !== 'stdio' && transport.value !== 'http') {
    throw new StartupError(`${transport.source} must be stdio or http, got "${transport.value}"`);
  }
  if (transport.value === 'stdio') {
    const httpOnly = (['host', 'port', 'http-token-file'] as const).filter((f) => flags[f] !== undefined);
    if (httpOnly.length) throw new StartupError(`--${httpOnly[0]} only applies with --transport http`);
  }
  const port = setting(env, flag('port'), 'ML_STOP_PORT');
  return {
    transport: transport.value,
    http: {
      host: setting(env, flag('host'), 'ML_STOP_HOST', DEFAULT_HOST)!.value.replace(/^\[(.*)\]$/, '$1'),
      port: port === undefined ? DEFAULT_PORT : portNumber(port.value, port.source),
      token: envValue(env, 'ML_STOP_HTTP_TOKEN'),
      tokenFile: flags['http-token-file'],
      allowedOrigins: list(envValue(env, 'ML_STOP_ALLOWED_ORIGINS')).map(origin),
      allowedHosts: list(envValue(env, 'ML_STOP_ALLOWED_HOSTS')).map(hostname),
    },
  };
}

function portNumber(value: string, source: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new StartupError(`${source} must be a port number from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Origins are compared in their serialized form, so `HTTPS://Example.com:443/` matches `https://example.com`. */
function origin(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // fall through to the error below
  }
  throw new StartupError(`ML_STOP_ALLOWED_ORIGINS: "${value}" is not an origin such as https://agents.example.com`);
}

function hostname(value: string): string {
  try {
    return new URL(`http://${value}`).hostname;
  } catch {
    throw new StartupError(`ML_STOP_ALLOWED_HOSTS: "${value}" is not a host name such as mcp.example.com`);
  }
}
