// The checks every HTTP request passes before it reaches MCP: Host and Origin against DNS rebinding (the spec's
// "MUST validate the Origin header"), and the bearer token. Pure functions, so each rule is tested on its own.
import { createHash, timingSafeEqual } from 'node:crypto';
import { hostname as machineName, networkInterfaces } from 'node:os';
import { LOOPBACK_HOSTS } from '../core/loopback.js';

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** A name or address that only reaches this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

/** The addresses that may be bound without a token (as documented): exactly 127.0.0.1, ::1 and localhost. */
export function bindsWithoutToken(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === '127.0.0.1' || h === '::1' || h === 'localhost';
}

/**
 * Host names a request may carry: loopback names, the bound address, and extra names (a reverse proxy's).
 * A wildcard bind answers on every interface, so each interface address and the machine name count as bound.
 */
export function allowedHostnames(boundHost: string, extra: readonly string[]): Set<string> {
  const bound = [boundHost];
  if (WILDCARDS.has(boundHost)) {
    bound.push(machineName());
    for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) bound.push(a.address);
  }
  return new Set([...LOOPBACK_HOSTS, ...extra, ...bound.filter((h) => !h.includes('%')).map(urlHostname)]);
}

/** Why the Host header is refused, or undefined when it is acceptable. The port is not compared. */
export function hostProblem(header: string | undefined, allowed: ReadonlySet<string>): string | undefined {
  if (!header) return 'Missing Host header';
  let name: string;
  try {
    name = new URL(`http://${header}`).hostname;
  } catch {
    return `Invalid Host header: ${header}`;
  }
  return allowed.has(name)
    ? undefined
    : `Invalid Host: ${name} is not this server's address; set ML_STOP_ALLOWED_HOSTS to accept it`;
}

/** Why the Origin header is refused: an absent Origin (a non-browser client) passes, a present one must be trusted. */
export function originProblem(header: string | undefined, allowedOrigins: readonly string[]): string | undefined {
  if (header === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(header);
  } catch {
    url = undefined;
  }
  const web = url && (url.protocol === 'http:' || url.protocol === 'https:');
  if (web && (isLoopback(url!.hostname) || allowedOrigins.includes(url!.origin))) return undefined;
  return `Invalid Origin: ${header.slice(0, 200)} is not a loopback origin; set ML_STOP_ALLOWED_ORIGINS to accept it`;
}

/** Compares `Authorization: Bearer <token>` in constant time (both sides hashed, so lengths do not leak either). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function urlHostname(host: string): string {
  try {
    return new URL(`http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}`).hostname;
  } catch {
    return host;
  }
}
