import { duplicateKeyProblem } from '../json-keys.js';
import { StoryfeedError, warning, type Diagnostic } from '../errors.js';
import { decodeSeedBytes, parseYamlMeta, readMeta, type SeedMeta } from '../seed/index.js';
import { parseSeedWith, type Analyze } from '../story/seed-to-story.js';
import { mediumSeedText } from '../seed/medium.js';
import { substackSeedText } from '../seed/substack.js';
import path from 'node:path';
import type { Story } from '../types.js';
import type { LoadStoriesOptions, SeedBytes } from './load-stories.js';
import { displayPath, type SeedFile } from './seed-files.js';
import { withCharacterReferences } from '../html/entities.js';

/**
 * Normalizes one seed's bytes (and its sidecar's) into a Story; the body is analysed with `analyze`
 * when given. Kept apart from `load-stories.ts` so a build whose seeds are all cached never loads the
 * parser, and the analysis (with its word lists) loads only where a body is analysed.
 */
export function normalizeSeedFile(
  file: SeedFile,
  seed: SeedBytes,
  options: LoadStoriesOptions,
  analyze: Analyze | undefined,
  onWarning: (d: Diagnostic) => void,
  /** Whether a path is one of the seeds read with this one (see `StoryOptions.isSeedFile`). */
  isSeedFile?: (file: string) => boolean,
): Story {
  if (file.substack && !file.substack.post)
    throw new StoryfeedError('E_FIELD', `a Substack post, but ${file.substack.problem ?? 'its row of posts.csv is missing'}`, { file: file.display });
  // A Substack post is read as the JSON seed its row and its HTML make (see `seed/substack.ts`).
  const html = decodeSeedBytes(seed.bytes, file.display);
  const text = file.medium
    ? mediumSeedText(html, path.basename(file.path), file.medium.keepId === true)
    : file.substack?.post
      ? substackSeedText(file.substack.post, html, (message) => onWarning(warning('W_PODCAST_EPISODE', message, { file: file.display })))
      : html;
  const sidecar = file.sidecar && seed.sidecar ? readSidecar(file.sidecar, seed.sidecar, options, onWarning) : undefined;
  return parseSeedWith(
    text,
    {
      file: file.display,
      ...(file.substack?.post || file.medium ? { format: 'json' as const } : {}),
      site: options.site,
      ...(sidecar ? { sidecar } : {}),
      ...(options.site.timeZone ? { timeZone: options.site.timeZone } : {}),
      ...(options.fallbackDate ? { fallbackDate: options.fallbackDate } : {}),
      analysis: analyze !== undefined,
      ...(options.maxSeedBytes !== undefined ? { maxSeedBytes: options.maxSeedBytes } : {}),
      ...(file.inSeedsFolder ? { seedsFolderTop: true } : {}),
      ...(file.namePath !== undefined ? { namePath: file.namePath } : {}),
      // Told by where the file is in the seeds folder or a Jekyll site (see findSeedFiles), not by its name for messages
      // (relative to the working directory, which may be inside `_posts`), nor by any folder named `_posts` above it.
      jekyllPost: file.jekyllPost === true,
      inPostsFolder: file.inPostsFolder === true,
      ...(file.obsidianVault ? { obsidianVault: true } : {}),
      ...(options.languageFolders ? { languageFolders: options.languageFolders } : {}),
      ...(options.notionTwins ? { notionTwins: options.notionTwins } : {}),
      ...(options.translations ? { translations: options.translations } : {}),
      ...(isSeedFile ? { isSeedFile } : {}),
      onWarning,
    },
    analyze,
  );
}

function readSidecar(file: string, bytes: Uint8Array, options: LoadStoriesOptions, onWarning: (d: Diagnostic) => void): SeedMeta {
  const display = displayPath(file, options.cwd);
  const text = decodeSeedBytes(bytes, display);
  const common = { file: display, ...(options.site.timeZone ? { timeZone: options.site.timeZone } : {}), onWarning };
  if (file.endsWith('.json')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new StoryfeedError('E_JSON', `invalid JSON: ${(cause as Error).message}`, { file: display, cause });
    }
    const duplicate = duplicateKeyProblem(text);
    if (duplicate) throw new StoryfeedError('E_JSON', duplicate.detail, { file: display, line: duplicate.line });
    return withReadTitle(readMeta(value, common));
  }
  return withReadTitle(parseYamlMeta(text, common));
}

/** A sidecar's title with HTML's character references read, as `parseFrontMatter` reads a front matter's (see `withCharacterReferences`). */
function withReadTitle(meta: SeedMeta): SeedMeta {
  if (meta.title !== undefined) meta.title = withCharacterReferences(meta.title);
  return meta;
}
