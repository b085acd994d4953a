import { describeValue, StoryfeedError } from '../errors.js';
import { filled } from '../item/fields.js';
import { GHOST_URL, ghostAuthor, ghostTags, isGhostPage, isGhostPost, withPage } from '../item/ghost-post.js';
import { readWordPressPost, wordPressUtc } from '../item/wordpress-post.js';
import { htmlText } from '../story/html-text.js';
import { isObject } from '../story/check-options.js';
import { publishedId } from '../story/item-id.js';
import { type SeedMeta, splitFrontMatter } from './front-matter.js';
import { ghostVisitorHtml } from './ghost-visitor-html.js';
import { parseHttpUrl } from './http-url.js';

/**
 * A post as a CMS's API gives it for one post, dropped into the seeds folder as it came, read as a JSON
 * seed: its fields under storyfeed's names, for {@link readMeta}, and its body under one of the JSON
 * seed's body names. Only JSON without a body of storyfeed's own (`sections`, `body`, `markdown`,
 * `contentHtml`) is read so: a seed of storyfeed's shape is read as it always was. The post's own fields
 * that storyfeed has no place for (a CMS's numbers, comment settings, links to its API) are not read,
 * and not named: they are the API's, not misspelt fields of storyfeed's.
 */
export interface ApiPost {
  /** The post's fields under storyfeed's names, and its body as `contentHtml` or `markdown`. */
  fields: Record<string, unknown>;
  /** Where each of {@link fields} is in the JSON (`date` is `date_gmt`), for problems naming it. */
  paths: Record<string, string>;
  /** The fields the post gives under the API's names, which a sidecar's own field overrides (as another generator's name does). */
  otherNames: (keyof SeedMeta)[];
  /** Where the post's text would be, and what is asked of it, when the post gives none. */
  noBody?: { path: string; detail: string };
  /**
   * Why a post the CMS published is no story of a feed (Ghost's page, an About or Contact page), for a `W_DRAFT`
   * warning: the field that says so, its value and what it means. The post is a draft in {@link fields}.
   */
  leftOut?: string;
  /** Set when the post is left out because its text is not public (for members only, behind a password): nothing publishes it. */
  withheld?: true;
}

/** The names of a JSON seed's body, storyfeed's own. */
export const BODY_FIELDS = ['sections', 'body', 'markdown', 'contentHtml'];

/**
 * The post the JSON object `value` is as a CMS's API gives it (see {@link ApiPost}), or `undefined` when it is none;
 * `siteUrl`, the site's address, stands for Ghost's `__GHOST_URL__` (see {@link ghostPost}).
 */
export function readApiPost(value: Record<string, unknown>, file: string | undefined, siteUrl?: string): ApiPost | undefined {
  if (BODY_FIELDS.some((key) => Object.hasOwn(value, key))) return undefined;
  // Ghost answers for one post with a list of it: `{ "posts": [ { … } ] }`.
  const posts = value.posts;
  if (!Object.hasOwn(value, 'title') && Array.isArray(posts) && posts.length === 1 && isGhostPost(posts[0])) return ghostPost(posts[0], file, siteUrl, 'posts[0].');
  return wordPressPost(value, file) ?? (isGhostPost(value) ? ghostPost(value, file, siteUrl) : isDevArticle(value) ? devArticle(value, file) : undefined);
}

