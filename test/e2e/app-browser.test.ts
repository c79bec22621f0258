// The running-tasks page in a real headless browser: Debian chromium (scripts/install-chromium.sh) driven by
// playwright-core, every request not to 127.0.0.1 aborted. The built server runs with --simulate over HTTP; a small
// host built on ext-apps' AppBridge (test/app/host.ts) is served from one 127.0.0.1 origin with /mcp passed through to
// the server, and renders the page the way hosts do. In both protocol eras (modern in the light theme, legacy in the
// dark one): the table shows the seeded running tasks, Stop stays disabled until the typed id matches, the right id
// stops the task (stopping, then stopped), and a stop the provider refuses shows its code. Screenshots of every step
// go to test-results/app/ (CI keeps them); UPDATE_APP_SCREENSHOT=true also refreshes README's docs/app.png.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { build } from 'esbuild';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_IDS } from '../../src/core/ids.js';
import { FAMILIES } from '../../src/families/index.js';
import { DEMO_TASKS } from '../../src/simulator/embedded.js';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const SHOTS = join(ROOT, 'test-results/app');

/** The browser, installed from the Debian mirrors if missing; or why there is none. */
function findChromium(): { path: string } | { why: string } {
  const r = spawnSync('bash', [join(ROOT, 'scripts/install-chromium.sh')], { encoding: 'utf8', timeout: 600_000 });
  const path = r.stdout.trim().split('\n').at(-1);
  if (r.status === 0 && path) return { path };
  return { why: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').at(-1)! };
}
const browserFound = findChromium();

/** Every seeded running task: its family and the id the page asks to type. */
const SEEDED = FAMILY_IDS.flatMap((family) =>
  DEMO_TASKS[family].running.map((ids) => ({ family, id: Object.values(ids).at(-1)! })),
);

interface Running {
  url: string;
  stderr: () => string;
  child: ChildProcess;
}

/** The built server with --simulate over HTTP on a free port. */
function startServer(): Promise<Running> {
  const child = spawn(process.execPath, [CLI, '--simulate', '--transport', 'http', '--port', '0'], {
    cwd: mkdtempSync(join(tmpdir(), 'ml-stop-app-')),
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d) => {
      err += String(d);
      const m = /"url":"(http:[^"]+)"/.exec(err);
      if (m) resolve({ url: m[1]!, stderr: () => err, child });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
}

const HOST_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Test host</title><style>
body{margin:0;padding:16px;font:14px system-ui,sans-serif;background:#f4f4f5;color:#18181b}
[data-theme=dark] body{background:#18181b;color:#e4e4e7;color-scheme:dark}
iframe{display:block;width:100%;height:240px;border:1px solid #8886;border-radius:8px}
</style></head><body><script type="module" src="/host.js"></script></body></html>`;

/** The test host's origin: the host page, its bundle, and /mcp passed through to the server. */
async function startHost(hostJs: string, mcp: string): Promise<{ url: string; server: Server }> {
  const target = new URL(mcp);
  const server = createServer((req, res) => {
    if (req.url === '/host.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(hostJs);
    if (req.url!.startsWith('/mcp')) {
      const headers = { ...req.headers, host: target.host };
      const upstream = request({
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers,
      });
      upstream.on('response', (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      return void req.pipe(upstream);
    }
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(HOST_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

if (!('path' in browserFound)) {
  // On a developer's machine without apt (or root) the test is skipped and says why; in CI it must run.
  describe('the running-tasks page in a browser', () => {
    if (process.env.CI === 'true')
      it('has a browser to run in (CI)', () => {
        throw new Error(`no chromium could be installed: ${browserFound.why}`);
      });
    else it.skip(`skipped: no chromium could be installed (${browserFound.why})`, () => {});
  });
} else {
  let browser: Browser;
  let hostJs: string;
  const servers: Running[] = [];
  const hosts: Server[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const bundle = await build({
      entryPoints: [join(ROOT, 'test/app/host.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'chrome120',
      write: false,
      logLevel: 'warning',
    });
    hostJs = bundle.outputFiles[0]!.text;
    browser = await chromium.launch({
      executablePath: browserFound.path,
      headless: true,
      // No browser-side traffic of its own (updates, metrics): only the pages' requests, and those are routed below.
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) s.child.kill();
    for (const h of hosts) h.close();
  });

  describe.each([
    ['modern', 'light'],
    ['legacy', 'dark'],
  ] as const)('the running-tasks page, %s era, %s theme', (era, theme) => {
    let page: Page;
    let frame: FrameLocator;
    let server: Running;
    const blocked: string[] = [];
    // The viewport is made as tall as the host page first: Chromium paints an iframe only inside the viewport, so a
    // full-page screenshot would leave the part of the table below it blank.
    const shot = async (step: string) => {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height, 600), 6000) });
      await page.screenshot({ path: join(SHOTS, `${step}-${era}.png`) });
    };
    const rowOf = (id: string) =>
      frame.locator('#rows tr', { has: frame.locator('.id', { hasText: new RegExp(`^${id}$`) }) });

    beforeAll(async () => {
      server = await startServer();
      servers.push(server);
      const host = await startHost(hostJs, server.url);
      hosts.push(host.server);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: theme });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (new URL(url).hostname === '127.0.0.1') return route.continue();
        blocked.push(url);
        return route.abort();
      });
      page = await context.newPage();
      await page.goto(`${host.url}/?era=${era}&theme=${theme}`);
      frame = page.frameLocator('iframe');
    }, 60_000);

    it('shows every seeded running task, and filters by provider and family', async () => {
      await expect.poll(() => frame.locator('#rows tr').count(), { timeout: 30_000 }).toBe(SEEDED.length);
      for (const { id } of SEEDED) await expect.poll(() => rowOf(id).count()).toBe(1);
      expect(await frame.locator('#summary').textContent()).toBe(`${SEEDED.length} running.`);
      expect(await frame.locator('#notes').textContent()).toContain('Simulated');
      expect(await frame.locator('#rows tr').first().locator('td').count()).toBe(7);
      await shot('1-table');

      const provider = FAMILIES.modelarts_notebook.provider;
      await frame.locator('#provider').selectOption(provider);
      const ofProvider = SEEDED.filter((s) => FAMILIES[s.family].provider === provider).length;
      await expect.poll(() => frame.locator('#rows tr').count()).toBe(ofProvider);
      await frame.locator('#family').selectOption('modelarts_notebook');
      await expect.poll(() => frame.locator('#rows tr').count()).toBe(2);
      await frame.locator('#provider').selectOption('');
      await frame.locator('#family').selectOption('');
      await expect.poll(() => frame.locator('#rows tr').count()).toBe(SEEDED.length);
    }, 60_000);

    it('keeps Stop disabled until the typed id matches, then stops the task: stopping, then stopped', async () => {
      // By keyboard: focus the row's Stop, Enter opens the confirmation with the focus in its field.
      await rowOf('demo-notebook-gpu').getByRole('button', { name: /^Stop/ }).focus();
      await page.keyboard.press('Enter');
      const dialog = frame.locator('#confirm');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await frame.locator('#expect').textContent()).toBe('demo-notebook-gpu');
      expect(await frame.locator('#typed').evaluate((e) => e === document.activeElement)).toBe(true);
      await page.keyboard.type('demo-notebook-cpu');
      expect(await frame.locator('#go').isDisabled()).toBe(true);
      await page.keyboard.press('Enter'); // a wrong id submits nothing
      expect(await dialog.isVisible()).toBe(true);
      await shot('2-typed-wrong-id');

      await frame.locator('#typed').fill('demo-notebook-gp');
      expect(await frame.locator('#go').isDisabled()).toBe(true);
      await frame.locator('#typed').press('u');
      expect(await frame.locator('#go').isEnabled()).toBe(true);
      await shot('3-typed-right-id');
      expect(await page.evaluate(() => window.hostLog.filter((c) => c.tool === 'stop_task_from_app').length)).toBe(0);
      await page.keyboard.press('Enter');

      const state = rowOf('demo-notebook-gpu').locator('.state');
      await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('stopping');
      expect(await dialog.isVisible()).toBe(false);
      await shot('4-stopping');
      await expect.poll(() => state.textContent(), { timeout: 30_000, interval: 250 }).toBe('stopped');
      expect(await rowOf('demo-notebook-gpu').getByRole('button', { name: /^Stop/ }).isDisabled()).toBe(true);
      await shot('5-stopped');

      // One stop, through the app-only tool, with the typed id checked; its audit lines say it came from the page.
      const stops = await page.evaluate(() => window.hostLog.filter((c) => c.tool === 'stop_task_from_app'));
      expect(stops).toEqual([{ tool: 'stop_task_from_app', forwarded: true }]);
      const audit = audited(server.stderr()).filter((a) => a.target.notebook_id === 'demo-notebook-gpu');
      expect(audit.map((a) => [a.outcome, a.via])).toEqual([
        ['sending', 'app'],
        ['stop_requested', 'app'],
      ]);
    }, 90_000);

    it("a stop the provider refuses (the task was stopped meanwhile) shows the provider's code", async () => {
      // Someone else stops it while the page still lists it as running.
      const other = new Client({ name: 'someone-else', version: '1.0.0' });
      await other.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
      const elsewhere = await other.callTool({
        name: FAMILIES.modelarts_notebook.stop.name,
        arguments: { notebook_id: 'demo-notebook-cpu' },
      });
      expect(elsewhere.structuredContent).toMatchObject({ outcome: 'stop_requested' });
      await other.close();

      await rowOf('demo-notebook-cpu').getByRole('button', { name: /^Stop/ }).click();
      await frame.locator('#typed').fill('demo-notebook-cpu');
      await frame.locator('#go').click();
      const state = rowOf('demo-notebook-cpu').locator('.state');
      await expect.poll(() => state.textContent(), { timeout: 15_000 }).toBe('already stopped');
      const detail = await rowOf('demo-notebook-cpu').locator('td').nth(2).textContent();
      expect(detail).toMatch(/refused the stop \(ModelArts\.630[78]: /);
      expect(detail).toContain('(HTTP 400)');
      await shot('6-refused');
      // README's picture: the top of the same page, a stopped row and a refused one in view.
      if (era === 'modern' && process.env.UPDATE_APP_SCREENSHOT === 'true')
        await page.screenshot({ path: join(ROOT, 'docs/app.png'), clip: { x: 0, y: 0, width: 1280, height: 1060 } });
      const audit = audited(server.stderr()).filter((a) => a.target.notebook_id === 'demo-notebook-cpu');
      expect(audit.map((a) => [a.outcome, a.via ?? 'tool'])).toEqual([
        ['sending', 'tool'],
        ['stop_requested', 'tool'],
        ['sending', 'app'],
        ['already_stopped', 'app'],
      ]);
    }, 60_000);

    it('reached nothing but 127.0.0.1, and the host never had to refuse a call', async () => {
      expect(blocked).toEqual([]);
      expect(await page.evaluate(() => window.hostError)).toBeUndefined();
      expect(await page.evaluate(() => window.hostLog.every((c) => c.forwarded))).toBe(true);
    });
  });
}

function audited(stderr: string): Array<{ outcome: string; via?: string; target: Record<string, string> }> {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('{"time"') && l.includes('"audit":"stop"'))
    .map((l) => JSON.parse(l));
}
