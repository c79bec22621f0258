// stop_task_from_app: the tool the running-tasks page (src/app/) stops tasks through, app-only (MCP Apps visibility
// ["app"]: hosts keep it from the model). Once the server has checked that the id the user typed is the id of the task
// the arguments name, it runs the named stop tool's own flow: dry runs, refusals read as already_stopped, --confirm on
// top, the same result. Only a stop tool this server serves can be run; its audit lines say "via":"app".
import * as z from 'zod/v4';
import { auditEntry, type AuditSink } from '../audit.js';
import { ToolError } from '../core/errors.js';
import { cleanText } from '../core/text.js';
import type { Question, RunContext } from './context.js';
import type { StopToolDefinition } from './define.js';
import type { ExtraToolDefinition } from './render.js';
import { failed } from './results.js';
import { runTool } from './run.js';
import type { ToolResult } from './schemas.js';
import { validateInput } from './validate.js';

export const stopTaskFromApp = {
  name: 'stop_task_from_app',
  title: 'Stop a task from the running-tasks page',
  description: [
    'Only for the running-tasks page of list_running_tasks (MCP Apps): stops one listed task after the user typed its id. Agents: call the stop tool list_running_tasks names instead.',
    'Runs the stop tool named by tool with its arguments, as that tool would, once typed_id is the id of the task they name; a mismatch sends nothing.',
  ].join('\n'),
  input: {
    tool: z
      .string({ error: 'must be a string' })
      .min(1, { error: 'must not be empty' })
      .max(64, { error: 'must be at most 64 characters' })
      .describe("The stop tool, as list_running_tasks gives it in the item's stop.tool."),
    arguments: z
      .record(z.string(), z.unknown(), { error: 'must be an object' })
      .describe("What that stop tool takes: the item's stop.arguments."),
    typed_id: z
      .string({ error: 'must be a string' })
      .max(256, { error: 'must be at most 256 characters' })
      .describe('The id the user typed to confirm; it must be the id of the task the arguments name.'),
  },
  annotations: {
    title: 'Stop a task from the running-tasks page',
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
} satisfies ExtraToolDefinition;

/** A result, a question (--confirm), or a refusal before any stop tool was named rightly (nothing sent, no audit). */
export type AppStopOutcome = ToolResult | Question | { refused: ToolError };

export async function runStopFromApp(
  args: unknown,
  stops: readonly StopToolDefinition<any>[],
  ctx: RunContext,
): Promise<AppStopOutcome> {
  const startedAt = Date.now();
  const input = validateInput(stopTaskFromApp, args);
  if (!input.ok) return { refused: input.error };
  const { tool, typed_id: typed } = input.value as { tool: string; typed_id: string };
  const def = stops.find((d) => d.name === tool);
  if (!def) return { refused: notServed(tool) };
  // The stop tool gets the arguments as they came, exactly as if it had been called itself.
  const stopArgs = (args as { arguments: unknown }).arguments;
  const audit: AuditSink | undefined = ctx.audit && ((entry) => ctx.audit!({ ...entry, via: 'app' }));
  const checked = validateInput(def, stopArgs);
  if (checked.ok) {
    const expected = String(checked.value[def.confirmField]);
    if (typed.trim() !== expected) {
      const base = { provider: def.provider, operation: def.name, target: def.target(checked.value) };
      const result = failed(base, mismatch(def.confirmField, expected));
      if (ctx.simulated) result.simulated = true;
      await audit?.(auditEntry(result, startedAt, Date.now()));
      return result;
    }
  }
  // Invalid arguments are refused by the stop tool's own validation, with its answer.
  return runTool(def, stopArgs, { ...ctx, audit });
}

function mismatch(field: string, expected: string): ToolError {
  return new ToolError({
    code: 'ConfirmationMismatch',
    category: 'invalid_input',
    retryable: false,
    message: `typed_id is not the ${field} of the task the arguments name (${expected}); nothing was sent.`,
    hint: `Ask the user to type ${expected} to stop it.`,
  });
}

function notServed(tool: string): ToolError {
  return new ToolError({
    code: 'ToolNotServed',
    category: 'invalid_input',
    retryable: false,
    message: `"${cleanText(tool, 64)}" is not a stop tool this server serves (after --read-only, --tools and --providers); nothing was sent.`,
  });
}

/** Refused for a client that said it does not show MCP Apps: it never listed this tool. */
export function notForThisClient(): ToolError {
  return new ToolError({
    code: 'AppOnly',
    category: 'invalid_input',
    retryable: false,
    message: `${stopTaskFromApp.name} serves the running-tasks page, and this client did not declare that it shows MCP Apps; nothing was sent.`,
    hint: 'Call the stop tool list_running_tasks names for the task instead.',
  });
}
