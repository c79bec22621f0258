// The server factory: the only module that touches the MCP SDK's server API. Every transport builds its servers here.
// It uses the SDK's public API only: tools are registered with a pass-through input schema, so every argument
// reaches our own validation (src/tools/validate.ts, which answers with a structured invalid_input result naming the
// field), and tools/list is answered from our own rendering of the strict schemas (src/tools/render.ts).
//
// One factory serves both protocol eras. A confirmation (--confirm) is asked the 2026-07-28 way: the tool returns
// input_required with the question and a sealed, expiring state, and the client calls again with the answer. On a
// 2025-era session (stdio, legacy SSE) the SDK's shim asks the same question with elicitation/create; a 2025-era
// request over stateless HTTP has no way to be asked, and fails closed.
//
// The running-tasks page (MCP Apps, src/app/) is offered where it can help: list_running_tasks names it and the page's
// app-only stop tool is listed for a client that declares the io.modelcontextprotocol/ui extension, and for one whose
// capabilities this server cannot know (a 2025-era request over stateless HTTP); list_running_tasks' result is the same
// full text for every client.
import type { ToolError } from './core/errors.js';
import { redactDeep } from './core/redact.js';
import {
  CLIENT_CAPABILITIES_META_KEY,
  McpServer,
  createRequestStateCodec,
  inputRequired,
  inputResponse,
  type CallToolResult,
  type ClientCapabilities,
  type InputRequiredResult,
  type ProtocolEra,
  type ServerContext,
  type jsonSchemaValidator,
} from '@modelcontextprotocol/server';
import {
  RESOURCE_MIME_TYPE,
  RESOURCE_URI_META_KEY,
  getUiCapability,
  registerAppResource,
  registerAppTool,
} from '@modelcontextprotocol/ext-apps/server';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';
import * as z from 'zod/v4';
import { APP_RESOURCE, APP_URI, pageData, renderPage, type PageData } from './app/page.js';
import { CONFIRM_WINDOW_SECONDS } from './tools/confirm.js';
import type { AnswerRound, Asking, ConfirmState, Progress, Question, RunContext } from './tools/context.js';
import { annotationsFor, type AnyToolDefinition, type ListToolResult } from './tools/define.js';
import { PREBUILT_TOOL_LIST } from './tools/prebuilt.js';
import { renderExtraTool, renderToolList, type RenderedTool } from './tools/render.js';
import { runListTool } from './tools/run-list.js';
import { isQuestion, runTool } from './tools/run.js';
import { resultShape, type ToolResult } from './tools/schemas.js';
import { notForThisClient, runStopFromApp, stopTaskFromApp } from './tools/stop-task-from-app.js';
import { NAME, VERSION } from './version.js';

export interface ServerDeps extends Omit<RunContext, 'signal' | 'progress' | 'asking' | 'round'> {
  tools: readonly AnyToolDefinition[];
  /** Counts tool calls in flight, so a shutdown can let them finish (src/transports/in-flight.ts). */
  calls?: { begin(): () => void };
  /** The running-tasks page (MCP Apps); on unless false (--no-app, ML_STOP_APP=false). */
  app?: boolean;
}

/** How the connection a server instance serves was opened: which era, and whether it can carry a question. */
export interface Connection {
  era: ProtocolEra;
  /** A 2025-era request over stateless HTTP: no session, so no server-to-client question can reach the client. */
  stateless?: boolean;
}

/**
 * What seals confirmation state, with a random key of this process (the rounds of one call reach the same process).
 * Made on first use (a confirmation asked or answered), so that Web Crypto, which it signs with, loads then and not
 * at every start.
 */
let codec: ReturnType<typeof createRequestStateCodec<ConfirmState>> | undefined;
const stateCodec = () =>
  (codec ??= createRequestStateCodec<ConfirmState>({
    key: globalThis.crypto.getRandomValues(new Uint8Array(32)),
    ttlSeconds: CONFIRM_WINDOW_SECONDS,
  }));

/** What the SDK checks arguments against: anything; our own validation runs first thing in every call. */
const PASS_THROUGH = z.unknown();
const OUTPUT = z.object(resultShape);
const listOutputs = new WeakMap<z.ZodRawShape, z.ZodObject>();

/**
 * JSON Schema validation, which the SDK uses only to check a 2025-era client's answer to an elicitation (the
 * confirmation question). Its default builds an Ajv instance with every server, about 13 ms at start and a fifth of
 * an HTTP request's CPU; this one builds a single instance, the first time an answer is checked.
 */
let ajv: AjvJsonSchemaValidator | undefined;
const LAZY_VALIDATOR: jsonSchemaValidator = {
  getValidator: (schema) => (ajv ??= new AjvJsonSchemaValidator()).getValidator(schema),
};

/** The key of the confirmation question in an input_required result. */
const CONFIRM = 'confirm';

