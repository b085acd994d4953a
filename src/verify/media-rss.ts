/**
 * Media RSS (https://www.rssboard.org/media-rss) checked by its specification: attribute types
 * of `media:content`, `media:thumbnail` and `media:player`, text types, ratings of the schemes the
 * specification defines, hashes, restrictions, NPT times, and groups that offer alternatives.
 */
import { isCountryCode } from './country-codes.js';
import { trimWhitespace } from './html-canon.js';
import { checkUri, isLanguageTag, isMimeType, unlistedLanguage } from './uri.js';
import { textContent, type XmlElement } from './xml-check.js';
import type { ParsedEnclosure } from './types.js';
import { attr, byteCount, MEDIA_NS, type ProblemLog } from './xml-rules.js';

/** The namespace without its final slash, which some feeds declare and readers do not recognise. */
const MEDIA_NS_WITHOUT_SLASH = 'http://search.yahoo.com/mrss';

type AttributeKind = 'url' | 'positive' | 'nonNegative' | 'float' | 'mime' | 'language' | 'boolean' | 'npt' | `one of ${string}`;

const ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, AttributeKind>>>> = {
  content: {
    url: 'url',
    fileSize: 'positive',
    type: 'mime',
    medium: 'one of image audio video document executable',
    isDefault: 'boolean',
    expression: 'one of sample full nonstop',
    bitrate: 'float',
    framerate: 'float',
    samplingrate: 'float',
    channels: 'nonNegative',
    // Seconds, not always whole: hosts write the exact playing time (`duration="3130.2"`), and the W3C validator reads a number.
    duration: 'float',
    height: 'positive',
    width: 'positive',
    lang: 'language',
  },
  thumbnail: { url: 'url', height: 'positive', width: 'positive', time: 'npt' },
  player: { url: 'url', height: 'positive', width: 'positive' },
  title: { type: 'one of plain html' },
  description: { type: 'one of plain html' },
  text: { type: 'one of plain html', lang: 'language', start: 'npt', end: 'npt' },
  category: { scheme: 'url' },
  copyright: { url: 'url' },
  restriction: { relationship: 'one of allow deny', type: 'one of country uri sharing' },
  hash: { algo: 'one of md5 sha-1' },
};
/** Elements whose `type` says how to read their text (`plain` or `html`). */
const TEXT_ELEMENTS = new Set(['title', 'description', 'text']);
const REQUIRED: Readonly<Record<string, readonly string[]>> = { content: [], thumbnail: ['url'], player: ['url'], restriction: ['relationship'] };
const SINGLE = new Set(['title', 'description', 'copyright', 'keywords', 'player', 'hash']);
/**
 * The values of the rating schemes the specification names, as the W3C validator lists them
 * (lower case, compared as written): `urn:simple` is the default scheme. These scheme names are
 * names, not URNs (`urn:simple` has no namespace-specific part), so they are not checked as URIs.
 */
const RATINGS: Readonly<Record<string, ReadonlySet<string>>> = {
  'urn:simple': new Set(['adult', 'nonadult']),
  'urn:mpaa': new Set(['g', 'm', 'pg', 'pg-13', 'r', 'nc-17', 'x']),
  'urn:v-chip': new Set(['tv-y', 'tv-y7', 'tv-y7-fv', 'tv-g', 'tv-pg', 'tv-14', 'tv-ma', 'c', 'c8', 'g', 'pg', '14+', '18+']),
};
/** One ICRA (RSACi-style) descriptor: a category with `z` and 0 or 1, or a category's letter and 1. */
const ICRA_CODE = '(?:[nsvlocx]z [01]|(?:n[a-c]|s[a-f]|v[a-j]|l[a-c]|o[a-h]|c[ab]|x[a-e]) 1)';
/** An ICRA label as `urn:icra` ratings write it: `r (` then descriptors separated by spaces, then `)`. */
const ICRA_LABEL = new RegExp(`^r \\(${ICRA_CODE}(?: ${ICRA_CODE})*\\)$`);
/** The default scheme of `media:credit`, whose roles are EBU role codes. */
const EBU_SCHEME = 'urn:ebu';
const HASH_LENGTH: Readonly<Record<string, number>> = { md5: 32, 'sha-1': 40 };
/**
 * The EBU role codes (EBU Tech 3293), which `media:credit` roles come from when its scheme is the
 * default `urn:ebu`; under another scheme a role is only required to be lower-case.
 */
