/**
 * Atom 1.0 (RFC 4287) read from the strict namespace-aware tree into a {@link ParsedFeed}:
 * elements are Atom by their namespace, whatever the prefix (`<a:feed xmlns:a="…/2005/Atom">`).
 * The MUSTs of RFC 4287 are errors; what the W3C validator warns about and readers trip on
 * (duplicate ids with different `updated`, a missing self link) are warnings. Text constructs of
 * `type="html"` and `type="xhtml"` are reduced to plain text for titles and summaries.
 */
import { parseAtomDate } from './dates.js';
import { collapseWhitespace, htmlToText, trimWhitespace } from './html-canon.js';
import type { FeedProblem, ParsedAuthor, ParsedEnclosure, ParsedFeed, ParsedItem } from './types.js';
import { checkUri, isLanguageTag, isMimeType, unlistedLanguage } from './uri.js';
import { attribute, childElement, childElements, HISTORY_NS, serializeChildren, textContent, XML_NS, type XmlElement } from './xml-check.js';
import { XMLNS_NS } from './xml-fast.js';
import { checkExtensions } from './extensions.js';
import { checkFeedSyncItem, checkFeedSyncSharing } from './feedsync.js';
import { checkMediaRss, mediaContentImage } from './media-rss.js';
import { append, ATOM_NS, attr, byteCount, Children, MEDIA_NS, moveNamespace, plainText, ProblemLog, reportRepeated, XHTML_NS } from './xml-rules.js';

export { ATOM_NS } from './xml-rules.js';

