/**
 * HTML character references (`&amp;`, `&#233;`, `&eacute;`), decoded as HTML5 decodes them: in text,
 * the legacy names (`&amp`, `&eacute`) also work without their semicolon; in attribute values, not
 * when a letter, digit or `=` follows (so `?a=1&copy=2` stays a URL). The named-reference table is
 * generated into `entity-data.ts` and read into a map on the first named reference, so loading this
 * module costs next to nothing.
 */
import { ENTITY_MARKS, ENTITY_NAMES, ENTITY_VALUES, ENTITY_WORDS } from './entity-data.js';

/** Where a reference is read: in text (legacy names end anywhere) or in an attribute value. */
export type ReferenceContext = 'text' | 'attribute';

/** A decoded reference: its text and the index just past it. */
export interface DecodedReference {
  /** The characters it stands for. */
  text: string;
  /** The index after the reference (after its `;` when it has one). */
  end: number;
}

interface NamedReference {
  value: string;
  /** Whether the name also works without its semicolon. */
  legacy: boolean;
}

/** Characters from U+00C0 on stand for the words of `ENTITY_WORDS` in the name list. */
const WORD_BASE = 0xc0;

/** Longest name in the table ("CounterClockwiseContourIntegral"), and longest legacy name. */
const MAX_NAME = 32;
const MAX_LEGACY_NAME = 6;

/** Windows-1252 meanings of the C1 code points, as HTML maps `&#128;`–`&#159;` (and NUL to U+FFFD). */
const C1_REPLACEMENTS: ReadonlyMap<number, number> = new Map([
  [0, 0xfffd],
  [0x80, 0x20ac],
  [0x82, 0x201a],
  [0x83, 0x192],
  [0x84, 0x201e],
  [0x85, 0x2026],
  [0x86, 0x2020],
  [0x87, 0x2021],
  [0x88, 0x2c6],
  [0x89, 0x2030],
  [0x8a, 0x160],
  [0x8b, 0x2039],
  [0x8c, 0x152],
  [0x8e, 0x17d],
  [0x91, 0x2018],
  [0x92, 0x2019],
  [0x93, 0x201c],
  [0x94, 0x201d],
  [0x95, 0x2022],
  [0x96, 0x2013],
  [0x97, 0x2014],
  [0x98, 0x2dc],
  [0x99, 0x2122],
  [0x9a, 0x161],
  [0x9b, 0x203a],
  [0x9c, 0x153],
  [0x9e, 0x17e],
  [0x9f, 0x178],
]);

/**
 * The character a C1 control (U+0080–U+009F) stands for in Windows-1252 text read as Latin-1 (`\u0092` is
 * `’`), as HTML maps `&#146;`; `undefined` for the five Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
 * 0x90, 0x9D) and for any other code point.
 */
export function windows1252Character(codePoint: number): string | undefined {
  if (codePoint < 0x80 || codePoint > 0x9f) return undefined;
  const mapped = C1_REPLACEMENTS.get(codePoint);
  return mapped === undefined ? undefined : String.fromCharCode(mapped);
}

let namedReferences: Map<string, NamedReference> | undefined;

/** The named-reference table, read from the generated lists on first use. */
function referenceTable(): Map<string, NamedReference> {
  if (namedReferences) return namedReferences;
  const table = new Map<string, NamedReference>();
  let name = '';
  let at = 0;
  let valueAt = 0;
  const readCodePoint = (): string => {
    const text = String.fromCodePoint(ENTITY_VALUES.codePointAt(valueAt) ?? 0xfffd);
    valueAt += text.length;
    return text;
  };
  const words = ENTITY_WORDS.split(' ');
  while (at < ENTITY_NAMES.length) {
    const mark = ENTITY_MARKS.indexOf(ENTITY_NAMES.charAt(at));
    let rest = '';
    for (at++; at < ENTITY_NAMES.length && !ENTITY_MARKS.includes(ENTITY_NAMES.charAt(at)); at++) {
      const code = ENTITY_NAMES.charCodeAt(at);
      rest += code >= WORD_BASE ? words[code - WORD_BASE] : ENTITY_NAMES.charAt(at);
    }
    name = name.slice(0, Math.floor(mark / 3)) + rest;
    const kind = mark % 3;
    const value = kind === 2 ? readCodePoint() + readCodePoint() : readCodePoint();
    table.set(name, { value, legacy: kind === 1 });
  }
  namedReferences = table;
  return table;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHexDigit = (c: number): boolean => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
const isAlphanumeric = (c: number): boolean => isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);

