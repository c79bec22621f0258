// One list_running_tasks call's shared limits: at most MAX_IN_FLIGHT requests per provider, and one deadline.
// When the call ends early (time budget, cancellation, enough items), no further request is sent.
import { PROVIDER_IDS, type ProviderId } from '../../core/ids.js';
import type { CallBudget } from '../../providers/budget.js';

export const MAX_IN_FLIGHT = 4;

/**
 * List answers read at most per listing, all families together (each answer is also capped at 1 MiB): a hostile or
 * runaway list cannot grow the process without bound. The listing ends there, truncated, with what it has.
 */
export const MAX_LISTING_BYTES = 32 * 1024 * 1024;

export type EndReason = 'finished' | 'deadline' | 'cancelled' | 'enough' | 'limit';

/** Thrown into a discovery that tries to send after the call ended; never reported as a failure. */
export class Ended extends Error {
  constructor() {
    super('the listing ended');
    this.name = 'Ended';
  }
}

/** Runs at most `max` functions at a time; a finishing one hands its slot straight to the next waiter. */
export function limiter(max: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    if (active < max) active += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

/** The budget of one listing: its deadline, its cancellation, and the per-provider bound on requests in flight. */
export class ListingBudget {
  private readonly limits = Object.fromEntries(PROVIDER_IDS.map((p) => [p, limiter(MAX_IN_FLIGHT)])) as Record<
    ProviderId,
    ReturnType<typeof limiter>
  >;
  private reason: EndReason | undefined;
  private resolveEnded!: (reason: EndReason) => void;
  /** Settles with the reason as soon as the call ends. */
  readonly ended = new Promise<EndReason>((resolve) => (this.resolveEnded = resolve));
  private readonly timer: NodeJS.Timeout;
  private readonly onCancel = () => this.end('cancelled');
  private readonly abort = new AbortController();
  /** Every request of the call is abandoned when the call ends, for whatever reason (its own deadline included). */
  readonly budget: CallBudget = { signal: this.abort.signal };

  constructor(
    readonly budgetMs: number,
    private readonly cancel?: AbortSignal,
  ) {
    this.timer = setTimeout(() => this.end('deadline'), budgetMs);
    if (cancel?.aborted) this.end('cancelled');
    else cancel?.addEventListener('abort', this.onCancel, { once: true });
  }

  private bytes = 0;

  /** Counts a list answer's size; the listing ends once MAX_LISTING_BYTES have been read. */
  account(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > MAX_LISTING_BYTES) this.end('limit');
  }

  get endReason(): EndReason | undefined {
    return this.reason;
  }

  end(reason: EndReason): void {
    if (this.reason) return;
    this.reason = reason;
    clearTimeout(this.timer);
    this.cancel?.removeEventListener('abort', this.onCancel);
    this.resolveEnded(reason);
    this.abort.abort();
  }

  /** Sends through the provider's bound; refuses once the call has ended, also for requests still waiting for a slot. */
  async send<T>(provider: ProviderId, fn: () => Promise<T>): Promise<T> {
    if (this.reason) throw new Ended();
    return this.limits[provider](() => {
      if (this.reason) throw new Ended();
      return fn();
    });
  }
}
