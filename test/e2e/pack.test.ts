// The npm package as a user gets it: the tracked tree copied as a fresh checkout (no dist/), `npm pack` (its prepack
// builds dist/), the tarball installed into an empty prefix with no network, and the installed bin run with
// --simulate through an MCP client: tools/list and one stop. The install must be one package, with no dependencies.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TASKS } from '../../src/simulator/embedded.js';
import { allTools } from '../../src/tools/index.js';

const ROOT = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'ml-stop-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

describe('npm pack → install → npx-style run', () => {
  it('packs a fresh checkout into a working package with no runtime dependencies', async () => {
    // A fresh checkout: the files git tracks (and new ones not ignored), without dist/; node_modules linked for the build.
    const tree = join(work, 'tree');
    const files = run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], ROOT)
      .split('\0')
      .filter((f) => f && existsSync(join(ROOT, f)));
    for (const f of files) {
      mkdirSync(dirname(join(tree, f)), { recursive: true });
      cpSync(join(ROOT, f), join(tree, f));
    }
    expect(existsSync(join(tree, 'dist'))).toBe(false);
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');

    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], tree))[0];
    const paths: string[] = packed.files.map((f: { path: string }) => f.path);
    for (const f of [
      'dist/cli.js',
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'server.json',
      'manifest.json',
    ])
      expect(paths, f).toContain(f);
    expect(paths.some((p) => p.startsWith('src/') || p.startsWith('test/'))).toBe(false);
    expect(packed.bundled ?? []).toEqual([]);

    const prefix = join(work, 'prefix');
    mkdirSync(prefix);
    run(
      'npm',
      ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(work, packed.filename)],
      work,
    );
    const installed = join(prefix, 'lib', 'node_modules');
    expect(readdirSync(installed)).toEqual(['ml-stop-mcp']);
    expect(existsSync(join(installed, 'ml-stop-mcp', 'node_modules'))).toBe(false);

    const transport = new StdioClientTransport({
      command: join(prefix, 'bin', 'ml-stop-mcp'),
      args: ['--simulate'],
      env: { PATH: process.env.PATH ?? '' },
      cwd: work,
      stderr: 'pipe',
    });
    const client = new Client({ name: 'e2e-pack', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(allTools.map((t) => t.name).sort());
      const task = DEMO_TASKS.qianfan_batch_inference_task.running[0]!;
      const res = await client.callTool({ name: 'qianfan_stop_batch_inference_task', arguments: task });
      expect(res.isError).not.toBe(true);
      expect(res.structuredContent).toMatchObject({ ok: true, outcome: 'stop_requested', simulated: true });
    } finally {
      await client.close();
    }
  }, 300_000);
});
