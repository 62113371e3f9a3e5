import { problem, type Problem } from '../problems.js';
import type { ParsedYaml } from './yaml.js';

type YamlError = ParsedYaml['errors'][number];

const QUOTE_HINT =
  'put the whole value in double quotes, e.g. title: "Metrics: a study"; for Markdown over several lines write "key: |-" and indent the text on the lines below';

/**
 * One `yaml-syntax` problem per file: the first error, in an organizer's terms. Later errors are
 * nearly always consequences of the first, so listing them would only bury it.
 */
export function describeYamlSyntax(file: string, yaml: ParsedYaml, text: string): Problem | undefined {
  const error = yaml.errors[0];
  if (!error) return undefined;
  const lines = text.split('\n');
  const { line, column, message, hint } = explain(error, lines);
  return problem('yaml-syntax', { file, line, column }, `YAML syntax error: ${message}`, hint);
}

function explain(error: YamlError, lines: string[]): { line: number; column?: number; message: string; hint: string } {
  const at = lines[error.line - 1] ?? '';
  const keyValue = /^(\s*(?:- )?)([A-Za-z_][\w-]*):[ \t]+(.*)$/.exec(at);
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { line: error.line, column: error.column, message: 'a tab is used to indent this line', hint: 'indent with spaces only' };
    case 'DUPLICATE_KEY': {
      const key = /^\s*(?:- )?([^:]+):/.exec(at)?.[1]?.trim() ?? 'this key';
      return { line: error.line, column: error.column, message: `"${key}" is written twice in the same block`, hint: 'keep one of the two lines' };
    }
    case 'MISSING_CHAR':
      if (/quote/.test(error.message)) return unclosedQuote(error, lines);
      return indentation(error);
    case 'BAD_INDENT':
      return indentation(error);
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      if (keyValue && /:\s/.test(keyValue[3]!)) return colonInValue(error, keyValue);
      const next = nextContentLine(lines, error.line);
      if (next && indentOf(lines[next - 1]!) > indentOf(at)) return indentation({ ...error, line: next, column: 1 });
      if (/^\s*(?:- )?[A-Za-z_][\w-]*:\S/.test(at)) {
        return { line: error.line, message: 'a key needs a space after its colon', hint: 'write "key: value", with a space after the ":"' };
      }
      return { line: error.line, column: error.column, message: 'this line cannot be read as "key: value"', hint: QUOTE_HINT };
    }
    case 'MULTIPLE_DOCS':
      return { line: error.line, message: 'a line "---" ends the YAML here', hint: 'remove the line, or use "---" only to open and close the front matter' };
    default:
      if (keyValue && /^[*&!|>@`%[{"']/.test(keyValue[3]!)) return specialStart(error, keyValue);
      return { line: error.line, column: error.column, message: `the value cannot be read as written (${error.message})`, hint: QUOTE_HINT };
  }
}

function colonInValue(error: YamlError, match: RegExpExecArray): { line: number; message: string; hint: string } {
  return {
    line: error.line,
    message: `the value of "${match[2]}" contains ": ", which YAML reads as the start of another key`,
    hint: `put the value in double quotes: ${quoted(match)}`,
  };
}

function specialStart(error: YamlError, match: RegExpExecArray): { line: number; message: string; hint: string } {
  const [, , key, value] = match;
  const first = value!.trim()[0]!;
  const message = /["']/.test(first)
    ? `the value of "${key}" goes on after its closing quote`
    : `the value of "${key}" starts with "${first}", which YAML reads as a special sign`;
  return { line: error.line, message, hint: `put the whole value in double quotes: ${quoted(match)}` };
}

function quoted([, indent, key, value]: RegExpExecArray): string {
  return `${indent!.trimStart()}${key}: "${value!.trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function indentation(error: Pick<YamlError, 'line' | 'column'>) {
  return {
    line: error.line,
    column: error.column,
    message: 'this line is indented differently from the keys around it',
    hint: 'the keys of one block (the talk, one speaker, "links") must start in the same column; indent with spaces',
  };
}

/** The parser notices a missing closing quote at the end of the file; the mistake is where the quote opened. */
function unclosedQuote(error: YamlError, lines: string[]) {
  const quote = /'quote/.test(error.message) ? "'" : '"';
  let opened = error.line;
  for (let i = Math.min(error.line, lines.length) - 1; i >= 0; i--) {
    const value = /^\s*(?:- )?[\w-]+:\s*(.*)$/.exec(lines[i]!)?.[1] ?? '';
    if (value.startsWith(quote)) {
      opened = i + 1;
      break;
    }
  }
  return {
    line: opened,
    message: `the ${quote === '"' ? 'double' : 'single'} quote opened on this line is never closed`,
    hint: `end the value with ${quote}; a ${quote} inside the value is written ${quote === '"' ? '\\"' : "''"}`,
  };
}

function nextContentLine(lines: string[], line: number): number | undefined {
  for (let i = line; i < lines.length; i++) if (lines[i]!.trim() !== '' && !lines[i]!.trim().startsWith('#')) return i + 1;
  return undefined;
}

function indentOf(line: string): number {
  return /^[ -]*/.exec(line)![0].length;
}
