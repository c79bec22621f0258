// The running-tasks page (an MCP Apps View, linked to list_running_tasks) as the server serves it: src/app/page.html
// with the data it needs filled in. The build embeds the page minified (scripts/build.mjs); unbundled (tests, tsc)
// it is read once from the source file.
import { readFileSync } from 'node:fs';
import { FAMILY_IDS, PROVIDER_IDS, PROVIDER_NAMES } from '../core/ids.js';
import { FAMILIES } from '../families/index.js';
import type { AnyToolDefinition } from '../tools/define.js';

declare const __ML_STOP_APP_PAGE__: string | undefined;

/** Where hosts read the page (resources/read) and the tools name it (_meta.ui.resourceUri). */
export const APP_URI = 'ui://ml-stop-mcp/running-tasks.html';

/** The page's resource, as resources/list shows it. */
export const APP_RESOURCE = {
  name: 'running_tasks_page',
  title: 'Running ML tasks',
  description:
    'An interactive table of the tasks list_running_tasks finds, with a typed confirmation before each stop (MCP Apps).',
};

/** What the page is told about this server: names to show, and which stop tools it may call and with which id. */
export interface PageData {
  providers: Record<string, string>;
  families: Record<string, string>;
  /** Each stop tool this server serves, and the argument whose value the user types to confirm. */
  stops: Record<string, string>;
  /** The list tool the page refreshes with. */
  list: string;
  /** The app-only tool the page stops through; null when this server serves no stop tool. */
  app: string | null;
}

/** The page's data, or undefined when the server does not serve the list tool the page belongs to. */
export function pageData(tools: readonly AnyToolDefinition[], appTool: string): PageData | undefined {
  const list = tools.find((t) => t.kind === 'list');
  if (!list) return undefined;
  const stops = Object.fromEntries(tools.flatMap((t) => (t.kind === 'stop' ? [[t.name, t.confirmField]] : [])));
  return {
    providers: Object.fromEntries(PROVIDER_IDS.map((p) => [p, PROVIDER_NAMES[p]])),
    // "Stop a ModelArts notebook" → "ModelArts notebook"
    families: Object.fromEntries(
      FAMILY_IDS.map((f) => [f, FAMILIES[f].stop.title.replace(/^Stop (?:\([^)]*\) )?(?:an? )?/, '')]),
    ),
    stops,
    list: list.name,
    app: Object.keys(stops).length > 0 ? appTool : null,
  };
}

let template: string | undefined = typeof __ML_STOP_APP_PAGE__ === 'string' ? __ML_STOP_APP_PAGE__ : undefined;

/** The page's HTML with `data` in its data block (escaped so that no text can end the block). */
export function renderPage(data: PageData): string {
  template ??= readFileSync(new URL('./page.html', import.meta.url), 'utf8');
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return template.replace(
    /(<script type="application\/json" id="data">)[\s\S]*?(<\/script>)/,
    (_m, open, close) => open + json + close,
  );
}
