// The id rule: what a tool accepts as an id, and what any id must be before it becomes a path segment of a signed
// request (a configured or looked-up project id, or an id read from a list answer).

export const ID_RULE = "1-128 characters of A-Z, a-z, 0-9, '.', '_' and '-', not '.' or '..'";

/** An id that is safe as one path segment. */
export function isSafeId(value: string): boolean {
  return /^[A-Za-z0-9._-]{1,128}$/.test(value) && value !== '.' && value !== '..';
}
