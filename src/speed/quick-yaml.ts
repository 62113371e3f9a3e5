// Speed only: js-yaml reads the values of a well-formed file about five times faster than `yaml`, which
// src/load/yaml.ts uses for everything else (positions, errors, the texts this refuses).
import { CORE_SCHEMA, load as loadPlainYaml } from 'js-yaml';

/**
 * A value that starts with an anchor, alias or tag (`&a`, `*a`, `!tag`), a binary number (`0b101`) or
 * a number written `.5` or `-.5`: there the two parsers could read differently, or `yaml`'s alias
 * limit matters. A value starts a line (after indentation, `- ` or `? `) or follows `:`, or `[`, `{` or
 * `,` in a flow collection. A prose line that happens to look like one (a bio line
 * starting with `*emphasis*`) also takes the careful path; it is only slower.
 */
const MAY_READ_DIFFERENTLY = /(?:^[ \t]*(?:(?:[-?]|---)[ \t]+)*|[[{,:][ \t]*)(?:[&*!]|[-+]?(?:\.\d|0b[01]))/m;

/**
 * The values of a well-formed YAML text, read by js-yaml (YAML 1.2 core schema, as the careful reader);
 * undefined when the text needs the careful reader: it does not parse, or it may read differently.
 */
export function readValuesQuickly(text: string): { value: unknown } | undefined {
  if (MAY_READ_DIFFERENTLY.test(text)) return undefined;
  try {
    return { value: loadPlainYaml(text, { schema: CORE_SCHEMA }) ?? null };
  } catch {
    return undefined;
  }
}
