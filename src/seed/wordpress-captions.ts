import { codeLines } from './code-lines.js';
import { codeSpans } from './template-links.js';

/**
 * WordPress's caption shortcode, as exports of a WordPress blog to Markdown keep it (jekyll-import,
 * wordpress-export-to-markdown, Hexo's and Pelican's importers): `[caption id="attachment_448"
 * align="aligncenter" width="632"]<img …> The caption[/caption]`, or its older form with the caption in a
 * `caption="…"` attribute; an HTML-to-Markdown converter may have escaped its brackets (`\[caption …\]`).
 * Only WordPress renders it: readers were shown its tags as text. The tags are taken out, what they hold
 * (the image, then its caption) stays, and a caption given as an attribute is written after the image. The tags are
 * taken out in pairs within a paragraph: one alone stays as written (see {@link withoutWordpressCaptions}).
 */

/** What {@link withoutWordpressCaptions} gives. */
export interface WordpressCaptions {
  /** The Markdown without the caption shortcodes' tags. */
  body: string;
  /** How many captions were read. */
  count: number;
  /**
   * The lines of the text given left out (0-based, in order): lines that held nothing but a caption's tags, between
   * two lines of text (a blank line there would end the paragraph, and make a list loose).
   */
  dropped?: number[];
}

/** A line that makes the paragraph line above it a heading (`Title` over `===` or `---`). */
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * Where a caption tag may start: `[caption`, `[wp_caption`, `[/caption` or `[/wp_caption` (its bracket escaped or
 * not), a closing one with group 1. What follows is read by {@link captionTags}, without a pattern that could go
 * back over it.
 */
