// Small node:http helpers: a bounded JSON body reader and the JSON-RPC-shaped refusals MCP clients expect.
import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A refusal in the JSON-RPC error shape the SDK itself uses for HTTP-level errors. */
export function refuse(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
  code = -32000,
): void {
  sendJson(res, status, { jsonrpc: '2.0', error: { code, message }, id: null }, headers);
}

/**
 * Reads and parses a JSON body of at most `maxBytes`. On a problem it answers (413 or 400) and resolves
 * undefined. An oversized body is refused as soon as it is known; the rest is read and dropped (up to a bound)
 * so the client sees the 413 rather than a reset connection.
 */
export function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
): Promise<{ value: unknown; text: string } | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const tooLarge = () => {
      refused = true;
      chunks.length = 0;
      refuse(res, 413, `Payload Too Large: request bodies are limited to ${maxBytes} bytes`, { Connection: 'close' });
      resolve(undefined);
    };
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) tooLarge();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > DRAIN_LIMIT * maxBytes) req.destroy();
      } else if (size > maxBytes) tooLarge();
      else chunks.push(chunk);
    });
    req.on('error', () => resolve(undefined));
    req.on('end', () => {
      if (refused) return;
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ value: JSON.parse(text), text });
      } catch {
        refuse(res, 400, 'Parse error: the request body is not JSON', {}, -32700);
        resolve(undefined);
      }
    });
  });
}

/** How many times the limit an oversized body may run on (dropped) before the connection is cut. */
const DRAIN_LIMIT = 16;
