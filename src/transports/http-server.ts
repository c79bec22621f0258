// The HTTP server: Streamable HTTP at POST /mcp (stateless: no request depends on an earlier one, so replicas share
// nothing), legacy HTTP+SSE at /sse and /messages, and GET /healthz. Every request passes the Host, Origin and
// token checks first. node:http directly: the routes are few, and the SDK's express helpers check Host only.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler } from '@modelcontextprotocol/server';
import { StartupError } from '../core/errors.js';
import { log } from '../log.js';
import { mayHoldProtoKey, renameProtoKeys } from '../core/proto-keys.js';
import { createServer, type ServerDeps } from '../server.js';
import { allowedHostnames, bearerMatches, bindsWithoutToken, hostProblem, originProblem } from './http-guard.js';
import { readJsonBody, refuse, sendJson } from './http-io.js';
import { InFlight } from './in-flight.js';
import { ServerPool } from './server-pool.js';
import { SseSessions, type SseLimits } from './sse-sessions.js';

export interface HttpLimits extends SseLimits {
  maxBodyBytes: number;
  /** How long a shutdown waits for calls in flight. */
  shutdownGraceMs: number;
  /** Connections open at once; more are closed as they arrive. */
  maxConnections: number;
  /** With a token: connections that have not yet sent an authorised request; more are closed as they arrive. */
  maxUnauthenticated: number;
  /** A request's headers must arrive within this, and the whole request (body included) within requestMs. */
  headersMs: number;
  requestMs: number;
  /** 2026-07-28 server instances kept for reuse between requests. */
  maxIdleServers: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  maxSessions: 100,
  idleMs: 10 * 60_000,
  maxBodyBytes: 1024 * 1024,
  shutdownGraceMs: 10_000,
  maxConnections: 1024,
  maxUnauthenticated: 32,
  headersMs: 10_000,
  requestMs: 30_000,
  maxIdleServers: 64,
};

export interface HttpServerOptions {
  host: string;
  port: number;
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token: string | undefined;
  allowedOrigins: readonly string[];
  allowedHosts: readonly string[];
  /** What GET /healthz reports: no secrets, only facts such as which providers have credentials. */
  health: Record<string, unknown>;
  limits?: Partial<HttpLimits>;
}

export interface HttpHandle {
  /** `http://host:port` as bound (the real port when 0 was asked for). */
  url: string;
  port: number;
  /** Stops accepting, waits for calls in flight (up to the grace period), then closes every connection. */
  close(): Promise<{ drained: boolean }>;
  /** 2026-07-28 server instances made so far and idle now (reuse shows as few instances for many requests). */
  servers(): { created: number; idle: number };
}

