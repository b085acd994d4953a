/**
 * HTML compared as HTML: both sides are parsed with a real HTML parser (htmlparser2) and reduced
 * to a canonical serialization, so `&amp;` vs `&#38;`, `<br/>` vs `<br>`, attribute quoting and
 * order, comments, and whitespace that a browser would not render never count as differences,
 * while any change to text, elements or attribute values does.
 */
import { DomHandler, isTag, isText, type ChildNode, type Element } from 'domhandler';
import { Parser, parseDocument } from 'htmlparser2';
import { checkTextArgument } from './arguments.js';

const HTML_WHITESPACE = /[\t\n\f\r ]+/g;

/**
 * Collapses runs of whitespace (space, tab, CR, LF, form feed) to one space and trims; other
 * characters (NBSP included) are kept. Text that is already collapsed (most titles and names) is
 * returned as it is, without a new string.
 */
export function collapseWhitespace(text: string): string {
  return isCollapsed(text) ? text : trimWhitespace(text.replace(HTML_WHITESPACE, ' '));
}

/**
 * Whether a collapse would leave `text` as it is: no tab, line break or form feed, no two spaces in
 * a row, no space at either end. Read from the character codes (a regular expression
 * `/[\t\n\f\r]| {2}|^ | $/` tries its alternatives at every position, and this is called for
 * every title, name and tag of a feed, twice).
 */
function isCollapsed(text: string): boolean {
  const length = text.length;
  if (length === 0) return true;
  if (text.charCodeAt(0) === 0x20 || text.charCodeAt(length - 1) === 0x20) return false;
  let space = false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (space) return false;
      space = true;
    } else if (code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return false;
    else space = false;
  }
  return true;
}

/**
 * Trims space, tab, CR, LF and form feed only: `String.prototype.trim` would also eat NBSP and
 * other Unicode spaces that are content. Looks only at the ends (a regular expression anchored at
 * the end is tried at every position of a long body).
 */
export function trimWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isHtmlSpace(text.charCodeAt(start))) start++;
  while (end > start && isHtmlSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Space, tab, LF, form feed or CR: HTML's ASCII whitespace. */
function isHtmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'col',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'ul',
]);

const PREFORMATTED = new Set(['pre', 'textarea', 'listing', 'plaintext']);
const HIDDEN = new Set(['script', 'style', 'template', 'noscript']);

function parse(html: string): ChildNode[] {
  // The HTML input stream turns CRLF and CR into LF before tokenizing; htmlparser2 does not.
  const normalized = html.replace(/\r\n?/g, '\n');
  const handler = new DepthLimitedHandler();
  try {
    new Parser(handler, PARSE_OPTIONS).end(normalized);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    return parseDocument(textOnly(normalized), PARSE_OPTIONS).children;
  }
  return handler.root.children;
}

/**
 * Deepest nesting htmlparser2 is let build. Its parser keeps open elements in an array it shifts at
 * every start and end tag, so each costs the depth: 40,000 unclosed `<b>` (a hostile feed's escaped
 * HTML, 2.4 MB) took 23 s. It nests deeper than a browser where end tags are left out (`<li><p>` is
 * two levels an item), so the limit leaves room for thousands of such items; each tag then costs at
 * most a few microseconds.
 */
const MAX_PARSE_DEPTH = 4096;

/** Thrown from the handler once the parser opens an element past {@link MAX_PARSE_DEPTH}. */
class TooDeep extends Error {}

/** htmlparser2's own tree builder, stopped at the first element past {@link MAX_PARSE_DEPTH}: the parser tells it every open and close, implied ones too. */
class DepthLimitedHandler extends DomHandler {
  private depth = 0;

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (++this.depth > MAX_PARSE_DEPTH) throw new TooDeep();
    super.onopentag(name, attribs);
  }

  override onclosetag(): void {
    this.depth--;
    super.onclosetag();
  }
}

const PARSE_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false };

/** Elements whose content is no text a reader sees, and their end tags (searched from a position). */
const RAW_TEXT = /^(?:script|style|template|noscript)$/i;
const RAW_TEXT_END: Readonly<Record<string, RegExp>> = {
  script: /<\/script/gi,
  style: /<\/style/gi,
  template: /<\/template/gi,
  noscript: /<\/noscript/gi,
};