const EBU_ROLES: ReadonlySet<string> = new Set([
  'actor',
  'adaptor',
  'anchor person',
  'animal trainer',
  'animator',
  'announcer',
  'armourer',
  'art director',
  'artist',
  'artist/performer',
  'assistant camera',
  'assistant chief lighting technician',
  'assistant director',
  'assistant producer',
  'assistant visual editor',
  'author',
  'broadcast assistant',
  'broadcast journalist',
  'camera operator',
  'carpenter',
  'casting',
  'causeur',
  'chief lighting technician',
  'choir',
  'choreographer',
  'clapper loader',
  'commentary or commentator',
  'commissioning broadcaster',
  'composer',
  'computer programmer',
  'conductor',
  'consultant',
  'continuity checker',
  'correspondent',
  'costume designer',
  'dancer',
  'dialogue coach',
  'director',
  'director of photography',
  'distribution company',
  'draughtsman',
  'dresser',
  'dubber',
  'editor',
  'editor/producer',
  'ensemble',
  'executive producer',
  'expert',
  'fight director',
  'floor manager',
  'focus puller',
  'foley artist',
  'foley editor',
  'foley mixer',
  'graphic assistant',
  'graphic designer',
  'greensman',
  'grip',
  'hairdresser',
  'illustrator',
  'interviewed guest',
  'interviewer',
  'key character',
  'key grip',
  'key talents',
  'leadman',
  'librettist',
  'lighting director',
  'lighting technician',
  'location manager',
  'lyricist',
  'make up artist',
  'manufacturer',
  'matte artist',
  'music arranger',
  'music group',
  'musician',
  'news reader',
  'orchestra',
  'participant',
  'performer',
  'photographer',
  'post',
  'producer',
  'production assistant',
  'production company',
  'production department',
  'production manager',
  'production secretary',
  'programme production researcher',
  'programme proposal',
  'property manager',
  'publishing company',
  'puppeteer',
  'pyrotechnician',
  'reporter',
  'rigger',
  'runner',
  'scenario',
  'scenic operative',
  'script supervisor',
  'second assistant camera',
  'second assistant director',
  'second unit director',
  'set designer',
  'set dresser',
  'sign language',
  'singer',
  'sound designer',
  'sound mixer',
  'sound recordist',
  'special effects',
  'stunts',
  'subtitles',
  'technical director',
  'term',
  'translation',
  'transportation manager',
  'treatment',
  'treatment proposal',
  'treatment/programme proposal',
  'vision mixer',
  'visual editor',
  'visual effects',
  'wardrobe',
  'witness',
]);
/** RFC 2326 normal play time: seconds, or h:mm:ss, with an optional fraction. */
const NPT = /^(?:now|\d+(?:\.\d*)?|\d+:\d{2}:\d{2}(?:\.\d*)?)$/;

/**
 * The image of an item among its `media:content` elements: the first whose `medium` is `image` or
 * whose type is an image's, with its URL, type and size. Readers take it for the item's picture in
 * RSS and in Atom (where a podcast gives its entries' images so, and no enclosure link).
 */
export function mediaContentImage(contents: readonly XmlElement[]): ParsedEnclosure | undefined {
  for (const node of contents) {
    const url = attr(node, 'url');
    const type = attr(node, 'type');
    if (url === undefined || (attr(node, 'medium') !== 'image' && !type?.startsWith('image/'))) continue;
    const image: ParsedEnclosure = { url: trimWhitespace(url) };
    if (type !== undefined) image.type = trimWhitespace(type);
    const fileSize = attr(node, 'fileSize');
    const size = fileSize === undefined ? undefined : byteCount(fileSize);
    if (size && 'bytes' in size) image.length = size.bytes;
    return image;
  }
  return undefined;
}

/** Checks the Media RSS elements under `parent` (an item, entry or channel), descending into groups and contents. */
export function checkMediaRss(parent: XmlElement, path: string, log: ProblemLog): void {
  const stack: { element: XmlElement; path: string }[] = [{ element: parent, path }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    // Made for the first Media RSS element: most items and channels have none.
    let seen: Map<string, XmlElement> | undefined;
    for (const child of next.element.children) {
      if (child.kind !== 'element') continue;
      if (child.uri === MEDIA_NS_WITHOUT_SLASH) {
        log.error(`${next.path}.${child.name}`, `<${child.name}> is in "${MEDIA_NS_WITHOUT_SLASH}"; the Media RSS namespace is "${MEDIA_NS}"`, child);
        continue;
      }
      if (child.uri !== MEDIA_NS) continue;
      const at = `${next.path}.media:${child.local}`;
      seen ??= new Map();
      const first = seen.get(child.local);
      if (first && SINGLE.has(child.local)) log.error(at, `<${child.name}> appears again (first on line ${first.line}); only one is allowed`, child);
      seen.set(child.local, first ?? child);
      checkAttributes(child, at, log);
      checkElement(child, at, log);
      if (child.local === 'group' || child.local === 'content') stack.push({ element: child, path: at });
    }
  }
}

function checkAttributes(element: XmlElement, path: string, log: ProblemLog): void {
  for (const name of REQUIRED[element.local] ?? []) {
    if (attr(element, name) === undefined) log.error(`${path}.${name}`, `expected a ${name} attribute on <${element.name}>, found none`, element);
  }
  const kinds = ATTRIBUTES[element.local] ?? {};
  for (const [name, kind] of Object.entries(kinds)) {
    const value = attr(element, name);
    if (value === undefined) continue;
    // A flag is compared as written but for case (the W3C validator's truefalse); other values are trimmed.
    const problem = attributeProblem(kind, kind === 'boolean' ? value : value.trim());
    // The type of a text element is reported on the element: with a wrong type="…" none of its text can be read right.
    if (problem) log.error(name === 'type' && TEXT_ELEMENTS.has(element.local) ? path : `${path}.${name}`, `${name}: ${problem}`, element);
    else if (kind === 'language') {
      const unlisted = unlistedLanguage(value);
      if (unlisted !== undefined) log.warning(`${path}.${name}`, `${name}: ${unlisted}`, element);
    }
  }
}

