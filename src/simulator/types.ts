// Shapes shared by the simulator's HTTP layer, its providers and its families.
import type { FamilyId } from '../core/ids.js';

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

/** What a family's route made of a request: the kind of call it was, and the answer. */
export interface Routed {
  kind: 'stop' | 'status' | 'list';
  reply: Reply;
}

/** Which family answered a request, and as what kind of call (tests count stops and status reads with it). */
export interface Handled {
  family: FamilyId;
  kind: Routed['kind'];
}

/**
 * Faults a test can inject instead of a reply: never answer, drop the connection, or send the status line and
 * headers (promising a body) and then nothing more.
 */
export type Fault = { fault: 'hang' } | { fault: 'reset' } | { fault: 'stall'; status?: number };

/** The states a simulated task goes through; each family says which provider value each one shows as. */
export type SimState = 'pending' | 'running' | 'stopping' | 'stopped' | 'succeeded' | 'failed';
