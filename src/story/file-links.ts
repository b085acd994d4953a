/**
 * Links from one article to another by its file, as Obsidian, VS Code, GitHub, MkDocs, Docusaurus and
 * Hugo's page bundles have writers make them: `[see](other-post.md)`, `[see](../second-post/index.md#details)`.
 * Resolved against the story's URL as any relative link is, they gave readers `…/second-post/index.md`, which
 * no site publishes. Such a link is given the address the linked file's story takes from its path (the slug
 * rules and `storyPath`, as for any story), the fragment kept, and recorded ({@link SeedLink}); a link whose
 * story's address storyfeed cannot tell from the link is left out, its text kept, and so, in a build (which
 * tells the seeds, `StoryOptions.isSeedFile`), is a link to a file that is none of its seeds. The build then
 * warns about links whose story is published elsewhere, or not at all ({@link fileLinkProblems}).
 */
import { warning, type Diagnostic } from '../errors.js';
import type { SeedLink, Story } from '../types.js';

/** The extensions storyfeed reads as Markdown (see `seed/index.ts`): a link to such a file names an article. */
const MARKDOWN_FILE = /\.(?:md|markdown|mdown|mkd|mdx)$/i;
/** An address with a scheme (`https:`, `mailto:`), which names no file of the seeds. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** `%` escapes decoded; as it is when they do not decode. */
function decoded(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A link's address (an `href` as written in the HTML) when it names a Markdown file by a relative path:
 * the path and the fragment (with its `#`, or empty); a query is dropped. `undefined` for any other
 * address (an absolute URL, a fragment alone, a file of another kind).
 */
export function markdownFileOf(href: string): { path: string; fragment: string } | undefined {
  if (href === '' || SCHEME.test(href) || /^[\\/]{2}/.test(href)) return undefined;
  const hash = href.indexOf('#');
  const fragment = hash < 0 ? '' : href.slice(hash);
  const beforeHash = hash < 0 ? href : href.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const path = query < 0 ? beforeHash : beforeHash.slice(0, query);
  return MARKDOWN_FILE.test(decoded(path)) ? { path, fragment } : undefined;
}

/**
 * The file a relative path names from the folder of the seed `from` (folders separated by `/` or `\`),
 * joined with `/`; `undefined` for a path from a root (`/notes/a.md`), which storyfeed cannot know (the
 * site's, the repository's, the vault's).
 */
export function linkedFilePath(from: string, path: string): string | undefined {
  // Decoded first: Markdown writes a Windows path's backslashes as `%5C` (`..\\posts\\a.md` is `..%5Cposts%5Ca.md`).
  const given = decoded(path);
  if (/^[\\/]/.test(given)) return undefined;
  const parts = from.split(/[\\/]/);
  parts.pop();
  // A root (`/`, `C:`) is never climbed above.
  const rooted = parts.length > 0 && (parts[0] === '' || /^[a-z]:$/i.test(parts[0]!));
  for (const part of given.split(/[\\/]/)) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length > (rooted ? 1 : 0) && parts.at(-1) !== '..') parts.pop();
    else if (!rooted) parts.push('..');
  }
  return parts.join('/');
}

/** A path with `/` between its folders, as {@link SeedLink.file} holds it, to compare a story's `file` with it. */
export function slashPath(file: string): string {
  return file.replaceAll('\\', '/');
}

/** The folder of a path with `/` between its folders (empty for none). */
function folderOf(file: string): string {
  const at = file.lastIndexOf('/');
  return at < 0 ? '' : file.slice(0, at);
}

/**
 * The address a link is compared by with what the seed's text holds: `%` escapes and Markdown's
 * backslash escapes decoded, angle brackets taken off.
 */
