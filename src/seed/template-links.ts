import { codeLines } from './code-lines.js';

/**
 * Links whose address a site generator fills in: Jekyll's `[a]({{ site.baseurl }}/news/)`,
 * `({{ "/plans/a.pdf" | relative_url }})`, `({% post_url 2023-03-01-harbour %})`, Hugo's
 * `({{< ref "map.md" >}})`. Markdown reads none of them as a link (the address holds spaces), so
 * readers were shown the template text. The site's own address is filled in; an address only the
 * generator knows (another post's) is left out, and the link's text kept.
 */

/** What {@link withTemplateLinks} gives. */
export interface TemplateLinks {
  /** The Markdown with the links' addresses filled in, or the links left out. */
  body: string;
  /** How many links (and images) were left out because their address could not be filled in. */
  leftOut: number;
  /** The first link left out: its line (0-based, in the body) and its address as written. */
  first?: { line: number; text: string };
}

/** Liquid's raw tags (`{% raw %}`, `{% endraw %}`), which keep what is between them from being read as tags. */
export const RAW_TAG = /\{%-?\s*(?:end)?raw\s*-?%\}/;
/** {@link RAW_TAG}, every one on a line. */
export const RAW_TAGS = new RegExp(RAW_TAG.source, 'g');

/** Whether Liquid's `{% raw %}` block is open after `line`, given whether it was before it: each raw tag on the line opens or closes one. */
export function rawAfter(line: string, raw: boolean): boolean {
  let open = raw;
  for (const tag of line.match(RAW_TAGS) ?? []) open = !tag.includes('endraw');
  return open;
}

/** Longest part of an address shown in a warning. */
const SHOWN = 60;

