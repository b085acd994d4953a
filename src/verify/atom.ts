/**
 * Atom 1.0 (RFC 4287) read into a {@link ParsedFeed}, with `rss-parser`'s gaps filled: entry
 * `updated`, every author, categories (`term`), enclosure links, the self link chosen by `rel`
 * (rss-parser falls back to the second link), and `xml:lang`. Text constructs (title, subtitle,
 * summary, content) come from the strict parse, because xml2js loses the order of XHTML markup and
 * drops whitespace-only text of elements that have attributes; `type="html"` and `type="xhtml"`
 * titles and summaries are reduced to plain text.
 */
import { StoryfeedError } from '../errors.js';
import { parseRfc3339 } from './dates.js';
import { collapseWhitespace, htmlToText, trimWhitespace } from './html-canon.js';
import type { FeedProblem, ParsedAuthor, ParsedEnclosure, ParsedFeed, ParsedItem } from './types.js';
import { attribute, childElement, childElements, HISTORY_NS, serializeChildren, textContent, XML_NS, type XmlElement } from './xml-check.js';
import { childNodes, firstText, nodeAttributes, nodes, nodeText, parseWithRssParser, type RawNode, type RawRecord } from './xml-feed.js';

/** The Atom namespace. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Reads an Atom document whose strict parse is `root` (a `<feed>` element). */
export async function readAtom(text: string, root: XmlElement): Promise<ParsedFeed> {
  const problems: FeedProblem[] = [];
  if (root.uri !== ATOM_NS) {
    problems.push({ path: 'feed', message: `expected <feed xmlns="${ATOM_NS}">, found ${root.uri ? `namespace "${root.uri}"` : 'no namespace'}`, severity: 'error', line: root.line });
  }
  const entries = childElements(root).filter((e) => e.name === 'entry');
  // rss-parser reads link/@rel without checking that the link has attributes, and crashes.
  for (const parent of [root, ...entries]) {
    const bare = childElements(parent).find((e) => e.name === 'link' && e.attributes.length === 0);
    if (bare) throw new StoryfeedError('E_FEED', `the Atom <link> on line ${bare.line} has no href attribute`, { line: bare.line });
  }
  const raw = await parseWithRssParser(text);
  const f = raw.feed;
  const feed: ParsedFeed = { format: 'atom', version: '1.0', authors: [], items: [], problems, history: { archive: childElement(root, 'archive', HISTORY_NS) !== undefined } };
  const lineOf = (element: XmlElement, name: string): number => childElement(element, name)?.line ?? element.line;

  const id = firstText(f, 'id');
  if (id !== undefined) feed.id = trimWhitespace(id);
  else problems.push({ path: 'feed', message: 'expected an <id>, found none', severity: 'error', line: root.line });
  const title = textConstruct(childElement(root, 'title', ATOM_NS), 'feed.title', problems);
  if (title !== undefined) feed.title = collapseWhitespace(title.text);
  else problems.push({ path: 'feed', message: 'expected a <title>, found none', severity: 'error', line: root.line });
  const subtitle = textConstruct(childElement(root, 'subtitle', ATOM_NS), 'feed.subtitle', problems);
  if (subtitle !== undefined) feed.description = trimWhitespace(subtitle.text);
  const updated = atomDate(firstText(f, 'sf-updated'), 'feed.updated', lineOf(root, 'updated'), problems);
  if (updated) feed.updated = updated;
  else if (firstText(f, 'sf-updated') === undefined) problems.push({ path: 'feed', message: 'expected an <updated>, found none', severity: 'error', line: root.line });
  const language = attribute(root, 'lang', XML_NS);
  if (language !== undefined) feed.language = trimWhitespace(language);
  const generator = firstText(f, 'generator');
  if (generator !== undefined) feed.generator = trimWhitespace(generator);
  feed.authors = atomAuthors(nodes(f, 'author'), 'feed', root.line, problems);

  const links = atomLinks(nodes(f, 'link'));
  const site = links.find((l) => l.rel === 'alternate');
  if (site) feed.siteUrl = site.href;
  // rss-parser's feedUrl falls back to the second link when there is no rel="self".
  const self = links.find((l) => l.rel === 'self');
  if (self) feed.selfUrl = self.href;
  else problems.push({ path: 'feed', message: 'expected a <link rel="self"> giving the feed\'s own URL, found none', severity: 'warning', line: root.line });
  const hub = links.find((l) => l.rel === 'hub');
  if (hub) feed.hub = hub.href;
  for (const [rel, key] of [['prev-archive', 'prevArchive'], ['next-archive', 'nextArchive'], ['current', 'current']] as const) {
    const link = links.find((l) => l.rel === rel);
    if (link) feed.history[key] = link.href;
  }

  raw.items.forEach((record, index) => {
    const element = entries[index] ?? root;
    const item = atomEntry(record, element, `entry[${index}]`, problems);
    if (item.authors.length === 0 && feed.authors.length === 0 && childElement(element, 'source', ATOM_NS) === undefined) {
      problems.push({ path: `entry[${index}]`, message: 'expected an <author> (the entry has none and the feed has none either)', severity: 'error', line: element.line });
    }
    feed.items.push(item);
  });
  return feed;
}

