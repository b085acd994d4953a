import htmlBlockNames from 'markdown-it/lib/common/html_blocks.mjs';
import { HTML_OPEN_CLOSE_TAG_RE } from 'markdown-it/lib/common/html_re.mjs';
import { codeLines } from './code-lines.js';

/**
 * Python-Markdown's admonitions and PyMdown's collapsible blocks and content tabs, as MkDocs (Material for
 * MkDocs' blog among them) writes them: a `!!! warning "Title"` (or `??? note`, `???+ tip`, `=== "Tab"`) line,
 * then its content indented by four spaces. To CommonMark the line is text and the content a code block:
 * readers saw `!!! warning "Title"` and the prose as code. An admonition is written as a quote opening with
 * its title in bold (the type's name when no title is given, none for `""`); a tab as its name in bold, then
 * its content, dedented. Each line stays on its line, so what later passes say of a line names the file's.
 * Code is left as written, as CommonMark reads it: fenced, indented, and raw HTML blocks (`<pre>`, `<script>`,
 * `<!-- … -->`, a `<div>` up to the next blank line): a post showing how to write a block shows it as code.
 */

/**
 * A block's opening line: its indent, its mark, the type (not for a tab) and its quoted title. Each run of
 * blanks is one quantifier's (the blanks after the type and after the title are theirs), so a line of a mark
 * and blanks that is none is refused in time linear in it, not cubic.
 */
const OPENING = /^( *)(!!!|\?\?\?\+?|===\+?)[ \t]+(?:([A-Za-z][\w-]*)(?:[ \t]+[A-Za-z][\w-]*)*[ \t]*)?(?:"([^"]*)"[ \t]*)?$/;

/**
 * CommonMark's raw HTML blocks, as markdown-it (which parses the seed) reads them: what opens one, on a line
 * without its indent; what ends it, on a line (on the opening one too), or a blank line for none; and
 * whether it may open right after a line of a paragraph.
 */
const HTML_BLOCKS: readonly { opens: RegExp; closes?: RegExp; interrupts: boolean }[] = [
  { opens: /^<(?:script|pre|style|textarea)(?=\s|>|$)/i, closes: /<\/(?:script|pre|style|textarea)>/i, interrupts: true },
  { opens: /^<!--/, closes: /-->/, interrupts: true },
  { opens: /^<\?/, closes: /\?>/, interrupts: true },
  { opens: /^<![A-Za-z]/, closes: />/, interrupts: true },
  { opens: /^<!\[CDATA\[/, closes: /\]\]>/, interrupts: true },
  { opens: new RegExp(`^</?(?:${htmlBlockNames.join('|')})(?=\\s|/?>|$)`, 'i'), interrupts: true },
  { opens: new RegExp(`${HTML_OPEN_CLOSE_TAG_RE.source}\\s*$`), interrupts: false },
];

/** Blocks read within blocks, at most: deeper ones are left as written (each level reads its lines again). */
const MAX_DEPTH = 8;

/** What {@link withAdmonitions} gives. */
export interface Admonitions {
  /** The Markdown with each block written as Markdown readers can be shown. */
  body: string;
  /** How many blocks were written so. */
  count: number;
}

/**
 * The Markdown with admonitions, collapsible blocks and content tabs (outside code and raw HTML) written as
 * quotes and bold names. A block is one only when its content, indented four spaces more than its line,
 * follows it; blocks may nest, {@link MAX_DEPTH} deep. One pass over the lines, each read again once per block holding it:
 * a line is looked at as content only for a block it then belongs to (or for the one line after a block without any).
 */
export function withAdmonitions(markdown: string, depth = 0): Admonitions {
  if (depth >= MAX_DEPTH || (!markdown.includes('!!!') && !markdown.includes('???') && !markdown.includes('==='))) return { body: markdown, count: 0 };
  const lines = markdown.split('\n');
  const out: string[] = [];
  let count = 0;
  const codeOf = codeLines();
  // The raw HTML block the line is in: what ends it (`null`: a blank line), or `undefined` outside one.
  let html: RegExp | null | undefined;
  // Whether the line before is a paragraph's, which some HTML cannot interrupt.
  let paragraph = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (html !== undefined) {
      // Its lines are not Markdown: the code helper does not see them (a fence there opens none).
      if (html === null ? line.trim() === '' : html.test(line)) html = undefined;
      out.push(line);
      paragraph = false;
      continue;
    }
    const code = codeOf(line);
    if (code !== undefined) {
      // An indented line after a paragraph's continues it: it stays one.
      if (code === 'fenced') paragraph = false;
      out.push(line);
      continue;
    }
    const unindented = line.replace(/^[ \t]+/, '');
    const opensHtml = unindented.startsWith('<') ? HTML_BLOCKS.find((b) => b.opens.test(unindented) && (b.interrupts || !paragraph)) : undefined;
    if (opensHtml) {
      if (!opensHtml.closes?.test(unindented)) html = opensHtml.closes ?? null;
      out.push(line);
      paragraph = false;
      continue;
    }
    const block = OPENING.exec(line);
    const tab = block?.[2]?.startsWith('===') === true;
    // An admonition needs its type, a tab its name: the content of a line with neither is not looked for.
    if (!block || (block[3] === undefined && !tab) || (tab && block[4] === undefined)) {
      out.push(line);
      paragraph = line.trim() !== '';
      continue;
    }
    const indent = block[1]!.length;
    // Its content: the lines after it indented four spaces more (blank lines within), up to the first that is not.
    const inner = ' '.repeat(indent + 4);
    let end = i + 1;
    while (end < lines.length && (lines[end]!.startsWith(inner) || (lines[end]!.trim() === '' && end + 1 < lines.length && lines[end + 1]!.startsWith(inner)))) end++;
    if (end === i + 1) {
      out.push(line);
      paragraph = true;
      continue;
    }
    count++;
    const margin = ' '.repeat(indent);
    const type = block[3];
    const title = block[4] ?? (type === undefined ? '' : type[0]!.toUpperCase() + type.slice(1));
    // The content, dedented, read again for blocks within it.
    const content = withAdmonitions(
      lines
        .slice(i + 1, end)
        .map((l) => l.slice(indent + 4))
        .join('\n'),
      depth + 1,
    );
    count += content.count;
    const quote = tab ? '' : '> ';
    // Line for line, so that what later passes say of a line names the file's.
    out.push(`${margin}${title.trim() !== '' ? `${quote}**${title.trim()}**` : quote.trimEnd()}`);
    for (const l of content.body.split('\n')) out.push(`${margin}${(quote + l).trimEnd()}`);
    i = end - 1;
    paragraph = true;
  }
  return count === 0 ? { body: markdown, count: 0 } : { body: out.join('\n'), count };
}
