// The embedded simulator of both clouds: a real HTTP server on 127.0.0.1 that checks signatures like the
// gateways do, keeps task state, and answers with the providers' documented shapes. Tests drive it too.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inventory, type SimTask } from './inventory.js';
import { huaweiAuthFailure, huaweiRoute } from './huaweicloud.js';
import { qianfanAuthFailure, qianfanRoute } from './qianfan.js';
import type { Fault, Reply, SimRequest } from './types.js';
import { verifyBce, verifyHuawei, type Verdict } from './verify.js';

export interface RecordedRequest extends SimRequest {
  provider: 'huaweicloud' | 'qianfan' | 'unknown';
  verdict: Verdict;
  /** What the simulator answered (absent for an injected fault). */
  reply?: Reply;
}

type Injected = Reply | Fault | undefined;
/** May answer later (a promise), to hold a request in flight. */
export type Interceptor = (req: RecordedRequest) => Injected | Promise<Injected>;

export interface SimulatorOptions {
  port?: number;
  huaweiKeys: Record<string, string>;
  qianfanKeys: Record<string, string>;
  projects?: Record<string, string[]>;
  defaultProject?: string;
  stoppingMs?: number;
  autoCreate?: boolean;
  now?: () => number;
  /** Never keep the process alive (the embedded simulator lives exactly as long as the server using it). */
  unref?: boolean;
  /** Keep every request in `requests` (tests read them). Off for the embedded simulator, which may run for days. */
  record?: boolean;
}

export interface Simulator {
  url: string;
  inventory: Inventory;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Replaces the answer for matching requests (after the signature check is recorded). */
  intercept(fn: Interceptor | undefined): void;
  close(): Promise<void>;
}

export const SIM_PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const inventory = new Inventory({ stoppingMs: options.stoppingMs ?? 1500, autoCreate: options.autoCreate ?? true, now });
  const requests: RecordedRequest[] = [];
  const huaweiOptions = { projects: options.projects ?? {}, defaultProject: options.defaultProject ?? SIM_PROJECT };
  let interceptor: Interceptor | undefined;

  const server = createServer(async (req, res) => {
    const recorded = await record(req, options, new Date(now()));
    if (options.record !== false) requests.push(recorded);
    const injected = await interceptor?.(recorded);
    if (injected && 'fault' in injected) {
      if (injected.fault === 'reset') req.socket.destroy();
      if (injected.fault === 'stall') {
        res.writeHead(injected.status ?? 200, { 'Content-Type': 'application/json', 'Content-Length': '1024' });
        res.write('{"requestId":"');
      }
      return; // 'hang' (and 'stall' after its first bytes): never finish the answer
    }
    recorded.reply = injected ?? route(recorded, inventory, huaweiOptions);
    reply(res, recorded.reply);
  });
  server.keepAliveTimeout = 5_000;
  if (options.unref) server.unref().on('connection', (socket) => socket.unref());
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    inventory,
    requests,
    intercept: (fn) => void (interceptor = fn),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function route(req: RecordedRequest, inventory: Inventory, huaweiOptions: Parameters<typeof huaweiRoute>[2]): Reply {
  if (req.provider === 'unknown') return { status: 401, body: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: x-auth-token not found' } };
  if (!req.verdict.ok) return req.provider === 'huaweicloud' ? huaweiAuthFailure(req.verdict.reason) : qianfanAuthFailure(req.verdict.reason);
  return req.provider === 'huaweicloud' ? huaweiRoute(req, inventory, huaweiOptions) : qianfanRoute(req, inventory);
}

async function record(req: IncomingMessage, options: SimulatorOptions, now: Date): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const url = req.url ?? '/';
  const [path, search = ''] = url.split('?', 2) as [string, string?];
  const received = { method: req.method ?? 'GET', url, headers: req.headers, body };
  const auth = String(req.headers.authorization ?? '');
  const provider = auth.startsWith('SDK-HMAC-SHA256') ? 'huaweicloud' : auth.startsWith('bce-auth-v1/') ? 'qianfan' : 'unknown';
  const verdict: Verdict =
    provider === 'huaweicloud' ? verifyHuawei(received, options.huaweiKeys, now) : provider === 'qianfan' ? verifyBce(received, options.qianfanKeys, now) : { ok: false, reason: 'unsigned' };
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
  return { method: received.method, path, url, query: new URLSearchParams(search), headers, body, json, provider, verdict };
}

function reply(res: ServerResponse, r: Reply): void {
  const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  const type = typeof r.body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(r.status, { ...(body ? { 'Content-Type': type } : {}), ...r.headers });
  res.end(body);
}

export type { SimTask };
