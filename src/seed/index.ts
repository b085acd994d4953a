import { warning, type Diagnostic } from '../errors.js';
import { checkReadOptions, checkText } from '../story/check-options.js';
import { describeRemoved, hasIllegalXmlChars, removeIllegalXmlChars } from '../xml-chars.js';
import type { SeedArticle } from './article.js';
import { repaired } from './decode.js';
import { mergeSidecarMeta, type SeedMeta } from './front-matter.js';
import { readJsonSeed } from './json.js';
import { readMarkdownSeed } from './markdown.js';
import { checkSeedStructure, seedUnitLimit } from './structure-limit.js';
import { readTextSeed } from './text.js';

export type { SeedArticle, SeedDateline } from './article.js';
export type { SeedMeta } from './front-matter.js';
export { decodeSeedBytes } from './decode.js';
export { parseYamlMeta, readMeta } from './front-matter.js';

/** The seed formats storyfeed reads. */
export type SeedFormat = 'text' | 'markdown' | 'json';

/** Options for {@link readSeed}. */
export interface ReadSeedOptions {
  /** File name, for messages and to pick the format from its extension. */
  file?: string;
  /** Format; defaults to the file extension (`.md`/`.markdown`, `.mdx`, `.json`), else plain text. An `.mdx` file is Markdown without MDX's own syntax (see `mdx.ts`). */
  format?: SeedFormat;
  /** Metadata from a sidecar file; front matter in the seed overrides it field by field. */
  sidecar?: SeedMeta;
  /** IANA time zone for dates without an offset. Default UTC. */
  timeZone?: string;
  /** Receives non-fatal problems. */
  onWarning?: (d: Diagnostic) => void;
  /** The site's address, for Jekyll's `{{ site.baseurl }}` and `relative_url` in Markdown links (see `TextSeedOptions.siteUrl`). */
  siteUrl?: string;
  /**
   * The seed size cap the loader applies (`maxSeedBytes`, default 5 MB): it also caps the seed's lines and
   * marks of markup, one per 25 bytes of it (see `structure-limit.ts`), checked before any parser runs.
   */
  maxSeedBytes?: number;
  /**
   * Whether the file lies in a Jekyll `_posts` folder, where a dated Markdown post is read as Jekyll reads it; without
   * it, `file` says (a path naming such a folder). A build tells from where the file is: in a `_posts` folder inside the
   * seeds folder, or in a Jekyll site's `_posts` (below its `_config.yml`), not in any folder named so above a project.
   */
  jekyllPost?: boolean;
  /**
   * Whether the file lies in a site generator's posts folder (`_posts`: Jekyll's, or a Hexo site's `source/_posts`),
   * where a post may leave out the `---` that opens its front matter; without it, {@link jekyllPost} says, else `file`.
   * Wider than `jekyllPost`: Jekyll's own rules for a post do not follow from it.
   */
  inPostsFolder?: boolean;
  /**
   * The file's path within the folder a build reads seeds from, `/`-separated (`2024/01/15/post.md`, `trip/index.md`):
   * an untitled seed of only pictures or code is titled by its name's words, and a seed in dated folders dated by them,
   * from this path, so that the working directory changes neither. Without it, `file`.
   */
  namePath?: string;
  /**
   * Whether the file is a note of an Obsidian vault (a `.obsidian` folder in its folder or one above): only there are
   * `[[…]]` links and `==…==` highlights read as Obsidian writes them. A build tells from the folders around the file.
   */
  obsidianVault?: boolean;
}

/** Picks the seed format from a file name. */
export function seedFormatOf(file: string | undefined): SeedFormat {
  const ext = /\.([^./\\]+)$/.exec(file ?? '')?.[1]?.toLowerCase();
  if (ext === 'md' || ext === 'markdown' || ext === 'mdown' || ext === 'mkd' || ext === 'mdx') return 'markdown';
  if (ext === 'json') return 'json';
  return 'text';
}

export { SEED_EXTENSIONS } from './extensions.js';
export { DEFAULT_MAX_SEED_BYTES } from './structure-limit.js';

/**
 * Reads seed text into a {@link SeedArticle}. C1 controls are read as the Windows-1252 characters they
 * stand for and vertical tabs and form feeds as spaces, as for a seed read from its bytes (see
 * `decode.ts`); other characters XML forbids are removed, with a warning giving their lines.
 */
export function readSeed(text: string, options: ReadSeedOptions = {}): SeedArticle {
  checkText(text, 'text');
  checkReadOptions(options);
  const format = options.format ?? seedFormatOf(options.file);
  const clean = stripIllegal(repaired(text), options);
  // Plain text is counted here, as its reader gets it; Markdown as its parser gets it (see `markdown.ts`), JSON field by field (see `json.ts`).
  if (format === 'text') checkSeedStructure(clean, { kind: 'text', limit: seedUnitLimit(options.maxSeedBytes), file: options.file });
  const read = format === 'markdown' ? readMarkdownSeed : format === 'json' ? readJsonSeed : readTextSeed;
  const article = read(clean, options);
  if (options.sidecar) article.meta = mergeSidecarMeta(options.sidecar, article.meta);
  // A post whose text is not public stays a draft: a sidecar's `draft: false` does not publish it.
  if (article.withheld !== undefined && article.meta.draft !== true) {
    options.onWarning?.(
      warning('W_DRAFT', `${article.withheld}: its text is not public, and a sidecar's \`draft: false\` does not publish it; it is left out of the feeds`, { file: options.file }),
    );
    article.meta = { ...article.meta, draft: true };
  }
  return article;
}

function stripIllegal(text: string, options: ReadSeedOptions): string {
  if (!hasIllegalXmlChars(text)) return text;
  // Lines end at LF, CR LF or a lone CR, as the readers take them; each line's ending is kept as written.
  const parts = text.split(/(\r\n?|\n)/);
  for (let i = 0; i < parts.length; i += 2) {
    const { text: clean, removed } = removeIllegalXmlChars(parts[i]!);
    if (removed.length) {
      options.onWarning?.(warning('W_ILLEGAL_CHAR', `removed ${describeRemoved(removed)} that XML forbids`, { file: options.file, line: i / 2 + 1 }));
    }
    parts[i] = clean;
  }
  return parts.join('');
}
