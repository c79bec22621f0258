// Conventions every tool must keep; a new tool that breaks one fails here.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAMILY_IDS } from '../../src/core/ids.js';
import { FAMILIES } from '../../src/families/index.js';
import { PROVIDERS } from '../../src/providers/index.js';
import { annotationsFor } from '../../src/tools/define.js';
import { allTools } from '../../src/tools/index.js';

describe('tool registry', () => {
  it('names are unique, snake_case, provider-prefixed and short enough for client prefixes', () => {
    const names = allTools.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of allTools) {
      expect(t.name).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
      expect(t.name.length).toBeLessThanOrEqual(40);
      // A list tool spans both clouds; every other tool names its provider.
      if (t.kind !== 'list') expect(t.name.startsWith(PROVIDERS[t.provider].toolPrefix), t.name).toBe(true);
    }
  });

  it('every family folder is registered under its own id, with a stop tool, a status tool and a discovery', () => {
    const folders = readdirSync(new URL('../../src/families/', import.meta.url), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    );
    expect(folders.map((d) => d.name).sort()).toEqual(FAMILY_IDS.map((id) => id.replace(/_/g, '-')).sort());
    for (const id of FAMILY_IDS) {
      const files = readdirSync(new URL(`../../src/families/${id.replace(/_/g, '-')}/`, import.meta.url));
      expect(files, id).toEqual(expect.arrayContaining(['index.ts', 'stop.ts', 'status.ts', 'discover.ts']));
      expect(FAMILIES[id].id).toBe(id);
      expect(FAMILIES[id].stop.status).toBe(FAMILIES[id].status);
      expect(FAMILIES[id].stop.provider).toBe(FAMILIES[id].provider);
    }
  });

  it("serves every family's stop and status tool and the list tool, and nothing else", () => {
    const fromFamilies = FAMILY_IDS.flatMap((id) => [FAMILIES[id].stop, FAMILIES[id].status]);
    expect(new Set(allTools)).toEqual(new Set([...fromFamilies, allTools.find((t) => t.kind === 'list')]));
  });

  it('annotations: stop tools destructive and idempotent, status tools read-only', () => {
    for (const t of allTools) {
      const a = annotationsFor(t);
      if (t.kind === 'stop')
        expect(a).toMatchObject({
          readOnlyHint: false,
          destructiveHint: true,
          idempotentHint: true,
          openWorldHint: true,
        });
      else
        expect(a).toMatchObject({
          readOnlyHint: true,
          destructiveHint: false,
          idempotentHint: true,
          openWorldHint: true,
        });
    }
  });

  it('list_running_tasks is a read-only list tool, so a read-only mode (every tool but the stop ones) keeps it', () => {
    const list = allTools.find((t) => t.name === 'list_running_tasks');
    expect(list?.kind).toBe('list');
    expect(allTools.filter((t) => t.kind !== 'stop').map((t) => t.name)).toContain('list_running_tasks');
  });

  it('descriptions are actionable: stop tools say the stop is asynchronous and where the id comes from', () => {
    for (const t of allTools) {
      expect(t.description.length).toBeLessThan(1000);
      if (t.kind === 'stop') {
        expect(t.description).toContain('asynchronous');
        expect(t.description).toMatch(/console/);
      }
      for (const [field, schema] of Object.entries(t.input))
        expect((schema as { description?: string }).description, `${t.name}.${field}`).toBeTruthy();
    }
  });

  it('every stop tool reads its status with a registered status tool of the same provider, and confirms with one of its ids', () => {
    for (const t of allTools) {
      if (t.kind !== 'stop') continue;
      expect(allTools).toContain(t.status);
      expect(t.status.provider).toBe(t.provider);
      for (const field of Object.keys(t.status.input))
        expect(Object.keys(t.input), `${t.name} lacks ${field}`).toContain(field);
      expect(Object.keys(t.input)).toContain(t.confirmField);
      expect(Object.keys(t.input).slice(-2)).toEqual(['dry_run', 'wait_seconds']);
    }
  });
});
