/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification, read with the RSS Advisory Board's
 * profile), and RSS 0.91 and 0.92 by its rules, read from the strict namespace-aware tree into a
 * {@link ParsedFeed}. Extension elements are matched by namespace URI, never by prefix
 * (`xmlns:a10` for Atom is Atom; `xmlns:atom="urn:not-atom"` is not). Every rule broken is a
 * problem with its line; the W3C validator's grading decides error vs warning.
 */
import { checkRfc822 } from './dates.js';
import { collapseWhitespace, htmlToText, trimWhitespace } from './html-canon.js';
import type { FeedProblem, ParsedAuthor, ParsedEnclosure, ParsedFeed, ParsedItem } from './types.js';
import { checkUri, isLanguageTag, isMimeType, unlistedLanguage } from './uri.js';
import { childElements, HISTORY_NS, textContent, type XmlElement } from './xml-check.js';
import { checkExtensions } from './extensions.js';
import { checkFeedSyncItem, checkFeedSyncSharing } from './feedsync.js';
import { checkMediaRss, mediaContentImage } from './media-rss.js';
import { append, ATOM_NS, attr, byteCount, Children, CONTENT_NS, DC_NS, hasInnerChar, MEDIA_NS, moveNamespace, plainText, ProblemLog, reportRepeated } from './xml-rules.js';

const CHANNEL_ELEMENTS = new Set([
  'title',
  'link',
  'description',
  'language',
  'copyright',
  'managingEditor',
  'webMaster',
  'pubDate',
  'lastBuildDate',
  'category',
  'generator',
  'docs',
  'cloud',
  'ttl',
  'image',
  'rating',
  'textInput',
  'skipHours',
  'skipDays',
  'item',
]);
const CHANNEL_SINGLE = [
  'title',
  'link',
  'description',
  'language',
  'copyright',
  'managingEditor',
  'webMaster',
  'pubDate',
  'lastBuildDate',
  'generator',
  'docs',
  'cloud',
  'ttl',
  'image',
  'rating',
  'textInput',
  'skipHours',
  'skipDays',
];
const ITEM_ELEMENTS = new Set(['title', 'link', 'description', 'author', 'category', 'comments', 'enclosure', 'guid', 'pubDate', 'source']);
const ITEM_SINGLE = ['title', 'link', 'description', 'author', 'comments', 'guid', 'pubDate', 'source'];
const DAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
const USERLAND_RSS2_NS = 'http://backend.userland.com/rss2';
/**
 * The versions before 2.0 read as RSS: 0.91 (Netscape's and UserLand's) and 0.92. RSS 2.0 kept
 * their elements and added its own, so they are read by RSS 2.0's rules (as the W3C validator
 * reads them), with what each requires of its own.
 */
export const LEGACY_VERSIONS: ReadonlySet<string> = new Set(['0.91', '0.92']);
const NON_ASCII = /[^\x00-\x7F]/;
/** RSS 2.0: an image is at most 144 pixels wide and 400 high. */
const MAX_IMAGE_WIDTH = 144;
const MAX_IMAGE_HEIGHT = 400;

