// The bounded wait after an accepted stop: poll the status with back-off until the task settles, the deadline
// passes, or the client cancels. Never past the deadline: each read gets only what is left of the wait, and the
// last one starts early enough to finish by it. Reports progress after each read when the client asked for it.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ToolError } from '../core/errors.js';
import { log } from '../log.js';
import type { Status } from './schemas.js';

export interface PollSchedule {
  /** Delay before the first read. */
  firstMs: number;
  /** Longest delay between reads; each delay is 1.5 times the one before. */
  maxMs: number;
  /** The last read starts at least this long before the deadline (at most a quarter of the wait), to finish by it. */
  lastReadMs: number;
}

export const DEFAULT_POLL: PollSchedule = { firstMs: 1000, maxMs: 10_000, lastReadMs: 1000 };

export type StatusRead = { ok: true; status: Status } | { ok: false; error: ToolError };

export interface WaitOptions {
  seconds: number;
  poll: PollSchedule;
  /** Reads the status; `limitMs` is what is left of the wait, which the read must not outlast. */
  read: (limitMs: number) => Promise<StatusRead>;
  signal?: AbortSignal | undefined;
  progress?: ((p: { progress: number; total: number; message: string }) => Promise<void>) | undefined;
  now?: () => number;
}

export interface WaitEnd {
  /** settled: stopped, succeeded or failed; read_failed: a status read failed in a way waiting cannot fix. */
  reason: 'settled' | 'deadline' | 'cancelled' | 'read_failed';
  /** The last status read, if any. */
  status?: Status;
  error?: ToolError;
}

const SETTLED = new Set(['stopped', 'succeeded', 'failed']);

export function settled(status: Status): boolean {
  return SETTLED.has(status.state);
}

export async function waitUntilSettled(o: WaitOptions): Promise<WaitEnd> {
  const now = o.now ?? (() => performance.now());
  const start = now();
  const deadline = start + o.seconds * 1000;
  const lastRead = Math.min(o.poll.lastReadMs, (o.seconds * 1000) / 4);
  let delay = o.poll.firstMs;
  let last: Status | undefined;
  let lastMs = 0; // progress in whole milliseconds, so every notification is strictly greater than the one before
  const end = (reason: WaitEnd['reason'], error?: ToolError): WaitEnd => ({
    reason,
    ...(last ? { status: last } : {}),
    ...(error ? { error } : {}),
  });
  const notify = async (ms: number, message: string) => {
    await o
      .progress?.({ progress: ms / 1000, total: o.seconds, message })
      .catch((err: unknown) => log('debug', 'progress notification not sent', { error: String(err) }));
  };

  await notify(0, `stop accepted; waiting up to ${o.seconds} s for it to take effect`);
  for (;;) {
    const remaining = deadline - now();
    if (remaining <= 0) return end('deadline');
    try {
      await sleep(Math.max(0, Math.min(delay, remaining - lastRead)), undefined, { signal: o.signal });
    } catch {
      return end('cancelled');
    }
    const left = deadline - now();
    if (left <= 0) return end('deadline');
    const read = await o.read(left); // ends by the deadline at the latest
    if (o.signal?.aborted) return end('cancelled');
    if (read.ok) last = read.status;
    else if (!read.error.retryable) return end('read_failed', read.error);

    if (last && settled(last)) return end('settled');
    // Too little left for another read worth making: this one was the last.
    if (deadline - now() < lastRead) return end('deadline');

    // Only reads that the wait goes on after are reported: SDK clients handle a notification a tick after a
    // response that arrives with it, so one sent just before the result is dropped as an unknown token.
    const elapsedMs = Math.round(now() - start);
    lastMs = Math.max(elapsedMs, lastMs + 1);
    await notify(
      lastMs,
      `${read.ok ? `status ${read.status.state}` : `status read failed (${read.error.code})`} after ${(elapsedMs / 1000).toFixed(1)} s`,
    );
    delay = Math.min(delay * 1.5, o.poll.maxMs);
  }
}
