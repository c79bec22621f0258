// HTTP test helpers: our HTTP server in-process against the fake upstream, SDK clients on both HTTP transports,
// and a raw request (node:http, so tests can set any Host header).
import { request } from 'node:http';
import { Client, SSEClientTransport, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { createClients } from '../../src/clients.js';
import { loadConfig } from '../../src/config.js';
import type { Simulator } from '../../src/simulator/server.js';
import { allTools } from '../../src/tools/index.js';
import { startHttpServer, type HttpServerOptions } from '../../src/transports/http-server.js';
import { envFor } from './harness.js';

export function startHttp(sim: Simulator, options: Partial<HttpServerOptions> = {}) {
  const config = loadConfig(envFor(sim), []);
  const deps = { tools: allTools, clients: createClients(config) };
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
