/**
 * The iTunes podcast tags whose value is a structure rather than one typed text: the category
 * tree (Apple's list; names from lists Apple has retired are warned about, unknown names are
 * errors) and the owner, whose email address podcast directories require.
 */
import { PODCAST_CATEGORIES } from '../feed/podcast-categories.js';
import { trimWhitespace } from './html-canon.js';
import { childElement, childElements, textContent, type XmlElement } from './xml-check.js';
import { attr, characterCount, hasInnerChar, type ProblemLog } from './xml-rules.js';

/** The iTunes podcast namespace. */
export const ITUNES_NS = 'http://www.itunes.com/dtds/podcast-1.0.dtd';

/**
 * Categories of Apple's earlier lists (2005 and 2012) that the current list dropped or renamed.
 * Directories still read them, so they are worth a warning rather than an error.
 */
const RETIRED_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  'Arts & Entertainment': ['Architecture', 'Books', 'Design', 'Entertainment', 'Games', 'Performing Arts', 'Photography', 'Poetry', 'Science Fiction'],
  Arts: ['Literature'],
  'Audio Blogs': [],
  Business: ['Business News', 'Finance', 'Management & Marketing', 'Shopping'],
  Education: ['Education', 'Educational Technology', 'Higher Education', 'K-12', 'Language Courses', 'Training'],
  Family: [],
  Food: [],
  'Games & Hobbies': ['Automotive', 'Aviation', 'Hobbies', 'Other Games', 'Video Games'],
  'Government & Organizations': ['Local', 'National', 'Non-Profit', 'Regional'],
  Health: ['Alternative Health', 'Diet & Nutrition', 'Fitness', 'Fitness & Nutrition', 'Relationships', 'Self-Help', 'Sexuality'],
  International: [
    'Australian',
    'Belgian',
    'Brazilian',
    'Canadian',
    'Chinese',
    'Dutch',
    'French',
    'German',
    'Hebrew',
    'Italian',
    'Japanese',
    'Norwegian',
    'Polish',
    'Portuguese',
    'Spanish',
    'Swedish',
  ],
  'Movies & Television': [],
  'News & Politics': [],
  Politics: [],
  'Public Radio': [],
  'Religion & Spirituality': ['New Age', 'Other', 'Philosophy'],
  'Science & Medicine': ['Medicine', 'Natural Sciences', 'Social Sciences'],
  'Society & Culture': ['History', 'Personal Journals', 'Philosophy', 'Places & Travel'],
  'Sports & Recreation': ['Amateur', 'College & High School', 'Outdoor', 'Professional'],
  'Talk Radio': [],
  Technology: [
    'Computers',
    'Developers',
    'Gadgets',
    'Information Technology',
    'News',
    'Operating Systems',
    'Podcasting',
    'Smart Phones',
    'Software How-To',
    'Tech News',
    'Text/Speech',
  ],
  Transportation: ['Automotive', 'Aviation', 'Bicycles', 'Commuting'],
  Travel: [],
  'TV & Film': [],
};
/** The most characters of an owner's name, as of `itunes:author` (Apple's limit, which the W3C validator checks). */
const MAX_NAME_LENGTH = 255;
/** An email address: one `@` between a local part and a domain, no white space, angle brackets or parentheses. */
const EMAIL = /^[^\s@<>()]+@([^\s@<>()]+)$/;

/**
 * Whether `value` is an email address whose domain has a dot with something on both sides. The dot
 * is looked for in the domain matched, not by the pattern: a pattern trying each dot of a domain that
 * then fails took time quadratic in its dots.
 */
function isEmail(value: string): boolean {
  const domain = EMAIL.exec(value)?.[1];
  return domain !== undefined && hasInnerChar(domain, '.');
}

/**
 * Checks the `itunes:category` tree and `itunes:owner` of a channel or feed, and, in an RSS podcast
 * (a channel, or one of its items, with an iTunes element), warns of each channel tag Apple Podcasts
 * requires that is missing. Apple Podcasts reads RSS only, so an Atom feed is not held to them.
 */
