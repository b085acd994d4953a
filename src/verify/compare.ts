/**
 * Field-by-field comparison of parsed feeds with the {@link FeedDocument} they were rendered from.
 * The rules are on {@link compareFeed}.
 */
import { StoryfeedError } from '../errors.js';
import { buildFeedDocument, type FeedDocumentOptions } from '../feed/document.js';
import type { Author, FeedDocument, FeedFormat, FeedItem, FeedOutputs, SiteConfig, Story } from '../types.js';
import { alignItems, alignList } from './align.js';
import { isoSecond, sameSecond } from './dates.js';
import { canonicalHtml, collapseWhitespace, trimWhitespace } from './html-canon.js';
import { FORMAT_NAMES, readFeed, readXmlFeed } from './read.js';
import { splitCreators } from './rss.js';
import { readTreeWithRssParser, readWithRssParser } from './rss-parser-reading.js';
import { compareReadings } from './second-reading.js';
import type { FormatSummary, ParsedAuthor, ParsedFeed, ParsedItem, VerifyProblem, VerifyReport } from './types.js';
import { checkDocumentArgument, checkFormatArgument, checkOutputsArgument, checkParsedFeedArgument } from './arguments.js';

/** Shown for a value the feed does not have at all (as opposed to an empty one). */
export const NONE = '(none)';

/** Which optional fields each format carries. */
const CARRIES: Readonly<
  Record<
    FeedFormat,
    {
      feedUpdated: boolean;
      feedAuthors: boolean;
      itemUpdated: boolean;
      isPermaLink: boolean;
      email: boolean;
      authorUrl: boolean;
      imageType: boolean;
      enclosure: boolean;
      contentText: boolean;
      itemLanguage: boolean;
    }
  >
> = {
  rss: {
    feedUpdated: true,
    feedAuthors: false,
    itemUpdated: false,
    isPermaLink: true,
    email: true,
    authorUrl: false,
    imageType: true,
    enclosure: true,
    contentText: false,
    itemLanguage: false,
  },
  atom: {
    feedUpdated: true,
    feedAuthors: true,
    itemUpdated: true,
    isPermaLink: false,
    email: true,
    authorUrl: true,
    imageType: true,
    enclosure: false,
    contentText: false,
    itemLanguage: true,
  },
  json: {
    feedUpdated: false,
    feedAuthors: true,
    itemUpdated: true,
    isPermaLink: false,
    email: false,
    authorUrl: true,
    imageType: false,
    enclosure: false,
    contentText: true,
    itemLanguage: true,
  },
};

const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/**
 * Parses each given output and compares it with `doc` (rules: {@link compareFeed}); every
 * difference is one problem naming the format, the item and the field. RSS and Atom are also read
 * with `rss-parser` and every item of that reading is checked against the strict reading
 * (`compareReadings` in second-reading.ts). Never throws for bad output: an unreadable feed,
 * or one that makes rss-parser throw, is one problem.
 */
