/**
 * Duplicate names in JSON objects. `JSON.parse` keeps the last of two equal names without a word, and
 * other readers keep the first (RFC 8259 §4 leaves it open), so a repeated `"title"` is a silent
 * disagreement; YAML front matter refuses it, and JSON seeds, sidecars and configs do the same.
 */

import { StoryfeedError } from './errors.js';

/** A name given twice in one object: the name and the UTF-16 offset of its second occurrence. */
export interface DuplicateJsonKey {
  /** The name, decoded (`"a"` and `"\u0061"` are the same name). */
  key: string;
  /** UTF-16 offset of the opening quote of the repeated name. */
  offset: number;
  /** UTF-16 offset of the value given to the repeated name. */
  valueOffset: number;
}

/**
 * The first name repeated within one object of `text`, which must be valid JSON (`JSON.parse`
 * accepted it), else `undefined`. One pass over the text; memory is the names of the open objects.
 */
export function findDuplicateJsonKey(text: string): DuplicateJsonKey | undefined {
  // One entry per open object or array: the names seen so far in an object, null for an array.
  const open: (Set<string> | null)[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      // The closing quote is the next one not escaped (an odd run of backslashes before it escapes it).
      let end = text.indexOf('"', i + 1);
      while (end !== -1) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === 0x5c) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) return undefined;
      i = end + 1;
      let next = i;
      while (next < n && isJsonSpace(text.charCodeAt(next))) next++;
      // In valid JSON a string followed by a colon is a name of the innermost open object.
      if (text.charCodeAt(next) === 0x3a) {
        const names = open[open.length - 1];
        if (names) {
          const raw = text.slice(start + 1, end);
          const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
          if (names.has(key)) {
            let value = next + 1;
            while (value < n && isJsonSpace(text.charCodeAt(value))) value++;
            return { key, offset: start, valueOffset: value };
          }
          names.add(key);
        }
        i = next + 1;
      }
      continue;
    }
    if (c === 0x7b) open.push(new Set());
    else if (c === 0x5b) open.push(null);
    else if (c === 0x7d || c === 0x5d) open.pop();
    i++;
  }
  return undefined;
}

/**
 * The first name repeated in one object of `text` (valid JSON) as a problem to report: what to say and
 * the line of the repeat; `undefined` when no name is repeated.
 */
export function duplicateKeyProblem(text: string): { detail: string; line: number } | undefined {
  const duplicate = findDuplicateJsonKey(text);
  if (!duplicate) return undefined;
  return { detail: `${JSON.stringify(duplicate.key)} is given twice in one object (readers disagree on which one counts): keep one`, line: lineAt(text, duplicate.offset) };
}

/**
 * Parses the JSON of a seed (a JSON seed, or JSON front matter that opens a Markdown or text seed) as JSON
 * seeds are read: `E_JSON` naming `file` and the line of a syntax error or of a name given twice.
 * `firstLine` is the file's line of the text's first line.
 */
export function parseSeedJson(
  text: string,
  where: { file?: string | undefined; firstLine?: number; reviver?: ((key: string, value: unknown) => unknown) | undefined } = {},
): unknown {
  const { file } = where;
  const first = where.firstLine ?? 1;
  let value: unknown;
  try {
    value = JSON.parse(text, where.reviver);
  } catch (cause) {
    const message = (cause as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(text, Number(pos[1])) + first - 1 : undefined;
    throw new StoryfeedError('E_JSON', `invalid JSON: ${message.replace(/^JSON\.parse: /, '')}`, { file, line, cause });
  }
  const duplicate = duplicateKeyProblem(text);
  if (duplicate) throw new StoryfeedError('E_JSON', duplicate.detail, { file, line: duplicate.line + first - 1 });
  return value;
}

/** The 1-based line of a UTF-16 offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
