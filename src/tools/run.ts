// Runs one tool call: validate, resolve scope, send the built request, and turn every outcome into a result.
import { auditEntry, type AuditSink } from '../audit.js';
import { ToolError, cleanText } from '../errors.js';
import { log } from '../log.js';
import type { HuaweiClient } from '../providers/huaweicloud/client.js';
import type { QianfanClient } from '../providers/qianfan/client.js';
import type { ProviderRequest, ProviderResponse } from '../providers/request.js';
import type { Scope, ToolDefinition } from './define.js';
import type { ToolResult } from './schemas.js';
import { validateInput } from './validate.js';

export interface Clients {
  huaweicloud: HuaweiClient;
  qianfan: QianfanClient;
}

/** Everything a call needs beyond its arguments; built once per server, per-call parts by the server factory. */
export interface RunContext {
  clients: Clients;
  /** Receives one entry per stop attempt. */
  audit?: AuditSink;
  /** Aborted when the client cancels the call. */
  signal?: AbortSignal;
  /** --simulate: every result says `simulated: true`. */
  simulated?: boolean;
}

export async function runTool(def: ToolDefinition, args: unknown, ctx: RunContext): Promise<ToolResult> {
  const startedAt = performance.now();
  const result = await execute(def, args, ctx);
  if (ctx.simulated) result.simulated = true;
  if (def.kind === 'stop') ctx.audit?.(auditEntry(result, startedAt, performance.now()));
  return result;
}

async function execute(def: ToolDefinition, args: unknown, ctx: RunContext): Promise<ToolResult> {
  const { clients } = ctx;
  const base = { provider: def.provider, operation: def.name, target: {} as Record<string, string> };
  const input = validateInput(def, args);
  if (!input.ok) return failed(base, input.error);
  base.target = def.target(input.value);
  try {
    const { scope, send } = await prepare(def, input.value, clients);
    if (scope.region) base.target = { ...base.target, region: scope.region, project_id: scope.projectId! };
    const res = await send(def.request(input.value, scope));
    const common = { ok: true, ...base, http_status: res.status, request_id: res.requestId, attempts: res.attempts };
    return def.kind === 'stop' ? { ...common, outcome: 'stop_requested' } : { ...common, outcome: 'status', status: def.readStatus(res.body) };
  } catch (err) {
    return failed(base, asToolError(err, def.name));
  }
}

async function prepare(
  def: ToolDefinition,
  input: Record<string, unknown>,
  clients: Clients,
): Promise<{ scope: Scope; send: (req: ProviderRequest) => Promise<ProviderResponse> }> {
  if (def.provider === 'qianfan') return { scope: {}, send: (req) => clients.qianfan.call(req) };
  const scope = await clients.huaweicloud.scope(input.region as string | undefined, input.project_id as string | undefined);
  return { scope, send: (req) => clients.huaweicloud.call(scope, req) };
}

function failed(base: Pick<ToolResult, 'provider' | 'operation' | 'target'>, error: ToolError): ToolResult {
  return {
    ok: false,
    outcome: 'failed',
    ...base,
    http_status: error.httpStatus ?? null,
    request_id: error.requestId ?? null,
    attempts: error.attempts,
    error: error.toJSON(),
  };
}

function asToolError(err: unknown, tool: string): ToolError {
  if (err instanceof ToolError) return err;
  log('error', 'internal error', { tool, error: cleanText(String((err as Error)?.stack ?? err), 2000) });
  return new ToolError({ code: 'InternalError', category: 'upstream', retryable: false, message: `ml-stop-mcp failed internally while running ${tool}; see its stderr log.` });
}
