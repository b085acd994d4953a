import { StoryfeedError } from '../errors.js';
import { escapeHtml, startTagHtml } from '../escape-html.js';
import { isVoidElement, Parser } from '../html/parser.js';
import { slugify } from '../story/slug.js';

/**
 * Medium's export of an account (Settings → Download your information, unzipped): its `posts` folder holds each
 * post as a whole HTML page, named by its date, title and id (`2016-03-25_Being-a-Better-Lifehacker-ece7c6688e68.html`;
 * a draft `draft_Title-ad0ea1c7a4f3.html`), marked up with microformats: an `h-entry` article whose header holds the
 * title (`p-name`), a section the subtitle (`data-field="subtitle"`) and a section the body (`data-field="body"`),
 * and whose footer gives the author (`p-author`) and the date (`dt-published`). A build reads each such page as the
 * JSON seed {@link mediumSeedText} makes of it.
 */

/** A post's file in Medium's export: its date (or `draft`), `_`, its title's words joined by `-`, `-`, its hex id. */
const MEDIUM_POST_NAME = /^(?:(\d{4}-\d{2}-\d{2})|draft)_(.+)-([0-9a-f]{6,16})\.html$/i;

/** Whether a file's name is a post's in Medium's export (see {@link MEDIUM_POST_NAME}). */
export function isMediumPostName(name: string): boolean {
  return MEDIUM_POST_NAME.test(name);
}

/**
 * The slug a post of Medium's export takes from its file's name: its title's words (`leaving-the-timeline`), or
 * with `keepId` its id too (`leaving-the-timeline-ece7c6688e68`, as Medium's own address), for a post whose title
 * another post or seed shares; `undefined` for a name that is none of Medium's.
 */
export function mediumSlugOf(name: string, keepId = false): string | undefined {
  const named = MEDIUM_POST_NAME.exec(name);
  if (named === null) return undefined;
  return slugify(keepId ? `${named[2]}-${named[3]}` : named[2]!) || undefined;
}

/**
 * The body's blocks that are no part of the article: the title and subtitle written again as its first lines
 * (`graf--title`, `graf--subtitle`), the rules Medium opens each section with (`section-divider`), and the
 * thumbnail of a link card (`mixtapeImage`, an empty link styled with the picture).
 */
const LEFT_OUT_CLASS = /^(?:graf--title|graf--subtitle|section-divider|mixtapeImage)$/;

/** What a Medium post's page gives. */
interface MediumPage {
  title: string;
  subtitle: string;
  author: string;
  /** `dt-published`'s `datetime`, or `''` (a draft has none). */
  date: string;
  /** The body's HTML, without what {@link LEFT_OUT_CLASS} names. */
  body: string;
  /** Whether the page is an `h-entry` article with a body section. */
  isPost: boolean;
}

/** Whether an element's `class` holds a token `test` takes. */
function hasClass(attributes: Record<string, string>, test: (token: string) => boolean): boolean {
  return (attributes.class ?? '').split(/\s+/).some(test);
}

/** Reads a Medium post's page in one pass: its metadata's text and its body's HTML, written again element by element. */
function readMediumPage(html: string): MediumPage {
  const page: MediumPage = { title: '', subtitle: '', author: '', date: '', body: '', isPost: false };
  const body: string[] = [];
  let inArticle = false;
  /** Open elements from the article in, each with what its end ends. */
  const open: ('article' | 'title' | 'subtitle' | 'author' | 'body' | 'skip' | 'inBody' | undefined)[] = [];
  let capture: 'title' | 'subtitle' | 'author' | undefined;
  let inBody = 0;
  let skipping = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (isVoidElement(name)) {
        // Void: no end comes to close it (the parser's report of its end is passed over below).
        if (inBody > 0 && skipping === 0 && !hasClass(attributes, (t) => LEFT_OUT_CLASS.test(t))) body.push(startTagHtml(name, attributes));
        return;
      }
      let role: (typeof open)[number];
      if (skipping > 0) {
        skipping++;
        role = 'skip';
      } else if (inBody > 0) {
        if (hasClass(attributes, (t) => LEFT_OUT_CLASS.test(t))) {
          skipping = 1;
          role = 'skip';
        } else {
          body.push(startTagHtml(name, attributes));
          inBody++;
          role = 'inBody';
        }
      } else if (!inArticle) {
        if (name === 'article' && hasClass(attributes, (t) => t === 'h-entry')) {
          inArticle = true;
          role = 'article';
        }
      } else if (name === 'section' && attributes['data-field'] === 'body') {
        page.isPost = true;
        inBody = 1;
        role = 'body';
      } else if (name === 'section' && attributes['data-field'] === 'subtitle') {
        capture = 'subtitle';
        role = 'subtitle';
      } else if (hasClass(attributes, (t) => t === 'p-name') && page.title === '') {
        capture = 'title';
        role = 'title';
      } else if (hasClass(attributes, (t) => t === 'p-author') && page.author === '') {
        capture = 'author';
        role = 'author';
      } else if (name === 'time' && hasClass(attributes, (t) => t === 'dt-published')) page.date ||= attributes.datetime ?? '';
      open.push(role);
    },
    onclosetag(name) {
      if (isVoidElement(name)) return;
      const role = open.pop();
      if (role === 'skip') skipping--;
      else if (role === 'inBody') {
        inBody--;
        body.push(`</${name}>`);
      } else if (role === 'body') inBody = 0;
      else if (role === 'title' || role === 'subtitle' || role === 'author') capture = undefined;
      else if (role === 'article') inArticle = false;
    },
    ontext(text) {
      if (skipping > 0) return;
      if (inBody > 0) body.push(escapeHtml(text));
      else if (capture !== undefined) page[capture] += text;
    },
  });
  parser.write(html);
  parser.end();
  page.body = body.join('');
  return page;
}

/** Text as one line: runs of white space one space, none at the ends. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The JSON seed of a post of Medium's export (`name` its file's name): its title (its name's words where the page
 * gives none), subtitle (the summary), author, date (`dt-published`, else the date its name begins with), slug (see
 * {@link mediumSlugOf}) and body without what {@link LEFT_OUT_CLASS} names; a draft (`draft_…`) is a draft.
 * `E_NOT_A_SEED` when the page is no Medium post (no `h-entry` article with a body section).
 */
export function mediumSeedText(html: string, name: string, keepId = false): string {
  const named = MEDIUM_POST_NAME.exec(name);
  const page = readMediumPage(html);
  if (!page.isPost || named === null)
    throw new StoryfeedError('E_NOT_A_SEED', "an HTML page named as a post of Medium's export, but it holds no Medium post (an h-entry article with a body section)");
  const title = oneLine(page.title) || oneLine(named[2]!.replace(/-+/g, ' '));
  const subtitle = oneLine(page.subtitle);
  const author = oneLine(page.author);
  const date = page.date.trim() || named[1];
  const slug = mediumSlugOf(name, keepId);
  return JSON.stringify({
    title,
    ...(subtitle && subtitle !== title ? { summary: subtitle } : {}),
    ...(author ? { author } : {}),
    ...(date ? { date } : {}),
    ...(named[1] === undefined ? { draft: true } : {}),
    ...(slug ? { slug } : {}),
    contentHtml: page.body,
  });
}
