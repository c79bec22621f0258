// The stop options every stop tool takes, and the one result shape every stop and status tool returns.
import * as z from 'zod/v4';
import { CATEGORIES } from '../core/errors.js';
import { PROVIDER_IDS } from '../core/ids.js';

const WAIT_ERROR = 'must be an integer from 0 to 600 (seconds)';

/** Inputs every stop tool takes besides its ids (defineStopTool adds them). */
export const stopOptionsShape = {
  dry_run: z
    .boolean({ error: 'must be true or false' })
    .default(false)
    .describe(
      'true: check the input, resolve endpoint and project, and return the exact request that would be sent and the current status. Nothing is stopped.',
    ),
  wait_seconds: z
    .number({ error: WAIT_ERROR })
    .int({ error: WAIT_ERROR })
    .min(0, { error: WAIT_ERROR })
    .max(600, { error: WAIT_ERROR })
    .default(0)
    .describe(
      'After the stop is accepted, poll the status for up to this many seconds (0-600) until the task is stopped or finished. 0: return at once.',
    ),
};

export const STATES = ['pending', 'running', 'stopping', 'stopped', 'succeeded', 'failed', 'unknown'] as const;
export type State = (typeof STATES)[number];

export const statusSchema = z.object({
  state: z.enum(STATES).describe('Normalised state.'),
  raw: z.union([z.string(), z.number(), z.null()]).describe("The provider's own status value."),
  detail: z.string().optional().describe("The provider's name or message for the status."),
  billing: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'Billing facts the provider gives with the status, in its own words (e.g. charging_mode, billing_items, chargeType, payType).',
    ),
});
export type Status = z.infer<typeof statusSchema>;

export const OUTCOMES = [
  'stop_requested',
  'stopped',
  'already_stopped',
  'already_finished',
  'dry_run',
  'declined',
  'status',
  'failed',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const errorSchema = z.object({
  code: z
    .string()
    .describe(
      "The provider's error code, or ours (InvalidInput, ConfigMissing, Timeout, ...) when no provider answered.",
    ),
  message: z.string(),
  category: z.enum(CATEGORIES),
  retryable: z.boolean().describe('Whether the same call may succeed later.'),
  hint: z.string().optional(),
  retry_after_seconds: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('How long the provider asked to wait before calling again (Retry-After), when it said.'),
});

export const requestSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT']),
  url: z.string(),
  body: z.string().nullable().describe('The body as it would be sent; null when none is sent.'),
  signed_headers: z.array(z.string()).describe('Names (never values) of the headers the signature would cover.'),
});

/** Shared by every tool as its outputSchema. */
export const resultShape = {
  ok: z.boolean().describe('false exactly when isError is true.'),
  outcome: z
    .enum(OUTCOMES)
    .describe(
      'stop_requested: the provider accepted the stop (not yet confirmed stopped); stopped: a wait saw it stop or end; already_stopped / already_finished: the provider refused because the task was no longer running; dry_run: nothing was stopped; declined: the user did not confirm, nothing was sent; status: a status read; failed: see error.',
    ),
  provider: z.enum(PROVIDER_IDS),
  operation: z.string().describe('The tool name.'),
  target: z.record(z.string(), z.string()).describe('The ids acted on, plus region and project_id for ModelArts.'),
  http_status: z
    .number()
    .int()
    .nullable()
    .describe(
      'HTTP status of the stop request (of the status read for status tools and dry runs); null when none was answered.',
    ),
  request_id: z.string().nullable().describe("The provider's request id for the same request."),
  attempts: z
    .number()
    .int()
    .optional()
    .describe('Requests sent to the provider for this call, counting retries (0: nothing was sent).'),
  status: statusSchema.optional(),
  request: requestSchema.optional().describe('Dry runs: the stop request that would be sent.'),
  notice: z
    .string()
    .optional()
    .describe(
      'What keeps costing money after this stop, when stopping does not end the bill (e.g. storage billed until deleted, post-paid compute units to release).',
    ),
  note: z
    .string()
    .optional()
    .describe('What happened beyond the outcome, e.g. the status seen after a refused stop or a wait that ran out.'),
  error: errorSchema.optional(),
  simulated: z
    .literal(true)
    .optional()
    .describe('Present when the server runs with --simulate: the answer came from the local simulator, not a cloud.'),
};
export const resultSchema = z.object(resultShape);
export type ToolResult = z.infer<typeof resultSchema>;
