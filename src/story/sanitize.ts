/**
 * An allow-list HTML sanitizer over our streaming HTML tokenizer (`src/html/parser.ts`, event for event htmlparser2's), in
 * place of sanitize-html and its eleven packages. It keeps only the tags and attributes listed below,
 * drops disallowed tags but keeps their text (except inside the non-text tags and elements their author hid, whose
 * content goes too, and in a group of controls, see {@link CONTROL_GROUP_SIZE}), lets only http(s), mailto, tel and sms links and http(s) images, video and audio through (a lazy-loaded
 * file's address taken from where its script keeps it), writes a frame as a link to the page it shows
 * (see {@link frameLink}), and writes text and attribute values escaped.
 * The output format follows sanitize-html's (`<img ... />`, `</tag>` for every other element but the
 * void `<source ... />`), so published HTML did not change when it replaced it.
 */
import { Parser } from '../html/parser.js';
import { hiddenByAttributes } from './html-text.js';

/** The tags kept: text structure, inline semantics, tables, images, figures, video and audio. */
const ALLOWED_TAGS = new Set([
  'address',
  'article',
  'aside',
  'footer',
  'header',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'main',
  'nav',
  'section',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'hr',
  'li',
  'menu',
  'ol',
  'p',
  'pre',
  'ul',
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  'rb',
  'rp',
  'rt',
  'rtc',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'caption',
  'col',
  'colgroup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'del',
  'ins',
  'details',
  'summary',
]);

/** Attributes kept per tag; `*` applies to every tag. */
const ALLOWED_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(['href', 'title', 'hreflang']),
  img: new Set(['alt', 'title', 'width', 'height']),
  source: new Set(['type', 'media']),
  video: new Set(['width', 'height']),
  ol: new Set(['start', 'reversed']),
  td: new Set(['colspan', 'rowspan', 'align']),
  th: new Set(['colspan', 'rowspan', 'align', 'scope']),
  code: new Set(['class']),
  time: new Set(['datetime']),
};
const GLOBAL_ATTRIBUTES: ReadonlySet<string> = new Set(['lang', 'dir']);

/** Attributes whose value is a URL, resolved against the base and checked for its scheme. */
const URL_ATTRIBUTES: Readonly<Record<string, string>> = { a: 'href' };
/**
 * Schemes a link keeps: the web's, and the addresses readers open with a program of their own, carrying no document
 * and running nothing: an e-mail (`mailto:`), a telephone call (`tel:`, RFC 3966) and a text message (`sms:`, RFC 5724).
 */
const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:', 'tel:', 'sms:']);

/**
 * Tags that load a file from their `src` (see {@link loadedAddress}). An image or a `<source>` is
 * written only with an http(s) address for it; a video or audio element with one, or with a
 * `<source>` child that has one (see {@link MEDIA_TAGS}).
 */
const LOADING_TAGS: ReadonlySet<string> = new Set(['img', 'video', 'audio', 'source']);

/**
 * Video and audio: always written with `controls` (with its scripts and `autoplay` gone, nothing
 * else plays it, and audio without them shows nothing); written only when they have a file to play,
 * which their `<source>` children may give, so their start tag is written when they end (see {@link OpenMedia}).
 */
const MEDIA_TAGS: ReadonlySet<string> = new Set(['video', 'audio']);

/** Where a video's poster image is read from: `poster`, then the lazy-loading scripts' `data-poster`. */
const POSTER_ATTRIBUTES: readonly string[] = ['poster', 'data-poster'];

/**
 * Where Ghost's video card (`<figure class="kg-card kg-video-card">`) keeps the video's thumbnail: the one its author
 * chose, then the frame Ghost took. The video inside gives a transparent spacer image as its own `poster` (shown over
 * the thumbnail Ghost's page script draws), so a video in such a figure takes the figure's thumbnail as its poster.
 */
const CARD_POSTER_ATTRIBUTES: readonly string[] = ['data-kg-custom-thumbnail', 'data-kg-thumbnail'];

