// tools/list exactly as the SDK renders it, computed once at build time (scripts/build.mjs): converting every zod
// schema to JSON Schema is most of a cold start's own work, and its answer never changes between runs.
// Unbundled (tests, tsc), the constant is absent and the SDK renders the list itself.
import type { RenderedTool } from './render.js';

declare const __ML_STOP_TOOL_LIST__: RenderedTool[] | undefined;

export const PREBUILT_TOOL_LIST: readonly RenderedTool[] | undefined =
  typeof __ML_STOP_TOOL_LIST__ === 'undefined' ? undefined : __ML_STOP_TOOL_LIST__;
