// A stop call beyond the single request: confirmation, dry run, the status read that explains a refused stop,
// and the bounded wait for the stop to take effect. The project lookup, the stop and the status read after a
// refusal (or of a dry run) share one budget of ML_STOP_TIMEOUT_MS; the wait has its own deadline. A call the client
// cancels sends nothing more, and above all no stop that was not sent yet.
import { sendingEntry } from '../audit.js';
import { ToolError } from '../core/errors.js';
import { PROVIDER_NAMES } from '../core/ids.js';
import { cleanText } from '../core/text.js';
import { callBudget, cancelledError, isCancelled, type CallBudget } from '../providers/budget.js';
import type { ProviderResponse } from '../providers/request.js';
import { confirmStop } from './confirm.js';
import type { Question, RunContext } from './context.js';
import type { NoticeFacts, StopToolDefinition } from './define.js';
import { asToolError, errorText, failed, type ResultBase } from './results.js';
import type { Status, ToolResult } from './schemas.js';
import { resolveScope, type Scoped } from './scope.js';
import { DEFAULT_POLL, waitUntilSettled, type StatusRead, type WaitEnd } from './wait.js';

type Input = Record<string, unknown>;

export async function runStop(
  def: StopToolDefinition<any>,
  input: Input,
  base: ResultBase,
  ctx: RunContext,
): Promise<ToolResult | Question> {
  const dryRun = input.dry_run === true;
  let confirmed = false;
  if (ctx.confirm && !dryRun && !ctx.signal?.aborted) {
    const answer = await confirmStop(def, input, plannedTarget(def, input, base, ctx), ctx);
    if ('ask' in answer) return answer.ask;
    // A cancelled call is no answer from the user: it ends as cancelled below, not as declined.
    if (!answer.proceed && !ctx.signal?.aborted)
      return 'error' in answer ? failed(base, answer.error) : declined(base, answer.note);
    confirmed = answer.proceed;
  }
  if (ctx.signal?.aborted) return failed(base, notSent());

  // The budget starts after the confirmation: the user may take minutes to answer.
  const budget = callBudget(ctx.clients[def.provider].timeoutMs, ctx.signal);
  let scoped: Scoped;
  try {
    scoped = await resolveScope(def, input, ctx.clients, budget);
  } catch (err) {
    if (isCancelled(err) && !dryRun) return failed(base, notSent());
    throw err;
  }
  // Past this point every result names where the call went (for ModelArts, the region and project_id too).
  const inScope: ResultBase = { ...base, target: { ...base.target, ...scoped.target } };
  return stopInScope(def, input, inScope, scoped, ctx, confirmed).catch((err: unknown) =>
    failed(inScope, asToolError(err, def.name)),
  );
}

/** The stop within its scope, and what keeps costing money afterwards (the family's notice) on every answer but a refusal. */
async function stopInScope(
  def: StopToolDefinition<any>,
  input: Input,
  base: ResultBase,
  scoped: Scoped,
  ctx: RunContext,
  confirmed: boolean,
): Promise<ToolResult> {
  const facts: NoticeFacts = {};
  const result = await stopAndWait(def, input, base, scoped, ctx, facts, confirmed);
  if (!result.ok || result.outcome === 'declined' || !def.notice) return result;
  const notice = def.notice({ ...facts, ...(result.status ? { status: result.status } : {}) });
  return notice ? { ...result, notice: cleanText(notice, 500) } : result;
}