/**
 * Where a tag's file is read from: first the attributes lazy-loading scripts keep the real address in while
 * `src` holds a placeholder (a `data:` GIF, or an http(s) one: Jetpack's and a3 Lazy Load's 1×1 GIF), `data-src`
 * (lazysizes, lozad, vanilla-lazyload, a3 Lazy Load), `data-lazy-src` (WP Rocket, Jetpack) and `data-original`
 * (jQuery Lazy Load); then `src`.
 */
const SOURCE_ATTRIBUTES: readonly string[] = ['data-src', 'data-lazy-src', 'data-original', 'src'];

/** Boolean attributes (written bare when empty); every other allowed attribute is dropped when empty, but `alt=""` means "decorative". */
const BOOLEAN_ATTRIBUTES: ReadonlySet<string> = new Set(['reversed', 'align']);

/** Code block classes that name a language for syntax highlighting. */
const CODE_CLASS = /^language-[\w-]+$/;

/**
 * Tags whose whole content goes with them: script, style and other non-text or active content, and buttons, whose
 * label and icon are the page's own (Copy, Subscribe, a player's 1×) and do nothing in a feed.
 */
const NON_TEXT_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'title', 'button']);

/** Form controls: none is written (see {@link CONTROL_GROUP_SIZE}). */
const CONTROL_TAGS: ReadonlySet<string> = new Set(['button', 'input', 'select', 'textarea']);

/**
 * How many controls among an element's children make it a group of controls (a toolbar, a form's fields, a media
 * player's control bar), whose content from its first control on is not written: the readouts written between the
 * controls (a player's current time and duration, a page number) show the state of controls a feed does not have.
 * One control beside text is a paragraph's ("run it <button>Copy</button> first"): its text stays. So do controls
 * with text of the element's own from the first one on ("click <button>Save</button> to keep a draft, or
 * <button>Publish</button> to send it"): that is prose, while a player writes its readouts in elements of their own.
 * Ghost's video and audio cards write their player so (`kg-video-player`, `kg-audio-player`: play and pause buttons,
 * `0:00`, `/0:42`, a seek slider, a `1×` button, mute buttons, a volume slider), their times in spans that no tag
 * tells from text; the group does, in any version of Ghost's cards (`kg-player` in some) and in any player written
 * the same way, where Ghost's class names would tell them in Ghost's only.
 */
const CONTROL_GROUP_SIZE = 2;

/** Written as `<tag ... />` without a closing tag: void elements, which have none. */
const SELF_CLOSING: ReadonlySet<string> = new Set(['img', 'br', 'hr', 'source']);

/** Names a browser would read as more than one attribute, or as the end of the tag. */
const VALID_ATTRIBUTE_NAME = /^[^\0\t\n\f\r /<=>]+$/;

/** Most text has nothing to escape: one test instead of three replacements. */
const escapeText = (text: string): string => (/[&<>]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text);
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

/** One open element: whether it was written (a video or audio element: whether it may be). */
interface OpenElement {
  name: string;
  kept: boolean;
  /**
   * The thumbnail the innermost figure around it (itself, for a figure) gives the first video in it (see
   * {@link CARD_POSTER_ATTRIBUTES}), as written; shared by reference with the elements in the figure, and taken by
   * that video (a card holds one: written for every video of a figure, a long thumbnail would be copied once each).
   */
  cardPoster?: { written: string; taken: boolean };
  /** A video or audio element's start tag and where its content goes (see {@link OpenMedia}). */
  media?: OpenMedia;
  /** The controls among its children, from its first one on (see {@link CONTROL_GROUP_SIZE}). */
  controls?: OpenControls;
}

/** The controls among an open element's children: its content from the first one on is left out if they are a group. */
interface OpenControls {
  /** How many so far. */
  count: number;
  /** The part of the output (see `parts` in {@link sanitizeHtmlFragment}) its content from its first control on begins at. */
  slot: number;
  /** How many frames the report held at its first control: those after it are no frames of the article if it is a group. */
  frames: number;
  /** Whether the element holds text of its own (not white space) from its first control on: then it is prose, no group. */
  prose: boolean;
}

