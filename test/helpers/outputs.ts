import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import ICAL from 'ical.js';
import { parse } from 'node-html-parser';
import { ROOT } from './site.js';

const HTML_CONFIG = JSON.parse(await readFile(path.join(ROOT, '.htmlvalidate.json'), 'utf8')) as ConfigData;
/** One validator for every check: making one costs as much as validating a page. */
const htmlValidator = new HtmlValidate(new StaticConfigLoader(HTML_CONFIG));

/** Every file below a folder, relative with forward slashes. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

/**
 * Each output of a build checked in its own format, as the program that reads it would: HTML with
 * html-validate (the repository's rules) and every JSON-LD block as JSON, XML (feed, sitemap) well-formed,
 * calendars parsed by ical.js with every event dated, JSON parsed, PNGs whole. One line per failure.
 */
export async function checkOutputFormats(outDir: string, options: { html?: boolean } = {}): Promise<string[]> {
  const failures: string[] = [];
  const validator = options.html === false ? undefined : htmlValidator;
  for (const file of await filesBelow(outDir)) {
    const bytes = await readFile(path.join(outDir, file));
    const text = bytes.toString('utf8');
    const fail = (why: string) => failures.push(`${file}: ${why}`);
    if (/\.(html|xml|ics|json|txt|css|js|svg)$/.test(file) && !Buffer.from(text, 'utf8').equals(bytes)) fail('not valid UTF-8');
    if (file.endsWith('.html')) {
      if (validator) {
        const report = await validator.validateString(text, file);
        for (const result of report.results) for (const m of result.messages) fail(`${m.line}:${m.column} ${m.message} [${m.ruleId}]`);
      }
      for (const script of parse(text).querySelectorAll('script[type="application/ld+json"]')) {
        try {
          // The raw text, as a browser or a crawler reads a <script>: entities in it are not decoded.
          JSON.parse(script.rawText);
        } catch (error) {
          fail(`JSON-LD: ${(error as Error).message}`);
        }
      }
    } else if (file.endsWith('.xml')) {
      const valid = XMLValidator.validate(text);
      if (valid !== true) fail(`XML: ${valid.err.msg} at ${valid.err.line}:${valid.err.col}`);
    } else if (file.endsWith('.ics')) {
      try {
        const calendar = new ICAL.Component(ICAL.parse(text));
        for (const event of calendar.getAllSubcomponents('vevent')) if (!event.getFirstPropertyValue('dtstart')) fail('an event without DTSTART');
        if (/[^\r]\n/.test(text)) fail('a line ending without CR');
      } catch (error) {
        fail(`ICS: ${(error as Error).message}`);
      }
    } else if (file.endsWith('.json')) {
      try {
        JSON.parse(text);
      } catch (error) {
        fail(`JSON: ${(error as Error).message}`);
      }
    } else if (file.endsWith('.png')) {
      if (bytes.subarray(1, 4).toString('latin1') !== 'PNG' || bytes.subarray(-8, -4).toString('latin1') !== 'IEND') fail('not a whole PNG');
    }
  }
  return failures;
}
