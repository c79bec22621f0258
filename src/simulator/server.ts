// The embedded simulator of both clouds: a real HTTP server on 127.0.0.1 that checks signatures like the
// gateways do, keeps task state, and answers with the providers' documented shapes. Tests drive it too.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAMILY_IDS, PROVIDER_IDS, type ProviderId } from '../core/ids.js';
import { SIM_FAMILIES } from './families/index.js';
import { Inventory, type SimTask } from './inventory.js';
import type { SimContext } from './providers/define.js';
import { SIM_PROJECT } from './providers/huaweicloud.js';
import { SIM_PROVIDERS } from './providers/index.js';
import type { Fault, Handled, Reply, SimRequest } from './types.js';
import type { Verdict } from './verify.js';

export interface RecordedRequest extends SimRequest {
  provider: ProviderId | 'unknown';
  verdict: Verdict;
  /** What the simulator answered (absent for an injected fault). */
  reply?: Reply;
  /** The family that answered, and as what (a stop, a status read, a list call); absent when none did. */
  handled?: Handled;
}

type Injected = Reply | Fault | undefined;
/** May answer later (a promise), to hold a request in flight. */
export type Interceptor = (req: RecordedRequest) => Injected | Promise<Injected>;

export interface SimulatorOptions {
  port?: number;
  /** Access key to secret key, per provider: only these sign valid requests. */
  keys: Record<ProviderId, Record<string, string>>;
  /** Projects per region for an IAM project lookup; a region not listed gets `defaultProject`. */
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

export { SIM_PROJECT };

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const raw = (family: (typeof FAMILY_IDS)[number], state: SimTask['state']) => SIM_FAMILIES[family].raw[state];
  const inventory = new Inventory({
    raw,
    stoppingMs: options.stoppingMs ?? 1500,
    autoCreate: options.autoCreate ?? true,
    now,
  });
  const requests: RecordedRequest[] = [];
  const ctx: SimContext = {
    inventory,
    projects: options.projects ?? {},
    defaultProject: options.defaultProject ?? SIM_PROJECT,
  };
  let interceptor: Interceptor | undefined;

  const server = createServer(async (req, res) => {
    const recorded = await record(req, options, new Date(now()));
    recorded.handled = matchFamily(recorded);
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
    if (injected) recorded.reply = injected;
    else route(recorded, ctx);
    reply(res, recorded.reply!);
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

/** Sets req.reply: the signature check first, then the provider's own routes, then the family the request belongs to. */
function route(req: RecordedRequest, ctx: SimContext): void {
  if (req.provider === 'unknown') {
    req.reply = {
      status: 401,
      body: { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: x-auth-token not found' },
    };
    return;
  }
  const provider = SIM_PROVIDERS[req.provider];
  if (!req.verdict.ok) {
    req.reply = provider.authFailure(req.verdict.reason);
    return;
  }
  const own = provider.route(req, ctx);
  if (own) {
    req.reply = own;
    return;
  }
  const routed = req.handled && SIM_FAMILIES[req.handled.family].route(req, ctx);
  req.reply = routed ? routed.reply : provider.notFound(req);
}

/** The family call a request is, judged by its method, path and action alone (before any answer, so interceptors see it). */
function matchFamily(req: RecordedRequest): Handled | undefined {
  for (const family of FAMILY_IDS) {
    if (req.provider !== 'unknown' && SIM_FAMILIES[family].provider !== req.provider) continue;
    const kind = SIM_FAMILIES[family].match(req);
    if (kind) return { family, kind };
  }
  return undefined;
}

async function record(req: IncomingMessage, options: SimulatorOptions, now: Date): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const url = req.url ?? '/';
  const [path, search = ''] = url.split('?', 2) as [string, string?];
  const received = { method: req.method ?? 'GET', url, headers: req.headers, body };
  const auth = String(req.headers.authorization ?? '');
  const provider = PROVIDER_IDS.find((p) => auth.startsWith(SIM_PROVIDERS[p].authPrefix)) ?? 'unknown';
  const verdict: Verdict =
    provider === 'unknown'
      ? { ok: false, reason: 'unsigned' }
      : SIM_PROVIDERS[provider].verify(received, options.keys[provider], now);
  let json: unknown;
  try {
    json = body ? JSON.parse(body) : undefined;
  } catch {
    json = undefined;
  }
  const headers = Object.fromEntries(
    Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
  );
  return {
    method: received.method,
    path,
    url,
    query: new URLSearchParams(search),
    headers,
    body,
    json,
    provider,
    verdict,
  };
}

function reply(res: ServerResponse, r: Reply): void {
  const body = r.body === undefined ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
  const type = typeof r.body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(r.status, { ...(body ? { 'Content-Type': type } : {}), ...r.headers });
  res.end(body);
}

export type { SimTask };
