/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) read into a {@link ParsedFeed}, with
 * `rss-parser`'s quirks corrected: `description` is the HTML summary and `content:encoded` the
 * body (rss-parser calls the first `content`), every author and `dc:creator`, categories with
 * attributes reduced to their term, guid `isPermaLink` (default true), the self link chosen by
 * `rel` among several `atom:link`, every enclosure, and whitespace trimmed.
 */
import { StoryfeedError } from '../errors.js';
import { parseRfc822 } from './dates.js';
import { collapseWhitespace, htmlToText, trimWhitespace } from './html-canon.js';
import type { FeedProblem, ParsedAuthor, ParsedEnclosure, ParsedFeed, ParsedItem } from './types.js';
import { childElement, childElements, HISTORY_NS, type XmlElement } from './xml-check.js';
import { firstText, nodeAttributes, nodes, nodeText, parseWithRssParser, type RawRecord } from './xml-feed.js';

/** Reads an RSS document whose strict parse is `root` (an `<rss>` element). */
export async function readRss(text: string, root: XmlElement): Promise<ParsedFeed> {
  const channel = childElements(root).find((e) => e.name === 'channel');
  if (!channel) throw new StoryfeedError('E_FEED', `this RSS document has no <channel> (line ${root.line})`, { line: root.line });
  const problems: FeedProblem[] = [];
  const version = root.attributes.find((a) => a.name === 'version')?.value;
  if (version === undefined) problems.push({ path: 'rss', message: 'expected version="2.0", found no version attribute', severity: 'error', line: root.line });
  else if (!/^2\./.test(version)) problems.push({ path: 'rss', message: `expected version="2.0", found version="${version}"`, severity: 'warning', line: root.line });

  const raw = await parseWithRssParser(text);
  const ch = raw.feed;
  const at = (name: string, element: XmlElement = channel): number => childElement(element, name)?.line ?? element.line;
  const need = (record: RawRecord, name: string, path: string, element: XmlElement): string | undefined => {
    const value = firstText(record, name);
    if (value === undefined || trimWhitespace(value) === '') problems.push({ path, message: `expected <${name}>, found ${value === undefined ? 'none' : 'an empty element'}`, severity: 'error', line: at(name, element) });
    return value;
  };

  const feed: ParsedFeed = { format: 'rss', version: version ?? '2.0', authors: [], items: [], problems, history: { archive: childElement(channel, 'archive', HISTORY_NS) !== undefined } };
  const title = need(ch, 'title', 'channel.title', channel);
  if (title !== undefined) feed.title = collapseWhitespace(title);
  const link = need(ch, 'link', 'channel.link', channel);
  if (link !== undefined) feed.siteUrl = trimWhitespace(link);
  const description = need(ch, 'description', 'channel.description', channel);
  if (description !== undefined) feed.description = trimWhitespace(description);
  const language = firstText(ch, 'language');
  if (language !== undefined) feed.language = trimWhitespace(language);
  const generator = firstText(ch, 'generator');
  if (generator !== undefined) feed.generator = trimWhitespace(generator);
  const updated = rssDate(firstText(ch, 'lastBuildDate'), 'channel.lastBuildDate', at('lastBuildDate'), problems);
  if (updated) feed.updated = updated;
  const editor = firstText(ch, 'managingEditor');
  if (editor !== undefined) feed.authors.push(rssAuthor(editor, 'channel.managingEditor', at('managingEditor'), problems));

  // rss-parser's feedUrl is the first atom:link whatever its rel (often the hub).
  for (const node of nodes(ch, 'atom:link')) {
    const { rel, href } = nodeAttributes(node);
    if (href === undefined) continue;
    if (rel === 'self') feed.selfUrl ??= trimWhitespace(href);
    if (rel === 'hub') feed.hub ??= trimWhitespace(href);
    if (rel === 'prev-archive') feed.history.prevArchive ??= trimWhitespace(href);
    if (rel === 'next-archive') feed.history.nextArchive ??= trimWhitespace(href);
    if (rel === 'current') feed.history.current ??= trimWhitespace(href);
  }
  if (feed.selfUrl === undefined) {
    problems.push({ path: 'channel', message: 'expected an <atom:link rel="self"> giving the feed\'s own URL, found none', severity: 'warning', line: channel.line });
  }

  // xml2js groups children by qualified name, so align with the elements named exactly `item`.
  const elements = childElements(channel).filter((e) => e.name === 'item');
  raw.items.forEach((record, index) => {
    const element = elements[index] ?? channel;
    feed.items.push(rssItem(record, `channel.item[${index}]`, element, problems));
  });
  return feed;
}

