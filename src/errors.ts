// One error type for everything a tool can report: our own checks, configuration, the network and the providers.
// Messages are what the agent reads, so they never carry a secret and never carry upstream markup.

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
  readonly retryAfterSeconds: number | undefined;
  attempts: number;

  constructor(fields: ToolErrorFields, options?: ErrorOptions) {
    super(fields.message, options);
    this.name = 'ToolError';
    this.code = fields.code;
    this.category = fields.category;
    this.retryable = fields.retryable ?? RETRYABLE.has(fields.category);
    this.hint = fields.hint;
    this.httpStatus = fields.httpStatus;
    this.requestId = fields.requestId;
    this.retryAfterSeconds = fields.retryAfterSeconds;
    this.attempts = fields.attempts ?? 0;
  }

  /** The `error` object of a tool result. */
  toJSON(): { code: string; message: string; category: Category; retryable: boolean; hint?: string } {
    return {
      code: this.code,
      message: this.message,
      category: this.category,
      retryable: this.retryable,
      ...(this.hint ? { hint: this.hint } : {}),
    };
  }
}

export function inputError(field: string, message: string): ToolError {
  return new ToolError({ code: 'InvalidInput', category: 'invalid_input', message: `${field}: ${message}`, hint: `Fix "${field}" and call again; nothing was sent.` });
}

export function configError(message: string, hint?: string): ToolError {
  return new ToolError({ code: 'ConfigMissing', category: 'config', message, ...(hint ? { hint } : {}) });
}

export function categoryForStatus(status: number): Category {
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'upstream';
  return 'invalid_input';
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

/** Flattens provider text to one short line: no markup, no control characters. */
export function cleanText(text: string, max = 300): string {
  const flat = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
