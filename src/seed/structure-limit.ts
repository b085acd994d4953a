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
 * 3.9 GB; at this limit the densest shapes take about 330 MB, as 5 MB of prose does. News articles have
 * one unit per 30 bytes or more (268 of them measured: median 82), so an article within the size cap is
 * within this one; technical Markdown (READMEs with code and tables: median 17) passes up to about 3 MB.
 */
export const SEED_BYTES_PER_UNIT = 25;

/** Units of structure a seed may have under a size cap of `maxSeedBytes`. */
export function seedUnitLimit(maxSeedBytes: number = DEFAULT_MAX_SEED_BYTES): number {
  return Math.max(1, Math.floor(maxSeedBytes / SEED_BYTES_PER_UNIT));
}

/** What {@link checkSeedStructure} counts. */
export interface StructureCount {
  /** `text`: lines only; `markdown`: lines and marks of Markdown and HTML; `html`: tags and entities; `sections`: a JSON seed's sections, blocks and list items. */
  kind: 'text' | 'markdown' | 'html' | 'sections';
  /** Units allowed (see {@link seedUnitLimit}). */
  limit: number;
  /** The seed, for the error. */
  file?: string | undefined;
  /** The field of a JSON seed or item the text is, for the error (no line then: the lines are inside a JSON string). */
  field?: string;
  /** A library item's text (which no `maxSeedBytes` caps: the default limit applies). */
  item?: boolean;
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
/** Tags and entities: what an HTML parser makes nodes of. */
const HTML_MARK = new Uint8Array(128);
for (const c of '<&') HTML_MARK[c.charCodeAt(0)] = 1;

/**
 * Refuses a seed with more units of structure than `limit`, before any parser sees it: a unit is a line
 * with text, and for Markdown also a mark of inline markup, and two for each block marker that starts
 * a line's text; for HTML, a tag or an entity. One pass over the text, no allocation;
 * a text of up to half the limit's length cannot exceed it and is not scanned. `E_TOO_LARGE` names the file and
 * the line where the count passed the limit.
 */
export function checkSeedStructure(text: string, count: StructureCount): void {
  const { limit, kind } = count;
  // A character is at most one and a half units (`#` and its line's end are three): a text of half the limit's length cannot pass it.
  if (text.length * 2 <= limit) return;
  let units = 0;
  let line = 1;
  /** Whether the current line has had text (a character other than a space or tab) yet. */
  let started = false;
  /** Whether the line's text so far is block markers (`> - 1. a` opens three blocks). */
  let leading = true;
  /** The character before this one on the line (a space for none): a run of one marker (`###`, `---`, `12`) counts once. */
  let previous = 32;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      started = false;
      leading = true;
      previous = 32;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) {
      previous = 32;
      continue;
    }
    if (kind === 'html') {
      if (c < 128 && HTML_MARK[c] === 1) units++;
    } else {
      if (!started) {
        started = true;
        units++;
      }
      if (kind === 'markdown' && c < 128) {
        // A block marker opens a block, its item and its paragraph (about three times a line's tokens).
        if (leading && BLOCK_MARK[c] === 1) {
          if (c !== previous && !(isDigit(c) && isDigit(previous))) units += BLOCK_MARK_UNITS;
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

/** `E_TOO_LARGE` for a text or field with more units of structure than its limit (`line`: where the count passed it). */
export function tooMuchStructure({ kind, limit, file, field, item }: StructureCount, line?: number): StoryfeedError {
  const what = { text: 'lines with text', markdown: 'lines and marks of markup', html: 'HTML tags and entities', sections: 'sections, blocks and list items' }[kind];
  const where = field ? `${field} has` : 'has';
  const at = field || line === undefined ? '' : ` (line ${line.toLocaleString('en-US')} passes it)`;
  const advice = item ? 'split the text' : `split the article, or raise \`maxSeedBytes\` (the limit is one per ${SEED_BYTES_PER_UNIT} of its bytes)`;
  const detail = `${where} more than ${limit.toLocaleString('en-US')} ${what}${at}: normalizing takes memory for each; ${advice}`;
  return new StoryfeedError('E_TOO_LARGE', detail, { file, ...(field || line === undefined ? {} : { line }) });
}
