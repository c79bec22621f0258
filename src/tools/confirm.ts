// Opt-in confirmation (--confirm): before anything is sent, the user types the id of the task to stop.
// Fails closed: a client that cannot ask gets an error, never a silent stop.
import { ToolError } from '../core/errors.js';
import { PROVIDER_NAMES } from '../core/ids.js';
import { cleanText } from '../core/text.js';
import type { RunContext } from './context.js';
import type { StopToolDefinition } from './define.js';

const TURN_OFF =
  'Use an MCP client that supports elicitation (form mode), or turn confirmation off: start the server without --confirm and with ML_STOP_CONFIRM unset or false. dry_run: true works without confirmation.';

/** proceed, or a note saying why nothing was sent (declined), or an error (confirmation impossible). */
export type Confirmation = { proceed: true } | { proceed: false; note: string } | { proceed: false; error: ToolError };

export async function confirmStop(
  def: StopToolDefinition<any>,
  input: Record<string, unknown>,
  target: Record<string, string>,
  ctx: RunContext,
): Promise<Confirmation> {
  if (!ctx.elicit) {
    return {
      proceed: false,
      error: new ToolError({
        code: 'ConfirmationUnavailable',
        category: 'config',
        message:
          'This server asks the user to confirm every stop (--confirm or ML_STOP_CONFIRM=true), but this MCP client did not declare the elicitation capability, so it cannot ask. Nothing was sent.',
        hint: TURN_OFF,
      }),
    };
  }
  const field = def.confirmField;
  const expected = String(input[field]);
  const ids = Object.entries(target)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const message = `${PROVIDER_NAMES[def.provider]}: ${def.title}? Operation ${def.name} on ${ids}. To confirm, type the ${field} (${expected}).`;

  let answer;
  try {
    answer = await ctx.elicit({
      message,
      requestedSchema: {
        type: 'object',
        properties: { [field]: { type: 'string', title: field, description: `Type ${expected} to stop it.` } },
        required: [field],
      },
    });
  } catch (err) {
    if (ctx.signal?.aborted)
      return { proceed: false, note: 'The client cancelled the call while the user was asked; nothing was sent.' };
    const reason = cleanText(String((err as Error)?.message ?? err), 200);
    return {
      proceed: false,
      error: new ToolError({
        code: 'ConfirmationFailed',
        category: 'config',
        message: `Asking the user to confirm failed (${reason}). Nothing was sent.`,
        hint: TURN_OFF,
      }),
    };
  }
  if (answer.action === 'timeout')
    return { proceed: false, note: 'The user did not answer the confirmation in time; nothing was sent.' };
  if (answer.action !== 'accept')
    return {
      proceed: false,
      note: `The user ${answer.action === 'decline' ? 'declined' : 'cancelled'} the confirmation; nothing was sent.`,
    };
  const typed = answer.content?.[field];
  if (typeof typed !== 'string' || typed.trim() !== expected) {
    return {
      proceed: false,
      note: `The ${field} typed to confirm did not match ${expected}; nothing was sent. Call again if the user still wants it stopped.`,
    };
  }
  return { proceed: true };
}
