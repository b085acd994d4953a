/**
 * RSS 1.0 (RDF Site Summary, https://web.resource.org/rss/1.0/spec) and RSS 0.90, its RDF
 * predecessor, read from the strict namespace-aware tree into a {@link ParsedFeed} (format `rss`,
 * version `1.0` or `0.90`). The document is an `rdf:RDF` holding one `<channel>` and, beside it,
 * the items, the image and the text input, each named by its `rdf:about`; the channel lists its
 * items in `<items><rdf:Seq>` and points to its image and text input by `rdf:resource`. Modules
 * (Dublin Core, content, syndication, trackback…) are checked by the same rules as in RSS 2.0,
 * matched by namespace; dates are Dublin Core's W3C-DTF `dc:date`. Graded as the W3C validator does.
 */
import { parseW3cdtf } from './dates.js';
import { checkExtensions } from './extensions.js';
import { collapseWhitespace, htmlToText, trimWhitespace } from './html-canon.js';
import { atomLinks, checkRssUrl, itemExtensions, readChannelText, requiredText, splitCreators } from './rss.js';
import type { FeedProblem, ParsedFeed, ParsedItem } from './types.js';
import { checkUri, comparableReference, isLanguageTag, resolveReference } from './uri.js';
import { attribute, textContent, type XmlElement } from './xml-check.js';
import { XML_NS } from './xml-fast.js';
import { append, Children, CONTENT_NS, DC_NS, isBlank, isRdfLiteral, plainText, ProblemLog, RDF_NS, reportRepeated } from './xml-rules.js';

/** RSS 1.0's namespace. */
export const RSS10_NS = 'http://purl.org/rss/1.0/';
/** RSS 0.90's namespace (Netscape, 1999). */
export const RSS090_NS = 'http://my.netscape.com/rdf/simple/0.9/';

/** What `rdf:RDF` holds of RSS's own. */
const TOP_ELEMENTS: ReadonlySet<string> = new Set(['channel', 'item', 'image', 'textinput']);
const CHANNEL_ELEMENTS: ReadonlySet<string> = new Set(['title', 'link', 'description', 'image', 'items', 'textinput']);
const ITEM_ELEMENTS: ReadonlySet<string> = new Set(['title', 'link', 'description']);
const IMAGE_ELEMENTS: ReadonlySet<string> = new Set(['title', 'url', 'link']);
const TEXTINPUT_ELEMENTS: ReadonlySet<string> = new Set(['title', 'description', 'name', 'link']);

/** What RSS 1.0 has in place of the RSS 2.0 elements feeds put in it by mistake. */
const RSS2_ELEMENTS_INSTEAD: ReadonlyMap<string, string> = new Map([
  ['language', 'RSS 1.0 gives the language in dc:language'],
  ['pubDate', 'RSS 1.0 dates in dc:date, a W3C-DTF date'],
  ['lastBuildDate', 'RSS 1.0 dates in dc:date, a W3C-DTF date'],
  ['author', 'RSS 1.0 names authors in dc:creator'],
  ['managingEditor', 'RSS 1.0 names authors in dc:creator'],
  ['webMaster', 'RSS 1.0 names the publisher in dc:publisher'],
  ['category', 'RSS 1.0 gives subjects in dc:subject'],
  ['copyright', 'RSS 1.0 gives rights in dc:rights'],
  ['guid', 'RSS 1.0 identifies an item by its rdf:about'],
]);

/** The namespace RSS's own elements are read in, and the version it makes the document. */
interface Vocabulary {
  uri: string;
  version: '1.0' | '0.90';
}

/**
 * Reads an RSS 1.0 or 0.90 document whose strict parse is `root` (an `rdf:RDF` element); `url`, where
 * the document came from, is the base its relative `rdf:about` and `rdf:resource` resolve against
 * where no `xml:base` gives one.
 */