const TAG_START = /\\?\[(\/)?(?:wp_)?caption/gi;
/** The caption given as an attribute: where its value starts, after `caption="` (or `caption='`), the quote in group 1. */
const CAPTION_ATTRIBUTE = /\bcaption\s*=\s*(["'])/i;

/** A caption tag on a line: where it starts and ends and, for an opening tag, the caption its attribute gives. */
interface CaptionTag {
  start: number;
  end: number;
  closing: boolean;
  caption?: string;
  /**
   * The bracket that escapes the tag as WordPress reads it (`[[caption …]…[/caption]]`), its own bracket escaped or
   * not: for an opening tag where the `[` before it starts, for a closing one where the `]` after it ends.
   */
  escape?: number;
  /** Whether it is one of an opening and a closing tag taken out together. */
  paired?: boolean;
  /** Whether its pair is escaped: both tags stay, without the brackets that escape them. */
  escaped?: boolean;
}

/**
 * The caption tags of a line outside its code spans, in order. An opening tag is `[caption`, white space, then
 * attributes up to the first `]` (WordPress always writes some, with `=`: `[caption]` alone may be a link's
 * text in prose); a closing tag is `[/caption]`; either may have its brackets escaped. The next `]` and the
 * next `=` are each looked for once however many tags start before them, so the line is read in linear time.
 */
function captionTags(line: string): CaptionTag[] {
  const spans = codeSpans(line);
  // Tags are looked at in order, so the spans are passed over once.
  let span = 0;
  const inCode = (at: number): boolean => {
    while (span < spans.length && spans[span]![1] <= at) span++;
    return span < spans.length && spans[span]![0] <= at;
  };
  // The next `]` and `=` at or after a position (the line's length when there is none), kept while ahead.
  let bracket = -1;
  let equals = -1;
  const next = (mark: string, known: number, at: number): number => {
    if (known >= at) return known;
    const found = line.indexOf(mark, at);
    return found < 0 ? line.length : found;
  };
  const tags: CaptionTag[] = [];
  TAG_START.lastIndex = 0;
  for (let start = TAG_START.exec(line); start; start = TAG_START.exec(line)) {
    const at = TAG_START.lastIndex;
    bracket = next(']', bracket, at);
    // No `]` is left on the line: no tag can end.
    if (bracket === line.length) break;
    if (inCode(start.index)) continue;
    // The closing bracket, escaped or not, and the attributes before it.
    const inner = line[bracket - 1] === '\\' && bracket - 1 >= at ? bracket - 1 : bracket;
    if (start[1] !== undefined) {
      if (inner !== at) continue;
      const after = line[bracket + 1] === ']' ? bracket + 2 : line.startsWith('\\]', bracket + 1) ? bracket + 3 : undefined;
      tags.push({ start: start.index, end: bracket + 1, closing: true, escape: after });
    } else {
      equals = next('=', equals, at);
      if (!/\s/.test(line[at]!) || equals >= bracket) continue;
      const before = line[start.index - 1] === '[' ? start.index - (line[start.index - 2] === '\\' ? 2 : 1) : undefined;
      tags.push({ start: start.index, end: bracket + 1, closing: false, caption: attributeCaption(line.slice(at, inner)), escape: before });
    }
    TAG_START.lastIndex = bracket + 1;
  }
  return tags;
}

/** The caption an opening tag's attributes give (`caption="…"`, or in single quotes), trimmed; none when empty or unclosed. */
function attributeCaption(attributes: string): string | undefined {
  const attribute = CAPTION_ATTRIBUTE.exec(attributes);
  if (!attribute) return undefined;
  const from = attribute.index + attribute[0].length;
  const to = attributes.indexOf(attribute[1]!, from);
  return to < 0 ? undefined : attributes.slice(from, to).trim() || undefined;
}

/**
 * Takes the spaces and tabs that follow the last text held in `pieces` off it (dropping pieces left empty), and
 * gives whether there was text: blanks with no text before them are the line's indentation, and stay. The pieces
 * are looked at back to the last text, so blanks are looked at once before they are taken off or a caption follows.
 */
function trimTrailingBlanks(pieces: string[]): boolean {
  for (let piece = pieces.length - 1; piece >= 0; piece--) {
    const text = pieces[piece]!;
    let end = text.length;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    if (end > 0) {
      pieces[piece] = text.slice(0, end);
      pieces.length = piece + 1;
      return true;
    }
  }
  return false;
}

/** A caption tag with the line it is on. */
interface PlacedTag {
  line: number;
  tag: CaptionTag;
}

/**
 * Pairs the tags of one block (its lines up to a blank one), in order: a closing tag closes the opening tag
 * nearest before it that no other closed. Gives how many captions are read; the tags paired are marked, and a
 * closing tag takes its opening tag's caption. A pair with a `[` before its opening tag and a `]` after its closing
 * one is escaped, as WordPress reads it (it shows the shortcode, without those brackets): no caption is read.
 */
function pairTags(block: readonly PlacedTag[]): number {
  let opening: CaptionTag | undefined;
  let pairs = 0;
  for (const { tag } of block) {
    if (!tag.closing) opening = tag;
    else if (opening) {
      opening.paired = tag.paired = true;
      if (opening.escape !== undefined && tag.escape !== undefined) opening.escaped = tag.escaped = true;
      else {
        tag.caption = opening.caption;
        pairs++;
      }
      opening = undefined;
    }
  }
  return pairs;
}

/**
 * The Markdown without WordPress's caption tags outside code (fenced, indented or inline), the caption an
 * opening tag gives as an attribute written where its closing tag was. An opening and a closing tag are taken
 * out as a pair, the closing one after the opening one in the same block (the shortcode is one paragraph,
 * over several lines at most). Either tag alone stays as written: a closing one alone is prose about the
 * shortcode (`close it with [/caption]`), and an opening one alone gives no caption to write anywhere.
 * One pass over the lines, each read in linear time.
 */
export function withoutWordpressCaptions(markdown: string): WordpressCaptions {
  if (!/caption/i.test(markdown)) return { body: markdown, count: 0 };
  const lines = markdown.split('\n');
  const codeOf = codeLines({ commonMark: true });
  let count = 0;
  let changed = false;
  // Lines that held text and nothing is left of: dropped between two lines of text, else blank.
  const emptied = new Set<number>();
  // The tags of the block being read, rewritten when it ends.
  let block: PlacedTag[] = [];
  const endBlock = (): void => {
    if (block.length === 0) return;
    count += pairTags(block);
    for (let k = 0; k < block.length; ) {
      const i = block[k]!.line;
      const line = lines[i]!;
      // The line's text around its tags, in pieces (each trimmed once before a caption written after it).
      const out: string[] = [];
      let from = 0;
      for (; k < block.length && block[k]!.line === i; k++) {
        const { tag } = block[k]!;
        if (!tag.paired) continue;
        if (tag.escaped) {
          // The tag stays; the bracket escaping it goes.
          out.push(line.slice(from, tag.closing ? tag.end : tag.escape));
          from = tag.closing ? tag.escape! : tag.start;
          continue;
        }
        out.push(line.slice(from, tag.start));
        from = tag.end;
        if (tag.closing && tag.caption) {
          // After text, one space parts the caption from it; at the line's start it keeps the line's indentation.
          out.push(trimTrailingBlanks(out) ? ` ${tag.caption}` : tag.caption);
        }
      }
      if (from === 0) continue;
      out.push(line.slice(from));
      lines[i] = out.join('');
      if (lines[i]!.trim() === '') emptied.add(i);
      changed = true;
    }
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const code = codeOf(line);
    // A blank line, fenced code or a raw HTML block ends a block; an indented line (code, or the image's line in a
    // caption) does not. Raw HTML that is markup (a `<div>` up to a blank line) shows a caption's tags as text, as
    // prose does: they are read there too, not in `<pre>`, `<script>` or a comment.
    if (code === 'fenced' || code === 'verbatim' || line.trim() === '') endBlock();
    if ((code !== undefined && code !== 'html') || !/caption/i.test(line)) continue;
    for (const tag of captionTags(line)) block.push({ line: i, tag });
  }
  endBlock();
  if (!changed) return { body: markdown, count: 0 };
  if (emptied.size === 0) return { body: lines.join('\n'), count };
  const { body, dropped } = withoutEmptiedLines(lines, emptied);
  return dropped.length > 0 ? { body, count, dropped } : { body, count };
}

/**
 * The lines without those `emptied` (held text, nothing is left of) that stand between two lines of text, as the
 * text reads without the shortcode (`- Step` / `[caption …]` / `<img …> Caption[/caption]` / `- Next` stays a tight
 * list, the image in the step's paragraph); others stay, blank. A run of them is looked at once.
 */
function withoutEmptiedLines(lines: readonly string[], emptied: ReadonlySet<number>): { body: string; dropped: number[] } {
  const out: string[] = [];
  const dropped: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!emptied.has(i)) {
      out.push(lines[i]!);
      continue;
    }
    let end = i;
    while (emptied.has(end)) end++;
    const next = lines[end];
    const between = (out[out.length - 1] ?? '').trim() !== '' && next !== undefined && next.trim() !== '' && !SETEXT_UNDERLINE.test(next);
    for (; i < end; i++) {
      if (between) dropped.push(i);
      else out.push(lines[i]!);
    }
    i = end - 1;
  }
  return { body: out.join('\n'), dropped };
}
