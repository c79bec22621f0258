// Counts calls that have started and not yet answered, so a shutdown can wait for them (with a bound).
export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  get size(): number {
    return this.count;
  }

  /** Marks one call started; the returned function marks it finished (calling it again does nothing). */
  begin(): () => void {
    this.count++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (--this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /** Resolves true once nothing is in flight, or false after `timeoutMs`. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** How a transport shuts down: the signal calls see as `shutdown`, and how long calls in flight may take to finish. */
export interface Shutdown {
  /** Aborted when shutdown begins. */
  controller: AbortController;
  /** The time budget of a call, and a margin. */
  graceMs: number;
}
