import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs';
import { problem, type Problem, SiteError } from '../problems.js';

/** The largest content file read (the real talk files are 1–4 KiB): a bigger one is refused unread. */
export const MAX_CONTENT_FILE_BYTES = 1024 * 1024;

/**
 * Read a content file as UTF-8, strictly: bytes that are not UTF-8 are a problem, never replacement
 * characters. A BOM is dropped and CRLF (or CR) line ends become LF, so editors on any system agree.
 */
export async function readText(absolute: string, file: string, problems: Problem[]): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    // The callback form: one trip through the thread pool per file instead of four (open, stat, read, close).
    bytes = await new Promise<Buffer>((resolve, reject) => readFile(absolute, (error, data) => (error ? reject(error) : resolve(data))));
  } catch (cause) {
    throw new SiteError(`cannot read ${file}`, { cause });
  }
  if (bytes.length > MAX_CONTENT_FILE_BYTES) {
    problems.push(problem(
      'too-large', { file },
      `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB; a content file may be at most ${MAX_CONTENT_FILE_BYTES / 1024 / 1024} MiB`,
      'a talk file is a few kilobytes of text: is this the right file? Images and PDFs go in static/',
    ));
    return undefined;
  }
  if (!isUtf8(bytes)) {
    problems.push(describeInvalidUtf8(bytes, file));
    return undefined;
  }
  const text = bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The `not-utf8` problem at the first byte that is not UTF-8, with what that byte meant in the likely encoding. */
function describeInvalidUtf8(bytes: Uint8Array, file: string): Problem {
  const offset = findInvalidUtf8(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const byte = bytes[offset] ?? 0;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const meant = byte >= 0x80 ? ` (in Windows-1252 it is "${new TextDecoder('windows-1252').decode(Uint8Array.of(byte))}")` : '';
  return problem(
    'not-utf8', { file, line, column: column(bytes, lineStart, offset) },
    utf16 ? 'the file is saved as UTF-16, not UTF-8' : `the file is not UTF-8: byte ${hex}${meant} is not valid here`,
    'save the file with the encoding "UTF-8" in your editor (in many editors: File → Save with Encoding → UTF-8), then check the accented letters',
  );
}

/** Offset of the first byte that makes the text invalid UTF-8: the start of a broken character. */
function findInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending = -1;
  for (let i = 0; i < bytes.length; i++) {
    try {
      const out = decoder.decode(bytes.subarray(i, i + 1), { stream: true });
      if (out === '') pending = pending < 0 ? i : pending;
      else pending = -1;
    } catch {
      return pending >= 0 ? pending : i;
    }
  }
  return pending >= 0 ? pending : bytes.length;
}

/** 1-based column in characters of `offset`, counting the valid text before it on the line. */
function column(bytes: Uint8Array, lineStart: number, offset: number): number {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return [...before].length + 1;
}