/** Liquid's filters that put the site's base before a path: `relative_url` (its path) and `absolute_url` (with its host). */
const URL_FILTER = /\{\{-?\s*(["'])([^"'\n]*)\1\s*\|\s*(?:relative_url|absolute_url)\s*-?\}\}/g;
/**
 * Jekyll's `site.url` (the site's host, `https://example.org`) and `site.baseurl` (its path, `/blog`),
 * alone or one after the other (`{{ site.url }}{{ site.baseurl }}`, the site's address).
 */
const SITE_ADDRESS = /(?:\{\{-?\s*site\.(?:url|baseurl)\s*-?\}\})+/g;
/** What is still a template once the site's address is filled in. */
const TEMPLATE = /\{\{|\{%/;
/**
 * Pelican's placeholders for its own content (`{filename}/images/han.jpg`, `{static}/pdfs/menu.pdf`,
 * `{attach}photo.jpg`, `{tag}pelican`; `|filename|` in its older syntax): the placeholder's name and the path after it.
 */
const PELICAN_LINK = /^(?:\{(filename|static|attach|index|tag|category|author)\}|\|(filename|static|attach|tag|category|author)\|)(.*)$/;
/** A path Pelican reads as an article or page (its address depends on its settings), not a static file. */
const PELICAN_SOURCE = /\.(?:md|markdown|mkd|mdown|rst|html?)(?:[?#].*)?$/i;
/** Zola's internal link, to a file of its `content` folder (`@/blog/post.md#part`), whose address Zola gives it. */
const ZOLA_LINK = /^@\//;
/** A cheap test for an address a generator fills: a template tag, a Pelican placeholder, or Zola's `@/`. */
const MAY_HOLD_FILLED =
  /\{\{|\{%|\{(?:filename|static|attach|index|tag|category|author)\}|\|(?:filename|static|attach|tag|category|author)\||\]\(\s*<?@\/|\]:[ \t]*<?@\/|=\s*["']@\//;

/** Whether an address is one the site generator fills in (see {@link fillAddress}). */
function generatorFills(address: string): boolean {
  return TEMPLATE.test(address) || PELICAN_LINK.test(address) || ZOLA_LINK.test(address);
}
/** A link's or an image's address in raw HTML: `href="…"`, `src='…'`. */
const HTML_ADDRESS = /(\s)(href|src)(\s*=\s*)(["'])([^"'\n]*)\4/gi;

/** The site's address (no `/` at the end) and host, as Jekyll's templates name them; both empty for the site's root. */
interface Site {
  base: string;
  host: string;
}

/**
 * The Markdown with the addresses of links, images and link reference definitions that hold template
 * tags filled in from `siteUrl` (Jekyll's `{{ site.url }}`, `{{ site.baseurl }}`, `relative_url` and
 * `absolute_url` stand for it; without it, for the site's root, `/`), or, where the address needs
 * the generator (`{% post_url %}`, `{% link %}`, Hugo's `ref` and `relref`), the link left out with
 * its text kept and the image left out. Code (fenced, indented, inline) is left as written. One
 * pass over the lines; a line is looked at only when it holds `{{` or `{%`.
 */
export function withTemplateLinks(markdown: string, siteUrl?: string): TemplateLinks {
  if (!MAY_HOLD_FILLED.test(markdown)) return { body: markdown, leftOut: 0 };
  const base = (siteUrl ?? '').replace(/\/+$/, '');
  let host = '';
  try {
    host = siteUrl ? new URL(siteUrl).origin : '';
  } catch {
    host = '';
  }
  const site: Site = { base, host: host === 'null' ? '' : host };
  const lines = markdown.split('\n');
  const codeOf = codeLines({ commonMark: true });
  let raw = false;
  let leftOut = 0;
  let first: TemplateLinks['first'];
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const code = codeOf(line);
    // Raw HTML's addresses are filled, a `<pre>`'s too: its links are live (`<pre><a href="{{ site.baseurl }}/x">`),
    // and left as written they would reach readers as addresses under the site (`/%7B%7B%20site.baseurl…`).
    if (code === 'fenced') continue;
    // What Liquid's raw tags hold, and Hugo's escaped shortcodes (`{{</*`), are text, never filled in.
    if (raw || RAW_TAG.test(line)) {
      raw = rawAfter(line, raw);
      continue;
    }
    if (code === 'indented' || !MAY_HOLD_FILLED.test(line) || line.includes('{{</*') || line.includes('{{%/*')) continue;
    const done = fillLine(line, site);
    if (done.line === line) continue;
    changed = true;
    lines[i] = done.line;
    leftOut += done.leftOut;
    if (done.first !== undefined) first ??= { line: i, text: done.first.length > SHOWN ? `${done.first.slice(0, SHOWN)}…` : done.first };
  }
  if (!changed) return { body: markdown, leftOut: 0 };
  return { body: lines.join('\n'), leftOut, ...(first ? { first } : {}) };
}

/**
 * The address with the site's own address filled in, or `undefined` when a template is left that only the
 * generator can fill. Pelican's `{static}` and `{filename}` before a path from its content folder's root to a
 * static file are the site's address and that path, as Pelican copies such files; its other placeholders,
 * paths relative to the article, `{attach}` (which moves the file beside the article) and Zola's `@/` links
 * name what only the generator places.
 */
function fillAddress(address: string, site: Site): string | undefined {
  if (ZOLA_LINK.test(address)) return undefined;
  const pelican = PELICAN_LINK.exec(address);
  if (pelican) {
    const name = pelican[1] ?? pelican[2];
    const path = pelican[3]!;
    return (name === 'static' || name === 'filename') && path.startsWith('/') && !path.startsWith('//') && !PELICAN_SOURCE.test(path) ? `${site.base}${path}` : undefined;
  }
  const filled = address
    .replace(URL_FILTER, (_, _quote: string, path: string) => `${site.base}${path.startsWith('/') ? '' : '/'}${path}`)
    // `site.url` alone is the host; with `site.baseurl` (or `baseurl` alone, a path on the host), the site's address.
    .replace(SITE_ADDRESS, (run: string) => (run.includes('baseurl') ? site.base : site.host));
  if (TEMPLATE.test(filled)) return undefined;
  // The site's address alone is its home page, with the `/` a folder's address ends with.
  return filled === site.base || filled === site.host ? `${filled}/` : filled;
}

/** The longest link text looked back over for a link's `[`: a longer one keeps its brackets. */
const MAX_LINK_TEXT = 2000;

/** One line with its links' template addresses filled in or left out (outside inline code). */
function fillLine(line: string, site: Site): { line: string; leftOut: number; first?: string } {
  // A reference definition: `[id]: {{ site.baseurl }}/a/ "Title"`.
  const definition = /^( {0,3}\[[^\]\n]+\]:[ \t]*)(\S.*)$/.exec(line);
  if (definition) {
    const [address, rest] = splitAddress(definition[2]!);
    if (!generatorFills(address)) return { line, leftOut: 0 };
    const filled = fillAddress(address, site);
    // A definition only the generator can fill is left out: the links that use it show their text as written.
    return filled === undefined ? { line: '', leftOut: 1, first: address } : { line: `${definition[1]}${filled}${rest}`, leftOut: 0 };
  }
  const inCode = spanCursor(codeSpans(line));
  let out = '';
  let from = 0;
  let leftOut = 0;
  let first: string | undefined;
  for (let at = line.indexOf('](', from); at >= 0; at = line.indexOf('](', from)) {
    if (inCode(at)) {
      out += line.slice(from, at + 2);
      from = at + 2;
      continue;
    }
    const end = addressEnd(line, at + 2);
    // No address closes on this line: the rest of it is left as written (looking again from each later `](` would scan it again each time).
    if (end < 0) break;
    const inside = line.slice(at + 2, end);
    const [address, rest] = splitAddress(inside.trim());
    if (!generatorFills(address.startsWith('<') && address.endsWith('>') ? address.slice(1, -1) : address)) {
      out += line.slice(from, end + 1);
      from = end + 1;
      continue;
    }
    const filled = fillAddress(address.startsWith('<') && address.endsWith('>') ? address.slice(1, -1) : address, site);
    if (filled !== undefined) {
      // Angle brackets keep an address with spaces (a path written with them) one address.
      out += `${line.slice(from, at)}](${/\s/.test(filled) ? `<${filled}>` : filled}${rest})`;
      from = end + 1;
      continue;
    }
    leftOut++;
    first ??= address;
    // The link's text is kept without it; an image is left out whole.
    const open = openingBracket(line, at, Math.max(from, at - MAX_LINK_TEXT));
    if (open < 0) {
      out += `${line.slice(from, at)}]`;
    } else if (open > 0 && line[open - 1] === '!') {
      out += line.slice(from, open - 1);
    } else {
      out += `${line.slice(from, open)}${line.slice(open + 1, at)}`;
    }
    from = end + 1;
  }
  out += line.slice(from);
  if (!out.includes('=')) return { line: out, leftOut, ...(first !== undefined ? { first } : {}) };
  // Raw HTML: an address filled in; one only the generator can fill is taken out, so a link keeps its text and
  // points nowhere rather than at a broken address (the sanitizer then drops an image without its source).
  const inHtmlCode = spanCursor(codeSpans(out));
  const html = out.replace(HTML_ADDRESS, (whole: string, space: string, name: string, equals: string, quote: string, address: string, at: number) => {
    if (!generatorFills(address.trim()) || inHtmlCode(at)) return whole;
    const filled = fillAddress(address.trim(), site);
    if (filled !== undefined) return `${space}${name}${equals}${quote}${filled}${quote}`;
    leftOut++;
    first ??= address.trim();
    return '';
  });
  return { line: html, leftOut, ...(first !== undefined ? { first } : {}) };
}

/**
 * Where the `)` that closes a link's address and title is, from `start` (just after `](`), or -1.
 * A template tag's text is passed over whole (`{{< ref "a (1).md" >}}`), as is a quoted title.
 */
function addressEnd(line: string, start: number): number {
  let depth = 0;
  let at = start;
  while (at < line.length) {
    const c = line[at]!;
    const tag = tagEnd(line, at);
    if (tag !== undefined) {
      if (tag < 0) return -1;
      at = tag;
      continue;
    }
    if (c === '"' && at > start && /\s/.test(line[at - 1]!)) {
      const close = line.indexOf('"', at + 1);
      if (close < 0) return -1;
      at = close + 1;
      continue;
    }
    if (c === '\\') {
      at += 2;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return at;
      depth--;
    }
    at++;
  }
  return -1;
}

/**
 * Where the template tag that opens at `at` (`{{`…`}}`, `{%`…`%}`) ends (just after it), -1 when it is not
 * closed, `undefined` when no tag opens there.
 */
function tagEnd(text: string, at: number): number | undefined {
  if (text[at] !== '{' || (text[at + 1] !== '{' && text[at + 1] !== '%')) return undefined;
  const close = text.indexOf(text[at + 1] === '{' ? '}}' : '%}', at + 2);
  return close < 0 ? -1 : close + 2;
}

/** A link's address and what follows it (a title), split at the first white space outside a template tag or angle brackets. */
function splitAddress(text: string): [string, string] {
  if (text.startsWith('<')) {
    const close = text.indexOf('>');
    if (close > 0) return [text.slice(0, close + 1), text.slice(close + 1)];
  }
  let at = 0;
  while (at < text.length) {
    const tag = tagEnd(text, at);
    if (tag !== undefined) {
      if (tag < 0) return [text, ''];
      at = tag;
      continue;
    }
    if (/\s/.test(text[at]!)) return [text.slice(0, at), text.slice(at)];
    at++;
  }
  return [text, ''];
}

/** The `[` that opens the link whose text ends at `close` (its `]`), looked for back to `floor`, or -1. */
function openingBracket(line: string, close: number, floor: number): number {
  let depth = 0;
  for (let at = close - 1; at >= floor; at--) {
    const c = line[at];
    if (line[at - 1] === '\\') continue;
    if (c === ']') depth++;
    else if (c === '[') {
      if (depth === 0) return at;
      depth--;
    }
  }
  return -1;
}

/** The [start, end) spans of a line's inline code: a run of backticks up to the next run of as many. Linear: each run is looked at twice. */
export function codeSpans(line: string): [number, number][] {
  if (!line.includes('`')) return [];
  const runs: { start: number; length: number }[] = [];
  for (let at = line.indexOf('`'); at >= 0; at = line.indexOf('`', at)) {
    let end = at;
    while (line[end] === '`') end++;
    runs.push({ start: at, length: end - at });
    at = end;
  }
  // The next run as long as each run, found from the end in one pass.
  const nextAsLong = new Array<number>(runs.length);
  const latest = new Map<number, number>();
  for (let j = runs.length - 1; j >= 0; j--) {
    nextAsLong[j] = latest.get(runs[j]!.length) ?? -1;
    latest.set(runs[j]!.length, j);
  }
  const spans: [number, number][] = [];
  for (let j = 0; j < runs.length; ) {
    const k = nextAsLong[j]!;
    if (k < 0) {
      j++;
      continue;
    }
    spans.push([runs[j]!.start, runs[k]!.start + runs[k]!.length]);
    j = k + 1;
  }
  return spans;
}

/** Whether positions, asked for in increasing order, lie in one of `spans` (in order): a cursor that only moves forward. */
function spanCursor(spans: readonly [number, number][]): (at: number) => boolean {
  let next = 0;
  return (at) => {
    while (next < spans.length && spans[next]![1] <= at) next++;
    const span = spans[next];
    return span !== undefined && span[0] <= at;
  };
}
