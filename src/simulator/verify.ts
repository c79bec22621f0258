// What a signature check sees and says; each simulated provider recomputes its own signature with the secret
// and compares (src/simulator/providers/).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface Received {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Verdict =
  | { ok: true; ak: string }
  | { ok: false; reason: 'unsigned' | 'unknown_key' | 'bad_signature' | 'expired'; ak?: string };

/** How far a request's signing time may be from the simulator's clock. */
export const MAX_SKEW_MS = 15 * 60_000;

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

export function sameSignature(authorization: string, signature: string): boolean {
  const computed = Buffer.from(authorization.slice(-64));
  const given = Buffer.from(signature);
  return computed.length === given.length && timingSafeEqual(computed, given);
}
