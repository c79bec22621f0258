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

/** The user's answer to a question, as the client returned it. */
export interface ElicitAnswer {
  action: 'accept' | 'decline' | 'cancel';
  content?: Record<string, unknown>;
}

/**
 * What a confirmation question carries to the next round of the same call (sealed, so the client cannot change it,
 * and expiring): the operation and target it is about, and the id the user must type.
 */
export interface ConfirmState {
  tool: string;
  target: Record<string, string>;
  expected: string;
}

/** The question a call returns instead of a result, to be asked and the call made again with the answer. */
export interface Question {
  question: ElicitRequest;
  /** The sealed ConfirmState, echoed back by the client with the answer. */
  state: string;
}

/** A call made again with the user's answer to the question an earlier round of it asked. */
export interface AnswerRound {
  answer: ElicitAnswer;
  /**
   * The state echoed with the answer, already verified (sealed by this process, unaltered, unexpired: the server
   * refuses any other with a protocol error before the tool runs), or missing.
   */
  state: { ok: true; value: unknown } | { ok: false; reason: 'missing' };
}

/** How a call can ask the user a question, or why it cannot. */
export type Asking = { can: true; seal(state: ConfirmState): Promise<string> } | { can: false; why: string };

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
  /**
   * Aborted when the server begins to shut down: waits end as a cancellation ends them, and a stop not yet sent is
   * not sent; a stop already sent still gets its answer (or its deadline) and its audit line.
   */
  shutdown?: AbortSignal;
  /** Sends notifications/progress; present only when the request carried a progressToken. */
  progress?: (p: Progress) => Promise<void>;
  /** Whether this call can ask the user (the client declared form elicitation, over a connection that can carry it). */
  asking?: Asking;
  /** The answer to the question an earlier round of this call asked (the call made again, 2026-07-28 input_required). */
  round?: AnswerRound;
  /** --simulate: every result says `simulated: true`. */
  simulated?: boolean;
  /** What this server serves after the tool filters (src/tool-filter.ts servedBy); absent: everything. */
  served?: Served;
}
