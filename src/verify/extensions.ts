/**
 * Rules for the extension modules feeds commonly carry (Dublin Core, Syndication, Admin,
 * blogChannel, Creative Commons, GeoRSS points, Slash, Threading, Trackback, FeedBurner, iTunes),
 * each from its own specification, matched by namespace URI. An extension element may appear once
 * unless its module allows more; its value must have the module's type.
 */
import { parseRfc3339 } from './dates.js';
import { trimWhitespace } from './html-canon.js';
import { checkGeoRss } from './georss.js';
import { checkItunesChannel } from './itunes.js';
import { checkUri, isLanguageTag, isMimeType, unlistedLanguage } from './uri.js';
import type { XmlElement } from './xml-check.js';
import { textContent } from './xml-check.js';
import { attr, CONTENT_NS, characterCount, type ProblemLog, RDF_NS, XHTML_NS } from './xml-rules.js';

/** What an extension element's text must be. */
type ValueKind =
  | 'text'
  | 'url'
  | 'w3cdtf'
  | 'rfc3339'
  | 'iso8601'
  | 'positive'
  | 'nonNegative'
  | 'float'
  | 'language'
  | 'latitude'
  | 'longitude'
  | 'commaIntegers'
  | 'period'
  | 'yesNo'
  | 'trueFalse'
  | 'yesNoClean'
  | 'duration';

interface ElementRule {
  /** The type of its text. */
  value: ValueKind;
  /** May appear more than once in one parent. */
  repeatable?: boolean;
  /** May appear more than once in an item or entry (but once in a channel or feed). */
  repeatableInItems?: boolean;
  /** Attributes it must have. */
  requires?: readonly string[];
  /** An attribute holding a URI (`rdf:resource`, `href`), checked as an absolute URI (in RSS 1.0, a URI reference RDF resolves). */
  uriAttribute?: string;
  /** Other attributes and their types. */
  attributes?: Readonly<Record<string, 'uri' | 'absoluteUri' | 'mime'>>;
  /** Only in items and entries (iTunes `duration`), only in channels and feeds, or only on the document's root (`<rss>` or the Atom `<feed>`). */
  only?: 'item' | 'channel' | 'root';
  /** The most characters its text may have. */
  maxLength?: number;
  /** Its text must be one of these. */
  oneOf?: readonly string[];
  /** Attributes whose value must be one of a list, as `[attribute, values]`. */
  attributeOneOf?: readonly [string, readonly string[]];
  /** In RSS 1.0 (RDF) its URL is its `rdf:resource`, not its text (the module's RDF form). */
  rdfResource?: boolean;
}