async function stopAndWait(
  def: StopToolDefinition<any>,
  input: Input,
  base: ResultBase,
  scoped: Scoped,
  ctx: RunContext,
  facts: NoticeFacts,
  confirmed: boolean,
): Promise<ToolResult> {
  const dryRun = input.dry_run === true;
  const seconds = typeof input.wait_seconds === 'number' ? input.wait_seconds : 0;
  const request = def.request(input, scoped.scope);
  const reader = new StatusReader(def, input, scoped);
  if (dryRun) {
    const description = scoped.describe(request);
    const read = await reader.read();
    return {
      ok: true,
      outcome: 'dry_run',
      ...base,
      http_status: reader.response?.status ?? null,
      request_id: reader.response?.requestId ?? null,
      attempts: reader.attempts,
      request: description,
      ...(read.ok ? { status: read.status } : {}),
      note: `Nothing was sent to stop the task. ${read.ok ? dryRunVerdict(read.status) : `Reading its status failed (${errorText(read.error)}).`}`,
    };
  }

  if (confirmed) {
    // The user may have taken minutes to answer: a task that stopped or finished meanwhile is not stopped again.
    const seen = await reader.read();
    if (
      seen.ok &&
      seen.status.state !== 'running' &&
      seen.status.state !== 'pending' &&
      seen.status.state !== 'unknown'
    ) {
      return noLongerRunning(base, seen.status, reader.attempts);
    }
  }
  // The project lookup may have taken a while: a call cancelled meanwhile must not stop anything, nor may a server
  // that has begun to shut down send a stop it has not sent yet. Checked again once the "sending" line is out
  // (that waits for the end of a turn of the event loop), so the stop leaves right after the last check.
  const held = unsendable(ctx);
  if (held) return failed(base, held);
  await ctx.audit?.(sendingEntry({ ...base, ...(ctx.simulated ? { simulated: true as const } : {}) }));
  const heldSince = unsendable(ctx);
  if (heldSince) return failed(base, heldSince);
  let res: ProviderResponse;
  try {
    res = await scoped.send(request);
  } catch (err) {
    if (isCancelled(err))
      return failed(base, err.attempts === 0 ? notSent() : cancelledAfterSending(def, err.attempts));
    if (!isRefusal(err)) throw err;
    return explainRefusal(def, err, base, reader, ctx, seconds);
  }
  facts.answer = res.body;
  const accepted = { ok: true, ...base, http_status: res.status, request_id: res.requestId } as const;
  if (seconds === 0) return { ...accepted, outcome: 'stop_requested', attempts: res.attempts + reader.attempts };

  const end = await wait(reader, ctx, seconds);
  const attempts = res.attempts + reader.attempts;
  if (end.reason === 'settled') {
    const state = end.status!.state;
    return {
      ...accepted,
      outcome: 'stopped',
      attempts,
      status: end.status!,
      ...(state !== 'stopped'
        ? { note: `The task ended as ${state} rather than stopped; either way it no longer runs.` }
        : {}),
    };
  }
  return {
    ...accepted,
    outcome: 'stop_requested',
    attempts,
    ...(end.status ? { status: end.status } : {}),
    note: `The stop was accepted. ${unsettledNote(def, end, seconds, ctx)}`,
  };
}

/** HTTP statuses with which a provider refuses a request on its merits (the task's state, the request's content). */
const REFUSAL_STATUSES = new Set([400, 409, 412, 422]);

/**
 * The provider answered and said no: a 400/409/412/422, or a 2xx whose body says the stop failed, read as a conflict
 * or bad input. Anything else (auth, not found, throttling, a redirect, an unexpected status, network, timeout,
 * configuration) is no refusal, and is never explained away by the task's status.
 */
function isRefusal(err: unknown): err is ToolError {
  if (!(err instanceof ToolError) || err.httpStatus === undefined) return false;
  const status = err.httpStatus;
  const answeredNo = REFUSAL_STATUSES.has(status) || (status >= 200 && status < 300);
  return answeredNo && (err.category === 'conflict' || err.category === 'invalid_input');
}

/** Why a stop not sent yet must not be sent now: the call was cancelled, or the server is shutting down. */
function unsendable(ctx: RunContext): ToolError | undefined {
  if (ctx.signal?.aborted) return notSent();
  if (ctx.shutdown?.aborted) return shuttingDown();
  return undefined;
}

function shuttingDown(): ToolError {
  return cancelledError('The server is shutting down; the stop was not sent and nothing was stopped. Call again.', 0);
}

function notSent(): ToolError {
  return cancelledError('The client cancelled the call before the stop was sent; nothing was stopped.', 0);
}

function cancelledAfterSending(def: StopToolDefinition<any>, attempts: number): ToolError {
  return cancelledError(
    `The client cancelled the call after the stop request was sent (${attempts} attempt${attempts === 1 ? '' : 's'}) and before it was answered; whether the provider received it is unknown. Read the status with ${def.status.name}.`,
    attempts,
  );
}

/** A refused stop is no failure when the task no longer runs: read its status and say which it is. */
async function explainRefusal(
  def: StopToolDefinition<any>,
  refusal: ToolError,
  base: ResultBase,
  reader: StatusReader,
  ctx: RunContext,
  seconds: number,
): Promise<ToolResult> {
  const stopAttempts = refusal.attempts;
  const read = await reader.read();
  refusal.attempts = stopAttempts + reader.attempts;
  const refused = `${PROVIDER_NAMES[def.provider]} refused the stop (${errorText(refusal)})`;
  if (!read.ok)
    return failed(base, refusal, { note: `${refused}; reading the status failed too (${errorText(read.error)}).` });

  const common = {
    ok: true,
    ...base,
    http_status: refusal.httpStatus ?? null,
    request_id: refusal.requestId ?? null,
  } as const;
  const { state } = read.status;
  if (state === 'stopping' || state === 'stopped') {
    const note = `${refused}: the task is already ${state} (${shown(read.status)}).`;
    if (state === 'stopped' || seconds === 0)
      return { ...common, outcome: 'already_stopped', attempts: refusal.attempts, status: read.status, note };
    const end = await wait(reader, ctx, seconds);
    const status = end.status ?? read.status;
    const after =
      end.reason === 'settled' ? ` Waited until it was ${status.state}.` : ` ${unsettledNote(def, end, seconds, ctx)}`;
    return {
      ...common,
      outcome: 'already_stopped',
      attempts: stopAttempts + reader.attempts,
      status,
      note: note + after,
    };
  }
  if (state === 'succeeded' || state === 'failed') {
    return {
      ...common,
      outcome: 'already_finished',
      attempts: refusal.attempts,
      status: read.status,
      note: `${refused}: the task already finished (${shown(read.status)}).`,
    };
  }
  return failed(base, refusal, {
    status: read.status,
    note: `${refused} while the task is ${state} (${shown(read.status)}).`,
  });
}