export async function verifyDocument(outputs: Partial<FeedOutputs>, doc: FeedDocument): Promise<VerifyReport> {
  checkOutputsArgument(outputs);
  checkDocumentArgument(doc);
  const problems: VerifyProblem[] = [];
  const formats: VerifyReport['formats'] = {};
  let own: Set<string> | undefined;
  for (const format of FORMATS) {
    const text = outputs[format];
    if (text === undefined) continue;
    let found: VerifyProblem[];
    let items = 0;
    try {
      // RSS and Atom are parsed once: the strict reader and rss-parser (below) read the same tree.
      // (readFeed takes the same path for text whose first non-space character is `<`.)
      let xml = format !== 'json' && /\S/.exec(text)?.[0] === '<' ? await readXmlFeed(text, format) : undefined;
      const parsed = xml ? xml.feed : await readFeed(text, { format });
      items = parsed.items.length;
      // The second, independent reading: rss-parser, the round-trip reader the design names. It
      // reads only text the strict reader accepted, and never throws (a failure is a problem). It is
      // read first and compared last: the tree, which nothing else reads, is then let go before the
      // comparisons (tens of thousands of objects less to keep through their garbage collections).
      const reading = format === 'json' ? undefined : xml ? await readTreeWithRssParser(xml.root, text) : await readWithRssParser(text);
      xml = undefined;
      // A feed that matches the stories must also be valid by its spec: MUST-level problems count,
      // except those about a value the document itself holds (an id that is not a URI, say): that
      // value is the document's, and the comparison below reports any place the output departs from it.
      // The document's values are collected only when there is an error to look them up for.
      const invalid = parsed.problems.filter((p) => p.severity === 'error' && !quotesAny(p.message, (own ??= documentValues(doc))));
      found = invalid.map((p): VerifyProblem => ({ format, itemId: null, field: `spec ${p.path}`, expected: `valid ${FORMAT_NAMES[format]}`, actual: p.message }));
      for (const problem of compareChecked(parsed, doc, format)) found.push(problem);
      if (reading && format !== 'json') for (const problem of compareReadings(parsed, reading, format)) found.push(problem);
    } catch (error) {
      const message = error instanceof StoryfeedError ? error.detail : String(error);
      found = [{ format, itemId: null, field: 'feed', expected: `a readable ${FORMAT_NAMES[format]} feed`, actual: message }];
    }
    // One at a time: spreading tens of thousands of problems into push() overflows the stack.
    for (const problem of found) problems.push(problem);
    formats[format] = { items, expectedItems: doc.items.length, problems: found.length } satisfies FormatSummary;
  }
  return { ok: problems.length === 0, problems, formats };
}

/** The URL-like values of a document, and its languages (a tag such as `zz` has BCP 47's syntax, and no ISO 639 language). */
function documentValues(doc: FeedDocument): Set<string> {
  const values = new Set<string>([doc.siteUrl.trim(), doc.language.trim()]);
  for (const url of Object.values(doc.selfUrls)) values.add(url.trim());
  if (doc.hub !== undefined) values.add(doc.hub.trim());
  for (const item of doc.items) {
    values.add(item.id.trim());
    values.add(item.url.trim());
    if (item.image) values.add(item.image.url.trim());
    if (item.language !== undefined) values.add(item.language.trim());
  }
  return values;
}

const QUOTED = /"(?:[^"\\]|\\.)*"/g;

/** Whether a problem message quotes (as JSON) one of `values`; linear in the message. */
function quotesAny(message: string, values: ReadonlySet<string>): boolean {
  for (const m of message.matchAll(QUOTED)) {
    try {
      if (values.has(JSON.parse(m[0]) as string)) return true;
    } catch {
      // Not a JSON string after all (a quote inside a value): not one of ours.
    }
  }
  return false;
}

/** Builds the document from `stories` and `site` (as the build does) and verifies the outputs against it. */
export async function verifyFeeds(outputs: Partial<FeedOutputs>, stories: readonly Story[], site: SiteConfig, options: FeedDocumentOptions = {}): Promise<VerifyReport> {
  checkOutputsArgument(outputs);
  return verifyDocument(outputs, buildFeedDocument(stories, site, options));
}

/**
 * Compares one parsed feed with the document it was rendered from, field by field, for the
 * fields the format carries (RSS has no item `updated` and no author URLs; JSON Feed has no
 * emails, image types or feed date). Rules:
 * - titles and author names: exact, except that runs of whitespace (space, tab, CR, LF) count as
 *   one space and leading/trailing whitespace is ignored, as feed readers display them;
 * - summaries and descriptions: runs of whitespace collapsed on both sides, because the RSS
 *   description is HTML, where line breaks and indentation are not content;
 * - HTML bodies: compared after canonicalisation with a real HTML parser ({@link canonicalHtml});
 * - `content_text` and ids: exact (ids trimmed);
 * - dates: to the second; URLs: after `new URL().href` normalisation; language tags: case-insensitive;
 * - authors and tags: identical entries match whatever their order; the others pair up in order,
 *   so one changed author is one problem naming the field that changed;
 * - items: matched by id; an unmatched item at the same position as an unmatched expected one is
 *   that item with a changed id; otherwise missing and unexpected items, duplicates and moved
 *   items (the fewest that explain the order) are each one problem.
 */
