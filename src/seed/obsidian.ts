import { codeLines } from './code-lines.js';
import { addPiece, afterCut } from './inline-tags.js';
import { codeSpans } from './template-links.js';

/**
 * Obsidian's own Markdown, which CommonMark shows as text. Comments (`%%private%%`, or `%%` … `%%` over
 * several lines) are an editor's notes: they go with what they hold, as Nunjucks' and Liquid's do (a
 * `%%` with no `%%` after it, on its line or a later one, is text: `100%%`). Wikilinks (`[[Page]]`,
 * `[[Page|alias]]`, `[[Page#Heading]]`) are links to the vault, not the web: their text stays (the alias,
 * else the page's name). Embeds (`![[image.png]]`) show a vault file, which no reader can fetch: they go.
 * A callout's marker (`> [!note] Title`, GitHub's `> [!NOTE]` too) gives way to its title, in bold (the
 * type, capitalised, when it has none); the block stays a quote. Code (fenced, indented, inline) is left
 * as written. One pass over the lines and one over each line's characters.
 */

/** What {@link withoutObsidianSyntax} gives. */
export interface ObsidianText {
  /** The Markdown without Obsidian's own syntax. */
  body: string;
  /** Whether anything was changed. */
  changed: boolean;
}

/** Obsidian's comment mark, which opens and closes a comment. */
const COMMENT = '%%';

/** A callout's marker after a line's quote marks: `[!note]`, `[!tip]-` (folded), then its title. */
const CALLOUT = /^\[!([A-Za-z][\w-]*)\]([+-]?)(?:[ \t]+(.*))?$/;

/** A line's quote marks: at most three spaces, then `>` marks and the white space between them (one character class: no backtracking). */
const QUOTE_MARKS = /^ {0,3}>[> \t]*/;

/** Removes Obsidian's own syntax from a Markdown body (see the module's comment). */
export function withoutObsidianSyntax(markdown: string): ObsidianText {
  if (!markdown.includes(COMMENT) && !markdown.includes('[[') && !markdown.includes('[!')) return { body: markdown, changed: false };
  const lines = markdown.split('\n');
  const lastMark = lastCommentMark(lines);
  const codeOf = codeLines();
  const out: string[] = [];
  // Lines left out since the last line kept (blanked, or dropped inside a paragraph), and dropped lines not yet given back.
  let removed = 0;
  let owed = 0;
  let changed = false;
  const keep = (line: string): void => {
    // Between two lines of text they are dropped: a blank line there would end the paragraph or list item.
    const between = isText(out[out.length - 1]) && isText(line);
    if (between) owed += removed;
    else for (; removed > 0; removed--) out.push('');
    removed = 0;
    // Dropped lines come back at the next blank line, so the lines after it keep the seed's numbers.
    if (!isText(line)) for (; owed > 0; owed--) out.push('');
    out.push(line);
  };
  // Inside a comment over several lines: everything up to the next comment mark goes.
  let hiding = false;
  for (let i = 0; i < lines.length; i++) {
    const given = lines[i]!;
    let line = given;
    if (hiding) {
      const end = markOutsideCode(given);
      if (end < 0) {
        removed++;
        continue;
      }
      hiding = false;
      line = given.slice(end + COMMENT.length);
      if (line.trim() === '') {
        removed++;
        continue;
      }
    } else if (codeOf(given) !== undefined) {
      keep(given);
      continue;
    }
    const done = withoutObsidianMarks(line, i < lastMark);
    hiding = done.open;
    const callout = done.line === line ? calloutTitle(done.line, lines[i - 1], lines[i + 1]) : done.line;
    if (callout !== given) changed = true;
    if (callout.trim() === '' && given.trim() !== '') removed++;
    else keep(callout);
  }
  if (!changed) return { body: markdown, changed };
  for (removed += owed; removed > 0; removed--) out.push('');
  return { body: out.join('\n'), changed };
}

/**
 * The last line (0-based) holding a comment mark outside code, -1 for none: a comment opened before it
 * and not closed on its own line ends on a later one. A mark in code closes nothing.
 */
function lastCommentMark(lines: readonly string[]): number {
  const codeOf = codeLines();
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (codeOf(line) === undefined && markOutsideCode(line) >= 0) last = i;
  }
  return last;
}

/** Where the first comment mark outside inline code is on a line, -1 for none. */
function markOutsideCode(line: string): number {
  let at = line.indexOf(COMMENT);
  if (at < 0) return -1;
  for (const [start, end] of codeSpans(line)) {
    if (at < start) return at;
    if (at < end) at = line.indexOf(COMMENT, end);
    if (at < 0) return -1;
  }
  return at;
}

/** Whether a line is there and holds more than white space. */
function isText(line: string | undefined): boolean {
  return line !== undefined && line.trim() !== '';
}

/**
 * A line (outside code blocks) without its comments, wikilinks as their text and without embeds, and
 * whether a comment opened on it runs on (only when `closesLater`: a comment mark on a later line).
 * Marks in inline code are text; a comment's end is the next mark outside inline code.
 */
