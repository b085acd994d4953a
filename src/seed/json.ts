import { collapseSpace, showsNothing } from '../white-space.js';
import { Parser } from '../html/parser.js';
import { StoryfeedError, warning } from '../errors.js';
import { parseSeedJson } from '../json-keys.js';
import { describeRemoved, removeIllegalXmlChars } from '../xml-chars.js';
import type { Block, Section } from '../types.js';
import type { SeedArticle } from './article.js';
import { isObject } from '../story/check-options.js';
import { hiddenElements, MEDIA_START_TAG, mediaFallback } from '../story/html-text.js';
import { BODY_FIELDS, type GhostExport, ghostExport, readApiPost } from './api-post.js';
import { readMeta } from './front-matter.js';
import { htmlDepthGuard } from './html-depth.js';
import { HIDDEN_ELEMENTS, readMarkdownSeed } from './markdown.js';
import { checkSeedStructure, seedUnitLimit, type StructureCount, tooMuchStructure } from './structure-limit.js';
import { readTextSeed, type TextSeedOptions } from './text.js';

/** The fields a JSON seed names at least one of: its title, and the fields its body can be in. */
const STORY_FIELDS = ['title', ...BODY_FIELDS];

/**
 * Reads a JSON seed: an object with the front-matter fields (`title`, `date`, `authors`, …) and the
 * body as one of `sections` (the Story shape), `body` (plain text), `markdown`, or `contentHtml`; or a post
 * as WordPress's, Ghost's or DEV's API gives it (see `api-post.ts`). Every problem names its JSON path.
 */
