// The shape of src/: the modules import each other without circles, and each third-party library is
// imported by one module (so that replacing it is a change in one place).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm;

/** Every module of src/ with the modules and packages it imports (type-only imports apart). */
function readImports() {
  const modules = new Map<string, { local: string[]; packages: string[] }>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    const local: string[] = [];
    const packages: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[2] ?? match[3] ?? match[4]!;
      if (specifier.startsWith('.')) {
        // A type-only import is erased at compile time: no circle at run time, but still a circle in the
        // design, so it counts too.
        local.push(path.join(path.dirname(file), specifier).replace(/\.js$/, '.ts').split(path.sep).join('/'));
      } else if (!specifier.startsWith('node:') && !match[1]) {
        packages.push(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    modules.set(file.split(path.sep).join('/'), { local, packages });
  }
  return modules;
}

function findCircles(modules: ReturnType<typeof readImports>): string[][] {
  const circles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'visiting') {
      circles.push([...stack.slice(stack.indexOf(file)), file]);
      return;
    }
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of modules.get(file)?.local ?? []) visit(next);
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...modules.keys()].sort()) visit(file);
  return circles;
}

describe('the modules of src/', () => {
  const modules = readImports();

  it('are all found, with their imports', () => {
    expect(modules.get('build.ts')?.local).toContain('write/disk-writer.ts');
    for (const [file, { local }] of modules) for (const target of local) expect(modules.has(target), `${file} imports ${target}`).toBe(true);
  });

  it('import each other without a circle', () => {
    expect(findCircles(modules).map((circle) => circle.join(' → '))).toEqual([]);
  });

  it('import each third-party library in one module', () => {
    const importers = new Map<string, string[]>();
    for (const [file, { packages }] of modules) for (const name of new Set(packages)) importers.set(name, [...(importers.get(name) ?? []), file]);
    const shared = [...importers].filter(([, files]) => files.length > 1).map(([name, files]) => `${name}: ${files.sort().join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('finds a circle when there is one (the check itself)', () => {
    const planted = new Map([['a.ts', { local: ['b.ts'], packages: [] }], ['b.ts', { local: ['a.ts'], packages: [] }]]);
    expect(findCircles(planted)).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });
});
