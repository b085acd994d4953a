import { codeSpans } from './template-links.js';

/**
 * Template tags within a line of text: Hugo's shortcodes (`voted {{< param "votes" >}} to one`,
 * `a {{% mark %}}word{{% /mark %}}`), Liquid's tags (`{% include note.html %}`) and Liquid's output
 * of a page's or the site's variables (`{{ page.date | date: "%B" }}`), Zola's shortcode calls
 * (`an {{ emphasize(text="important word") }}`), and the comments of Liquid
 * (`{% # note %}`) and Nunjucks (`{# note #}`). Only the generator can
 * render them; left in, readers were shown their text (and a summary could start with one). Each
 * tag is taken out, and what a pair of tags holds stays; a Liquid comment or capture, or Hugo's
 * comment shortcode, is taken out with what it holds up to its end tag (none is ever shown; one never
 * closed is a tag like another). Inline code is left as written (a tag ending in it is none), and so
 * is `{{…}}` that is not Liquid's (`{{cite}}`, a Go template Hugo shows as text).
 */

/** What {@link withoutInlineTags} gives for one line. */
export interface InlineTags {
  /** The line without its tags. */
  line: string;
  /** Tags taken out that would have shown something (closing tags and comments not counted). */
  count: number;
  /** The first of them, as written. */
  first?: string;
  /** A block that hides what it holds, opened on this line and ending on a later one (as `hides` said): the lines after it are left out up to its end tag (`#`: a Nunjucks comment, up to `#}`). */
  open?: 'comment' | 'capture' | '#';
}

