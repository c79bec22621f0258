// Runs one tool call: validate, resolve scope, send the built request, and turn every outcome into a result.
// No MCP SDK here: the server factory passes the per-call parts (signal, progress, elicit) as plain callbacks.
import { auditEntry, type AuditSink } from '../audit.js';
import type { ProviderId } from '../config.js';
import { callBudget } from '../providers/http.js';
import type { HuaweiClient } from '../providers/huaweicloud/client.js';
import type { QianfanClient } from '../providers/qianfan/client.js';
import { bind } from './bind.js';
import type { ToolDefinition } from './define.js';
import { asToolError, failed, type ResultBase } from './results.js';
import type { ToolResult } from './schemas.js';
import { runStop } from './stop.js';
import { validateInput } from './validate.js';
import type { PollSchedule } from './wait.js';

export interface Clients {
  huaweicloud: HuaweiClient;
  qianfan: QianfanClient;
}

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

/** The tool filters' verdict as the list tool needs it: which clouds it lists, and which stop tools exist here. */
export interface Served {
  providers: readonly ProviderId[];
  /** The flag or variable that narrowed the providers (--providers or ML_STOP_PROVIDERS); absent when none did. */
  providersSource?: string;
  /** Names of every tool this server serves. */
  tools: ReadonlySet<string>;
}

export async function runTool(def: ToolDefinition, args: unknown, ctx: RunContext): Promise<ToolResult> {
  const startedAt = Date.now(); // wall clock: the audit line's time is built from it
  const result = await execute(def, args, ctx);
  if (ctx.simulated) result.simulated = true;
  if (def.kind === 'stop') ctx.audit?.(auditEntry(result, startedAt, Date.now()));
  return result;
}

async function execute(def: ToolDefinition, args: unknown, ctx: RunContext): Promise<ToolResult> {
  const base: ResultBase = { provider: def.provider, operation: def.name, target: {} };
  const input = validateInput(def, args);
  if (!input.ok) return failed(base, input.error);
  base.target = def.target(input.value);
  try {
    if (def.kind === 'stop') return await runStop(def, input.value, base, ctx);
    // One budget for the call's provider work: the project lookup (if any) and the read share ML_STOP_TIMEOUT_MS.
    const budget = callBudget(ctx.clients[def.provider].timeoutMs, ctx.signal);
    const bound = await bind(def, input.value, ctx.clients, base, budget);
    const res = await bound.send(def.request(input.value, bound.scope));
    return { ok: true, ...base, outcome: 'status', http_status: res.status, request_id: res.requestId, attempts: res.attempts, status: def.readStatus(res.body) };
  } catch (err) {
    return failed(base, asToolError(err, def.name));
  }
}
