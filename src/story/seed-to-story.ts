import { withFeedEmail } from '../email-address.js';
import { collapseSpace, withoutInvisibleEdges } from '../white-space.js';
import { StoryfeedError, warning, type Diagnostic } from '../errors.js';
import type { SeedArticle } from '../seed/article.js';
import { isFeedDate, lostDateReason, parseIsoDate } from '../seed/dates.js';
import { MAX_STORY_TAGS } from '../story-limits.js';
import { feedHref, parseHttpUrl } from '../seed/http-url.js';
import { mediaFolderUrl, underMediaFolder } from '../seed/media-folder.js';
import { sourceImagePath } from './source-image.js';
import { publishedId } from './item-id.js';
import { readSeed, type ReadSeedOptions } from '../seed/index.js';
import { withoutDateline } from '../seed/text.js';
import type { Author, SiteConfig, Story, StoryImage } from '../types.js';
import { describeRemoved, removeIllegalXmlChars } from '../xml-chars.js';
import type { AnalysisInput, AnalysisOptions, ArticleAnalysis } from './analysis/index.js';
import { sanitizeStoryHtml, sectionsToHtml, sectionsToText } from './html.js';
import { showsText } from './html-text.js';
import type { ImageAddress } from './sanitize.js';
import { canonicalLanguage, detectLanguage } from './language.js';
import { notALanguageTag } from './language-tag.js';
import { folderDate, splitDatedName } from '../seed/dated-name.js';
import { isNotionExportName, withoutNotionId } from '../seed/notion-properties.js';
import { slugify } from './slug.js';
import { summarize } from './summary.js';
import { splitWire, withoutWireDateline } from './wire.js';
import { countWords, WORDS_PER_MINUTE } from './reading-time.js';
import { DEFAULT_ENTITY_TAGS } from './entity-tags.js';
import { FileLinks, slashPath } from './file-links.js';
import { enclosures as readEnclosures, episode as readEpisode } from '../item/fields.js';
import { checkReadOptions, checkSeedArticle, checkStoryOptions, checkText } from './check-options.js';

/** The site settings the Story stage uses; only `siteUrl` is required. */
export type StorySite = Pick<SiteConfig, 'siteUrl'> &
  Partial<Pick<SiteConfig, 'language' | 'authors' | 'storyPath' | 'entityTags' | 'entities' | 'defaultYear' | 'defaultDate' | 'timeZone'>> & {
    /**
     * Authors by the id front matter names them by (`authors: [slorber]`), as Docusaurus's `authors.yml`, Material
     * for MkDocs' `.authors.yml` and Jekyll's `_data/authors.yml` describe them (a build reads those files): a
     * front matter author that is only such an id is that author.
     */
    authorProfiles?: Readonly<Record<string, Author>>;
  };

/** A folder of one language in a site translated by content folder (see {@link StoryOptions.languageFolders}). */
export interface LanguageFolder {
  /** The folder as seed paths name it (`content/fr/`: `/`-separated, ending in `/`). */
  folder: string;
  /** Its language, canonical (`pt-BR`). */
  language: string;
  /** The path its stories are published under (`fr`, `pt-br`), for a language other than the site's. */
  path?: string;
}