const FEED_ELEMENTS = new Set(['author', 'category', 'contributor', 'generator', 'icon', 'id', 'link', 'logo', 'rights', 'subtitle', 'title', 'updated', 'entry']);
const FEED_SINGLE = ['generator', 'icon', 'id', 'logo', 'rights', 'subtitle', 'title', 'updated'];
const SOURCE_ELEMENTS = new Set([...FEED_ELEMENTS].filter((name) => name !== 'entry'));
const ENTRY_ELEMENTS = new Set(['author', 'category', 'content', 'contributor', 'id', 'link', 'published', 'rights', 'source', 'summary', 'title', 'updated']);
const ENTRY_SINGLE = ['content', 'id', 'published', 'rights', 'source', 'summary', 'title', 'updated'];
const PERSON_ELEMENTS = new Set(['name', 'uri', 'email']);
const EMAIL = /^[A-Z0-9_\-+.']+@(?:\d{1,3}\.\d{1,3}\.\d{1,3}\.|(?:[A-Z0-9-]+\.)+)[A-Z0-9][-A-Z0-9]*$/i;
/** An address whose domain has no dot (`jane@localhost`): well-formed, but unlikely to be reachable. */
const LOCAL_EMAIL = /^[\w.%+-]+@[A-Za-z][\w.-]+$/;

/** Reads an Atom document whose strict parse is `root` (a `<feed>` element in the Atom namespace). */
export function readAtom(document: XmlElement): ParsedFeed {
  const problems: FeedProblem[] = [];
  const log = new ProblemLog(problems);
  let root = document;
  if (root.uri !== ATOM_NS) {
    log.error('feed', `expected <feed xmlns="${ATOM_NS}">, found ${root.uri ? `namespace "${root.uri}"` : 'no namespace'}`, root);
    // Read on as if the namespace were right, so the rest of the feed is still checked.
    root = moveNamespace(root, root.uri, ATOM_NS);
  }
  const f = new Children(root, ATOM_NS, 'feed', log, FEED_ELEMENTS);
  reportRepeated(f, FEED_SINGLE, log);
  misplacedMetadata(root, log);
  const feed: ParsedFeed = { format: 'atom', version: '1.0', authors: [], items: [], problems, history: { archive: childElement(root, 'archive', HISTORY_NS) !== undefined } };

  const id = identifier(f, log, root);
  if (id !== undefined) feed.id = id;
  const title = textConstruct(f.first('title'), 'feed.title', log);
  if (title !== undefined) feed.title = collapseWhitespace(title.text);
  else log.error('feed.title', 'expected a <title>, found none', root);
  const subtitle = textConstruct(f.first('subtitle'), 'feed.subtitle', log);
  if (subtitle !== undefined) feed.description = trimWhitespace(subtitle.text);
  textConstruct(f.first('rights'), 'feed.rights', log);
  const updated = atomDate(f, 'updated', log, root, true);
  if (updated) feed.updated = updated;
  xmlAttributes(root, log);
  checkExtensions(root, 'feed', log, 'feed');
  checkFeedSyncSharing(root, 'feed', log);
  const language = attribute(root, 'lang', XML_NS);
  if (language !== undefined) feed.language = trimWhitespace(language);
  const generator = f.first('generator');
  if (generator) {
    feed.generator = trimWhitespace(plainText(generator, 'feed.generator', log));
    const uri = attr(generator, 'uri');
    if (uri !== undefined) {
      const problem = uri.trim() !== uri ? { message: `unexpected white space around ${JSON.stringify(uri.trim())}` } : checkUri(uri, false);
      if (problem) log.error('feed.generator', `uri: ${problem.message}`, generator);
    }
  }
  for (const name of ['icon', 'logo']) {
    const element = f.first(name);
    if (element) iri(unpadded(textContent(element), `feed.${name}`, element, log), `feed.${name}`, element, log, false);
  }
  feed.authors = persons(f.all('author'), 'feed.author', log);
  persons(f.all('contributor'), 'feed.contributor', log);
  f.all('category').forEach((c, i) => categoryTerm(c, `feed.category[${i}]`, log));

  const links = atomLinks(f.all('link'), 'feed', log);
  const site = links.find((l) => l.rel === 'alternate');
  if (site) feed.siteUrl = site.href;
  const self = links.find((l) => l.rel === 'self');
  if (self) feed.selfUrl = self.href;
  else log.warning('feed.link', 'expected a <link rel="self"> giving the feed\'s own URL, found none', root);
  const hub = links.find((l) => l.rel === 'hub');
  if (hub) feed.hub = hub.href;
  for (const [rel, key] of [
    ['prev-archive', 'prevArchive'],
    ['next-archive', 'nextArchive'],
    ['current', 'current'],
  ] as const) {
    const link = links.find((l) => l.rel === rel);
    if (link) feed.history[key] = link.href;
  }

  // The text of an entry is taken only when its id comes again (most feeds have no repeat).
  const seen = new Map<string, { index: number; updated: string; element: XmlElement; text?: string }>();
  const syncIds = new Set<string>();
  f.all('entry').forEach((element, index) => {
    const path = `entry[${index}]`;
    const item = atomEntry(element, path, log);
    checkFeedSyncItem(element, path, log, syncIds);
    if (item.authors.length === 0 && feed.authors.length === 0 && childElement(element, 'source', ATOM_NS) === undefined) {
      log.error(`${path}.author`, 'expected an <author> (the entry has none and the feed has none either)', element);
    }
    if (item.id !== undefined) {
      const stamp = item.updated?.toISOString() ?? '';
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, { index, updated: stamp, element });
      // RFC 4287 §4.1.1: never the same id and updated twice. A verbatim repeat is only redundant (the W3C validator warns).
      // (The first entry's text is taken once, however many entries repeat it.)
      else if (first.updated === stamp && (first.text ??= textContent(first.element)) !== textContent(element))
        log.error(`${path}.id`, `the same <id> and <updated> as entry[${first.index}] (${JSON.stringify(item.id)}) but different content; RFC 4287 forbids it`, element);
      else if (first.updated === stamp) log.warning(`${path}.id`, `a repeat of entry[${first.index}] (${JSON.stringify(item.id)})`, element);
      else log.warning(`${path}.id`, `the same <id> as entry[${first.index}] (${JSON.stringify(item.id)}), another version of it; many readers show only one`, element);
    }
    feed.items.push(item);
  });
  log.finish();
  return feed;
}

