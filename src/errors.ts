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
    const sameAgain = fields.httpStatus !== undefined && fields.httpStatus >= 300 && fields.httpStatus < 500 && fields.httpStatus !== 408 && fields.httpStatus !== 429;
    this.retryable = fields.retryable ?? (RETRYABLE.has(fields.category) && !sameAgain);
    this.hint = fields.hint;
    this.httpStatus = fields.httpStatus;
    this.requestId = fields.requestId;
    this.retryAfterSeconds = fields.retryAfterSeconds;
    this.attempts = fields.attempts ?? 0;
  }

  /** The `error` object of a tool result. */
  toJSON(): { code: string; message: string; category: Category; retryable: boolean; hint?: string; retry_after_seconds?: number } {
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
  return new ToolError({ code: 'InvalidInput', category: 'invalid_input', message: `${field}: ${message}`, hint: `Fix ${named} and call again; nothing was sent.` });
}

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

/** Control characters, line/paragraph separators, zero-width and bidi formatting characters. */
export const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;
const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'g');
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '‹', gt: '›', quot: '"', '#39': "'" };

/** Flattens provider text to one short line: no markup, no control or bidi characters. */
export function cleanText(text: string, max = 300): string {
  const flat = stripMarkup(text)
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e]!)
    .replace(UNPRINTABLE_ALL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

/**
 * Drops tags, comments and script/style contents in one linear pass (a regex such as /<[^>]*>/g is quadratic on
 * a hostile body full of '<'); an unterminated tag drops the rest.
 */
function stripMarkup(text: string): string {
  if (!text.includes('<')) return text;
  const lower = text.toLowerCase();
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      parts.push(text.slice(i));
      break;
    }
    parts.push(text.slice(i, lt), ' ');
    let end: number;
    if (text.startsWith('<!--', lt)) {
      end = text.indexOf('-->', lt + 4);
      end = end < 0 ? -1 : end + 2;
    } else {
      end = text.indexOf('>', lt);
      const element = /^<(script|style)\b/.exec(lower.slice(lt, lt + 8))?.[1];
      if (element && end >= 0) {
        const close = lower.indexOf(`</${element}`, end);
        end = close < 0 ? -1 : text.indexOf('>', close);
      }
    }
    if (end < 0) break;
    i = end + 1;
  }
  return parts.join('');
}
