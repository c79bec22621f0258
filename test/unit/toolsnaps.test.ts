// tools/list is a contract other programs read: every tool's entry is committed under test/__toolsnaps__/, one file
// per tool, and a change to any of them must be a reviewed diff. After an intended change, refresh them with
// `npm run toolsnaps:update` and commit the files with the change.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderToolList } from '../../scripts/tool-list.js';

const DIR = new URL('../__toolsnaps__/', import.meta.url);
const UPDATE = process.env.UPDATE_TOOLSNAPS === 'true';
const HOW = 'If the change is intended, run `npm run toolsnaps:update` and commit test/__toolsnaps__/.';

describe('tools/list snapshots', async () => {
  const tools = await renderToolList();

  it.each(tools.map((t) => [t.name, t] as const))('%s matches its snapshot', (name, tool) => {
    const file = new URL(`${name}.json`, DIR);
    const rendered = JSON.stringify(tool, null, 2) + '\n';
    if (UPDATE) writeFileSync(file, rendered);
    expect(existsSync(file), `test/__toolsnaps__/${name}.json is missing. ${HOW}`).toBe(true);
    expect(rendered, `tools/list entry of ${name} drifted from test/__toolsnaps__/${name}.json. ${HOW}`).toBe(
      readFileSync(file, 'utf8'),
    );
  });

  it('has no snapshot of a tool that no longer exists', () => {
    const names = new Set(tools.map((t) => `${t.name}.json`));
    const stale = readdirSync(DIR).filter((f) => !names.has(f));
    expect(stale, `remove these snapshots of removed tools: ${stale.join(', ')}`).toEqual([]);
  });
});