export function readJsonSeed(raw: string, options: TextSeedOptions = {}): SeedArticle {
  const { file } = options;
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new StoryfeedError('E_EMPTY', 'the file is empty', { file, line: 1 });
  // `\u0001` and the like decode to characters XML forbids; they are removed like raw ones in text seeds.
  const removed: string[] = [];
  const reviver = text.includes('\\u')
    ? (_key: string, v: unknown): unknown => {
        if (typeof v !== 'string') return v;
        const clean = removeIllegalXmlChars(v);
        for (const ch of clean.removed) removed.push(ch);
        return clean.text;
      }
    : undefined;
  const value = parseSeedJson(text, { file, reviver });
  if (removed.length) options.onWarning?.(warning('W_ILLEGAL_CHAR', `removed ${describeRemoved(removed)} that XML forbids from JSON strings`, { file }));
  // A post as a CMS's API gives it (WordPress's REST API, Ghost's, DEV's): its fields are read under storyfeed's names.
  const post = isObject(value) ? readApiPost(value, file, options.siteUrl) : undefined;
  // Where a field is in the JSON: where the post gives it, else under its own name.
  const pathOf = (key: string): string => post?.paths[key] ?? key;
  // JSON that names neither a title nor a body is no story at all: a data or configuration file (package.json, a site
  // generator's data), which a build skips (see `loadStories`), not a seed with a field missing.
  if (post === undefined && (typeof value !== 'object' || value === null || Array.isArray(value) || !STORY_FIELDS.some((key) => Object.hasOwn(value, key)))) {
    // A listing of posts (WordPress's `/posts`, Ghost's `{"posts": […]}`) holds stories, where a seed is one story.
    const listed = storiesListed(value);
    if (listed !== undefined) {
      throw new StoryfeedError(
        'E_NOT_A_SEED',
        listed === 1
          ? "the JSON holds a list of one story, not the story itself: a JSON seed is one story's object; take it out of the list (or fetch the post by itself, not through a listing)"
          : `the JSON holds a list of ${listed} stories, not one: a JSON seed holds one story; save each in a file of its own (or fetch each post by itself, not through a listing)`,
        { file },
      );
    }
    // Ghost's export of a whole site holds every post (and page) of it, and their tags and authors in tables of their own.
    const exported = ghostExport(value);
    if (exported !== undefined) throw new StoryfeedError('E_NOT_A_SEED', ghostExportMessage(exported), { file });
    const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object without "title" or a body' : `a ${typeof value}`;
    throw new StoryfeedError(
      'E_NOT_A_SEED',
      `the JSON holds ${found}, not a story: a JSON seed is an object with "title" and its text in "sections", "body", "markdown" or "contentHtml"`,
      { file },
    );
  }
  const obj = post?.fields ?? (value as Record<string, unknown>);
  // A JSON Feed (another site's, or one storyfeed wrote, copied among the seeds) holds a title and items, no story.
  const feed = jsonFeedItems(obj);
  if (feed !== undefined) {
    throw new StoryfeedError(
      'E_NOT_A_SEED',
      `the JSON is a JSON Feed of ${feed} item${feed === 1 ? '' : 's'}, not a story: a seed is one article (to publish another feed's items, hand them to the library as plain items)`,
      { file },
    );
  }
  const fail = (path: string, detail: string): never => {
    throw new StoryfeedError('E_FIELD', `$.${pathOf(path)}: ${detail}`, { file });
  };
  let meta;
  try {
    meta = readMeta(obj, { file, timeZone: options.timeZone, onWarning: options.onWarning, ...(post ? { otherNames: post.otherNames } : {}) });
  } catch (error) {
    if (error instanceof StoryfeedError)
      throw new StoryfeedError(
        error.code,
        error.detail.replace(/^front matter `([^`]+)`/, (_, key: string) => `$.${pathOf(key)}`),
        { file },
      );
    throw error;
  }
  // A post the CMS published that is no story of a feed (Ghost's page) says why it is missing from the feeds, as a draft's flag does.
  if (post?.leftOut) options.onWarning?.(warning('W_DRAFT', `${post.leftOut}: it is read as a draft and left out of the feeds`, { file }));
  // A title of nothing but invisible characters (a zero-width space) is no headline either.
  if (!meta.title || showsNothing(meta.title)) fail('title', 'required: the headline as text');
  // A line break in a JSON title would otherwise end the headline inside the body text read below.
  const title = meta.title!.replace(/\s+/g, ' ');

  // Each body field is counted as what it is read as, before it is read (see `structure-limit.ts`).
  const limit = seedUnitLimit(options.maxSeedBytes);
  const count = (field: string, kind: StructureCount['kind']): StructureCount => ({ kind, limit, file, field: `$.${pathOf(field)}` });
  let article: SeedArticle;
  // The field the body is read from, named when it holds nothing.
  let bodyField = 'body';
  if (obj.sections !== undefined) {
    article = { kind: 'json', meta, title, byline: [], sections: readSections(obj.sections, fail) };
    checkSectionCount(article.sections, count('sections', 'sections'));
  } else if (typeof obj.body === 'string') {
    checkSeedStructure(obj.body, count('body', 'text'));
    const read = readTextSeed(`${title}\n${obj.body}`, { file });
    article = { ...read, kind: 'json', meta, title };
  } else if (typeof obj.markdown === 'string') {
    bodyField = 'markdown';
    checkSeedStructure(obj.markdown, count('markdown', 'markdown'));
    const read = readMarkdownSeed(`# ${title}\n\n${obj.markdown}`, { file, ...(options.maxSeedBytes !== undefined ? { maxSeedBytes: options.maxSeedBytes } : {}) });
    article = { ...read, kind: 'json', meta, title };
  } else if (typeof obj.contentHtml === 'string') {
    bodyField = 'contentHtml';
    checkSeedStructure(obj.contentHtml, count('contentHtml', 'html'));
    article = { kind: 'json', meta, title, byline: [], sections: htmlToSections(obj.contentHtml, file), html: obj.contentHtml };
  } else if (post?.noBody) {
    return fail(post.noBody.path, post.noBody.detail);
  } else {
    return fail('body', 'a JSON seed needs its text in one of "sections", "body" (plain text), "markdown" or "contentHtml"');
  }
  // A body of only media (a video post) is one, as in a Markdown seed; the story checks the sanitizer kept a file of it.
  if (!article.sections.some((s) => s.blocks.length > 0) && !(article.html !== undefined && MEDIA_START_TAG.test(article.html)))
    fail(post ? bodyField : 'body', 'the body is empty');
  if (file !== undefined) article.file = file;
  if (post?.withheld && post.leftOut) article.withheld = post.leftOut;
  return article;
}