/** Options for {@link normalizeStory}. */
export interface StoryOptions {
  /** The site the story belongs to. */
  site: StorySite;
  /** IANA time zone for dates without an offset (default UTC). */
  timeZone?: string;
  /** Date for stories that give none and when the site has no `defaultDate` (e.g. from `SOURCE_DATE_EPOCH`). */
  fallbackDate?: Date;
  /** Receives non-fatal problems. */
  onWarning?: (d: Diagnostic) => void;
  /**
   * Analyse the body: quotes, sources, entities and entity tags (default `true`). With `false` they
   * stay empty and tags are the author's own: for callers whose outputs read none of them (see
   * {@link feedsReadAnalysis}); everything else in the Story is the same.
   */
  analysis?: boolean;
  /**
   * The seed sits directly in the folder a build reads seeds from: a seed named `index` there names no page
   * bundle, so it is named by its title, not by that folder (whose name depends on the working directory).
   */
  seedsFolderTop?: boolean;
  /** The file's path within the seeds folder, which dated folders are read from (`2024/01/15/post.md`; see `ReadSeedOptions.namePath`); without it, the file's. */
  namePath?: string;
  /**
   * The language folders of a site translated by content folder (Hugo's `content/en/`, `content/fr/`), as a
   * build finds them (see `markLanguageFolders` in `node/seed-files.ts`): a seed in one is in its language
   * unless it says otherwise, and one in a folder of another language than the site's is published under
   * that folder's path (`/fr/…`), as Hugo publishes it; so are links to it from other seeds.
   */
  languageFolders?: readonly LanguageFolder[];
  /**
   * The pages of a Notion export (files named `Title 1a2b…6d.md`, see `seed/notion-properties.ts`) whose title
   * another page of the export shares, as seed paths name them: their slugs keep Notion's page id, which tells them
   * apart; every other page's slug is its title alone (`my-trip`, not `my-trip-1a2b…6d`). A build finds them.
   */
  notionTwins?: readonly string[];
  /**
   * The seeds named as translations of one another, as Hugo names them (`post.md` and `post.fr.md`, or
   * `index.md` and `index.fr.md` in one page bundle), as seed paths name them: each one named by a language
   * other than the site's is published under that language's path (`/fr/post`), one of the site's language
   * at the site's root (`/post`), both named without the language (`post`); so are links to them. A build
   * finds them (see `translationsOf` in `node/seed-files.ts`). A name with a language and no other seed of
   * its name beside it (`how.to.md`) is none: its address is its whole name, as before.
   */
  translations?: readonly string[];
  /**
   * Whether a path (folders joined by `/`, as {@link SeedLink.file} holds it) is one of the seeds read with
   * this one: a link to a Markdown file that is none is left out, its text kept, with a warning (see
   * `file-links.ts`). Without it, every link to a Markdown file is given the address its path gives.
   */
  isSeedFile?: (file: string) => boolean;
}

/** Options for {@link parseSeed}: how to read the seed and how to normalize it. */
export type ParseSeedOptions = StoryOptions & Omit<ReadSeedOptions, 'onWarning' | 'timeZone'>;

/** A paragraph that is one web address and nothing else. */
const BARE_ADDRESS = /^\s*https?:\/\/\S+\s*$/;

/** What a story not analysed carries: no quotes, sources or entities. */
function noAnalysis(): ArticleAnalysis {
  return { quotes: [], sources: [], entities: { people: [], organizations: [], places: [] }, ranked: [] };
}

/** An entity becomes a tag only when the story names it at least this often: a single passing mention is the likeliest to be wrong or beside the point. */
const MIN_TAG_MENTIONS = 2;

/** …or when its relevance is at least this high (named in the headline, or quoted), whatever its count. */
const MIN_TAG_SCORE = 4;

/**
 * The analysis of an article's body (quotations, sources, entities): `analyzeArticle`, given by the
 * caller so that this module does not load it (with its word lists) where no body is analysed.
 */
export type Analyze = (input: AnalysisInput, options: AnalysisOptions) => ArticleAnalysis;

/** `parseSeed` (see `normalize.ts`) with the analysis given; `analyze` may be left out when `options.analysis` is `false`. */
export function parseSeedWith(text: string, options: ParseSeedOptions, analyze: Analyze | undefined): Story {
  checkText(text, 'text');
  checkStoryOptions(options);
  checkReadOptions(options);
  // Links a site generator fills in with the site's address take this site's.
  const seed = readSeed(text, options.siteUrl === undefined ? { ...options, siteUrl: options.site.siteUrl } : options);
  return normalizeStoryWith(seed, options, analyze, text);
}

/**
 * `normalizeStory` (see `normalize.ts`) with the analysis given; `analyze` may be left out when `options.analysis` is `false`.
 * `text`, the seed as read, tells the lines of the links to files (see `file-links.ts`).
 */
