// A tool call's budget for its provider requests: one deadline and the client's cancellation, and what a call that
// was cancelled ends with. Shared by the sender, the scope lookup and the engine.
import { ToolError } from '../core/errors.js';
import type { Endpoint } from './endpoint.js';
import { describeEndpoint, timeoutError } from './network-errors.js';

/** What bounds a request besides `timeoutMs`: the tool call it belongs to. */
export interface CallBudget {
  /** Aborted when the client cancels the call: the request in flight is abandoned, and nothing more is sent or waited for. */
  signal?: AbortSignal | undefined;
  /** performance.now() time by which the request must be done (a request never gets more than `timeoutMs` either). */
  deadline?: number | undefined;
}

/** One budget for a tool call's provider requests: `timeoutMs` from now, and the call's cancellation. */
export function callBudget(timeoutMs: number, signal?: AbortSignal): CallBudget {
  return { signal, deadline: performance.now() + timeoutMs };
}

/** Code of the error a cancelled call ends with (category timeout: the call was ended before it completed). */
export const CANCELLED = 'Cancelled';

export function cancelledError(message: string, attempts: number): ToolError {
  return new ToolError({
    code: CANCELLED,
    category: 'timeout',
    retryable: true,
    message,
    hint: 'The client cancelled the call (or gave up waiting for it). Calls are idempotent: read the task status, and call again if needed.',
    attempts,
  });
}

export function isCancelled(err: unknown): err is ToolError {
  return err instanceof ToolError && err.code === CANCELLED;
}

/**
 * Waits for work shared with other calls (it goes on for them) for as long as this call's budget allows: a
 * cancelled call stops waiting at once, and one past its deadline gets a Timeout naming `endpoint`.
 */
export function withinBudget<T>(
  work: Promise<T>,
  budget: CallBudget,
  endpoint: Endpoint,
  timeoutMs: number,
): Promise<T> {
  const { signal, deadline } = budget;
  if (!signal && deadline === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const settle = (fn: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () =>
      settle(() =>
        reject(cancelledError(`The client cancelled the call while it waited for ${describeEndpoint(endpoint)}.`, 0)),
      );
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (deadline !== undefined) {
      const leftMs = deadline - performance.now();
      timer = setTimeout(
        () => settle(() => reject(timeoutError(endpoint, { timeoutMs, leftMs: Math.max(0, leftMs) }))),
        Math.max(0, Math.ceil(leftMs)),
      );
    }
    work.then(
      (value) => settle(() => resolve(value)),
      (err: unknown) => settle(() => reject(err)),
    );
  });
}
