// Conventions every tool must keep; a new tool that breaks one fails here.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allTools } from '../../src/tools/index.js';
import { annotationsFor } from '../../src/tools/define.js';

const INFRA = new Set(['bind.ts', 'confirm.ts', 'define.ts', 'index.ts', 'prebuilt.ts', 'results.ts', 'run.ts', 'run-list.ts', 'schemas.ts', 'status-map.ts', 'stop.ts', 'validate.ts', 'wait.ts', 'discovery']);

describe('tool registry', () => {
  it('names are unique, snake_case, provider-prefixed and short enough for client prefixes', () => {
    const names = allTools.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of allTools) {
      expect(t.name).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
      expect(t.name.length).toBeLessThanOrEqual(40);
      // A list tool spans both clouds; every other tool names its provider.
      if (t.kind !== 'list') expect(t.name.startsWith(t.provider === 'huaweicloud' ? 'modelarts_' : 'qianfan_')).toBe(true);
    }
  });

  it('every tool file is registered and named after its tool', () => {
    const files = readdirSync(new URL('../../src/tools/', import.meta.url)).filter((f) => !INFRA.has(f));
    expect(files.sort()).toEqual(allTools.map((t) => `${t.name.replace(/_/g, '-')}.ts`).sort());
  });

  it('annotations: stop tools destructive and idempotent, status tools read-only', () => {
    for (const t of allTools) {
      const a = annotationsFor(t);
      if (t.kind === 'stop') expect(a).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true });
      else expect(a).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true });
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
      for (const [field, schema] of Object.entries(t.input)) expect((schema as { description?: string }).description, `${t.name}.${field}`).toBeTruthy();
    }
  });

  it('every stop tool reads its status with a registered status tool of the same provider, and confirms with one of its ids', () => {
    for (const t of allTools) {
      if (t.kind !== 'stop') continue;
      expect(allTools).toContain(t.status);
      expect(t.status.provider).toBe(t.provider);
      for (const field of Object.keys(t.status.input)) expect(Object.keys(t.input), `${t.name} lacks ${field}`).toContain(field);
      expect(Object.keys(t.input)).toContain(t.confirmField);
      expect(Object.keys(t.input).slice(-2)).toEqual(['dry_run', 'wait_seconds']);
    }
  });
});