/** Reads an RSS document whose strict parse is `root` (an `<rss>` element without namespace). */
export function readRss(document: XmlElement): ParsedFeed {
  const problems: FeedProblem[] = [];
  const log = new ProblemLog(problems);
  let root = document;
  if (root.uri !== '') {
    // The namespace UserLand gave RSS 2.0 for a while (2002–2003) is still found in old feeds: readers ignore it.
    if (root.uri === USERLAND_RSS2_NS) log.warning('rss', `<rss> is in the retired namespace "${root.uri}"; RSS 2.0 has none`, root);
    else log.error('rss', `expected <rss> in no namespace, found namespace "${root.uri}"`, root);
    // Read on as if there were none, so the rest of the feed is still checked.
    root = moveNamespace(root, root.uri, '');
  }
  const version = attr(root, 'version');
  const legacy = version !== undefined && LEGACY_VERSIONS.has(version.trim()) ? version.trim() : undefined;
  if (version === undefined) log.error('rss', 'expected version="2.0", found no version attribute', root);
  else if (legacy === undefined && !/^2\.0(?:\.\d+)?$/.test(version.trim())) log.error('rss', `expected version="2.0", found version="${version}"`, root);
  const channels = childElements(root, 'channel', '');
  const channel = channels[0];
  const feed: ParsedFeed = {
    format: 'rss',
    version: version?.trim() ?? '2.0',
    authors: [],
    items: [],
    problems,
    history: { archive: channel !== undefined && childElements(channel, 'archive', HISTORY_NS).length > 0 },
  };
  // A document without its channel is still an RSS document, with nothing in it: the rest of it is checked.
  if (!channel) {
    log.error('rss.channel', 'expected <channel>, found none', root);
    log.finish();
    return feed;
  }
  for (const extra of channels.slice(1)) log.error('rss.channel', `a second <channel> (the first is on line ${channel.line}); RSS has one`, extra);

  const ch = new Children(channel, '', 'channel', log, CHANNEL_ELEMENTS);
  reportRepeated(ch, CHANNEL_SINGLE, log);

  const { title, link } = readChannelText(ch, channel, feed, log);
  const language = childText(ch, 'language', log);
  // RSS 0.91 requires the language; the W3C validator only notes its absence.
  if (language === undefined && legacy === '0.91') log.warning('channel.language', 'expected <language>, which RSS 0.91 requires, found none', channel);
  if (language !== undefined) {
    feed.language = trimWhitespace(language);
    const unlisted = unlistedLanguage(feed.language);
    if (!isLanguageTag(feed.language))
      log.error('channel.language', `expected a language code such as "en" or "pt-BR", found ${JSON.stringify(feed.language)}`, ch.first('language')!);
    else if (unlisted !== undefined) log.warning('channel.language', unlisted, ch.first('language')!);
  }
  const generator = childText(ch, 'generator', log);
  if (generator !== undefined) feed.generator = trimWhitespace(generator);
  const docs = childText(ch, 'docs', log);
  if (docs !== undefined) checkRssUrl(docs, 'channel.docs', ch.first('docs')!, log);
  const updated = date(ch, 'lastBuildDate', 'channel.lastBuildDate', log);
  if (updated) feed.updated = updated;
  date(ch, 'pubDate', 'channel.pubDate', log);
  const editor = ch.first('managingEditor');
  if (editor) feed.authors.push(rssAuthor(textContent(editor), 'channel.managingEditor', editor, log));
  const webMaster = ch.first('webMaster');
  if (webMaster) rssAuthor(textContent(webMaster), 'channel.webMaster', webMaster, log);
  const ttl = ch.first('ttl');
  if (ttl && textContent(ttl).trim() === '') log.warning('channel.ttl', '<ttl> is empty', ttl);
  else if (ttl && integer(textContent(ttl), 'channel.ttl', ttl, log) === 0) log.error('channel.ttl', 'expected a number of minutes above 0, found "0"', ttl);
  ch.all('category').forEach((c, i) => category(c, `channel.category[${i}]`, log));
  const image = ch.first('image');
  if (image) channelImage(image, { title, link }, log);
  const cloud = ch.first('cloud');
  if (cloud) {
    const missing = ['domain', 'port', 'path', 'registerProcedure', 'protocol'].filter((name) => attr(cloud, name) === undefined);
    if (missing.length) log.error('channel.cloud', `expected the attributes domain, port, path, registerProcedure and protocol, found no ${missing.join(', ')}`, cloud);
    const port = attr(cloud, 'port');
    if (port !== undefined && !(/^\s*\d+\s*$/.test(port) && Number(port) > 0 && Number(port) < 65536))
      log.error('channel.cloud', `expected port to be a TCP port number, found ${JSON.stringify(port)}`, cloud);
  }
  const textInput = ch.first('textInput');
  if (textInput) {
    const c = requireChildren(textInput, ['title', 'description', 'name', 'link'], 'channel.textInput', log);
    const name = c.first('name');
    // The name of an HTML form control: a letter or underscore, then letters, digits, `_`, `.`, `-`.
    if (name && !/^[A-Za-z_][A-Za-z0-9_.:-]*$/.test(textContent(name).trim()))
      log.error('channel.textInput.name', `expected a form field name, found ${JSON.stringify(textContent(name).trim())}`, name);
    const link = c.first('link');
    if (link) checkRssUrl(textContent(link), 'channel.textInput.link', link, log);
  }
  for (const skip of ch.all('skipHours')) {
    // 24 is another way to write midnight, so "24" and "0" name the same hour.
    const hourKey = (value: string): string => (/^\d+$/.test(value) ? String(Number(value) % 24) : value);
    skipList(skip, 'hour', 'channel.skipHours', log, hourKey, (value, hour) => {
      // The RSS 0.91 habit of 24 for midnight is still read (the W3C validator warns).
      if (value === '24') log.warning('channel.skipHours.hour', 'write midnight as 0, not 24', hour);
      else if (!/^\d+$/.test(value) || Number(value) > 23) log.error('channel.skipHours.hour', `expected an hour from 0 to 23, found ${JSON.stringify(value)}`, hour);
    });
  }
  for (const skip of ch.all('skipDays')) {
    skipList(
      skip,
      'day',
      'channel.skipDays',
      log,
      (value) => value,
      (value, day) => {
        if (!DAYS.has(value)) log.error('channel.skipDays.day', `expected a day such as "Monday", found ${JSON.stringify(value)}`, day);
      },
    );
  }

  checkExtensions(channel, 'channel', log, 'channel');
  checkExtensions(root, 'rss', log, 'rss');
  checkMediaRss(channel, 'channel', log);
  checkFeedSyncSharing(channel, 'channel', log);
  atomLinks(channel, 'channel', feed, log);
  // RSS 0.9x predates atom:link: its absence there is no news.
  if (feed.selfUrl === undefined && legacy === undefined) log.warning('channel', 'expected an <atom:link rel="self"> giving the feed\'s own URL, found none', channel);

  const seen = new Map<string, number>();
  const syncIds = new Set<string>();
  ch.all('item').forEach((element, index) => {
    const path = `channel.item[${index}]`;
    const item = rssItem(element, path, log, legacy === '0.91');
    checkFeedSyncItem(element, path, log, syncIds);
    if (item.id !== undefined && item.id !== '') {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, index);
      else log.error(`${path}.guid`, `the same guid as channel.item[${first}] (${JSON.stringify(item.id)}); guids must be unique`, element);
    }
    feed.items.push(item);
  });
  log.finish();
  return feed;
}