/** The fields of an {@link ApiPost} as they are set, each with the path it is read from (within `prefix`: `posts[0].`). */
class PostFields {
  readonly post: ApiPost = { fields: {}, paths: {}, otherNames: [] };
  constructor(
    private readonly file: string | undefined,
    private readonly prefix = '',
  ) {}
  /** Sets storyfeed's field `key` to `value`, read from `path`, when it says something (not null, not only white space); a problem with the field names `path` either way. */
  set(key: string, value: unknown, path: string): void {
    this.post.paths[key] = `${this.prefix}${path}`;
    if (!filled(value)) return;
    this.post.fields[key] = value;
    if (path !== key && key !== 'contentHtml' && key !== 'markdown') this.post.otherNames.push(key as keyof SeedMeta);
  }
  /** Sets `key` from the first of the post's fields `names` that says something (through `read`, given the value and its name). */
  first(key: string, post: Record<string, unknown>, names: readonly string[], read: (value: unknown, name: string) => unknown = (value) => value): void {
    const name = names.find((n) => filled(post[n])) ?? names[0]!;
    this.set(key, read(post[name], name), name);
  }
  /** Sets the story's URL from the first of the post's addresses `names` it gives: an absolute http(s) URL, or a problem naming it. */
  address(post: Record<string, unknown>, names: readonly string[]): void {
    this.first('url', post, names, (value, name) => {
      if (!filled(value) || (typeof value === 'string' && parseHttpUrl(value.trim()).ok)) return typeof value === 'string' ? value.trim() : value;
      throw new StoryfeedError('E_FIELD', `$.${this.prefix}${name}: expected the post's address, an absolute http(s) URL, found ${describeValue(value)}`, { file: this.file });
    });
  }
  /** Makes the post a draft because its field `path`, holding `value`, says it is no post of a feed, as `why` says (see {@link ApiPost.leftOut}). */
  leaveOut(path: string, value: unknown, why: string): void {
    this.set('draft', true, path);
    this.post.leftOut = `$.${this.prefix}${path} is ${JSON.stringify(value)}: ${why}`;
  }
  /** {@link leaveOut} for a post whose text is not public: a sidecar's `draft: false` does not publish it (see {@link ApiPost.withheld}). */
  withhold(path: string, value: unknown, why: string): void {
    this.leaveOut(path, value, why);
    this.post.withheld = true;
  }
  /** Names where the post's text would be (`path`), and what is asked of it, when it gives none. */
  noBody(path: string, detail: string): void {
    const { contentHtml, markdown } = this.post.fields;
    if (typeof contentHtml !== 'string' && typeof markdown !== 'string') this.post.noBody = { path: `${this.prefix}${path}`, detail };
  }
}

/**
 * A post from the WordPress REST API (`/wp-json/wp/v2/posts/42`, `?_embed` for its authors, terms and featured
 * image), read as {@link readWordPressPost} reads it for a plain item: the title's text, the content, the
 * excerpt's text as the summary, `date_gmt` and `modified_gmt` as the dates (UTC; without them `date` and
 * `modified`, the site's local time, read in the config's `timeZone`), the embedded authors and the names of
 * its terms (categories, tags) as its tags, the featured image, `link` as its URL and the guid as its id (as
 * WordPress's own feed has it); a `status` other than `publish` makes it a draft, and so do `type: "page"` (one of
 * the site's pages, which WordPress's feeds leave out) and `content.protected` (a password, which the REST API gives
 * the text of to whoever may edit the post), each named in a warning.
 */
function wordPressPost(value: Record<string, unknown>, file: string | undefined): ApiPost | undefined {
  const parts = readWordPressPost(value, '$', file);
  if (parts === undefined) return undefined;
  const out = new PostFields(file);
  out.set('title', parts.title, 'title.rendered');
  out.set('contentHtml', parts.contentHtml, 'content.rendered');
  if (parts.excerptHtml !== undefined) out.set('summary', htmlText(parts.excerptHtml, file), 'excerpt.rendered');
  // The GMT times are UTC without a zone; the others the site's local time.
  const time = (time: unknown, name: string): unknown => (name.endsWith('_gmt') ? wordPressUtc(time) : time);
  out.first('date', value, ['date_gmt', 'date'], time);
  out.first('updated', value, ['modified_gmt', 'modified'], time);
  if (parts.authors.length > 0)
    out.set(
      'authors',
      parts.authors.map((a) => withPage(a.name, a.link)),
      '_embedded.author',
    );
  if (parts.terms.length > 0) out.set('tags', parts.terms, '_embedded["wp:term"]');
  out.set('image', parts.featuredImage, '_embedded["wp:featuredmedia"][0].source_url');
  out.address(value, ['link']);
  // The guid WordPress gives every post when it is written, and never changes: the id its own feed publishes.
  if (parts.guid !== undefined && publishedId(parts.guid.trim()).kind === 'ok') out.set('id', parts.guid.trim(), 'guid.rendered');
  // WordPress writes a slug in another script percent-encoded (`%d0%bf%d1%80…`): it is the text it stands for.
  if (typeof value.slug === 'string') out.set('slug', percentDecoded(value.slug), 'slug');
  if (parts.unpublished) out.set('draft', true, 'status');
  // A page (`/wp-json/wp/v2/pages/2`: About, Contact) has a post's shape, and WordPress's feeds leave it out.
  if (value.type === 'page') out.leaveOut('type', value.type, sitePage('WordPress'));
  // A post behind a password, saved by whoever may edit it, holds its text: WordPress's feeds never show it.
  else if (parts.passwordProtected) out.withhold('content.protected', true, "the post is password-protected, and WordPress's feeds never show its text");
  out.noBody(
    'content.rendered',
    parts.contentHtml === undefined
      ? "required: the post's HTML, as the REST API gives it in `content`"
      : "holds no text (WordPress gives a password-protected post's content only with its password)",
  );
  return out.post;
}

