// The run contract: everything a tool call gets besides its arguments. Types only, so the engine's modules and the
// server factory share them without importing each other.
import type { AuditSink } from '../audit.js';
import type { ProviderId } from '../core/ids.js';
import type { ProviderClient } from '../providers/client.js';
import type { PollSchedule } from './wait.js';

/** One client per provider, built once per process (src/clients.ts). */
export type Clients = Record<ProviderId, ProviderClient>;

export interface Progress {
  progress: number;
  total?: number;
  message?: string;
}

/** A form with string fields, as MCP elicitation (form mode) takes it. */
export interface ElicitRequest {
  message: string;
  requestedSchema: {
    type: 'object';
    properties: Record<string, { type: 'string'; title?: string; description?: string }>;
    required?: string[];
  };
}

/** The user's answer; 'timeout' when none came in time. */
export interface ElicitAnswer {
  action: 'accept' | 'decline' | 'cancel' | 'timeout';
  content?: Record<string, unknown>;
}

/** The tool filters' verdict as the list tool needs it: which clouds it lists, and which stop tools exist here. */
export interface Served {
  providers: readonly ProviderId[];
  /** The flag or variable that narrowed the providers (--providers or ML_STOP_PROVIDERS); absent when none did. */
  providersSource?: string;
  /** Names of every tool this server serves. */
  tools: ReadonlySet<string>;
}

/** Everything a call needs beyond its arguments; built once per server, per-call parts by the server factory. */
export interface RunContext {
  clients: Clients;
  /** Receives one entry per stop call. */
  audit?: AuditSink;
  /** Ask the user (elicitation) before every stop that is not a dry run (--confirm). */
  confirm?: boolean;
  /** How wait_seconds polls the status; default 1 s first, growing to 10 s. */
  poll?: PollSchedule;
  /** Aborted when the client cancels the call. */
  signal?: AbortSignal;
  /** Sends notifications/progress; present only when the request carried a progressToken. */
  progress?: (p: Progress) => Promise<void>;
  /** Asks the user through a form; absent when the client did not declare form elicitation. */
  elicit?: (request: ElicitRequest) => Promise<ElicitAnswer>;
  /** --simulate: every result says `simulated: true`. */
  simulated?: boolean;
  /** What this server serves after the tool filters (src/tool-filter.ts servedBy); absent: everything. */
  served?: Served;
}