export function readRdf(root: XmlElement, url?: string): ParsedFeed {
  const problems: FeedProblem[] = [];
  const log = new ProblemLog(problems);
  const vocabulary = vocabularyOf(root, log);
  const feed: ParsedFeed = { format: 'rss', version: vocabulary?.version ?? '1.0', authors: [], items: [], problems, history: { archive: false } };
  if (!vocabulary) {
    log.error('rdf:RDF.channel', `expected an RSS 1.0 <channel> (namespace ${RSS10_NS}), found none`, root);
    log.finish();
    return feed;
  }
  const { uri } = vocabulary;
  // RSS 0.90 names nothing by rdf:about and has no <items>: its items are read in document order.
  const rss10 = vocabulary.version === '1.0';
  const top = new Children(root, uri, 'rdf:RDF', log, TOP_ELEMENTS);
  const base = baseOf(root, url);
  reportRepeated(top, ['channel', 'image', 'textinput'], log);
  const channel = top.first('channel');
  const references: References = {};
  if (!channel) log.error('rdf:RDF.channel', 'expected <channel>, found none', root);
  else readChannel(channel, uri, rss10, baseOf(channel, base), feed, references, log);

  // References are compared as RFC 3986 §6.2.2 normalises them (see comparableReference): a host written in capitals
  // names the same resource as one a resolved relative reference gives in lower case.
  const abouts = new Map<string, number>();
  const listed = references.items === undefined ? undefined : new Set(references.items.map(comparableReference));
  const channelId = references.channel === undefined ? undefined : comparableReference(references.channel);
  top.all('item').forEach((element, index) => {
    const path = `item[${index}]`;
    const id = about(element, path, rss10, baseOf(element, base), log);
    if (id !== undefined && id !== '') {
      const comparable = comparableReference(id);
      const first = abouts.get(comparable);
      if (first === undefined) abouts.set(comparable, index);
      else log.error(path, `the same rdf:about as item[${first}] (${JSON.stringify(id)}); each item names its own resource`, element);
      // In RDF one URI is one resource: an item named as the channel is said to be the channel.
      if (comparable === channelId) log.error(path, `the same rdf:about as the channel (${JSON.stringify(id)}); an item names its own resource`, element);
      if (listed && !listed.has(comparable))
        log.warning(path, `rdf:about ${JSON.stringify(id)} is not listed in the channel's <items>: readers that follow the list miss this item`, element);
    }
    feed.items.push(readItem(element, path, uri, id, log));
  });
  const unlisted = references.items?.filter((resource) => !abouts.has(comparableReference(resource))) ?? [];
  if (channel && unlisted.length > 0)
    log.warning('channel.items', `lists ${unlisted.length} item${unlisted.length === 1 ? '' : 's'} that no <item> describes (first: ${JSON.stringify(unlisted[0])})`, channel);

  const image = top.first('image');
  if (image) describedResource(image, 'image', uri, IMAGE_ELEMENTS, rss10, baseOf(image, base), references.image, log);
  else if (references.image !== undefined && channel) log.warning('channel.image', `names the image ${JSON.stringify(references.image)}, which no <image> describes`, channel);
  const textinput = top.first('textinput');
  if (textinput) describedResource(textinput, 'textinput', uri, TEXTINPUT_ELEMENTS, rss10, baseOf(textinput, base), references.textinput, log);
  else if (references.textinput !== undefined && channel)
    log.warning('channel.textinput', `names the text input ${JSON.stringify(references.textinput)}, which no <textinput> describes`, channel);
  log.finish();
  return feed;
}

/**
 * The namespace of RSS's elements: RSS 1.0's, else RSS 0.90's. A `<channel>` in another namespace
 * (none, or a mistyped one) is an error, as for the W3C validator (readers matching by namespace
 * find no channel in it); it is still read as RSS 1.0, so that the rest of it is checked.
 */
function vocabularyOf(root: XmlElement, log: ProblemLog): Vocabulary | undefined {
  let old = false;
  let stray: XmlElement | undefined;
  for (const child of root.children) {
    if (child.kind !== 'element') continue;
    if (child.uri === RSS10_NS) return { uri: RSS10_NS, version: '1.0' };
    if (child.uri === RSS090_NS) old = true;
    else if (child.local === 'channel' && child.uri !== RDF_NS) stray ??= child;
  }
  if (old) return { uri: RSS090_NS, version: '0.90' };
  if (!stray) return undefined;
  log.error(
    'rdf:RDF.channel',
    `<${stray.name}> is in ${stray.uri === '' ? 'no namespace' : `the namespace "${stray.uri}"`}, not RSS 1.0's (${RSS10_NS}): readers that match it by namespace find no channel; declare xmlns="${RSS10_NS}"`,
    stray,
  );
  return { uri: stray.uri, version: '1.0' };
}

/** The version of RSS an `rdf:RDF` document is, by the namespace of its elements: RSS 0.90 when they are in 0.90's and none in 1.0's, else RSS 1.0. */
export function rdfVersion(root: XmlElement): '1.0' | '0.90' {
  let old = false;
  for (const child of root.children) {
    if (child.kind !== 'element') continue;
    if (child.uri === RSS10_NS) return '1.0';
    if (child.uri === RSS090_NS) old = true;
  }
  return old ? '0.90' : '1.0';
}

/** The channel's URI and what it points to: its items in order, its image and its text input, by URI. */
interface References {
  /** The channel's own URI (its `rdf:about`). */
  channel?: string;
  items?: string[];
  image?: string;
  textinput?: string;
}