/** An `<item>`; `titleAndLink` when both are required (RSS 0.91), else a title or a description is. */
function rssItem(element: XmlElement, path: string, log: ProblemLog, titleAndLink: boolean): ParsedItem {
  const c = new Children(element, '', path, log, ITEM_ELEMENTS);
  reportRepeated(c, ITEM_SINGLE, log);
  const item: ParsedItem = { authors: [], tags: [], enclosures: [], line: element.line };
  checkExtensions(element, path, log, 'item');
  checkMediaRss(element, path, log);

  const guid = c.first('guid');
  if (guid) {
    item.id = trimWhitespace(textContent(guid));
    const permaLink = attr(guid, 'isPermaLink');
    for (const a of guid.attributes) {
      if (a.uri === '' && a.local !== 'isPermaLink')
        log.error(`${path}.guid`, `<guid> has no attribute ${a.name}${a.local.toLowerCase() === 'ispermalink' ? ' (attribute names are case-sensitive: isPermaLink)' : ''}`, guid);
    }
    if (permaLink !== undefined && permaLink !== 'true' && permaLink !== 'false') {
      log.error(`${path}.guid`, `expected isPermaLink="true" or "false", found isPermaLink=${JSON.stringify(permaLink)}`, guid);
    }
    // RSS 2.0: isPermaLink defaults to true.
    item.isPermaLink = permaLink?.trim().toLowerCase() !== 'false';
    if (item.id === '') log.error(`${path}.guid`, 'expected a guid, found an empty element', guid);
    else if (item.isPermaLink) {
      // A permalink is a full URI of any scheme (as the W3C validator reads it), but not an id that names no resource.
      const problem =
        checkUri(item.id, true)?.message ??
        (NON_ASCII.test(item.id) ? `expected a URL, found the IRI ${JSON.stringify(item.id)}: RSS readers need its non-ASCII characters encoded` : undefined) ??
        (/^(?:tag:|urn:uuid:)/i.test(item.id) ? `${JSON.stringify(item.id)} is an identifier, not the address of a page` : undefined);
      if (problem) log.error(`${path}.guid`, `${problem} (isPermaLink is true; add isPermaLink="false" if it is not a URL)`, guid);
    }
  }
  const title = childText(c, 'title', log);
  if (title !== undefined) item.title = collapseWhitespace(title);
  const link = childText(c, 'link', log);
  if (link !== undefined) {
    item.url = trimWhitespace(link);
    checkRssUrl(item.url, `${path}.link`, c.first('link')!, log);
  }
  const description = c.first('description');
  // RSS description is HTML; its plain text is the summary.
  if (description) item.summary = htmlToText(markup(description, `${path}.description`, log));
  if (titleAndLink) {
    if (title === undefined) log.error(`${path}.title`, 'expected <title>, which RSS 0.91 items have, found none', element);
    if (link === undefined) log.error(`${path}.link`, 'expected <link>, which RSS 0.91 items have, found none', element);
  } else if (title === undefined && description === undefined) log.error(path, 'expected a <title> or a <description>, found neither', element);
  const { content, creators, mediaContent } = itemExtensions(element);
  if (content[0]) item.contentHtml = markup(content[0], `${path}.content:encoded`, log);
  for (let i = 1; i < content.length; i++) {
    const extra = content[i]!;
    log.error(`${path}.content:encoded`, `<${extra.name}> appears again (first on line ${content[0]!.line}); only one is allowed`, extra);
  }
  const published = date(c, 'pubDate', `${path}.pubDate`, log);
  if (published) item.published = published;
  const comments = childText(c, 'comments', log);
  if (comments !== undefined) checkRssUrl(comments, `${path}.comments`, c.first('comments')!, log);
  const source = c.first('source');
  if (source) {
    const url = attr(source, 'url');
    if (url === undefined) log.error(`${path}.source`, 'expected a url attribute, found none', source);
    else checkRssUrl(url, `${path}.source.url`, source, log);
  }

  // Loops, not forEach: no closure per item.
  const authors = c.all('author');
  for (let i = 0; i < authors.length; i++) item.authors = append(item.authors, rssAuthor(textContent(authors[i]!), `${path}.author[${i}]`, authors[i]!, log));
  for (const node of creators) {
    for (const name of splitCreators(collapseWhitespace(textContent(node)))) item.authors = append(item.authors, { name });
  }
  const categories = c.all('category');
  for (let i = 0; i < categories.length; i++) {
    const node = categories[i]!;
    const term = category(node, `${path}.category[${i}]`, log);
    if (term) item.tags = append(item.tags, term);
  }
  const enclosures = c.all('enclosure');
  for (let i = 0; i < enclosures.length; i++) {
    const node = enclosures[i]!;
    const url = attr(node, 'url');
    const type = attr(node, 'type');
    const length = attr(node, 'length');
    const at = `${path}.enclosure[${i}]`;
    const missing = [
      ['url', url],
      ['length', length],
      ['type', type],
    ]
      .filter(([, v]) => v === undefined)
      .map(([n]) => n);
    if (missing.length) log.error(at, `expected the attributes url, length and type, found no ${missing.join(', ')}`, node);
    if (url !== undefined) checkRssUrl(url, `${at}.url`, node, log);
    const size = length === undefined ? undefined : byteCount(length);
    if (size && 'problem' in size) log.error(`${at}.length`, size.problem, node);
    if (type !== undefined && !isMimeType(type)) log.error(`${at}.type`, `expected type to be a MIME type such as "audio/mpeg", found ${JSON.stringify(type)}`, node);
    if (url !== undefined) item.enclosures = append(item.enclosures, enclosure(url, type, size && 'bytes' in size ? size.bytes : undefined));
  }
  if (item.enclosures.length > 1) log.warning(`${path}.enclosure`, `${item.enclosures.length} enclosures; many readers show only the first`, element);
  const image = mediaContentImage(mediaContent) ?? item.enclosures.find((e) => e.type?.startsWith('image/'));
  if (image) item.image = image;
  return item;
}

