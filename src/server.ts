// The server factory: the only module that touches the MCP SDK's server API. Every transport builds its servers here.
// It uses the SDK's public API only: tools are registered with a pass-through input schema, so every argument
// reaches our own validation (src/tools/validate.ts, which answers with a structured invalid_input result naming the
// field), and tools/list is answered from our own rendering of the strict schemas (src/tools/render.ts).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/v4';
import type { ElicitAnswer, ElicitRequest, Progress, RunContext } from './tools/context.js';
import { annotationsFor, type AnyToolDefinition, type ListToolResult } from './tools/define.js';
import { PREBUILT_TOOL_LIST } from './tools/prebuilt.js';
import { renderToolList } from './tools/render.js';
import { runListTool } from './tools/run-list.js';
import { runTool } from './tools/run.js';
import { resultShape, type ToolResult } from './tools/schemas.js';
import { NAME, VERSION } from './version.js';

export interface ServerDeps extends Omit<RunContext, 'signal' | 'progress' | 'elicit'> {
  tools: readonly AnyToolDefinition[];
}

/** How long the user has to answer a confirmation before the stop is dropped (the SDK default is 60 s). */
export const CONFIRM_TIMEOUT_MS = 5 * 60_000;

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** What the SDK checks arguments against: anything; our own validation runs first thing in every call. */
const PASS_THROUGH = z.unknown();

export function createServer(deps: ServerDeps): McpServer {
  const server = new McpServer({ name: NAME, version: VERSION }, { capabilities: { tools: { listChanged: false } } });
  for (const def of deps.tools) {
    const config = {
      title: def.title,
      description: def.description,
      inputSchema: PASS_THROUGH,
      outputSchema: def.kind === 'list' ? def.output : resultShape,
      annotations: annotationsFor(def),
    };
    server.registerTool(def.name, config, async (args: unknown, extra: Extra) => {
      if (def.kind === 'list') {
        const result: ListToolResult = await runListTool(def, args, { ...deps, signal: extra.signal });
        return {
          content: [{ type: 'text', text: JSON.stringify(result) }],
          structuredContent: result,
          isError: !result.ok,
        };
      }
      return toCallResult(await runTool(def, args, { ...deps, ...perCall(server, extra) }));
    });
  }
  // tools/list exactly as rendered from the strict schemas: built into the bundle, or rendered once here.
  const served = new Set(deps.tools.map((t) => t.name));
  const tools = PREBUILT_TOOL_LIST ? PREBUILT_TOOL_LIST.filter((t) => served.has(t.name)) : renderToolList(deps.tools);
  server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...tools] }));
  return server;
}

/** The per-call parts of the run context, as plain callbacks so the tools never see the SDK. */
function perCall(server: McpServer, extra: Extra): Pick<RunContext, 'signal' | 'progress' | 'elicit'> {
  const token = extra._meta?.progressToken;
  const progress = (p: Progress) =>
    extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token!, ...p } });
  const elicit = async (request: ElicitRequest): Promise<ElicitAnswer> => {
    try {
      const answer = await server.server.elicitInput(
        { mode: 'form', ...request },
        { relatedRequestId: extra.requestId, signal: extra.signal, timeout: CONFIRM_TIMEOUT_MS },
      );
      return { action: answer.action, ...(answer.content ? { content: answer.content } : {}) };
    } catch (err) {
      if (err instanceof McpError && err.code === ErrorCode.RequestTimeout) return { action: 'timeout' };
      throw err;
    }
  };
  return {
    signal: extra.signal,
    ...(token !== undefined ? { progress } : {}),
    ...(server.server.getClientCapabilities()?.elicitation?.form ? { elicit } : {}),
  };
}

export function toCallResult(result: ToolResult): CallToolResult {
  return {
    content: [{ type: 'text', text: JSON.stringify(result) }],
    structuredContent: result as unknown as Record<string, unknown>,
    isError: !result.ok,
  };
}