export function compareFeed(parsed: ParsedFeed, doc: FeedDocument, format: FeedFormat): VerifyProblem[] {
  checkParsedFeedArgument(parsed, 'parsed');
  checkDocumentArgument(doc);
  checkFormatArgument(format, 'format');
  return compareChecked(parsed, doc, format);
}

/** {@link compareFeed} on arguments already checked ({@link verifyDocument} checks the document once for every format). */
function compareChecked(parsed: ParsedFeed, doc: FeedDocument, format: FeedFormat): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const carries = CARRIES[format];
  const report = (itemId: string | null, field: string, expected: string, actual: string): void => {
    if (expected !== actual) problems.push({ format, itemId, field, expected, actual });
  };

  report(null, 'title', collapseWhitespace(doc.title), parsed.title ?? '');
  report(null, 'description', collapseWhitespace(doc.description), collapseWhitespace(parsed.description ?? ''));
  report(null, 'siteUrl', normalizeUrl(doc.siteUrl), optionalUrl(parsed.siteUrl));
  report(null, 'selfUrl', normalizeUrl(doc.selfUrls[format]), optionalUrl(parsed.selfUrl));
  reportLanguage(report, null, 'language', doc.language, parsed.language);
  if (carries.feedUpdated) report(null, 'updated', isoSecond(doc.updated), parsed.updated ? isoSecond(parsed.updated) : NONE);
  report(null, 'hub', doc.hub === undefined ? NONE : normalizeUrl(doc.hub), optionalUrl(parsed.hub));
  compareHistory(doc, parsed, format, report);
  if (carries.feedAuthors)
    compareAuthors(
      doc.authors.map((author, index) => ({ author, index })),
      parsed.authors,
      format,
      null,
      report,
    );

  const alignment = alignItems(
    doc.items,
    parsed.items,
    (e) => e.id,
    (a) => a.id,
  );
  for (const { expected, actual, idChanged } of alignment.pairs) {
    if (idChanged) report(expected.id, 'id', expected.id, actual.id ?? NONE);
    compareItem(expected, actual, doc, parsed, format, report);
  }
  for (const { item } of alignment.missing) report(item.id, 'item', 'in the feed', 'missing');
  for (const { item, index } of alignment.unexpected) report(item.id ?? `#${index + 1}`, 'item', 'not in the feed', `present at position ${index + 1}`);
  for (const { item, index, firstIndex } of alignment.duplicates) report(item.id ?? null, 'item', 'once', `again at position ${index + 1} (first at ${firstIndex + 1})`);
  for (const { expected, expectedIndex, actualIndex } of alignment.moved) report(expected.id, 'position', String(expectedIndex + 1), String(actualIndex + 1));
  return problems;
}

type Report = (itemId: string | null, field: string, expected: string, actual: string) => void;

/** RFC 5005 links: what the document says, in every format (JSON Feed carries only the older page, as `next_url`). */
function compareHistory(doc: FeedDocument, parsed: ParsedFeed, format: FeedFormat, report: Report): void {
  const h = doc.history;
  const url = (urls: Record<FeedFormat, string> | undefined): string => (urls ? normalizeUrl(urls[format]) : NONE);
  report(null, 'prevArchive', url(h?.prevArchive), optionalUrl(parsed.history.prevArchive));
  if (format === 'json') return;
  report(null, 'archive', String(h?.archive ?? false), String(parsed.history.archive));
  report(null, 'nextArchive', url(h?.nextArchive), optionalUrl(parsed.history.nextArchive));
  report(null, 'current', url(h?.current), optionalUrl(parsed.history.current));
}

