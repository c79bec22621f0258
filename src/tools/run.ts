// Runs one tool call: validate, resolve scope, send the built request, and turn every outcome into a result.
// No MCP SDK here: the server factory passes the per-call parts (signal, progress, asking, the answer round) as
// plain data and callbacks. A stop under --confirm may return a question instead of a result (the first round).
import { auditEntry } from '../audit.js';
import { callBudget } from '../providers/budget.js';
import type { Question, RunContext } from './context.js';
import type { ToolDefinition } from './define.js';
import { asToolError, failed, type ResultBase } from './results.js';
import type { ToolResult } from './schemas.js';
import { resolveScope } from './scope.js';
import { runStop } from './stop.js';
import { validateInput } from './validate.js';

export async function runTool(def: ToolDefinition, args: unknown, ctx: RunContext): Promise<ToolResult | Question> {
  const startedAt = Date.now(); // wall clock: the audit line's time is built from it
  const result = await execute(def, args, ctx);
  if (isQuestion(result)) return result;
  if (ctx.simulated) result.simulated = true;
  if (def.kind === 'stop') await ctx.audit?.(auditEntry(result, startedAt, Date.now()));
  return result;
}

export function isQuestion(outcome: ToolResult | Question): outcome is Question {
  return 'question' in outcome;
}

async function execute(def: ToolDefinition, args: unknown, ctx: RunContext): Promise<ToolResult | Question> {
  const input = validateInput(def, args);
  const unscoped: ResultBase = { provider: def.provider, operation: def.name, target: {} };
  if (!input.ok) return failed(unscoped, input.error);
  let base: ResultBase = { ...unscoped, target: def.target(input.value) };
  try {
    if (def.kind === 'stop') return await runStop(def, input.value, base, ctx);
    // One budget for the call's provider work: the project lookup (if any) and the read share ML_STOP_TIMEOUT_MS.
    const budget = callBudget(ctx.clients[def.provider].timeoutMs, ctx.signal);
    const scoped = await resolveScope(def, input.value, ctx.clients, budget);
    base = { ...base, target: { ...base.target, ...scoped.target } };
    const res = await scoped.send(def.request(input.value, scoped.scope));
    return {
      ok: true,
      ...base,
      outcome: 'status',
      http_status: res.status,
      request_id: res.requestId,
      attempts: res.attempts,
      status: def.readStatus(res.body),
    };
  } catch (err) {
    return failed(base, asToolError(err, def.name));
  }
}
