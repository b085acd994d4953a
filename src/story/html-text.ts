import { collapseSpace } from '../white-space.js';
import { isVoidElement, Parser } from '../html/parser.js';
import { type HtmlDepthGuard, htmlDepthGuard } from '../seed/html-depth.js';

/** Elements whose contents are not text a reader sees. */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math']);

/** A style that hides its element: `display: none` or `visibility: hidden` among its declarations. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/**
 * Whether an element's attributes hide it, and what it holds, from readers of its page: the `hidden` attribute (but
 * `hidden="until-found"`, which the page shows when searched or linked to) or an inline style of `display: none` or
 * `visibility: hidden`. A feed reader drops both attributes and would show it: the author meant it unseen (an answer
 * before its reveal, words for search engines). `aria-hidden` hides nothing from the eye, and is no such attribute.
 */
export function hiddenByAttributes(attributes: Readonly<Record<string, string>>): boolean {
  if (Object.hasOwn(attributes, 'hidden') && (attributes.hidden ?? '').trim().toLowerCase() !== 'until-found') return true;
  return Object.hasOwn(attributes, 'style') && HIDDEN_STYLE.test(attributes.style ?? '');
}

/** The name of an attribute that can hide an element (see {@link hiddenByAttributes}), somewhere in a tag. */
const HIDING_ATTRIBUTE = /hidden|style/i;

/**
 * Whether an HTML start tag read alone (Markdown's inline HTML, `<span hidden>`) opens an element its author hid
 * (see {@link hiddenByAttributes}) that holds content: never a void or self-closed one, which holds none.
 */
export function opensHiddenElement(tag: string): boolean {
  // Only the `hidden` and `style` attributes hide an element, and a tag names its attributes as written: most tags
  // (`<br>`, `<a href>`, `<sup>`) are answered without a parser made for them.
  if (!HIDING_ATTRIBUTE.test(tag)) return false;
  let hides = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (!hides) hides = !isVoidElement(name) && !tag.trimEnd().endsWith('/>') && hiddenByAttributes(attributes);
    },
  });
  parser.end(tag);
  return hides;
}

/**
 * Follows the elements of one parse and tells whether what comes is inside one its author hid (see
 * {@link hiddenByAttributes}). The parse reports an end (an implied one too) for every element it opens.
 */
export interface HiddenByAttributes {
  /** Call on every start tag. */
  opens(attributes: Readonly<Record<string, string>>): void;
  /** Call on every close (implied ones too). */
  closes(): void;
  /** Whether the text and elements that come now are hidden. */
  readonly hiding: boolean;
}

/** A {@link HiddenByAttributes} for one parse: a count of open elements and the one the outermost hidden element opened at. */
export function hiddenElements(): HiddenByAttributes {
  let depth = 0;
  /** The depth of the outermost hidden element open, 0 for none. */
  let hiddenAt = 0;
  return {
    opens(attributes) {
      depth++;
      if (hiddenAt === 0 && hiddenByAttributes(attributes)) hiddenAt = depth;
    },
    closes() {
      if (depth === hiddenAt) hiddenAt = 0;
      if (depth > 0) depth--;
    },
    get hiding() {
      return hiddenAt > 0;
    },
  };
}

/**
 * Video and audio: what they hold between their start tag and their own end tag (but their `<source>` and
 * `<track>`) is fallback, for browsers that play no media; a page that plays them never shows it.
 */
export const MEDIA_ELEMENTS: ReadonlySet<string> = new Set(['video', 'audio']);

/**
 * Follows the video and audio elements of one parse and tells which of them hold fallback (see
 * {@link MEDIA_ELEMENTS}): those closed by their own end tag. One whose end tag is missing (closed by the
 * end of an element around it, or of the input) holds none: it was written as if it were void, as `<img>`
 * is, and what follows it is the article's, not left out with it. The sanitizer writes it so (see
 * `sanitize.ts`).
 */
export interface MediaFallback {
  /** Call on every start tag: `true` when it opens fallback. */
  opens(name: string): boolean;
  /** Call on every close (implied ones too): `true` when it ends fallback that `opens` began. */
  closes(name: string): boolean;
}

/** Whether HTML holds any text outside its tags (`<p></p>` holds none). One pass: a tag ends at the first `>`. */
export function showsText(html: string): boolean {
  let inTag = false;
  for (let at = 0; at < html.length; at++) {
    const char = html[at]!;
    if (inTag) inTag = char !== '>';
    else if (char === '<') inTag = true;
    else if (char.trim() !== '') return true;
  }
  return false;
}

