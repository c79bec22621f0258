// The layout rules of docs/CONTRIBUTING.md, checked on the sources: no import cycle (type-only imports count),
// leaves that stay leaves, one module that talks to the MCP SDK's server API, and provider and family ids spelled
// only in their own folders.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_IDS, PROVIDER_IDS } from '../../src/core/ids.js';
import { FAMILIES } from '../../src/families/index.js';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
/** import/export ... from '…', import '…', and import('…'), type-only ones included. */
const IMPORT =
  /(?:^|[;\n])\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

const files = sources(SRC).map((f) => relative(ROOT, f));
const text = new Map(files.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

/** Each source file's imports: our own files (as paths) and packages. */
const graph = new Map(
  files.map((file) => {
    const own: string[] = [];
    const packages: string[] = [];
    for (const m of text.get(file)!.matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.'))
        own.push(relative(ROOT, resolve(dirname(join(ROOT, file)), spec.replace(/\.js$/, '.ts'))));
      else packages.push(spec);
    }
    return [file, { own, packages }] as const;
  }),
);

/** Every cycle, each once, as the list of files around it (Tarjan's strongly connected components). */
function cycles(): string[][] {
  let index = 0;
  const stack: string[] = [];
  const state = new Map<string, { index: number; low: number; onStack: boolean }>();
  const found: string[][] = [];
  const visit = (v: string) => {
    state.set(v, { index, low: index, onStack: true });
    index += 1;
    stack.push(v);
    for (const w of graph.get(v)?.own ?? []) {
      if (!graph.has(w)) continue;
      if (!state.has(w)) {
        visit(w);
        state.get(v)!.low = Math.min(state.get(v)!.low, state.get(w)!.low);
      } else if (state.get(w)!.onStack) state.get(v)!.low = Math.min(state.get(v)!.low, state.get(w)!.index);
    }
    if (state.get(v)!.low === state.get(v)!.index) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        state.get(w)!.onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.own.includes(v)) found.push(component.sort());
    }
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

const under = (dir: string) => (f: string) => f.startsWith(`src/${dir}/`);

describe('import graph', () => {
  it('has no cycle, type-only imports included', () => {
    const found = cycles();
    expect(found, `${found.length} import cycle(s)`).toEqual([]);
  });

  it('every relative import names a file that exists', () => {
    for (const [file, { own }] of graph) for (const dep of own) expect(files, `${file} imports ${dep}`).toContain(dep);
  });

  it('src/core is a leaf: it imports nothing from the rest of src', () => {
    for (const file of files.filter(under('core'))) {
      for (const dep of graph.get(file)!.own) expect(dep, `${file} imports ${dep}`).toMatch(/^src\/core\//);
    }
  });

  it('providers import neither the engine, the families, the simulator nor the configuration', () => {
    for (const file of files.filter(under('providers'))) {
      for (const dep of graph.get(file)!.own)
        expect(dep, `${file} imports ${dep}`).toMatch(/^src\/(core|providers)\/|^src\/version\.ts$/);
    }
  });

  it("the simulator, a test double, imports none of the code it stands in for but the providers' signers", () => {
    for (const file of files.filter(under('simulator'))) {
      for (const dep of graph.get(file)!.own) {
        expect(dep, `${file} imports ${dep}`).toMatch(
          /^src\/(core|simulator)\/|^src\/providers\/(encoding|crypto|endpoint|index|[^/]+\/(signer|config))\.ts$|^src\/(config|log)\.ts$/,
        );
      }
    }
  });

  it('the engine (src/tools) names no family: it reaches them through the registry only', () => {
    for (const file of files.filter(under('tools'))) {
      for (const dep of graph.get(file)!.own.filter(under('families'))) {
        expect(dep, `${file} imports ${dep}`).toMatch(/^src\/families\/(index|define)\.ts$/);
      }
    }
  });

  it('only the server factory and the transports use the MCP SDK', () => {
    const users = files.filter((f) => graph.get(f)!.packages.some((p) => p.startsWith('@modelcontextprotocol/')));
    for (const f of users) expect(f).toMatch(/^src\/(server\.ts|transports\/)/);
  });
});

describe('ids stay home', () => {
  /** Quoted string literals in code (comments dropped). */
  const literals = (source: string) =>
    [...source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '').matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)].map(
      (m) => m[2]!,
    );
  const folder = (id: string) => id.replace(/_/g, '-');
  /** Where an id may be spelled: src/core/ids.ts, and the folders of its provider or family (simulator ones included). */
  const home = (file: string, folders: string[]) =>
    file === 'src/core/ids.ts' || folders.some((f) => file.split('/').some((part) => part === f || part === `${f}.ts`));

  it.each(PROVIDER_IDS)("'%s' appears only in its provider's and its families' files", (provider) => {
    const folders = [provider, ...FAMILY_IDS.filter((f) => FAMILIES[f].provider === provider).map(folder)];
    const offenders = files.filter((f) => !home(f, folders) && literals(text.get(f)!).includes(provider));
    expect(offenders).toEqual([]);
  });

  it.each(FAMILY_IDS)("'%s' appears only in its family's files", (family) => {
    const offenders = files.filter((f) => !home(f, [folder(family)]) && literals(text.get(f)!).includes(family));
    expect(offenders).toEqual([]);
  });
});