export function createServer(deps: ServerDeps, connection: Connection = { era: 'legacy' }): McpServer {
  const server = new McpServer(
    { name: NAME, version: VERSION },
    {
      capabilities: { tools: { listChanged: false } },
      jsonSchemaValidator: LAZY_VALIDATOR,
      // The shim asks 2025-era sessions with elicitation/create; the user gets as long as a question stays answerable.
      inputRequired: { roundTimeoutMs: CONFIRM_WINDOW_SECONDS * 1000 },
      // Echoed state is checked before the handler runs: altered or expired state is a -32602 protocol error, as
      // the 2026-07-28 spec asks; the handler then only sees state this process sealed in the last few minutes.
      requestState: { verify: (state, ctx) => stateCodec().verify(state, ctx) },
    },
  );
  for (const def of deps.tools) {
    const config = {
      title: def.title,
      description: def.description,
      inputSchema: PASS_THROUGH,
      outputSchema: def.kind === 'list' ? listOutput(def.output) : OUTPUT,
      annotations: annotationsFor(def),
    };
    server.registerTool(def.name, config, async (args: unknown, ctx: ServerContext) => {
      const done = deps.calls?.begin();
      try {
        return await call(args, ctx);
      } finally {
        done?.();
      }
    });
    const call = async (args: unknown, ctx: ServerContext): Promise<CallToolResult | InputRequiredResult> => {
      if (def.kind === 'list') {
        const result: ListToolResult = redactDeep(await runListTool(def, args, { ...deps, signal: ctx.mcpReq.signal }));
        return {
          content: [{ type: 'text' as const, text: JSON.stringify(result) }],
          structuredContent: result as unknown as Record<string, unknown>,
          isError: !result.ok,
        };
      }
      const outcome = await runTool(def, args, { ...deps, ...(await perCall(server, ctx, connection)) });
      return isQuestion(outcome) ? toInputRequired(outcome) : toCallResult(outcome);
    };
  }
  // tools/list exactly as rendered from the strict schemas: built into the bundle, or rendered once here.
  const served = new Set(deps.tools.map((t) => t.name));
  const tools = PREBUILT_TOOL_LIST ? PREBUILT_TOOL_LIST.filter((t) => served.has(t.name)) : renderToolList(deps.tools);
  const page = deps.app === false ? undefined : pageData(deps.tools, stopTaskFromApp.name);
  if (page) registerPage(server, deps, connection, page);
  server.server.setRequestHandler(
    'tools/list',
    (_req, ctx) =>
      ({ tools: page && showsApps(server, ctx, connection) !== false ? withPage(tools, page) : [...tools] }) as never,
  );
  return server;
}

/** The page's resource and, when a stop tool is served, its app-only stop tool. */
function registerPage(server: McpServer, deps: ServerDeps, connection: Connection, page: PageData): void {
  const meta = { ui: { prefersBorder: true } };
  const resource = { ...APP_RESOURCE, mimeType: RESOURCE_MIME_TYPE, _meta: meta };
  registerAppResource(server, APP_RESOURCE.name, APP_URI, resource, async () => ({
    contents: [{ uri: APP_URI, mimeType: RESOURCE_MIME_TYPE, text: renderPage(page), _meta: meta }],
  }));
  // Listed only where the page may be shown, as tools/list is.
  server.server.setRequestHandler('resources/list', (_req, ctx) => ({
    resources: showsApps(server, ctx, connection) === false ? [] : [{ uri: APP_URI, ...resource }],
  }));
  if (!page.app) return;
  const stops = deps.tools.flatMap((t) => (t.kind === 'stop' ? [t] : []));
  const config = {
    title: stopTaskFromApp.title,
    description: stopTaskFromApp.description,
    inputSchema: PASS_THROUGH,
    outputSchema: OUTPUT,
    annotations: stopTaskFromApp.annotations,
    _meta: { ui: { resourceUri: APP_URI, visibility: ['app' as const] } },
  };
  registerAppTool(server, stopTaskFromApp.name, config, async (args: unknown, ctx: ServerContext) => {
    const done = deps.calls?.begin();
    try {
      if (showsApps(server, ctx, connection) === false) return refused(notForThisClient());
      const outcome = await runStopFromApp(args, stops, { ...deps, ...(await perCall(server, ctx, connection)) });
      if ('refused' in outcome) return refused(outcome.refused);
      return isQuestion(outcome) ? toInputRequired(outcome) : toCallResult(outcome);
    } finally {
      done?.();
    }
  });
}

/**
 * Whether this request's client shows MCP Apps: true or false where its capabilities are known (a 2026-07-28
 * request's envelope, a 2025-era session's initialize), undefined where they are not (2025-era stateless HTTP).
 */
function showsApps(server: McpServer, ctx: ServerContext, connection: Connection): boolean | undefined {
  const capabilities = clientCapabilities(server, ctx, connection);
  if (!capabilities) return undefined;
  const ui = getUiCapability(capabilities) as { mimeTypes?: unknown } | undefined;
  return ui !== undefined && (!Array.isArray(ui.mimeTypes) || ui.mimeTypes.includes(RESOURCE_MIME_TYPE));
}

