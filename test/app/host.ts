// A minimal MCP Apps host for the browser test of the running-tasks page (test/e2e/app-browser.test.ts), built the
// way hosts are built, on ext-apps' AppBridge: an MCP client that declares the UI extension calls
// list_running_tasks, reads the ui:// page it names, and renders it in a sandboxed iframe (opaque origin, srcdoc) under
// the CSP a host applies when the resource declares none; the page's tool calls are forwarded only for tools visible
// to apps. Bundled for the browser by the test (esbuild); the era (?era=modern|legacy) and theme (?theme=) come from
// the URL.
import { Client, StreamableHTTPClientTransport, type Tool } from '@modelcontextprotocol/client';
import { AppBridge, PostMessageTransport } from '@modelcontextprotocol/ext-apps/app-bridge';

const CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self' data:; connect-src 'none'";
const HOST = { name: 'ml-stop-test-host', version: '1.0.0' };

declare global {
  interface Window {
    /** What the host forwarded or refused for the page, for the test to read. */
    hostLog: Array<{ tool: string; forwarded: boolean }>;
    hostError?: string;
  }
}
window.hostLog = [];

const params = new URLSearchParams(location.search);
const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
document.documentElement.dataset.theme = theme;

const ui = (tool: Tool | undefined) => tool?._meta?.ui as { resourceUri?: string; visibility?: string[] } | undefined;

async function main(): Promise<void> {
  const client = new Client(HOST, {
    capabilities: { extensions: { 'io.modelcontextprotocol/ui': { mimeTypes: ['text/html;profile=mcp-app'] } } },
    ...(params.get('era') === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {}),
  });
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', location.href)));
  const { tools } = await client.listTools();
  const uri = ui(tools.find((t) => t.name === 'list_running_tasks'))?.resourceUri;
  if (!uri) throw new Error('list_running_tasks names no page');

  // What the model's call returned is what the host hands the page.
  const args = {};
  const result = await client.callTool({ name: 'list_running_tasks', arguments: args });
  const { contents } = await client.readResource({ uri });
  const html = (contents[0] as { text: string }).text;

  const iframe = document.createElement('iframe');
  iframe.sandbox.add('allow-scripts');
  iframe.title = 'Running ML tasks';
  iframe.srcdoc = html.replace(/<head>/i, `<head><meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  document.body.append(iframe);

  const bridge = new AppBridge(
    client,
    HOST,
    { serverTools: {}, serverResources: {} },
    { hostContext: { theme, displayMode: 'inline', platform: 'web' } },
  );
  bridge.oninitialized = () => {
    void bridge.sendToolInput({ arguments: args });
    void bridge.sendToolResult(result);
  };
  bridge.onsizechange = ({ height }) => {
    if (height) iframe.style.height = `${height}px`;
  };
  await bridge.connect(new PostMessageTransport(iframe.contentWindow!, iframe.contentWindow!));
  // After connect, which installs AppBridge's own forwarder: hosts must refuse tools not visible to apps.
  bridge.oncalltool = async (call, extra) => {
    const tool = tools.find((t) => t.name === call.name);
    const forwarded = tool !== undefined && (ui(tool)?.visibility ?? ['model', 'app']).includes('app');
    window.hostLog.push({ tool: call.name, forwarded });
    if (!forwarded) throw new Error(`${call.name} is not callable from the page`);
    return client.callTool(call, { signal: extra.mcpReq.signal });
  };
}

main().catch((err: unknown) => {
  window.hostError = String(err);
  document.body.append(String(err));
});