const NO_ELEMENTS: readonly XmlElement[] = [];

/**
 * The `content:encoded`, `dc:creator` and `media:content` children of an item, in document order,
 * found in one pass over its children (what `childElements` finds for each).
 */
export function itemExtensions(item: XmlElement): { content: readonly XmlElement[]; creators: readonly XmlElement[]; mediaContent: readonly XmlElement[] } {
  let content: XmlElement[] | undefined;
  let creators: XmlElement[] | undefined;
  let mediaContent: XmlElement[] | undefined;
  for (const child of item.children) {
    if (child.kind !== 'element') continue;
    if (child.uri === CONTENT_NS && child.local === 'encoded') content = append(content, child);
    else if (child.uri === DC_NS && child.local === 'creator') creators = append(creators, child);
    else if (child.uri === MEDIA_NS && child.local === 'content') mediaContent = append(mediaContent, child);
  }
  return { content: content ?? NO_ELEMENTS, creators: creators ?? NO_ELEMENTS, mediaContent: mediaContent ?? NO_ELEMENTS };
}

/** Text of an element that may hold HTML: escaped HTML as text, or markup that was not escaped (kept, and reported). */
function markup(element: XmlElement, path: string, log: ProblemLog): string {
  return plainText(element, path, log);
}

/** `<skipHours>` / `<skipDays>`: only `<hour>` / `<day>` children, at least one, no value twice. */
function skipList(list: XmlElement, child: string, path: string, log: ProblemLog, key: (value: string) => string, check: (value: string, element: XmlElement) => void): void {
  const c = new Children(list, '', path, log, new Set([child]));
  const entries = c.all(child);
  if (entries.length === 0) log.error(`${path}.${child}`, `expected at least one <${child}> in <${list.name}>, found none`, list);
  const seen = new Set<string>();
  for (const entry of entries) {
    const value = textContent(entry).trim();
    if (seen.has(key(value))) log.error(`${path}.${child}`, `${JSON.stringify(value)} appears twice in <${list.name}>`, entry);
    seen.add(key(value));
    check(value, entry);
  }
}

