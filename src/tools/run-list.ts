// Runs a list tool's call: validate, then let the tool fan out; a bug becomes an error result, never a thrown call.
import type { ListToolDefinition, ListToolResult } from './define.js';
import { asToolError } from './results.js';
import type { RunContext } from './context.js';
import { validateInput } from './validate.js';

export async function runListTool(def: ListToolDefinition, args: unknown, ctx: RunContext): Promise<ListToolResult> {
  const result = await execute(def, args, ctx);
  return ctx.simulated ? { ...result, simulated: true } : result;
}

async function execute(def: ListToolDefinition, args: unknown, ctx: RunContext): Promise<ListToolResult> {
  const input = validateInput(def, args);
  if (!input.ok) return def.refused(input.error);
  try {
    return await def.run(input.value, ctx);
  } catch (err) {
    return def.refused(asToolError(err, def.name));
  }
}