/**
 * A video or audio element being read. Its start tag is written at `slot` of the output when it ends, if it has a
 * file to play. Its content is fallback only when its own end tag ends it (see `mediaFallback` in `html-text.ts`):
 * then it is written inside the element (readers that play it do not show it, those that leave video out do, with
 * the link to the file it often holds), or left out with an element not written. One whose end tag is missing holds
 * none: its end tag goes at `contentSlot`, after its leading `<source>` children, where what followed it begins.
 */
interface OpenMedia {
  tag: string;
  slot: number;
  playable: boolean;
  /** The slot for its end tag before its first content (text or an element but its sources); `undefined` before any. */
  contentSlot?: number;
  /** How many frames the report held when it opened: those in its fallback are no frames of the article. */
  frames: number;
}

/**
 * The address a link (`<a href>`) is given instead of its own, resolved against the base (see
 * {@link sanitizeHtmlFragment}): `null` leaves the link out, its text kept; `undefined` keeps the address.
 */
export type LinkAddress = (href: string) => string | null | undefined;

/**
 * The address an image's file (`<img>`'s, as written in any attribute it is read from, and a video's poster) is read at instead of its own,
 * resolved against the base (see {@link sanitizeHtmlFragment}); `undefined` reads it as written, `null` reads none
 * (a source file's path, see `source-image.ts`): an image given no other file is left out.
 */
export type ImageAddress = (address: string) => string | null | undefined;

/**
 * An address resolved against `baseUrl` when it is an http(s) one of another document, else `undefined`: a
 * `data:` placeholder, `javascript:`, nothing, or what resolves to the story itself (`""`, `#`, `?`, `./`).
 */
