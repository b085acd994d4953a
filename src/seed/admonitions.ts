import { codeLineReader } from './code-lines.js';

/**
 * Python-Markdown's admonitions and PyMdown's collapsible blocks and content tabs, as MkDocs (Material for
 * MkDocs' blog among them) writes them: a `!!! warning "Title"` (or `??? note`, `???+ tip`, `=== "Tab"`) line,
 * then its content indented by four spaces. To CommonMark the line is text and the content a code block:
 * readers saw `!!! warning "Title"` and the prose as code. An admonition is written as a quote opening with
 * its title in bold (the type's name when no title is given, none for `""`); a tab as its name in bold, then
 * its content, dedented. Each line stays on its line, so what later passes say of a line names the file's.
 * Code is left as written, as CommonMark reads it (see `code-lines.ts`): fenced, indented, and raw HTML blocks
 * (`<pre>`, `<script>`, `<!-- … -->`, a `<div>` up to the next blank line): a post showing how to write a block shows it as code.
 */

/**
 * A block's opening line: its indent, its mark, the type (not for a tab) and its quoted title. Each run of
 * blanks is one quantifier's (the blanks after the type and after the title are theirs), so a line of a mark
 * and blanks that is none is refused in time linear in it, not cubic.
 */
const OPENING = /^( *)(!!!|\?\?\?\+?|===\+?)[ \t]+(?:([A-Za-z][\w-]*)(?:[ \t]+[A-Za-z][\w-]*)*[ \t]*)?(?:"([^"]*)"[ \t]*)?$/;

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
  // What each line is as Markdown reads it (code, raw HTML, prose), the lines written out read in the file's place.
  const kinds = codeLineReader({ commonMark: true });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (kinds.peek(line) !== undefined) {
      kinds.read(line);
      out.push(line);
      continue;
    }
    const block = OPENING.exec(line);
    const tab = block?.[2]?.startsWith('===') === true;
    // An admonition needs its type, a tab its name: the content of a line with neither is not looked for.
    if (!block || (block[3] === undefined && !tab) || (tab && block[4] === undefined)) {
      kinds.read(line);
      out.push(line);
      continue;
    }
    const indent = block[1]!.length;
    // Its content: the lines after it indented four spaces more (blank lines within), up to the first that is not.
    const inner = ' '.repeat(indent + 4);
    let end = i + 1;
    while (end < lines.length && (lines[end]!.startsWith(inner) || (lines[end]!.trim() === '' && end + 1 < lines.length && lines[end + 1]!.startsWith(inner)))) end++;
    if (end === i + 1) {
      kinds.read(line);
      out.push(line);
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
    const written = [`${margin}${title.trim() !== '' ? `${quote}**${title.trim()}**` : quote.trimEnd()}`];
    for (const l of content.body.split('\n')) written.push(`${margin}${(quote + l).trimEnd()}`);
    for (const l of written) {
      kinds.read(l);
      out.push(l);
    }
    i = end - 1;
  }
  return count === 0 ? { body: markdown, count: 0 } : { body: out.join('\n'), count };
}