function compareItem(expected: FeedItem, actual: ParsedItem, doc: FeedDocument, parsed: ParsedFeed, format: FeedFormat, report: Report): void {
  const carries = CARRIES[format];
  const id = expected.id;
  // Without a guid there is no isPermaLink to compare; the missing id is reported already.
  if (carries.isPermaLink && actual.id !== undefined) report(id, 'isPermaLink', String(expected.id === expected.url), String(actual.isPermaLink ?? NONE));
  report(id, 'title', collapseWhitespace(expected.title), actual.title ?? '');
  if (expected.url !== actual.url) report(id, 'url', normalizeUrl(expected.url), optionalUrl(actual.url));
  reportDate(report, id, 'published', expected.published, actual.published);
  if (carries.itemUpdated) reportDate(report, id, 'updated', expected.updated, actual.updated);
  // Identical text needs no normalising: equal inputs give equal canonical forms.
  if (expected.summary !== actual.summary) report(id, 'summary', collapseWhitespace(expected.summary), collapseWhitespace(actual.summary ?? ''));
  if (expected.contentHtml !== actual.contentHtml) {
    report(id, 'content', canonicalHtml(expected.contentHtml), actual.contentHtml === undefined ? NONE : canonicalHtml(actual.contentHtml));
  }
  if (carries.contentText) report(id, 'contentText', expected.contentText, actual.contentText ?? NONE);
  compareAuthors(expectedItemAuthors(expected, doc, format), actual.authors, format, id, report);

  if (!sameStrings(expected.tags, actual.tags)) {
    const tags = alignList(expected.tags.map(collapseWhitespace), actual.tags.map(collapseWhitespace), (t) => t);
    for (const c of tags.changed) report(id, `tags[${c.expectedIndex}]`, c.expected, c.actual);
    for (const m of tags.missing) report(id, `tags[${m.index}]`, m.item, NONE);
    for (const u of tags.unexpected) report(id, 'tags', NONE, u.item);
  }

  const image = expected.image;
  // Readers take an item's first image-typed enclosure (RSS and Atom media:content, else an enclosure) for
  // its image: an item with no image of its own but an image file among its enclosures reads so.
  const imageFromEnclosure = !image && actual.image !== undefined && (expected.enclosures ?? []).some((e) => normalizeUrl(e.url) === normalizeUrl(actual.image!.url));
  if (imageFromEnclosure) {
    // Nothing to compare: the enclosure itself is checked below (RSS) and by the extension checks.
  } else if (!image || !actual.image) report(id, 'image', image ? normalizeUrl(image.url) : NONE, actual.image ? normalizeUrl(actual.image.url) : NONE);
  else {
    // Equal texts are equal URLs: only different ones are parsed.
    if (image.url !== actual.image.url) report(id, 'image.url', normalizeUrl(image.url), normalizeUrl(actual.image.url));
    if (carries.imageType) report(id, 'image.type', image.type ?? NONE, actual.image.type ?? NONE);
  }
  if (carries.enclosure) {
    // RSS allows one enclosure: an item's first file when it has any (podcast episodes); otherwise its
    // image, which (RSS requiring a type) is written only when the image's type is known, and never in a
    // podcast: podcast apps take any enclosure for the episode's media.
    const first = expected.enclosures?.[0];
    const enclosure = first ? { url: first.url, type: first.type } : image?.type && !doc.podcast ? { url: image.url, type: image.type } : undefined;
    const found = actual.enclosures[0];
    if (!enclosure || !found) report(id, 'enclosure', enclosure ? normalizeUrl(enclosure.url) : NONE, found ? normalizeUrl(found.url) : NONE);
    else {
      if (enclosure.url !== found.url) report(id, 'enclosure.url', normalizeUrl(enclosure.url), normalizeUrl(found.url));
      report(id, 'enclosure.type', enclosure.type, found.type ?? NONE);
    }
    if (actual.enclosures.length > 1) report(id, 'enclosures', '1', String(actual.enclosures.length));
  }
  // An item without its own language inherits the feed's, whose problems are reported once, at feed level.
  if (carries.itemLanguage && (expected.language !== undefined || actual.language !== undefined)) {
    reportLanguage(report, id, 'language', expected.language ?? doc.language, actual.language ?? parsed.language);
  }
}

/**
 * The authors each format should show for an item, with their index in `item.authors`. RSS writes
 * authors with an email as `<author>` and the others as `dc:creator`, after them. Atom requires an
 * author: an entry with none inherits the feed's, and with none there either storyfeed names the feed.
 */
