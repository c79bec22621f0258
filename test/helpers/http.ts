// HTTP test helpers: our HTTP server in-process against the fake upstream, SDK clients on both HTTP transports,
// and a raw request (node:http, so tests can set any Host header).
import { request } from 'node:http';
import { Client, SSEClientTransport, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { createClients } from '../../src/clients.js';
import { loadConfig } from '../../src/config.js';
import type { Simulator } from '../../src/simulator/server.js';
import type { ServerDeps } from '../../src/server.js';
import { allTools } from '../../src/tools/index.js';
import { startHttpServer, type HttpServerOptions } from '../../src/transports/http-server.js';
import { MODERN, envFor } from './harness.js';

export function startHttp(sim: Simulator, options: Partial<HttpServerOptions> = {}, extra: Partial<ServerDeps> = {}) {
  const config = loadConfig(envFor(sim), []);
  const deps = { tools: allTools, clients: createClients(config), ...extra };
  return startHttpServer(deps, {
    host: '127.0.0.1',
    port: 0,
    token: undefined,
    allowedOrigins: [],
    allowedHosts: [],
    health: { name: 'ml-stop-mcp', version: 'test', providers: { huaweicloud: true, qianfan: true } },
    ...options,
  });
}

export type Kind = 'streamable' | 'sse';

/** A connected SDK client over Streamable HTTP (/mcp) or legacy SSE (/sse). */
export async function httpClient(baseUrl: string, kind: Kind, headers: Record<string, string> = {}): Promise<Client> {
  const transport =
    kind === 'streamable'
      ? new StreamableHTTPClientTransport(new URL(`${baseUrl}/mcp`), { requestInit: { headers } })
      : new SSEClientTransport(new URL(`${baseUrl}/sse`), { requestInit: { headers } });
  const client = new Client({ name: `test-${kind}`, version: '1.0.0' });
  await client.connect(transport);
  return client;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export const MCP_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };

/** One request with exactly the given headers (Host included when set); `body` may be a string or chunks. */
export function raw(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer[],
): Promise<RawResponse> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (Array.isArray(body)) for (const chunk of body) req.write(chunk);
    else if (body !== undefined) req.write(body);
    req.end();
  });
}

export const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

/** A 2026-07-28 request as a client sends it over POST /mcp: the envelope in _meta, the standard headers. */
export function modernRequest(
  id: number,
  method: string,
  params: Record<string, unknown>,
  capabilities: Record<string, unknown> = {},
): { headers: Record<string, string>; body: string } {
  const meta = {
    ...(params._meta as object | undefined),
    'io.modelcontextprotocol/protocolVersion': MODERN,
    'io.modelcontextprotocol/clientInfo': { name: 'raw-modern', version: '1' },
    'io.modelcontextprotocol/clientCapabilities': capabilities,
  };
  const headers: Record<string, string> = {
    ...MCP_HEADERS,
    'mcp-method': method,
    'mcp-protocol-version': MODERN,
    ...(typeof params.name === 'string' ? { 'mcp-name': params.name } : {}),
  };
  return { headers, body: JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, _meta: meta } }) };
}

/** Every JSON-RPC message of an answer: the one JSON body, or each `data:` event of an SSE stream. */
export function messagesOf(res: RawResponse): any[] {
  if (!String(res.headers['content-type']).startsWith('text/event-stream'))
    return res.json === undefined ? [] : [res.json];
  return res.text
    .split('\n')
    .filter((line) => line.startsWith('data:') && line.slice(5).trim())
    .map((line) => JSON.parse(line.slice(5)));
}