export function withoutObsidianMarks(line: string, closesLater = false): { line: string; open: boolean } {
  if (!line.includes(COMMENT) && !line.includes('[[')) return { line, open: false };
  const spans = codeSpans(line);
  // The span ending after a position, found by a cursor that only moves forward (positions are asked for in order).
  let span = 0;
  const codeEnd = (at: number): number => {
    while (span < spans.length && spans[span]![1] <= at) span++;
    const found = spans[span];
    return found !== undefined && found[0] <= at ? found[1] : -1;
  };
  const next = nextFinder(line);
  const out: string[] = [];
  let from = 0;
  let at = 0;
  while (at < line.length) {
    const code = codeEnd(at);
    if (code >= 0) {
      at = code;
      continue;
    }
    if (line.startsWith(COMMENT, at)) {
      // Its end: the next mark outside inline code.
      let end = next(COMMENT, at + COMMENT.length);
      while (end >= 0 && codeEnd(end) >= 0) end = next(COMMENT, codeEnd(end));
      if (end < 0) {
        // Never closed: text (`100%%`), unless a later line closes it.
        if (!closesLater) {
          at += COMMENT.length;
          continue;
        }
        addPiece(out, line.slice(from, at));
        afterCut(out, line, line.length);
        return { line: out.join(''), open: true };
      }
      addPiece(out, line.slice(from, at));
      from = afterCut(out, line, end + COMMENT.length);
      at = from;
      continue;
    }
    const link = line.startsWith('[[', at) && line[at - 1] !== '\\' ? wikilinkAt(line, at, next) : undefined;
    if (link === undefined) {
      at++;
      continue;
    }
    if (line[at - 1] === '!') {
      // An embed shows a file of the vault: it goes, with the space around it.
      addPiece(out, line.slice(from, at - 1));
      from = afterCut(out, line, link.end);
    } else {
      addPiece(out, line.slice(from, at));
      addPiece(out, link.text);
      from = link.end;
    }
    at = from;
  }
  if (from === 0) return { line, open: false };
  addPiece(out, line.slice(from));
  return { line: out.join(''), open: false };
}

/**
 * The wikilink opening at `at` (`[[`): where it ends and the text it shows (the alias after `|`, else
 * the page's name without its `#heading`, else the heading). None when its `]]` is not on the line, a
 * bracket comes first, it shows no text, or a link's address follows (`[[1]](url)` is a link).
 */
function wikilinkAt(line: string, at: number, next: (mark: string, from: number) => number): { end: number; text: string } | undefined {
  const close = next(']', at + 2);
  if (close < 0 || line[close + 1] !== ']' || line[close + 2] === '(') return undefined;
  const open = next('[', at + 2);
  if (open >= 0 && open < close) return undefined;
  const inner = line.slice(at + 2, close);
  const bar = inner.indexOf('|');
  // In a table the bar is written `\|`.
  const target = (bar < 0 ? inner : inner.slice(0, bar)).replace(/\\$/, '');
  const alias = bar < 0 ? '' : inner.slice(bar + 1).trim();
  const hash = target.indexOf('#');
  const page = (hash < 0 ? target : target.slice(0, hash)).trim();
  const heading =
    hash < 0
      ? ''
      : target
          .slice(hash + 1)
          .replace(/^\^/, '')
          .trim();
  const text = alias || page || heading;
  return text === '' ? undefined : { end: close + 2, text };
}

/**
 * Where the next `mark` at or after a position is, -1 when there is none. Positions are asked for in
 * increasing order, so the last answer stands while it lies ahead: a line of many `[[` and no `]` is
 * scanned once, not once per `[[`.
 */
function nextFinder(line: string): (mark: string, from: number) => number {
  const last = new Map<string, number>();
  return (mark, from) => {
    const known = last.get(mark);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const found = line.indexOf(mark, from);
    last.set(mark, found);
    return found;
  };
}

/**
 * A callout's first line with its title in bold in place of its marker (the type, capitalised, without
 * a title), ending in a line break when the quote goes on. Only a quote's first line opens a callout.
 */
function calloutTitle(line: string, before: string | undefined, after: string | undefined): string {
  const marks = QUOTE_MARKS.exec(line)?.[0];
  if (marks === undefined) return line;
  const callout = CALLOUT.exec(line.slice(marks.length));
  if (!callout) return line;
  const depth = quoteDepth(marks);
  if (before !== undefined && quoteDepth(QUOTE_MARKS.exec(before)?.[0] ?? '') >= depth) return line;
  const type = callout[1]!;
  const title = callout[3]?.trim() || type[0]!.toUpperCase() + type.slice(1).toLowerCase();
  const afterMarks = after === undefined ? undefined : QUOTE_MARKS.exec(after)?.[0];
  const goesOn = afterMarks !== undefined && isText(after!.slice(afterMarks.length));
  return `${marks.trimEnd()} **${title}**${goesOn ? '\\' : ''}`;
}

/** How many `>` a line's quote marks hold. */
function quoteDepth(marks: string): number {
  let depth = 0;
  for (const c of marks) if (c === '>') depth++;
  return depth;
}