/** The wait has its own deadline: each read gets what is left of it (at most ML_STOP_TIMEOUT_MS), not the call's budget. */
function wait(reader: StatusReader, ctx: RunContext, seconds: number): Promise<WaitEnd> {
  // Shutting down ends a wait as a cancellation does: the stop stays accepted.
  const signal = ctx.shutdown ? (ctx.signal ? AbortSignal.any([ctx.signal, ctx.shutdown]) : ctx.shutdown) : ctx.signal;
  const read = (limitMs: number) => reader.read({ signal, deadline: performance.now() + limitMs });
  return waitUntilSettled({
    seconds,
    poll: ctx.poll ?? DEFAULT_POLL,
    read,
    signal,
    progress: ctx.progress,
  });
}

function unsettledNote(def: StopToolDefinition<any>, end: WaitEnd, seconds: number, ctx: RunContext): string {
  const seen = end.status ? `the task was last seen ${shown(end.status)}` : 'no status was read';
  if (end.reason === 'cancelled')
    return ctx.shutdown?.aborted
      ? `The server is shutting down, so the wait ended; ${seen}. The stop was accepted.`
      : `The client cancelled the wait; ${seen}.`;
  if (end.reason === 'read_failed')
    return `Reading the status failed (${errorText(end.error!)}); check it with ${def.status.name}.`;
  return `The wait of ${seconds} s ran out; ${seen}. Check again with ${def.status.name}.`;
}

function dryRunVerdict(status: Status): string {
  if (status.state === 'running' || status.state === 'pending')
    return `The task is ${shown(status)}; this request would stop it.`;
  if (status.state === 'stopping' || status.state === 'stopped')
    return `The task is already ${shown(status)}; there is nothing to stop.`;
  if (status.state === 'succeeded' || status.state === 'failed')
    return `The task already finished (${shown(status)}); there is nothing to stop.`;
  return `The task's status is ${shown(status)}.`;
}

function shown(status: Status): string {
  return `${status.state}, provider status ${JSON.stringify(status.raw)}`;
}

/** Confirmed, but the status read just before the stop shows the task no longer runs: nothing is sent. */
function noLongerRunning(base: ResultBase, status: Status, attempts: number): ToolResult {
  const stopping = status.state === 'stopping' || status.state === 'stopped';
  const said = stopping ? `already ${status.state}` : 'already finished';
  return {
    ok: true,
    ...base,
    outcome: stopping ? 'already_stopped' : 'already_finished',
    http_status: null,
    request_id: null,
    attempts,
    status,
    note: `The user confirmed, but the task is ${said} (${shown(status)}); no stop was sent.`,
  };
}

function declined(base: ResultBase, note: string): ToolResult {
  return { ok: true, outcome: 'declined', ...base, http_status: null, request_id: null, attempts: 0, note };
}

/** The ids the confirmation names, before anything is sent (so before any project lookup). */
function plannedTarget(
  def: StopToolDefinition<any>,
  input: Input,
  base: ResultBase,
  ctx: RunContext,
): Record<string, string> {
  return { ...base.target, ...ctx.clients[def.provider].plannedTarget(input) };
}

/** Reads the task's status with the matching status tool's request, counting the requests sent. */
class StatusReader {
  attempts = 0;
  response: ProviderResponse | undefined;

  constructor(
    private readonly def: StopToolDefinition<any>,
    private readonly input: Input,
    private readonly scoped: Scoped,
  ) {}

  /** Within the call's budget, or within `budget` when given. */
  async read(budget?: CallBudget): Promise<StatusRead> {
    try {
      const res = await this.scoped.send(this.def.status.request(this.input, this.scoped.scope), budget);
      this.attempts += res.attempts;
      this.response = res;
      return { ok: true, status: this.def.status.readStatus(res.body) };
    } catch (err) {
      const error = asToolError(err, this.def.status.name);
      this.attempts += error.attempts;
      return { ok: false, error };
    }
  }
}