/** A Ghost post's and a DEV article's addresses, in the order they are read: the original's (a post first published elsewhere), then its own. */
const ADDRESSES = ['canonical_url', 'url'];

/**
 * A post from Ghost's Content or Admin API (`/ghost/api/content/posts/{id}/?include=tags,authors`, alone or in
 * the `{ "posts": [ … ] }` Ghost answers with): `html` as the body, `custom_excerpt` as the summary (Ghost's own
 * `excerpt`, without one the text's first few hundred characters cut anywhere, is not: the story's summary is made
 * from the text, as for any seed), `published_at` and `updated_at` as the dates, its authors' names (else its
 * primary author's), its tags' names but for Ghost's internal tags (named `#…`, which readers never see),
 * `feature_image` as the image, and `canonical_url` (the original, for a post first published elsewhere), else `url`,
 * as the URL; a `status` other than `published` (`draft`, `scheduled`, `sent`: a newsletter only) makes it a draft,
 * and so does `type: "page"` (before Ghost 2, `page: true`): one of the site's pages (About, Contact), which Ghost
 * keeps in the shape and the table of its posts and leaves out of its feeds, named in a warning. The body is what
 * the post shows a visitor (see `ghost-visitor-html.ts`): of a post for members, the part before its paywall card;
 * one with none is a draft too, named in a warning; blocks shown only to members are left out. Its `id` is
 * Ghost's own: the story's id follows its URL. In a post from Ghost's export (Settings → Export, each of
 * `db[0].data.posts`), the site's own addresses start with `__GHOST_URL__` (`__GHOST_URL__/content/images/a.jpg`),
 * which Ghost fills with its site's address wherever it stands: so does storyfeed with `siteUrl` (without one,
 * the address is a path from the site's root).
 */
function ghostPost(value: Record<string, unknown>, file: string | undefined, siteUrl: string | undefined, prefix = ''): ApiPost {
  const out = new PostFields(file, prefix);
  const siteBase = (siteUrl ?? '').replace(/\/+$/, '');
  const siteAddresses = (text: string): string => text.replaceAll(GHOST_URL, siteBase);
  const withSiteUrl = (text: unknown): unknown => (typeof text === 'string' ? siteAddresses(text) : text);
  out.set('title', value.title, 'title');
  if (typeof value.html === 'string') {
    const html = siteAddresses(value.html);
    const shown = ghostVisitorHtml(html, value.visibility);
    // A post for members with nothing a visitor sees is kept whole, for a draft: it is never published so.
    out.set('contentHtml', shown ?? html, 'html');
    if (shown === undefined) out.withhold('visibility', value.visibility, GHOST_MEMBERS_ONLY);
  }
  out.set('summary', value.custom_excerpt, 'custom_excerpt');
  out.set('date', value.published_at, 'published_at');
  out.set('updated', value.updated_at, 'updated_at');
  if (Array.isArray(value.authors) && value.authors.length > 0) out.set('authors', value.authors.map(ghostAuthor), 'authors');
  else if (filled(value.primary_author)) out.set('authors', ghostAuthor(value.primary_author), 'primary_author');
  if (Array.isArray(value.tags)) out.set('tags', ghostTags(value.tags), 'tags');
  else out.set('tags', value.tags, 'tags');
  out.set('image', withSiteUrl(value.feature_image), 'feature_image');
  out.address({ canonical_url: withSiteUrl(value.canonical_url), url: withSiteUrl(value.url) }, ADDRESSES);
  out.set('slug', value.slug, 'slug');
  if (typeof value.status === 'string' && value.status !== 'published') out.set('draft', true, 'status');
  if (isGhostPage(value)) {
    const field = value.type === 'page' ? 'type' : 'page';
    out.leaveOut(field, value[field], sitePage('Ghost'));
  }
  out.noBody(
    'html',
    out.post.leftOut === undefined || typeof value.html !== 'string'
      ? "required: the post's HTML, which Ghost's Admin API gives only when asked for it (`?formats=html`)"
      : `holds no text: the post is ${GHOST_MEMBERS_ONLY}`,
  );
  return out.post;
}

/** What Ghost's export of a site (Settings → Export) holds of its posts: where they are, and how many of each kind. */
export interface GhostExport {
  /** Where the posts are in the JSON: `db[0].data.posts`, or `data.posts` in an export without Ghost's `db` around it. */
  path: string;
  /** How many of them are posts (not pages). */
  posts: number;
  /** How many of those posts Ghost published (`status: "published"`). */
  published: number;
  /** The site's pages (About, Contact). */
  pages: number;
}

