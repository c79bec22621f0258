// Small statistics helpers for the benchmark.
import { readFileSync } from 'node:fs';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** min, median and max of a series, rounded. */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(values: number[], digits = 2): Spread {
  return {
    min: round(Math.min(...values), digits),
    median: round(median(values), digits),
    max: round(Math.max(...values), digits),
  };
}

export function showSpread(s: Spread, unit = ''): string {
  return `${s.median}${unit} (${s.min}–${s.max})`;
}

/** CPU time (user + system) a process has used so far, in milliseconds, from /proc (clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = /\) \S+ (.*)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))![1]!.split(' ');
  // After "pid (comm) state": utime and stime are the 12th and 13th of the remaining fields.
  return (Number(fields[10]) + Number(fields[11])) * (1000 / CLOCK_TICKS);
}

/** USER_HZ: 100 on Linux (getconf CLK_TCK). */
const CLOCK_TICKS = 100;
