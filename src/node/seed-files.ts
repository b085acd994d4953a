import { type Dirent, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError, warning, type Diagnostic } from '../errors.js';
import { isJekyllPostName } from '../seed/dated-name.js';
import { SEED_EXTENSIONS } from '../seed/extensions.js';
import { ioReason } from './read-bounded.js';
import { canonicalLanguage } from '../story/language-tag.js';
import type { LanguageFolder } from '../story/seed-to-story.js';
import { slashPath } from '../story/file-links.js';
import { isMediumPostName } from '../seed/medium.js';
import type { SubstackPost } from '../seed/substack.js';

/** A seed file found in a folder, with its optional sidecar. */
export interface SeedFile {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user (relative to the working directory when inside it). */
  display: string;
  /** Sidecar metadata file (`name.meta.yaml`, `.meta.yml` or `.meta.json`), if present. */
  sidecar?: string;
  /**
   * Set when the file name is not valid UTF-8: `display` then shows its bytes (`caf\xE9.txt`),
   * and the seed is reported instead of read (its name cannot become a URL or an id).
   */
  invalidName?: true;
  /** Set when the file sits directly in the seeds folder (an `index.md` there is no page bundle). */
  inSeedsFolder?: true;
  /**
   * The path within the seeds folder, `/`-separated (`2024/01/15/post.md`): what a title or a date is read from a name's
   * folders with, whatever the working directory (see `ReadSeedOptions.namePath`).
   */
  namePath?: string;
  /**
   * Set when the file lies in Jekyll's posts (see {@link postsPlaceOf}): a dated Markdown file there is read as
   * Jekyll reads a post (its title from its name, a string of categories split at spaces).
   */
  jekyllPost?: true;
  /**
   * Set when the file lies in a site generator's posts folder: Jekyll's posts (as {@link jekyllPost}), or a Hexo site's
   * (`source/_posts`, holding the seeds folder or inside it). A post there may leave out the `---` that opens its front matter, as
   * Hexo reads it; Jekyll's own rules for a post (a dated name, the title from it) stay with {@link jekyllPost}.
   */
  inPostsFolder?: true;
  /** Set when the file is a note of an Obsidian vault: a `.obsidian` folder is in its folder or one above (see {@link obsidianVaultAt}). */
  obsidianVault?: true;
  /**
   * Set for a post of a Substack export (`posts/<post_id>.html` beside `posts.csv`, see `seed/substack.ts`): the path of
   * its `posts.csv`, and, once a build has read that file, the post's row, or why it has none.
   */
  substack?: { csv: string; post?: SubstackPost; problem?: string };
  /**
   * Set for a post of Medium's export (`2016-03-25_Title-ece7c6688e68.html`, see `seed/medium.ts`): read as its page
   * gives it; `keepId` when another seed's name gives the same slug, so its slug keeps Medium's id (see `markMediumTwins` in `load-stories.ts`).
   */
  medium?: { keepId?: true };
}

const SIDECAR = /\.meta\.(?:ya?ml|json)$/i;

/** How deep below the seeds folder a language folder may lie (`content/fr/` from a site's root is 1). */
const LANGUAGE_FOLDER_DEPTH = 3;

/** A folder name that may name a language: an ISO 639-1 code, with a region or script after it (`fr`, `pt-br`, `zh_Hans`). */
const LANGUAGE_FOLDER_NAME = /^[a-z]{2}(?:[-_][a-z0-9]{2,8})*$/i;

/**
 * The language folders of a site translated by content folder, as Hugo lays one out (`content/en/…`,
 * `content/fr/…`): the shallowest folder of the seeds' that holds two or more folders named by ISO 639-1
 * codes, one of them in `siteLanguage`, names them. A story in another language's folder is published under
 * its name (`/fr/…`, see `StoryOptions.languageFolders`). A site with one such folder, or none in its own
 * language, has none: topic folders (`ml/`, `ts/`) are not languages. One pass over the seeds' paths, looking
 * at most {@link LANGUAGE_FOLDER_DEPTH} folders deep.
 */