/**
 * A channel's `title`, `link` and `description`, which every RSS version requires (2.0, 0.9x and 1.0 alike), read into
 * `feed`, each missing one reported; the link checked as an address. Gives the title and link as written.
 */
export function readChannelText(ch: Children, channel: XmlElement, feed: ParsedFeed, log: ProblemLog): { title: string | undefined; link: string | undefined } {
  const title = requiredText(ch, 'title', log, channel);
  if (title !== undefined) feed.title = collapseWhitespace(title);
  const link = requiredText(ch, 'link', log, channel);
  if (link !== undefined) {
    feed.siteUrl = trimWhitespace(link);
    // An empty link was reported as such above.
    if (feed.siteUrl !== '') checkRssUrl(feed.siteUrl, 'channel.link', ch.first('link')!, log);
  }
  const description = requiredText(ch, 'description', log, channel);
  if (description !== undefined) feed.description = trimWhitespace(description);
  return { title, link };
}

/** The text of a child the format requires: missing is an error, an empty link an error, an empty title or description a warning. */
export function requiredText(c: Children, local: string, log: ProblemLog, parent: XmlElement): string | undefined {
  const value = childText(c, local, log);
  if (value === undefined) log.error(`${c.path}.${local}`, `expected <${local}>, found none`, parent);
  // An empty title or description is legal RSS that readers show badly (the W3C validator warns).
  else if (trimWhitespace(value) === '') {
    const element = c.first(local)!;
    if (local === 'link') log.error(`${c.path}.${local}`, `expected a URL in <${local}>, found an empty element`, element);
    else log.warning(`${c.path}.${local}`, `<${local}> is empty`, element);
  }
  return value;
}

/** The text of the first child named `local`, when there is one (markup in it reported). */
export function childText(c: Children, local: string, log: ProblemLog): string | undefined {
  const element = c.first(local);
  return element ? plainText(element, `${c.path}.${local}`, log) : undefined;
}

/**
 * A URL of RSS (every link, docs, comments, image, source and enclosure URL): an absolute URI,
 * so an empty one is an error too, as the W3C validator has it.
 */
export function checkRssUrl(value: string, path: string, at: XmlElement, log: ProblemLog): void {
  if (value.trim() === '') {
    log.error(path, 'expected a URL, found an empty value', at);
    return;
  }
  const problem = checkUri(value, true);
  if (problem) log.error(path, problem.message, at);
  // RSS 2.0 links are URLs (RFC 2396): an IRI's host must be punycode and its other non-ASCII characters percent-encoded.
  else if (NON_ASCII.test(value)) log.error(path, `expected a URL, found the IRI ${JSON.stringify(value.trim())}: RSS readers need its non-ASCII characters encoded`, at);
}

