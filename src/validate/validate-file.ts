import type { z } from 'zod';
import type { RawYamlFile } from '../load/read-content.js';
import type { KeyPath } from '../load/yaml.js';
import { problem, type Problem, type ProblemCode } from '../problems.js';
import { didYouMean } from './did-you-mean.js';
import { findBadCharacters, nestingDepth } from './characters.js';
import { findMojibake } from './mojibake.js';
import { checkSchema, describePath, type SchemaIssue } from './schema-issues.js';

/** Where a validated record came from, for problems found in later stages. */
export interface Located {
  /** Display path of the file. */
  file: string;
  /** 1-based line of a key path in that file. */
  lineOf(path: KeyPath): number | undefined;
}

/** What kind of file is checked, for messages about keys that belong elsewhere. */
export interface FileKind {
  /** "talk file", "session file", … */
  name: string;
  /** Keys that belong in another kind of file, with where they go. */
  elsewhere?: Record<string, string>;
  /** Words organizers use for a key, with the key's real name. */
  synonyms?: Record<string, string>;
}

/** The deepest nesting of lists and groups of keys read from a file. */
const MAX_DEPTH = 20;

/** Schema check of one file's YAML: the validated data, or undefined and problems. */
export function validateFile<T extends z.ZodType>(
  file: RawYamlFile,
  schema: T,
  kind: FileKind,
  problems: Problem[],
): (Located & { data: z.output<T> }) | undefined {
  if (file.yaml.errors.length > 0) return undefined;
  const lineOf = (path: KeyPath) => file.yaml.lineOf(path) ?? 1;
  const report = (code: ProblemCode, path: KeyPath, message: string, hint?: string) => problems.push(problem(code, { file: file.file, line: lineOf(path) }, message, hint));
  // Free-form `extra:` may nest; nothing a site needs nests this deep, and deeper data is a risk to every
  // step that walks it.
  const raw = file.yaml.data;
  const tooDeep = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.entries(raw).find(([, value]) => nestingDepth(value, MAX_DEPTH) >= MAX_DEPTH);
  if (tooDeep) {
    report('too-large', [tooDeep[0]], `"${tooDeep[0]}" nests lists and groups of keys more than ${MAX_DEPTH} levels deep`, `at most ${MAX_DEPTH} levels are read; flatten the data`);
    return undefined;
  }
  if (nestingDepth(raw, MAX_DEPTH) > MAX_DEPTH) {
    report('too-large', [], `the ${kind.name} nests lists and groups of keys more than ${MAX_DEPTH} levels deep`, `at most ${MAX_DEPTH} levels are read; flatten the data`);
    return undefined;
  }
  const data = dropNulls(file.yaml.data);
  if (data === undefined || (typeof data === 'object' && data !== null && !Array.isArray(data) && Object.keys(data).length === 0)) {
    report('missing-field', [], `the ${kind.name} is empty`, 'see the complete example in docs/content.md');
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report('wrong-type', [], `the ${kind.name} must consist of "key: value" lines`, 'see the complete example in docs/content.md');
    return undefined;
  }
  const badCharacters = findBadCharacters(data);
  for (const found of badCharacters) {
    report(
      'bad-character', found.path,
      `${describePath(found.path)} contains ${found.name} at character ${found.offset + 1}`,
      'delete it (it is invisible in most editors: retype the text around it); text pasted from a PDF or written with a YAML escape such as "\\0" brings such characters in',
    );
  }
  if (badCharacters.length > 0) return undefined;
  const mojibake = findMojibake(data);
  for (const found of mojibake) {
    report('mojibake', found.path, `${describePath(found.path)} looks double-encoded: "${found.excerpt}"`, `it should probably read "${found.repaired}"; paste the text again from its original source`);
  }
  const result = checkSchema(schema, data);
  if (!result.ok) {
    for (const issue of withoutConsequences(result.issues, kind)) {
      if (issue.kind === 'unknown-key') {
        const key = issue.key ?? '';
        const suggestion = suggestKey(key, issue.allowed ?? [], kind);
        const hint = kind.elsewhere?.[key] ?? (issue.allowed?.length ? `allowed here: ${issue.allowed.join(', ')}` : undefined);
        report('unknown-key', issue.path, `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, hint);
      } else {
        report(issue.kind === 'missing' ? 'missing-field' : issue.kind, issue.path, issue.message, issue.hint);
      }
    }
    return undefined;
  }
  if (mojibake.length > 0) return undefined;
  return { file: file.file, lineOf: (path) => file.yaml.lineOf(path), data: result.value };
}

/** The closest allowed key, or the key that an organizer's word for it stands for. */
function suggestKey(key: string, allowed: string[], kind: FileKind): string | undefined {
  if (kind.elsewhere?.[key]) return undefined;
  const synonym = kind.synonyms?.[key.toLowerCase()];
  if (synonym && allowed.includes(synonym)) return synonym;
  return didYouMean(key, allowed);
}

/** A misspelt required key is one mistake: report the unknown key with its suggestion, not also the missing key. */
function withoutConsequences(issues: SchemaIssue[], kind: FileKind): SchemaIssue[] {
  const suggested = new Set(
    issues
      .filter((issue) => issue.kind === 'unknown-key')
      .map((issue) => [...issue.path.slice(0, -1), suggestKey(issue.key ?? '', issue.allowed ?? [], kind)].join('\u0000')),
  );
  return issues.filter((issue) => issue.kind !== 'missing' || !suggested.has(issue.path.join('\u0000')));
}

/** An empty YAML value (`website:`) means the key is not set. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value === null || typeof value !== 'object') return value ?? undefined;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = dropNulls(item);
  return out;
}
