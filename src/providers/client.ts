// The contract every provider implements, so shared code reaches a provider only through clients[provider] and
// PROVIDERS[provider], never by testing a provider's name. Types only.
import type * as z from 'zod/v4';
import type { ProviderId } from '../core/ids.js';
import type { Env, Sourced } from '../core/settings.js';
import type { CallBudget } from './budget.js';
import type { Endpoint } from './endpoint.js';
import type { ProviderRequest, ProviderResponse, RequestDescription } from './request.js';
import type { HttpOptions } from './send.js';

/** Tool input as the engine holds it after validation. */
export type Input = Readonly<Record<string, unknown>>;

/** One row of `ml-stop-mcp doctor`: never a secret, only names, endpoints, ids and the provider's own error text. */
export interface DoctorRow {
  provider: ProviderId;
  endpoint: string;
  credentials: 'found' | 'partial' | 'not set' | 'demo keys';
  signature: 'accepted' | 'rejected' | 'unknown' | '-';
  /** The provider's project (where it has one), else '-'. */
  projectId: string;
  rttMs: number | null;
  /** What to fix, or a note; empty when all is well. */
  fix: string;
  /** Whether this row makes doctor exit non-zero. */
  problem: boolean;
}

/** A provider's client for one process: signs, sends and resolves where a call goes. `S` is its scope. */
export interface ProviderClient<S = unknown> {
  /** The time limit of one call (ML_STOP_TIMEOUT_MS); multi-request tools use it as their budget. */
  readonly timeoutMs: number;
  /** Whether credentials are configured. */
  readonly configured: boolean;
  /** The ids the scope will add to a call's target, known before anything is sent (for the confirmation question). */
  plannedTarget(input: Input): Record<string, string>;
  /** Where a call goes (ModelArts: region, project and endpoint, which may need an IAM lookup), within `budget`. */
  resolveScope(input: Input, budget: CallBudget): Promise<S>;
  /** What a listing's error entry names when resolving the scope fails. */
  scopeLabel(input: Input): string;
  /** The ids the scope adds to result.target (ModelArts: region and project_id); pure. */
  targetOf(scope: S): Record<string, string>;
  /** What a listed task's stop call needs besides the task's ids: the scope's ids where they are not the defaults. */
  stopArgs(scope: S, input: Input): Record<string, string>;
  /** Signs and sends one request within the call's budget; throws ToolError on any failure, a failing 2xx included. */
  call(scope: S, req: ProviderRequest, budget?: CallBudget): Promise<ProviderResponse>;
  /** The request exactly as call() would sign it, without sending it (dry runs). */
  describe(scope: S, req: ProviderRequest): RequestDescription;
  /** `doctor`: proves the keys with one harmless signed read-only call. */
  doctor(): Promise<DoctorRow>;
}

/** What the settings of one provider are read from: the environment and the provider's own flags. */
export interface ProviderSettings {
  env: Env;
  /** The value of one of this provider's flags (declared in `flags`), if given. */
  flag(name: string): string | undefined;
  /** The named flag, else the variable(s), else the fallback, with where the value came from (core/settings.ts). */
  setting(flag: string | undefined, vars: string | readonly string[], fallback?: string): Sourced | undefined;
}

/** Everything the rest of the server knows about one provider. `C` is its configuration, `S` its scope. */
export interface ProviderModule<C = unknown, S = unknown> {
  id: ProviderId;
  /** The product named in descriptions and messages, e.g. "ModelArts". */
  product: string;
  /** Every tool of this provider starts with this. */
  toolPrefix: string;
  /** Flags this provider reads (string flags), with the argument name and the help text --help shows. */
  flags: Record<string, { arg: string; help: string }>;
  /** --help lines naming the variables that hold this provider's credentials. */
  credentialHelp: string;
  /** Credential variables, for doctor and start-up messages: access key, secret key. */
  credentialVars: { ak: string; sk: string };
  /** Every variable that holds a secret of this provider (the keys, a session token): doctor --simulate names those it ignored. */
  secretVars: readonly string[];
  /** Configured endpoints outside the provider's own domains (named in the start-up log: never a silent override). */
  foreignEndpoints(config: C): Array<{ source: string; url: string }>;
  /** The secrets in this provider's configuration (keys, session token), for redaction. */
  secrets(config: C): string[];
  /** Parses this provider's settings; throws StartupError naming the flag or variable at fault. */
  loadConfig(settings: ProviderSettings): C;
  /** True when credentials are set. */
  configured(config: C): boolean;
  /** Variables still to set before this provider's tools work. */
  missing(config: C): readonly string[];
  /** One line for the start-up log (no secret). */
  summary(config: C): string;
  /** The configuration pointed at one endpoint for every request, with the given keys (--simulate). */
  simulated(config: C, endpoint: Endpoint, keys: { ak: string; sk: string }): C;
  createClient(config: C, http: HttpOptions, now?: () => Date): ProviderClient<S>;
  /** Inputs list_running_tasks takes for this provider (ModelArts: region, project_id), in tools/list order. */
  listInput: z.ZodRawShape;
}