/**
 * A document nested past {@link MAX_PARSE_DEPTH} is read as its text: scripts and styles left out,
 * a block element's tag a line break (`<br>`), any other tag nothing (each `>` found once, however many `<`
 * come before it), what is left parsed for its entities. Its tags, attributes and their changes go
 * unseen by comparisons; a document nested within the limit is never read this way.
 */
function textOnly(html: string): string {
  const pieces: string[] = [];
  let from = 0;
  let close = -1;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    if (close <= at) close = html.indexOf('>', at + 1);
    if (close < 0) break;
    const name = /^<\/?([A-Za-z][^\s/>]*)/.exec(html.slice(at, Math.min(close + 1, at + 40)))?.[1] ?? '';
    pieces.push(html.slice(from, at), BLOCK.has(name.toLowerCase()) || name.toLowerCase() === 'br' ? '<br>' : '');
    from = close + 1;
    if (RAW_TEXT.test(name) && html[at + 1] !== '/') {
      // What a script or style holds goes with it, up to its end tag.
      const endTag = RAW_TEXT_END[name.toLowerCase()]!;
      endTag.lastIndex = close + 1;
      const end = endTag.exec(html)?.index;
      from = end === undefined ? html.length : end;
    }
    at = Math.max(close, from - 1);
  }
  pieces.push(html.slice(from));
  // A `<` left (one no `>` follows) is text; the line breaks made above stay elements.
  return pieces.join('').replace(/<(?!br>)/g, '&lt;');
}

/**
 * A canonical serialization of `html`: elements and attribute names lower-cased, attributes sorted,
 * entities decoded and re-escaped minimally, comments and doctypes dropped, runs of whitespace
 * collapsed to one space outside `<pre>`, and whitespace next to block boundaries removed.
 */
export function canonicalHtml(html: string): string {
  if (typeof html !== 'string') checkTextArgument(html, 'html');
  return serializeNodes(parse(html), true, false);
}

/** Iterative (an explicit stack, not recursion): hostile HTML may nest elements thousands deep. */
function serializeNodes(top: readonly ChildNode[], topBlock: boolean, topPreformatted: boolean): string {
  let out = '';
  const stack: { nodes: readonly ChildNode[]; index: number; block: boolean; pre: boolean; close: string }[] = [
    { nodes: top, index: 0, block: topBlock, pre: topPreformatted, close: '' },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      out += frame.close;
      stack.pop();
      continue;
    }
    const { nodes, block: blockContext, pre: preformatted } = frame;
    const index = frame.index++;
    const node = nodes[index]!;
    if (isText(node)) {
      if (preformatted) {
        out += escapeText(node.data);
        continue;
      }
      let text = node.data.replace(HTML_WHITESPACE, ' ');
      const previous = previousRendered(nodes, index);
      const next = nextRendered(nodes, index);
      if (previous === undefined ? blockContext : isBlock(previous)) text = text.replace(/^ /, '');
      if (next === undefined ? blockContext : isBlock(next)) text = text.replace(/ $/, '');
      out += escapeText(text);
      continue;
    }
    if (!isTag(node)) continue;
    const attributes = Object.entries(node.attribs)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join('');
    out += `<${node.name}${attributes}>`;
    if (VOID.has(node.name)) continue;
    stack.push({ nodes: node.children, index: 0, block: BLOCK.has(node.name), pre: preformatted || PREFORMATTED.has(node.name), close: `</${node.name}>` });
  }
  return out;
}

function isBlock(node: ChildNode): boolean {
  return isTag(node) && BLOCK.has(node.name);
}

/** The nearest sibling that serializes to something (comments and doctypes do not). */
function previousRendered(nodes: readonly ChildNode[], index: number): ChildNode | undefined {
  for (let i = index - 1; i >= 0; i--) if (isTag(nodes[i]!) || isText(nodes[i]!)) return nodes[i];
  return undefined;
}

function nextRendered(nodes: readonly ChildNode[], index: number): ChildNode | undefined {
  for (let i = index + 1; i < nodes.length; i++) if (isTag(nodes[i]!) || isText(nodes[i]!)) return nodes[i];
  return undefined;
}

