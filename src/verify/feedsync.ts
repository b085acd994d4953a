/**
 * FeedSync 1.0 (`sx:`, formerly Simple Sharing Extensions), checked by its specification:
 * `sx:sharing` with its window and related feeds on the channel or feed, and `sx:sync` with its
 * `sx:history` on each item or entry. Ids are URN namespace-specific strings, counters positive
 * 32-bit integers, flags lower-case `true`/`false`, dates RFC 3339.
 */
import { parseRfc3339 } from './dates.js';
import { checkUri } from './uri.js';
import { childElements, type XmlElement } from './xml-check.js';
import { attr, type ProblemLog } from './xml-rules.js';

/** The FeedSync namespace. */
export const FEEDSYNC_NS = 'http://feedsync.org/2007/feedsync';
/** FeedSync ids and `by` values: the characters of a URN's namespace-specific string (RFC 8141). */
const NSS = /^(?:[A-Za-z0-9()+,\-.:=@;$_!*']|%[0-9A-Fa-f]{2})+$/;
/** The start of an HTML tag (`<b`, `</b`). */
const TAG_START = /<\/?[A-Za-z]/;
/** An HTML character reference (`&ntilde;`, `&#241;`). */
const CHARACTER_REFERENCE = /&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);/;

/**
 * Whether an attribute value holds an HTML tag or character reference. A tag is a tag start with a
 * `>` somewhere after it: if the first tag start has none, no later one has (a pattern looking for
 * the `>` from every tag start took time quadratic in a run of `<a`).
 */
function hasMarkup(value: string): boolean {
  const tag = TAG_START.exec(value);
  return (tag !== null && value.indexOf('>', tag.index) >= 0) || CHARACTER_REFERENCE.test(value);
}
/** FeedSync counters are 32-bit signed integers. */
const MAX_COUNTER = 2 ** 31 - 1;

/** Checks `sx:sharing` on a channel or feed. */
export function checkFeedSyncSharing(parent: XmlElement, path: string, log: ProblemLog): void {
  for (const sharing of childElements(parent, 'sharing', FEEDSYNC_NS)) {
    const at = `${path}.sx:sharing`;
    const since = attr(sharing, 'since');
    const until = attr(sharing, 'until');
    if (since !== undefined && until === undefined) log.error(`${at}.until`, 'until: expected an until attribute with since, found none', sharing);
    if (until !== undefined && since === undefined) log.error(`${at}.since`, 'since: expected a since attribute with until, found none', sharing);
    const dates = ['since', 'until', 'expires'].map((name) => date(sharing, name, at, log));
    if (dates[0] && dates[1] && dates[0] > dates[1]) log.error(at, 'since is later than until', sharing);
    childElements(sharing, 'related', FEEDSYNC_NS).forEach((related, i) => {
      const where = `${at}.sx:related[${i}]`;
      const link = attr(related, 'link');
      const problem = link === undefined ? { message: 'expected a link attribute, found none' } : (checkUri(link, true) ?? asciiOnly(link));
      if (problem) log.error(`${where}.link`, `link: ${problem.message}`, related);
      const type = attr(related, 'type');
      if (type === undefined) log.error(`${where}.type`, 'type: expected a type attribute, found none', related);
      else if (type !== 'complete' && type !== 'aggregated') log.error(`${where}.type`, `type: expected "complete" or "aggregated", found ${JSON.stringify(type)}`, related);
    });
  }
}

/** Checks `sx:sync` on an item or entry; `ids` collects sync ids across the feed to report repeats. */
export function checkFeedSyncItem(item: XmlElement, path: string, log: ProblemLog, ids: Set<string>): void {
  for (const sync of childElements(item, 'sync', FEEDSYNC_NS)) {
    const at = `${path}.sx:sync`;
    const id = attr(sync, 'id');
    if (id === undefined) log.error(`${at}.id`, 'id: expected an id attribute, found none', sync);
    else if (!NSS.test(id)) log.error(`${at}.id`, `id: expected URN characters only, found ${JSON.stringify(id)}`, sync);
    else if (ids.has(id)) log.error(`${at}.id`, `id: ${JSON.stringify(id)} is the id of another item`, sync);
    else ids.add(id);
    counter(sync, 'updates', at, log);
    for (const flag of ['deleted', 'noconflicts']) {
      const value = attr(sync, flag);
      if (value !== undefined && value !== 'true' && value !== 'false') log.error(`${at}.${flag}`, `${flag}: expected "true" or "false", found ${JSON.stringify(value)}`, sync);
    }
    const history = childElements(sync, 'history', FEEDSYNC_NS);
    if (history.length === 0) log.error(`${at}.sx:history`, 'expected an <sx:history>, found none', sync);
    for (const entry of history) {
      const where = `${at}.sx:history`;
      counter(entry, 'sequence', where, log);
      date(entry, 'when', where, log);
      const by = attr(entry, 'by');
      // Markup in a name is most likely a display name pasted in; the W3C validator only warns about it.
      if (by !== undefined && hasMarkup(by)) log.warning(`${where}.by`, `by: expected a plain identifier, found markup in ${JSON.stringify(by)}`, entry);
      else if (by !== undefined && by.trim() !== '' && !NSS.test(by)) log.error(`${where}.by`, `by: expected URN characters only, found ${JSON.stringify(by)}`, entry);
      if (by === undefined && attr(entry, 'when') === undefined) log.error(where, 'expected a by or a when attribute, found neither', entry);
    }
  }
}

/** FeedSync links are URIs (RFC 3986): an IRI's non-ASCII characters must be percent-encoded. */
function asciiOnly(link: string): { message: string } | undefined {
  const ch = /[^\x00-\x7F]/u.exec(link)?.[0];
  return ch === undefined ? undefined : { message: `expected a URI, found ${JSON.stringify(link)}, whose ${JSON.stringify(ch)} must be percent-encoded` };
}

function date(element: XmlElement, name: string, path: string, log: ProblemLog): Date | undefined {
  const value = attr(element, name);
  if (value === undefined) return undefined;
  const parsed = parseRfc3339(value);
  if (!parsed) log.error(`${path}.${name}`, `${name}: expected an RFC 3339 date, found ${JSON.stringify(value)}`, element);
  return parsed;
}

/** A required counter attribute (`updates`, `sequence`). */
function counter(element: XmlElement, name: string, path: string, log: ProblemLog): void {
  const value = attr(element, name);
  if (value === undefined) {
    log.error(`${path}.${name}`, `${name}: expected a ${name} attribute, found none`, element);
    return;
  }
  if (!/^\d+$/.test(value) || Number(value) === 0) log.error(`${path}.${name}`, `${name}: expected a whole number above 0, found ${JSON.stringify(value)}`, element);
  else if (Number(value) > MAX_COUNTER) log.error(`${path}.${name}`, `${name}: ${value} is larger than ${MAX_COUNTER}`, element);
}