function integer(value: string, path: string, at: XmlElement, log: ProblemLog): number | undefined {
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  log.error(path, `expected a whole number, found ${JSON.stringify(value.trim())}`, at);
  return undefined;
}

function requireChildren(element: XmlElement, names: readonly string[], path: string, log: ProblemLog): Children {
  const c = new Children(element, '', path, log);
  reportRepeated(c, ['title', 'description', 'name', 'link', 'url', 'width', 'height'], log);
  for (const name of names) if (!c.first(name)) log.error(`${path}.${name}`, `expected <${name}> in <${element.name}>, found none`, element);
  return c;
}

/** File name extensions of the images RSS 2.0 allows for the channel `<image>`: GIF, JPEG and PNG. */
const IMAGE_EXTENSIONS = new Set(['gif', 'jpg', 'jpeg', 'png']);

/**
 * The channel `<image>`: its url, title and link, its size, and how it stands to the channel. RSS
 * 2.0 says the image is a GIF, JPEG or PNG and that, in practice, its title and link are the
 * channel's (readers show the image as a link to the site, titled as the channel): as for the W3C
 * validator (ImageUrlFormat, ImageTitleDoesntMatch, ImageLinkDoesntMatch), another extension at
 * the end of the URL, or a title or link other than the channel's, is a warning. A URL that does
 * not end in an extension (a query, a path without one) tells nothing of its format.
 */
function channelImage(image: XmlElement, channel: { title: string | undefined; link: string | undefined }, log: ProblemLog): void {
  const c = requireChildren(image, ['url', 'title', 'link'], 'channel.image', log);
  for (const name of ['url', 'link']) {
    const element = c.first(name);
    if (element) checkRssUrl(textContent(element), `channel.image.${name}`, element, log);
  }
  const url = c.first('url');
  const dot = url ? trimWhitespace(textContent(url)).lastIndexOf('.') : -1;
  const extension =
    url && dot >= 0
      ? trimWhitespace(textContent(url))
          .slice(dot + 1)
          .toLowerCase()
      : '';
  if (url && /^[\p{L}\p{N}_]+$/u.test(extension) && !IMAGE_EXTENSIONS.has(extension))
    log.warning('channel.image.url', `the image is a .${extension} file; RSS 2.0 channel images are GIF, JPEG or PNG, which readers show`, url);
  for (const name of ['title', 'link'] as const) {
    const element = c.first(name);
    const own = channel[name] === undefined ? undefined : trimWhitespace(channel[name]);
    if (!element || own === undefined || own === '') continue;
    const value = trimWhitespace(textContent(element));
    if (value !== own)
      log.warning(
        `channel.image.${name}`,
        `the image ${name} ${JSON.stringify(value)} is not the channel's ${JSON.stringify(own)}; readers show the image as the channel's`,
        element,
      );
  }
  for (const [name, max] of [
    ['width', MAX_IMAGE_WIDTH],
    ['height', MAX_IMAGE_HEIGHT],
  ] as const) {
    const element = c.first(name);
    if (!element) continue;
    const value = textContent(element).trim();
    if (!/^\d+$/.test(value) || Number(value) === 0 || Number(value) > max)
      log.error(`channel.image.${name}`, `expected a ${name} from 1 to ${max} pixels, found ${JSON.stringify(value)}`, element);
  }
}

function category(element: XmlElement, path: string, log: ProblemLog): string {
  const domain = attr(element, 'domain');
  if (domain !== undefined && domain.trim() === '') log.warning(path, 'the domain attribute is empty', element);
  return trimWhitespace(plainText(element, path, log));
}

function date(c: Children, local: string, path: string, log: ProblemLog): Date | undefined {
  const element = c.first(local);
  if (!element) return undefined;
  const checked = checkRfc822(textContent(element));
  if (checked.problem) (checked.problem.severity === 'error' ? log.error : log.warning).call(log, path, checked.problem.message, element);
  return checked.date;
}

