import { StoryfeedError } from '../errors.js';
import { escapeHtml, startTagHtml } from '../escape-html.js';
import { isVoidElement, Parser } from '../html/parser.js';
import { fileTypeOf } from '../item/other-libraries.js';
import { showsText } from '../story/html-text.js';
import { feedHref } from './http-url.js';

/**
 * Substack's export of a publication (Settings → Exports): `posts.csv`, one row of metadata per post
 * (`post_id`, `post_date`, `is_published`, `type`, `audience`, `title`, `subtitle`, …), and
 * `posts/<post_id>.html`, each post's body as HTML, its `post_id` its number and slug (`148210.leaving-the-feed`).
 * A build reads such a folder's posts as seeds: each body with its row, as a JSON seed with `contentHtml`.
 */

/** One post's row of `posts.csv`. */
export interface SubstackPost {
  /** `post_id`: the post's number and slug, the name of its HTML file without `.html`. */
  id: string;
  /** `post_date`, as written (empty for a draft never published). */
  date: string;
  /** `is_published`. */
  published: boolean;
  /** `type`: `newsletter`, `podcast`, `thread`, `page`, … */
  type: string;
  /** `audience`: `everyone`, `only_free`, `only_paid`, `founding`. */
  audience: string;
  title: string;
  subtitle: string;
  /** `podcast_url`: a podcast post's audio file (empty for other posts). */
  podcastUrl: string;
  /** The row's line in `posts.csv` (1-based), for messages. */
  line: number;
}

/** Audiences whose posts every reader of the publication may read: the only ones a public feed publishes. */
const PUBLIC_AUDIENCES = new Set(['everyone', 'only_free', '']);

/** Post types that are articles (a `thread` is a discussion, a `page` the publication's About or similar). */
const ARTICLE_TYPES = new Set(['newsletter', 'podcast', 'video', '']);

/**
 * Why a post is not published in public feeds, or `undefined` when it is: it is for paid subscribers only
 * (`paid`), or no article (a thread, a page).
 */
export function substackLeftOut(post: SubstackPost): { paid: boolean; reason: string } | undefined {
  if (!PUBLIC_AUDIENCES.has(post.audience)) return { paid: true, reason: `it is for paid subscribers only (audience "${post.audience}"), and feeds are public` };
  if (!ARTICLE_TYPES.has(post.type)) return { paid: false, reason: `it is a Substack ${post.type}, not an article` };
  return undefined;
}

/**
 * The rows of CSV text (RFC 4180: fields separated by commas, rows by CRLF or LF, a field in double quotes
 * may hold commas, line breaks and doubled quotes), each with the line it starts on. One pass over the text.
 */
export function parseCsv(text: string): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let fieldStart = true;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.length > 1 || fields[0] !== '') rows.push({ fields, line: rowLine });
      fields = [];
      field = '';
      fieldStart = true;
      line++;
      rowLine = line;
    } else {
      field += c;
      fieldStart = false;
    }
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ fields, line: rowLine });
  }
  return rows;
}

/** The columns of `posts.csv` a post is read from; `post_id` and `title` are required. */
const COLUMNS = ['post_id', 'post_date', 'is_published', 'type', 'audience', 'title', 'subtitle', 'podcast_url'] as const;

/**
 * The posts of a Substack export's `posts.csv`, by `post_id`; `undefined` when its first line names no `post_id`
 * column (a table of something else, beside a `posts` folder of another site's pages). `E_FIELD` naming the file and
 * line when it has no `title` column, or a row has another number of fields than the header.
 */