/**
 * How many stories `value` lists when it is a list of them (a CMS's listing of posts: WordPress's `/posts`, Ghost's
 * `{"posts": […]}`): a list holding an object that names a title or a body; else `undefined`.
 */
function storiesListed(value: unknown): number | undefined {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.posts) ? value.posts : undefined;
  const story = (entry: unknown): boolean => isObject(entry) && STORY_FIELDS.some((key) => Object.hasOwn(entry, key));
  return list?.some(story) ? list.length : undefined;
}

/** What a build says of Ghost's export of a site given as a seed: what it holds, and how to make seeds of its posts. */
function ghostExportMessage({ path, posts, published, pages }: GhostExport): string {
  const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const held = `${count(posts, 'post')} (${published} published)${pages > 0 ? ` and ${count(pages, 'page')}` : ''}`;
  return (
    `the JSON is Ghost's export of a whole site (Settings → Export), holding ${held}, not one story: a JSON seed holds one post; ` +
    `save each published post of its ${path} in a file of its own, or fetch each from Ghost's Content API ` +
    '(/ghost/api/content/posts/{id}/?include=tags,authors), which gives its tags and authors with it'
  );
}

/** Refuses sections whose sections, blocks and list items together are more units than the limit (see {@link checkSeedStructure}). */
function checkSectionCount(sections: readonly Section[], count: StructureCount): void {
  let units = 0;
  for (const section of sections) {
    units += 1;
    for (const block of section.blocks) units += block.kind === 'list' ? 1 + block.items.length : 1;
  }
  if (units > count.limit) throw tooMuchStructure(count);
}

function readSections(value: unknown, fail: (path: string, detail: string) => never): Section[] {
  if (!Array.isArray(value)) return fail('sections', `expected a list of {heading, blocks}, found ${typeof value}`);
  return value.map((s, i): Section => {
    const at = `sections[${i}]`;
    if (typeof s !== 'object' || s === null) return fail(at, 'expected {heading, blocks}');
    const { heading, blocks } = s as { heading?: unknown; blocks?: unknown };
    if (heading !== null && heading !== undefined && typeof heading !== 'string') fail(`${at}.heading`, 'expected text or null');
    if (!Array.isArray(blocks)) return fail(`${at}.blocks`, 'expected a list of blocks');
    return {
      heading: typeof heading === 'string' && !showsNothing(heading) ? heading.trim() : null,
      // A block of text that shows nothing (white space, a zero-width space: an empty paragraph a CMS left) is none.
      blocks: blocks.map((b, j) => readBlock(b, `${at}.blocks[${j}]`, fail)).filter((block): block is Block => block !== undefined),
    };
  });
}

/** A block of a JSON seed; `undefined` for one whose text shows nothing. */
function readBlock(b: unknown, at: string, fail: (path: string, detail: string) => never): Block | undefined {
  if (typeof b !== 'object' || b === null) return fail(at, 'expected a block object');
  const o = b as Record<string, unknown>;
  switch (o.kind) {
    case 'paragraph':
    case 'quote':
    case 'code':
      if (typeof o.text !== 'string') return fail(`${at}.text`, 'expected text');
      if (showsNothing(o.text)) return undefined;
      return { kind: o.kind, text: o.kind === 'code' ? o.text : collapseSpace(o.text) };
    case 'list': {
      if (!Array.isArray(o.items) || !o.items.every((x) => typeof x === 'string')) return fail(`${at}.items`, 'expected a list of strings');
      return { kind: 'list', ordered: o.ordered === true, items: (o.items as string[]).filter((x) => !showsNothing(x)).map((x) => x.trim()) };
    }
    default:
      return fail(`${at}.kind`, `expected "paragraph", "list", "quote" or "code", found ${JSON.stringify(o.kind)}`);
  }
}

