// Legacy HTTP+SSE (protocol 2024-11-05) for older clients: GET /sse holds one event stream per session and
// announces /messages?sessionId=...; each POST there is routed to its session. Sessions are bounded in number and
// closed when idle, because each one holds a connection and a server for as long as the client keeps it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JSONRPCMessage } from '@modelcontextprotocol/server';
import { SSEServerTransport } from '@modelcontextprotocol/server-legacy/sse';
import { log } from '../log.js';
import { createServer, type ServerDeps } from '../server.js';
import type { InFlight } from './in-flight.js';
import { refuse } from './http-io.js';

export interface SseLimits {
  maxSessions: number;
  idleMs: number;
}

type RequestId = string | number;

/** Notices when a call's answer goes out on the stream, which is when that call stops being in flight. */
class TrackedSseTransport extends SSEServerTransport {
  readonly pending = new Map<RequestId, () => void>();

  override async send(message: JSONRPCMessage): Promise<void> {
    if ('id' in message && message.id !== undefined && ('result' in message || 'error' in message))
      this.settle(message.id);
    return super.send(message);
  }

  settle(id: RequestId): void {
    this.pending.get(id)?.();
    this.pending.delete(id);
  }
}

interface Session {
  transport: TrackedSseTransport;
  timer?: NodeJS.Timeout;
}

export class SseSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly deps: ServerDeps,
    private readonly limits: SseLimits,
    private readonly inFlight: InFlight,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  async open(res: ServerResponse): Promise<void> {
    if (this.sessions.size >= this.limits.maxSessions) {
      return refuse(
        res,
        503,
        `Too many open SSE sessions (limit ${this.limits.maxSessions}); close one, or use Streamable HTTP at /mcp`,
        { 'Retry-After': '60' },
      );
    }
    const transport = new TrackedSseTransport('/messages', res);
    const session: Session = { transport };
    this.sessions.set(transport.sessionId, session);
    transport.onclose = () => this.forget(transport.sessionId);
    this.touch(session);
    await createServer(this.deps, { era: 'legacy' }).connect(transport as never);
  }

  async post(req: IncomingMessage, res: ServerResponse, sessionId: string | null, body: unknown): Promise<void> {
    const session = sessionId ? this.sessions.get(sessionId) : undefined;
    if (!session) return refuse(res, 404, 'Unknown or closed SSE session: open a new one with GET /sse');
    this.touch(session);
    const id = requestId(body);
    const { pending } = session.transport;
    if (id !== undefined && !pending.has(id)) pending.set(id, this.inFlight.begin());
    await session.transport.handlePostMessage(req, res, body);
    if (id !== undefined && res.statusCode !== 202) session.transport.settle(id); // refused: no answer will follow
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.transport.close()));
  }

  private touch(session: Session): void {
    clearTimeout(session.timer);
    session.timer = setTimeout(() => this.expire(session), this.limits.idleMs);
    session.timer.unref();
  }

  private expire(session: Session): void {
    if (session.transport.pending.size > 0) return this.touch(session);
    log('info', 'closing idle SSE session', { idle_ms: this.limits.idleMs });
    void session.transport.close();
  }

  private forget(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    clearTimeout(session.timer);
    for (const id of [...session.transport.pending.keys()]) session.transport.settle(id);
  }
}

/** The id of a JSON-RPC request (a message with a method and an id); notifications and answers have none. */
function requestId(body: unknown): RequestId | undefined {
  const m = body as { method?: unknown; id?: unknown } | null;
  if (!m || typeof m !== 'object' || typeof m.method !== 'string') return undefined;
  return typeof m.id === 'string' || typeof m.id === 'number' ? m.id : undefined;
}
