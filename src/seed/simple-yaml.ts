/**
 * A fast path for the front matter most seeds have: one `key: value` line per field, with quoted
 * strings, plain words, dates and one-line `[a, b]` lists. It reads only a small subset of YAML
 * whose meaning is beyond doubt (no YAML type other than a string or a list of strings can come
 * out of it) and answers `undefined` for anything else, which then goes to the `yaml` package, the
 * parser of record. Anything it accepts, `yaml` reads to the same value (tested against it).
 */

/**
 * A plain key: a letter, then letters, digits, `_` or `-`; its spaces, then its value. The spaces are
 * the whole run (`(?! )`): a value that cannot match (a line separator in it) is then given up at
 * once, not tried again from every shorter run of spaces (60 KB of them took 4 s).
 */
const KEY = /^([A-Za-z][A-Za-z0-9_-]*):( +)(?! )(.*)$/;

/** Longest key read here: YAML refuses implicit keys of more than 1024 characters. */
const MAX_KEY_LENGTH = 1000;

/** Plain words YAML 1.2's core schema reads as booleans or null (compared case-insensitively, to be safe). */
const NOT_A_STRING = /^(?:true|false|null)$/i;

/** A plain scalar starting with a digit is read here only as a date (`2025-12-29T01:55:20-08:00`); no YAML number has a `-` after four digits. */
const DATE_START = /^[0-9]{4}-[0-9]{2}-[0-9]{2}/;

/** A plain word in a one-line list: no flow indicators, no `:` or `#`. */
const LIST_WORD = /^[A-Za-z][A-Za-z0-9 _.'/-]*$/;

/**
 * Characters read the same in every kind of scalar: printable ASCII other than the indicators
 * handled by the callers, and non-ASCII other than surrogates, line separators and non-characters.
 */
function isTextCode(c: number): boolean {
  if (c < 0x20) return false;
  if (c < 0x7f) return true;
  if (c < 0xa0) return false;
  return !(c >= 0xd800 && c <= 0xdfff) && c !== 0x2028 && c !== 0x2029 && c !== 0xfeff && c !== 0xfffe && c !== 0xffff;
}

/** A double-quoted scalar that is the whole of `text` (trailing spaces allowed), with only `\"` and `\\` escapes. */
function doubleQuoted(text: string): string | undefined {
  let out = '';
  let i = 1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) break;
    if (c === 92) {
      const next = text.charCodeAt(i + 1);
      if (next !== 34 && next !== 92) return undefined;
      out += text[i + 1];
      i++;
      continue;
    }
    if (!isTextCode(c)) return undefined;
    out += text[i];
  }
  if (i >= text.length) return undefined;
  return /^ *$/.test(text.slice(i + 1)) ? out : undefined;
}

/** A single-quoted scalar that is the whole of `text` (trailing spaces allowed), with `''` for a quote. */
function singleQuoted(text: string): string | undefined {
  let out = '';
  let i = 1;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 39) {
      if (text.charCodeAt(i + 1) !== 39) break;
      out += "'";
      i++;
      continue;
    }
    if (!isTextCode(c)) return undefined;
    out += text[i];
  }
  if (i >= text.length) return undefined;
  return /^ *$/.test(text.slice(i + 1)) ? out : undefined;
}

/** Characters of a block plain scalar after its first: no `#`, quotes, backslash, brackets or flow/block indicators that could change its meaning. */
function isPlainCode(c: number): boolean {
  if (c >= 0x80) return isTextCode(c);
  // Letters, digits, space and . , ' ( ) - / + & ! ? ; @ _ = $ % :
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 32 ||
    c === 46 ||
    c === 44 ||
    c === 39 ||
    c === 40 ||
    c === 41 ||
    c === 45 ||
    c === 47 ||
    c === 43 ||
    c === 38 ||
    c === 33 ||
    c === 63 ||
    c === 59 ||
    c === 64 ||
    c === 95 ||
    c === 61 ||
    c === 36 ||
    c === 37 ||
    c === 58
  );
}

