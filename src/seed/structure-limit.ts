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
 * 12 to 15 bytes a unit) pass up to about 2.4 to 3 MB, Markdown with HTML of its own (a figure, an
 * embedded video: 19 bytes a unit) up to about 3.8 MB, a Markdown results table (six columns of short
 * values) up to about 0.9 MB, where it takes 330 MB. HTML as sites write it has 34 to 49 bytes a unit
 * (start tags and attributes), so it is within this limit too.
 */
export const SEED_BYTES_PER_UNIT = 25;

/** Units of structure a seed may have under a size cap of `maxSeedBytes`. */
export function seedUnitLimit(maxSeedBytes: number = DEFAULT_MAX_SEED_BYTES): number {
  return Math.max(1, Math.floor(maxSeedBytes / SEED_BYTES_PER_UNIT));
}

/** What {@link checkSeedStructure} counts. */
export interface StructureCount {
  /** `text`: lines only; `markdown`: lines, marks of Markdown and HTML, and HTML attributes; `html`: start tags and their attributes; `sections`: a JSON seed's sections, blocks and list items. */
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
const LESS_THAN = 60;
const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;

/*
 * Readings of a start tag, as bits: where in a tag the HTML parser (`html/parser.ts`) would be at a
 * character. A text is read as all of them at once, as a set: a `<` followed by a letter may start a
 * tag (or be in a comment, a script, an attribute's value or, in Markdown, code, where the parser reads
 * no tag), and a tag's quote may be the parser's or not. Every reading is followed, so an attribute of
 * any of them is counted, and the parser's is always one of them: its comments, declarations, raw text
 * and end tags all end at a `>`, as every reading of a tag outside quotes does.
 */
/** The tag's name, after `<` and a letter. */
const TAG_NAME = 1;
/** Before an attribute's name (after white space, `/`, or a value). */
const BEFORE_NAME = 2;
/** In an attribute's name (its first character any but white space, `/` and `>`). */
const NAME = 4;
/** After a name and white space: `=` gives it a value, anything else starts the next attribute. */
const AFTER_NAME = 8;
/** After `=`, before the value. */
const BEFORE_VALUE = 16;
/** In a value without quotes, up to white space or `>`. */
const UNQUOTED = 32;
/** In a value in double quotes: `>` and `<` are part of it. */
const DOUBLE_QUOTED = 64;
/** In a value in single quotes. */
const SINGLE_QUOTED = 128;
const QUOTED = DOUBLE_QUOTED | SINGLE_QUOTED;
/** Set in {@link readTag}'s result when a reading starts an attribute at the character. */
const STARTS_ATTRIBUTE = 256;
const READINGS = STARTS_ATTRIBUTE - 1;

/**
 * The readings after character `c`, with {@link STARTS_ATTRIBUTE} when one starts an attribute there:
 * the parser's own steps (a name ends at white space, `/`, `>` or `=`; `/` before anything but `>` is
 * skipped; a value in quotes ends at its quote, one without at white space or `>`). The tag ends, in
 * every reading outside quotes, at `>`.
 */
function readTag(readings: number, c: number): number {
  const space = c === 32 || c === NEWLINE || c === 9 || c === 12 || c === CARRIAGE_RETURN;
  let next = 0;
  let starts = false;
  if (c !== GREATER_THAN && (readings & ~QUOTED) !== 0) {
    if ((readings & TAG_NAME) !== 0) next |= space || c === SLASH ? BEFORE_NAME : TAG_NAME;
    if ((readings & BEFORE_NAME) !== 0) {
      if (space || c === SLASH) next |= BEFORE_NAME;
      else {
        next |= NAME;
        starts = true;
      }
    }
    if ((readings & NAME) !== 0) next |= c === EQUALS ? BEFORE_VALUE : space ? AFTER_NAME : c === SLASH ? BEFORE_NAME : NAME;
    if ((readings & AFTER_NAME) !== 0) {
      if (space) next |= AFTER_NAME;
      else if (c === EQUALS) next |= BEFORE_VALUE;
      else if (c === SLASH) next |= BEFORE_NAME;
      else {
        next |= NAME;
        starts = true;
      }
    }
    if ((readings & BEFORE_VALUE) !== 0) next |= space ? BEFORE_VALUE : c === DOUBLE_QUOTE ? DOUBLE_QUOTED : c === SINGLE_QUOTE ? SINGLE_QUOTED : UNQUOTED;
    if ((readings & UNQUOTED) !== 0) next |= space ? BEFORE_NAME : UNQUOTED;
  }
  if ((readings & DOUBLE_QUOTED) !== 0) next |= c === DOUBLE_QUOTE ? BEFORE_NAME : DOUBLE_QUOTED;
  if ((readings & SINGLE_QUOTED) !== 0) next |= c === SINGLE_QUOTE ? BEFORE_NAME : SINGLE_QUOTED;
  return starts ? next | STARTS_ATTRIBUTE : next;
}

/** Whether `c` starts a tag's name after `<` (an ASCII letter), as the parser reads it. */
function isTagStart(c: number): boolean {
  return (c | 0x20) >= 97 && (c | 0x20) <= 122;
}

/** Whether `c` can end the word before an attribute (white space, `/`, a quote): each such word may be one in Markdown whose HTML a quote left open. */
function isWordBreak(c: number): boolean {
  return c === 32 || c === NEWLINE || c === 9 || c === 12 || c === CARRIAGE_RETURN || c === SLASH || c === DOUBLE_QUOTE || c === SINGLE_QUOTE;
}

/**
 * Refuses a seed with more units of structure than `limit`, before any parser sees it: a unit is a line
 * with text, and for Markdown also a mark of inline markup, two for each block marker that starts a
 * line's text, and a table's every cell (the parser fills each row up to the columns of its delimiter
 * row: 15 KB of short rows under 181 columns took 548 MB); for HTML, a start tag. For both, each
 * attribute of a start tag, in every way the text can be read (see {@link readTag}): one tag of 5 MB of
 * short attributes, each named differently, took 420 to 450 MB to normalize; 200,000 of them, the limit
 * at 5 MB, take at most 215 MB (an attribute about a fifth of a line's memory). In Markdown a
 * quote still open at a line's end may be left open by the HTML block it is in, so that the HTML parser
 * reads the text after it (where Markdown writes `>` as `&gt;`) as attributes: from there on, every word
 * counts. One pass over the text (plain text no longer than the limit cannot exceed it and is not
 * scanned). `E_TOO_LARGE` names the file and the line where the count passed the limit.
 */
export function checkSeedStructure(text: string, count: StructureCount): void {
  const { limit, kind } = count;
  const markdown = kind === 'markdown';
  // Plain text has at most one unit a character: a text no longer than the limit cannot pass it. Markdown
  // and HTML are always scanned: a table's short row can be many cells, and a character two units (`<`
  // opening a tag and an attribute).
  if (kind === 'text' && text.length <= limit) return;
  if (kind === 'html') {
    // Start tags (an element opens once) and their attributes: 5 MB of `<p>a</p>` took 600 MB to normalize,
    // of `<h2>a</h2><p>b` 500 MB under a unit for three tags of any kind. Outside any tag, the engine's own
    // search finds the next `<`; inside one, each character is read.
    let units = 0;
    let readings = 0;
    for (let at = text.indexOf('<'); at >= 0 && at < text.length; at++) {
      if (readings === 0) {
        at = text.indexOf('<', at);
        if (at < 0) break;
      }
      const c = text.charCodeAt(at);
      if (readings !== 0) {
        const read = readTag(readings, c);
        readings = read & READINGS;
        if (read >= STARTS_ATTRIBUTE) units++;
      }
      if (c === LESS_THAN) {
        const next = text.charCodeAt(at + 1);
        if (next !== SLASH) units++;
        if (isTagStart(next)) readings |= TAG_NAME;
      }
      if (units > limit) throw tooMuchStructure(count, lineOf(text, at));
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
  /** The readings of a start tag the text is in (see {@link readTag}); 0 for none. */
  let readings = 0;
  /** Whether a quote of a tag was open at a line's end: every word counts from there on. */
  let words = false;
  /** Whether the character before this one ends a word (see {@link isWordBreak}). */
  let wordBreak = true;
  // One step past the end, as the end of the last line. No closure here: the loop's variables stay in registers.
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? NEWLINE : text.charCodeAt(i);
    if (markdown && (readings !== 0 || words || c === LESS_THAN)) {
      if (words) {
        const breaks = isWordBreak(c);
        if (!breaks && wordBreak) units++;
        wordBreak = breaks;
      }
      // A `>` among a line's markers may be a quote's, which Markdown takes out of an HTML block's lines:
      // the tag goes on in the parser's reading, so it goes on here too (in a reading where it ends the
      // tag, the text after it is outside any tag, as in the readings that start at every `<`).
      if (readings !== 0 && !(c === GREATER_THAN && leading)) {
        const read = readTag(readings, c);
        readings = read & READINGS;
        if (read >= STARTS_ATTRIBUTE) units++;
      }
      if (c === LESS_THAN && isTagStart(text.charCodeAt(i + 1))) readings |= TAG_NAME;
      // A quote open at a line's end may be open at the end of an HTML block (which ends at a line's end),
      // and then the parser reads Markdown's text in it, and after it the text's words as attributes.
      if ((c === NEWLINE || c === CARRIAGE_RETURN) && (readings & QUOTED) !== 0) words = true;
    }
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
      // Past a line's markers, only line ends and marks of markup count: the engine's own search finds the next
      // (outside tags: inside one, each character is read).
      if (markdown && readings === 0 && !words) {
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
    markdown: 'lines, marks of markup, table cells and HTML attributes',
    html: 'HTML start tags and attributes',
    sections: 'sections, blocks and list items',
  }[kind];
  const subject = field ? `${field} has` : 'has';
  const when = after !== undefined ? ` ${after}` : line !== undefined ? ' by this line' : '';
  const perBytes = `(the limit is one per ${SEED_BYTES_PER_UNIT} of its bytes)`;
  const advice = !item ? `split the article, or raise \`maxSeedBytes\` ${perBytes}` : capOption ? `split the text, or raise \`${capOption}\` ${perBytes}` : 'split the text';
  const detail = `${subject} more than ${limit.toLocaleString('en-US')} ${what}${when}: normalizing takes memory for each; ${advice}`;
  return new StoryfeedError('E_TOO_LARGE', detail, { file, ...(line !== undefined ? { line } : {}) });
}