/** Liquid's (and Eleventy's) output of a template variable, with or without filters: `{{ page.title }}`, `{{- site.time | date: "%Y" -}}`. */
const LIQUID_OUTPUT = /^\{\{-?\s*(?:page|site|layout|include|post|paginator|jekyll|content|eleventy|collections)\b/;

/** Hexo's tags that link to one of its posts or a post's asset: `{% post_link slug [title] [escape] %}`, `{% asset_link file [title] %}`. */
const LINK_TAGS = new Set(['post_link', 'asset_link']);

/**
 * The text Hexo shows for a link tag: its title (the words after the post's name or the file, quoted or not, a
 * last `true` or `false`, the escape flag, aside), else the post's name (Hexo would show that post's title);
 * `undefined` for a tag that names nothing.
 */
function hexoLinkText(tag: string): string | undefined {
  const words = (
    tag
      .slice(2, -2)
      .trim()
      .match(/"[^"]*"|'[^']*'|\S+/g) ?? []
  )
    .slice(1)
    .map((w) => w.replace(/^(["'])(.*)\1$/, '$2'));
  if (words.length === 0 || words[0] === '') return undefined;
  const title = words.slice(1);
  if (title.length > 0 && /^(?:true|false)$/.test(title[title.length - 1]!)) title.pop();
  return title.length > 0 ? title.join(' ') : words[0];
}

/** The opening of Zola's shortcode call, `{{ name(`, and its name. */
const ZOLA_CALL = /^\{\{-?\s*([A-Za-z_][\w-]*)\s*\(/;

/** Liquid blocks whose contents are never shown. */
const HIDDEN_BLOCKS = new Set(['comment', 'capture']);

/** `true` when a line may hold a tag this pass takes out (a cheap test before {@link withoutInlineTags}). */
export function mayHoldInlineTags(line: string): boolean {
  // ("{#" opens a Nunjucks comment.)
  return line.includes('{{') || line.includes('{%') || line.includes('{#');
}

/**
 * The line without its template tags (outside inline code), the spaces around each tidied (see
 * {@link afterCut}). One pass: each tag's end is found from its start (each kind of end looked for
 * once ahead), and the scan goes on after it.
 */
export function withoutInlineTags(line: string, options: InlineTagOptions = {}): InlineTags {
  if (!mayHoldInlineTags(line)) return { line, count: 0 };
  const spans = codeSpans(line);
  const inCode = (at: number): boolean => {
    // The span that ends after `at`, by halving (closers are looked up out of order with tags).
    let low = 0;
    let high = spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (spans[mid]![1] <= at) low = mid + 1;
      else high = mid;
    }
    return low < spans.length && spans[low]![0] <= at;
  };
  // The line without its tags, in pieces (a string grown and looked at the end of would be copied each time).
  const out: string[] = [];
  let from = 0;
  let count = 0;
  let first: string | undefined;
  // A block that hides what it holds (a Liquid comment or capture, Hugo's comment shortcode), opened on this line, until its end tag.
  let hiding: FoundTag | undefined;
  const closers = closerFinder(line);
  let at = line.indexOf('{', 0);
  while (at >= 0 && at < line.length) {
    if (inCode(at)) {
      at = line.indexOf('{', at + 1);
      continue;
    }
    const found = tagAt(line, at, closers);
    // A comment not closed on its line is one only when its end comes on a later line (else it is text).
    const tag = found?.unclosed && (hiding !== undefined || options.hides?.(found.name) !== true) ? undefined : found;
    // A tag whose end lies in inline code is no tag (`{% and end with `%}``).
    if (tag === undefined || inCode(tag.end - 1)) {
      at = line.indexOf('{', at + 1);
      continue;
    }
    const text = line.slice(at, tag.end);
    if (hiding !== undefined) {
      // Inside a hidden block only its end tag counts; everything up to it goes.
      if (ends(hiding, tag)) {
        hiding = undefined;
        from = afterCut(out, line, tag.end);
      }
      at = line.indexOf('{', tag.end);
      continue;
    }
    // Hexo's links to a post or an asset of its own keep their text (their address only Hexo knows).
    const linkText = tag.kind === 'liquid' && LINK_TAGS.has(tag.name) ? hexoLinkText(text) : undefined;
    if (linkText !== undefined) {
      addPiece(out, line.slice(from, at) + linkText);
      from = tag.end;
      count++;
      first ??= text;
      at = line.indexOf('{', from);
      continue;
    }
    addPiece(out, line.slice(from, at));
    from = afterCut(out, line, tag.end);
    // A hidden block hides what follows only up to its end tag: with none ahead (on this line, or later as `hides` says), it is a tag like another.
    if (hidesContents(tag) && (closers(endMark(tag), tag.end) >= 0 || options.hides?.(tag.name) === true)) hiding = tag;
    else if (!tag.closing) {
      count++;
      first ??= text;
    }
    at = line.indexOf('{', from);
  }
  if (hiding === undefined) addPiece(out, line.slice(from));
  // What a block open at the line's end hides goes, and the space before it.
  else afterCut(out, line, line.length);
  const result: InlineTags = { line: out.join(''), count };
  if (first !== undefined) result.first = first;
  if (hiding !== undefined) result.open = hiding.name as 'comment' | 'capture';
  return result;
}

/** Options for {@link withoutInlineTags}. */
export interface InlineTagOptions {
  /** Whether a block named so (`comment`, `capture`) that opens on this line and does not end on it ends on a later line. */
  hides?: (name: string) => boolean;
}

/** Whether a tag opens a block whose contents are never shown: Liquid's `comment` and `capture`, Hugo's `comment` shortcode. */
function hidesContents(tag: FoundTag): boolean {
  if (tag.closing || tag.kind === 'call') return false;
  return tag.kind === 'liquid' ? HIDDEN_BLOCKS.has(tag.name) || tag.unclosed === true : tag.name === 'comment';
}

/** Whether `tag` ends the hidden block `open` (`{% endcomment %}`, `{{% /comment %}}`). */
function ends(open: FoundTag, tag: FoundTag): boolean {
  return open.kind === 'liquid' ? tag.kind === 'liquid' && tag.name === `end${open.name}` : tag.kind === 'shortcode' && tag.closing && tag.name === open.name;
}

/** A text the end tag of a hidden block holds, to look ahead for it cheaply (its closing mark: a match is checked as a tag). */
function endMark(open: FoundTag): string {
  if (open.unclosed) return '#}';
  return open.kind === 'liquid' ? `end${open.name}` : `/${open.name}`;
}

/** Adds a piece of text (an empty one is not kept, so the last piece ends with the last character written). */
export function addPiece(pieces: string[], text: string): void {
  if (text !== '') pieces.push(text);
}

/**
 * Where the text goes on after something left out that ends at `next`, the text so far in `pieces`:
 * of the spaces around what was left out only one stays (none at the line's start or end, and none
 * before a mark that ends a phrase: `in {year}, the` → `in, the`).
 */
export function afterCut(pieces: string[], line: string, next: number): number {
  const last = pieces[pieces.length - 1];
  const before = last === undefined ? '' : last[last.length - 1];
  let after = next;
  // The spaces after it go when spaces (or the line's start) are before it: words stay one space apart, and no indentation is made.
  if (before === '' || before === ' ') while (line[after] === ' ') after++;
  // A space before it goes before a mark that ends a phrase, and at the line's end (two there would break the line).
  if (before === ' ' && (after >= line.length || /[,.;:!?)\]]/.test(line[after]!))) {
    // Not `/ +$/`: that retries at every space of a long run that does not end the piece, quadratic in the run.
    let end = last!.length;
    while (end > 0 && last!.charCodeAt(end - 1) === 32) end--;
    const trimmed = last!.slice(0, end);
    if (trimmed === '') pieces.pop();
    else pieces[pieces.length - 1] = trimmed;
  }
  return after;
}

/** A tag found at a position: where it ends (just after it), its name (lowercase; `#` for a comment) and whether it closes a pair (a comment counts as one: nothing it holds is shown, so it is not counted). */
interface FoundTag {
  end: number;
  /** A Hugo shortcode, a Liquid (or Nunjucks) tag, or Zola's shortcode call. */
  kind: 'shortcode' | 'liquid' | 'call';
  name: string;
  closing: boolean;
  /** A Nunjucks comment whose `#}` is not on this line. */
  unclosed?: boolean;
}

/**
 * Where the next `closer` at or after a position is, -1 when there is none. Positions are asked for
 * in increasing order, so the last answer stands while it lies ahead: a line of many tags that never
 * close (`{%{%{%…`) is scanned once per closer, not once per tag.
 */
function closerFinder(line: string): (closer: string, from: number) => number {
  const last = new Map<string, number>();
  return (closer, from) => {
    const known = last.get(closer);
    if (known !== undefined && (known < 0 || known >= from)) return known;
    const found = line.indexOf(closer, from);
    last.set(closer, found);
    return found;
  };
}

/** Whether the `}}` at `end` closes a call: its arguments' `)` just before it, spaces (and Tera's `-`) aside. */
function closesCall(line: string, end: number): boolean {
  // Looked back over a bounded run: many calls sharing one far `}}` must not each scan the text before it.
  for (let at = end - 1, floor = Math.max(0, end - NAME_WINDOW); at >= floor; at--) {
    const c = line[at];
    if (c === ')') return true;
    if (c !== ' ' && c !== '\t' && c !== '-') return false;
  }
  return false;
}

/** The most characters of a tag read for its name. */
const NAME_WINDOW = 80;

/** The template tag opening at `at`, or `undefined` (none there, or not closed on the line). */
function tagAt(line: string, at: number, closerAt: (closer: string, from: number) => number): FoundTag | undefined {
  if (line.startsWith('{{<', at) || line.startsWith('{{%', at)) {
    const closer = line[at + 2] === '<' ? '>}}' : '%}}';
    const end = closerAt(closer, at + 3);
    if (end < 0) return undefined;
    const inner = line.slice(at + 3, Math.min(end, at + 3 + NAME_WINDOW)).trimStart();
    // Hugo's escaped shortcode (`{{</* x */>}}`) is text, shown as written elsewhere.
    if (inner.startsWith('/*')) return undefined;
    const closing = inner.startsWith('/');
    const name = /^\/?\s*([A-Za-z][\w-]*)/.exec(inner)?.[1]?.toLowerCase();
    return name === undefined ? undefined : { end: end + 3, kind: 'shortcode', name, closing };
  }
  // A comment of Nunjucks and Jinja (Eleventy's templates): an editor's note, never shown. One not closed on
  // its line opens a block that {@link withoutInlineTags} hides to the line's end when its end comes later.
  if (line.startsWith('{#', at)) {
    const end = closerAt('#}', at + 2);
    return end < 0 ? { end: at + 2, kind: 'liquid', name: '#', closing: false, unclosed: true } : { end: end + 2, kind: 'liquid', name: '#', closing: true };
  }
  if (line.startsWith('{%', at)) {
    const end = closerAt('%}', at + 2);
    if (end < 0) return undefined;
    // Liquid's inline comment (`{% # a note %}`): never shown either.
    if (/^-?\s*#/.test(line.slice(at + 2, Math.min(end, at + 2 + NAME_WINDOW)))) return { end: end + 2, kind: 'liquid', name: '#', closing: true };
    const name = /^-?\s*([A-Za-z]\w*)/.exec(line.slice(at + 2, Math.min(end, at + 2 + NAME_WINDOW)))?.[1]?.toLowerCase();
    if (name === undefined) return undefined;
    return { end: end + 2, kind: 'liquid', name, closing: name.startsWith('end') || name === 'else' || name === 'elsif' || name === 'when' };
  }
  if (line.startsWith('{{', at) && LIQUID_OUTPUT.test(line.slice(at, at + NAME_WINDOW))) {
    const end = closerAt('}}', at + 2);
    return end < 0 ? undefined : { end: end + 2, kind: 'liquid', name: 'output', closing: false };
  }
  // Zola's shortcode without a body, called as a function (`{{ youtube(id="dQw4w9WgXcQ") }}`): a name, its
  // arguments in parentheses, nothing else in the braces (so `{{ price }}` and `{{cite}}` stay text).
  if (line.startsWith('{{', at)) {
    const name = ZOLA_CALL.exec(line.slice(at, at + NAME_WINDOW))?.[1];
    if (name === undefined) return undefined;
    const end = closerAt('}}', at + 2);
    if (end < 0 || !closesCall(line, end)) return undefined;
    return { end: end + 2, kind: 'call', name: name.toLowerCase(), closing: false };
  }
  return undefined;
}
