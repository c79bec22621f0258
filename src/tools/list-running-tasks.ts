import * as z from 'zod/v4';
import { inputError, type ToolError } from '../errors.js';
import { defineListTool } from './define.js';
import { discover, selectFamilies } from './discovery/discover.js';
import { FAMILIES, listResultShape, type ListInput, type ListResult } from './discovery/families.js';
import { huaweiScopeShape, paramId } from './schemas.js';

export const MAX_ITEMS = 500;

export default defineListTool({
  name: 'list_running_tasks',
  title: 'List running ML tasks (ModelArts and Qianfan)',
  description: [
    'List the running tasks on Huawei Cloud ModelArts and Baidu Qianfan, each with the stop tool and exact arguments that stop it. Read-only.',
    'Use when the user asks what is running, or wants tasks stopped without giving ids ("stop my running fine-tuning jobs"): call this, then call each chosen item\'s stop.tool with stop.arguments.',
    'Covers ModelArts intelligent tasks and v1 training job versions, and Qianfan batch inference, fine-tuning and automatic evaluation tasks. Running means pending or running (include_stopping adds tasks already stopping).',
    'errors names each family that could not be listed; the other families\' items still come back. truncated: true means more may be running (max_items or the time limit was reached).',
    'stop.served: false marks a task whose stop tool this server does not serve: tell the user instead of calling it.',
  ].join('\n'),
  input: {
    providers: z
      .array(z.enum(['huaweicloud', 'qianfan']))
      .min(1, { error: 'must name at least one provider' })
      .optional()
      .describe('Only these clouds. Default: every configured cloud this server serves.'),
    families: z
      .array(z.enum(FAMILIES))
      .min(1, { error: 'must name at least one family' })
      .optional()
      .describe('Only these task families. Default: every family of the selected providers.'),
    ...huaweiScopeShape,
    dataset_ids: z
      .array(paramId('ModelArts dataset id.'))
      .min(1, { error: 'must name at least one dataset' })
      .max(100, { error: 'must name at most 100 datasets' })
      .optional()
      .describe('ModelArts: read the intelligent tasks of these datasets only (every kind), instead of scanning the datasets that report a running task.'),
    name_contains: z
      .string({ error: 'must be a string' })
      .min(1, { error: 'must not be empty' })
      .max(128, { error: 'must be at most 128 characters' })
      .optional()
      .describe('Only tasks whose name contains this text (case-insensitive).'),
    include_stopping: z.boolean({ error: 'must be true or false' }).default(false).describe('Also list tasks that are already stopping.'),
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
    const families = selectFamilies(input, (p) => !served || served.includes(p), (p) => ctx.clients[p].configured);
    if (!families) return refuse(inputError('families', `none of these families belongs to the providers given (${input.providers!.join(', ')})`));
    return discover(input, families, ctx);
  },
  refused: (error) => refuse(error),
});

function refuse(error: ToolError): ListResult {
  return { ok: false, items: [], truncated: false, errors: [], error: error.toJSON() };
}
