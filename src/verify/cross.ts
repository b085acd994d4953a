import { alignItems, alignList } from './align.js';
import { NONE, normalizeUrl } from './compare.js';
import { isoSecond } from './dates.js';
import { canonicalHtml, collapseWhitespace } from './html-canon.js';
import type { ParsedFeed, ParsedItem, VerifyProblem, VerifyReport } from './types.js';
import { checkParsedFeedArgument } from './arguments.js';

/**
 * Compares feeds with each other when there are no stories to compare them with: the same feed in
 * several formats must have the same items (by id) in the same order, with the same titles, URLs,
 * dates, summaries, bodies, tags, author names and images. The first feed is the reference; each
 * problem is `cross` and names both formats in its field, e.g. `title (rss vs json)`. Fields only
 * one of the two formats carries are not compared.
 */
export function crossCheck(parsed: readonly ParsedFeed[]): VerifyReport {
  if (!Array.isArray(parsed)) checkParsedFeedArgument(undefined, 'parsed (a list of feeds)');
  parsed.forEach((feed, i) => checkParsedFeedArgument(feed, `parsed[${i}]`));
  const problems: VerifyProblem[] = [];
  const formats: VerifyReport['formats'] = {};
  const [reference, ...others] = parsed;
  if (!reference) return { ok: true, problems, formats };
  formats[reference.format] = { items: reference.items.length, expectedItems: reference.items.length, problems: 0 };
  for (const other of others) {
    const found = compareFeeds(reference, other);
    // One at a time: spreading tens of thousands of problems into push() overflows the stack.
    for (const problem of found) problems.push(problem);
    const previous = formats[other.format];
    formats[other.format] = { items: other.items.length, expectedItems: reference.items.length, problems: (previous?.problems ?? 0) + found.length };
  }
  return { ok: problems.length === 0, problems, formats };
}

function compareFeeds(a: ParsedFeed, b: ParsedFeed): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const pair = `(${a.format} vs ${b.format})`;
  const report = (itemId: string | null, field: string, left: string, right: string): void => {
    if (left !== right) problems.push({ format: 'cross', itemId, field: `${field} ${pair}`, expected: left, actual: right });
  };
  const both = <T>(x: T | undefined, y: T | undefined, f: (x: T, y: T) => void): void => {
    if (x !== undefined && y !== undefined) f(x, y);
  };

  report(null, 'title', a.title ?? '', b.title ?? '');
  report(null, 'description', collapseWhitespace(a.description ?? ''), collapseWhitespace(b.description ?? ''));
  both(a.siteUrl, b.siteUrl, (x, y) => report(null, 'siteUrl', normalizeUrl(x), normalizeUrl(y)));
  both(a.language, b.language, (x, y) => report(null, 'language', x.toLowerCase(), y.toLowerCase()));
  report(null, 'hub', a.hub === undefined ? NONE : normalizeUrl(a.hub), b.hub === undefined ? NONE : normalizeUrl(b.hub));

  const alignment = alignItems(
    a.items,
    b.items,
    (x) => x.id ?? x.url ?? '',
    (y) => y.id ?? y.url,
  );
  for (const { expected: x, actual: y, idChanged } of alignment.pairs) {
    const id = x.id ?? x.url ?? null;
    if (idChanged) report(id, 'id', x.id ?? NONE, y.id ?? NONE);
    compareItems(x, y, id, report, both);
  }
  for (const { item } of alignment.missing) report(item.id ?? null, 'item', 'in the feed', 'missing');
  for (const { item, index } of alignment.unexpected) report(item.id ?? `#${index + 1}`, 'item', 'not in the feed', `present at position ${index + 1}`);
  for (const { item, index, firstIndex } of alignment.duplicates) report(item.id ?? null, 'item', 'once', `again at position ${index + 1} (first at ${firstIndex + 1})`);
  for (const { expected, expectedIndex, actualIndex } of alignment.moved) report(expected.id ?? null, 'position', String(expectedIndex + 1), String(actualIndex + 1));
  return problems;
}

type Report = (itemId: string | null, field: string, left: string, right: string) => void;
type Both = <T>(x: T | undefined, y: T | undefined, f: (x: T, y: T) => void) => void;

function compareItems(x: ParsedItem, y: ParsedItem, id: string | null, report: Report, both: Both): void {
  report(id, 'title', x.title ?? '', y.title ?? '');
  report(id, 'url', x.url === undefined ? NONE : normalizeUrl(x.url), y.url === undefined ? NONE : normalizeUrl(y.url));
  report(id, 'published', x.published ? isoSecond(x.published) : NONE, y.published ? isoSecond(y.published) : NONE);
  both(x.updated, y.updated, (p, q) => report(id, 'updated', isoSecond(p), isoSecond(q)));
  both(x.summary, y.summary, (p, q) => report(id, 'summary', collapseWhitespace(p), collapseWhitespace(q)));
  // Identical bodies have identical canonical forms; only different ones are parsed.
  both(x.contentHtml, y.contentHtml, (p, q) => (p === q ? undefined : report(id, 'content', canonicalHtml(p), canonicalHtml(q))));
  const tags = alignList(x.tags.map(collapseWhitespace), y.tags.map(collapseWhitespace), (t) => t);
  for (const c of tags.changed) report(id, `tags[${c.expectedIndex}]`, c.expected, c.actual);
  for (const m of tags.missing) report(id, `tags[${m.index}]`, m.item, NONE);
  for (const u of tags.unexpected) report(id, 'tags', NONE, u.item);
  // An entry without authors inherits the feed's in Atom, so "none" is not comparable.
  if (x.authors.length && y.authors.length) {
    const names = alignList(
      x.authors.map((p) => collapseWhitespace(p.name ?? '')),
      y.authors.map((p) => collapseWhitespace(p.name ?? '')),
      (n) => n,
    );
    for (const c of names.changed) report(id, `authors[${c.expectedIndex}].name`, c.expected, c.actual);
    for (const m of names.missing) report(id, `authors[${m.index}]`, m.item, NONE);
    for (const u of names.unexpected) report(id, 'authors', NONE, u.item);
  }
  report(id, 'image', x.image ? normalizeUrl(x.image.url) : NONE, y.image ? normalizeUrl(y.image.url) : NONE);
}