export function languageFoldersOf(files: readonly SeedFile[], root: string, cwd: string, siteLanguage: string): LanguageFolder[] {
  /** Folders holding seeds (as paths below the root, `/`-joined) and the folders in each named as languages. */
  const children = new Map<string, Set<string>>();
  // Seeds are found under the root by joining the names read (no `.` or `..` among them): below it, the rest of
  // a seed's path is what path.relative gives, at a fraction of its cost (10,000 seeds: 25 ms).
  const below = root.endsWith(path.sep) ? root : `${root}${path.sep}`;
  for (const file of files) {
    const parts = (file.path.startsWith(below) ? file.path.slice(below.length) : path.relative(root, file.path)).split(path.sep);
    if (parts[0] === '..' || path.isAbsolute(parts[0] ?? '')) continue;
    // Language folders are near the top (`fr/`, `content/fr/`): a few levels looked at per seed, however deep it lies.
    for (let i = 0; i < Math.min(parts.length - 1, LANGUAGE_FOLDER_DEPTH); i++) {
      const name = parts[i]!;
      if (!LANGUAGE_FOLDER_NAME.test(name)) continue;
      const parent = parts.slice(0, i).join('/');
      let names = children.get(parent);
      if (!names) children.set(parent, (names = new Set()));
      names.add(name);
    }
  }
  const site = canonicalLanguage(siteLanguage)?.toLowerCase();
  const primary = site?.split('-')[0];
  const candidates: { parent: string; folders: { name: string; language: string }[]; own: string }[] = [];
  for (const [parent, names] of children) {
    const folders = [...names].flatMap((name) => {
      const language = canonicalLanguage(name.replace(/_/g, '-'));
      return language ? [{ name, language }] : [];
    });
    if (folders.length < 2) continue;
    // The site's own folder: its language exactly, else the one folder of its language with another region.
    const exact = folders.filter((f) => f.language.toLowerCase() === site);
    const near = folders.filter((f) => f.language.toLowerCase().split('-')[0] === primary);
    const own = exact.length === 1 ? exact[0] : near.length === 1 ? near[0] : undefined;
    if (own) candidates.push({ parent, folders, own: own.name });
  }
  const depth = (folder: string): number => (folder === '' ? 0 : folder.split('/').length);
  const chosen = candidates.sort((a, b) => depth(a.parent) - depth(b.parent) || (a.parent < b.parent ? -1 : 1))[0];
  if (!chosen) return [];
  return chosen.folders
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map(({ name, language }) => {
      const folder = `${slashPath(displayPath(path.join(root, ...chosen.parent.split('/').filter(Boolean), name), cwd))}/`;
      return name === chosen.own ? { folder, language } : { folder, language, path: name.toLowerCase().replaceAll('_', '-') };
    });
}

/** A file named as one of Hugo's translations: a stem, a two-letter language (a region or script may follow), an extension. */
const TRANSLATION_NAME = /^([^.]+)\.([a-z]{2}(?:[-_][a-z0-9]{2,8})?)\.[^.]+$/i;
/** A file named by a stem and an extension only. */
const PLAIN_NAME = /^([^.]+)\.[^.]+$/;

/**
 * Hugo's translations by file name (see `StoryOptions.translations`): the seeds named by a language (`post.fr.md`,
 * `index.fr.md`) beside another seed of the same name in the same folder (`post.md`, `post.de.md`), as seed paths
 * (`/`-joined display paths) name them. One pass over the names.
 */
export function translationsOf(files: readonly SeedFile[]): string[] {
  /** Seeds by folder and stem without a language: how many, and those named by a language. */
  const names = new Map<string, { count: number; named: string[] }>();
  for (const file of files) {
    if (file.invalidName) continue;
    const shown = slashPath(file.display);
    const cut = shown.lastIndexOf('/') + 1;
    const name = shown.slice(cut);
    const translated = TRANSLATION_NAME.exec(name);
    const isTranslation = translated !== null && canonicalLanguage(translated[2]!.replace('_', '-')) !== undefined;
    const stem = isTranslation ? translated[1] : PLAIN_NAME.exec(name)?.[1];
    if (stem === undefined) continue;
    const key = `${shown.slice(0, cut)}${stem.toLowerCase()}`;
    let group = names.get(key);
    if (!group) names.set(key, (group = { count: 0, named: [] }));
    group.count++;
    if (isTranslation) group.named.push(shown);
  }
  const found: string[] = [];
  for (const group of names.values()) if (group.count > 1) for (const shown of group.named) found.push(shown);
  return found;
}

/** Shows a path relative to `cwd` when it is inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/**
 * Lists seed files under `dir` (recursively, sorted, so builds are deterministic). Skips dot- and
 * underscore-prefixed entries (but Jekyll's `_posts`, see {@link isSkippedName}), `node_modules`, what a site
 * generator's project folder holds besides its articles (see {@link siteRoot}), the files of a Jekyll site's `_posts` not named
 * with their date first (see {@link postsSiteOf}), sidecars, and folders already visited (by real path,
 * so symlink loops end). A seed-named link that cannot be followed (a loop, or a missing target) is
 * listed, so reading it reports the problem with its name instead of dropping the story silently. `others`, when
 * given, counts the files that are no seeds by extension (for the message of a folder that holds none); `skipped`
 * hears why each entry is not read (see {@link SkippedEntries}).
 */