/**
 * Derives plain-text sections from HTML: h1–h6 start sections; p, li, blockquote and pre become
 * blocks; script and style contents, media fallback (see `mediaFallback`) and what its author hid (see
 * `hiddenByAttributes`) are left out. `E_TOO_DEEP`
 * naming `file` when elements nest deeper than storyfeed reads.
 */
export function htmlToSections(html: string, file?: string): Section[] {
  const depth = htmlDepthGuard(file);
  const sections: Section[] = [{ heading: null, blocks: [] }];
  const current = (): Section => sections[sections.length - 1]!;
  let buffer: string | null = null;
  let capture: 'heading' | 'paragraph' | 'item' | 'quote' | 'code' | null = null;
  const lists: { ordered: boolean; items: string[] }[] = [];
  let hidden = 0;
  const media = mediaFallback(html, htmlDepthGuard(file));
  const authorHid = hiddenElements();
  const start = (kind: typeof capture): void => {
    capture = kind;
    buffer = '';
  };
  const end = (): string => {
    const s = capture === 'code' ? (buffer ?? '').replace(/\n$/, '') : collapseSpace(buffer ?? '');
    capture = null;
    buffer = null;
    return s;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        depth.open();
        authorHid.opens(attributes);
        if (HIDDEN_ELEMENTS.has(name) || media.opens(name)) hidden++;
        // Nothing inside hidden content (or content its author hid) starts a section or a block (nor ends one).
        else if (hidden > 0 || authorHid.hiding) return;
        else if (/^h[1-6]$/.test(name)) start('heading');
        else if (name === 'ul' || name === 'ol') lists.push({ ordered: name === 'ol', items: [] });
        else if (name === 'li' && capture === null) start('item');
        else if (name === 'blockquote' && capture === null) start('quote');
        else if (name === 'pre' && capture === null) start('code');
        else if (name === 'p' && capture === null) start('paragraph');
        else if (name === 'br' && buffer !== null) buffer += capture === 'code' ? '\n' : ' ';
      },
      ontext(data) {
        if (hidden === 0 && !authorHid.hiding && buffer !== null) buffer += data;
      },
      onclosetag(name) {
        depth.close();
        const inHidden = authorHid.hiding;
        authorHid.closes();
        if (HIDDEN_ELEMENTS.has(name) || media.closes(name)) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden > 0 || inHidden) return;
        if (/^h[1-6]$/.test(name) && capture === 'heading') sections.push({ heading: end() || null, blocks: [] });
        else if (name === 'li' && capture === 'item') {
          const s = end();
          if (s) lists[lists.length - 1]?.items.push(s);
        } else if (name === 'blockquote' && capture === 'quote') {
          const s = end();
          if (s) current().blocks.push({ kind: 'quote', text: s });
        } else if (name === 'pre' && capture === 'code') {
          const s = end();
          if (s) current().blocks.push({ kind: 'code', text: s });
        } else if (name === 'p' && capture === 'paragraph') {
          const s = end();
          if (s) current().blocks.push({ kind: 'paragraph', text: s });
        } else if ((name === 'ul' || name === 'ol') && lists.length) {
          const list = lists.pop()!;
          if (list.items.length && lists.length === 0) current().blocks.push({ kind: 'list', ordered: list.ordered, items: list.items });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  if (sections[0]!.blocks.length === 0 && sections.length > 1) sections.shift();
  return sections;
}

/** How many items a JSON Feed holds (its `version` names jsonfeed.org, its `items` is a list), `undefined` for other JSON. */
function jsonFeedItems(value: Record<string, unknown>): number | undefined {
  const { version, items } = value;
  return typeof version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//i.test(version) && Array.isArray(items) ? items.length : undefined;
}
