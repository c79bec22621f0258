// Test harness: the simulator as the fake upstream, and a real MCP client connected to our server.
import {
  Client,
  InMemoryTransport,
  StreamableHTTPClientTransport,
  type ElicitRequest,
  type ElicitResult,
  type RequestOptions,
} from '@modelcontextprotocol/client';
import { createMcpHandler } from '@modelcontextprotocol/server';
import type { AuditSink } from '../../src/audit.js';
import { loadConfig } from '../../src/config.js';
import { createClients } from '../../src/clients.js';
import type { RetryTuning } from '../../src/providers/retry.js';
import { createServer, type ServerDeps } from '../../src/server.js';
import { selectTools, servedBy } from '../../src/tool-filter.js';
import { allTools } from '../../src/tools/index.js';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator/server.js';

export const HW = { ak: 'TESTHUAWEIACCESSKEY1', sk: 'test-huawei-secret-key-0123456789abcdef' };
export const QF = { ak: 'test-qianfan-access-key-0001', sk: 'test-qianfan-secret-key-0123456789abcdef' };
export const PROJECT = 'a4a5d4098fb4474fa22cd05f897d6b99';

export function startFake(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({
    keys: { huaweicloud: { [HW.ak]: HW.sk }, qianfan: { [QF.ak]: QF.sk } },
    stoppingMs: 50,
    ...options,
  });
}

/** Environment that points both providers at the fake upstream. */
export function envFor(
  sim: Simulator,
  extra: Record<string, string | undefined> = {},
): Record<string, string | undefined> {
  return {
    HUAWEICLOUD_SDK_AK: HW.ak,
    HUAWEICLOUD_SDK_SK: HW.sk,
    HUAWEICLOUD_SDK_REGION: 'cn-north-4',
    HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4: sim.url,
    HUAWEICLOUD_SDK_IAM_ENDPOINT: sim.url,
    QIANFAN_ACCESS_KEY: QF.ak,
    QIANFAN_SECRET_KEY: QF.sk,
    QIANFAN_CONSOLE_API_BASE_URL: sim.url,
    ...extra,
  };
}

export interface Called {
  isError: boolean;
  result: Record<string, any>;
  text: string;
}

/** The protocol eras a client can speak: 2026-07-28 ('modern') or 2025-11-25 and before ('legacy'). */
export type Era = 'modern' | 'legacy';

/** The era tests speak unless they ask for one: ML_STOP_TEST_ERA, else the current spec. */
export const DEFAULT_ERA: Era = process.env.ML_STOP_TEST_ERA === 'legacy' ? 'legacy' : 'modern';
export const ERAS: readonly Era[] = ['modern', 'legacy'];

/** The current protocol revision, which a modern client pins. */
export const MODERN = '2026-07-28';

export interface ConnectOptions {
  /**
   * modern: a client pinned to 2026-07-28, through the stateless HTTP handler in process (every request its own
   * server instance, as over POST /mcp). legacy: a 2025-era client on an in-memory session (as over stdio).
   */
  era?: Era;
  /** Server dependencies to override (e.g. a faster poll schedule). */
  deps?: Partial<ServerDeps>;
  /** Declares form elicitation and answers every elicitation request with this. */
  elicit?: (request: ElicitRequest['params']) => ElicitResult | Promise<ElicitResult>;
  /** Retry timing; default FAST_RETRY. Pass {} for the real defaults. */
  retry?: Partial<RetryTuning>;
  /** Declares the MCP Apps extension (io.modelcontextprotocol/ui), as a host that shows the running-tasks page does. */
  ui?: boolean;
}

/** The client capability of a host that shows MCP Apps. */
export const UI_CAPABILITY = {
  extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } },
};

/** Tests wait in tens of milliseconds, not seconds. */
export const FAST_POLL = { firstMs: 30, maxMs: 120, lastReadMs: 100 };

/** Backoff short enough for tests; Retry-After is still honoured for real. */
export const FAST_RETRY: Partial<RetryTuning> = { baseDelayMs: 4 };

export async function connect(
  env: Record<string, string | undefined>,
  argv: string[] = [],
  audit?: AuditSink,
  options: ConnectOptions = {},
) {
  const config = loadConfig(env, argv);
  const tools = selectTools(allTools, config.toolFilter);
  const deps: ServerDeps = {
    tools,
    served: servedBy(config.toolFilter, tools),
    clients: createClients(config, undefined, options.retry ?? FAST_RETRY),
    confirm: config.confirm,
    app: config.app,
    poll: FAST_POLL,
    ...(audit ? { audit } : {}),
    ...options.deps,
  };
  const era = options.era ?? DEFAULT_ERA;
  const client = new Client(
    { name: 'test', version: '1.0.0' },
    {
      capabilities: {
        ...(options.elicit ? { elicitation: { form: {} } } : {}),
        ...(options.ui ? UI_CAPABILITY : {}),
      },
      ...(era === 'modern' ? { versionNegotiation: { mode: { pin: MODERN } } } : {}),
    },
  );
  if (options.elicit) client.setRequestHandler('elicitation/create', (req) => options.elicit!(req.params as never));
  let closeServer: () => Promise<unknown>;
  if (era === 'modern') {
    const handler = createMcpHandler(({ era: served }) =>
      createServer(deps, { era: served, stateless: served === 'legacy' }),
    );
    await client.connect(
      new StreamableHTTPClientTransport(new URL('http://mcp.test/mcp'), {
        fetch: (url, init) => handler.fetch(new Request(url, init)),
      }),
    );
    closeServer = () => handler.close();
  } else {
    const server = createServer(deps, { era: 'legacy' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(serverSide as never), client.connect(clientSide)]);
    closeServer = () => server.close();
  }
  // Listing first makes the SDK client check every structuredContent, error results included, against the
  // published output schema, as real clients do.
  await client.listTools();
  return {
    client,
    async call(name: string, args: Record<string, unknown>, requestOptions?: RequestOptions): Promise<Called> {
      const res = await client.callTool({ name, arguments: args }, requestOptions);
      const text = (res.content as Array<{ type: string; text: string }>)[0]!.text;
      return { isError: res.isError === true, result: res.structuredContent as Record<string, any>, text };
    },
    era,
    close: async () => {
      await client.close();
      await closeServer();
    },
  };
}
