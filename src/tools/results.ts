// Builders for the parts of a result that several outcomes share.
import { ToolError } from '../core/errors.js';
import { cleanText } from '../core/text.js';
import { log } from '../log.js';
import type { ToolResult } from './schemas.js';

export type ResultBase = Pick<ToolResult, 'provider' | 'operation' | 'target'>;

export function failed(
  base: ResultBase,
  error: ToolError,
  extra: Pick<ToolResult, 'status' | 'note'> = {},
): ToolResult {
  return {
    ok: false,
    outcome: 'failed',
    ...base,
    http_status: error.httpStatus ?? null,
    request_id: error.requestId ?? null,
    attempts: error.attempts,
    ...extra,
    error: error.toJSON(),
  };
}

export function asToolError(err: unknown, tool: string): ToolError {
  if (err instanceof ToolError) return err;
  log('error', 'internal error', { tool, error: cleanText(String((err as Error)?.stack ?? err), 2000) });
  return new ToolError({
    code: 'InternalError',
    category: 'upstream',
    retryable: false,
    message: `ml-stop-mcp failed internally while running ${tool}; see its stderr log.`,
  });
}

/** "code: message" of an error, for notes. */
export function errorText(error: ToolError): string {
  return `${error.code}: ${error.message}`;
}
