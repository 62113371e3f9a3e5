import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../scripts/bench-content.mjs';
import { parseYaml, parseYamlWithPositions } from '../../src/load/yaml.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The YAML of a content file: the whole of a .yaml file, the front matter of a .md file. */
function yamlOf(text: string, file: string): string | undefined {
  if (file.endsWith('.yaml')) return text;
  const match = /^---\n([\s\S]*?)\n---(\n|$)/.exec(text.replace(/\r\n?/g, '\n'));
  return match?.[1];
}

async function yamlFilesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(md|yaml)$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)).sort();
}

const synthetic = await mkdtemp(path.join(os.tmpdir(), 'lg-yaml-'));
afterAll(() => rm(synthetic, { recursive: true, force: true }));
await generateContent(synthetic, { talks: 150 });

describe('parseYaml: the quick reader and the careful one agree', () => {
  it.each([
    ['the test fixtures (the frozen real content among them)', path.join(ROOT, 'test/fixtures')],
    ['150 synthetic talks (non-ASCII names, Markdown in bios)', synthetic],
  ])('on every file of %s: the same values, and the same line for every key', async (_name, dir) => {
    let compared = 0;
    for (const file of await yamlFilesBelow(dir)) {
      const yaml = yamlOf(await readFile(file, 'utf8'), file);
      if (yaml === undefined) continue;
      const careful = parseYamlWithPositions(yaml, 2);
      if (careful.errors.length > 0) continue;
      const quick = parseYaml(yaml, 2);
      expect(quick.errors, file).toEqual([]);
      expect(quick.data, file).toEqual(careful.data);
      for (const key of Object.keys((careful.data ?? {}) as object)) {
        expect(quick.lineOf([key]), `${file}: ${key}`).toBe(careful.lineOf([key]));
      }
      expect(quick.lineOf(['speakers', 1, 'name'])).toBe(careful.lineOf(['speakers', 1, 'name']));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it.each([
    'n: 0b101',
    'n: -.5',
    'n: .5',
    'a: &x 1\nb: *x',
    'a: !!str 5',
    'a: &x 1\nlist: [1, *x]',
    'date: 2024-03-25 16:00',
    'answer: yes',
    'nothing: ~',
    'octal: 0o17',
    'bio: |\n  Works on *shortcuts*, and\n  * lists\n',
    '',
    '# only a comment\n',
  ])('reads %j as yaml (YAML 1.2 core) does', (text) => {
    expect(parseYaml(text).data).toEqual(parseYamlWithPositions(text).data);
    expect(parseYaml(text).errors).toEqual(parseYamlWithPositions(text).errors);
  });

  it('keeps an unquoted date and time as text in both readers (the core schema has no dates)', () => {
    const text = 'start: 2024-03-25 16:00\nprevious_start: 2024-03-25T16:00:00+01:00\n';
    const expected = { start: '2024-03-25 16:00', previous_start: '2024-03-25T16:00:00+01:00' };
    expect(parseYaml(text).data).toEqual(expected);
    expect(parseYamlWithPositions(text).data).toEqual(expected);
  });

  it('reports syntax errors with their lines, as the careful reader does', () => {
    const text = 'title: ok\nspeakers:\n  - name: A\n   bad: indent\n';
    const quick = parseYaml(text, 2);
    expect(quick.errors.length).toBeGreaterThan(0);
    expect(quick.errors).toEqual(parseYamlWithPositions(text, 2).errors);
  });

  it('reports an alias without its anchor as an error on its line, instead of throwing', () => {
    const quick = parseYaml('title: a\nlist: [1, *nowhere]\n', 2);
    expect(quick.data).toBeUndefined();
    expect(quick.errors).toMatchObject([{ code: 'BAD_ALIAS', line: 3 }]);
  });

  it('reports a duplicate key as an error (js-yaml would also refuse it, yaml names the line)', () => {
    const quick = parseYaml('title: a\ntitle: b\n');
    expect(quick.errors.map((e) => e.line)).toEqual([2]);
  });
});
