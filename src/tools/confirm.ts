// Opt-in confirmation (--confirm): before anything is sent, the user types the id of the task to stop. Re-entrant:
// the first round returns a question (with the target sealed into expiring state), and the call made again with the
// answer checks the answer against that state before anything is sent. Fails closed: a client that cannot be asked,
// an answer for another task or tool, or one without its state ends with nothing sent (altered or expired state is
// refused by the server factory before the tool runs).
import { ToolError } from '../core/errors.js';
import { PROVIDER_NAMES } from '../core/ids.js';
import type { ConfirmState, Question, RunContext } from './context.js';
import type { StopToolDefinition } from './define.js';

const TURN_OFF =
  'Use an MCP client that supports elicitation (form mode), or turn confirmation off: start the server without --confirm and with ML_STOP_CONFIRM unset or false. dry_run: true works without confirmation.';

/** How long a confirmation question stays answerable. */
export const CONFIRM_WINDOW_SECONDS = 5 * 60;

/** proceed, a question to ask first, a note saying why nothing was sent (declined), or an error. */
export type Confirmation =
  { proceed: true } | { ask: Question } | { proceed: false; note: string } | { proceed: false; error: ToolError };

export async function confirmStop(
  def: StopToolDefinition<any>,
  input: Record<string, unknown>,
  target: Record<string, string>,
  ctx: RunContext,
): Promise<Confirmation> {
  const field = def.confirmField;
  const expected = String(input[field]);
  const round = ctx.round;
  if (!round) return ask(def, target, field, expected, ctx);

  if (!round.state.ok) {
    return {
      proceed: false,
      error: invalidState('The answer came back without the confirmation state this server sealed'),
    };
  }
  const state = round.state.value as Partial<ConfirmState> | undefined;
  if (state?.tool !== def.name || state.expected !== expected || !sameTarget(state.target, target)) {
    return { proceed: false, error: invalidState('The answer was given for another operation or task than this call') };
  }
  const { answer } = round;
  if (answer.action !== 'accept') {
    return {
      proceed: false,
      note: `The user ${answer.action === 'decline' ? 'declined' : 'cancelled'} the confirmation; nothing was sent.`,
    };
  }
  const typed = answer.content?.[field];
  if (typeof typed !== 'string' || typed.trim() !== expected) {
    return {
      proceed: false,
      note: `The ${field} typed to confirm did not match ${expected}; nothing was sent. Call again if the user still wants it stopped.`,
    };
  }
  return { proceed: true };
}

async function ask(
  def: StopToolDefinition<any>,
  target: Record<string, string>,
  field: string,
  expected: string,
  ctx: RunContext,
): Promise<Confirmation> {
  const asking = ctx.asking;
  if (!asking?.can) {
    const why = asking?.why ?? 'this MCP client did not declare the elicitation capability, so it cannot ask';
    return {
      proceed: false,
      error: new ToolError({
        code: 'ConfirmationUnavailable',
        category: 'config',
        message: `This server asks the user to confirm every stop (--confirm or ML_STOP_CONFIRM=true), but ${why}. Nothing was sent.`,
        hint: TURN_OFF,
      }),
    };
  }
  const ids = Object.entries(target)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const message = `${PROVIDER_NAMES[def.provider]}: ${def.title}? Operation ${def.name} on ${ids}. To confirm, type the ${field} (${expected}).`;
  const state: ConfirmState = { tool: def.name, target, expected };
  return {
    ask: {
      question: {
        message,
        requestedSchema: {
          type: 'object',
          properties: { [field]: { type: 'string', title: field, description: `Type ${expected} to stop it.` } },
          required: [field],
        },
      },
      state: await asking.seal(state),
    },
  };
}

function invalidState(what: string): ToolError {
  return new ToolError({
    code: 'ConfirmationInvalid',
    category: 'invalid_input',
    retryable: false,
    message: `${what}; nothing was sent. Call the tool again to be asked again.`,
  });
}

function sameTarget(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  if (!a || typeof a !== 'object') return false;
  const keys = Object.keys(b);
  return Object.keys(a).length === keys.length && keys.every((k) => a[k] === b[k]);
}
