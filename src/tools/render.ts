// tools/list as this server answers it, rendered from the tool definitions: the strict input schema (the one our
// own validation applies, src/tools/validate.ts) and the output schema, as JSON Schema draft 7, the way MCP SDK
// clients expect it. The server factory serves this list itself, so the SDK only ever sees pass-through schemas.
import * as z from 'zod/v4';
import { annotationsFor, type AnyToolDefinition } from './define.js';
import { resultShape } from './schemas.js';
import { inputSchemaOf } from './validate.js';

/** One tools/list entry, as the MCP spec defines a Tool. */
export interface RenderedTool {
  name: string;
  title: string;
  description: string;
  inputSchema: Record<string, unknown>;
  annotations: ReturnType<typeof annotationsFor>;
  execution: { taskSupport: 'forbidden' };
  outputSchema: Record<string, unknown>;
}

const outputSchemas = new WeakMap<z.ZodRawShape, Record<string, unknown>>();

function outputSchemaOf(shape: z.ZodRawShape): Record<string, unknown> {
  let schema = outputSchemas.get(shape);
  if (!schema) {
    schema = z.toJSONSchema(z.object(shape), { target: 'draft-7', io: 'output' }) as Record<string, unknown>;
    outputSchemas.set(shape, schema);
  }
  return schema;
}

export function renderTool(def: AnyToolDefinition): RenderedTool {
  return rendered(def, annotationsFor(def), def.kind === 'list' ? def.output : resultShape);
}

export function renderToolList(tools: readonly AnyToolDefinition[]): RenderedTool[] {
  return tools.map(renderTool);
}

/** A tool outside the registry that returns the stop tools' result (the running-tasks page's stop_task_from_app). */
export interface ExtraToolDefinition {
  name: string;
  title: string;
  description: string;
  input: z.ZodRawShape;
  annotations: RenderedTool['annotations'];
}

export function renderExtraTool(def: ExtraToolDefinition): RenderedTool {
  return rendered(def, def.annotations, resultShape);
}

/** The tools/list entry of a tool: its strict input schema and its output schema, as JSON Schema (draft-7). */
function rendered(
  def: Pick<AnyToolDefinition, 'name' | 'title' | 'description' | 'input'>,
  annotations: RenderedTool['annotations'],
  output: z.ZodRawShape,
): RenderedTool {
  return {
    name: def.name,
    title: def.title,
    description: def.description,
    inputSchema: z.toJSONSchema(inputSchemaOf(def), { target: 'draft-7', io: 'input' }) as Record<string, unknown>,
    annotations,
    // The tools never run as MCP tasks (the SDK advertised this for every tool it registered).
    execution: { taskSupport: 'forbidden' },
    outputSchema: outputSchemaOf(output),
  };
}
