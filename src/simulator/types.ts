// Shapes shared by the simulator's HTTP layer and its route handlers.
export interface SimRequest {
  method: string;
  /** Raw path, still percent-encoded. */
  path: string;
  url: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  json: unknown;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as it is. */
  body?: unknown;
}

/**
 * Faults a test can inject instead of a reply: never answer, drop the connection, or send the status line and
 * headers (promising a body) and then nothing more.
 */
export type Fault = { fault: 'hang' } | { fault: 'reset' } | { fault: 'stall'; status?: number };
