// The audit trail: one JSON line per stop attempt, never a credential (only ids, outcome and provider metadata).
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
}

export type AuditSink = (entry: AuditEntry) => void;

export function auditEntry(result: ToolResult, startedAt: number, now: number): AuditEntry {
  return {
    time: new Date(now).toISOString(),
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

/** Writes audit lines to stderr (stdout is reserved for MCP messages). */
export const stderrAudit: AuditSink = (entry) => {
  process.stderr.write(JSON.stringify(entry) + '\n');
};
