// Secrets never leave the process in a text we write: the configured keys, tokens and proxy credentials are
// registered once at start, and every text that may carry something an upstream or a proxy echoed back (results,
// log lines, audit lines) goes through redact(). Each secret is matched in the encodings the wire uses: as is,
// percent-encoded, and base64 (a proxy's Basic credentials are base64 of user:password).

const MIN_LENGTH = 6;
const MARK = '[redacted]';
const secrets = new Set<string>();
let ordered: string[] = [];

function variants(secret: string): string[] {
  const b64 = Buffer.from(secret, 'utf8').toString('base64');
  return [secret, encodeURIComponent(secret), b64, b64.replace(/=+$/, ''), Buffer.from(secret).toString('base64url')];
}

/** Registers secrets (undefined and short values are ignored: a six-character match would redact ordinary words). */
export function registerSecrets(values: Iterable<string | undefined>): void {
  for (const value of values) {
    if (!value || value.length < MIN_LENGTH) continue;
    for (const v of variants(value)) if (v.length >= MIN_LENGTH) secrets.add(v);
  }
  ordered = [...secrets].sort((a, b) => b.length - a.length);
}

/** The text with every registered secret, in any of its encodings, replaced by [redacted]. */
export function redact(text: string): string {
  let out = text;
  for (const s of ordered) if (out.includes(s)) out = out.split(s).join(MARK);
  return out;
}

/** A JSON-like value with every string redacted (keys included); other values unchanged. */
export function redactDeep<T>(value: T): T {
  if (ordered.length === 0) return value;
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map(redactDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactDeep(v)])) as T;
  }
  return value;
}

/** The secrets of a proxy URL: its password, and user:password as Basic credentials carry it (decoded if it can be). */
export function proxySecrets(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const { username, password } = new URL(url);
    if (!password) return username ? [username] : [];
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s; // a malformed escape: the raw text is what the wire carries
      }
    };
    return [password, decode(password), `${decode(username)}:${decode(password)}`, `${username}:${password}`];
  } catch {
    return [url];
  }
}

/** A provider's request id as results and audit lines carry it: a safe character set, at most 128 characters. */
export function safeRequestId(value: string | undefined): string | null {
  if (value === undefined) return null;
  return /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : null;
}
