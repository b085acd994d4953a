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
 * 3.9 GB; at this limit the densest shapes take at most about 420 MB (autolinks). News articles have one
 * unit per 25 bytes or more (268 of them measured: the densest 26.6, median 63), so prose within the size
 * cap is within this limit too. Denser Markdown is not: technical READMEs and API docs (code and tables,
 * 12 to 15 bytes a unit) pass up to about 2.4 to 3 MB, a Markdown results table (six columns of short
 * values) up to about 0.9 MB, where it takes 330 MB.
 */
export const SEED_BYTES_PER_UNIT = 25;

/** Units of structure a seed may have under a size cap of `maxSeedBytes`. */
export function seedUnitLimit(maxSeedBytes: number = DEFAULT_MAX_SEED_BYTES): number {
  return Math.max(1, Math.floor(maxSeedBytes / SEED_BYTES_PER_UNIT));
}

/** What {@link checkSeedStructure} counts. */
export interface StructureCount {
  /** `text`: lines only; `markdown`: lines and marks of Markdown and HTML; `html`: start tags; `sections`: a JSON seed's sections, blocks and list items. */
  kind: 'text' | 'markdown' | 'html' | 'sections';
  /** Units allowed (see {@link seedUnitLimit}). */
  limit: number;
  /** The seed, for the error. */
  file?: string | undefined;
  /** The field of a JSON seed or item the text is, for the error (no line then: the lines are inside a JSON string). */
  field?: string;
  /** A library item's text, or text given to `renderMarkdown`: not a seed, so `maxSeedBytes` is not its cap. */
  item?: boolean;
  /** For such text, the option that sets its cap, named in the error (`maxContentBytes`); none: the default cap. */
  capOption?: string;
  /** What was done to the text before it was counted, for the error, which then names no line (the text's lines are not the file's). */
  after?: string;
  /** Lines of the file before the text (its front matter), added to the line the error names. */
  lineOffset?: number;
}

const NEWLINE = 10;