export function normalizeStoryWith(seed: SeedArticle, options: StoryOptions, analyze: Analyze | undefined, text?: string): Story {
  checkSeedArticle(seed);
  checkStoryOptions(options);
  const { site } = options;
  const file = seed.file;
  const warn = (d: Diagnostic): void => options.onWarning?.(d);
  const meta = seed.meta;
  const { siteBase, origin } = siteBaseOf(site.siteUrl, file);

  const named = file ? fileName(file, options.seedsFolderTop === true, options.notionTwins, options.translations) : undefined;
  const fileStem = named?.stem;
  const dated = fileStem ? splitDatedName(fileStem) : undefined;
  let slug = slugify(meta.slug ?? dated?.rest ?? fileStem ?? meta.title ?? seed.title);
  // Only where the slug makes the story's address does its cleaning show: with a \`url\` given (a CMS's
  // post gives its link, and WordPress a slug in another script) readers never see the slug.
  if (meta.slug !== undefined && slug !== meta.slug && !meta.url) {
    warn(warning('W_UNSAFE_SLUG', `slug "${meta.slug}" was cleaned to "${slug}"`, { file }));
  }
  if (!slug) slug = slugify(meta.title ?? seed.title) || 'story';

  const languageFolder = languageFolderOf(file, options.languageFolders);
  const url = meta.url ? resolveStoryUrl(meta.url, siteBase, file) : storyPathUrl(site.storyPath ?? '{slug}', slug, storyBase(file, options, siteBase), origin, file);
  const id = meta.id ? checkedId(meta.id, file) : url;
  const base = relativeBase(url, named?.bundle === true);
  // A Chirpy post's images are read within its media folder (see `media-folder.ts`), its links as any story's.
  const mediaFolder = meta.mediaSubpath === undefined ? undefined : checkedMediaFolder(meta.mediaSubpath, siteBase, file);
  // Within a Chirpy media folder a path is one on the site; elsewhere a source file's path (Astro's `../../assets/x.png`) is none.
  const sourceImages = new Map<string, string>();
  const imageAddress: ImageAddress =
    mediaFolder !== undefined
      ? (address) => underMediaFolder(address, mediaFolder)
      : (address) => {
          const why = sourceImagePath(address, base, siteBase);
          if (why === undefined) return undefined;
          sourceImages.set(address.trim(), why);
          return null;
        };

  // A date the name gives, else one its folders give (`2021/04/15/post.md`).
  const { date: published, undated } = publicationDate(
    seed,
    options,
    dated?.date ?? ((options.namePath ?? file) === undefined ? undefined : folderDate((options.namePath ?? file)!)),
    warn,
  );
  const lost = undated ? undefined : lostDateReason(published);
  if (lost) throw new StoryfeedError('E_DATE', `the publication date ${lost}`, { file });
  let updated = meta.updated ?? published;
  if (updated.getTime() < published.getTime()) {
    warn(warning('W_DATE_ORDER', `updated ${updated.toISOString()} is before the publication date ${published.toISOString()}`, { file }));
    updated = published;
  }

  const contentText = clean(sectionsToText(seed.sections), 'body', file, warn);
  // Hugo names a translation by its language (`post.fr.md`, `index.fr.md`): without `language` in its front matter, that is its language.
  // A seed in a language folder (`content/fr/post.md`) is in that folder's language.
  const language = storyLanguage(meta.language ?? (file === undefined ? undefined : translationLanguage(file)) ?? languageFolder?.language, contentText, site.language, file);

  let contentHtml: string;
  /** Frames the sanitizer wrote as links to the pages they showed. */
  let frames = 0;
  let seedLinks: Story['seedLinks'];
  /** Whether the sanitizer left out scripts, handlers, styles that load something or script addresses. */
  let removedUnsafe = false;
  if (seed.html !== undefined) {
    // Links to other articles' files get those articles' addresses (see `file-links.ts`).
    const links = new FileLinks(
      file,
      options.seedsFolderTop === true,
      (target, top) => fileStoryUrl(target, top, site, storyBase(target, options, siteBase), origin, options.notionTwins, options.translations),
      options.isSeedFile,
    );
    // In a page bundle a link to a place in the story itself (`#notes`, `?page=2`) is the story's, not its folder's.
    const address = base === url ? links.address : (href: string) => (/^\s*[#?]/.test(href) ? inStory(href, url) : links.address(href));
    const safe = sanitizeStoryHtml(seed.html, base, file, undefined, address, imageAddress);
    removedUnsafe = safe.removedUnsafe;
    if (safe.removedUnsafe)
      warn(warning('W_UNSAFE_HTML', 'scripts, event handlers, styles that load or run something, or javascript:/data: URLs were removed from the HTML', { file }));
    contentHtml = safe.html;
    frames = safe.frames.length;
    const found = links.finish(text, file);
    for (const problem of found.warnings) warn(problem);
    if (found.links.length > 0) seedLinks = found.links;
  } else {
    contentHtml = sectionsToHtml(seed.sections);
  }
  contentHtml = clean(contentHtml, 'HTML', file, () => undefined);
  // A body of only media (a video post) is one while the sanitizer keeps a file of it, or the link to the page an
  // embedded frame showed (an embedded YouTube video): else a reader would see an empty item.
  // Where media were left out (a source file's path, a script address), the HTML counts, not only the text: an image's
  // alt text stays in the text, and would leave readers of the HTML an empty item.
  const mediaLeftOut = sourceImages.size > 0 || removedUnsafe;
  if ((contentText === '' || (mediaLeftOut && !showsText(contentHtml))) && frames === 0 && !SHOWN_MEDIA.test(contentHtml)) {
    throw new StoryfeedError(
      'E_NO_BODY',
      `"${collapseSpace(meta.title ?? seed.title)}" has no text, and no picture, video, sound or embedded page with an address a reader can load`,
      { file },
    );
  }

  // Loops, not nested flatMap: an array per block costs a seed of 200,000 one-line paragraphs that many.
  const paragraphs: string[] = [];
  for (const s of seed.sections) {
    for (const b of s.blocks) {
      // Not push(...items): a list of 200,000 items would overflow the argument stack.
      if (b.kind === 'list') for (const item of b.items) paragraphs.push(item);
      else if (b.kind !== 'code') paragraphs.push(b.text);
    }
  }
  const headings = options.analysis === false ? [] : seed.sections.flatMap((s) => (s.heading === null ? [] : [s.heading]));
  const writtenTitle = meta.title ?? seed.title;
  const givenTitle = collapseSpace(clean(writtenTitle, 'title', file, warn));
  // A zero-width space or byte-order mark around a headline shows nothing; a headline of nothing else (`&nbsp;` in
  // front matter, read as the character it names) is none.
  const title = withoutInvisibleEdges(givenTitle);
  if (title === '') {
    throw new StoryfeedError(
      'E_FIELD',
      `the title holds only characters that show nothing (${describeRemoved([...writtenTitle].slice(0, 40))}): give the story a headline readers can see`,
      { file },
    );
  }
  const wantEntities = site.entities !== false;
  if (options.analysis !== false && !analyze) throw new StoryfeedError('E_INTERNAL', 'the body analysis was asked for but not given', { file });
  const analysis = options.analysis === false || !analyze ? noAnalysis() : analyze({ title, headings, paragraphs, language: language.split('-')[0]! }, { entities: wantEntities });

  const entityTagCount = wantEntities ? (site.entityTags ?? DEFAULT_ENTITY_TAGS) : 0;
  const confident = analysis.ranked.filter((e) => e.mentions >= MIN_TAG_MENTIONS || e.score >= MIN_TAG_SCORE);
  // Entity tags fill what the story's own tags leave of the limit.
  const tags = uniqueCaseless([...(meta.tags ?? []), ...confident.slice(0, entityTagCount).map((e) => e.name)]).slice(0, MAX_STORY_TAGS);
  // A dateline belongs to the body, not to the summary readers see in their list.
  // A wire dateline's "(Agency) -" prefix and a credit line are not what readers should see either.
  // A paragraph of nothing but an address (a video's, an embed's) is no lede: the first with words is (if any).
  const lead = Math.max(
    0,
    paragraphs.findIndex((p) => !BARE_ADDRESS.test(p)),
  );
  const first = splitWire(paragraphs.slice(lead, lead + 1)).paragraphs[0] ?? '';
  const withoutAnyDateline = (text: string): string => (seed.dateline ? withoutDateline(text) : withoutWireDateline(text));
  // The text before `<!--more-->` stands for the lede: its dateline goes, and it is cut as a lede is.
  const lede = (seed.excerpt && withoutAnyDateline(seed.excerpt)) || withoutAnyDateline(first);
  const summary = clean(meta.summary ?? summarize(lede), 'summary', file, warn);
  const wordCount = countWords(contentText);

  const story: Story = {
    id,
    slug,
    url,
    title,
    summary,
    published,
    updated,
    authors: authorsOf(meta.authors, seed.byline, site.authors, site.authorProfiles),
    language,
    sections: seed.sections,
    quotes: analysis.quotes,
    sources: analysis.sources,
    entities: analysis.entities,
    tags,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    contentHtml,
    contentText,
    draft: meta.draft ?? false,
  };
  if (meta.image) {
    const image = imageOf(meta.image, base, file, imageAddress);
    if (image) story.image = image;
  }
  if (sourceImages.size > 0) warn(sourceImagesLeftOut(sourceImages, file));
  // A podcast episode's files and details: their URLs as written, resolved as the body's are (checked when read).
  if (meta.enclosures?.length) story.enclosures = readEnclosures(meta.enclosures, 'enclosures', base)!;
  if (meta.episode) story.episode = readEpisode(meta.episode, 'episode', base)!;
  if (seed.dateline) {
    story.dateline = { place: seed.dateline.place };
    const date = datelineDate(seed, options);
    if (date) story.dateline.date = date;
  }
  if (file !== undefined) story.file = file;
  if (undated) story.undated = true;
  if (meta.expires) story.expires = meta.expires;
  if (seedLinks) story.seedLinks = seedLinks;
  return story;
}

/**
 * The URL the story of a seed at `file` takes from its path when its front matter names none (no `slug`
 * or `url`), as {@link normalizeStoryWith} gives it: `undefined` when it takes its name from its title.
 */
function fileStoryUrl(
  file: string,
  topOfSeeds: boolean,
  site: StorySite,
  siteBase: string,
  origin: string,
  notionTwins?: readonly string[],
  translations?: readonly string[],
): string | undefined {
  const stem = fileName(file, topOfSeeds, notionTwins, translations).stem;
  const slug = stem === undefined ? '' : slugify(splitDatedName(stem)?.rest ?? stem);
  return slug ? storyPathUrl(site.storyPath ?? '{slug}', slug, siteBase, origin, file) : undefined;
}

/**
 * The name a story takes from its file, and whether the file is a page bundle's article: the file name without its
 * extension; for a page bundle (a folder holding the article as `index.md`, as Hugo, Eleventy and Astro write them),
 * the folder's name (with the language of a translation, `index.fr.md`), since every article of such a site is named
 * `index`. `undefined` for an `index` file with no folder in its path, or directly in the seeds folder (the story is
 * then named by its title). One of Hugo's translations by name (see {@link StoryOptions.translations}) is named
 * without its language (`post.fr.md`: `post`; `trip/index.fr.md`: `trip`).
 */
function fileName(file: string, topOfSeeds = false, notionTwins?: readonly string[], translations?: readonly string[]): { stem: string | undefined; bundle: boolean } {
  const parts = file.split(/[\\/]/);
  let stem = (parts.pop() ?? file).replace(/\.[^.]+$/, '').replace(/\.meta$/, '');
  // A Notion page is named by its title (its id only where another page shares the title, see `notionTwins`).
  if (isNotionExportName(file) && !notionTwins?.includes(slashPath(file))) stem = withoutNotionId(stem);
  if (isTranslation(file, translations)) stem = stem.slice(0, stem.lastIndexOf('.'));
  // Hugo names a bundle's translations `index.fr.md`, `index.pt-br.md`: the folder's name and the language, so that
  // the translations of one bundle are different stories.
  const bundle = /^index(?:\.([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?))?$/i.exec(stem);
  if (!bundle || topOfSeeds) return { stem: bundle ? undefined : stem, bundle: false };
  const folder = parts.findLast((part) => part !== '' && part !== '.');
  if (folder === undefined || folder === '..' || /^[a-z]:$/i.test(folder)) return { stem: undefined, bundle: false };
  return { stem: bundle[1] ? `${folder}-${bundle[1].toLowerCase()}` : folder, bundle: true };
}

/**
 * The language a file's name gives it as Hugo names translations (`post.fr.md`, `index.pt-br.md`: an ISO 639-1
 * code, with an optional region or script, before the extension), canonicalized; `undefined` when there is none, or it starts with no ISO 639 language.
 */
function translationLanguage(file: string): string | undefined {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  // Two letters only: `notes.min.md`, `app.old.md` name no language (three letters would read them as ISO 639-3 codes).
  const tag = /^[^.]+\.([a-z]{2}(?:[-_][a-z0-9]{2,8})?)\.[^.]+$/i.exec(name)?.[1];
  return tag === undefined ? undefined : canonicalLanguage(tag.replace('_', '-'));
}

/** A link to a place in the story itself (`#notes`, `?page=2`) as an address on its URL; `undefined` (resolved as any link) if it is none. */
function inStory(href: string, url: string): string | undefined {
  try {
    return feedHref(new URL(href.trim(), url));
  } catch {
    return undefined;
  }
}

/**
 * The address a story's relative links and images are resolved against: its URL, but for a page bundle's
 * article the folder its URL names (`…/my-trip/` for `…/my-trip`), where every generator publishes the
 * files that sit beside its `index.md` (`![](cover.jpg)`). A URL naming a file (`my-trip.html`) stays as it is.
 */
function relativeBase(url: string, bundle: boolean): string {
  if (!bundle) return url;
  const parsed = new URL(url);
  if (parsed.pathname.endsWith('/') || /\.[^/]*$/.test(parsed.pathname)) return url;
  parsed.pathname = `${parsed.pathname}/`;
  return feedHref(parsed);
}

/** The last site URL read by {@link siteBaseOf}, with what it gave: every story of a build has the same. */
let lastSite: { siteUrl: string; siteBase: string; origin: string } | undefined;

/** The site's URL as a base for story URLs (ending in "/"), and its origin. */
function siteBaseOf(siteUrl: string, file: string | undefined): { siteBase: string; origin: string } {
  if (lastSite?.siteUrl === siteUrl) return lastSite;
  const parsed = parseHttpUrl(siteUrl);
  if (!parsed.ok) throw new StoryfeedError('E_URL', `siteUrl "${siteUrl}" ${parsed.reason}`, { file });
  const href = feedHref(parsed.url);
  lastSite = { siteUrl, siteBase: href.endsWith('/') ? href : `${href}/`, origin: parsed.url.origin };
  return lastSite;
}

/** The story URL from the site's `storyPath`; it must stay an http(s) URL on the site (never `javascript:`). */
function storyPathUrl(storyPath: string, slug: string, siteBase: string, origin: string, file: string | undefined): string {
  const parsed = parseHttpUrl(storyPath.replaceAll('{slug}', slug).replace(/^\/+/, ''), siteBase);
  if (!parsed.ok || parsed.url.origin !== origin) {
    throw new StoryfeedError('E_URL', `storyPath "${storyPath}" must give a path on the site ${siteBase}`, { file });
  }
  return feedHref(parsed.url);
}

/** Seed paths of {@link StoryOptions.translations} as a set, made once for each list given. */
const TRANSLATION_SETS = new WeakMap<readonly string[], ReadonlySet<string>>();

/**
 * Whether `file` is one of the translations by name a build found (see {@link StoryOptions.translations}). A frozen
 * list (as a build gives every seed) is made a set once; any other is searched each time, so a list changed between
 * calls is read as it is now.
 */
function isTranslation(file: string, translations: readonly string[] | undefined): boolean {
  if (translations === undefined || translations.length === 0 || translationLanguage(file) === undefined) return false;
  const shown = slashPath(file);
  if (!Object.isFrozen(translations)) return translations.includes(shown);
  let set = TRANSLATION_SETS.get(translations);
  if (set === undefined) TRANSLATION_SETS.set(translations, (set = new Set(translations)));
  return set.has(shown);
}

/**
 * The base a story's address is made on: the site's; in a folder of another language than the site's, that
 * folder's path on it (see {@link StoryOptions.languageFolders}); for a translation by name in another language
 * than the site's (`post.fr.md`), its language's path (`fr/`), as Hugo publishes it, whatever folder it is in.
 */
function storyBase(file: string | undefined, options: StoryOptions, siteBase: string): string {
  // A translation's name says its language, in a language folder too (`content/en/post.fr.md` is French), as its language does.
  if (file === undefined || !isTranslation(file, options.translations)) return underLanguageFolder(siteBase, languageFolderOf(file, options.languageFolders));
  const tag = translationLanguage(file)!.toLowerCase();
  return isSiteLanguage(tag, options.site.language ?? 'en') ? siteBase : `${siteBase}${encodeURIComponent(tag)}/`;
}

/** Whether a translation's language tag (lower case, `-`) is the site's: the same tag, or the same language with no region of its own. */
function isSiteLanguage(tag: string, siteLanguage: string): boolean {
  const site = (canonicalLanguage(siteLanguage) ?? siteLanguage).toLowerCase();
  return tag === site || (!tag.includes('-') && tag === site.split('-')[0]);
}

/** The language folder a seed's path lies in (see {@link StoryOptions.languageFolders}), if any. */
function languageFolderOf(file: string | undefined, folders: readonly LanguageFolder[] | undefined): LanguageFolder | undefined {
  if (file === undefined || folders === undefined || folders.length === 0) return undefined;
  const slashed = slashPath(file);
  return folders.find((f) => slashed.startsWith(f.folder));
}

/** The base a story's address is made on: the site's, or, in a folder of another language than the site's, that folder's path on it. */
function underLanguageFolder(siteBase: string, folder: LanguageFolder | undefined): string {
  return folder?.path === undefined ? siteBase : `${siteBase}${encodeURIComponent(folder.path)}/`;
}

/** A front-matter `url`: absolute http(s), or a path resolved against the site. */
function resolveStoryUrl(value: string, siteBase: string, file: string | undefined): string {
  const parsed = parseHttpUrl(value, siteBase);
  if (!parsed.ok)
    throw new StoryfeedError(
      'E_URL',
      `front matter \`url\` "${value}" ${parsed.reason === 'is not a valid URL' ? parsed.reason : 'must be an http(s) URL (without a user name or password) or a path'}`,
      { file },
    );
  return feedHref(parsed.url);
}

/** A Chirpy post's media folder (`media_subpath`) as an http(s) URL ending in `/` (front matter checked it when read). */
function checkedMediaFolder(subpath: string, siteBase: string, file: string | undefined): string {
  const folder = mediaFolderUrl(subpath, siteBase);
  if (!folder.ok) throw new StoryfeedError('E_URL', `front matter \`media_subpath\` "${subpath}" ${folder.reason}`, { file });
  return feedHref(folder.url);
}

/** A front-matter `id` must be an absolute URI (http(s), `tag:` or `urn:`) so every format can carry it. */
function checkedId(value: string, file: string | undefined): string {
  // The id is published as is: held to the rules a feed reader (and storyfeed verify) applies to it.
  const read = publishedId(value);
  if (read.kind === 'form') throw new StoryfeedError('E_FIELD', `front matter \`id\` ${read.problem}`, { file });
  if (read.kind === 'rule') throw new StoryfeedError('E_FIELD', `front matter \`id\`: ${read.problem}`, { file });
  return read.id;
}

/**
 * The publication date, and whether the story gave none: then `date` is `fallbackDate`, or a
 * stand-in (the epoch) that the feed stage refuses unless the build dates the story (it records the
 * date it first published it in the manifest).
 */
function publicationDate(seed: SeedArticle, options: StoryOptions, fromFileName: string | undefined, warn: (d: Diagnostic) => void): { date: Date; undated: boolean } {
  if (seed.meta.date) return { date: seed.meta.date, undated: false };
  const fromDateline = datelineDate(seed, options);
  if (fromDateline) return { date: fromDateline, undated: false };
  if (fromFileName) {
    const parsed = parseIsoDate(fromFileName, options.timeZone);
    if (parsed.ok) return { date: parsed.date, undated: false };
  }
  if (options.site.defaultDate) {
    const parsed = parseIsoDate(options.site.defaultDate, options.timeZone);
    if (!parsed.ok) throw new StoryfeedError('E_CONFIG', `defaultDate: ${parsed.reason}`);
    return { date: parsed.date, undated: false };
  }
  const fallback = options.fallbackDate ?? new Date(0);
  if (!isFeedDate(fallback)) {
    throw new StoryfeedError(
      'E_CONFIG',
      `the date for undated stories (SOURCE_DATE_EPOCH) must fall in the years 0000 to 9999; found ${Number.isNaN(fallback.getTime()) ? 'an invalid date' : fallback.toISOString()}`,
    );
  }
  const d = seed.dateline;
  const why =
    d?.month && d.day
      ? `the dateline gives ${d.day} ${MONTH_NAMES[d.month - 1]} but no year (add \`year:\` to the front matter or \`defaultYear\` to the config)`
      : 'no date in front matter, sidecar, dateline, file name or dated folders (2024/01/15/)';
  warn(warning('W_NO_DATE', options.fallbackDate ? `${why}; using ${fallback.toISOString()}` : `${why}; it will be dated when it is first published`, { file: seed.file }));
  return { date: fallback, undated: true };
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The dateline's date, when it has one and its year is known from the dateline, front matter or config. */
function datelineDate(seed: SeedArticle, options: StoryOptions): Date | undefined {
  const d = seed.dateline;
  if (!d?.month || !d.day) return undefined;
  const year = d.year ?? seed.meta.year ?? seed.meta.updated?.getUTCFullYear() ?? options.site.defaultYear;
  if (!year) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  const parsed = parseIsoDate(iso, options.timeZone);
  return parsed.ok ? parsed.date : undefined;
}

function storyLanguage(fromMeta: string | undefined, text: string, siteLanguage: string | undefined, file: string | undefined): string {
  if (fromMeta !== undefined) {
    const tag = canonicalLanguage(fromMeta);
    if (!tag) throw new StoryfeedError('E_FIELD', `front matter \`language\`: ${notALanguageTag(fromMeta)}`, { file });
    return tag;
  }
  const site = (siteLanguage && canonicalLanguage(siteLanguage)) || undefined;
  // A short text that reads well in the site's language (English without one) is taken to be in it.
  const detected = detectLanguage(text, site ?? 'en');
  // Keep the site's regional variant (en-GB) when the detected language is the same.
  if (detected) return site && site.split('-')[0]!.toLowerCase() === detected ? site : detected;
  return site ?? 'en';
}

function authorsOf(fromMeta: Author[] | undefined, byline: Author[], siteAuthors: Author[] | undefined, profiles: StorySite['authorProfiles']): Author[] {
  // An author given by an id alone (no email, address or picture) is the author an authors file describes under it.
  const profile = (a: Author): Author | undefined => {
    const described = profiles && a.email === undefined && a.url === undefined && a.avatar === undefined && Object.hasOwn(profiles, a.name) ? profiles[a.name] : undefined;
    return typeof described?.name === 'string' ? described : undefined;
  };
  if (fromMeta?.length) return fromMeta.map((a) => ({ ...(profile(a) ?? a) }));
  if (byline.length) return byline.map((a) => ({ ...a }));
  // The site's authors as feeds carry them (checked with the options): a domain in another script in ASCII.
  return (siteAuthors ?? []).map(withFeedEmail);
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The warning naming the images left out for naming source files (see `source-image.ts`), a few of them by their paths. */
function sourceImagesLeftOut(images: ReadonlyMap<string, string>, file: string | undefined): Diagnostic {
  const shown = [...images].slice(0, 3).map(([path, why]) => `"${path.length > 80 ? `${path.slice(0, 79)}…` : path}" (${why})`);
  const more = images.size > shown.length ? ` and ${images.size - shown.length} more` : '';
  return warning(
    'W_IMAGE_PATH',
    `${images.size === 1 ? 'an image was' : `${images.size} images were`} left out: ${shown.join(', ')}${more} ${images.size === 1 ? 'names' : 'name'} a source file, not an address readers can load (a site generator publishes such a picture under a name of its own, as Astro does under /_astro/); give the picture's published URL, or its path from the site's root (/images/x.png)`,
    { file },
  );
}

/** An image, video or sound element the sanitizer kept with its http(s) file. */
const SHOWN_MEDIA = /<(?:img|video|audio|source)\b[^>]*\bsrc="https?:/i;

/**
 * A front matter `image` (read at the address `imageAddress` gives it, if any) against the story's address, checked;
 * `undefined` for a source file's path (see `source-image.ts`), which names no address.
 */
function imageOf(value: string, storyUrl: string, file: string | undefined, imageAddress: ImageAddress | undefined): StoryImage | undefined {
  const given = imageAddress?.(value);
  if (given === null) return undefined;
  let url: URL;
  try {
    url = new URL(given ?? value, storyUrl);
  } catch {
    throw new StoryfeedError('E_URL', `front matter \`image\` "${value}" is not a valid URL`, { file });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new StoryfeedError('E_URL', `front matter \`image\` "${value}" must be an http(s) URL or a path`, { file });
  // As for `url`: a user name or password would be published in every feed that carries the image.
  if (url.username || url.password) throw new StoryfeedError('E_URL', `front matter \`image\` "${value}" must not contain a user name or password`, { file });
  const image: StoryImage = { url: feedHref(url) };
  const ext = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  const type = ext ? IMAGE_TYPES[ext] : undefined;
  if (type) image.type = type;
  return image;
}

function uniqueCaseless(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const given of values) {
    // One form of each character: `Café` with a precomposed é and with e and an accent is one tag.
    const v = given.normalize('NFC');
    // Not toLocaleLowerCase: under a Turkish locale "I" lowercases to "ı", and builds must not depend on the locale.
    const key = v.toLowerCase();
    if (!v || seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

/** Removes characters XML forbids from a story field, warning when there were any. */
function clean(value: string, field: string, file: string | undefined, warn: (d: Diagnostic) => void): string {
  const { text, removed } = removeIllegalXmlChars(value);
  if (removed.length) warn(warning('W_ILLEGAL_CHAR', `removed ${describeRemoved(removed)} that XML forbids from the ${field}`, { file }));
  return text;
}
