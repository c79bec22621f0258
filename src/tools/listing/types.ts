// What one family's discovery gets to work with and hands back, and the shape of list_running_tasks' result.
import * as z from 'zod/v4';
import { CATEGORIES } from '../../core/errors.js';
import { FAMILY_IDS, PROVIDER_IDS, type FamilyId, type ProviderId } from '../../core/ids.js';
import type { ProviderRequest } from '../../providers/request.js';
import { STATES, errorSchema, type Status } from '../schemas.js';

/** Validated input of list_running_tasks, as a family's discovery sees it; providers and families add their own fields. */
export interface ListInput {
  providers?: ProviderId[];
  families?: FamilyId[];
  name_contains?: string;
  include_stopping: boolean;
  max_items: number;
  /** Inputs a provider or a family adds (ModelArts region and project_id, dataset_ids). */
  [field: string]: unknown;
}

/** One task a discovery found, running or not; the collector keeps the running ones. */
export interface Candidate {
  ids: Record<string, string>;
  name?: string | undefined;
  createdAt?: string | undefined;
  status: Status;
  /** What the family's stop tool takes, without the provider's scope arguments (the collector adds them). */
  stopArgs: Record<string, string>;
  /** What the task runs on, as the list answer gives it (only what it gives). */
  resources?: Resources | undefined;
  /** What keeps costing money once it is stopped, when stopping does not end the bill. */
  notice?: string | undefined;
}

/** The resources a listed task holds, in the provider's own values. */
export interface Resources {
  /** The provider's flavor or specification name, e.g. modelarts.p3.large.public. */
  flavor?: string | undefined;
  /** Nodes, instances or replicas. */
  instances?: number | undefined;
  /** How it is billed, e.g. POST_PAID, PRE_PAID, Postpay, ComputingUnit. */
  charging?: string | undefined;
}

export interface FamilyContext<Sc = unknown> {
  input: ListInput;
  /** Where every list call of the provider goes (ModelArts: the region and project). */
  scope: Sc;
  /** Sends one list request within the call's budget and the provider's fan-out bound; returns the answer body. */
  send(req: ProviderRequest): Promise<unknown>;
  emit(candidate: Candidate): void;
  /** Records a failed part of the listing (one dataset, one job) and lets the rest go on. */
  fail(err: unknown, what: string): void;
  /** Paging ended before the provider's own total: more tasks may exist than were seen. */
  incomplete(listing?: { capped?: boolean }): void;
}

/** How list_running_tasks finds a family's tasks. */
export interface FamilyDiscovery<Sc = any> {
  /** The list call a failure of the family as a whole is reported against. */
  listing: string;
  /** What list_running_tasks' description says this family covers, e.g. "intelligent tasks". */
  covers: string;
  /** Inputs list_running_tasks takes for this family only (in tools/list order), e.g. dataset_ids. */
  input?: z.ZodRawShape;
  discover(ctx: FamilyContext<Sc>): Promise<void>;
}

const itemSchema = z.object({
  provider: z.enum(PROVIDER_IDS),
  family: z.enum(FAMILY_IDS),
  name: z.string().optional(),
  created_at: z.string().optional().describe('As the provider gives it; millisecond timestamps become ISO 8601 UTC.'),
  ids: z.record(z.string(), z.string()).describe("The task's ids at the provider."),
  status: z.object({
    state: z.enum(STATES),
    raw: z.union([z.string(), z.number(), z.null()]).describe("The provider's own status value."),
  }),
  resources: z
    .object({
      flavor: z.string().optional().describe("The provider's flavor or specification, e.g. an 8-GPU flavor name."),
      instances: z.number().int().nonnegative().optional().describe('Nodes, instances or replicas.'),
      charging: z.string().optional().describe("How it is billed, in the provider's words (e.g. POST_PAID, PRE_PAID)."),
    })
    .optional()
    .describe("What the task runs on, where the list answer says (the provider's own values)."),
  notice: z
    .string()
    .optional()
    .describe('What keeps costing money once it is stopped, when stopping does not end the bill.'),
  stop: z.object({
    tool: z.string().describe('The tool that stops this task.'),
    arguments: z.record(z.string(), z.string()).describe('Exactly what that tool takes.'),
    served: z
      .literal(false)
      .optional()
      .describe(
        'Present (false) when this server does not serve that tool (--read-only, --tools): the task cannot be stopped here.',
      ),
  }),
});
export type Item = z.infer<typeof itemSchema>;

const familyErrorSchema = z.object({
  provider: z.enum(PROVIDER_IDS),
  family: z.enum(FAMILY_IDS),
  code: z.string().describe("The provider's error code, or ours (ConfigMissing, Timeout, ...)."),
  message: z.string(),
  category: z.enum(CATEGORIES),
});
export type FamilyError = z.infer<typeof familyErrorSchema>;

/** outputSchema of list_running_tasks. */
export const listResultShape = {
  ok: z
    .boolean()
    .describe(
      'false (isError) only when every requested family failed and nothing was found, or the input was refused.',
    ),
  items: z.array(itemSchema).describe('Running tasks, each with the stop tool and arguments that stop it.'),
  truncated: z
    .boolean()
    .describe(
      'More tasks may be running than listed: max_items was reached, the time budget ran out, or paging ended early.',
    ),
  errors: z.array(familyErrorSchema).describe('One entry per family that could not be listed (fully).'),
  error: errorSchema.optional().describe('Why the whole call was refused (invalid input); nothing was sent.'),
  simulated: z
    .literal(true)
    .optional()
    .describe('Present when the server runs with --simulate: the answer came from the local simulator, not a cloud.'),
};
export type ListResult = {
  ok: boolean;
  items: Item[];
  truncated: boolean;
  errors: FamilyError[];
  error?: z.infer<typeof errorSchema>;
  simulated?: true;
};
