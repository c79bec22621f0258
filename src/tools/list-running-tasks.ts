import * as z from 'zod/v4';
import { inputError, type ToolError } from '../core/errors.js';
import { FAMILY_IDS, PROVIDER_IDS } from '../core/ids.js';
import { FAMILIES } from '../families/index.js';
import { PROVIDERS } from '../providers/index.js';
import { defineListTool } from './define.js';
import { discover, selectFamilies } from './listing/run.js';
import { listResultShape, type ListInput, type ListResult } from './listing/types.js';

export const MAX_ITEMS = 500;

/** "Covers ModelArts intelligent tasks and …, and Qianfan batch inference, …": each provider's families, from the registry. */
function covers(): string {
  const and = (parts: string[]) =>
    parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  const byProvider = PROVIDER_IDS.map((p) => {
    const phrases = FAMILY_IDS.filter((f) => FAMILIES[f].provider === p).map((f) => FAMILIES[f].discovery.covers);
    return phrases.length ? `${PROVIDERS[p].product} ${and(phrases)}` : '';
  }).filter(Boolean);
  return `Covers ${byProvider.join(', and ')}.`;
}

export default defineListTool({
  name: 'list_running_tasks',
  title: 'List running ML tasks (ModelArts and Qianfan)',
  description: [
    'List the running tasks on Huawei Cloud ModelArts and Baidu Qianfan, each with the stop tool and exact arguments that stop it. Read-only.',
    'Use when the user asks what is running, or wants tasks stopped without giving ids ("stop my running fine-tuning jobs"): call this, then call each chosen item\'s stop.tool with stop.arguments.',
    `${covers()} Running means pending or running (include_stopping adds tasks already stopping).`,
    "errors names each family that could not be listed; the other families' items still come back. truncated: true means more may be running (max_items or the time limit was reached).",
    'stop.served: false marks a task whose stop tool this server does not serve: tell the user instead of calling it.',
  ].join('\n'),
  input: {
    providers: z
      .array(z.enum(PROVIDER_IDS))
      .min(1, { error: 'must name at least one provider' })
      .optional()
      .describe('Only these clouds. Default: every configured cloud this server serves.'),
    families: z
      .array(z.enum(FAMILY_IDS))
      .min(1, { error: 'must name at least one family' })
      .optional()
      .describe('Only these task families. Default: every family of the selected providers.'),
    ...Object.assign({}, ...PROVIDER_IDS.map((p) => PROVIDERS[p].listInput)),
    ...Object.assign({}, ...FAMILY_IDS.map((f) => FAMILIES[f].discovery.input ?? {})),
    name_contains: z
      .string({ error: 'must be a string' })
      .min(1, { error: 'must not be empty' })
      .max(128, { error: 'must be at most 128 characters' })
      .optional()
      .describe('Only tasks whose name contains this text (case-insensitive).'),
    include_stopping: z
      .boolean({ error: 'must be true or false' })
      .default(false)
      .describe('Also list tasks that are already stopping.'),
    max_items: z
      .number({ error: 'must be an integer from 1 to 500' })
      .int({ error: 'must be an integer from 1 to 500' })
      .min(1, { error: 'must be an integer from 1 to 500' })
      .max(MAX_ITEMS, { error: 'must be an integer from 1 to 500' })
      .default(100)
      .describe('Most items to return (1-500, default 100); truncated is true when more are running.'),
  },
  output: listResultShape,
  run: async (validated, ctx) => {
    const input = validated as ListInput;
    const served = ctx.served?.providers;
    const families = selectFamilies(
      input,
      (p) => !served || served.includes(p),
      (p) => ctx.clients[p].configured,
    );
    if (!families)
      return refuse(
        inputError(
          'families',
          `none of these families belongs to the providers given (${input.providers!.join(', ')})`,
        ),
      );
    return discover(input, families, ctx);
  },
  refused: (error) => refuse(error),
});

function refuse(error: ToolError): ListResult {
  return { ok: false, items: [], truncated: false, errors: [], error: error.toJSON() };
}
