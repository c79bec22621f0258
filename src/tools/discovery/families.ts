// The task families list_running_tasks covers, what one family's discovery gets to work with, and the result shape.
import * as z from 'zod/v4';
import type { ProviderId } from '../../config.js';
import { CATEGORIES } from '../../errors.js';
import type { ProviderRequest } from '../../providers/request.js';
import type { Scope, StopToolDefinition } from '../define.js';
import { STATES, errorSchema, type Status } from '../schemas.js';

export const FAMILIES = [
  'modelarts_intelligent_task',
  'modelarts_training_job_version',
  'qianfan_batch_inference_task',
  'qianfan_fine_tuning_task',
  'qianfan_evaluation_task',
] as const;
export type Family = (typeof FAMILIES)[number];

export const providerOf = (family: Family): ProviderId => (family.startsWith('modelarts_') ? 'huaweicloud' : 'qianfan');

/** Validated input of list_running_tasks, as a family's discovery sees it. */
export interface ListInput {
  providers?: ProviderId[];
  families?: Family[];
  region?: string;
  project_id?: string;
  dataset_ids?: string[];
  name_contains?: string;
  include_stopping: boolean;
  max_items: number;
}

/** One task a discovery found, running or not; the collector keeps the running ones. */
export interface Candidate {
  ids: Record<string, string>;
  name?: string | undefined;
  createdAt?: string | undefined;
  status: Status;
  /** What the family's stop tool takes, without the ModelArts region and project (the collector adds them). */
  stopArgs: Record<string, string>;
}

export interface FamilyContext {
  input: ListInput;
  /** ModelArts only: the region and project every list call goes to. */
  scope: Scope;
  /** Sends one list request within the call's budget and the provider's fan-out bound; returns the answer body. */
  send(req: ProviderRequest): Promise<unknown>;
  emit(candidate: Candidate): void;
  /** Records a failed part of the listing (one dataset, one job) and lets the rest go on. */
  fail(err: unknown, what: string): void;
  /** Paging ended before the provider's own total: more tasks may exist than were seen. */
  incomplete(): void;
}

export interface FamilyDiscovery {
  family: Family;
  /** The list call a failure of the family as a whole is reported against. */
  listing: string;
  stopTool: StopToolDefinition<any>;
  discover(ctx: FamilyContext): Promise<void>;
}

const itemSchema = z.object({
  provider: z.enum(['huaweicloud', 'qianfan']),
  family: z.enum(FAMILIES),
  name: z.string().optional(),
  created_at: z.string().optional().describe('As the provider gives it; millisecond timestamps become ISO 8601 UTC.'),
  ids: z.record(z.string(), z.string()).describe("The task's ids at the provider."),
  status: z.object({ state: z.enum(STATES), raw: z.union([z.string(), z.number(), z.null()]).describe("The provider's own status value.") }),
  stop: z.object({
    tool: z.string().describe('The tool that stops this task.'),
    arguments: z.record(z.string(), z.string()).describe('Exactly what that tool takes.'),
    served: z.literal(false).optional().describe('Present (false) when this server does not serve that tool (--read-only, --tools): the task cannot be stopped here.'),
  }),
});
export type Item = z.infer<typeof itemSchema>;

const familyErrorSchema = z.object({
  provider: z.enum(['huaweicloud', 'qianfan']),
  family: z.enum(FAMILIES),
  code: z.string().describe("The provider's error code, or ours (ConfigMissing, Timeout, ...)."),
  message: z.string(),
  category: z.enum(CATEGORIES),
});
export type FamilyError = z.infer<typeof familyErrorSchema>;

/** outputSchema of list_running_tasks. */
export const listResultShape = {
  ok: z.boolean().describe('false (isError) only when every requested family failed and nothing was found, or the input was refused.'),
  items: z.array(itemSchema).describe('Running tasks, each with the stop tool and arguments that stop it.'),
  truncated: z.boolean().describe('More tasks may be running than listed: max_items was reached, the time budget ran out, or paging ended early.'),
  errors: z.array(familyErrorSchema).describe('One entry per family that could not be listed (fully).'),
  error: errorSchema.optional().describe('Why the whole call was refused (invalid input); nothing was sent.'),
  simulated: z.literal(true).optional().describe('Present when the server runs with --simulate: the answer came from the local simulator, not a cloud.'),
};
export type ListResult = { ok: boolean; items: Item[]; truncated: boolean; errors: FamilyError[]; error?: z.infer<typeof errorSchema>; simulated?: true };