function httpAddress(raw: string | undefined, baseUrl: string, imageAddress?: ImageAddress): string | undefined {
  const address = raw?.trim();
  if (!address) return undefined;
  const given = imageAddress?.(address);
  if (given === null) return undefined;
  let url: URL;
  try {
    url = new URL(given ?? address, baseUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return withoutFragment(url.href) === storyAddress(baseUrl) ? undefined : url.href;
}

/** The last figure's thumbnail read by {@link cardPosterAddress}, with its base and address. */
let lastCardPoster: { poster: string | undefined; base: string; address: string | undefined } | undefined;

/** {@link httpAddress} of a figure's thumbnail, read once for all the videos of the figure (they share it). */
function cardPosterAddress(poster: string | undefined, baseUrl: string): string | undefined {
  let last = lastCardPoster;
  if (last === undefined || last.poster !== poster || last.base !== baseUrl) lastCardPoster = last = { poster, base: baseUrl, address: httpAddress(poster, baseUrl) };
  return last.address;
}

/** The last base read and its address as {@link withoutFragment} gives it: a story's files are all read against one base. */
let lastBase: { base: string; address: string } | undefined;

/** `baseUrl` (the story's address) as {@link withoutFragment} gives it, parsed once for all the files read against it. */
function storyAddress(baseUrl: string): string {
  if (lastBase?.base !== baseUrl) lastBase = { base: baseUrl, address: withoutFragment(new URL(baseUrl).href) };
  return lastBase.address;
}

/** An address without its fragment, and without an empty query (`page?` is `page`). */
const withoutFragment = (href: string): string => href.replace(/#.*$/s, '').replace(/\?$/, '');

/** A file's address and the attribute that gave it. */
interface LoadedAddress {
  attribute: string;
  url: string;
}

/**
 * The first of `candidates` that gives an http(s) address (resolved against `baseUrl`, an image's file read where
 * `imageAddress` gives it), with the attribute it was in.
 */
function loadedAddress(attributes: Record<string, string>, candidates: readonly string[], baseUrl: string, imageAddress?: ImageAddress): LoadedAddress | undefined {
  for (const attribute of candidates) {
    if (!Object.hasOwn(attributes, attribute)) continue;
    const url = httpAddress(attributes[attribute], baseUrl, imageAddress);
    if (url !== undefined) return { attribute, url };
  }
  return undefined;
}

/** The attributes an image lists its files at several sizes in (`srcset`, and lazy-loading scripts' `data-srcset`), lazy first. */
const SRCSET_ATTRIBUTES: readonly string[] = ['data-srcset', 'srcset'];

/**
 * An image's largest file from its `srcset` (or a lazy-loading script's `data-srcset`) when no other attribute gives
 * one: `srcset` itself is not written (its relative addresses would each need resolving, and readers mostly take `src`).
 * The candidates are read once, left to right: an address (a run without blanks, a comma at its end ending it),
 * then its width (`640w`) or density (`2x`) up to the next comma; the widest (or densest) http(s) one wins.
 */
function srcsetAddress(attributes: Record<string, string>, baseUrl: string, imageAddress: ImageAddress | undefined): LoadedAddress | undefined {
  for (const attribute of SRCSET_ATTRIBUTES) {
    if (!Object.hasOwn(attributes, attribute)) continue;
    const list = attributes[attribute] ?? '';
    let best: { url: string; size: number } | undefined;
    let at = 0;
    while (at < list.length) {
      while (at < list.length && (list[at] === ',' || /\s/.test(list[at]!))) at++;
      const start = at;
      while (at < list.length && !/\s/.test(list[at]!)) at++;
      let address = list.slice(start, at);
      let descriptor = '';
      if (address.endsWith(',')) address = address.replace(/,+$/, '');
      else {
        const comma = list.indexOf(',', at);
        const end = comma < 0 ? list.length : comma;
        descriptor = list.slice(at, end).trim();
        at = end;
      }
      const url = address ? httpAddress(address, baseUrl, imageAddress) : undefined;
      const size = Number(/^(\d+(?:\.\d+)?)[wx]$/i.exec(descriptor)?.[1] ?? 1);
      if (url !== undefined && (best === undefined || size > best.size)) best = { url, size };
    }
    if (best) return { attribute, url: best.url };
  }
  return undefined;
}

/** The first of `candidates` that `attributes` gives a value that is not only white space, as written. */
function firstGiven(attributes: Record<string, string>, candidates: readonly string[]): string | undefined {
  for (const attribute of candidates) {
    const value = Object.hasOwn(attributes, attribute) ? attributes[attribute] : undefined;
    if (value !== undefined && value.trim() !== '') return value;
  }
  return undefined;
}

/**
 * The attributes written for a kept tag, in source order, with the address of the file it loads
 * (`source`, written as its `src` where the attribute that gave it stood), or the reason to leave out a link.
 * A video's poster is the thumbnail of the figure around it (`cardPoster`) when that is an http(s) image: written
 * where the video's own poster stood, else after its attributes.
 */
function keptAttributes(
  name: string,
  attributes: Record<string, string>,
  baseUrl: string,
  linkAddress: LinkAddress | undefined,
  report: SanitizeReport | undefined,
  imageAddress: ImageAddress | undefined,
  cardPoster: string | undefined,
): { text: string; source?: string; leaveOut?: boolean } {
  const allowed = ALLOWED_ATTRIBUTES[name];
  const urlAttribute = URL_ATTRIBUTES[name];
  const image = name === 'img' ? imageAddress : undefined;
  const source = LOADING_TAGS.has(name)
    ? (loadedAddress(attributes, SOURCE_ATTRIBUTES, baseUrl, image) ?? (name === 'img' ? srcsetAddress(attributes, baseUrl, image) : undefined))
    : undefined;
  const cardUrl = name === 'video' ? cardPosterAddress(cardPoster, baseUrl) : undefined;
  const ownPoster = name === 'video' ? loadedAddress(attributes, POSTER_ATTRIBUTES, baseUrl, imageAddress) : undefined;
  const poster = cardUrl === undefined ? ownPoster : { attribute: ownPoster?.attribute ?? POSTER_ATTRIBUTES.find((a) => Object.hasOwn(attributes, a)), url: cardUrl };
  if (LOADING_TAGS.has(name)) countUnsafe(attributes, SOURCE_ATTRIBUTES, baseUrl, source !== undefined, report);
  if (name === 'video') countUnsafe(attributes, POSTER_ATTRIBUTES, baseUrl, poster !== undefined, report);
  let text = '';
  for (const [attribute, raw] of Object.entries(attributes)) {
    if (!VALID_ATTRIBUTE_NAME.test(attribute)) continue;
    if (attribute === source?.attribute) {
      text += ` src="${escapeAttribute(source.url)}"`;
      continue;
    }
    if (attribute === poster?.attribute) {
      text += ` poster="${escapeAttribute(poster.url)}"`;
      continue;
    }
    if (!(allowed?.has(attribute) || GLOBAL_ATTRIBUTES.has(attribute))) continue;
    let value = raw;
    if (attribute === urlAttribute) {
      const given = name === 'a' && linkAddress ? linkAddress(raw.trim()) : undefined;
      if (given === null) return { text: '', leaveOut: true };
      let url: URL;
      try {
        url = new URL(given ?? raw.trim(), baseUrl);
      } catch {
        continue;
      }
      // Resolving first means tabs, newlines and entities hidden in a scheme are already gone.
      if (!SAFE_PROTOCOLS.has(url.protocol)) {
        if (report && UNSAFE_SCHEMES.has(url.protocol)) report.unsafeUrls++;
        continue;
      }
      value = url.href;
    } else if (attribute === 'class') {
      value = value
        .split(/\s+/)
        .filter((c) => CODE_CLASS.test(c))
        .join(' ');
      if (!value) continue;
    }
    if (value === '') {
      if (attribute === 'alt') text += ' alt=""';
      else if (BOOLEAN_ATTRIBUTES.has(attribute)) text += ` ${attribute}`;
      continue;
    }
    text += ` ${attribute}="${escapeAttribute(value)}"`;
  }
  if (poster !== undefined && poster.attribute === undefined) text += ` poster="${escapeAttribute(poster.url)}"`;
  if (MEDIA_TAGS.has(name)) text += ' controls';
  return source === undefined ? { text } : { text, source: source.url };
}

/**
 * What is written for an `<iframe>` (an embedded video, map or post): a link to the http(s) page it
 * shows (its `src`, or a lazy-loading attribute's), its text the frame's `title` or else the address.
 * No feed reader runs a frame, and most leave it out: a link lets every reader show that something was
 * there and open it. Nothing for a frame without such a page, or inside a link (links do not nest).
 */
function frameLink(attributes: Record<string, string>, baseUrl: string, inLink: boolean, report: SanitizeReport | undefined): string {
  const shown = !inLink && !hiddenFrame(attributes);
  const page = shown ? loadedAddress(attributes, SOURCE_ATTRIBUTES, baseUrl) : undefined;
  countUnsafe(attributes, SOURCE_ATTRIBUTES, baseUrl, page !== undefined, report);
  if (page === undefined) return '';
  const title = Object.hasOwn(attributes, 'title') ? attributes.title?.trim() : undefined;
  report?.frames.push(title || page.url);
  return `<a href="${escapeAttribute(page.url)}">${escapeText(title || page.url)}</a>`;
}

/**
 * What a style's CSS holds (as {@link cssWords} gives it) that loads a file or runs script: an address (`url(`,
 * `src(`, `image(`, `image-set(` and `-webkit-image-set(`, which take one as a string), an `@import`, Internet
 * Explorer's `expression(` and `behavior`, Firefox's `-moz-binding`, or a `javascript:` or `vbscript:` address.
 * Every style is left out; only these make it unsafe (see {@link SanitizeReport}): one of colours, fonts and
 * spacing (Ghost's editor writes `white-space: pre-wrap` on every piece of formatted text) only presents the page.
 */
const ACTIVE_CSS = /url\(|src\(|image(?:-set)?\(|expression\(|@import|behavior:|-moz-binding|(?:java|vb)script:/;

/**
 * Whether an element's style loads a file or runs script ({@link ACTIVE_CSS}). A video's poster image drawn again
 * as its background (Ghost's video cards draw their thumbnail behind the player: `background: transparent
 * url('…thumb.jpg') …`) loads nothing the poster does not: the style is left out all the same, without a warning.
 */
function isActiveStyle(name: string, attributes: Record<string, string | undefined>, cardPoster: string | undefined): boolean {
  let words = cssWords(attributes.style ?? '');
  if (name === 'video' && words.includes('url(')) {
    for (const poster of [cardPoster, attributes.poster]) {
      if (!poster) continue;
      for (const written of posterUrlsInCss(poster)) words = words.replaceAll(written, '');
    }
  }
  return ACTIVE_CSS.test(words);
}

/** The last poster {@link posterUrlsInCss} was asked for, and its answer: every video of a figure shares the figure's. */
let lastPoster: { poster: string; written: readonly string[] } | undefined;

/** The ways CSS loads a poster's address as {@link cssWords} gives them: `url('…')`, `url("…")`, `url(…)`. */
function posterUrlsInCss(poster: string): readonly string[] {
  if (lastPoster?.poster !== poster) {
    const url = cssWords(poster);
    lastPoster = { poster, written: ["'", '"', ''].map((quote) => `url(${quote}${url}${quote})`) };
  }
  return lastPoster.written;
}

/** CSS's white space. */
const CSS_SPACE = /[\t\n\f\r ]/;
/** A digit of the hex number an escape writes a character as. */
const HEX_DIGIT = /[0-9a-f]/i;
/** The most hex digits an escape holds (`\000075`). */
const MAX_ESCAPE_DIGITS = 6;

/**
 * A style's CSS as a browser reads its words, lower case: its escapes decoded (`\75 rl(` and `u\rl(` are `url(`),
 * its comments and its white space left out (Internet Explorer read `expr/**\/ession(` and `expression (` as
 * `expression(`). One pass, left to right; a comment's end is looked for once, from where it begins.
 */
function cssWords(css: string): string {
  let words = '';
  let at = 0;
  while (at < css.length) {
    const char = css[at]!;
    if (char === '/' && css[at + 1] === '*') {
      const end = css.indexOf('*/', at + 2);
      at = end < 0 ? css.length : end + 2;
      continue;
    }
    if (char !== '\\') {
      if (!CSS_SPACE.test(char)) words += char;
      at++;
      continue;
    }
    let end = at + 1;
    while (end < css.length && end - at <= MAX_ESCAPE_DIGITS && HEX_DIGIT.test(css[end]!)) end++;
    if (end === at + 1) {
      // Any other character escaped is itself (an escaped line break, nothing).
      if (end < css.length && !CSS_SPACE.test(css[end]!)) words += css[end];
      at = end + 1;
      continue;
    }
    const code = Number.parseInt(css.slice(at + 1, end), 16);
    words += code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    at = end;
  }
  return words.toLowerCase();
}

/**
 * A frame no reader of the page sees: sized 0, or WordPress's frame of an embedded post, which its page shows once
 * loaded in place of the link to the post beside it (`wp-embedded-content`, the link kept). One hidden by its
 * attributes never gets here: it is left out as any element so hidden is (see {@link hiddenByAttributes}).
 */
function hiddenFrame(attributes: Record<string, string>): boolean {
  const attribute = (name: string): string => (Object.hasOwn(attributes, name) ? (attributes[name] ?? '').trim() : '');
  if (attribute('width') === '0' || attribute('height') === '0') return true;
  return attribute('class').split(/\s+/).includes('wp-embedded-content');
}

/** What a sanitizing pass tells its caller (see {@link sanitizeHtmlFragment}). */
export interface SanitizeReport {
  /** The text of each frame written as a link (see {@link frameLink}). */
  frames: string[];
  /**
   * How many addresses that run script or carry a document (`javascript:`, `vbscript:`, `data:`) were left out of a link,
   * image, video, audio or frame: not a `data:` placeholder a lazy-loading attribute stood in for (the file is there).
   */
  unsafeUrls: number;
  /** How many style attributes that load a file or run script (see {@link ACTIVE_CSS}) were left out, in content left out too. */
  activeStyles: number;
}

/** Schemes of addresses that run script or carry a document of their own. */
const UNSAFE_SCHEMES: ReadonlySet<string> = new Set(['javascript:', 'vbscript:', 'data:']);

/** The scheme `raw` has once resolved against `baseUrl` (tabs, newlines and character references in it already gone), or `undefined`. */
function schemeOf(raw: string, baseUrl: string): string | undefined {
  try {
    return new URL(raw.trim(), baseUrl).protocol;
  } catch {
    return undefined;
  }
}

/**
 * Counts in `report` the unsafe addresses among `candidates` of an element's attributes: every script one, and a
 * `data:` one only when the element was given no file of another kind (`found`).
 */
function countUnsafe(attributes: Record<string, string>, candidates: readonly string[], baseUrl: string, found: boolean, report: SanitizeReport | undefined): void {
  if (!report) return;
  for (const attribute of candidates) {
    if (!Object.hasOwn(attributes, attribute)) continue;
    const scheme = schemeOf(attributes[attribute] ?? '', baseUrl);
    if (scheme !== undefined && UNSAFE_SCHEMES.has(scheme) && (scheme !== 'data:' || !found)) report.unsafeUrls++;
  }
}

/** Sees every element the parse opens and closes (implied closes included), e.g. to refuse HTML nested too deep; it may throw. */
export interface ElementWatcher {
  /** Called on every opened element. */
  open(): void;
  /** Called on every closed element. */
  close(): void;
}

/**
 * Sanitizes an HTML fragment (see the module comment); relative `href`/`src` become absolute against
 * `baseUrl`. `watcher` sees the elements of the same parse, so checks need no second one; `linkAddress`
 * may give a link another address, or leave it out with its text kept; `report` learns what was left out
 * or written otherwise (see {@link SanitizeReport}); `imageAddress` may read an image's file at another address.
 */
export function sanitizeHtmlFragment(
  html: string,
  baseUrl: string,
  watcher?: ElementWatcher,
  linkAddress?: LinkAddress,
  report?: SanitizeReport,
  imageAddress?: ImageAddress,
): string {
  let out = '';
  /**
   * The output before the last video or audio element opened, in pieces: one of them (its `slot`) its start tag or
   * nothing, another (its `contentSlot`) its end tag or nothing. Its fallback left out, the pieces from its slot go.
   */
  const parts: string[] = [];
  const open: OpenElement[] = [];
  /** The video and audio elements open, innermost last. */
  const media: OpenMedia[] = [];
  /** Depth inside a non-text tag (0: outside); nothing there is written. */
  let hiddenDepth = 0;
  /** Links written and not yet closed. */
  let openLinks = 0;
  /** Before the first content of the innermost open video or audio element is written: leaves a slot for its end tag there. */
  const contentStarts = (): void => {
    const inner = media.at(-1);
    if (inner === undefined || inner.contentSlot !== undefined) return;
    parts.push(out, '');
    out = '';
    inner.contentSlot = parts.length - 1;
  };
  /**
   * Before a control opens in `parent`: counts it, and at the first one leaves a slot its group's content begins at.
   * A video or audio element is no group: its sources are among its children, and its fallback is text for readers that play none.
   */
  const controlOpens = (parent: OpenElement | undefined): void => {
    if (parent === undefined || parent.media !== undefined) return;
    if (parent.controls !== undefined) {
      parent.controls.count++;
      return;
    }
    parts.push(out);
    out = '';
    parent.controls = { count: 1, slot: parts.length, frames: report?.frames.length ?? 0, prose: false };
  };
  /** At the end of a group of controls: the output is again what it was before its first control. */
  const groupEnds = (group: OpenControls): void => {
    out = parts[group.slot - 1]!;
    parts.length = group.slot - 1;
    if (report) report.frames.length = group.frames;
    // A video around it whose content began inside the group: that content is gone, its slot with it.
    const inner = media.at(-1);
    if (inner?.contentSlot !== undefined && inner.contentSlot >= group.slot) inner.contentSlot = undefined;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        watcher?.open();
        const figurePoster = open.at(-1)?.cardPoster;
        const cardPosterHere = name === 'video' && figurePoster !== undefined && !figurePoster.taken ? figurePoster.written : undefined;
        if (report && Object.hasOwn(attributes, 'style') && isActiveStyle(name, attributes, cardPosterHere)) report.activeStyles++;
        if (hiddenDepth > 0) {
          hiddenDepth++;
          return;
        }
        // What its author hid (`<p hidden>`, `style="display:none"`) a feed reader would show: it is left out with what it holds.
        if (hiddenByAttributes(attributes)) {
          open.push({ name, kept: false });
          hiddenDepth = 1;
          return;
        }
        if (CONTROL_TAGS.has(name)) controlOpens(open.at(-1));
        const kept = ALLOWED_TAGS.has(name);
        const element: OpenElement = { name, kept };
        // Each element knows the thumbnail of the innermost figure around it: no search up the open elements for a video.
        const written = name === 'figure' ? firstGiven(attributes, CARD_POSTER_ATTRIBUTES) : undefined;
        const cardPoster = written !== undefined ? { written, taken: false } : name === 'figure' ? undefined : figurePoster;
        if (cardPoster !== undefined) element.cardPoster = cardPoster;
        open.push(element);
        if (!kept) {
          if (name === 'iframe') {
            const link = frameLink(attributes, baseUrl, openLinks > 0, report);
            if (link) {
              contentStarts();
              out += link;
            }
          }
          if (NON_TEXT_TAGS.has(name)) hiddenDepth = 1;
          return;
        }
        const { text, source, leaveOut } = keptAttributes(name, attributes, baseUrl, linkAddress, report, imageAddress, cardPosterHere);
        if (cardPosterHere !== undefined) figurePoster!.taken = true;
        if (MEDIA_TAGS.has(name)) {
          // Whether a source child gives it a file, and whether its end tag ends it, is known at its end: its
          // start tag then fills a slot left for it, or stays out.
          contentStarts();
          parts.push(out, '');
          out = '';
          element.media = { tag: `<${name}${text}>`, slot: parts.length - 1, playable: source !== undefined, frames: report?.frames.length ?? 0 };
          media.push(element.media);
          return;
        }
        // A <source> gives a file to the video or audio element it is a child of; it gives nothing
        // anywhere else (in <picture> it needs srcset, which is not kept).
        const parent = name === 'source' ? open.at(-2)?.media : undefined;
        // An image or a source left without an http(s) file is not written (it is void: nothing comes before
        // its close). Cutting it off the output when it closed copied the output each time: quadratic.
        // A link left out is not written either; its text is.
        if ((LOADING_TAGS.has(name) && source === undefined) || (name === 'source' && !parent) || leaveOut) {
          element.kept = false;
          return;
        }
        if (parent) parent.playable = true;
        else contentStarts();
        if (name === 'a') openLinks++;
        out += `<${name}${text}${SELF_CLOSING.has(name) ? ' />' : '>'}`;
      },
      ontext(text) {
        if (hiddenDepth > 0) return;
        const controls = open.at(-1)?.controls;
        if ((media.length > 0 || controls?.prose === false) && /\S/.test(text)) {
          if (media.length > 0) contentStarts();
          if (controls !== undefined) controls.prose = true;
        }
        out += escapeText(text);
      },
      onclosetag(name, isImplied) {
        watcher?.close();
        if (hiddenDepth > 1) {
          hiddenDepth--;
          return;
        }
        hiddenDepth = 0;
        const element = open.at(-1);
        if (!element || element.name !== name) return;
        open.pop();
        if (element.controls !== undefined && element.controls.count >= CONTROL_GROUP_SIZE && !element.controls.prose) groupEnds(element.controls);
        if (!element.kept) return;
        if (name === 'a') openLinks--;
        const opened = element.media;
        if (opened) {
          media.pop();
          if (isImplied) {
            // No end tag of its own: no fallback. Written, it ends before what followed it, which stays.
            if (!opened.playable) return;
            parts[opened.slot] = opened.tag;
            if (opened.contentSlot === undefined) out += `</${name}>`;
            else parts[opened.contentSlot] = `</${name}>`;
            return;
          }
          if (report) report.frames.length = opened.frames;
          if (!opened.playable) {
            // Left out, with its fallback: the output is again what it was before its start tag.
            out = parts[opened.slot - 1]!;
            parts.length = opened.slot - 1;
            return;
          }
          parts[opened.slot] = opened.tag;
        }
        if (!SELF_CLOSING.has(name)) out += `</${name}>`;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  if (parts.length === 0) return out;
  parts.push(out);
  return parts.join('');
}