function atomEntry(element: XmlElement, path: string, log: ProblemLog): ParsedItem {
  const e = new Children(element, ATOM_NS, path, log, ENTRY_ELEMENTS);
  reportRepeated(e, ENTRY_SINGLE, log);
  const item: ParsedItem = { authors: [], tags: [], enclosures: [], line: element.line };
  checkExtensions(element, path, log, 'item');
  checkMediaRss(element, path, log);

  const id = identifier(e, log, element);
  if (id !== undefined) item.id = id;
  const title = textConstruct(e.first('title'), `${path}.title`, log);
  if (title !== undefined) item.title = collapseWhitespace(title.text);
  else log.error(`${path}.title`, 'expected a <title>, found none', element);
  textConstruct(e.first('rights'), `${path}.rights`, log);
  const published = atomDate(e, 'published', log, element, false);
  if (published) item.published = published;
  const updated = atomDate(e, 'updated', log, element, true);
  if (updated) item.updated = updated;
  const own = element.attributes.find((a) => a.uri === XML_NS && a.local === 'lang');
  if (own) item.language = trimWhitespace(own.value);

  const links = atomLinks(e.all('link'), path, log);
  for (const link of links) {
    if (link.rel === 'alternate') item.url ??= link.href;
    if (link.rel === 'enclosure') item.enclosures = append(item.enclosures, link.enclosure);
  }
  // A podcast's entry gives its image as Media RSS, never as an enclosure (apps take any enclosure for the episode's media).
  const image =
    mediaContentImage(childElements(element, 'content', MEDIA_NS)) ??
    item.enclosures.find((x) => x.type?.startsWith('image/')) ??
    item.enclosures.find((x) => x.type === undefined);
  if (image) item.image = image;
  item.authors = persons(e.all('author'), `${path}.author`, log);
  persons(e.all('contributor'), `${path}.contributor`, log);
  e.all('category').forEach((node, i) => {
    const term = categoryTerm(node, `${path}.category[${i}]`, log);
    if (term) item.tags = append(item.tags, term);
  });

  const source = e.first('source');
  if (source) readSource(source, `${path}.source`, log);

  const summary = textConstruct(e.first('summary'), `${path}.summary`, log);
  if (summary !== undefined) item.summary = summary.html === undefined ? trimWhitespace(summary.text) : htmlToText(summary.html);
  const contentElement = e.first('content');
  const content = contentElement ? contentConstruct(contentElement, `${path}.content`, log) : undefined;
  if (content?.html !== undefined) item.contentHtml = content.html;
  else if (content?.text !== undefined) item.contentText = content.text;
  if (!contentElement && !links.some((l) => l.rel === 'alternate')) {
    log.error(path, 'expected a <content> or a <link rel="alternate">, found neither', element);
  }
  // RFC 4287 §4.1.1.1: out-of-line or binary content needs a summary.
  if (content?.needsSummary && !summary) log.error(path, `expected a <summary>: the <content> is ${content.needsSummary}`, contentElement!);
  return item;
}

/** Feed metadata after the first entry: streaming readers have already handed the entries on without it (the W3C validator calls it an error). */
function misplacedMetadata(feed: XmlElement, log: ProblemLog): void {
  let entrySeen = false;
  for (const child of feed.children) {
    if (child.kind !== 'element' || child.uri !== ATOM_NS) continue;
    if (child.local === 'entry') entrySeen = true;
    else if (entrySeen && FEED_ELEMENTS.has(child.local))
      log.error(`feed.${child.local}`, `<${child.name}> comes after the first <entry>; the feed's own elements go before its entries`, child);
  }
}