function rssItem(record: RawRecord, path: string, element: XmlElement, problems: FeedProblem[]): ParsedItem {
  const line = (name: string): number => childElement(element, name)?.line ?? element.line;
  const item: ParsedItem = { authors: [], tags: [], enclosures: [], line: element.line };

  const guid = nodes(record, 'guid')[0];
  if (guid !== undefined) {
    item.id = trimWhitespace(nodeText(guid) ?? '');
    // RSS 2.0: isPermaLink defaults to true.
    item.isPermaLink = (nodeAttributes(guid).isPermaLink ?? 'true').trim().toLowerCase() !== 'false';
    if (item.isPermaLink && !URL.canParse(item.id)) {
      problems.push({ path: `${path}.guid`, message: `expected a URL (isPermaLink is true), found ${JSON.stringify(item.id)}`, severity: 'warning', line: line('guid') });
    }
  }
  const title = firstText(record, 'title');
  if (title !== undefined) item.title = collapseWhitespace(title);
  const link = firstText(record, 'link');
  if (link !== undefined) item.url = trimWhitespace(link);
  const description = firstText(record, 'description');
  // RSS description is HTML; its plain text is the summary.
  if (description !== undefined) item.summary = htmlToText(description);
  if (title === undefined && description === undefined) problems.push({ path, message: 'expected a <title> or a <description>, found neither', severity: 'error', line: element.line });
  const content = firstText(record, 'content:encoded');
  if (content !== undefined) item.contentHtml = content;
  const published = rssDate(firstText(record, 'pubDate'), `${path}.pubDate`, line('pubDate'), problems);
  if (published) item.published = published;

  nodes(record, 'author').forEach((node, i) => item.authors.push(rssAuthor(nodeText(node) ?? '', `${path}.author[${i}]`, line('author'), problems)));
  for (const node of nodes(record, 'dc:creator')) {
    for (const name of splitCreators(collapseWhitespace(nodeText(node) ?? ''))) item.authors.push({ name });
  }
  for (const node of nodes(record, 'category')) {
    const term = trimWhitespace(nodeText(node) ?? '');
    if (term) item.tags.push(term);
  }
  nodes(record, 'enclosure').forEach((node, i) => {
    const a = nodeAttributes(node);
    const missing = ['url', 'length', 'type'].filter((name) => a[name] === undefined);
    if (missing.length) problems.push({ path: `${path}.enclosure[${i}]`, message: `expected the attributes url, length and type, found no ${missing.join(', ')}`, severity: 'error', line: line('enclosure') });
    if (a.url !== undefined) item.enclosures.push(enclosure(a.url, a.type, a.length));
  });
  for (const node of nodes(record, 'media:content')) {
    const a = nodeAttributes(node);
    if (a.url !== undefined && (a.medium === 'image' || a.type?.startsWith('image/'))) {
      item.image = enclosure(a.url, a.type, a.fileSize);
      break;
    }
  }
  item.image ??= item.enclosures.find((e) => e.type?.startsWith('image/'));
  return item;
}

function enclosure(url: string, type: string | undefined, length: string | undefined): ParsedEnclosure {
  const out: ParsedEnclosure = { url: trimWhitespace(url) };
  if (type !== undefined) out.type = trimWhitespace(type);
  if (length !== undefined && /^\s*\d+\s*$/.test(length)) out.length = Number(length);
  return out;
}

/** An RSS date: RFC 822 is required; other dates JavaScript understands are still read, and reported. */
function rssDate(text: string | undefined, path: string, line: number, problems: FeedProblem[]): Date | undefined {
  if (text === undefined) return undefined;
  const strict = parseRfc822(text);
  if (strict) return strict;
  const loose = new Date(text.trim());
  problems.push({ path, message: `expected an RFC 822 date such as "Fri, 01 Mar 2024 10:00:00 GMT", found ${JSON.stringify(text.trim())}`, severity: 'error', line });
  return Number.isFinite(loose.getTime()) ? loose : undefined;
}

const EMAIL_FIRST = /^([^\s()<>]+@[^\s()<>]+)\s*(?:\((.*)\))?$/s;
const NAME_FIRST = /^(.*?)\s*<([^\s<>]+@[^\s<>]+)>$/s;

/** RSS `<author>` is `email (Name)`; `Name <email>` and a bare email are read too, a bare name is reported. */
function rssAuthor(text: string, path: string, line: number, problems: FeedProblem[]): ParsedAuthor {
  const value = trimWhitespace(text);
  const emailFirst = EMAIL_FIRST.exec(value);
  if (emailFirst) {
    const name = collapseWhitespace(emailFirst[2] ?? '');
    return name ? { email: emailFirst[1]!, name } : { email: emailFirst[1]! };
  }
  const nameFirst = NAME_FIRST.exec(value);
  if (nameFirst) {
    const name = collapseWhitespace(nameFirst[1] ?? '');
    return name ? { email: nameFirst[2]!, name } : { email: nameFirst[2]! };
  }
  problems.push({ path, message: `expected an email address such as "jane@example.com (Jane Doe)", found ${JSON.stringify(value)}`, severity: 'error', line });
  return { name: collapseWhitespace(value) };
}

/**
 * One `dc:creator` may name several people ("Ivan Petrenko, Maria Lopez", as storyfeed writes it):
 * it is split at commas when every part has at least two words, so "Smith, John" and
 * "Martin Luther King, Jr." stay one name.
 */
export function splitCreators(text: string): string[] {
  const parts = text.split(/\s*,\s*/);
  return parts.length > 1 && parts.every((p) => p.trim().split(/\s+/).filter(Boolean).length >= 2) ? parts : [text];
}
