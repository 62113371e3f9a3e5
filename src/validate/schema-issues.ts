import type { z } from 'zod';
import type { KeyPath } from '../load/yaml.js';
import { didYouMean } from './did-you-mean.js';

/** One schema issue, in the terms the problem report needs. */
export interface SchemaIssue {
  /** Key path of the offending value. */
  path: (string | number)[];
  kind: 'unknown-key' | 'missing' | 'wrong-type' | 'bad-url' | 'unsafe-path' | 'too-large';
  message: string;
  hint?: string;
  /** For unknown keys: the key and the keys allowed beside it. */
  key?: string;
  allowed?: string[];
}

/** Run a schema; on failure translate zod's issues into SchemaIssues with an organizer's wording. */
export function checkSchema<T extends z.ZodType>(
  schema: T,
  data: unknown,
): { ok: true; value: z.output<T> } | { ok: false; issues: SchemaIssue[] } {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issues: SchemaIssue[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    const value = valueAt(data, path);
    const what = describePath(path);
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(schema, path);
      for (const key of issue.keys) issues.push({ path: [...path, key], kind: 'unknown-key', message: '', key, allowed });
    } else if (issue.code === 'invalid_type' && value === undefined) {
      issues.push({ path, kind: 'missing', message: `${what} is missing`, hint: `add ${example(path)}` });
    } else if (issue.code === 'too_small' && issue.origin === 'string') {
      issues.push({ path, kind: 'missing', message: `${what} is empty`, hint: `write the text after the colon: ${example(path)}` });
    } else if (issue.code === 'custom' && issue.params && ['bad-url', 'unsafe-path', 'too-large'].includes(issue.params.problem)) {
      issues.push({ path, kind: issue.params.problem, message: `${what}: ${issue.message}`, hint: String(issue.params.hint) });
    } else if (issue.code === 'invalid_type') {
      const { expected } = issue;
      issues.push({ path, kind: 'wrong-type', message: `${what} must be ${EXPECTED[expected] ?? expected}, not ${describeValue(value)}`, hint: typeHint(path, expected, value) });
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const message =
        issue.origin !== 'array' ? `${what} must be ${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound}`
        : issue.code === 'too_small' ? `${what} needs at least one entry`
        : `${what} may list at most ${bound} entries, not ${Array.isArray(value) ? value.length : 'more'}`;
      issues.push({ path, kind: 'wrong-type', message });
    } else if (issue.code === 'invalid_value') {
      const options = issue.values.map(String);
      const guess = typeof value === 'string' ? didYouMean(value, options) : undefined;
      issues.push({
        path, kind: 'wrong-type',
        message: `${what} must be one of ${options.join(', ')}, not ${describeValue(value)}${guess ? ` (did you mean "${guess}"?)` : ''}`,
      });
    } else {
      issues.push({ path, kind: 'wrong-type', message: `${what} ${issue.message}` });
    }
  }
  return { ok: false, issues };
}

/** `"title"`, `"name" of speaker 2`, `"links.slides"`: how a key path reads in a message. */
export function describePath(path: KeyPath): string {
  const index = path.findIndex((part) => typeof part === 'number');
  if (index > 0) {
    const list = String(path[index - 1]);
    const item = `${list.replace(/s$/, '')} ${Number(path[index]) + 1}`;
    const rest = path.slice(index + 1);
    return rest.length === 0 ? item : `${describePath(rest)} of ${item}`;
  }
  return path.length === 0 ? 'the file' : `"${path.join('.')}"`;
}

const EXPECTED: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'a group of keys',
  record: 'a group of keys',
  boolean: 'true or false',
};

/** How to write what was expected, given what was written. */
function typeHint(path: KeyPath, expected: string, value: unknown): string | undefined {
  const key = String(path.at(-1));
  if ((expected === 'number' || expected === 'int') && typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    return `remove the quotes: ${key}: ${value.trim()}`;
  }
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return `put the value in quotes: ${key}: "${String(value)}"`;
  if (expected === 'array' && key === 'speakers') return 'write each speaker on its own line as "  - name: …", indented under "speakers:"';
  if (expected === 'array') return `write each entry on its own line starting with "  - ", indented under "${key}:"`;
  if (expected === 'object' && typeof path.at(-1) === 'number' && typeof value === 'string') return `write the entry as "- name: ${value}", with its other keys below it`;
  return undefined;
}

function example(path: KeyPath): string {
  const key = String(path.at(-1));
  if (key === 'speakers') return '"speakers:" and below it at least one speaker as "  - name: …"';
  if (key === 'season') return '"season: 5", the number of the session this belongs to';
  return `"${key}: …"`;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of keys';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
}

/** The keys a strict object at `path` allows, for "did you mean". */
function keysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  let current: unknown = schema;
  for (const part of [...path, null]) {
    current = unwrap(current);
    const def = (current as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return [];
    if (part === null) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    if (def.type === 'object') current = (def.shape as Record<string, unknown>)[String(part)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return [];
  }
  return [];
}

function unwrap(schema: unknown): unknown {
  let current = schema;
  for (let i = 0; i < 10; i++) {
    const def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
    if (!def) return current;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else return current;
  }
  return current;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}