function expectedItemAuthors(item: FeedItem, doc: FeedDocument, format: FeedFormat): { author: Author; index: number }[] {
  const indexed = item.authors.map((author, index) => ({ author, index }));
  // Our RSS names a sole author with an email in <author>, and otherwise everyone in one <dc:creator>.
  if (format === 'rss' && (indexed.length > 1 || (indexed[0] && !indexed[0].author.email))) {
    // RSS names several people in one comma-separated dc:creator; a reader can only split it by the
    // rule in splitCreators, so the names are expected as that rule reads them back.
    return splitCreators(item.authors.map((a) => a.name).join(', ')).map((name, index) => ({ author: { name }, index }));
  }
  if (format === 'atom' && indexed.length === 0 && doc.authors.length === 0) return [{ author: { name: doc.title }, index: 0 }];
  return indexed;
}

interface AuthorView {
  name: string;
  email: string;
  url: string;
}

function compareAuthors(expected: readonly { author: Author; index: number }[], actual: readonly ParsedAuthor[], format: FeedFormat, itemId: string | null, report: Report): void {
  const carries = CARRIES[format];
  // The usual case, the same authors in the same order, has nothing to align (checked field by field, without views).
  if (expected.length === actual.length) {
    let same = true;
    for (let i = 0; i < expected.length && same; i++) same = sameAuthor(expected[i]!.author, actual[i]!, carries);
    if (same) return;
  }
  const view = (a: Author | ParsedAuthor): AuthorView => ({
    name: collapseWhitespace(a.name ?? ''),
    email: carries.email ? trimWhitespace(a.email ?? '') : '',
    url: carries.authorUrl ? (a.url === undefined ? '' : normalizeUrl(a.url)) : '',
  });
  const key = (a: { view: AuthorView }): string => JSON.stringify(a.view);
  const left = expected.map((e) => ({ view: view(e.author), index: e.index }));
  const right = actual.map((a, index) => ({ view: view(a), index }));
  const aligned = alignList(left, right, key);
  for (const { expected: e, actual: a } of aligned.changed) {
    for (const field of ['name', 'email', 'url'] as const) {
      report(itemId, `authors[${e.index}].${field}`, e.view[field] || NONE, a.view[field] || NONE);
    }
  }
  for (const { item } of aligned.missing) report(itemId, `authors[${item.index}]`, describeAuthor(item.view), NONE);
  for (const { item } of aligned.unexpected) report(itemId, 'authors', NONE, describeAuthor(item.view));
}

/** Whether two authors have the same view (name, and the email and URL the format carries). */
function sameAuthor(a: Author | ParsedAuthor, b: Author | ParsedAuthor, carries: (typeof CARRIES)[FeedFormat]): boolean {
  if (collapseWhitespace(a.name ?? '') !== collapseWhitespace(b.name ?? '')) return false;
  if (carries.email && trimWhitespace(a.email ?? '') !== trimWhitespace(b.email ?? '')) return false;
  if (!carries.authorUrl || a.url === b.url) return true;
  return (a.url === undefined ? '' : normalizeUrl(a.url)) === (b.url === undefined ? '' : normalizeUrl(b.url));
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Dates are compared to the second; only different ones are formatted for the report. */
function reportDate(report: Report, itemId: string, field: string, expected: Date, actual: Date | undefined): void {
  if (actual && sameSecond(expected, actual)) return;
  report(itemId, field, isoSecond(expected), actual ? isoSecond(actual) : NONE);
}

function describeAuthor(a: AuthorView): string {
  return [a.name, a.email && `<${a.email}>`, a.url && `(${a.url})`].filter(Boolean).join(' ') || '(no name)';
}

function reportLanguage(report: Report, itemId: string | null, field: string, expected: string, actual: string | undefined): void {
  if (actual !== undefined && expected.toLowerCase() === actual.toLowerCase()) return;
  report(itemId, field, expected, actual ?? NONE);
}

/** A URL in its `new URL().href` form; text that is not a URL is only trimmed. */
export function normalizeUrl(url: string): string {
  const trimmed = trimWhitespace(url);
  try {
    return new URL(trimmed).href;
  } catch {
    return trimmed;
  }
}

function optionalUrl(url: string | undefined): string {
  return url === undefined ? NONE : normalizeUrl(url);
}