export async function startHttpServer(deps: ServerDeps, options: HttpServerOptions): Promise<HttpHandle> {
  if (!bindsWithoutToken(options.host) && !options.token) {
    throw new StartupError(
      `refusing to listen on ${options.host} without a token: anyone who can reach that address could stop your jobs. ` +
        'Set ML_STOP_HTTP_TOKEN or --http-token-file, or bind to 127.0.0.1 (the default).',
    );
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const hosts = allowedHostnames(options.host, options.allowedHosts);
  const inFlight = new InFlight();
  const sessions = new SseSessions(deps, limits, inFlight);
  // Stateless Streamable HTTP for both eras. A 2026-07-28 request carries everything about its client, so it is
  // served by an instance reused from earlier requests (src/transports/server-pool.ts); a 2025-era request gets a
  // fresh instance, as an initialize seen by one instance must not speak for the client of the next request. A
  // 2025-era request has no session, so it cannot be asked a question (confirmation fails closed there); a 2026-07-28
  // one asks with input_required. Host, Origin, token and body size are checked above, before the handler.
  const modern = new ServerPool(() => createServer(deps, { era: 'modern' }), limits.maxIdleServers);
  const handler = createMcpHandler(
    ({ era }) => (era === 'modern' ? modern.take() : createServer(deps, { era, stateless: true })),
    { onerror: (error) => log('debug', 'MCP HTTP handler error', { error: String(error?.message ?? error) }) },
  );
  const mcp = toNodeHandler(handler);
  let closing = false;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (closing) return refuse(res, 503, 'Server is shutting down', { Connection: 'close' });
    const problem = hostProblem(req.headers.host, hosts) ?? originProblem(req.headers.origin, options.allowedOrigins);
    if (problem) return hangUp(req, res, 403, problem);
    if (options.token !== undefined && !bearerMatches(req.headers.authorization, options.token)) {
      return hangUp(req, res, 401, 'Unauthorized: send Authorization: Bearer <token>', {
        'WWW-Authenticate': 'Bearer realm="ml-stop-mcp"',
      });
    }
    unauthenticated.delete(req.socket);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const endpoint = ENDPOINTS[url.pathname];
    if (!endpoint)
      return refuse(res, 404, `Not found: MCP is served at POST /mcp (Streamable HTTP) and GET /sse (legacy SSE)`);
    if (req.method !== endpoint)
      return refuse(res, 405, `Method not allowed: ${url.pathname} takes ${endpoint}`, { Allow: endpoint });

    if (url.pathname === '/healthz') return sendJson(res, 200, options.health);
    if (url.pathname === '/sse') return sessions.open(res);
    const read = await readJsonBody(req, res, limits.maxBodyBytes);
    if (!read) return;
    // "__proto__" keys renamed, so input validation refuses them by name instead of the SDK dropping them (the walk
    // only when the text can hold one).
    const body = { value: mayHoldProtoKey(read.text) ? renameProtoKeys(read.value) : read.value };
    // A batch (2025-03-26) whose requests share an id would run each but get one answer back: refused whole.
    const duplicate = duplicateRequestId(body.value);
    if (duplicate !== undefined) {
      return refuse(
        res,
        400,
        `Invalid Request: the batch has two requests with id ${duplicate}; nothing was run`,
        {},
        -32600,
      );
    }
    if (url.pathname === '/messages') return sessions.post(req, res, url.searchParams.get('sessionId'), body.value);
    return streamable(req, res, body.value);
  };

  const streamable = async (req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> => {
    const done = inFlight.begin();
    res.on('close', done);
    await mcp(req, res, body);
  };

  const http = createHttpServer({ headersTimeout: limits.headersMs, requestTimeout: limits.requestMs }, (req, res) => {
    route(req, res).catch((err: unknown) => {
      log('error', 'HTTP request failed', {
        method: req.method,
        path: req.url?.split('?')[0],
        error: String((err as Error)?.message ?? err),
      });
      if (!res.headersSent) refuse(res, 500, 'Internal server error', {}, -32603);
    });
  });
  http.maxConnections = limits.maxConnections;
  // With a token, connections that have not sent an authorised request yet are capped, so slow unauthenticated
  // clients cannot take every descriptor: when the cap is reached the oldest of them is closed to admit the newcomer,
  // so an authorised client that sends its request promptly still gets through a flood.
  const unauthenticated = new Set<Socket>();
  if (options.token !== undefined) {
    http.on('connection', (socket: Socket) => {
      if (unauthenticated.size >= limits.maxUnauthenticated) {
        const oldest = unauthenticated.values().next().value!;
        unauthenticated.delete(oldest);
        oldest.destroy();
      }
      unauthenticated.add(socket);
      socket.once('close', () => unauthenticated.delete(socket));
    });
  }
  await listen(http, options.host, options.port);
  const { address, port } = http.address() as AddressInfo;
  const shown = address.includes(':') ? `[${address}]` : address;

  let closed: Promise<{ drained: boolean }> | undefined;
  return {
    url: `http://${shown}:${port}`,
    port,
    servers: () => ({ created: modern.created, idle: modern.idleCount }),
    close: () =>
      (closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeIdleConnections();
        const drained = await inFlight.drained(limits.shutdownGraceMs);
        await sessions.closeAll();
        await handler.close();
        http.closeAllConnections();
        await stopped;
        return { drained };
      })()),
  };
}

/** The first id that two requests of a JSON-RPC batch share (notifications, without an id, do not count). */
function duplicateRequestId(body: unknown): string | undefined {
  if (!Array.isArray(body)) return undefined;
  const seen = new Set<string>();
  for (const message of body) {
    const id =
      message && typeof message === 'object' && 'method' in message ? (message as { id?: unknown }).id : undefined;
    if (id === undefined || id === null) continue;
    const key = JSON.stringify(id);
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return undefined;
}

/**
 * Refuses and closes the connection once the answer is out: a client refused for its token, Host or Origin gets no
 * more of this server's time (and cannot keep the connection by trickling a body).
 */
function hangUp(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.once('finish', () => {
    req.socket.end();
    setTimeout(() => req.socket.destroy(), 1000).unref();
  });
  refuse(res, status, message, { ...headers, Connection: 'close' });
}

/** Each path and the one method it answers; anything else on a known path is 405 (GET and DELETE /mcp included). */
const ENDPOINTS: Record<string, string> = { '/mcp': 'POST', '/sse': 'GET', '/messages': 'POST', '/healthz': 'GET' };

function listen(http: ReturnType<typeof createHttpServer>, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    http.once('error', (err: NodeJS.ErrnoException) =>
      reject(new StartupError(`cannot listen on ${host}:${port}: ${err.code ?? err.message}`)),
    );
    http.listen(port, host, () => resolve());
  });
}
