// The README's tool table, manifest.json's tool list and server.json's tool names are generated from the registry
// (scripts/generated.ts). Stale copies fail here; `npm run generate` rewrites them.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  DEMO_END,
  DEMO_START,
  TABLE_END,
  TABLE_START,
  demoTable,
  manifestTools,
  toolTable,
} from '../../scripts/generated.js';

const README = new URL('../../README.md', import.meta.url);
const MANIFEST = new URL('../../manifest.json', import.meta.url);
const SERVER_JSON = new URL('../../server.json', import.meta.url);
const UPDATE = process.env.UPDATE_GENERATED === 'true';
const HOW = 'Run `npm run generate` and commit README.md, manifest.json and server.json.';

it.each([
  ['tool table', TABLE_START, TABLE_END, toolTable],
  ['demo task table', DEMO_START, DEMO_END, demoTable],
] as const)("README.md's %s is the generated one", (_what, startMark, endMark, render) => {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(startMark);
  const end = readme.indexOf(endMark);
  expect(start >= 0 && end > start, `README.md lacks the ${startMark} … ${endMark} markers`).toBe(true);
  const current = readme.slice(start, end + endMark.length);
  if (UPDATE) writeFileSync(README, readme.replace(current, render()));
  else expect(current, `README.md is stale. ${HOW}`).toBe(render());
});

it("manifest.json's tools are the generated ones", () => {
  const text = readFileSync(MANIFEST, 'utf8');
  const manifest = JSON.parse(text);
  if (UPDATE) writeFileSync(MANIFEST, JSON.stringify({ ...manifest, tools: manifestTools() }, null, 2) + '\n');
  else expect(manifest.tools, `manifest.json's tools are stale. ${HOW}`).toEqual(manifestTools());
});

it("server.json's tools (publisher-provided metadata) are the generated ones", () => {
  const server = JSON.parse(readFileSync(SERVER_JSON, 'utf8'));
  const key = 'io.modelcontextprotocol.registry/publisher-provided';
  const tools = manifestTools().map((t) => t.name);
  if (UPDATE) {
    const meta = { ...server._meta, [key]: { ...server._meta?.[key], tools } };
    writeFileSync(SERVER_JSON, JSON.stringify({ ...server, _meta: meta }, null, 2) + '\n');
  } else expect(server._meta?.[key]?.tools, `server.json's tools are stale. ${HOW}`).toEqual(tools);
});