/** Rules by namespace URI, then local name. */
/** `closed`: the module defines no other elements, so any other name in its namespace is an error. */
const MODULES: Readonly<Record<string, { name: string; closed?: boolean; elements: Readonly<Record<string, ElementRule>> }>> = {
  'http://purl.org/dc/elements/1.1/': {
    name: 'dc',
    elements: {
      date: { value: 'w3cdtf', repeatableInItems: true },
      language: { value: 'language' },
      rights: { value: 'text' },
      title: { value: 'text' },
      creator: { value: 'text', repeatable: true },
      subject: { value: 'text', repeatable: true },
      contributor: { value: 'text', repeatable: true },
      description: { value: 'text' },
      publisher: { value: 'text' },
      identifier: { value: 'text', repeatable: true },
      format: { value: 'text' },
      type: { value: 'text' },
      source: { value: 'text' },
      relation: { value: 'text', repeatable: true },
      coverage: { value: 'text' },
    },
  },
  'http://purl.org/dc/terms/': {
    name: 'dcterms',
    elements: {
      modified: { value: 'w3cdtf' },
      created: { value: 'w3cdtf' },
      issued: { value: 'w3cdtf' },
      dateAccepted: { value: 'w3cdtf' },
      dateCopyrighted: { value: 'w3cdtf' },
      dateSubmitted: { value: 'w3cdtf' },
    },
  },
  'http://purl.org/rss/1.0/modules/syndication/': {
    name: 'sy',
    closed: true,
    elements: { updatePeriod: { value: 'period' }, updateFrequency: { value: 'positive' }, updateBase: { value: 'w3cdtf' } },
  },
  'http://webns.net/mvcb/': {
    name: 'admin',
    closed: true,
    elements: { errorReportsTo: { value: 'text', uriAttribute: 'resource' }, generatorAgent: { value: 'text', uriAttribute: 'resource' } },
  },
  'http://backend.userland.com/blogChannelModule': {
    name: 'blogChannel',
    closed: true,
    elements: { blogRoll: { value: 'url' }, mySubscriptions: { value: 'url' }, blink: { value: 'url' }, changes: { value: 'url' } },
  },
  'http://backend.userland.com/creativeCommonsRssModule': { name: 'creativeCommons', elements: { license: { value: 'url', repeatable: true } } },
  'http://www.w3.org/2003/01/geo/wgs84_pos#': { name: 'geo', elements: { lat: { value: 'latitude' }, long: { value: 'longitude' } } },
  'http://postneo.com/icbm': { name: 'icbm', elements: { latitude: { value: 'latitude' }, longitude: { value: 'longitude' } } },
  'http://geourl.org/rss/module/': { name: 'geourl', elements: { latitude: { value: 'latitude' }, longitude: { value: 'longitude' } } },
  'http://purl.org/rss/1.0/modules/slash/': {
    name: 'slash',
    elements: { comments: { value: 'nonNegative' }, hit_parade: { value: 'commaIntegers' }, section: { value: 'text' }, department: { value: 'text' } },
  },
  'http://purl.org/syndication/thread/1.0': {
    name: 'thr',
    closed: true,
    elements: {
      total: { value: 'nonNegative' },
      'in-reply-to': { value: 'text', repeatable: true, requires: ['ref'], attributes: { ref: 'absoluteUri', href: 'uri', source: 'uri', type: 'mime' } },
    },
  },
  'http://madskills.com/public/xml/rss/module/trackback/': {
    name: 'trackback',
    elements: { ping: { value: 'url', only: 'item', rdfResource: true }, about: { value: 'url', repeatable: true, only: 'item', rdfResource: true } },
  },
  'http://rssnamespace.org/feedburner/ext/1.0': {
    name: 'feedburner',
    elements: {
      origLink: { value: 'url' },
      origEnclosureLink: { value: 'url' },
      awareness: { value: 'url' },
      browserFriendly: { value: 'text' },
      info: { value: 'text', requires: ['uri'] },
      emailServiceId: { value: 'text' },
      feedburnerHostname: { value: 'url' },
      feedFlare: { value: 'text', repeatable: true, requires: ['href', 'src'], attributes: { href: 'uri', src: 'uri' } },
    },
  },
  // The Conversations Network's per-episode ratings and intro length.
  'http://conversationsnetwork.org/rssNamespace-1.0/': {
    name: 'conversationsNetwork',
    closed: true,
    elements: {
      image: { value: 'url', only: 'item' },
      introMilliseconds: { value: 'nonNegative', only: 'item' },
      ratingAverage: { value: 'float', only: 'item' },
      ratingCount: { value: 'nonNegative', only: 'item' },
      ratingIndividual: { value: 'positive', only: 'item' },
      ratingTimestamp: { value: 'iso8601', only: 'item' },
    },
  },
  // Bloglines' feed access control: one restriction for the whole document.
  'http://www.bloglines.com/about/specs/fac-1.0': {
    name: 'access',
    closed: true,
    elements: { restriction: { value: 'text', only: 'root', requires: ['relationship'], attributeOneOf: ['relationship', ['allow', 'deny']] } },
  },
  'http://www.itunes.com/dtds/podcast-1.0.dtd': {
    name: 'itunes',
    elements: {
      author: { value: 'text', maxLength: 255 },
      subtitle: { value: 'text', maxLength: 255 },
      summary: { value: 'text', maxLength: 4000 },
      explicit: { value: 'trueFalse' },
      block: { value: 'yesNoClean' },
      image: { value: 'text', requires: ['href'], attributes: { href: 'absoluteUri' } },
      duration: { value: 'duration', only: 'item' },
      category: { value: 'text', repeatable: true, requires: ['text'] },
      'new-feed-url': { value: 'url', only: 'channel' },
      keywords: { value: 'text', maxLength: 255 },
      owner: { value: 'text', only: 'channel' },
      complete: { value: 'yesNo', only: 'channel' },
      order: { value: 'positive', only: 'item' },
      episode: { value: 'positive', only: 'item' },
      season: { value: 'positive', only: 'item' },
      title: { value: 'text' },
      type: { value: 'text', only: 'channel', oneOf: ['episodic', 'serial'] },
      episodeType: { value: 'text', only: 'item', oneOf: ['full', 'trailer', 'bonus'] },
      isClosedCaptioned: { value: 'yesNo', only: 'item' },
    },
  },
};