/** A block plain scalar: starts with a letter (or is a date), no `: `, no trailing space, not a boolean or null. */
function plain(text: string): string | undefined {
  const first = text.charCodeAt(0);
  const letter = (first >= 97 && first <= 122) || (first >= 65 && first <= 90) || (first >= 0xc0 && isTextCode(first));
  if (!letter && !DATE_START.test(text)) return undefined;
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isPlainCode(c)) return undefined;
    // ": " (or a final ":") would start a mapping.
    if (c === 58 && (i + 1 === text.length || text.charCodeAt(i + 1) === 32)) return undefined;
  }
  if (text.endsWith(' ') || NOT_A_STRING.test(text)) return undefined;
  return text;
}

/** A one-line flow list of quoted strings and plain words: `[a, "b c", 'd']`. */
function flowList(text: string): string[] | undefined {
  const end = text.lastIndexOf(']');
  if (end < 0 || !/^ *$/.test(text.slice(end + 1))) return undefined;
  const inner = text.slice(1, end);
  if (inner.trim() === '') return /^ *$/.test(inner) ? [] : undefined;
  const items: string[] = [];
  let i = 0;
  while (i <= inner.length) {
    while (inner.charCodeAt(i) === 32) i++;
    const c = inner.charCodeAt(i);
    let item: string | undefined;
    let next: number;
    if (c === 34 || c === 39) {
      // The closing quote, then spaces, then a comma or the end.
      const close = quotedEnd(inner, i);
      if (close < 0) return undefined;
      item = c === 34 ? doubleQuoted(inner.slice(i, close + 1)) : singleQuoted(inner.slice(i, close + 1));
      next = close + 1;
      while (inner.charCodeAt(next) === 32) next++;
      if (next < inner.length && inner.charCodeAt(next) !== 44) return undefined;
    } else {
      next = inner.indexOf(',', i);
      if (next < 0) next = inner.length;
      // Spaces before a comma or the closing bracket are not read the same by every YAML reader: left to the yaml package.
      const word = inner.slice(i, next);
      item = LIST_WORD.test(word) && !word.endsWith(' ') && !NOT_A_STRING.test(word) ? word : undefined;
    }
    if (item === undefined) return undefined;
    items.push(item);
    if (next >= inner.length) break;
    i = next + 1;
    // A trailing comma ("[a, b,]") is left to the yaml package.
    if (inner.slice(i).trim() === '') return undefined;
  }
  return items;
}

/** Offset of the quote closing the quoted scalar that starts at `from`, or -1. */
function quotedEnd(text: string, from: number): number {
  const quote = text.charCodeAt(from);
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92) i++;
    else if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
      else return i;
    }
  }
  return -1;
}

/** One value after `key: `. */
function value(text: string): string | string[] | undefined {
  const c = text.charCodeAt(0);
  if (c === 34) return doubleQuoted(text);
  if (c === 39) return singleQuoted(text);
  if (c === 91) return flowList(text);
  return plain(text);
}

/** What {@link readSimpleYaml} returns: the mapping and the 0-based line of each key. */
export interface SimpleYaml {
  /** The fields, as the yaml package's `toJS()` gives them. */
  value: Record<string, string | string[]>;
  /** 0-based line of each key in the YAML text. */
  keyLines: Map<string, number>;
}

/**
 * Reads front matter of one-line `key: value` fields (see the module comment), or `undefined` when
 * it has anything else: then only the yaml package can say what it means.
 */
export function readSimpleYaml(yaml: string): SimpleYaml | undefined {
  const result: Record<string, string | string[]> = {};
  const keyLines = new Map<string, number>();
  let start = 0;
  let line = 0;
  while (start <= yaml.length) {
    let stop = yaml.indexOf('\n', start);
    if (stop < 0) stop = yaml.length;
    const text = yaml.slice(start, stop);
    if (text !== '') {
      const m = KEY.exec(text);
      if (!m) return undefined;
      const key = m[1]!;
      // A repeated key is an error only the yaml package words; `null:` and `True:` are keys it reads
      // as "" and "true"; a key longer than 1024 characters is an error in YAML.
      if (keyLines.has(key) || NOT_A_STRING.test(key) || key.length > MAX_KEY_LENGTH) return undefined;
      const v = value(m[3]!);
      if (v === undefined) return undefined;
      result[key] = v;
      keyLines.set(key, line);
    }
    start = stop + 1;
    line++;
  }
  return keyLines.size > 0 ? { value: result, keyLines } : undefined;
}