function readChannel(channel: XmlElement, uri: string, rss10: boolean, base: string | undefined, feed: ParsedFeed, references: References, log: ProblemLog): void {
  const id = about(channel, 'channel', rss10, base, log);
  if (id !== undefined && id !== '') references.channel = id;
  const ch = new Children(channel, uri, 'channel', log, CHANNEL_ELEMENTS, channel.name, RSS2_ELEMENTS_INSTEAD);
  reportRepeated(ch, CHANNEL_ELEMENTS, log);
  readChannelText(ch, channel, feed, log);
  for (const name of ['image', 'textinput'] as const) {
    const pointer = ch.first(name);
    if (pointer) {
      const target = resource(pointer, `channel.${name}`, baseOf(pointer, base), log);
      if (target !== undefined) references[name] = target;
    }
  }
  const items = ch.first('items');
  if (items) references.items = itemList(items, baseOf(items, base), log);
  else if (rss10) log.error('channel.items', 'expected <items> listing the items in an rdf:Seq, found none', channel);

  checkExtensions(channel, 'channel', log, 'channel', true);
  literalsOf(channel, uri, 'channel', log);
  atomLinks(channel, 'channel', feed, log);
  const dc = dublinCore(channel);
  if (dc.language) {
    const language = trimWhitespace(textContent(dc.language));
    if (isLanguageTag(language)) feed.language = language;
  }
  const updated = dc.date && parseW3cdtf(textContent(dc.date));
  if (updated) feed.updated = updated;
  for (const node of dc.creators) for (const name of splitCreators(collapseWhitespace(textContent(node)))) if (name) feed.authors.push({ name });
}

/** The resources `<items>` lists, in order (an `rdf:Seq` of `rdf:li`, each naming one by `rdf:resource`). */
function itemList(items: XmlElement, base: string | undefined, log: ProblemLog): string[] {
  const list = new Children(items, RDF_NS, 'channel.items', log, new Set(['Seq']));
  const seq = list.first('Seq');
  const seqBase = seq && baseOf(seq, base);
  const out: string[] = [];
  // An empty <items/> is how a channel says it has no items yet (the W3C validator takes it).
  if (!seq) {
    if (items.children.some((c) => c.kind === 'element')) log.warning('channel.items', 'expected an rdf:Seq listing the items, found none', items);
    return out;
  }
  let index = 0;
  for (const li of seq.children) {
    if (li.kind !== 'element') continue;
    const path = `channel.items.li[${index++}]`;
    if (li.uri !== RDF_NS || li.local !== 'li') {
      log.error(path, `<${li.name}> in <${seq.name}>: expected rdf:li`, li);
      continue;
    }
    // The plain `resource` of early RSS 1.0 feeds is still read (the W3C validator accepts it).
    const target = resource(li, path, baseOf(li, seqBase), log, true);
    if (target !== undefined) out.push(target);
  }
  return out;
}

function readItem(element: XmlElement, path: string, uri: string, id: string | undefined, log: ProblemLog): ParsedItem {
  const c = new Children(element, uri, path, log, ITEM_ELEMENTS, element.name, RSS2_ELEMENTS_INSTEAD);
  reportRepeated(c, ITEM_ELEMENTS, log);
  const item: ParsedItem = { authors: [], tags: [], enclosures: [], line: element.line };
  if (id !== undefined && id !== '') item.id = id;
  checkExtensions(element, path, log, 'item', true);
  literalsOf(element, uri, path, log);
  const title = requiredText(c, 'title', log, element);
  if (title !== undefined) item.title = collapseWhitespace(title);
  const link = requiredText(c, 'link', log, element);
  if (link !== undefined) {
    item.url = trimWhitespace(link);
    if (item.url !== '') checkRssUrl(item.url, `${path}.link`, c.first('link')!, log);
  }
  const description = c.first('description');
  // Feeds put escaped HTML in it as in RSS 2.0; its plain text is the summary.
  if (description) item.summary = htmlToText(plainText(description, `${path}.description`, log));
  const { content, creators } = itemExtensions(element);
  if (content[0]) item.contentHtml = plainText(content[0], `${path}.content:encoded`, log);
  for (let i = 1; i < content.length; i++) {
    const extra = content[i]!;
    log.error(`${path}.content:encoded`, `<${extra.name}> appears again (first on line ${content[0]!.line}); only one is allowed`, extra);
  }
  for (const node of creators) for (const name of splitCreators(collapseWhitespace(textContent(node)))) if (name) item.authors = append(item.authors, { name });
  const dc = dublinCore(element);
  const published = dc.date && parseW3cdtf(textContent(dc.date));
  if (published) item.published = published;
  for (const subject of dc.subjects) {
    const term = trimWhitespace(textContent(subject));
    if (term) item.tags = append(item.tags, term);
  }
  return item;
}