/** ISO 8601 date and time (extended or basic date), with a zone or none; seconds may be left out. */
const ISO8601_DATE_TIME = /^\d{4}-?(\d{2})-?(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?$/;

function isIso8601DateTime(value: string): boolean {
  const m = ISO8601_DATE_TIME.exec(value);
  if (!m) return false;
  const [month = 0, day = 0, hour = 0, minute = 0, second = 0, zoneHour = 0, zoneMinute = 0] = m.slice(1).map((part) => Number(part ?? 0));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 24 && minute < 60 && second <= 60 && zoneHour < 24 && zoneMinute < 60;
}

/** An iTunes duration: seconds, or `[h:]mm:ss` whose minutes (after hours) and seconds are two digits below 60. */
const DURATION = /^\d+(?::[0-5]\d(?::[0-5]\d)?)?$/;

function isDuration(value: string): boolean {
  return DURATION.test(value);
}

const PERIODS = new Set(['hourly', 'daily', 'weekly', 'monthly', 'yearly']);
const YES_NO = new Set(['yes', 'no', 'clean', 'true', 'false', 'explicit']);
/**
 * Flags with a closed list of values, compared as written but for case (" true" is not "true" to
 * the readers that check them): `itunes:explicit` is true or false (Apple retired yes, no and
 * clean there), `itunes:block` is yes, no or clean.
 */
const FLAGS: Readonly<Partial<Record<ValueKind, { values: ReadonlySet<string>; expected: string }>>> = {
  yesNo: { values: YES_NO, expected: 'yes, no or clean' },
  trueFalse: { values: new Set(['true', 'false']), expected: 'true or false' },
  yesNoClean: { values: new Set(['yes', 'no', 'clean']), expected: 'yes, no or clean' },
};
/** W3C-DTF (a profile of ISO 8601): a year, month, day, or a full date-time with a zone. */
const W3CDTF = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;

/**
 * Where extension elements sit: in an item or entry, in an RSS channel, on an Atom feed (the
 * channel level and the document's root at once), or on the `<rss>` element itself.
 */
export type ExtensionLevel = 'item' | 'channel' | 'feed' | 'rss';

const PLACES: Readonly<Record<NonNullable<ElementRule['only']>, { levels: readonly ExtensionLevel[]; where: string }>> = {
  item: { levels: ['item'], where: 'an item' },
  channel: { levels: ['channel', 'feed'], where: 'the channel' },
  root: { levels: ['feed', 'rss'], where: 'the <rss> or <feed> element' },
};

/**
 * Checks the extension elements among the children of `parent` (a channel, item, feed, entry or the
 * `<rss>` element); `rdf` for an RSS 1.0 document, where modules give resources as `rdf:resource`.
 */
export function checkExtensions(parent: XmlElement, path: string, log: ProblemLog, level: ExtensionLevel, rdf = false): void {
  const inItem = level === 'item';
  // The rules met (one per module and name) and the first element of each, made when an element has
  // one. There are a few dozen rules, so looking through them is bounded (and cheaper than a Map per parent).
  let rulesSeen: ElementRule[] | undefined;
  let firstSeen: XmlElement[] | undefined;
  for (const child of parent.children) {
    if (child.kind !== 'element') continue;
    if (child.uri !== '' && child.uri !== parent.uri && level !== 'rss') unqualifiedDescendants(child, `${path}.${child.name}`, log);
    if (child.uri === XHTML_NS && child.local === 'meta' && level !== 'item' && level !== 'rss') {
      checkRobotsMeta(child, `${path}.xhtml:meta`, log);
      continue;
    }
    // Modules are looked up by own key only: a namespace URI such as "constructor" names none.
    const module = Object.hasOwn(MODULES, child.uri) ? MODULES[child.uri] : undefined;
    if (!module) continue;
    const rule = Object.hasOwn(module.elements, child.local) ? module.elements[child.local] : undefined;
    // The <rss> element carries only what belongs to the whole document; the channel's elements are checked in the channel.
    if (level === 'rss' && rule?.only !== 'root') continue;
    const at = `${path}.${module.name}:${child.local}`;
    if (!rule) {
      if (module.closed) log.error(at, `<${child.name}> is not an element of the ${module.name} module`, child);
      continue;
    }
    const place = rule.only === undefined ? undefined : PLACES[rule.only];
    if (place && !place.levels.includes(level)) {
      log.error(at, `<${child.name}> belongs in ${place.where}, not here`, child);
      continue;
    }
    const seenAt = rulesSeen ? rulesSeen.indexOf(rule) : -1;
    const first = seenAt >= 0 ? firstSeen![seenAt] : undefined;
    if (first && !rule.repeatable && !(inItem && rule.repeatableInItems)) log.error(at, `<${child.name}> appears again (first on line ${first.line}); only one is allowed`, child);
    if (!rulesSeen || !firstSeen) {
      rulesSeen = [rule];
      firstSeen = [child];
    } else if (!first) {
      rulesSeen.push(rule);
      firstSeen.push(child);
    }
    if (rule.requires) {
      for (const required of rule.requires) {
        if (attr(child, required) === undefined) log.error(at, `expected a ${required} attribute on <${child.name}>, found none`, child);
      }
    }
    for (const name in rule.attributes) {
      const kind = rule.attributes[name]!;
      const value = attr(child, name);
      if (value === undefined) continue;
      const problem =
        kind === 'mime' ? (isMimeType(value) ? undefined : { message: `expected a MIME type, found ${JSON.stringify(value)}` }) : checkUri(value, kind === 'absoluteUri');
      if (problem) log.error(`${at}.${name}`, `${name}: ${problem.message}`, child);
    }
    if (rule.attributeOneOf) {
      const [name, values] = rule.attributeOneOf;
      const value = attr(child, name);
      if (value !== undefined && !values.includes(value)) log.error(`${at}.${name}`, `${name}: expected ${values.join(' or ')}, found ${JSON.stringify(value)}`, child);
    }
    if (rdf && rule.rdfResource) {
      const resource = child.attributes.find((a) => a.local === 'resource' && a.uri === RDF_NS)?.value;
      const problem =
        resource === undefined
          ? { message: `expected an rdf:resource attribute giving the URL (RSS 1.0 modules name resources so, not as text), found none` }
          : // RDF/XML resolves a relative rdf:resource against xml:base or the document, as rdf:about.
            checkUri(resource, false);
      if (problem) log.error(at, problem.message, child);
      continue;
    }
    if (rule.uriAttribute !== undefined) {
      const value = child.attributes.find((a) => a.local === rule.uriAttribute && (a.uri === RDF_NS || a.uri === ''))?.value;
      const problem = value === undefined ? { message: `expected an rdf:${rule.uriAttribute} attribute, found none` } : checkUri(value, !rdf);
      if (problem) log.error(at, problem.message, child);
    }
    const raw = textContent(child);
    const value = trimWhitespace(raw);
    const length = rule.maxLength === undefined ? 0 : characterCount(value);
    if (rule.maxLength !== undefined && length > rule.maxLength) log.error(at, `<${child.name}> is ${length} characters long; at most ${rule.maxLength} are allowed`, child);
    if (rule.oneOf && !rule.oneOf.includes(value)) log.error(at, `expected ${rule.oneOf.join(', ')} in <${child.name}>, found ${JSON.stringify(value)}`, child);
    const flag = FLAGS[rule.value];
    if (flag) {
      if (!flag.values.has(raw.toLowerCase())) log.error(at, `expected ${flag.expected} in <${child.name}>, found ${JSON.stringify(raw)}`, child);
      continue;
    }
    // An empty count is a missing value (readers fall back to a default); an empty date, URL or code is not one.
    if (value === '' && (rule.value === 'positive' || rule.value === 'nonNegative')) {
      log.warning(at, `<${child.name}> is empty`, child);
      continue;
    }
    const problem = checkValue(rule.value, value);
    if (problem) log.error(at, `${problem} in <${child.name}>`, child);
    else if (rule.value === 'language') {
      const unlisted = unlistedLanguage(value);
      if (unlisted !== undefined) log.warning(at, unlisted, child);
    }
  }
  if (level === 'channel' || level === 'feed') checkItunesChannel(parent, path, log);
  if (level !== 'rss') checkGeoRss(parent, path, log);
}

/**
 * Elements in no namespace inside an extension element (`<apple-wallpapers:metadata><PhotoDate>`):
 * a default namespace was never declared, so they fall into the core format's namespace, where
 * they are not defined. Whole RSS items inside an extension are the exception (iterative: the
 * depth is the document's).
 */
function unqualifiedDescendants(extension: XmlElement, path: string, log: ProblemLog): void {
  // content:encoded is read as text, whose unescaped markup the reader reports itself.
  if (extension.uri === CONTENT_NS) return;
  // Most extension elements hold text only.
  let elements = false;
  for (const child of extension.children) if (child.kind === 'element') elements = true;
  if (!elements) return;
  const stack = [extension];
  for (let element = stack.pop(); element; element = stack.pop()) {
    for (const child of element.children) {
      // An RSS item carried whole (FeedSync keeps the conflicting versions of an item in <sx:conflicts>) is RSS's own element.
      if (child.kind !== 'element' || (child.uri === '' && child.local === 'item')) continue;
      if (child.uri !== '') {
        stack.push(child);
        continue;
      }
      // One report per extension element: the rest of its content is in the same state.
      log.error(
        `${path}.${child.local}`,
        `<${child.name}> inside <${extension.name}> is in no namespace: markup meant as text must be escaped, and an extension's own elements need its namespace`,
        child,
      );
      return;
    }
  }
}

/** The robots directives an XHTML `<meta name="robots">` may give, and the pairs that contradict each other. */
const ROBOTS = new Set(['all', 'none', 'index', 'noindex', 'follow', 'nofollow']);
const ROBOTS_CONFLICTS: readonly (readonly [string, string])[] = [
  ['index', 'noindex'],
  ['follow', 'nofollow'],
];

/** An XHTML `<meta name="robots" content="…">` on a channel or feed, telling aggregators and search engines what they may index. */
function checkRobotsMeta(meta: XmlElement, path: string, log: ProblemLog): void {
  const name = attr(meta, 'name');
  const content = attr(meta, 'content');
  if (name === undefined) log.error(`${path}.name`, 'expected a name attribute on <meta>, found none', meta);
  else if (name.trim().toLowerCase() !== 'robots') log.error(`${path}.name`, `name: expected "robots", found ${JSON.stringify(name)}`, meta);
  if (content === undefined) {
    log.error(`${path}.content`, 'expected a content attribute on <meta>, found none', meta);
    return;
  }
  const directives = content.toLowerCase().split(',').map(trimWhitespace);
  const unknown = directives.find((d) => !ROBOTS.has(d));
  const conflict = ROBOTS_CONFLICTS.find(([a, b]) => directives.includes(a) && directives.includes(b));
  const alone = (directives.includes('all') || directives.includes('none')) && directives.length > 1;
  if (unknown !== undefined || conflict || alone || new Set(directives).size !== directives.length)
    log.error(
      `${path}.content`,
      `content: expected robots directives such as "noindex,follow" (all, none, index, noindex, follow, nofollow; none contradicting another), found ${JSON.stringify(content)}`,
      meta,
    );
}

function checkValue(kind: ValueKind, value: string): string | undefined {
  // Text is any text (most extension elements, dc:creator among them), with nothing to quote.
  if (kind === 'text') return undefined;
  const found = JSON.stringify(value);
  switch (kind) {
    case 'url':
      return checkUri(value, true)?.message;
    case 'w3cdtf':
      return W3CDTF.test(value) && (value.length < 11 || parseRfc3339(value.length === 16 ? `${value}:00Z` : value) !== undefined || /T\d{2}:\d{2}(?:Z|[+-])/.test(value))
        ? undefined
        : `expected a W3C-DTF date such as "2024-03-01T10:00:00Z", found ${found}`;
    case 'rfc3339':
      return parseRfc3339(value) ? undefined : `expected an RFC 3339 date, found ${found}`;
    case 'iso8601':
      return isIso8601DateTime(value) ? undefined : `expected an ISO 8601 date and time such as "2024-03-01T10:00:00Z", found ${found}`;
    case 'float':
      return /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(value) ? undefined : `expected a number, found ${found}`;
    case 'positive':
      return /^\d+$/.test(value) && Number(value) > 0 ? undefined : `expected a whole number above 0, found ${found}`;
    case 'nonNegative':
      return /^\d+$/.test(value) ? undefined : `expected a whole number, found ${found}`;
    case 'language':
      return isLanguageTag(value) ? undefined : `expected a language code such as "en", found ${found}`;
    case 'latitude':
      return /^-?\d+(?:\.\d+)?$/.test(value) && Math.abs(Number(value)) <= 90 ? undefined : `expected a latitude from -90 to 90, found ${found}`;
    case 'longitude':
      return /^-?\d+(?:\.\d+)?$/.test(value) && Math.abs(Number(value)) <= 180 ? undefined : `expected a longitude from -180 to 180, found ${found}`;
    case 'commaIntegers':
      return /^\d+(?:,\d+)*$/.test(value) ? undefined : `expected whole numbers separated by commas, found ${found}`;
    case 'period':
      return PERIODS.has(value) ? undefined : `expected hourly, daily, weekly, monthly or yearly, found ${found}`;
    // Flags are checked as written, before white space is trimmed.
    case 'yesNo':
    case 'trueFalse':
    case 'yesNoClean':
      return undefined;
    case 'duration':
      return isDuration(value) ? undefined : `expected a duration such as "1:02:03", "62:03" or seconds (minutes and seconds as two digits), found ${found}`;
  }
}