function comparable(address: string): string {
  const bare = address.trim().replace(/^<(.*)>$/, '$1');
  return decoded(bare.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
}

/**
 * A link's address as Markdown (`](…)`, a reference definition's `]: …`) or HTML (`href="…"`) writes it:
 * in angle brackets, or up to white space or a `)` that closes no `(` of its own.
 */
const WRITTEN_ADDRESS =
  /\]\(\s*(?:<([^<>\n]*)>|([^\s<>()]*(?:\([^\s<>()]*\)[^\s<>()]*)*))|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*(?:<([^<>\n]*)>|(\S+))|\shref\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'<>`=]+))/gim;

/**
 * The line (1-based) where each address of `addresses` (compared as {@link comparable} gives them) is
 * first written in `text`, for those found. One pass over the text.
 */
export function linesOfAddresses(text: string, addresses: readonly string[]): Map<string, number> {
  const lines = new Map<string, number>();
  const wanted = new Set(addresses);
  if (wanted.size === 0) return lines;
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(WRITTEN_ADDRESS)) {
    const address = match.slice(1).find((group) => group !== undefined);
    if (address === undefined) continue;
    const key = comparable(address);
    if (!wanted.has(key) || lines.has(key)) continue;
    for (let at = text.indexOf('\n', counted); at >= 0 && at < match.index; at = text.indexOf('\n', at + 1)) line++;
    counted = match.index;
    lines.set(key, line);
    if (lines.size === wanted.size) break;
  }
  return lines;
}

/**
 * Gives the links of one seed's HTML that name a Markdown file the address of that file's story (see
 * the module comment), as the sanitizer meets them ({@link FileLinks.address}), and what it did. Each
 * address is looked at once.
 */
export class FileLinks {
  /** One per linked file: those given an address (with `url`), and those left out as none of the seeds (without). */
  readonly links: SeedLink[] = [];
  /** The addresses as written of links left out because their story's address cannot be told from them, in the order first met. */
  readonly leftOut: string[] = [];
  /** The links left out because their file is none of the seeds, one per file. */
  readonly notSeeds: SeedLink[] = [];
  /** What each address as written was given (`null`: left out). */
  private readonly given = new Map<string, string | null>();
  /** The files linked so far (the keys of {@link links}). */
  private readonly files = new Set<string>();
  private readonly leftOutSeen = new Set<string>();

  constructor(
    /** The seed's path, when it has one. */
    private readonly from: string | undefined,
    /** Whether the seed sits directly in the folder a build reads seeds from. */
    private readonly top: boolean,
    /** The URL a story takes from its file's path, given whether it sits directly in the seeds folder; `undefined` when it takes none. */
    private readonly urlOf: (file: string, top: boolean) => string | undefined,
    /** Whether a path is one of the seeds read with this one (see `StoryOptions.isSeedFile`); without it, every file may be. */
    private readonly isSeed?: (file: string) => boolean,
  ) {}

  /** The address a link is given: its story's URL, `null` to leave it out, `undefined` for a link to no Markdown file. */
  readonly address = (href: string): string | null | undefined => {
    const known = this.given.get(href);
    if (known !== undefined) return known;
    const named = markdownFileOf(href);
    if (!named) return undefined;
    const written = comparable(href);
    const target = this.from === undefined ? undefined : linkedFilePath(this.from, named.path);
    // An `index.md` directly in the seeds folder is named by its title: only a sibling of a seed there is known to be there too.
    const url = target === undefined ? undefined : this.urlOf(target, this.top && folderOf(target) === folderOf(slashPath(this.from!)));
    if (target === undefined || url === undefined) {
      this.given.set(href, null);
      if (!this.leftOutSeen.has(written)) {
        this.leftOutSeen.add(written);
        this.leftOut.push(written);
      }
      return null;
    }
    if (this.isSeed && !this.isSeed(target)) {
      this.given.set(href, null);
      this.record({ file: target, written }, true);
      return null;
    }
    const address = named.fragment.length > 1 ? new URL(named.fragment, url).href : url;
    this.given.set(href, address);
    // One record per file (the first link to it, with its fragment).
    this.record({ file: target, written, url: address }, false);
    return address;
  };

  private record(link: SeedLink, notSeed: boolean): void {
    if (this.files.has(link.file)) return;
    this.files.add(link.file);
    this.links.push(link);
    if (notSeed) this.notSeeds.push(link);
  }