/** `atom:link` elements (matched by the Atom namespace, whatever their prefix) in an RSS channel. */
export function atomLinks(channel: XmlElement, path: string, feed: ParsedFeed, log: ProblemLog): void {
  childElements(channel, 'link', ATOM_NS).forEach((node, i) => {
    const href = attr(node, 'href');
    const at = `${path}.atom:link[${i}]`;
    if (href === undefined) {
      log.error(at, `<${node.name}> has no href attribute`, node);
      return;
    }
    const problem = checkUri(href, false);
    if (problem) log.error(at, problem.message, node);
    const value = trimWhitespace(href);
    const rel = (attr(node, 'rel') ?? 'alternate').trim();
    if (rel === 'self') feed.selfUrl ??= value;
    if (rel === 'hub') feed.hub ??= value;
    if (rel === 'prev-archive') feed.history.prevArchive ??= value;
    if (rel === 'next-archive') feed.history.nextArchive ??= value;
    if (rel === 'current') feed.history.current ??= value;
  });
}

function enclosure(url: string, type: string | undefined, length: number | undefined): ParsedEnclosure {
  const out: ParsedEnclosure = { url: trimWhitespace(url) };
  if (type !== undefined) out.type = trimWhitespace(type);
  if (length !== undefined) out.length = length;
  return out;
}

/** The leading run of what an email address in `email (Name)` may hold. */
const EMAIL_RUN = /[^\s()<>]+/y;

/**
 * RSS `<author>` is `email (Name)`; `Name <email>` and a bare email are read too, a bare name is
 * reported. Read by position, in one pass: regular expressions for the two forms backtracked over a
 * run of `@` or of spaces (a few KB took seconds).
 */
function rssAuthor(text: string, path: string, at: XmlElement, log: ProblemLog): ParsedAuthor {
  const value = trimWhitespace(text);
  const emailFirst = emailThenName(value);
  if (emailFirst) {
    const name = collapseWhitespace(emailFirst.name);
    return name ? { email: emailFirst.email, name } : { email: emailFirst.email };
  }
  const nameFirst = nameThenEmail(value);
  if (nameFirst) {
    const name = collapseWhitespace(nameFirst.name);
    return name ? { email: nameFirst.email, name } : { email: nameFirst.email };
  }
  log.error(path, `expected an email address such as "jane@example.com (Jane Doe)", found ${JSON.stringify(value)}`, at);
  return { name: collapseWhitespace(value) };
}

/** `email`, `email (Name)`: the address (no white space, parentheses or angle brackets), then optionally the name in parentheses. */
function emailThenName(value: string): { email: string; name: string } | undefined {
  EMAIL_RUN.lastIndex = 0;
  const email = EMAIL_RUN.exec(value)?.[0];
  if (email === undefined || !hasInnerChar(email, '@')) return undefined;
  const rest = value.slice(email.length).trimStart();
  if (rest === '') return { email, name: '' };
  return rest.startsWith('(') && rest.endsWith(')') ? { email, name: rest.slice(1, -1) } : undefined;
}

/** `Name <email>`: the address in the last angle brackets, ending the text. */
function nameThenEmail(value: string): { email: string; name: string } | undefined {
  if (!value.endsWith('>')) return undefined;
  const open = value.lastIndexOf('<');
  const email = open < 0 ? '' : value.slice(open + 1, -1);
  if (/[\s<>]/.test(email) || !hasInnerChar(email, '@')) return undefined;
  return { email, name: value.slice(0, open) };
}

/**
 * One `dc:creator` may name several people ("Ivan Petrenko, Maria Lopez", as storyfeed writes it):
 * it is split at commas when every part has at least two words, so "Smith, John" and
 * "Martin Luther King, Jr." stay one name.
 */
export function splitCreators(text: string): string[] {
  // Without a comma there is one name (what the split below gives, without splitting).
  if (!text.includes(',')) return [text];
  // White space around each comma goes (split and trimmed: a pattern with white space on both sides of
  // the comma tried every start in a long run of spaces, a quadratic pass over an author's name).
  const parts = text.split(',').map((part, i, all) => (i === 0 ? part.trimEnd() : i === all.length - 1 ? part.trimStart() : part.trim()));
  return parts.length > 1 && parts.every((p) => p.trim().split(/\s+/).filter(Boolean).length >= 2) ? parts : [text];
}