/** The image or text input beside the channel: its `rdf:about` (the one the channel names) and its required children. */
function describedResource(
  element: XmlElement,
  path: 'image' | 'textinput',
  uri: string,
  known: ReadonlySet<string>,
  rss10: boolean,
  base: string | undefined,
  named: string | undefined,
  log: ProblemLog,
): void {
  const id = about(element, path, rss10, base, log);
  if (named !== undefined && id !== undefined && comparableReference(id) !== comparableReference(named))
    log.warning(path, `rdf:about ${JSON.stringify(id)} is not the ${path} the channel names (${JSON.stringify(named)}): readers show none`, element);
  const c = new Children(element, uri, path, log, known);
  reportRepeated(c, known, log);
  for (const name of known) {
    const child = c.first(name);
    if (!child) {
      log.error(`${path}.${name}`, `expected <${name}> in <${element.name}>, found none`, element);
      continue;
    }
    const value = plainText(child, `${path}.${name}`, log);
    if (name === 'url' || name === 'link') checkRssUrl(value, `${path}.${name}`, child, log);
  }
  checkExtensions(element, path, log, 'channel', true);
}

/**
 * An element's `rdf:about`: required in RSS 1.0, a URI reference (relative and empty ones are
 * allowed, as in RDF/XML), resolved against `base`; trimmed and as written when no base is known.
 */
function about(element: XmlElement, path: string, required: boolean, base: string | undefined, log: ProblemLog): string | undefined {
  const value = attribute(element, 'about', RDF_NS);
  if (value === undefined) {
    if (required) log.error(path, `expected an rdf:about attribute giving the URI of the <${element.name}>, found none`, element);
    return undefined;
  }
  const problem = checkUri(value, false);
  if (problem) log.error(path, `rdf:about: ${problem.message}`, element);
  const written = trimWhitespace(value);
  return resolveReference(written, base) ?? written;
}

/**
 * The URI an element points to by `rdf:resource` (or, with `plain`, an unprefixed `resource`),
 * resolved against `base` as {@link about} is; missing or not a URI reference is an error.
 */
function resource(element: XmlElement, path: string, base: string | undefined, log: ProblemLog, plain = false): string | undefined {
  const value = attribute(element, 'resource', RDF_NS) ?? (plain ? attribute(element, 'resource') : undefined);
  if (value === undefined) {
    log.error(path, `expected an rdf:resource attribute on <${element.name}>, found none`, element);
    return undefined;
  }
  const problem = checkUri(value, false);
  if (problem) log.error(path, `rdf:resource: ${problem.message}`, element);
  const written = trimWhitespace(value);
  return resolveReference(written, base) ?? written;
}

/** The base URI in `element`: its `xml:base` resolved against `inScope`, the one it is in; `undefined` when none is known. */
function baseOf(element: XmlElement, inScope: string | undefined): string | undefined {
  const base = attribute(element, 'base', XML_NS);
  return base === undefined ? inScope : resolveReference(trimWhitespace(base), inScope);
}

/** The Dublin Core children an RSS 1.0 reader takes: the first `dc:date` and `dc:language`, every `dc:creator` (see itemExtensions) and `dc:subject`. */
function dublinCore(parent: XmlElement): { date?: XmlElement; language?: XmlElement; creators: readonly XmlElement[]; subjects: XmlElement[] } {
  const out: { date?: XmlElement; language?: XmlElement; creators: XmlElement[]; subjects: XmlElement[] } = { creators: [], subjects: [] };
  for (const child of parent.children) {
    if (child.kind !== 'element' || child.uri !== DC_NS) continue;
    if (child.local === 'date') out.date ??= child;
    else if (child.local === 'language') out.language ??= child;
    else if (child.local === 'creator') out.creators.push(child);
    else if (child.local === 'subject') out.subjects.push(child);
  }
  return out;
}

/**
 * Module elements whose content mixes text and elements: RDF reads an element's content as text
 * or as elements, never both, unless `rdf:parseType="Literal"` makes it XML kept as text (RSS's
 * own elements are checked as text where they are read). One report per module element; every
 * element is visited once (iterative: the depth is the document's).
 */
function literalsOf(parent: XmlElement, uri: string, path: string, log: ProblemLog): void {
  for (const child of parent.children) {
    // content:encoded holds escaped HTML as text; its unescaped markup is reported where it is read.
    if (child.kind !== 'element' || child.uri === uri || child.uri === '' || child.uri === CONTENT_NS || isRdfLiteral(child)) continue;
    const stack = [child];
    for (let element = stack.pop(); element; element = stack.pop()) {
      let text = false;
      let elements = false;
      for (const node of element.children) {
        if (node.kind === 'text') text ||= !isBlank(node.text);
        else {
          elements = true;
          if (!isRdfLiteral(node)) stack.push(node);
        }
      }
      if (text && elements) {
        log.error(
          `${path}.${child.name}`,
          `<${element.name}> holds both text and elements, which RDF does not read (add rdf:parseType="Literal" to keep XML as its text)`,
          element,
        );
        break;
      }
    }
  }
}
