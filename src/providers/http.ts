// The one place that talks to the network: sends a signed request through undici and reads a bounded body.
import { Agent, request, type Dispatcher } from 'undici';
import { ToolError } from '../errors.js';
import type { Endpoint } from '../config.js';

export interface WireRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body: string;
}

export interface WireResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  text: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
  /** Requests sent, counting retries. */
  attempts: number;
}

export interface HttpOptions {
  dispatcher: Dispatcher;
  timeoutMs: number;
  maxBodyBytes?: number;
}

export function createDispatcher(timeoutMs: number): Dispatcher {
  return new Agent({ keepAliveTimeout: 30_000, connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
}

const MAX_BODY = 1024 * 1024;

/** Sends one request; network failures and timeouts become ToolErrors that name the endpoint. */
export async function send(req: WireRequest, endpoint: Endpoint, options: HttpOptions): Promise<WireResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const res = await request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.method === 'GET' ? undefined : req.body,
      dispatcher: options.dispatcher,
      signal,
    });
    const text = await readCapped(res.body, options.maxBodyBytes ?? MAX_BODY, res.statusCode);
    return { status: res.statusCode, headers: flattenHeaders(res.headers), text, json: parseJson(text), attempts: 1 };
  } catch (err) {
    const error = networkError(err, endpoint, options.timeoutMs);
    error.attempts = 1;
    throw error;
  }
}

async function readCapped(body: Dispatcher.ResponseData['body'], max: number, status: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.destroy();
      throw new ToolError({ code: 'ResponseTooLarge', category: 'upstream', httpStatus: status, message: `The provider answered HTTP ${status} with a body over ${max} bytes; it was not read.` });
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function networkError(err: unknown, endpoint: Endpoint, timeoutMs: number): ToolError {
  if (err instanceof ToolError) return err;
  const e = err as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? e.name ?? 'NetworkError';
  const where = `${new URL(endpoint.url).origin}${endpoint.source === 'default' ? '' : ` (set by ${endpoint.source})`}`;
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || /TIMEOUT/.test(code)) {
    return new ToolError({ code: 'Timeout', category: 'timeout', message: `No complete answer from ${where} within ${timeoutMs} ms.`, hint: 'The provider is slow or unreachable; the call is idempotent, so retrying is safe.' }, { cause: err });
  }
  return new ToolError(
    { code, category: 'network', message: `Could not reach ${where}: ${code}.`, hint: `Check that ${where} is reachable from this machine (proxy, DNS, firewall).` },
    { cause: err },
  );
}
