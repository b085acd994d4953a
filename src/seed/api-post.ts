import { StoryfeedError } from '../errors.js';
import { filled } from '../item/fields.js';
import { readWordPressPost, wordPressUtc } from '../item/wordpress-post.js';
import { htmlText } from '../story/html-text.js';
import { publishedId } from '../story/item-id.js';
import type { SeedMeta } from './front-matter.js';
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
}

/** The names of a JSON seed's body, storyfeed's own. */
export const BODY_FIELDS = ['sections', 'body', 'markdown', 'contentHtml'];

/** The post the JSON object `value` is as a CMS's API gives it (see {@link ApiPost}), or `undefined` when it is none. */
export function readApiPost(value: Record<string, unknown>, file: string | undefined): ApiPost | undefined {
  if (BODY_FIELDS.some((key) => Object.hasOwn(value, key))) return undefined;
  return wordPressPost(value, file);
}

/** The fields of an {@link ApiPost} as they are set, each with the path it is read from. */
class PostFields {
  readonly post: ApiPost = { fields: {}, paths: {}, otherNames: [] };
  constructor(private readonly file: string | undefined) {}
  /** Sets storyfeed's field `key` to `value`, read from `path`, when it says something (not null, not only white space); a problem with the field names `path` either way. */
  set(key: string, value: unknown, path: string): void {
    this.post.paths[key] = path;
    if (!filled(value)) return;
    this.post.fields[key] = value;
    if (path !== key && key !== 'contentHtml' && key !== 'markdown') this.post.otherNames.push(key as keyof SeedMeta);
  }
  /** Sets the story's URL from the post's own address at `path`: an absolute http(s) URL, or a problem naming it. */
  address(value: unknown, path: string): void {
    if (!filled(value)) return;
    if (typeof value !== 'string' || !parseHttpUrl(value.trim()).ok) {
      throw new StoryfeedError('E_FIELD', `$.${path}: expected the post's address, an absolute http(s) URL, found ${JSON.stringify(value)}`, { file: this.file });
    }
    this.set('url', value.trim(), path);
  }
}

/**
 * A post from the WordPress REST API (`/wp-json/wp/v2/posts/42`, `?_embed` for its authors, terms and featured
 * image), read as {@link readWordPressPost} reads it for a plain item: the title's text, the content, the
 * excerpt's text as the summary, `date_gmt` and `modified_gmt` as the dates (UTC; without them `date` and
 * `modified`, the site's local time, read in the config's `timeZone`), the embedded authors and the names of
 * its terms (categories, tags) as its tags, the featured image, `link` as its URL and the guid as its id (as
 * WordPress's own feed has it); a `status` other than `publish` makes it a draft.
 */
function wordPressPost(value: Record<string, unknown>, file: string | undefined): ApiPost | undefined {
  const parts = readWordPressPost(value, '$', file);
  if (parts === undefined) return undefined;
  const out = new PostFields(file);
  out.set('title', parts.title, 'title.rendered');
  out.set('contentHtml', parts.contentHtml, 'content.rendered');
  if (parts.excerptHtml !== undefined) out.set('summary', htmlText(parts.excerptHtml, file), 'excerpt.rendered');
  if (filled(value.date_gmt)) out.set('date', wordPressUtc(value.date_gmt), 'date_gmt');
  else out.set('date', value.date, 'date');
  if (filled(value.modified_gmt)) out.set('updated', wordPressUtc(value.modified_gmt), 'modified_gmt');
  else out.set('updated', value.modified, 'modified');
  if (parts.authors.length > 0)
    out.set(
      'authors',
      parts.authors.map((a) => withPage(a.name, a.link)),
      '_embedded.author',
    );
  if (parts.terms.length > 0) out.set('tags', parts.terms, '_embedded["wp:term"]');
  out.set('image', parts.featuredImage, '_embedded["wp:featuredmedia"][0].source_url');
  out.address(value.link, 'link');
  // The guid WordPress gives every post when it is written, and never changes: the id its own feed publishes.
  if (parts.guid !== undefined && publishedId(parts.guid.trim()).kind === 'ok') out.set('id', parts.guid.trim(), 'guid.rendered');
  // WordPress writes a slug in another script percent-encoded (`%d0%bf%d1%80…`): it is the text it stands for.
  if (typeof value.slug === 'string') out.set('slug', percentDecoded(value.slug), 'slug');
  if (parts.unpublished) out.set('draft', true, 'status');
  if (out.post.fields.contentHtml === undefined) {
    out.post.noBody = {
      path: 'content.rendered',
      detail:
        parts.contentHtml === undefined
          ? "required: the post's HTML, as the REST API gives it in `content`"
          : "holds no text (WordPress gives a password-protected post's content only with its password)",
    };
  }
  return out.post;
}

/** An author with the address of their page when it is an http(s) one (an author is never refused for it). */
function withPage(name: string, page: unknown): { name: string; url?: string } {
  return typeof page === 'string' && parseHttpUrl(page.trim()).ok ? { name, url: page.trim() } : { name };
}

/** `text` with its percent-escapes decoded, or as it is when they do not stand for UTF-8 text. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