export function readSubstackPosts(csv: string, file: string): Map<string, SubstackPost> | undefined {
  const rows = parseCsv(csv);
  const header = rows[0]?.fields.map((name) => name.trim().toLowerCase()) ?? [];
  const at = Object.fromEntries(COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<(typeof COLUMNS)[number], number>;
  if (at.post_id < 0) return undefined;
  if (at.title < 0) throw new StoryfeedError('E_FIELD', "Substack's posts.csv has no `title` column (its first line names the columns)", { file, line: 1 });
  const posts = new Map<string, SubstackPost>();
  for (const { fields, line } of rows.slice(1)) {
    if (fields.length !== header.length)
      throw new StoryfeedError('E_FIELD', `this row has ${fields.length} fields where the first line names ${header.length} columns`, { file, line });
    const value = (name: (typeof COLUMNS)[number]): string => (at[name] < 0 ? '' : fields[at[name]]!.trim());
    const id = value('post_id');
    if (id === '') continue;
    posts.set(id, {
      id,
      date: value('post_date'),
      published: value('is_published').toLowerCase() === 'true',
      type: value('type').toLowerCase(),
      audience: value('audience').toLowerCase(),
      title: value('title'),
      subtitle: value('subtitle'),
      podcastUrl: value('podcast_url'),
      line,
    });
  }
  return posts;
}

/**
 * The JSON seed of a post: its row's title, subtitle (the summary), date and publication (a post not
 * published is a draft), its slug from its `post_id`, a podcast post's audio file (`podcast_url`) as its
 * enclosure, and its body's HTML without Substack's calls to subscribe and share (see
 * {@link withoutSubstackChrome}). `unread` hears of what the row gives that the story cannot carry.
 */
export function substackSeedText(post: SubstackPost, html: string, unread?: (message: string) => void): string {
  const slug = post.id.replace(/^\d+\./, '');
  const audio = podcastEnclosure(post, unread);
  const body = withoutSubstackChrome(html);
  return JSON.stringify({
    title: post.title,
    ...(post.subtitle ? { summary: post.subtitle } : {}),
    ...(post.date ? { date: post.date } : {}),
    ...(post.published ? {} : { draft: true }),
    ...(slug ? { slug } : {}),
    ...(audio ? { enclosures: [audio] } : {}),
    // An episode without show notes is its audio: its player is its body, where it would otherwise have none.
    contentHtml: audio && !showsText(body) ? `<p><audio controls src="${escapeHtml(audio.url)}"></audio></p>` : body,
  });
}

/**
 * A podcast post's audio file as an enclosure: `podcast_url` when it is an http(s) address, without a user name or
 * password, of an audio or video file whose type its extension names (Substack's are MP3s,
 * `…/feed/podcast/<id>/<hash>.mp3`). Its length is not in the export: the feed then says 0, as RSS asks of a length
 * not known. Any other address is named (by the post's id: its line in posts.csv may change) and left out.
 */
function podcastEnclosure(post: SubstackPost, unread: ((message: string) => void) | undefined): { url: string; type: string } | undefined {
  if (post.podcastUrl === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(post.podcastUrl);
  } catch {
    url = undefined;
  }
  const type = url && /^https?:$/.test(url.protocol) && !url.username && !url.password ? fileTypeOf(url.href) : undefined;
  if (type !== undefined && /^(?:audio|video)\//.test(type)) return { url: feedHref(url!), type };
  unread?.(
    `the podcast_url of post ${post.id} in posts.csv, ${JSON.stringify(post.podcastUrl.slice(0, 200))}, is no http(s) address (without a user name or password) of an audio or video file whose type its name tells (.mp3, .m4a, …): the episode is published without its audio`,
  );
  return undefined;
}

/**
 * Substack's blocks around a post that are no part of it: the subscribe form and its caption
 * (`subscription-widget…`) and the paywall's marker (`paywall-jump`).
 */
const CHROME_CLASS = /^(?:subscription-widget\S*|paywall-jump)$/;

/**
 * Substack's buttons (`button-wrapper`, `captioned-button-wrap`), which are chrome only when they ask the reader
 * to subscribe, share or comment: an author's own button (tickets, a book, the archive) is a link of the post.
 */
const BUTTON_CLASS = /^(?:button-wrapper|captioned-button-wrap)$/;

/** The address of a button that asks to subscribe, share or comment, as Substack writes them. */
const CHROME_ACTION = /\/subscribe(?:[/?#]|$)|[?&](?:action=share|utm_content=share)\b|\/comments(?:[/?#]|$)|\/share(?:[/?#]|$)/;

/** Whether an element is one of Substack's blocks around a post (see {@link CHROME_CLASS} and {@link BUTTON_CLASS}). */
function isChrome(attributes: Record<string, string>): boolean {
  const classes = (attributes.class ?? '').split(/\s+/);
  if (classes.some((token) => CHROME_CLASS.test(token))) return true;
  if (!classes.some((token) => BUTTON_CLASS.test(token))) return false;
  // A button's address is in its settings (`data-attrs`, JSON): `{"url": "…/subscribe?", "text": "Subscribe now"}`.
  let url: unknown;
  try {
    url = (JSON.parse(attributes['data-attrs'] ?? '') as { url?: unknown }).url;
  } catch {
    url = undefined;
  }
  return typeof url === 'string' && CHROME_ACTION.test(url);
}

/** The HTML without Substack's calls to subscribe, share and comment (see {@link isChrome}), written again element by element. One pass. */
export function withoutSubstackChrome(html: string): string {
  if (!/subscription-widget|button-wrapper|captioned-button-wrap|paywall-jump/.test(html)) return html;
  const out: string[] = [];
  /** Depth of open elements inside a removed block (0 outside one). */
  let skipping = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (skipping > 0) {
        if (!isVoidElement(name)) skipping++;
        return;
      }
      if (isChrome(attributes)) {
        if (!isVoidElement(name)) skipping = 1;
        return;
      }
      out.push(startTagHtml(name, attributes));
    },
    onclosetag(name) {
      // A void element's end is implied by its start: it opened nothing to close.
      if (isVoidElement(name)) return;
      if (skipping > 0) skipping--;
      else out.push(`</${name}>`);
    },
    ontext(text) {
      if (skipping === 0) out.push(escapeHtml(text));
    },
  });
  parser.write(html);
  parser.end();
  return out.join('');
}