/**
 * Ghost's export of a whole site (`{"db": [{"meta": {…}, "data": {"posts": […], "tags": […], …}}]}`, or the same without
 * `db` around it, as Ghost's importer takes both), counted (see {@link GhostExport}); `undefined` for any other JSON.
 */
export function ghostExport(value: unknown): GhostExport | undefined {
  const wrapped = isObject(value) && Array.isArray(value.db) && value.db.length > 0;
  const site = wrapped ? (value.db as unknown[])[0] : value;
  if (!isObject(site) || !isObject(site.meta) || !isObject(site.data) || !Array.isArray(site.data.posts)) return undefined;
  const found: GhostExport = { path: wrapped ? 'db[0].data.posts' : 'data.posts', posts: 0, published: 0, pages: 0 };
  for (const post of site.data.posts) {
    if (!isObject(post)) continue;
    if (isGhostPage(post)) found.pages++;
    else {
      found.posts++;
      if (post.status === 'published') found.published++;
    }
  }
  return found;
}

/** What a post for members that shows a visitor no text is, for the warning that leaves one out. */
const GHOST_MEMBERS_ONLY = "for members only, with no public part before a paywall card, and Ghost's feeds show a visitor none of its text";

/** What a page of a site made with `cms` is, for the warning that leaves one out. */
function sitePage(cms: string): string {
  return `one of the site's pages (an About or Contact page), not a post, and ${cms}'s feeds hold posts only`;
}

/** `text` with its percent-escapes decoded, or as it is when they do not stand for UTF-8 text. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether `value` is an article as DEV's (Forem's) API gives it, by itself or as a list's entry (without its text): its `type_of` an article, and its user. */
function isDevArticle(value: Record<string, unknown>): boolean {
  // What DEV's API gives with every article (a list's entries too): its type and its author.
  return value.type_of === 'article' && isObject(value.user);
}

/**
 * An article from DEV's (Forem's) API (`/api/articles/{id}`, `/api/articles/me/all`): `body_markdown` as the
 * body (without the front matter an article written with it keeps there; its fields are the article's own),
 * else `body_html`, `description` as the summary, `published_at` and `edited_at` as the dates, its user as the
 * author, `tag_list` (a list, or names and commas as one article gives it) as its tags, `cover_image` as the
 * image, and `canonical_url` (the original, for an article first published elsewhere), else `url`, as the URL;
 * `published: false` makes it a draft. Its number `id` is DEV's own: the story's id follows its URL.
 */
function devArticle(value: Record<string, unknown>, file: string | undefined): ApiPost {
  const out = new PostFields(file);
  out.set('title', value.title, 'title');
  if (typeof value.body_markdown === 'string') out.set('markdown', withoutFrontMatter(value.body_markdown, file), 'body_markdown');
  if (out.post.fields.markdown === undefined && typeof value.body_html === 'string') out.set('contentHtml', value.body_html, 'body_html');
  out.set('summary', value.description, 'description');
  out.set('date', value.published_at, 'published_at');
  out.set('updated', value.edited_at, 'edited_at');
  out.set('authors', devAuthor(value.user), 'user');
  // One article gives `tag_list` as names and commas and `tags` as a list, a list of articles the other way round.
  out.first('tags', value, ['tag_list', 'tags']);
  out.set('image', value.cover_image, 'cover_image');
  out.address(value, ADDRESSES);
  out.set('slug', value.slug, 'slug');
  if (value.published === false) out.set('draft', true, 'published');
  out.noBody('body_markdown', "required: the article's Markdown (or `body_html`), which DEV gives for an article fetched by itself (`/api/articles/{id}`), not in a list");
  return out.post;
}

/** DEV's user (`{ name, username, website_url, … }`) as the article's author: the name, else the user name, and the user's website. */
function devAuthor(user: unknown): unknown {
  if (!isObject(user)) return user;
  const { name, username, website_url } = user;
  const shown = typeof name === 'string' && name.trim() !== '' ? name : username;
  return typeof shown === 'string' ? withPage(shown, website_url) : undefined;
}

/** DEV's Markdown without the front matter an article written with it keeps at its start (`---` lines around `title: …`); as it is without one, or with one never closed. */
function withoutFrontMatter(markdown: string, file: string | undefined): string {
  const text = markdown.replace(/\r\n?/g, '\n');
  if (!/^---[ \t]*\n/.test(text)) return markdown;
  try {
    return splitFrontMatter(text, file).body;
  } catch {
    return markdown;
  }
}
