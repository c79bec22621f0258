// One rule for every setting: a flag wins over its environment variable, which wins over the default. Each value
// comes back with where it came from (the flag or variable name, or "default"), so a start-up error or a hint can
// name what to change.
import { StartupError } from './errors.js';

export interface Sourced<T = string> {
  value: T;
  /** The flag (`--name`) or variable that set the value, or "default". */
  source: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** MCPB hosts pass an optional user_config left blank as the literal "${user_config.x}"; that is unset too. */
const UNSUBSTITUTED = /^\$\{[^}]+\}$/;

/** A value with surrounding space removed; empty, blank and unsubstituted values count as unset. */
export function nonEmpty(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v && !UNSUBSTITUTED.test(v) ? v : undefined;
}

/** A variable's value, as nonEmpty() reads it. */
export function envValue(env: Env, name: string): string | undefined {
  return nonEmpty(env[name]);
}

/**
 * The value of a setting: the flag when given, else the first variable set (in the order named), else `fallback`
 * (with source "default"), else undefined.
 */
export function setting(
  env: Env,
  flag: { name: string; value: string | undefined } | undefined,
  vars: string | readonly string[],
  fallback?: string,
): Sourced | undefined {
  if (flag?.value !== undefined) return { value: flag.value, source: `--${flag.name}` };
  for (const name of typeof vars === 'string' ? [vars] : vars) {
    const value = envValue(env, name);
    if (value !== undefined) return { value, source: name };
  }
  return fallback === undefined ? undefined : { value: fallback, source: 'default' };
}

/** An http(s) URL without credentials in it, its trailing slashes removed; anything else is a start-up error. */
export function checkUrl(value: string, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value is not echoed: a mistyped variable may hold a secret.
    throw new StartupError(`${source} is not a URL (such as https://host or http://127.0.0.1:8080)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new StartupError(`${source} must be an http:// or https:// URL`);
  }
  if (url.username || url.password) throw new StartupError(`${source} must not carry credentials in the URL`);
  return value.replace(/\/+$/, '');
}
