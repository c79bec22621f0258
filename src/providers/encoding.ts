// RFC 3986 percent-encoding shared by both signers: unreserved characters stay, everything else is %XX
// (upper-case hex, over UTF-8 bytes). encodeURIComponent leaves !'()* alone, which both clouds encode.

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

export function rfc3986(value: string): string {
  let out = '';
  for (const ch of value) {
    if (UNRESERVED.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of Buffer.from(ch, 'utf8')) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Query parameters as ordered [key, value] pairs, the form both signers and the wire use. */
export type QueryPairs = ReadonlyArray<readonly [string, string]>;

export function queryPairs(search: string): QueryPairs {
  return [...new URLSearchParams(search)];
}