/** `<source>` (RFC 4287 §4.2.11): the feed metadata an entry was copied with, under the feed's rules but nothing required. */
function readSource(source: XmlElement, path: string, log: ProblemLog): void {
  const c = new Children(source, ATOM_NS, path, log, SOURCE_ELEMENTS);
  reportRepeated(c, FEED_SINGLE, log);
  for (const name of ['title', 'subtitle', 'rights']) textConstruct(c.first(name), `${path}.${name}`, log);
  persons(c.all('author'), `${path}.author`, log);
  persons(c.all('contributor'), `${path}.contributor`, log);
  atomLinks(c.all('link'), path, log);
}

/** The namespaces an Atom document should not bind to a prefix: their names, and why readers need them unprefixed. */
const UNPREFIXED: ReadonlyMap<string, { name: string; why: string }> = new Map([
  [ATOM_NS, { name: 'Atom', why: 'readers that match Atom elements by name miss prefixed ones' }],
  [XHTML_NS, { name: 'XHTML', why: 'readers that copy XHTML content into a page as written show prefixed elements as unknown tags' }],
]);

/**
 * `xml:base` and `xml:lang` on every element (iterative: the depth is the document's), and the
 * Atom or XHTML namespace bound to a prefix (`xmlns:atom10`, FeedBurner's self link in Blogger's
 * feeds): RFC 4287 allows it, but, as for the W3C validator (AvoidNamespacePrefix), it is a
 * warning, once for each prefix.
 */
function xmlAttributes(root: XmlElement, log: ProblemLog): void {
  const stack = [root];
  let prefixed: Set<string> | undefined;
  for (let element = stack.pop(); element; element = stack.pop()) {
    for (const a of element.attributes) {
      if (a.uri === XMLNS_NS && a.name !== 'xmlns') {
        const namespace = UNPREFIXED.get(a.value);
        const key = `${a.local} ${a.value}`;
        if (namespace !== undefined && !prefixed?.has(key)) {
          (prefixed ??= new Set()).add(key);
          log.warning(
            `${element.local}.xmlns:${a.local}`,
            `the ${namespace.name} namespace is bound to the prefix "${a.local}": ${namespace.why}; declare it as the default namespace (xmlns="${a.value}")`,
            element,
          );
        }
        continue;
      }
      if (a.uri !== XML_NS) continue;
      if (a.local === 'base') {
        const problem = trimWhitespace(a.value) !== a.value ? { message: `unexpected white space around ${JSON.stringify(a.value.trim())}` } : checkUri(a.value, false);
        if (problem) log.error(`${element.local}.xml:base`, problem.message, element);
      } else if (a.local === 'lang' && a.value !== '') {
        if (!isLanguageTag(a.value)) log.error(`${element.local}.xml:lang`, `expected xml:lang to be a language code such as "en", found ${JSON.stringify(a.value)}`, element);
        else {
          const unlisted = unlistedLanguage(a.value);
          if (unlisted !== undefined) log.warning(`${element.local}.xml:lang`, `xml:lang: ${unlisted}`, element);
        }
      }
    }
    // An element with neither attributes nor children has nothing to check; the last child goes
    // first onto the stack, so elements are visited in document order (the first declaration of a prefix is the one named).
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i]!;
      if (child.kind === 'element' && (child.attributes.length > 0 || child.children.length > 0)) stack.push(child);
    }
  }
}

/** An `<id>`: required, an absolute IRI (RFC 4287 §4.2.6). */
function identifier(c: Children, log: ProblemLog, parent: XmlElement): string | undefined {
  const element = c.first('id');
  if (!element) {
    log.error(`${c.path}.id`, 'expected an <id>, found none', parent);
    return undefined;
  }
  const value = unpadded(plainText(element, `${c.path}.id`, log), `${c.path}.id`, element, log);
  iri(value, `${c.path}.id`, element, log, true);
  return value;
}

