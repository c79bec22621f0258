// `npm run bundle` (after `npm run build`): stages the build (dist/cli.js and its lazily loaded dist/chunks/) and manifest.json, validates the manifest
// with the mcpb CLI, packs ml-stop-mcp.mcpb at the repository root, and checks what went in. The build inlines every
// runtime dependency, so the bundle carries no node_modules.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const MCPB = join(root, 'node_modules/@anthropic-ai/mcpb/dist/cli/cli.js');
const OUT = join(root, 'ml-stop-mcp.mcpb');
const FILES = [
  'dist/cli.js',
  ...listFiles(join(root, 'dist/chunks')).map((f) => `dist/chunks/${f}`),
  'manifest.json',
  'README.md',
  'LICENSE',
];

function fail(message) {
  process.stderr.write(`bundle: ${message}\n`);
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (manifest.version !== pkg.version)
  fail(`manifest.json version ${manifest.version} differs from package.json ${pkg.version}`);
if (!existsSync(join(root, manifest.server.entry_point)))
  fail(`${manifest.server.entry_point} is missing: run npm run build first`);

const stage = mkdtempSync(join(tmpdir(), 'ml-stop-mcpb-'));
const unpacked = mkdtempSync(join(tmpdir(), 'ml-stop-mcpb-check-'));
// Run from the stage so mcpb's listing shows paths inside the bundle.
const mcpb = (...args) =>
  execFileSync(process.execPath, [MCPB, ...args], { cwd: stage, stdio: ['ignore', 'pipe', 'inherit'] }).toString();
try {
  const staged = FILES.filter((f) => existsSync(join(root, f)));
  for (const f of staged) {
    mkdirSync(join(stage, f, '..'), { recursive: true });
    copyFileSync(join(root, f), join(stage, f));
  }
  process.stdout.write(mcpb('validate', join(stage, 'manifest.json')));
  rmSync(OUT, { force: true });
  process.stdout.write(mcpb('pack', stage, OUT));

  // What a client will install: exactly the staged files, and a server that starts from them.
  mcpb('unpack', OUT, unpacked);
  const inside = listFiles(unpacked).sort();
  if (JSON.stringify(inside) !== JSON.stringify([...staged].sort()))
    fail(`unexpected bundle contents: ${inside.join(', ')}`);
  const version = execFileSync(process.execPath, [join(unpacked, manifest.server.entry_point), '--version'], {
    env: { PATH: process.env.PATH ?? '' },
  })
    .toString()
    .trim();
  if (version !== pkg.version) fail(`the unpacked server says version "${version}", expected ${pkg.version}`);

  const kb = (statSync(OUT).size / 1024).toFixed(1);
  process.stdout.write(
    `\nml-stop-mcp.mcpb: ${kb} KiB (${statSync(OUT).size} bytes), files: ${inside.join(', ')}; no node_modules\n`,
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
  rmSync(unpacked, { recursive: true, force: true });
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}