/**
 * A {@link MediaFallback} for `html`, the fragment the caller then parses: one parse ahead of the caller's, to
 * learn which end tags are there, only when the fragment has a video or audio tag; its nesting is capped by `depth`.
 */
export function mediaFallback(html: string, depth: HtmlDepthGuard): MediaFallback {
  const ended: boolean[] = [];
  if (MEDIA_TAG.test(html)) {
    const open: number[] = [];
    const parser = new Parser(
      {
        onopentag(name) {
          depth.open();
          if (!MEDIA_ELEMENTS.has(name)) return;
          open.push(ended.length);
          ended.push(false);
        },
        onclosetag(name, isImplied) {
          depth.close();
          if (MEDIA_ELEMENTS.has(name)) ended[open.pop()!] = !isImplied;
        },
      },
      { decodeEntities: false, lowerCaseTags: true },
    );
    parser.end(html);
  }
  let next = 0;
  const hiding: boolean[] = [];
  return {
    opens(name) {
      if (!MEDIA_ELEMENTS.has(name)) return false;
      const hides = ended[next++] === true;
      hiding.push(hides);
      return hides;
    },
    closes(name) {
      return MEDIA_ELEMENTS.has(name) && hiding.pop() === true;
    },
  };
}

/**
 * The start tag of an image, a video, a sound, a media file's source or an embedded frame (a YouTube or Vimeo
 * player, a map): a body of only media may show one, which the story checks once the HTML is sanitized (see
 * `seed-to-story.ts`).
 */
export const MEDIA_START_TAG = /<(?:img|video|audio|source|iframe)\b/i;

/** A video or audio start tag, as the parser reads one (a cheap test before a parse for them). */
const MEDIA_TAG = /<(?:video|audio)/i;

/**
 * Visible text of an HTML fragment (script and style contents, media fallback and what its author hid dropped);
 * `E_TOO_DEEP` naming `file` when elements nest deeper than storyfeed reads.
 */
export function htmlText(html: string, file?: string): string {
  let out = '';
  let hidden = 0;
  const depth = htmlDepthGuard(file);
  const media = mediaFallback(html, htmlDepthGuard(file));
  const authorHid = hiddenElements();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth.open();
        authorHid.opens(attributes);
        if (HIDDEN_ELEMENTS.has(name) || media.opens(name)) hidden++;
        // A block boundary (a paragraph, a cell, a line break) separates words: "a<br>b" is "a b".
        else if (BLOCK_ELEMENTS.has(name)) out += ' ';
      },
      onclosetag(name) {
        depth.close();
        authorHid.closes();
        if ((HIDDEN_ELEMENTS.has(name) || media.closes(name)) && hidden > 0) hidden--;
        else if (BLOCK_ELEMENTS.has(name)) out += ' ';
      },
      ontext(data) {
        if (hidden === 0 && !authorHid.hiding) out += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return collapseSpace(out);
}

/** Elements that end a block of text: each starts a new paragraph of {@link htmlBlocks}. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'hr',
  'address',
  'details',
  'summary',
]);

/**
 * The visible text of an HTML fragment as its blocks (paragraphs, list items, headings, …), each with
 * white space collapsed; script and style contents, media fallback and what its author hid dropped. Depth-capped like {@link htmlText}.
 */
export function htmlBlocks(html: string, file?: string): string[] {
  const blocks: string[] = [];
  let current = '';
  let hidden = 0;
  const depth = htmlDepthGuard(file);
  const media = mediaFallback(html, htmlDepthGuard(file));
  const authorHid = hiddenElements();
  const flush = (): void => {
    const text = collapseSpace(current);
    if (text) blocks.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth.open();
        authorHid.opens(attributes);
        if (HIDDEN_ELEMENTS.has(name) || media.opens(name)) hidden++;
        // A block inside hidden content splits no text: what is on either side of a player stays one paragraph.
        else if (hidden === 0 && BLOCK_ELEMENTS.has(name)) flush();
      },
      onclosetag(name) {
        depth.close();
        authorHid.closes();
        if ((HIDDEN_ELEMENTS.has(name) || media.closes(name)) && hidden > 0) hidden--;
        else if (hidden === 0 && BLOCK_ELEMENTS.has(name)) flush();
      },
      ontext(data) {
        if (hidden === 0 && !authorHid.hiding) current += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}