/** The character a numeric reference stands for (surrogates, out-of-range values and NUL become U+FFFD). */
function numericCharacter(codePoint: number): string {
  if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) return '\ufffd';
  return String.fromCodePoint(C1_REPLACEMENTS.get(codePoint) ?? codePoint);
}

/**
 * Reads the character reference that starts at `html[at]` (an `&`), or `undefined` when the text
 * there is not one (it then stays as written). Reads at most the reference itself plus one name's
 * length, so decoding a whole document stays linear.
 */
export function readReference(html: string, at: number, context: ReferenceContext): DecodedReference | undefined {
  let i = at + 1;
  if (html.charCodeAt(i) === 35 /* # */) {
    i++;
    const hex = (html.charCodeAt(i) | 0x20) === 120; /* x */
    if (hex) i++;
    const digitsStart = i;
    while (i < html.length && (hex ? isHexDigit(html.charCodeAt(i)) : isDigit(html.charCodeAt(i)))) i++;
    if (i === digitsStart) return undefined;
    const codePoint = Number.parseInt(html.slice(digitsStart, i), hex ? 16 : 10);
    if (html.charCodeAt(i) === 59 /* ; */) i++;
    return { text: numericCharacter(codePoint), end: i };
  }
  const limit = Math.min(html.length, i + MAX_NAME);
  while (i < limit && isAlphanumeric(html.charCodeAt(i))) i++;
  if (i === at + 1) return undefined;
  const table = referenceTable();
  const name = html.slice(at + 1, i);
  if (html.charCodeAt(i) === 59 /* ; */) {
    const full = table.get(name);
    if (full) return { text: full.value, end: i + 1 };
  }
  // No full match: the longest legacy name the text begins with, if any.
  for (let length = Math.min(name.length, MAX_LEGACY_NAME); length >= 2; length--) {
    const entry = table.get(name.slice(0, length));
    if (!entry?.legacy) continue;
    const end = at + 1 + length;
    if (context === 'attribute') {
      const next = html.charCodeAt(end);
      if (isAlphanumeric(next) || next === 61 /* = */) return undefined;
    }
    return { text: entry.value, end };
  }
  return undefined;
}

/** Decodes every character reference in `text`: as in HTML text content, or as in an attribute value. */
export function decodeReferences(text: string, context: ReferenceContext): string {
  let at = text.indexOf('&');
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  while (at >= 0) {
    const reference = readReference(text, at, context);
    if (reference) {
      out += text.slice(copied, at) + reference.text;
      copied = reference.end;
    }
    at = text.indexOf('&', reference ? reference.end : at + 1);
  }
  return out + text.slice(copied);
}

/** Decodes every character reference in `text`, as in HTML text content. */
export const decodeHtmlText = (text: string): string => decodeReferences(text, 'text');

/** A whole character reference, closed by its semicolon: `&amp;`, `&eacute;`, `&#8217;`, `&#x2019;`. */
const CLOSED_REFERENCE = /&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});/g;

/**
 * `text` with each whole character reference closed by its semicolon (`Tom&#8217;s`, `Q&amp;A`) replaced by the
 * character it names; anything else stays as written (`AT&T`, `&copy 2024`, `&unknown;`). For text a field holds that
 * may have come from HTML (a title WordPress exported), where HTML's looser rules would read `&copy` too. One pass.
 */
export function withCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(CLOSED_REFERENCE, (reference) => {
    const decoded = readReference(reference, 0, 'text');
    return decoded !== undefined && decoded.end === reference.length ? decoded.text : reference;
  });
}