export async function findSeedFiles(
  dir: string,
  cwd = process.cwd(),
  onWarning?: (d: Diagnostic) => void,
  others?: Map<string, number>,
  skipped?: SkippedEntries,
): Promise<SeedFile[]> {
  const root = path.resolve(cwd, dir);
  let info;
  try {
    info = await stat(root);
  } catch (cause) {
    throw new StoryfeedError('E_IO', `seeds folder ${displayPath(root, cwd)} ${ioReason(cause)}`, { cause });
  }
  if (!info.isDirectory()) {
    // One seed given for the folder: say which folder to give instead.
    const kind = info.isFile() ? 'a file' : 'a device, FIFO or socket';
    throw new StoryfeedError('E_IO', `${displayPath(root, cwd)} is ${kind}, not a folder of seeds: give the folder that holds it (${displayPath(path.dirname(root), cwd)})`);
  }
  const found: SeedFile[] = [];
  // Articles in formats storyfeed does not read, by extension, and the first of them: named once, after the walk.
  const unread = new Map<string, number>();
  let firstUnread: string | undefined;
  const visited = new Set<string>();
  // Only a folder holding a symbolic link can list one file twice (most hold none: no file is looked up again).
  let sawLink = false;
  /** Seeds listed through a symbolic link: the link itself, or a file in a linked folder. */
  const throughLink = new Set<string>();
  const postsSite = await postsSiteOf(await realpath(root).catch(() => root));
  const inSitePosts = postsSite === 'jekyll';
  const top: JekyllPlace = {
    postsOnly: false,
    inPosts: inSitePosts,
    sitePosts: inSitePosts,
    inPostsFolder: postsSite !== undefined,
    obsidianVault: await obsidianVaultAt(await realpath(root).catch(() => root)),
  };
  const walk = async (folder: string, linked: boolean, place: JekyllPlace): Promise<void> => {
    let entries: Dirent[];
    try {
      const real = await realpath(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (cause) {
      throw new StoryfeedError('E_IO', `folder ${displayPath(folder, cwd)} ${ioReason(cause)}`, { file: displayPath(folder, cwd), cause });
    }
    // Sidecars are looked up by name only in a folder that holds one (most seed folders hold none).
    const names = entries.some((e) => SIDECAR.test(e.name)) ? sidecarNames(entries.map((e) => e.name)) : undefined;
    const shown = childDisplay(folder, cwd);
    const invalid = entries.some((e) => e.name.includes('\uFFFD')) ? await invalidUtf8Names(folder) : new Map<string, string>();
    const inFolder = childPath(folder);
    const site = siteRoot(entries.map((e) => e.name));
    const reads = readsIn(site);
    // Below a Jekyll site's root, only the files of its `_posts` folders are read.
    const onlyPosts = place.postsOnly || site?.postsOnly === true;
    // A vault inside the seeds folder: its notes are below the folder holding `.obsidian`.
    const vault = place.obsidianVault || entries.some((e) => e.name === OBSIDIAN_FOLDER && (e.isDirectory() || e.isSymbolicLink()));
    // A Substack export: `posts.csv` beside the `posts` folder of the posts' HTML.
    const substackCsv = entries.some((e) => e.name === SUBSTACK_POSTS_CSV && !e.isDirectory()) ? inFolder(SUBSTACK_POSTS_CSV) : undefined;
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = inFolder(entry.name);
      if (skipped?.toward !== undefined && !isSameOrWithin(skipped.toward, full)) continue;
      if (!reads(entry.name)) {
        skipped?.onSkipped(full, isSkippedName(entry.name) ? skippedNameReason(entry.name) : SITE_PROJECT_REASON);
        continue;
      }
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        sawLink = true;
        try {
          isDir = (await stat(full)).isDirectory();
        } catch {
          isDir = false; // reading it names the problem (a loop or a missing target)
        }
      }
      const shownName = invalid.get(entry.name);
      const substackPost = place.substackCsv !== undefined && !isDir && /\.html?$/i.test(entry.name);
      const mediumPost = !substackPost && !onlyPosts && !isDir && isMediumPostName(entry.name);
      const seedNamed =
        substackPost || mediumPost || (!onlyPosts && !SIDECAR.test(entry.name) && (SEED_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase()));
      if (others && !isDir && !seedNamed && shownName === undefined) {
        // Files that are no seeds, counted by extension for the message of a folder that holds none (an export's .html pages).
        const ext = path.extname(entry.name).toLowerCase() || '(no extension)';
        if (others.size < MAX_OTHER_KINDS || others.has(ext)) others.set(ext, (others.get(ext) ?? 0) + 1);
      }
      if (shownName !== undefined) {
        // Not readable by the name Node decoded; reported (with its bytes) rather than dropped or called missing.
        if (isDir || seedNamed) found.push({ path: full, display: displayPath(path.join(folder, shownName), cwd), invalidName: true });
      } else if (isDir) {
        const posts = entry.name === JEKYLL_POSTS;
        // A Hexo site's `_posts` (the seeds folder being its `source`, or holding the site) is a posts folder, not Jekyll's.
        const hexoPosts = posts && !place.inPosts && (await postsSiteOf(await realpath(full).catch(() => full))) === 'hexo';
        await walk(full, linked || entry.isSymbolicLink(), {
          postsOnly: onlyPosts && !posts,
          inPosts: place.inPosts || (posts && !hexoPosts),
          sitePosts: place.sitePosts || (onlyPosts && posts && !hexoPosts),
          inPostsFolder: place.inPostsFolder || posts,
          obsidianVault: vault,
          ...(substackCsv !== undefined && entry.name === SUBSTACK_POSTS_FOLDER ? { substackCsv } : {}),
        });
      } else if (seedNamed && FOLDER_NOTES.test(entry.name)) {
        skipped?.onSkipped(full, FOLDER_NOTES_REASON);
        onWarning?.(
          warning(
            'W_NOT_A_SEED',
            // Shown after the file's name, which it does not repeat.
            "a folder's notes (a README, licence, changelog or contributing guide), not an article; it is skipped (rename it to publish it)",
            {
              file: shown(entry.name, full),
            },
          ),
        );
      } else if (seedNamed && place.sitePosts && !isJekyllPostName(entry.name)) {
        skipped?.onSkipped(full, UNDATED_POST_REASON);
        onWarning?.(
          warning(
            'W_NOT_A_SEED',
            "in a Jekyll site's _posts folder without a date first in its name (2024-01-02-title.md): Jekyll publishes only dated posts, and ignores it; it is skipped (date its name to publish it)",
            { file: shown(entry.name, full) },
          ),
        );
      } else if (!seedNamed && !onlyPosts && !FOLDER_NOTES.test(entry.name) && isUnreadArticle(entry.name, place.inPosts)) {
        const ext = path.extname(entry.name).toLowerCase();
        unread.set(ext, (unread.get(ext) ?? 0) + 1);
        firstUnread ??= shown(entry.name, full);
        skipped?.onSkipped(full, 'it is an article in a format storyfeed does not read (convert it to Markdown to publish it)');
      } else if (seedNamed) {
        // Seed-named FIFOs, devices and sockets are listed too: the bounded reader refuses them by name.
        const file: SeedFile = { path: full, display: shown(entry.name, full), namePath: path.relative(root, full).split(path.sep).join('/') };
        if (linked || entry.isSymbolicLink()) throughLink.add(full);
        if (folder === root) file.inSeedsFolder = true;
        if (place.inPosts) file.jekyllPost = true;
        if (place.inPostsFolder) file.inPostsFolder = true;
        if (vault) file.obsidianVault = true;
        if (substackPost) file.substack = { csv: place.substackCsv! };
        if (mediumPost) file.medium = {};
        const sidecar = names && sidecarOf(entry.name, names);
        if (sidecar) file.sidecar = inFolder(sidecar);
        found.push(file);
      } else if (skipped) {
        skipped.onSkipped(full, SIDECAR.test(entry.name) ? SIDECAR_REASON : onlyPosts ? POSTS_ONLY_REASON : notSeedNamedReason(entry.name));
      }
    }
  };
  await walk(root, false, top);
  if (firstUnread !== undefined) {
    const total = [...unread.values()].reduce((sum, n) => sum + n, 0);
    const kinds = [...unread].map(([ext, n]) => `${n} ${ext}`).join(', ');
    onWarning?.(
      warning(
        'W_NOT_A_SEED',
        // The message follows the first file's name (`doc.rst: …`): it is not named again.
        total === 1
          ? 'an article in a format storyfeed does not read; it is skipped (convert to Markdown to publish)'
          : `an article in a format storyfeed does not read, and ${total - 1} more (${kinds} in all); they are skipped (convert to Markdown to publish)`,
        { file: firstUnread },
      ),
    );
  }
  return sawLink ? withoutSecondNames(found, throughLink, cwd, onWarning) : found;
}

