import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../src/problems.js';
import { contentKeysReference, problemsReference } from '../src/reference-docs.js';
import { ROOT } from './helpers/site.js';

const committed = (name: string) => readFileSync(path.join(ROOT, 'docs', name), 'utf8');

describe('the generated reference pages', () => {
  it('docs/problems.md is what the problem catalogue says (run npm run docs after changing it)', () => {
    expect(committed('problems.md')).toBe(problemsReference());
  });

  it('docs/content-keys.md is what the content schemas say (run npm run docs after changing them)', () => {
    expect(committed('content-keys.md')).toBe(contentKeysReference());
  });

  it('list every problem code and every key of a talk, speakers\u2019 keys included', () => {
    for (const code of PROBLEM_CODES) expect(problemsReference()).toContain(`| \`${code}\` |`);
    for (const key of ['season', 'title', 'speakers[].name', 'speakers[].photo', 'links.slides', 'recording']) expect(contentKeysReference()).toContain(`| \`${key}\` |`);
    expect(contentKeysReference()).toMatch(/\| `start` \| local date and time, "2024-03-25 16:00" \| {2}\| Local start/);
  });
});
