// The audit trail: one JSON line per stop attempt, never a credential (only ids, outcome and provider metadata).
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import { redact } from './core/redact.js';
import { StartupError } from './core/errors.js';
import { log } from './log.js';
import type { ToolResult } from './tools/schemas.js';

export interface AuditEntry {
  time: string;
  audit: 'stop';
  tool: string;
  provider: string;
  target: Record<string, string>;
  outcome: string;
  http_status: number | null;
  request_id: string | null;
  attempts: number;
  duration_ms: number;
  error_code?: string;
  /** --simulate: the stop went to the local simulator, not a cloud. */
  simulated?: true;
  /** The stop came from the running-tasks page (src/tools/stop-task-from-app.ts), not a stop tool called directly. */
  via?: 'app';
}

/** Takes an entry; resolves once its line is written (callers wait for it before they go on). */
export type AuditSink = (entry: AuditEntry) => void | Promise<void>;

/** `startedAt` and `now` give the duration only; `time` is the wall clock when the entry is made (the call's end). */
export function auditEntry(
  result: ToolResult,
  startedAt: number,
  now: number,
  wallClock: Date = new Date(),
): AuditEntry {
  return {
    time: wallClock.toISOString(),
    audit: 'stop',
    tool: result.operation,
    provider: result.provider,
    target: result.target,
    outcome: result.outcome,
    http_status: result.http_status,
    request_id: result.request_id,
    attempts: result.attempts ?? 0,
    duration_ms: Math.round(now - startedAt),
    ...(result.error ? { error_code: result.error.code } : {}),
    ...(result.simulated ? { simulated: true } : {}),
  };
}

/**
 * The line written just before a stop request leaves: if the process ends before the answer, the trail still shows
 * that the stop was sent. The outcome follows in the call's own line.
 */
export function sendingEntry(
  base: Pick<ToolResult, 'operation' | 'provider' | 'target' | 'simulated'>,
  wallClock: Date = new Date(),
): AuditEntry {
  return {
    time: wallClock.toISOString(),
    audit: 'stop',
    tool: base.operation,
    provider: base.provider,
    target: base.target,
    outcome: 'sending',
    http_status: null,
    request_id: null,
    attempts: 0,
    duration_ms: 0,
    ...(base.simulated ? { simulated: true } : {}),
  };
}

/**
 * Lines written in batches. A line joins the batch of the current turn of the event loop; the batch is written, one
 * write per destination, once that turn's other work is done, and `write` resolves then. So a caller that waits for
 * its line still has it out before it acts (the "sending" line before the stop leaves, the outcome's line before the
 * result is returned), and under load the lines of many calls share one write: each write to a pipe is a system call
 * that wakes its reader, and writing two lines per stop one by one cost an HTTP server about a sixth of its CPU
 * (docs/performance.md). What is still pending when the process exits, or when the sink is closed, is written then.
 */
export class LineBatch {
  private pending: string[] = [];
  private written: Promise<void> | undefined;

  constructor(private readonly writeOut: (text: string) => void) {}

  write(line: string): Promise<void> {
    this.pending.push(line);
    return (this.written ??= new Promise((resolve) =>
      setImmediate(() => {
        try {
          this.flush();
        } finally {
          resolve(); // a write that failed does not fail the calls waiting for it (the sink reports it)
        }
      }),
    ));
  }

  /** Writes whatever is pending, now. */
  flush(): void {
    this.written = undefined;
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.writeOut(text);
  }
}

/**
 * Audit lines to stderr (stdout is reserved for MCP messages) and, with ML_STOP_AUDIT_FILE, appended to that file as
 * well. The file is opened once at start (an unusable path stops the server before it serves); each batch of lines is
 * written synchronously, and the call waits for it, so a line is on disk before its result is returned; a failed
 * write is logged and does not fail the call.
 */
export function auditSink(file: string | undefined): { sink: AuditSink; close(): void } {
  let fd: number | undefined;
  if (file) fd = openAuditFile(file);
  const batch = new LineBatch((text) => {
    try {
      process.stderr.write(text);
    } catch {
      // stderr is gone (closed by whoever read it): there is nowhere left to say so; the file still gets the lines
    }
    if (fd === undefined) return;
    try {
      writeSync(fd, text);
    } catch (err) {
      log('error', 'could not append to the audit file', {
        file,
        code: (err as NodeJS.ErrnoException).code ?? 'error',
      });
    }
  });
  const flush = () => batch.flush();
  process.once('exit', flush);
  return {
    sink: (entry) => batch.write(redact(JSON.stringify(entry)) + '\n'),
    close: () => {
      batch.flush();
      process.off('exit', flush);
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

function openAuditFile(file: string): number {
  try {
    // Opening a FIFO for writing blocks until someone reads it: only a regular file (or a new one) is opened.
    const stat = existsSync(file) ? statSync(file) : undefined;
    if (stat && !stat.isFile()) throw new StartupError(`ML_STOP_AUDIT_FILE: ${file} is not a regular file`);
    return openSync(file, 'a', 0o600);
  } catch (err) {
    if (err instanceof StartupError) throw err;
    throw new StartupError(
      `ML_STOP_AUDIT_FILE: cannot open ${file} for appending (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}