function atomEntry(record: RawRecord, element: XmlElement, path: string, problems: FeedProblem[]): ParsedItem {
  const item: ParsedItem = { authors: [], tags: [], enclosures: [], line: element.line };
  const lineOf = (name: string): number => childElement(element, name)?.line ?? element.line;
  const missing = (name: string): void => {
    problems.push({ path, message: `expected an <${name}>, found none`, severity: 'error', line: element.line });
  };

  const id = firstText(record, 'id');
  if (id !== undefined) item.id = trimWhitespace(id);
  else missing('id');
  const title = textConstruct(childElement(element, 'title', ATOM_NS), `${path}.title`, problems);
  if (title !== undefined) item.title = collapseWhitespace(title.text);
  else missing('title');
  const published = atomDate(firstText(record, 'sf-published'), `${path}.published`, lineOf('published'), problems);
  if (published) item.published = published;
  const updatedText = firstText(record, 'sf-updated');
  const updated = atomDate(updatedText, `${path}.updated`, lineOf('updated'), problems);
  if (updated) item.updated = updated;
  else if (updatedText === undefined) missing('updated');
  const own = element.attributes.find((a) => a.uri === XML_NS && a.local === 'lang');
  if (own) item.language = trimWhitespace(own.value);

  for (const link of atomLinks(nodes(record, 'link'))) {
    if (link.rel === 'alternate') item.url ??= link.href;
    if (link.rel === 'enclosure') item.enclosures.push(link.enclosure);
  }
  item.image = item.enclosures.find((e) => e.type?.startsWith('image/')) ?? item.enclosures.find((e) => e.type === undefined);
  item.authors = atomAuthors(nodes(record, 'author'), path, element.line, problems);
  nodes(record, 'category').forEach((node, i) => {
    const term = nodeAttributes(node).term;
    if (term === undefined) problems.push({ path: `${path}.category[${i}]`, message: 'expected a term attribute, found none', severity: 'error', line: lineOf('category') });
    else if (trimWhitespace(term)) item.tags.push(trimWhitespace(term));
  });

  const summary = textConstruct(childElement(element, 'summary', ATOM_NS), `${path}.summary`, problems);
  if (summary !== undefined) item.summary = summary.html === undefined ? trimWhitespace(summary.text) : htmlToText(summary.html);
  const contentElement = childElement(element, 'content', ATOM_NS);
  const content = textConstruct(contentElement, `${path}.content`, problems);
  if (content?.html !== undefined) item.contentHtml = content.html;
  else if (content !== undefined) item.contentText = content.text;
  if (!contentElement && item.url === undefined) {
    problems.push({ path, message: 'expected a <content> or a <link rel="alternate">, found neither', severity: 'error', line: element.line });
  }
  return item;
}

interface TextConstruct {
  /** The plain text (of HTML, computed when read: entry content is only ever read as markup). */
  readonly text: string;
  /** The markup, for `type="html"` and `type="xhtml"`. */
  html?: string;
}

/** Reads an Atom text construct (RFC 4287 §3.1) or content element by its `type`. */
function textConstruct(element: XmlElement | undefined, path: string, problems: FeedProblem[]): TextConstruct | undefined {
  if (!element) return undefined;
  // Out-of-line content (`src`) has no text in the feed.
  if (attribute(element, 'src') !== undefined) return { text: '' };
  const type = (attribute(element, 'type') ?? 'text').trim().toLowerCase();
  if (type === 'html' || type === 'text/html') return fromHtml(textContent(element));
  if (type === 'text' || type.startsWith('text/')) return { text: textContent(element) };
  if (type === 'xhtml' || type === 'application/xhtml+xml') {
    const div = childElement(element, 'div', XHTML_NS);
    if (!div) {
      problems.push({ path, message: `expected an XHTML <div xmlns="${XHTML_NS}"> inside type="xhtml", found none`, severity: 'error', line: element.line });
      return { text: textContent(element) };
    }
    return fromHtml(serializeChildren(div));
  }
  // Other media types (out-of-line `src`, base64 payloads) carry no text we can compare.
  return { text: '' };
}

function fromHtml(html: string): TextConstruct {
  return {
    html,
    get text() {
      return htmlToText(html);
    },
  };
}

interface AtomLink {
  rel: string;
  href: string;
  enclosure: ParsedEnclosure;
}

function atomLinks(raw: readonly RawNode[]): AtomLink[] {
  const out: AtomLink[] = [];
  for (const node of raw) {
    const a = nodeAttributes(node);
    if (a.href === undefined) continue;
    const href = trimWhitespace(a.href);
    const enclosure: ParsedEnclosure = { url: href };
    if (a.type !== undefined) enclosure.type = trimWhitespace(a.type);
    if (a.length !== undefined && /^\s*\d+\s*$/.test(a.length)) enclosure.length = Number(a.length);
    if (a.title !== undefined) enclosure.title = a.title;
    // RFC 4287 §4.2.7.2: a link without rel is an alternate link.
    out.push({ rel: (a.rel ?? 'alternate').trim(), href, enclosure });
  }
  return out;
}

function atomAuthors(raw: readonly RawNode[], path: string, line: number, problems: FeedProblem[]): ParsedAuthor[] {
  return raw.map((node, i) => {
    const author: ParsedAuthor = {};
    const name = nodeText(childNodes(node, 'name')[0]);
    if (name !== undefined) author.name = collapseWhitespace(name);
    else problems.push({ path: `${path}.author[${i}]`, message: 'expected a <name>, found none', severity: 'error', line });
    const email = nodeText(childNodes(node, 'email')[0]);
    if (email !== undefined) author.email = trimWhitespace(email);
    const uri = nodeText(childNodes(node, 'uri')[0]);
    if (uri !== undefined) author.url = trimWhitespace(uri);
    return author;
  });
}

function atomDate(text: string | undefined, path: string, line: number, problems: FeedProblem[]): Date | undefined {
  if (text === undefined) return undefined;
  const date = parseRfc3339(text);
  if (!date) problems.push({ path, message: `expected an RFC 3339 date such as "2024-03-01T10:00:00Z", found ${JSON.stringify(trimWhitespace(text))}`, severity: 'error', line });
  return date;
}