/** RFC 4287 ids, dates and URIs have no white space around them (readers compare them as strings). */
function unpadded(value: string, path: string, at: XmlElement, log: ProblemLog): string {
  const trimmed = trimWhitespace(value);
  if (trimmed !== value) log.error(path, `unexpected white space around ${JSON.stringify(trimmed)} in <${at.name}>`, at);
  return trimmed;
}

function iri(value: string, path: string, at: XmlElement, log: ProblemLog, absolute: boolean): void {
  const problem = checkUri(value, absolute);
  if (problem) log.error(path, problem.message, at);
}

interface TextConstruct {
  /** The plain text (of HTML, computed when read: entry content is only ever read as markup). */
  readonly text: string;
  /** The markup, for `type="html"` and `type="xhtml"`. */
  html?: string;
}

/** Reads an Atom text construct (RFC 4287 §3.1): `type` is text, html or xhtml. */
function textConstruct(element: XmlElement | undefined, path: string, log: ProblemLog): TextConstruct | undefined {
  if (!element) return undefined;
  const written = (attr(element, 'type') ?? 'text').trim() || 'text';
  if (attr(element, 'type')?.trim() === '') log.warning(path, 'type="" is read as type="text"', element);
  // Readers (and the W3C validator) take the media types of the three kinds as the kinds; RFC 4287 wants the short names.
  const type = MEDIA_TYPE_KINDS[written.toLowerCase()] ?? written;
  if (type !== written) log.warning(path, `type="${written}" is read as type="${type}"; RFC 4287 names it "${type}"`, element);
  if (type === 'html') return fromHtml(plainText(element, path, log));
  if (type === 'xhtml') return xhtml(element, path, log);
  if (type !== 'text') log.error(path, `expected type="text", "html" or "xhtml", found type=${JSON.stringify(written)}`, element);
  return { text: plainText(element, path, log) };
}

/** Atom threading extensions (RFC 4685). */
const THREAD_NS = 'http://purl.org/syndication/thread/1.0';

const MEDIA_TYPE_KINDS: Readonly<Record<string, string>> = { 'text/plain': 'text', 'text/html': 'html', 'application/xhtml+xml': 'xhtml' };

function xhtml(element: XmlElement, path: string, log: ProblemLog): TextConstruct {
  const div = childElement(element, 'div', XHTML_NS);
  if (!div) {
    log.error(path, `expected an XHTML <div xmlns="${XHTML_NS}"> inside type="xhtml", found none`, element);
    return { text: textContent(element) };
  }
  const stray = element.children.find((c) => c !== div && (c.kind === 'element' || c.text.trim() !== ''));
  if (stray) log.error(path, 'expected only the XHTML <div> inside type="xhtml", found more', element);
  xhtmlNamespaces(div, path, log);
  return fromHtml(serializeChildren(div));
}

/** Namespaces XHTML content may hold: XHTML itself and the vocabularies it embeds. */
const XHTML_CONTENT_NS = new Set([XHTML_NS, 'http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1999/xlink']);

/** Every element inside XHTML content is XHTML (or SVG/MathML): one in no namespace lost its `xmlns`, one in another namespace is not content (iterative: the depth is the document's). */
function xhtmlNamespaces(div: XmlElement, path: string, log: ProblemLog): void {
  const stack = [div];
  for (let element = stack.pop(); element; element = stack.pop()) {
    for (const child of element.children) {
      if (child.kind !== 'element') continue;
      if (child.uri === '') log.error(`${path}.${child.local}`, `<${child.name}> inside XHTML content is in no namespace; XHTML elements are in "${XHTML_NS}"`, child);
      else if (!XHTML_CONTENT_NS.has(child.uri))
        log.error(`${path}.${child.name}`, `<${child.name}> (namespace "${child.uri}") is not XHTML and has no place inside XHTML content`, child);
      else stack.push(child);
    }
  }
}

interface ContentConstruct extends Partial<TextConstruct> {
  /** Why the entry then needs a `<summary>` (out-of-line or binary content). */
  needsSummary?: string;
}