  /**
   * The links recorded, each with the line of `text` (the seed) where it is written, and warnings for the
   * links left out, naming the first of each kind.
   */
  finish(text: string | undefined, file: string | undefined): { links: SeedLink[]; warnings: Diagnostic[] } {
    const addresses = [...this.links.map((link) => link.written), ...this.leftOut];
    const lines = text === undefined ? new Map<string, number>() : linesOfAddresses(text, addresses);
    const links = this.links.map((link) => {
      const line = lines.get(link.written);
      return line === undefined ? link : { ...link, line };
    });
    const warnings: Diagnostic[] = [];
    const first = this.leftOut[0];
    if (first !== undefined) {
      const line = lines.get(first);
      const count = this.leftOut.length > 1 ? `${this.leftOut.length} links to Markdown files` : 'a link to a Markdown file';
      const why =
        file === undefined
          ? 'the story has no file to find it from'
          : /^[\\/]/.test(first)
            ? 'a path from a root (the site’s, the repository’s) names no file storyfeed can find'
            : 'its story is named by its title, which storyfeed cannot tell from the link';
      warnings.push(
        warning(
          'W_FILE_LINK',
          `left out ${count} whose story’s address storyfeed cannot tell, keeping the text (first: ${first}${line !== undefined ? ` on line ${line}` : ''}: ${why}); link to the story’s address instead, or to its file by a path from this one`,
          { file, ...(line !== undefined ? { line } : {}) },
        ),
      );
    }
    const notSeed = this.notSeeds[0];
    if (notSeed !== undefined) {
      const line = lines.get(notSeed.written);
      const count = this.notSeeds.length > 1 ? `${this.notSeeds.length} links to Markdown files that are` : 'a link to a Markdown file that is';
      warnings.push(
        warning(
          'W_FILE_LINK',
          `left out ${count} none of the seeds, keeping the text (first: ${notSeed.written}${line !== undefined ? ` on line ${line}` : ''}, which names ${notSeed.file}); link to the article's address, or to its seed's file`,
          { file, ...(line !== undefined ? { line } : {}) },
        ),
      );
    }
    return { links, warnings };
  }
}

/**
 * Whether the story's links to files were settled for these seeds (see `StoryOptions.isSeedFile`): each
 * link to a seed given its address, each to another file left out. A story settled for other seeds (a file
 * it links to was added or removed since, or it was read without knowing the seeds) must be read again.
 */
export function linksSettledFor(story: Pick<Story, 'seedLinks'>, isSeed: (file: string) => boolean): boolean {
  return story.seedLinks === undefined || story.seedLinks.every((link) => (link.url !== undefined) === isSeed(link.file));
}

/** What {@link fileLinkProblems} reads of a story. */
type LinkingStory = Pick<Story, 'url' | 'draft' | 'file' | 'seedLinks'>;

/**
 * Warnings for the links to seeds (see {@link SeedLink}) of stories that a build publishes, given every
 * story it read: a link whose seed is published at another address than its path gives (the seed sets its
 * own `slug` or `url`, or an `index.md` in the seeds folder is named by its title), naming the address to
 * write; one whose seed is a draft, or could not be read. In the stories' order; one pass over them.
 */
export function fileLinkProblems(stories: readonly LinkingStory[]): Diagnostic[] {
  // Most builds have no such link: no map of every story's file for them.
  if (!stories.some((story) => story.seedLinks !== undefined && !story.draft)) return [];
  const byFile = new Map<string, LinkingStory>();
  for (const story of stories) if (story.file !== undefined) byFile.set(slashPath(story.file), story);
  const problems: Diagnostic[] = [];
  for (const story of stories) {
    if (story.draft || !story.seedLinks) continue;
    for (const link of story.seedLinks) {
      if (link.url === undefined) continue;
      const target = byFile.get(link.file);
      const at = `the link to ${link.written}${link.line !== undefined ? ` on line ${link.line}` : ''}`;
      const where = { ...(story.file !== undefined ? { file: story.file } : {}), ...(link.line !== undefined ? { line: link.line } : {}) };
      const hash = link.url.indexOf('#');
      const fragment = hash < 0 ? '' : link.url.slice(hash);
      const given = hash < 0 ? link.url : link.url.slice(0, hash);
      if (!target) {
        problems.push(
          warning(
            'W_FILE_LINK',
            `${at} names ${link.file}, which this build does not publish (it could not be read, or was set aside): readers would find nothing at ${given}`,
            where,
          ),
        );
      } else if (target.url !== given) {
        problems.push(
          warning(
            'W_FILE_LINK',
            `${at} was given ${given}, the address its file's name gives, but that story is published at ${target.url} (its front matter sets its own slug or url, or it is named by its title): link to ${target.url}${fragment} instead`,
            where,
          ),
        );
      } else if (target.draft) {
        problems.push(warning('W_FILE_LINK', `${at} names ${link.file}, a draft: readers will find nothing at ${given} until it is published`, where));
      }
    }
  }
  return problems;
}
