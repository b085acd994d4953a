import { StoryfeedError } from '../errors.js';

/**
 * Default size cap of a seed file: 5 MB, about 800,000 words, far beyond any article. Normalizing
 * prose takes about 55 MB of memory per MB of text, so the cap keeps a build inside a small CI runner.
 */
export const DEFAULT_MAX_SEED_BYTES = 5_000_000;

/**
 * Bytes of the size cap per unit of structure a seed may have: 200,000 units at the default 5 MB.
 *
 * Memory follows structure more than bytes: every line and every mark of markup becomes parser tokens,
 * blocks and sentences, about 300 bytes a token in the Markdown parser alone. A megabyte of one-character
 * lines (`a`, `#`, `-`) or of `*a*` took 500 to 900 MB to normalize, and a 5 MB seed of empty headings
 * 3.9 GB; at this limit the densest shapes take at most about 340 MB, as 5 MB of prose does. News articles have
 * one unit per 30 bytes or more (268 of them measured: median 82), so prose within the size cap is within
 * this limit too. Denser Markdown is not: technical READMEs (code and tables, median 17 bytes a unit)
 * pass up to about 3 MB, a Markdown table of short cells up to about 1.5 MB.
 */
export const SEED_BYTES_PER_UNIT = 25;

/** Units of structure a seed may have under a size cap of `maxSeedBytes`. */
export function seedUnitLimit(maxSeedBytes: number = DEFAULT_MAX_SEED_BYTES): number {
  return Math.max(1, Math.floor(maxSeedBytes / SEED_BYTES_PER_UNIT));
}

/** What {@link checkSeedStructure} counts. */
export interface StructureCount {
  /** `text`: lines only; `markdown`: lines and marks of Markdown and HTML; `html`: tags (three a unit); `sections`: a JSON seed's sections, blocks and list items. */
  kind: 'text' | 'markdown' | 'html' | 'sections';
  /** Units allowed (see {@link seedUnitLimit}). */
  limit: number;
  /** The seed, for the error. */
  file?: string | undefined;
  /** The field of a JSON seed or item the text is, for the error (no line then: the lines are inside a JSON string). */
  field?: string;
  /** A library item's text (which no `maxSeedBytes` caps: the default limit applies). */
  item?: boolean;
  /** What was done to the text before it was counted, for the error, which then names no line (the text's lines are not the file's). */
  after?: string;
}

const NEWLINE = 10;

/** Characters that open inline markup anywhere on a line: emphasis, code, links, HTML, entities, escapes, strikethrough, table cells. */
const INLINE_MARK = new Uint8Array(128);
for (const c of '*_`[]<&\\~|') INLINE_MARK[c.charCodeAt(0)] = 1;
/** Characters that open blocks at the start of a line's text: headings, quotes, list items (`-`, `+`, `*`, `1.`), also nested (`> - a`). */
const BLOCK_MARK = new Uint8Array(128);
for (const c of '#>-+*0123456789') BLOCK_MARK[c.charCodeAt(0)] = 1;
/** Units of a block marker: a list item holds about three times the tokens, blocks and text of a line in a paragraph. */
const BLOCK_MARK_UNITS = 2;
/**
 * HTML tags per unit: an element costs less than a Markdown line (no parser tokens), and a results table
 * has many. 5 MB of `<p>a</p>` took 600 MB to normalize (the paragraphs' analysis); tables and entities
 * far less.
 */
const HTML_TAGS_PER_UNIT = 3;
const CARRIAGE_RETURN = 13;
const LESS_THAN = 60;
const GREATER_THAN = 62;

/**
 * Refuses a seed with more units of structure than `limit`, before any parser sees it: a unit is a line
 * with text, and for Markdown also a mark of inline markup, and two for each block marker that starts
 * a line's text; for HTML, three tags. One pass over the text, no allocation; a text of up to a third
 * of the limit's length cannot exceed it and is not scanned. `E_TOO_LARGE` names the file and
 * the line where the count passed the limit.
 */
export function checkSeedStructure(text: string, count: StructureCount): void {
  const { limit, kind } = count;
  // A character is at most two units (`-+-+` alternates markers), and a line's start one more: a text of a third of the limit's length cannot pass it.
  if (text.length * 3 <= limit) return;
  let units = 0;
  let tags = 0;
  let line = 1;
  /** Whether the current line has had text (a character other than a space or tab) yet. */
  let started = false;
  /** Whether the line's text so far is block markers (`> - 1. a` opens three blocks). */
  let leading = true;
  /** The character before this one on the line (a space for none): a run of one marker (`###`, `---`, `12`) counts once. */
  let previous = 32;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A line ends at LF, CR LF or a lone CR, as every reader of seeds takes it.
    if (c === NEWLINE || (c === CARRIAGE_RETURN && text.charCodeAt(i + 1) !== NEWLINE)) {
      line++;
      started = false;
      leading = true;
      previous = 32;
      continue;
    }
    if (c === 32 || c === 9 || c === CARRIAGE_RETURN) {
      previous = 32;
      continue;
    }
    // Other control characters are taken out before any parser runs (XML forbids them): they are nothing here.
    if (c < 32) continue;
    if (kind === 'html') {
      if (c === LESS_THAN && ++tags % HTML_TAGS_PER_UNIT === 0) units++;
    } else {
      if (!started) {
        started = true;
        units++;
      }
      if (kind === 'markdown' && c < 128) {
        // A block marker opens a block, its item and its paragraph (about three times a line's tokens).
        if (leading && BLOCK_MARK[c] === 1) {
          // Each `>` opens a quote (`>>>` is three); a run of any other marker is one (`###`, `---`, the digits of `12.`).
          if (c === GREATER_THAN || (c !== previous && !(isDigit(c) && isDigit(previous)))) units += BLOCK_MARK_UNITS;
        } else if (leading && (c === 46 || c === 41) && isDigit(previous)) {
          // The `.` or `)` of an ordered list's marker (`1. 1. a` nests two lists).
        } else {
          leading = false;
          if (INLINE_MARK[c] === 1) units++;
        }
      } else leading = false;
    }
    previous = c;
    if (units > limit) throw tooMuchStructure(count, line);
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `E_TOO_LARGE` for a text or field with more units of structure than its limit (`at`: the line where the count passed it). */
export function tooMuchStructure({ kind, limit, file, field, item, after }: StructureCount, at?: number): StoryfeedError {
  // A field's lines are inside a JSON string, and a text changed before it was counted has lines of its own: no line then.
  const line = field !== undefined || after !== undefined ? undefined : at;
  const what = { text: 'lines with text', markdown: 'lines and marks of markup', html: 'units of HTML (three tags each)', sections: 'sections, blocks and list items' }[kind];
  const subject = field ? `${field} has` : 'has';
  const when = after !== undefined ? ` ${after}` : line !== undefined ? ' by this line' : '';
  const advice = item ? 'split the text' : `split the article, or raise \`maxSeedBytes\` (the limit is one per ${SEED_BYTES_PER_UNIT} of its bytes)`;
  const detail = `${subject} more than ${limit.toLocaleString('en-US')} ${what}${when}: normalizing takes memory for each; ${advice}`;
  return new StoryfeedError('E_TOO_LARGE', detail, { file, ...(line !== undefined ? { line } : {}) });
}
