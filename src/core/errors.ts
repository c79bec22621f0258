// One error type for everything a tool can report: our own checks, configuration, the network and the providers.
// Messages are what the agent reads, so they never carry a secret and never carry upstream markup.
import { cleanText } from './text.js';

export const CATEGORIES = [
  'invalid_input',
  'config',
  'auth',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'upstream',
  'network',
  'timeout',
] as const;
export type Category = (typeof CATEGORIES)[number];

const RETRYABLE: ReadonlySet<Category> = new Set(['rate_limited', 'upstream', 'network', 'timeout']);

export interface ToolErrorFields {
  code: string;
  message: string;
  category: Category;
  retryable?: boolean;
  hint?: string;
  httpStatus?: number;
  requestId?: string;
  /** Seconds the provider asked us to wait (Retry-After), when it said. */
  retryAfterSeconds?: number;
  /** Requests sent to the provider for this call (0 when nothing was sent). */
  attempts?: number;
}

export class ToolError extends Error {
  readonly code: string;
  readonly category: Category;
  readonly retryable: boolean;
  readonly hint: string | undefined;
  readonly httpStatus: number | undefined;
  readonly requestId: string | undefined;
  /** Set by the sender, which sees the headers and counts the attempts. */
  retryAfterSeconds: number | undefined;
  attempts: number;

  constructor(fields: ToolErrorFields, options?: ErrorOptions) {
    super(fields.message, options);
    this.name = 'ToolError';
    // Codes can come from an upstream body: keep them one short printable line like every other upstream text.
    this.code = cleanText(fields.code, 100) || 'Unknown';
    this.category = fields.category;
    // A 3xx or 4xx answer (408 and 429 aside) comes back the same however often it is asked.
    const sameAgain =
      fields.httpStatus !== undefined &&
      fields.httpStatus >= 300 &&
      fields.httpStatus < 500 &&
      fields.httpStatus !== 408 &&
      fields.httpStatus !== 429;
    this.retryable = fields.retryable ?? (RETRYABLE.has(fields.category) && !sameAgain);
    this.hint = fields.hint;
    this.httpStatus = fields.httpStatus;
    this.requestId = fields.requestId;
    this.retryAfterSeconds = fields.retryAfterSeconds;
    this.attempts = fields.attempts ?? 0;
  }

  /** The `error` object of a tool result. */
  toJSON(): {
    code: string;
    message: string;
    category: Category;
    retryable: boolean;
    hint?: string;
    retry_after_seconds?: number;
  } {
    return {
      code: this.code,
      message: this.message,
      category: this.category,
      retryable: this.retryable,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retry_after_seconds: this.retryAfterSeconds } : {}),
    };
  }
}

/** `field` is a field name, or already-quoted unknown field names (then the hint does not quote them again). */
export function inputError(field: string, message: string): ToolError {
  const named = field.startsWith('"') ? field : `"${field}"`;
  return new ToolError({
    code: 'InvalidInput',
    category: 'invalid_input',
    message: `${field}: ${message}`,
    hint: `Fix ${named} and call again; nothing was sent.`,
  });
}

/** A result for the model: a tool call cannot work with this configuration (not a start-up failure). */
export function configError(message: string, hint?: string, code = 'ConfigMissing'): ToolError {
  return new ToolError({ code, category: 'config', message, ...(hint ? { hint } : {}) });
}

/**
 * The category of an error answer without a known provider code. Only 400 and 422 say the request itself was
 * wrong; a redirect (a proxy or captive portal answering instead of the cloud) or another unexpected status is
 * reported as upstream, never as something the agent's input or the task's state caused.
 */
export function categoryForStatus(status: number): Category {
  if (status === 400 || status === 422) return 'invalid_input';
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  return 'upstream';
}

const HINTS: Partial<Record<Category, string>> = {
  not_found: 'Check the id, and for ModelArts the region and project; read the task status to confirm it exists.',
  conflict: 'The task may not be in a stoppable state; read its status before retrying.',
  rate_limited: 'The provider is throttling requests; wait and retry.',
  upstream: 'The provider failed; the stop is idempotent, so retrying later is safe.',
};

export function hintFor(category: Category): string | undefined {
  return HINTS[category];
}

/**
 * Thrown while the server starts (bad flags or variables, a file it cannot read, a port it cannot bind): the process
 * prints the message and exits 2. Never a tool result; a tool call that finds the configuration lacking returns
 * configError() instead.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}