function attributeProblem(kind: AttributeKind, value: string): string | undefined {
  const found = JSON.stringify(value);
  if (kind === 'url') return checkUri(value, true)?.message;
  if (kind === 'positive') return /^\d+$/.test(value) && Number(value) > 0 ? undefined : `expected a whole number above 0, found ${found}`;
  if (kind === 'nonNegative') return /^\d+$/.test(value) ? undefined : `expected a whole number, found ${found}`;
  if (kind === 'float') return /^\d+(?:\.\d+)?$/.test(value) ? undefined : `expected a number, found ${found}`;
  if (kind === 'mime') return isMimeType(value) ? undefined : `expected a MIME type, found ${found}`;
  if (kind === 'language') return isLanguageTag(value) ? undefined : `expected a language code, found ${found}`;
  if (kind === 'boolean') return value.toLowerCase() === 'true' || value.toLowerCase() === 'false' ? undefined : `expected true or false, found ${found}`;
  if (kind === 'npt') return NPT.test(value) ? undefined : `expected a time such as "12.5" or "0:01:02.5", found ${found}`;
  const allowed = kind.slice('one of '.length).split(' ');
  return allowed.includes(value) ? undefined : `expected ${allowed.join(', ')}, found ${found}`;
}

function checkElement(element: XmlElement, path: string, log: ProblemLog): void {
  // The text is read only by the elements that hold text: a group or content element holds elements,
  // which are checked in turn, and reading its whole subtree at each level cost depth × size.
  const textOf = (): string => trimWhitespace(textContent(element));
  if (element.local === 'group') {
    const contents = element.children.filter((c) => c.kind === 'element' && c.uri === MEDIA_NS && c.local === 'content').length;
    if (contents < 2) log.error(path, `a <${element.name}> offers alternatives: expected two or more <media:content>, found ${contents}`, element);
  } else if (element.local === 'rating') {
    const value = textOf();
    // An empty scheme is the default one, as no scheme is.
    const scheme = attr(element, 'scheme') || 'urn:simple';
    const values = Object.hasOwn(RATINGS, scheme) ? RATINGS[scheme] : undefined;
    if (values) {
      if (!values.has(value)) log.error(path, `expected a ${scheme} rating (${[...values].join(', ')}), found ${JSON.stringify(value)}`, element);
    } else if (scheme === 'urn:icra') {
      if (!ICRA_LABEL.test(value)) log.error(path, `expected an ICRA label such as "r (cz 1 lz 1 nz 1 oz 1 vz 1)", found ${JSON.stringify(value)}`, element);
    } else schemeUri(element, scheme, path, log);
  } else if (element.local === 'hash') {
    const value = textOf();
    const algo = (attr(element, 'algo') ?? 'md5').trim();
    const length = HASH_LENGTH[algo];
    if (length !== undefined && !new RegExp(`^[0-9a-fA-F]{${length}}$`).test(value))
      log.error(path, `expected ${length} hexadecimal digits (${algo}), found ${JSON.stringify(value)}`, element);
  } else if (element.local === 'restriction') {
    checkRestriction(element, textOf(), path, log);
  } else if (element.local === 'credit') {
    const role = attr(element, 'role');
    const scheme = attr(element, 'scheme') || EBU_SCHEME;
    if (role && (scheme === EBU_SCHEME ? !EBU_ROLES.has(role) : role !== role.toLowerCase()))
      log.error(
        path,
        `role: expected ${scheme === EBU_SCHEME ? 'an EBU role code in lower case, such as "musician"' : 'a lower-case role'}, found ${JSON.stringify(role)}`,
        element,
      );
    if (scheme !== EBU_SCHEME) schemeUri(element, scheme, path, log);
  }
}

/** A scheme other than those the specification names is an absolute URI. */
function schemeUri(element: XmlElement, scheme: string, path: string, log: ProblemLog): void {
  const problem = checkUri(scheme, true);
  if (problem) log.error(`${path}.scheme`, `scheme: ${problem.message}`, element);
}

/** A restriction lists countries, URIs, or (with no type) says `all` or `none`. */
function checkRestriction(element: XmlElement, value: string, path: string, log: ProblemLog): void {
  const type = attr(element, 'type');
  const entries = value.split(/\s+/).filter(Boolean);
  if (type === undefined) {
    if (value !== '' && value !== 'all' && value !== 'none')
      log.error(path, `expected "all" or "none" in a <media:restriction> without type, found ${JSON.stringify(value)}`, element);
  } else if (type === 'country') {
    const unknown = entries.find((code) => !isCountryCode(code));
    if (unknown !== undefined) log.error(path, `expected ISO 3166 country codes such as "us ca", found ${JSON.stringify(unknown)}`, element);
  } else if (type === 'uri') {
    for (const uri of entries) {
      const problem = checkUri(uri, true);
      if (problem) log.error(path, problem.message, element);
    }
  }
}
