// A tool is data: name, description, input shape, and a pure builder from validated input (and the provider's
// scope) to a provider request. The engine does all the I/O.
import type * as z from 'zod/v4';
import type { ToolError } from '../core/errors.js';
import type { ProviderId } from '../core/ids.js';
import type { ProviderRequest } from '../providers/request.js';
import type { RunContext } from './context.js';
import { stopOptionsShape, type Status } from './schemas.js';

type Input<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

interface CommonDefinition<S extends z.ZodRawShape, Sc> {
  name: string;
  title: string;
  provider: ProviderId;
  description: string;
  input: S;
  /** The ids this call is about, as reported in result.target. */
  target(input: Input<S>): Record<string, string>;
  /** Pure: validated input and the provider's resolved scope (providers/<id>/client.ts) to the provider request. */
  request(input: Input<S>, scope: Sc): ProviderRequest;
}

/** What a stop's notice is built from: the accepted stop's answer body and the last status read, when there were. */
export interface NoticeFacts {
  answer?: unknown;
  status?: Status;
}

export interface StopToolDefinition<S extends z.ZodRawShape = z.ZodRawShape, Sc = any> extends CommonDefinition<S, Sc> {
  kind: 'stop';
  /** What keeps costing money after this stop (storage, reserved capacity), when stopping does not end the bill. */
  notice?(facts: NoticeFacts): string | undefined;
  /** The status read for the same task: dry runs, waits and refused stops use it. Its inputs are a subset of ours. */
  status: StatusToolDefinition<any, Sc>;
  /** The id the user types to confirm a stop (--confirm). */
  confirmField: keyof S & string;
}

export interface StatusToolDefinition<S extends z.ZodRawShape = z.ZodRawShape, Sc = any> extends CommonDefinition<
  S,
  Sc
> {
  kind: 'status';
  /** Reads the provider's status value out of a successful answer. */
  readStatus(body: unknown): Status;
}

export type ToolDefinition = StopToolDefinition<any> | StatusToolDefinition<any>;

const STOP_NOTE =
  'Safe to repeat: a task that is already stopped or finished answers already_stopped or already_finished. dry_run shows the request and current status without stopping; wait_seconds waits for the stop to take effect.';

/** A stop tool: its ids plus dry_run and wait_seconds, and the shared note on repeating, dry runs and waiting. */
export const defineStopTool = <S extends z.ZodRawShape, Sc>(
  d: Omit<StopToolDefinition<S, Sc>, 'kind'>,
): StopToolDefinition<S & typeof stopOptionsShape, Sc> =>
  ({
    kind: 'stop',
    ...d,
    description: `${d.description}\n${STOP_NOTE}`,
    input: { ...d.input, ...stopOptionsShape },
  }) as StopToolDefinition<S & typeof stopOptionsShape, Sc>;

export const defineStatusTool = <S extends z.ZodRawShape, Sc>(
  d: Omit<StatusToolDefinition<S, Sc>, 'kind'>,
): StatusToolDefinition<S, Sc> => ({ kind: 'status', ...d });

/** The escape hatch for a read-only tool that is not one provider request (list_running_tasks fans out over both clouds). */
export interface ListToolDefinition<S extends z.ZodRawShape = z.ZodRawShape> {
  kind: 'list';
  name: string;
  title: string;
  description: string;
  input: S;
  /** Its own outputSchema: it does not share the stop/status result shape. */
  output: z.ZodRawShape;
  /** Runs a validated call; provider failures are part of the result, never thrown. */
  run(input: Input<S>, ctx: RunContext): Promise<ListToolResult>;
  /** The result of a call refused before anything was sent. */
  refused(error: ToolError): ListToolResult;
}
export type ListToolResult = { ok: boolean } & Record<string, unknown>;

/** Every kind of tool the server registers. */
export type AnyToolDefinition = ToolDefinition | ListToolDefinition<any>;

export const defineListTool = <S extends z.ZodRawShape>(
  d: Omit<ListToolDefinition<S>, 'kind'>,
): ListToolDefinition<S> => ({
  kind: 'list',
  ...d,
});

export function annotationsFor(def: AnyToolDefinition) {
  return def.kind === 'stop'
    ? { title: def.title, readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true }
    : { title: def.title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true };
}