/** What {@link findSeedFiles} says of the entries it does not read, and where it looks. */
export interface SkippedEntries {
  /** Hears each entry not read (a file, or a folder not gone into: nothing below it is read), by its path, and why, as a clause about it. */
  onSkipped: (full: string, reason: string) => void;
  /** A path below the seeds folder: only the folders on the way to it are gone into (why one file is not read, without the walk of the rest). */
  toward?: string;
}

/** Whether `full` is `target` or a folder it lies in. */
function isSameOrWithin(target: string, full: string): boolean {
  const relative = path.relative(full, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Why an entry of a name {@link isSkippedName} gives is not read. */
function skippedNameReason(name: string): string {
  if (name.startsWith('.')) return 'its name starts with a dot, as hidden files and folders are named';
  if (name.startsWith('_'))
    return `its name starts with an underscore, as a site generator's data, layouts, drafts and built site are named (Jekyll's _data, _drafts and _site, Hugo's _index.md): only Jekyll's ${JEKYLL_POSTS} is read`;
  return 'it holds installed packages (node_modules)';
}

/** Why an entry a site generator's project folder holds beside its articles (see {@link siteRoot}) is not read. */
const SITE_PROJECT_REASON =
  "it lies in a site generator's project beside the folder of its articles (Hugo's content, Hexo's source): its templates, themes, static files, data or built site are not read";
/** Why a file below a Jekyll or Hexo site's root, outside its `_posts` folders, is not read. */
const POSTS_ONLY_REASON = "below a Jekyll or Hexo site's root, only the posts in its _posts folders are read (its pages are not articles)";
/** Why a sidecar is not read as a seed. */
const SIDECAR_REASON = 'it is a sidecar: its fields are read with the seed of the same name (inspect that seed)';
/** Why a folder's notes are not read. */
const FOLDER_NOTES_REASON = "it is a folder's notes (a README, licence, changelog or contributing guide), not an article (rename it to publish it)";
/** Why a file of a Jekyll site's posts not named with its date first is not read. */
const UNDATED_POST_REASON =
  "it is in a Jekyll site's _posts folder without a date first in its name (2024-01-02-title.md): Jekyll publishes only dated posts (date its name to publish it)";

/** Why a file whose name is no seed's is not read. */
function notSeedNamedReason(name: string): string {
  const ext = path.extname(name).toLowerCase();
  return `storyfeed reads Markdown, plain text and JSON seeds (${SEED_EXTENSIONS.join(', ')}) and the HTML posts of Substack's and Medium's exports, not ${ext === '' ? 'files without an extension' : `${ext} files`}`;
}

/**
 * The `posts.csv` of the Substack export whose post `file` is (`posts/<post_id>.html` beside it), as the walk finds
 * them, or `undefined` when it is none.
 */
export function substackCsvOf(file: string): string | undefined {
  if (!/\.html?$/i.test(file) || path.basename(path.dirname(file)) !== SUBSTACK_POSTS_FOLDER) return undefined;
  const csv = path.join(path.dirname(path.dirname(file)), SUBSTACK_POSTS_CSV);
  return statSync(csv, { throwIfNoEntry: false })?.isDirectory() === false ? csv : undefined;
}

/** A Substack export's table of posts, and the folder of their HTML (see `seed/substack.ts`). */
const SUBSTACK_POSTS_CSV = 'posts.csv';
const SUBSTACK_POSTS_FOLDER = 'posts';

/** The most kinds of other files counted for a message (see {@link findSeedFiles}'s `others`). */
const MAX_OTHER_KINDS = 20;

/** Extensions of the articles other site generators read that storyfeed does not: reStructuredText (Pelican, Sphinx), Quarto, R Markdown, AsciiDoc, Org, Textile. */
const UNREAD_ARTICLES = new Set(['.rst', '.qmd', '.rmd', '.adoc', '.asciidoc', '.org', '.textile']);

/**
 * Whether a file not read is an article in another format: one of {@link UNREAD_ARTICLES}, or a Jekyll post in HTML
 * (`_posts/…/2024-01-02-title.html`, as jekyll-import writes WordPress posts), `inPosts` telling whether its folder lies
 * in Jekyll's posts as the walk knows it ({@link JekyllPlace.inPosts}), not any `_posts` above the seeds folder.
 */
function isUnreadArticle(name: string, inPosts: boolean): boolean {
  const ext = path.extname(name).toLowerCase();
  if (UNREAD_ARTICLES.has(ext)) return true;
  return inPosts && (ext === '.html' || ext === '.htm') && /^\d{4}-\d{2}-\d{2}-/.test(name);
}

/**
 * Which entries of a folder, given the names of all of them, the walk of a seeds folder goes into or reads (see
 * {@link findSeedFiles}): not the skipped names, nor what a site generator's project folder holds besides its articles.
 * The watch of a seeds folder watches the same folders.
 */
export function entriesRead(names: readonly string[]): (name: string) => boolean {
  return readsIn(siteRoot(names));
}

/** {@link entriesRead} for a folder whose site generator's project (if any) is known. */
function readsIn(site: SiteRoot | undefined): (name: string) => boolean {
  return (name) => !isSkippedName(name) && (site === undefined || site.reads(name));
}

/** A site generator's project folder, told by the names of its entries, and which of those hold the site's articles. */
interface SiteRoot {
  /** Whether the walk reads the entry of this name (a seed, or a folder to walk). */
  reads: (name: string) => boolean;
  /** Whether only the files of the `_posts` folders below it are read (Jekyll's posts). */
  postsOnly: boolean;
}

/** Where a folder the walk goes into lies in a Jekyll site. */
interface JekyllPlace {
  /** Below a Jekyll site's root, outside its `_posts` folders: only those folders are read (its pages are not articles). */
  postsOnly: boolean;
  /** In a `_posts` folder inside the seeds folder (but a Hexo site's), or in a Jekyll site's posts: its files are Jekyll's posts. */
  inPosts: boolean;
  /** In a `_posts` folder of a Jekyll site (at any depth below it): only posts named with their date first are read. */
  sitePosts: boolean;
  /** As {@link inPosts}, or in a Hexo site's `_posts` (the seeds folder in it, or it in the seeds folder): its posts may leave out the `---` opening their front matter. */
  inPostsFolder: boolean;
  /** In an Obsidian vault (see {@link obsidianVaultAt}), or below a folder of the walk holding `.obsidian`. */
  obsidianVault: boolean;
  /** In the `posts` folder of a Substack export: the path of the export's `posts.csv` (its `.html` files are posts). */
  substackCsv?: string;
}

/** The folder Obsidian keeps a vault's settings in, at the vault's root. */
const OBSIDIAN_FOLDER = '.obsidian';

/**
 * Whether `folder` (a real path) lies in an Obsidian vault: it, or a folder above it, holds a `.obsidian` folder.
 * Obsidian's own syntax (`[[links]]`, `==highlights==`) is read only in a vault's notes (see `seed/markdown-extensions.ts`).
 */
export async function obsidianVaultAt(folder: string): Promise<boolean> {
  for (let dir = folder; ; ) {
    if (
      await stat(path.join(dir, OBSIDIAN_FOLDER))
        .then((s) => s.isDirectory())
        .catch(() => false)
    )
      return true;
    const up = path.dirname(dir);
    if (up === dir) return false;
    dir = up;
  }
}

/**
 * Where the seed at `file` (an absolute path) lies, as a build of the seeds folder `seeds` (when given) lists it, its
 * site told once: `jekyllPost` ({@link SeedFile.jekyllPost}) in a Jekyll site's `_posts` (see {@link postsSiteOf}), or in
 * a `_posts` folder inside `seeds` of no site (a Hexo site's `_posts` is not Jekyll's, wherever the seeds folder is; a
 * `_posts` folder above the seeds folder of no Jekyll site, `~/_posts/project/seeds`, is only a name);
 * `inPostsFolder` ({@link SeedFile.inPostsFolder}) in Jekyll's posts so told, or in a Hexo site's `_posts`.
 */
export async function postsPlaceOf(file: string, seeds?: string): Promise<{ jekyllPost: boolean; inPostsFolder: boolean }> {
  const folder = path.dirname(file);
  const site = await postsSiteOf(await realpath(folder).catch(() => folder));
  const below = seeds === undefined ? '' : path.relative(seeds, folder);
  const jekyllPost = site !== undefined ? site === 'jekyll' : below !== '' && !below.startsWith('..') && !path.isAbsolute(below) && below.split(path.sep).includes(JEKYLL_POSTS);
  return { jekyllPost, inPostsFolder: jekyllPost || site !== undefined };
}

/**
 * The site generator whose posts `folder` (a real path) lies in: a `_posts` folder (or one of its sub-folders), where the
 * nearest folder above that `_posts` holding a config file (`_config.yml`, `.yaml` or `.toml`) is the site's root: a
 * Hexo site's when its `scaffolds` folder is beside the config (Hexo's posts, `source/_posts`, whose names need no date),
 * else a Jekyll site's. Jekyll reads the `_posts` folders at any depth of its site (`news/_posts`), and their
 * sub-folders, so the root may be any number of folders above; a `_posts` folder with no config above it is no site's.
 */
async function postsSiteOf(folder: string): Promise<'jekyll' | 'hexo' | undefined> {
  let posts = folder;
  while (path.basename(posts) !== JEKYLL_POSTS) {
    if (path.dirname(posts) === posts) return undefined;
    posts = path.dirname(posts);
  }
  for (let above = path.dirname(posts); ; above = path.dirname(above)) {
    const names = await readdir(above).catch(() => [] as string[]);
    if (names.some((name) => JEKYLL_CONFIG.test(name))) return names.includes(HEXO_SCAFFOLDS) ? 'hexo' : 'jekyll';
    if (path.dirname(above) === above) return undefined;
  }
}

/** The folder of Hexo's post templates, beside its `_config.yml` (which has Jekyll's name). */
const HEXO_SCAFFOLDS = 'scaffolds';
/** The folder of a Hexo site's pages and posts (`source/_posts`). */
const HEXO_SOURCE = 'source';

/** Hugo's own config file (`hugo.toml` since Hugo 0.110; or YAML or JSON). */
const HUGO_CONFIG = /^hugo\.(?:toml|ya?ml|json)$/;
/** The config file name Hugo used before 0.110, and Zola uses: a generic name, a marker only beside a generator's folders. */
const GENERIC_CONFIG = /^config\.(?:toml|ya?ml|json)$/;
/** Folders of Hugo's (and Zola's) project layout besides `content`: templates, themes, static files, archetypes. */
const GENERATOR_FOLDERS = new Set(['archetypes', 'layouts', 'themes', 'templates', 'static', 'assets', 'i18n']);
/** Jekyll's config file. */
const JEKYLL_CONFIG = /^_config\.(?:ya?ml|toml)$/;
/** Astro's config file. */
const ASTRO_CONFIG = /^astro\.config\.[cm]?[jt]s$/;

/**
 * What the walk reads of a site generator's project folder (its entries' `names` tell it), as the generator reads it;
 * `undefined` for any other folder, read whole. Hugo (and Zola) read pages only from `content`, beside which are the
 * site's config, templates (`archetypes`, `layouts`), data, themes, static files and built site (`public`); Jekyll's
 * articles are its posts, in `_posts` folders, beside its pages (`about.md`, `index.md`), config and gems
 * (`vendor/bundle`); Hexo's posts are in `source/_posts`, beside its pages, post templates (`scaffolds`), themes and
 * packages; Astro's `dist` is the built site and `public` its files served as they are. A folder is taken for
 * one only with the folder its articles are in: `hugo.toml` (or `archetypes`) beside `content`, or the generic
 * `config.toml` with a generator's folder too (`layouts`, `themes`, `templates`, `static`, …), a Jekyll config beside `_posts`,
 * Hexo's (the same name) beside `scaffolds` and `source`.
 */
function siteRoot(names: readonly string[]): SiteRoot | undefined {
  const hugo =
    names.includes('archetypes') ||
    names.some((name) => HUGO_CONFIG.test(name)) ||
    (names.some((name) => GENERIC_CONFIG.test(name)) && names.some((name) => GENERATOR_FOLDERS.has(name)));
  if (names.includes('content') && hugo) return { reads: (name) => name === 'content', postsOnly: false };
  if (names.includes(JEKYLL_POSTS) && names.some((name) => JEKYLL_CONFIG.test(name))) return { reads: () => true, postsOnly: true };
  // Hexo's config has Jekyll's name; its posts are in `source/_posts`, beside its templates (`scaffolds`), themes and packages.
  if (names.includes(HEXO_SCAFFOLDS) && names.includes(HEXO_SOURCE) && names.some((name) => JEKYLL_CONFIG.test(name)))
    return { reads: (name) => name === HEXO_SOURCE, postsOnly: true };
  if (names.some((name) => ASTRO_CONFIG.test(name))) return { reads: (name) => name !== 'dist' && name !== 'public', postsOnly: false };
  return undefined;
}

/**
 * The seeds without the names that lead, through a symbolic link, to a file listed already (a link
 * beside the file, or a linked folder): each would be published as a story of its own, the same story
 * twice under two addresses. A file keeps a name not reached through a link when it has one (`a.md`,
 * not `alias-a.md → a.md`), else its first name in order; the others are warned about (`W_SEED_LINK`).
 */
async function withoutSecondNames(found: SeedFile[], throughLink: ReadonlySet<string>, cwd: string, onWarning?: (d: Diagnostic) => void): Promise<SeedFile[]> {
  const reals = await Promise.all(found.map((f) => (f.invalidName ? Promise.resolve(undefined) : realpath(f.path).catch(() => undefined))));
  const keeper = new Map<string, number>();
  const own = (i: number): boolean => !throughLink.has(found[i]!.path);
  reals.forEach((real, i) => {
    if (real === undefined) return;
    const kept = keeper.get(real);
    if (kept === undefined || (own(i) && !own(kept))) keeper.set(real, i);
  });
  return found.filter((file, i) => {
    const real = reals[i];
    const kept = real === undefined ? i : keeper.get(real)!;
    if (kept === i) return true;
    onWarning?.(
      warning(
        'W_SEED_LINK',
        `leads through a symbolic link to the same file as ${found[kept]!.display} (${displayPath(real!, cwd)}), which is read already: the story is published once, from there`,
        {
          file: file.display,
        },
      ),
    );
    return false;
  });
}

/**
 * The sidecars among a folder's `names`, by their names with the `.meta.yaml` ending in lower case: the walk tells a
 * sidecar by that ending in any letter case (`post.meta.YAML`, `post.META.yml`, as Windows and macOS keep a name typed
 * so), and one so named was neither a seed nor read as its seed's sidecar, its fields lost without a word. A name
 * ending in lower case wins over another differing only in the ending's case.
 */
export function sidecarNames(names: Iterable<string>): ReadonlyMap<string, string> {
  const sidecars = new Map<string, string>();
  for (const name of names) {
    const ending = SIDECAR.exec(name)?.[0];
    if (ending === undefined) continue;
    const key = name.slice(0, name.length - ending.length) + ending.toLowerCase();
    if (!sidecars.has(key) || ending === ending.toLowerCase()) sidecars.set(key, name);
  }
  return sidecars;
}

/** The sidecar of the seed named `name` among a folder's {@link sidecarNames} (`.meta.yaml`, then `.meta.yml`, then `.meta.json`), if any. */
export function sidecarOf(name: string, sidecars: ReadonlyMap<string, string>): string | undefined {
  const stem = name.slice(0, name.length - path.extname(name).length);
  for (const ext of ['yaml', 'yml', 'json']) {
    const sidecar = sidecars.get(`${stem}.meta.${ext}`);
    if (sidecar !== undefined) return sidecar;
  }
  return undefined;
}

/**
 * The path of an entry of `folder` (an absolute, normalized path) from its name: `path.join` without
 * normalizing again what is already normal, once per seed. A name never holds a separator, and names
 * starting with a dot are skipped before this, so no `.` or `..` comes in.
 */
function childPath(folder: string): (name: string) => string {
  const prefix = folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`;
  return (name) => prefix + name;
}

/**
 * {@link displayPath} of the entries of `folder`, given each one's name and path: the folder's
 * relative path is worked out once, not once per seed. A name never holds a separator, and never
 * starts with a dot (those entries are skipped), so it cannot climb out of its folder.
 */
function childDisplay(folder: string, cwd: string): (name: string, full: string) => string {
  const rel = path.relative(cwd, folder);
  if (rel === '') return (name) => name;
  if (rel.startsWith('..') || path.isAbsolute(rel)) return (_, full) => full;
  const prefix = `${rel.split(path.sep).join('/')}/`;
  return (name) => prefix + name;
}

/**
 * The entries of `folder` whose names are not valid UTF-8, keyed by the name Node decoded (with
 * U+FFFD in place of the bad bytes), each with its bytes shown as `\xNN`.
 */
async function invalidUtf8Names(folder: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (const raw of await readdir(folder, { encoding: 'buffer' })) {
    try {
      strict.decode(raw);
    } catch {
      out.set(raw.toString('utf8'), showBytes(raw));
    }
  }
  return out;
}

/** A file name's bytes: printable ASCII as is, every other byte as `\xNN`. */
function showBytes(name: Uint8Array): string {
  let out = '';
  for (const b of name) out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/**
 * Whether the walk of a seeds folder skips an entry of this name: hidden (a dot), set aside (an underscore: a site
 * generator's data, layouts, drafts or built site, such as Jekyll's `_data` and `_site` or Hugo's `_index.md`), or
 * `node_modules`. Jekyll's `_posts`, the folder of its articles, is read.
 */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || (name.startsWith('_') && name !== JEKYLL_POSTS) || name === 'node_modules';
}

/**
 * The names of the notes a repository or folder keeps beside its files (README.md, LICENSE.txt, CHANGELOG.md,
 * CONTRIBUTING.md, CODE_OF_CONDUCT.md, in any case): notes about the folder, not articles for readers.
 */
const FOLDER_NOTES = /^(?:readme|licen[cs]e|changelog|contributing|code_of_conduct)\.[^.]+$/i;

/** The folder Jekyll reads its posts from, at any depth of its site. */
const JEKYLL_POSTS = '_posts';
