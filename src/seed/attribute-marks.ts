import { codeLines } from './code-lines.js';
import { codeSpans } from './template-links.js';

/**
 * Attribute marks of the Markdown dialects other generators use, which CommonMark shows as text:
 * kramdown's (Jekyll's) inline attribute lists (`![Map](map.png){: .center}`, a line `{: .note}`,
 * `{:toc}` after the `* TOC` list it replaces, `{::comment}` … `{:/comment}`), and the heading ids
 * of goldmark (Hugo) and kramdown (`## Prices {#prices}`). They only style or name what they follow:
 * leaving them out loses no text. Code (fenced, indented, inline) is left as written.
 */

/** A block attribute list on a line of its own: `{: .note}`, `{:toc}`, an attribute definition `{:ref: .x}`. */
const BLOCK_MARK = /^ {0,3}\{:[^{}\n]*\}\s*$/;
/** A span attribute list right after what it marks (`…){: .btn}`); never after a space, where it would be text. */
const SPAN_MARK = /(?<=\S)\{:[^{}\n]*\}/g;
/** An ATX heading's line. */
const ATX_HEADING = /^ {0,3}#{1,6}\s/;
/** The id and classes that may end a heading, from its last `{`: `{#prices}`, `{: #id .x}`. */
const HEADING_MARK = /^\{:?\s*[#.][^{}\n]*\}\s*$/;
/** kramdown's extensions: `{::options … /}`, `{::nomarkdown}`, `{:/nomarkdown}`, `{:/}`. */
const EXTENSION_MARK = /\{::[a-z]+[^{}\n]*\/?\}|\{:\/[a-z]*\}/g;
/** A one-item list (`* TOC`, `1. TOC`), which kramdown replaces by the table of contents the `{:toc}` after it asks for. */
const TOC_PLACEHOLDER = /^ {0,3}(?:[*+-]|\d+[.)])\s+\S/;

/** What {@link withoutAttributeMarks} gives. */
export interface WithoutMarks {
  /** The Markdown without the marks (a line that held only marks is blank). */
  body: string;
  /** Whether anything was left out. */
  changed: boolean;
}

/**
 * The Markdown without kramdown's and goldmark's attribute marks (see above); a `{::comment}` block
 * goes with what it holds. One pass over the lines; a line is looked at only when it holds `{`.
 */
export function withoutAttributeMarks(markdown: string): WithoutMarks {
  if (!markdown.includes('{:') && !markdown.includes('{#') && !markdown.includes('{.')) return { body: markdown, changed: false };
  const lines = markdown.split('\n');
  const codeOf = codeLines();
  let comment = false;
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (comment) {
      if (line.includes('{:/comment}') || /\{:\/\}/.test(line)) comment = false;
      lines[i] = '';
      changed = true;
      continue;
    }
    if (codeOf(line) !== undefined || !line.includes('{')) continue;
    if (/^\s*\{::comment\}/.test(line)) {
      comment = !line.includes('{:/comment}') && !/\{:\/\}/.test(line);
      lines[i] = '';
      changed = true;
      continue;
    }
    if (BLOCK_MARK.test(line)) {
      // `* TOC` then `{:toc}`: kramdown's table of contents, which a feed has no use for.
      if (/\{:toc\}/.test(line) && i > 0 && TOC_PLACEHOLDER.test(lines[i - 1]!)) lines[i - 1] = '';
      lines[i] = '';
      changed = true;
      continue;
    }
    const unmarked = outsideCode(withoutHeadingMark(line), (text) => text.replace(SPAN_MARK, '').replace(EXTENSION_MARK, ''));
    if (unmarked !== line) {
      lines[i] = unmarked;
      changed = true;
    }
  }
  return changed ? { body: lines.join('\n'), changed } : { body: markdown, changed };
}

/** An ATX heading without the id and classes at its end (found from its last `{`, so one look at the line). */
function withoutHeadingMark(line: string): string {
  if (!ATX_HEADING.test(line)) return line;
  const brace = line.lastIndexOf('{');
  return brace > 0 && HEADING_MARK.test(line.slice(brace)) ? line.slice(0, brace).trimEnd() : line;
}

/** `line` with `change` applied to its parts outside inline code. */
function outsideCode(line: string, change: (text: string) => string): string {
  const spans = codeSpans(line);
  if (spans.length === 0) return change(line);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += change(line.slice(at, start)) + line.slice(start, end);
    at = end;
  }
  return out + change(line.slice(at));
}
