// The parts of a `doctor` row every provider shares: how credentials were found, and what a failed probe means for
// the user (a rejected key, a clock that is off, missing permission). Never prints a secret.
import { ToolError, type Category } from '../core/errors.js';
import type { ProviderId } from '../core/ids.js';
import type { DoctorRow } from './client.js';

export interface DoctorFacts {
  provider: ProviderId;
  /** The endpoint the probe goes to. */
  endpoint: string;
  /** Credential variables still unset. */
  missing: readonly string[];
  credentialVars: { ak: string; sk: string };
  projectId?: string;
}

export function baseRow(facts: DoctorFacts): DoctorRow {
  const { missing, credentialVars: v } = facts;
  const credentials = missing.length === 0 ? 'found' : missing.length === 2 ? 'not set' : 'partial';
  const fix =
    credentials === 'partial'
      ? `set ${missing.join(' and ')}`
      : credentials === 'not set'
        ? `not used; set ${v.ak} and ${v.sk} to enable`
        : '';
  return {
    provider: facts.provider,
    endpoint: facts.endpoint,
    credentials,
    signature: '-',
    projectId: facts.projectId ?? '-',
    rttMs: null,
    fix,
    problem: credentials === 'partial',
  };
}

export interface FailureMeaning {
  credentialVars: { ak: string; sk: string };
  /** Error categories that only come after the gateway accepted the signature. */
  authenticated: ReadonlySet<Category>;
  /** What to grant when the keys work but lack permission. */
  grant: string;
}

/** Fills in what a failed probe says about the keys, and what to fix. */
export function describeFailure(row: DoctorRow, err: unknown, meaning: FailureMeaning): void {
  row.problem = true;
  if (!(err instanceof ToolError)) {
    Object.assign(row, { signature: 'unknown', fix: String(err) });
    return;
  }
  const { ak, sk } = meaning.credentialVars;
  const said = `${err.code}: ${err.message}`;
  if (err.category === 'auth') {
    row.signature = 'rejected';
    if (/ak not exist|could not find credential|InvalidAccessKeyId/i.test(said))
      row.fix = `${ak} is not a known access key (${said})`;
    else if (/expired|15 minutes/i.test(said)) row.fix = `this machine's clock is off; sync it (${said})`;
    else row.fix = `${sk} does not match ${ak} (${said})`;
    return;
  }
  row.signature = meaning.authenticated.has(err.category) ? 'accepted' : 'unknown';
  row.fix =
    err.category === 'forbidden'
      ? `the keys work but lack permission (${said}); grant ${meaning.grant}`
      : `${said}${err.hint ? ` ${err.hint}` : ''}`;
}

/** Times a probe and fills the row's round trip. */
export async function timed(row: DoctorRow, probe: () => Promise<void>): Promise<DoctorRow> {
  const t0 = performance.now();
  await probe();
  row.rttMs = Math.round(performance.now() - t0);
  return row;
}
