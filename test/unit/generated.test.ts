// The README's tool table and manifest.json's tool list are generated from the registry (scripts/generated.ts).
// Stale copies fail here; `npm run generate` rewrites both.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { TABLE_END, TABLE_START, manifestTools, toolTable } from '../../scripts/generated.js';

const README = new URL('../../README.md', import.meta.url);
const MANIFEST = new URL('../../manifest.json', import.meta.url);
const UPDATE = process.env.UPDATE_GENERATED === 'true';
const HOW = 'Run `npm run generate` and commit README.md and manifest.json.';

it("README.md's tool table is the generated one", () => {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  expect(start >= 0 && end > start, `README.md lacks the ${TABLE_START} … ${TABLE_END} markers`).toBe(true);
  const current = readme.slice(start, end + TABLE_END.length);
  if (UPDATE) writeFileSync(README, readme.replace(current, toolTable()));
  else expect(current, `README.md's tool table is stale. ${HOW}`).toBe(toolTable());
});

it("manifest.json's tools are the generated ones", () => {
  const text = readFileSync(MANIFEST, 'utf8');
  const manifest = JSON.parse(text);
  if (UPDATE) writeFileSync(MANIFEST, JSON.stringify({ ...manifest, tools: manifestTools() }, null, 2) + '\n');
  else expect(manifest.tools, `manifest.json's tools are stale. ${HOW}`).toEqual(manifestTools());
});
