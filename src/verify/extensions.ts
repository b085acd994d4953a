/**
 * Rules for the extension modules feeds commonly carry (Dublin Core, Syndication, Admin,
 * blogChannel, Creative Commons, GeoRSS points, Slash, Threading, Trackback, FeedBurner, iTunes),
 * each from its own specification, matched by namespace URI. An extension element may appear once
 * unless its module allows more; its value must have the module's type.
 */
import { parseRfc3339 } from './dates.js';
import { trimWhitespace } from './html-canon.js';
import { checkUri, isLanguageTag, isMimeType } from './uri.js';
import type { XmlElement } from './xml-check.js';
import { textContent } from './xml-check.js';
import { attr, type ProblemLog } from './xml-rules.js';

/** What an extension element's text must be. */
type ValueKind = 'text' | 'url' | 'w3cdtf' | 'rfc3339' | 'positive' | 'nonNegative' | 'language' | 'latitude' | 'longitude' | 'commaIntegers' | 'period' | 'yesNo' | 'duration';

interface ElementRule {
  /** The type of its text. */
  value: ValueKind;
  /** May appear more than once in one parent. */
  repeatable?: boolean;
  /** May appear more than once in an item or entry (but once in a channel or feed). */
  repeatableInItems?: boolean;
  /** Attributes it must have. */
  requires?: readonly string[];
  /** An attribute holding a URI (`rdf:resource`, `href`), checked as an absolute URI. */
  uriAttribute?: string;
  /** Other attributes and their types. */
  attributes?: Readonly<Record<string, 'uri' | 'absoluteUri' | 'mime'>>;
  /** Only in items and entries (iTunes `duration`), or only in channels and feeds. */
  only?: 'item' | 'channel';
  /** The most characters its text may have. */
  maxLength?: number;
  /** Its text must be one of these. */
  oneOf?: readonly string[];
}

const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

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
  'http://madskills.com/public/xml/rss/module/trackback/': { name: 'trackback', elements: { ping: { value: 'url' }, about: { value: 'url', repeatable: true } } },
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
      feedFlare: { value: 'text', repeatable: true },
    },
  },
  'http://www.itunes.com/dtds/podcast-1.0.dtd': {
    name: 'itunes',
    elements: {
      author: { value: 'text' },
      subtitle: { value: 'text', maxLength: 255 },
      summary: { value: 'text', maxLength: 4000 },
      explicit: { value: 'yesNo' },
      block: { value: 'yesNo' },
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

const PERIODS = new Set(['hourly', 'daily', 'weekly', 'monthly', 'yearly']);
const YES_NO = new Set(['yes', 'no', 'clean', 'true', 'false', 'explicit']);
/** W3C-DTF (a profile of ISO 8601): a year, month, day, or a full date-time with a zone. */
const W3CDTF = /^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;

/** Checks the extension elements among the children of `parent` (a channel, item, feed or entry); `inItem` for items and entries. */
export function checkExtensions(parent: XmlElement, path: string, log: ProblemLog, inItem: boolean): void {
  const seen = new Map<string, XmlElement>();
  for (const child of parent.children) {
    if (child.kind !== 'element') continue;
    const module = MODULES[child.uri];
    if (!module) continue;
    const name = `${module.name}:${child.local}`;
    const at = `${path}.${name}`;
    const rule = module.elements[child.local];
    if (!rule) {
      if (module.closed) log.error(at, `<${child.name}> is not an element of the ${module.name} module`, child);
      continue;
    }
    if (rule.only !== undefined && (rule.only === 'item') !== inItem) {
      log.error(at, `<${child.name}> belongs in ${rule.only === 'item' ? 'an item' : 'the channel'}, not here`, child);
      continue;
    }
    const first = seen.get(name);
    if (first && !rule.repeatable && !(inItem && rule.repeatableInItems)) log.error(at, `<${child.name}> appears again (first on line ${first.line}); only one is allowed`, child);
    seen.set(name, first ?? child);
    for (const required of rule.requires ?? []) {
      if (attr(child, required) === undefined) log.error(at, `expected a ${required} attribute on <${child.name}>, found none`, child);
    }
    for (const [name, kind] of Object.entries(rule.attributes ?? {})) {
      const value = attr(child, name);
      if (value === undefined) continue;
      const problem =
        kind === 'mime' ? (isMimeType(value) ? undefined : { message: `expected a MIME type, found ${JSON.stringify(value)}` }) : checkUri(value, kind === 'absoluteUri');
      if (problem) log.error(`${at}.${name}`, `${name}: ${problem.message}`, child);
    }
    if (rule.uriAttribute !== undefined) {
      const value = child.attributes.find((a) => a.local === rule.uriAttribute && (a.uri === RDF_NS || a.uri === ''))?.value;
      const problem = value === undefined ? { message: `expected an rdf:${rule.uriAttribute} attribute, found none` } : checkUri(value, true);
      if (problem) log.error(at, problem.message, child);
    }
    const raw = textContent(child);
    const value = trimWhitespace(raw);
    if (rule.maxLength !== undefined && value.length > rule.maxLength)
      log.error(at, `<${child.name}> is ${value.length} characters long; at most ${rule.maxLength} are allowed`, child);
    if (rule.oneOf && !rule.oneOf.includes(value)) log.error(at, `expected ${rule.oneOf.join(', ')} in <${child.name}>, found ${JSON.stringify(value)}`, child);
    // Flags are compared as written: " yes" is not "yes" to the readers that check them.
    if (rule.value === 'yesNo') {
      if (!YES_NO.has(raw.toLowerCase())) log.error(at, `expected yes, no or clean in <${child.name}>, found ${JSON.stringify(raw)}`, child);
      continue;
    }
    // An empty count is a missing value (readers fall back to a default); an empty date, URL or code is not one.
    if (value === '' && (rule.value === 'positive' || rule.value === 'nonNegative')) {
      log.warning(at, `<${child.name}> is empty`, child);
      continue;
    }
    const problem = checkValue(rule.value, value);
    if (problem) log.error(at, `${problem} in <${child.name}>`, child);
  }
}

function checkValue(kind: ValueKind, value: string): string | undefined {
  const found = JSON.stringify(value);
  switch (kind) {
    case 'text':
      return undefined;
    case 'url':
      return checkUri(value, true)?.message;
    case 'w3cdtf':
      return W3CDTF.test(value) && (value.length < 11 || parseRfc3339(value.length === 16 ? `${value}:00Z` : value) !== undefined || /T\d{2}:\d{2}(?:Z|[+-])/.test(value))
        ? undefined
        : `expected a W3C-DTF date such as "2024-03-01T10:00:00Z", found ${found}`;
    case 'rfc3339':
      return parseRfc3339(value) ? undefined : `expected an RFC 3339 date, found ${found}`;
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
    case 'yesNo':
      return YES_NO.has(value.toLowerCase()) ? undefined : `expected yes, no or clean, found ${found}`;
    case 'duration':
      return /^(?:\d+:)?(?:\d{1,2}:)?\d+$/.test(value) ? undefined : `expected a duration such as "1:02:03" or seconds, found ${found}`;
  }
}
