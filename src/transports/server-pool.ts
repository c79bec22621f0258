// Server instances reused across stateless HTTP requests. The SDK's HTTP handler asks its factory for an instance per
// request and accepts any instance not serving another request (it checks); building one (registering every tool,
// the SDK's own set-up) costs more than serving a stop, so an instance whose exchange has ended waits here for the
// next request instead of being thrown away. Only for instances that keep nothing of a request once it ends: the
// 2026-07-28 era, whose requests carry their client's capabilities (src/server.ts reads them from the request only).
import type { McpServer } from '@modelcontextprotocol/server';

export class ServerPool {
  private readonly idle: McpServer[] = [];
  /** Instances made so far (for tests and the bench: reuse shows as few instances for many requests). */
  created = 0;

  constructor(
    private readonly make: () => McpServer,
    /** Idle instances kept at most; more are dropped as their exchanges end. */
    private readonly maxIdle: number,
  ) {}

  /** An instance that serves no request: an idle one, else a new one. */
  take(): McpServer {
    for (let server = this.idle.pop(); server; server = this.idle.pop()) {
      if (server.server.transport === undefined) return server;
    }
    const server = this.make();
    this.created++;
    // The handler wraps onclose for the length of an exchange and calls this one when the exchange's transport
    // closes (answer sent, client gone, or handler closed): the instance is then free again.
    server.server.onclose = () => {
      if (this.idle.length < this.maxIdle && !this.idle.includes(server)) this.idle.push(server);
    };
    return server;
  }

  get idleCount(): number {
    return this.idle.length;
  }
}
