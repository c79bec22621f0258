// Which tools a server registers: --read-only, --tools and --providers (or their ML_STOP_* variables), combined.
// Pure, and applied before the server is built, so a filtered-out tool is never listed and cannot be called;
// servedBy tells the list tool what is left, so it lists no cloud and names no stop tool the server lacks.
import type { NameList, ToolFilter } from './config.js';
import { StartupError } from './core/errors.js';
import { PROVIDER_IDS as PROVIDERS } from './core/ids.js';
import type { Served } from './tools/context.js';
import type { AnyToolDefinition } from './tools/define.js';

export function selectTools(all: readonly AnyToolDefinition[], filter: ToolFilter): AnyToolDefinition[] {
  const names = all.map((t) => t.name);
  const tools = filter.tools && new Set(checked(filter.tools, names, 'tool'));
  const providers = filter.providers && new Set(checked(filter.providers, PROVIDERS, 'provider'));
  const selected = all.filter(
    (t) =>
      (!filter.readOnly || t.kind !== 'stop') &&
      (!tools || tools.has(t.name)) &&
      (!providers || t.kind === 'list' || providers.has(t.provider)),
  );
  if (selected.length === 0)
    throw new StartupError(`The tool filters leave no tool to serve (${describeFilter(filter)}).`);
  return selected;
}

/** What a server built from `selectTools(all, filter)` serves: the list tool lists only these providers' tasks. */
export function servedBy(filter: ToolFilter, tools: readonly AnyToolDefinition[]): Served {
  const providers = filter.providers;
  return {
    providers: providers ? PROVIDERS.filter((p) => providers.names.includes(p)) : PROVIDERS,
    ...(providers ? { providersSource: providers.source } : {}),
    tools: new Set(tools.map((t) => t.name)),
  };
}

function checked(list: NameList, valid: readonly string[], what: string): string[] {
  const unknown = list.names.filter((n) => !valid.includes(n));
  if (unknown.length > 0) {
    throw new StartupError(
      `${list.source}: unknown ${what} ${unknown.map((n) => JSON.stringify(n)).join(', ')}. Valid ${what} names: ${valid.join(', ')}`,
    );
  }
  return list.names;
}

export function describeFilter(filter: ToolFilter): string {
  const parts = [
    filter.readOnly ? 'read-only' : '',
    filter.tools ? `${filter.tools.source} ${filter.tools.names.join(',')}` : '',
    filter.providers ? `${filter.providers.source} ${filter.providers.names.join(',')}` : '',
  ];
  return parts.filter(Boolean).join('; ') || 'no filter';
}