function escapeText(text: string): string {
  return text.replace(/[&<>\u00A0]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&nbsp;'));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"\u00A0]/g, (ch) => (ch === '&' ? '&amp;' : ch === '"' ? '&quot;' : '&nbsp;'));
}

/**
 * The text a reader shows for `html`: entities decoded, scripts and styles dropped, block
 * elements and `<br>` on their own lines, runs of whitespace collapsed to one space (outside `<pre>`).
 */
export function htmlToText(html: string): string {
  if (typeof html !== 'string') checkTextArgument(html, 'html');
  // Text without tags and with at most the basic entities (an escaped summary) is one text node:
  // its text is the decoded string with white space collapsed, without running the parser.
  if (isPlainText(html)) return collapseWhitespace(html.includes('&') ? html.replace(BASIC_ENTITY, (_m, name: string) => BASIC_ENTITIES[name]!) : html);
  const parts: string[] = [];
  collectText(parse(html), false, parts);
  return parts
    .join('')
    .split('\n')
    .map((line) => trimWhitespace(line.replace(/[\t\f\r ]+/g, ' ')))
    .filter((line) => line !== '')
    .join('\n');
}

const BASIC_ENTITY = /&(amp|lt|gt|quot|#39);/g;
const BASIC_ENTITY_AT = /&(?:amp|lt|gt|quot|#39);/y;
const BASIC_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** No tag, and every `&` starts one of the basic entities. */
function isPlainText(html: string): boolean {
  if (html.includes('<')) return false;
  for (let amp = html.indexOf('&'); amp >= 0; amp = html.indexOf('&', amp + 1)) {
    BASIC_ENTITY_AT.lastIndex = amp;
    if (!BASIC_ENTITY_AT.test(html)) return false;
  }
  return true;
}

/** Iterative, like {@link serializeNodes}. */
function collectText(top: readonly ChildNode[], topPreformatted: boolean, parts: string[]): void {
  const stack: { nodes: readonly ChildNode[]; index: number; pre: boolean; after: string }[] = [{ nodes: top, index: 0, pre: topPreformatted, after: '' }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      if (frame.after) parts.push(frame.after);
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.index++]!;
    if (isText(node)) {
      parts.push(frame.pre ? node.data : node.data.replace(HTML_WHITESPACE, ' '));
      continue;
    }
    if (!isTag(node) || HIDDEN.has(node.name)) continue;
    if (node.name === 'br') {
      parts.push('\n');
      continue;
    }
    const block = BLOCK.has(node.name);
    if (block) parts.push('\n');
    stack.push({ nodes: node.children, index: 0, pre: frame.pre || PREFORMATTED.has(node.name), after: block ? '\n' : '' });
  }
}

/**
 * Feeds that a page announces with `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href>`,
 * as written, or, given the page's own `url`, resolved against it (and the page's `<base href>`) to
 * addresses that can be fetched as they are.
 */
export function alternateFeedLinks(html: string, url?: string): string[] {
  const links: string[] = [];
  let base: string | undefined;
  // Depth first in document order, with an explicit stack (pages may nest deeply).
  const stack: ChildNode[] = parse(html).slice().reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isTag(node)) continue;
    if (node.name === 'base' && base === undefined && node.attribs.href) base = node.attribs.href;
    if (node.name === 'link' && isFeedLink(node)) links.push(node.attribs.href!);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  if (url === undefined) return links;
  const page = resolved(base ?? '', url) ?? url;
  return links.map((href) => resolved(href, page) ?? href);
}

/** `href` resolved against `against`, when both make a URL. */
function resolved(href: string, against: string): string | undefined {
  try {
    return new URL(href.trim(), against).href;
  } catch {
    return undefined;
  }
}

function isFeedLink(node: Element): boolean {
  const rel = (node.attribs.rel ?? '').toLowerCase().split(/\s+/);
  const type = (node.attribs.type ?? '').toLowerCase();
  return rel.includes('alternate') && /^application\/(?:rss\+xml|atom\+xml|feed\+json|json)$/.test(type) && Boolean(node.attribs.href);
}