let appToolEntry: RenderedTool | undefined;

/** tools/list for a client that may show the page: list_running_tasks names it, and the page's tool is listed. */
function withPage(tools: readonly RenderedTool[], page: PageData): Array<RenderedTool & { _meta?: object }> {
  const linked = { _meta: { ui: { resourceUri: APP_URI }, [RESOURCE_URI_META_KEY]: APP_URI } };
  const listed = tools.map((t) => (t.name === page.list ? { ...t, ...linked } : t));
  if (!page.app) return listed;
  appToolEntry ??= renderExtraTool(stopTaskFromApp);
  const appMeta = { ui: { resourceUri: APP_URI, visibility: ['app'] }, [RESOURCE_URI_META_KEY]: APP_URI };
  return [...listed, { ...appToolEntry, _meta: appMeta }];
}

/** A refusal before any stop tool was named rightly: an error result with no structured content (no provider to name). */
function refused(error: ToolError): CallToolResult {
  return {
    content: [{ type: 'text', text: JSON.stringify({ ok: false, outcome: 'failed', error: error.toJSON() }) }],
    isError: true,
  };
}

function listOutput(shape: z.ZodRawShape): z.ZodObject {
  let schema = listOutputs.get(shape);
  if (!schema) listOutputs.set(shape, (schema = z.object(shape)));
  return schema;
}

/** The per-call parts of the run context, as plain data and callbacks so the tools never see the SDK. */
async function perCall(
  server: McpServer,
  ctx: ServerContext,
  connection: Connection,
): Promise<Pick<RunContext, 'signal' | 'progress' | 'asking' | 'round'>> {
  const token = ctx.mcpReq._meta?.progressToken;
  const progress = (p: Progress) =>
    ctx.mcpReq.notify({ method: 'notifications/progress', params: { progressToken: token!, ...p } });
  const round = await answerRound(ctx);
  return {
    signal: ctx.mcpReq.signal,
    ...(token !== undefined ? { progress } : {}),
    asking: asking(server, ctx, connection),
    ...(round ? { round } : {}),
  };
}

/**
 * The capabilities of this request's client: a 2026-07-28 request carries them in its envelope (and only there: an
 * instance serves many such requests, from different clients, so what an earlier one said is never read); a 2025-era
 * session declared them in its initialize; a 2025-era request over stateless HTTP has none to give (undefined).
 */
function clientCapabilities(
  server: McpServer,
  ctx: ServerContext,
  connection: Connection,
): ClientCapabilities | undefined {
  if (connection.era === 'modern') {
    const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
    return envelope?.[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined;
  }
  return connection.stateless ? undefined : server.server.getClientCapabilities();
}

/** Whether this request's client can be asked a form question, and if not, why. */
function asking(server: McpServer, ctx: ServerContext, connection: Connection): Asking {
  if (connection.era === 'legacy' && connection.stateless) {
    return {
      can: false,
      why: 'this 2025-era request came over stateless HTTP (POST /mcp), which cannot carry a question to the user; connect over stdio, legacy SSE (GET /sse), or with a client speaking protocol 2026-07-28',
    };
  }
  const capabilities = clientCapabilities(server, ctx, connection);
  const elicitation = capabilities?.elicitation as { form?: object; url?: object } | undefined;
  // An empty elicitation capability means form mode (the spec keeps that for older clients); url alone does not.
  const form = elicitation !== undefined && (elicitation.form !== undefined || elicitation.url === undefined);
  if (!form)
    return {
      can: false,
      why: 'this MCP client did not declare the elicitation capability (form mode), so it cannot ask',
    };
  return { can: true, seal: (state) => stateCodec().mint(state) };
}

/** The answer to the question an earlier round asked, with the state it came back with (already verified). */
async function answerRound(ctx: ServerContext): Promise<AnswerRound | undefined> {
  const view = inputResponse(ctx.mcpReq.inputResponses, CONFIRM);
  if (view.kind !== 'elicit') return undefined;
  const answer = { action: view.action, ...(view.content ? { content: view.content } : {}) };
  const state = ctx.mcpReq.requestState<ConfirmState>();
  return { answer, state: state === undefined ? { ok: false, reason: 'missing' } : { ok: true, value: state } };
}

function toInputRequired(question: Question): InputRequiredResult {
  return inputRequired({
    inputRequests: { [CONFIRM]: inputRequired.elicit(question.question) },
    requestState: question.state,
  });
}

export function toCallResult(raw: ToolResult): CallToolResult {
  // Upstreams and proxies may echo request headers back: no configured secret reaches the client.
  const result = redactDeep(raw);
  return {
    content: [{ type: 'text', text: JSON.stringify(result) }],
    structuredContent: result as unknown as Record<string, unknown>,
    isError: !result.ok,
  };
}
