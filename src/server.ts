// The server factory: the only module that touches the MCP SDK's server API. Every transport builds its servers here.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult, type ServerNotification, type ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { NAME, VERSION } from './version.js';
import { annotationsFor, type AnyToolDefinition, type ListToolDefinition, type ListToolResult } from './tools/define.js';
import { PREBUILT_TOOL_LIST } from './tools/prebuilt.js';
import { runListTool } from './tools/run-list.js';
import { resultShape, type ToolResult } from './tools/schemas.js';
import { runTool, type ElicitAnswer, type ElicitRequest, type Progress, type RunContext } from './tools/run.js';
import { inputSchemaOf } from './tools/validate.js';

export interface ServerDeps extends Omit<RunContext, 'signal' | 'progress' | 'elicit'> {
  tools: readonly AnyToolDefinition[];
}

/** How long the user has to answer a confirmation before the stop is dropped (the SDK default is 60 s). */
export const CONFIRM_TIMEOUT_MS = 5 * 60_000;

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * The SDK would answer a schema mismatch with a bare text error; our own validation answers with the
 * structured result (category invalid_input, the field named), so the SDK hands arguments through unchanged.
 */
class ToolServer extends McpServer {}
Object.defineProperty(ToolServer.prototype, 'validateToolInput', {
  value: async (_tool: unknown, args: unknown) => args ?? {},
});

export function createServer(deps: ServerDeps): McpServer {
  const server = new ToolServer({ name: NAME, version: VERSION }, { capabilities: { tools: { listChanged: false } } });
  for (const def of deps.tools) {
    if (def.kind === 'list') {
      registerListTool(server, def, deps);
      continue;
    }
    server.registerTool(
      def.name,
      {
        title: def.title,
        description: def.description,
        inputSchema: inputSchemaOf(def),
        outputSchema: resultShape,
        annotations: annotationsFor(def),
      },
      async (args: unknown, extra) => toCallResult(await runTool(def, args, { ...deps, ...perCall(server, extra) })),
    );
  }
  if (PREBUILT_TOOL_LIST) {
    const served = new Set(deps.tools.map((t) => t.name));
    const tools = PREBUILT_TOOL_LIST.filter((t) => served.has(t.name));
    server.server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [...tools] }));
  }
  return server;
}

/** The per-call parts of the run context, as plain callbacks so the tools never see the SDK. */
function perCall(server: McpServer, extra: Extra): Pick<RunContext, 'signal' | 'progress' | 'elicit'> {
  const token = extra._meta?.progressToken;
  const progress = (p: Progress) => extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token!, ...p } });
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

/** A list tool has its own output schema and runs its own fan-out. */
function registerListTool(server: McpServer, def: ListToolDefinition, deps: ServerDeps): void {
  server.registerTool(
    def.name,
    { title: def.title, description: def.description, inputSchema: inputSchemaOf(def), outputSchema: def.output, annotations: annotationsFor(def) },
    async (args: unknown, extra) => {
      const result: ListToolResult = await runListTool(def, args, { ...deps, signal: extra.signal });
      return { content: [{ type: 'text', text: JSON.stringify(result) }], structuredContent: result, isError: !result.ok };
    },
  );
}
