/**
 * The round trip reads our RSS and Atom outputs twice: with the strict, namespace-aware reader
 * (the authority, {@link ParsedFeed}) and with `rss-parser` ({@link RssParserReading}). Where the
 * two readings of the same text disagree, one of the readers has a bug (or the output is one that
 * readers will read differently): each disagreement is one problem naming the item and the field.
 */
import type { FeedFormat } from '../types.js';
import { usualIsoTime } from './dates.js';
import { collapseWhitespace, htmlToText, trimWhitespace } from './html-canon.js';
import type { RssParserItem, RssParserReading } from './rss-parser-reading.js';
import type { ParsedFeed, ParsedItem, VerifyProblem } from './types.js';

/** Added to the field of every disagreement: the first value is rss-parser's, the second the strict reader's. */
export const READERS = '(rss-parser vs strict reader)';

const NONE = '(none)';

/**
 * Compares `rss-parser`'s reading of a document with the strict reader's reading of the same text,
 * item by item in document order: item count, ids (RSS guid, Atom id), titles (whitespace runs
 * collapsed; HTML entities and markup reduced to text when that makes them equal), links (as URLs),
 * dates (as instants: RSS `pubDate`; Atom `published`, else `updated`, as `rss-parser` takes it)
 * and, for RSS, the first enclosure's URL. Each problem's `expected` is what rss-parser reads and
 * `actual` what the strict reader reads. A failed `rss-parser` reading is one problem. Linear in
 * the number of items.
 */
export function compareReadings(strict: ParsedFeed, reading: RssParserReading, format: Exclude<FeedFormat, 'json'>): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  if (!reading.ok) {
    problems.push({ format, itemId: null, field: 'rss-parser', expected: 'a feed rss-parser can read', actual: `rss-parser could not read this feed: ${reading.message}` });
    return problems;
  }
  const theirs = reading.items;
  const ours = strict.items;
  if (theirs.length !== ours.length) {
    problems.push({ format, itemId: null, field: `items ${READERS}`, expected: String(theirs.length), actual: String(ours.length) });
  }
  const shared = Math.min(theirs.length, ours.length);
  for (let i = 0; i < shared; i++) compareItem(theirs[i]!, ours[i]!, i, format, problems);
  return problems;
}

function compareItem(theirs: RssParserItem, ours: ParsedItem, index: number, format: Exclude<FeedFormat, 'json'>, problems: VerifyProblem[]): void {
  const itemId = ours.id ?? (theirs.id === undefined ? `#${index + 1}` : trimWhitespace(theirs.id));
  const report = (field: string, theirValue: string, ourValue: string): void => {
    if (theirValue !== ourValue) problems.push({ format, itemId, field: `${field} ${READERS}`, expected: theirValue, actual: ourValue });
  };

  report('id', theirs.id === undefined ? NONE : trimWhitespace(theirs.id), ours.id ?? NONE);
  // rss-parser gives an XHTML title as a tree, not text: there is no text of its to compare.
  if (theirs.title !== null) {
    const ourTitle = ours.title ?? '';
    if (!sameTitle(theirs.title ?? '', ourTitle)) report('title', collapseWhitespace(theirs.title ?? ''), ourTitle);
  }
  // Equal texts read as equal URLs: only different ones are parsed.
  if (theirs.link !== ours.url) report('link', optionalUrl(theirs.link), optionalUrl(ours.url));
  const ourDate = ours.published ?? (format === 'atom' ? ours.updated : undefined);
  // rss-parser reads dates with JavaScript's Date parser, which takes years 0-99 for 1900-1999:
  // there it cannot be a second reading of the date, so the strict reader's stands alone.
  // The same instant needs no formatting (the usual case); any other pair is formatted and compared as before.
  if (!(ourDate && ourDate.getUTCFullYear() < 100) && !(ourDate && theirTime(theirs, format) === ourDate.getTime())) {
    report('date', theirInstant(theirs, format), ourDate ? instant(ourDate) : NONE);
  }
  // rss-parser reads no Atom enclosure links.
  if (format === 'rss' && theirs.enclosure?.url !== ours.enclosures[0]?.url) report('enclosure.url', optionalUrl(theirs.enclosure?.url), optionalUrl(ours.enclosures[0]?.url));
}

/** Titles are the same text when they match with whitespace collapsed, or once HTML entities and markup are reduced to text. */
function sameTitle(theirs: string, ours: string): boolean {
  const collapsed = collapseWhitespace(theirs);
  if (collapsed === ours) return true;
  return (theirs.includes('&') || theirs.includes('<')) && htmlToText(theirs) === ours;
}

/** rss-parser's date as an ISO instant; a date it kept but could not read is shown as written. */
function theirInstant(item: RssParserItem, format: Exclude<FeedFormat, 'json'>): string {
  const time = theirTime(item, format);
  if (time !== undefined) return instant(new Date(time));
  return item.pubDate === undefined ? NONE : `unreadable date ${JSON.stringify(item.pubDate)}`;
}

/** rss-parser's date in milliseconds since the epoch; `undefined` when it has none it could read. */
function theirTime(item: RssParserItem, format: Exclude<FeedFormat, 'json'>): number | undefined {
  // For Atom, rss-parser's pubDate is already `published` (else `updated`) as an ISO string.
  const written = item.isoDate ?? (format === 'atom' ? item.pubDate : undefined);
  if (written === undefined) return undefined;
  const time = usualIsoTime(written) ?? new Date(written).getTime();
  return Number.isNaN(time) ? undefined : time;
}

/** An instant to the millisecond, so readers that keep milliseconds are compared exactly. */
function instant(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString();
}

function optionalUrl(url: string | undefined): string {
  if (url === undefined) return NONE;
  const trimmed = trimWhitespace(url);
  try {
    return new URL(trimmed).href;
  } catch {
    return trimmed;
  }
}