/** Characters that open inline markup anywhere on a line: emphasis, code, links, HTML, entities, escapes, strikethrough, table cells. */
const INLINE_MARK = new Uint8Array(128);
for (const c of '*_`[]<&\\~|') INLINE_MARK[c.charCodeAt(0)] = 1;
/** What counts past a line's markers: its end, and the characters of {@link INLINE_MARK}. */
const INLINE_SEARCH = /[\n\r*_`[\]<&\\~|]/g;
/** Characters that open blocks at the start of a line's text: headings, quotes, list items (`-`, `+`, `*`, `1.`), also nested (`> - a`). */
const BLOCK_MARK = new Uint8Array(128);
for (const c of '#>-+*0123456789') BLOCK_MARK[c.charCodeAt(0)] = 1;
/** Units of a block marker: a list item holds about three times the tokens, blocks and text of a line in a paragraph. */
const BLOCK_MARK_UNITS = 2;
const CARRIAGE_RETURN = 13;
const GREATER_THAN = 62;
const SLASH = 47;
const PIPE = 124;
/** Blank lines per unit. */
const BLANK_LINES_PER_UNIT = 4;

/**
 * Refuses a seed with more units of structure than `limit`, before any parser sees it: a unit is a line
 * with text, and for Markdown also a mark of inline markup, two for each block marker that starts a
 * line's text, and a table's every cell (the parser fills each row up to the columns of its delimiter
 * row: 15 KB of short rows under 181 columns took 548 MB); for HTML, a start tag. One pass over the text
 * (plain text and HTML no longer than the limit cannot exceed it and are not scanned). `E_TOO_LARGE`
 * names the file and the line where the count passed the limit.
 */
export function checkSeedStructure(text: string, count: StructureCount): void {
  const { limit, kind } = count;
  const markdown = kind === 'markdown';
  // Plain text and HTML have at most one unit a character: a text no longer than the limit cannot pass it.
  // Markdown is always scanned: a table's short row can be many cells.
  if (!markdown && text.length <= limit) return;
  if (kind === 'html') {
    // Start tags only (an element opens once), found by the engine's own search: 5 MB of `<p>a</p>` took
    // 600 MB to normalize, of `<h2>a</h2><p>b` 500 MB under a unit for three tags of any kind.
    let units = 0;
    for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
      if (text.charCodeAt(at + 1) !== SLASH && ++units > limit) throw tooMuchStructure(count, lineOf(text, at));
    }
    return;
  }
  let units = 0;
  let blank = 0;
  /**
   * Whether the line follows a blank line: its text starts a block of its own (a paragraph costs about
   * twice a line within one: 88,000 one-word paragraphs took 350 MB, as 200,000 lines of one did).
   */
  let afterBlank = false;
  let line = 1;
  /** Whether the current line has had text (a character other than a space or tab) yet. */
  let started = false;
  /** Whether the line's text so far is block markers (`> - 1. a` opens three blocks). */
  let leading = true;
  /** The character before this one on the line (a space for none): a run of one marker (`###`, `---`, `12`) counts once. */
  let previous = 32;
  /** The line so far could be a table's delimiter row (`|`, `-`, `:` and spaces), with these pipes and dashes, first and last characters. */
  let delimiter = true;
  let pipes = 0;
  let dashes = 0;
  let first = 0;
  let last = 0;
  /** Whether the line's text so far is `>`s (and spaces): a quote's markers. */
  let quoted = true;
  /** Columns of the table whose rows these lines may be (0 for none): the parser gives every row that many cells, written or not. */
  let columns = 0;
  // One step past the end, as the end of the last line. No closure here: the loop's variables stay in registers.
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? NEWLINE : text.charCodeAt(i);
    // A line ends at LF, CR LF or a lone CR, as every reader of seeds takes it.
    if (c === NEWLINE || (c === CARRIAGE_RETURN && text.charCodeAt(i + 1) !== NEWLINE)) {
      // A blank line is a quarter of a unit: the parsers keep a record of every line (markdown-it about 170
      // bytes), and 4 MB of blank lines took 940 MB.
      if (!started && ++blank % BLANK_LINES_PER_UNIT === 0) units++;
      afterBlank = !started;
      if (markdown) {
        if (!started) columns = 0;
        else if (delimiter && dashes > 0 && pipes > 0) {
          // A delimiter row: the table has a column for each cell between its pipes, the header row one cell each.
          columns = pipes + 1 - (first === PIPE ? 1 : 0) - (last === PIPE ? 1 : 0);
          units += columns;
        } else units += columns;
      }
      if (units > limit) throw tooMuchStructure(count, line + (count.lineOffset ?? 0));
      line++;
      started = false;
      leading = true;
      previous = 32;
      delimiter = true;
      quoted = true;
      pipes = 0;
      dashes = 0;
      continue;
    }
    // Letters (most of any text) end a line's markers and any delimiter row, and are no markup.
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 128) {
      if (!started) {
        started = true;
        first = c;
        units += afterBlank ? 2 : 1;
        if (units > limit) throw tooMuchStructure(count, line + (count.lineOffset ?? 0));
      }
      leading = false;
      delimiter = false;
      // Past a line's markers, only line ends and marks of markup count: the engine's own search finds the next.
      if (markdown) {
        INLINE_SEARCH.lastIndex = i + 1;
        const next = INLINE_SEARCH.exec(text);
        i = (next === null ? text.length : next.index) - 1;
      }
      continue;
    }
    if (c === 32 || c === 9 || c === CARRIAGE_RETURN) {
      previous = 32;
      continue;
    }
    // Other control characters are text to a parser (a seed's are taken out before it is counted).
    if (!started) {
      started = true;
      first = c;
      units += afterBlank ? 2 : 1;
    }
    if (markdown) {
      last = c;
      // A table may sit in a quote: the `>`s that start the line are no part of its delimiter row.
      if (quoted && c === GREATER_THAN) first = 0;
      else {
        quoted = false;
        if (first === 0) first = c;
        if (c === PIPE) pipes++;
        else if (c === 45) dashes++;
        else if (c !== 58) delimiter = false;
      }
    }
    if (markdown && c < 128) {
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
    previous = c;
    if (units > limit) throw tooMuchStructure(count, line + (count.lineOffset ?? 0));
  }
}

/** The 1-based line of a position (for an error: counted once). */
function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `E_TOO_LARGE` for a text or field with more units of structure than its limit (`at`: the line where the count passed it). */
export function tooMuchStructure({ kind, limit, file, field, item, capOption, after }: StructureCount, at?: number): StoryfeedError {
  // A field's lines are inside a JSON string, and a text changed before it was counted has lines of its own: no line then.
  const line = field !== undefined || after !== undefined ? undefined : at;
  const what = {
    text: 'lines with text',
    markdown: 'lines, marks of markup and table cells',
    html: 'HTML start tags',
    sections: 'sections, blocks and list items',
  }[kind];
  const subject = field ? `${field} has` : 'has';
  const when = after !== undefined ? ` ${after}` : line !== undefined ? ' by this line' : '';
  const perBytes = `(the limit is one per ${SEED_BYTES_PER_UNIT} of its bytes)`;
  const advice = !item ? `split the article, or raise \`maxSeedBytes\` ${perBytes}` : capOption ? `split the text, or raise \`${capOption}\` ${perBytes}` : 'split the text';
  const detail = `${subject} more than ${limit.toLocaleString('en-US')} ${what}${when}: normalizing takes memory for each; ${advice}`;
  return new StoryfeedError('E_TOO_LARGE', detail, { file, ...(line !== undefined ? { line } : {}) });
}
