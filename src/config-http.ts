// The transport part of the configuration (--transport, --host, --port, the HTTP token and allow-lists).
// Pure like loadConfig: the token file is only named here and read when the HTTP server starts.
import { ConfigError } from './config.js';

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

interface HttpFlags {
  transport?: string;
  host?: string;
  port?: string;
  'http-token-file'?: string;
}

export function loadTransport(get: (name: string) => string | undefined, flags: HttpFlags): { transport: Transport; http: HttpConfig } {
  const transport = flags.transport ?? get('ML_STOP_TRANSPORT') ?? 'stdio';
  if (transport !== 'stdio' && transport !== 'http') {
    throw new ConfigError(`${flags.transport ? '--transport' : 'ML_STOP_TRANSPORT'} must be stdio or http, got "${transport}"`);
  }
  if (transport === 'stdio') {
    const httpOnly = (['host', 'port', 'http-token-file'] as const).filter((f) => flags[f] !== undefined);
    if (httpOnly.length) throw new ConfigError(`--${httpOnly[0]} only applies with --transport http`);
  }
  const host = (flags.host ?? get('ML_STOP_HOST') ?? DEFAULT_HOST).replace(/^\[(.*)\]$/, '$1');
  return {
    transport,
    http: {
      host,
      port: portNumber(flags.port ?? get('ML_STOP_PORT'), flags.port ? '--port' : 'ML_STOP_PORT'),
      token: get('ML_STOP_HTTP_TOKEN'),
      tokenFile: flags['http-token-file'],
      allowedOrigins: list(get('ML_STOP_ALLOWED_ORIGINS')).map(origin),
      allowedHosts: list(get('ML_STOP_ALLOWED_HOSTS')).map(hostname),
    },
  };
}

function portNumber(value: string | undefined, source: string): number {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new ConfigError(`${source} must be a port number from 0 to 65535, got "${value}"`);
  return Number(value);
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Origins are compared in their serialized form, so `HTTPS://Example.com:443/` matches `https://example.com`. */
function origin(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // fall through to the error below
  }
  throw new ConfigError(`ML_STOP_ALLOWED_ORIGINS: "${value}" is not an origin such as https://agents.example.com`);
}

function hostname(value: string): string {
  try {
    return new URL(`http://${value}`).hostname;
  } catch {
    throw new ConfigError(`ML_STOP_ALLOWED_HOSTS: "${value}" is not a host name such as mcp.example.com`);
  }
}