export function checkItunesChannel(channel: XmlElement, path: string, log: ProblemLog): void {
  if (channel.local === 'channel' && channel.uri === '' && isItunesPodcast(channel)) checkRequiredTags(channel, path, log);
  childElements(channel, 'category', ITUNES_NS).forEach((category, i) => {
    const at = `${path}.itunes:category[${i}]`;
    const text = attr(category, 'text');
    if (text !== undefined) checkCategory(text, undefined, at, category, log);
    childElements(category, 'category', ITUNES_NS).forEach((sub, j) => {
      const subText = attr(sub, 'text');
      const subAt = `${at}.itunes:category[${j}]`;
      if (subText === undefined) log.error(subAt, `expected a text attribute on <${sub.name}>, found none`, sub);
      else if (text !== undefined) checkCategory(text, subText, subAt, sub, log);
    });
  });
  for (const owner of childElements(channel, 'owner', ITUNES_NS)) {
    const at = `${path}.itunes:owner`;
    const emails = childElements(owner, 'email', ITUNES_NS);
    if (emails.length === 0) log.error(`${at}.itunes:email`, 'expected an <itunes:email> in <itunes:owner>, found none', owner);
    for (const email of emails) {
      const value = trimWhitespace(textContent(email));
      if (!isEmail(value)) log.error(`${at}.itunes:email`, `expected an email address, found ${JSON.stringify(value)}`, email);
    }
    for (const name of childElements(owner, 'name', ITUNES_NS)) {
      const length = characterCount(trimWhitespace(textContent(name)));
      if (length > MAX_NAME_LENGTH) log.error(`${at}.itunes:name`, `<${name.name}> is ${length} characters long; at most ${MAX_NAME_LENGTH} are allowed`, name);
    }
  }
}

/** Whether the channel, or an item of it, has an element of the iTunes namespace (as the W3C validator tells a podcast). */
function isItunesPodcast(channel: XmlElement): boolean {
  for (const child of channel.children) {
    if (child.kind !== 'element') continue;
    if (child.uri === ITUNES_NS) return true;
    if (child.local === 'item' && child.uri === '' && child.children.some((c) => c.kind === 'element' && c.uri === ITUNES_NS)) return true;
  }
  return false;
}

/**
 * The channel tags Apple Podcasts requires of a show: a language (`<language>` or `xml:lang`), a
 * category, the explicit flag, the artwork, and an owner whose email directories confirm the show
 * with. Their absence is a warning, as for the W3C validator (which does not look for the artwork):
 * the feed is still a feed, but Apple Podcasts refuses it.
 */
function checkRequiredTags(channel: XmlElement, path: string, log: ProblemLog): void {
  const missing = (name: string, why: string): void => log.warning(`${path}.${name}`, `expected <${name}> in a podcast, found none (${why})`, channel);
  if (channel.lang === undefined && childElement(channel, 'language', '') === undefined) missing('language', "Apple Podcasts requires the show's language");
  if (childElement(channel, 'category', ITUNES_NS) === undefined) missing('itunes:category', 'Apple Podcasts requires a category');
  if (childElement(channel, 'explicit', ITUNES_NS) === undefined) missing('itunes:explicit', 'Apple Podcasts requires true or false');
  if (childElement(channel, 'image', ITUNES_NS) === undefined) missing('itunes:image', 'Apple Podcasts requires the show artwork');
  if (childElement(channel, 'owner', ITUNES_NS) === undefined) missing('itunes:owner', 'directories confirm who owns the show by its <itunes:email>');
}

/** A category (`sub` undefined) or a subcategory of `top`. */
function checkCategory(top: string, sub: string | undefined, path: string, at: XmlElement, log: ProblemLog): void {
  const current = Object.hasOwn(PODCAST_CATEGORIES, top) ? PODCAST_CATEGORIES[top] : undefined;
  const retired = Object.hasOwn(RETIRED_CATEGORIES, top) ? RETIRED_CATEGORIES[top] : undefined;
  const name = sub === undefined ? JSON.stringify(top) : `${JSON.stringify(sub)} under ${JSON.stringify(top)}`;
  if (sub === undefined ? current !== undefined : current?.includes(sub)) return;
  if (sub === undefined ? retired !== undefined : retired?.includes(sub)) {
    log.warning(path, `the iTunes category ${name} is from a list Apple has retired`, at);
    return;
  }
  // A subcategory of an unknown category was reported with its parent.
  if (sub !== undefined && current === undefined && retired === undefined) return;
  log.error(path, `expected an Apple Podcasts category, found ${name}`, at);
}
