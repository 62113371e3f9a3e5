import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAt, ROOT, type BuiltSite } from '../helpers/site.js';
import { listOutput } from '../publish/published-site.js';
import { NOWS } from './served-site.js';

// The repository's .htmlvalidate.json: html-validate:recommended, with long-title off (a talk page's
// title names the talk in full and the series, WCAG 2.4.2; the share cards' titles are truncated instead).
const CONFIG = JSON.parse(await readFile(path.join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;

describe('html-validate on every page of the frozen real site, built for S05 and for S10', () => {
  const sites: BuiltSite[] = [];
  beforeAll(async () => {
    sites.push(...(await Promise.all([buildAt(NOWS.s05), buildAt(NOWS.s10)])));
  });
  afterAll(() => Promise.all(sites.map((site) => site.cleanup())));

  it('finds no error (a page of the second build with the bytes of the first is validated once)', async () => {
    const validator = new HtmlValidate(new StaticConfigLoader(CONFIG));
    const errors: string[] = [];
    const validated = new Set<string>();
    for (const site of sites) {
      const files = (await listOutput(site.out)).filter((file) => file.endsWith('.html'));
      expect(files.length).toBeGreaterThan(40);
      for (const file of files) {
        const html = await site.read(file);
        if (validated.has(html)) continue;
        validated.add(html);
        const report = await validator.validateString(html, file);
        for (const result of report.results) {
          for (const m of result.messages) errors.push(`${file}:${m.line}:${m.column} ${m.message} [${m.ruleId}]`);
        }
      }
    }
    expect(validated.size).toBeGreaterThan(60);
    expect(errors).toEqual([]);
  });

  it('would report a mistake (the check is live)', async () => {
    const validator = new HtmlValidate(new StaticConfigLoader(CONFIG));
    const report = await validator.validateString('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><img src="a.png"><p><div></div></p></body></html>', 'broken.html');
    expect(report.valid).toBe(false);
  });
});