/** Reads `<content>` (RFC 4287 §4.1.3): a text construct, a MIME type inline, or out of line with `src`. */
function contentConstruct(element: XmlElement, path: string, log: ProblemLog): ContentConstruct {
  const type = attr(element, 'type')?.trim();
  const src = attr(element, 'src');
  if (src !== undefined) {
    iri(unpadded(src, `${path}.src`, element, log), `${path}.src`, element, log, false);
    if (type === 'text' || type === 'html' || type === 'xhtml') log.error(path, `out-of-line content (src) must give a MIME type, not type="${type}"`, element);
    else if (type !== undefined && !isMimeType(type)) log.error(path, `expected type to be a MIME type, found ${JSON.stringify(type)}`, element);
    if (element.children.some((c) => c.kind === 'element' || c.text.trim() !== '')) log.error(path, '<content> with src must be empty', element);
    return { needsSummary: 'out of line (src)' };
  }
  if (type === undefined || type === 'text' || type === 'html' || type === 'xhtml') return textConstruct(element, path, log)!;
  if (!isMimeType(type)) {
    log.error(path, `expected type="text", "html", "xhtml" or a MIME type, found type=${JSON.stringify(type)}`, element);
    return {};
  }
  const mime = type.toLowerCase();
  if (mime.startsWith('multipart/') || mime.startsWith('message/')) {
    log.error(path, `type must not be a composite type (RFC 4287 §4.1.3.1), found type=${JSON.stringify(type)}`, element);
    return {};
  }
  if (mime.startsWith('text/')) return { text: plainText(element, path, log) };
  // XML media types carry markup inline; any other type is base64 (RFC 4287 §4.1.3.3).
  if (/[/+]xml(?:;|$)/.test(mime)) return {};
  return { needsSummary: `base64 (type="${type}")` };
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

function atomLinks(elements: readonly XmlElement[], parent: string, log: ProblemLog): AtomLink[] {
  const out: AtomLink[] = [];
  // The line of the first alternate link of each type and hreflang (made for a second alternate link: most entries have one).
  let firstAlternate: { key: string; line: number } | undefined;
  let alternates: Map<string, number> | undefined;
  elements.forEach((node, i) => {
    const path = `${parent}.link[${i}]`;
    const raw = attr(node, 'href');
    if (raw === undefined) {
      log.error(path, `<${node.name}> has no href attribute`, node);
      return;
    }
    const href = unpadded(raw, `${path}.href`, node, log);
    iri(href, `${path}.href`, node, log, false);
    const hreflang = attr(node, 'hreflang');
    if (hreflang !== undefined && !isLanguageTag(hreflang))
      log.error(`${path}.hreflang`, `expected hreflang to be a language code such as "en", found ${JSON.stringify(hreflang)}`, node);
    else if (hreflang !== undefined && unlistedLanguage(hreflang) !== undefined) log.warning(`${path}.hreflang`, `hreflang: ${unlistedLanguage(hreflang)}`, node);
    const type = attr(node, 'type');
    const length = attr(node, 'length');
    if (type !== undefined && !isMimeType(type)) log.error(path, `expected type to be a MIME type, found ${JSON.stringify(type)}`, node);
    const size = length === undefined ? undefined : byteCount(length);
    if (size && 'problem' in size) log.error(path, size.problem, node);
    // RFC 4287 §4.2.7.2: a link without rel is an alternate link.
    const rel = (attr(node, 'rel') ?? 'alternate').trim();
    if (rel === 'alternate') {
      // §4.1.1: at most one alternate link per type and hreflang.
      const key = `${(type ?? '').trim().toLowerCase()} ${(attr(node, 'hreflang') ?? '').trim().toLowerCase()}`;
      if (!firstAlternate) firstAlternate = { key, line: node.line };
      else {
        alternates ??= new Map([[firstAlternate.key, firstAlternate.line]]);
        const first = alternates.get(key);
        if (first !== undefined) log.error(path, `a second <link rel="alternate"> with the same type and hreflang (first on line ${first})`, node);
        else alternates.set(key, node.line);
      }
    }
    // RFC 4685 puts thr:count and thr:updated on rel="replies" links.
    const count = node.attributes.find((a) => a.uri === THREAD_NS && a.local === 'count');
    if (count && !/^\d+$/.test(count.value.trim())) log.error(`${path}.thr:count`, `expected thr:count to be a whole number, found ${JSON.stringify(count.value)}`, node);
    const updated = node.attributes.find((a) => a.uri === THREAD_NS && a.local === 'updated');
    if (updated && !parseAtomDate(updated.value)) log.error(`${path}.thr:updated`, `expected thr:updated to be an RFC 3339 date, found ${JSON.stringify(updated.value)}`, node);
    for (const other of node.attributes) {
      if (other.uri === THREAD_NS && other.local !== 'count' && other.local !== 'updated')
        log.error(`${path}.thr:${other.local}`, `thr:${other.local} is not an attribute RFC 4685 defines on <link> (only thr:count and thr:updated)`, node);
    }
    const enclosure: ParsedEnclosure = { url: href };
    if (type !== undefined) enclosure.type = trimWhitespace(type);
    if (size && 'bytes' in size) enclosure.length = size.bytes;
    const title = attr(node, 'title');
    if (title !== undefined) enclosure.title = title;
    out.push({ rel, href, enclosure });
  });
  return out;
}

function persons(elements: readonly XmlElement[], path: string, log: ProblemLog): ParsedAuthor[] {
  return elements.map((node, i) => {
    const at = `${path}[${i}]`;
    const c = new Children(node, ATOM_NS, at, log, PERSON_ELEMENTS, node.name);
    reportRepeated(c, ['name', 'uri', 'email'], log);
    const author: ParsedAuthor = {};
    const name = c.first('name');
    if (name) author.name = collapseWhitespace(plainText(name, `${at}.name`, log));
    else log.error(`${at}.name`, 'expected a <name>, found none', node);
    const email = c.first('email');
    if (email) {
      author.email = trimWhitespace(plainText(email, `${at}.email`, log));
      if (!EMAIL.test(author.email) && LOCAL_EMAIL.test(author.email))
        log.warning(`${at}.email`, `the email address ${JSON.stringify(author.email)} has no domain that mail can reach`, email);
      else if (!EMAIL.test(author.email)) log.error(`${at}.email`, `expected an email address, found ${JSON.stringify(author.email)}`, email);
    }
    const uri = c.first('uri');
    if (uri) {
      author.url = unpadded(plainText(uri, `${at}.uri`, log), `${at}.uri`, uri, log);
      iri(author.url, `${at}.uri`, uri, log, false);
    }
    return author;
  });
}

function categoryTerm(node: XmlElement, path: string, log: ProblemLog): string | undefined {
  const term = attr(node, 'term');
  if (term === undefined) {
    log.error(path, 'expected a term attribute, found none', node);
    return undefined;
  }
  const scheme = attr(node, 'scheme');
  if (scheme !== undefined) iri(unpadded(scheme, `${path}.scheme`, node, log), `${path}.scheme`, node, log, true);
  return trimWhitespace(term) || undefined;
}

function atomDate(c: Children, local: string, log: ProblemLog, parent: XmlElement, required: boolean): Date | undefined {
  const element = c.first(local);
  const path = `${c.path}.${local}`;
  if (!element) {
    if (required) log.error(path, `expected an <${local}>, found none`, parent);
    return undefined;
  }
  const text = unpadded(textContent(element), path, element, log);
  const date = parseAtomDate(text);
  if (!date) log.error(path, `expected an RFC 3339 date such as "2024-03-01T10:00:00Z" (upper-case T and Z, no space), found ${JSON.stringify(trimWhitespace(text))}`, element);
  return date;
}
