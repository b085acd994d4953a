import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError, type Diagnostic } from '../errors.js';
import { loadStory, markMediumTwins, notionTwinsOf } from '../node/load-stories.js';
import {
  displayPath,
  findSeedFiles,
  languageFoldersOf,
  obsidianVaultAt,
  sidecarNames,
  sidecarOf,
  substackCsvOf,
  translationsOf,
  postsPlaceOf,
  type SeedFile,
} from '../node/seed-files.js';
import { isMediumPostName } from '../seed/medium.js';
import type { Story } from '../types.js';
import { storyToJson, type StoryJson } from '../story/json.js';
import { EXIT, type CliIo, type InspectFlags } from './main.js';
import { validateConfig, type StoryfeedConfig } from '../config/site-config.js';
import { loadConfigFile } from '../node/config-file.js';
import { readAuthorProfiles } from '../node/author-profiles.js';
import { resolveConfig } from './site.js';
import { oneLine } from './terminal.js';

/** `storyfeed inspect FILE`: prints one normalized Story (as JSON with `--json`). */
export async function runInspect(file: string, flags: InspectFlags, io: CliIo, warn: (d: Diagnostic) => void): Promise<number> {
  // Showing how a file parses needs no configuration: without one, URLs are built on a preview site.
  const resolved = flags.site || flags.config || (await loadConfigFile(undefined, io.cwd)) ? await resolveConfig(flags, io.cwd) : undefined;
  const config = resolved?.config ?? previewConfig(io);
  const full = path.resolve(io.cwd, file);
  const seed: SeedFile = { path: full, display: displayPath(full, io.cwd) };
  // A Jekyll post as a build of the configured seeds folder reads it.
  const seeds = resolved ? path.resolve(resolved.dir, config.seeds ?? 'seeds') : undefined;
  const place = await postsPlaceOf(full, seeds);
  if (place.jekyllPost) seed.jekyllPost = true;
  if (place.inPostsFolder) seed.inPostsFolder = true;
  if (await obsidianVaultAt(await realpath(path.dirname(full)).catch(() => path.dirname(full)))) seed.obsidianVault = true;
  // A post of a Substack export (`posts/<post_id>.html` beside `posts.csv`) with its row, as a build reads it.
  const substackCsv = substackCsvOf(full);
  if (substackCsv !== undefined) seed.substack = { csv: substackCsv };
  // A post of Medium's export, as a build reads it.
  else if (isMediumPostName(path.basename(full))) seed.medium = {};
  // A file a build leaves out (a page's HTML, a README, a sidecar, a file in `_drafts`) is named with why, not read as a seed.
  const notRead = await whyNotRead(full, seedsFolderReading(full, seeds, io.cwd) ?? path.dirname(substackCsv ?? full), io.cwd);
  if (notRead !== undefined) {
    throw new StoryfeedError('E_UNSUPPORTED', `a build of the seeds folder does not read this file: ${notRead}`, {
      file: seed.display,
      fix: 'Inspect a file a build reads; to publish this one, change what the message names.',
    });
  }
  // Its sidecar, as a build finds it (`.meta.yaml` in any letter case).
  const sidecar = sidecarOf(path.basename(full), sidecarNames(await readdir(path.dirname(full)).catch(() => [])));
  if (sidecar) seed.sidecar = path.join(path.dirname(full), sidecar);
  // Authors described by id in the seeds folder's authors file, as a build reads them (see `author-profiles.ts`).
  const authorProfiles = await readAuthorProfiles(seeds ?? path.dirname(full), io.cwd, warn);
  // A site translated by content folder (`content/fr/…`) or by file name (`post.fr.md`), and Notion pages sharing a title, as a build of the configured seeds folder finds them.
  const siblings = seeds !== undefined && !path.relative(seeds, full).startsWith('..') ? await findSeedFiles(seeds, io.cwd).catch(() => []) : [];
  const languageFolders = seeds !== undefined ? languageFoldersOf(siblings, seeds, io.cwd, config.language ?? 'en') : [];
  const notionTwins = notionTwinsOf(siblings);
  const translations = translationsOf(siblings);
  // A post of Medium's export sharing its title with another seed keeps its id, as in a build.
  markMediumTwins(siblings);
  if (seed.medium && siblings.find((sibling) => sibling.path === full)?.medium?.keepId) seed.medium.keepId = true;
  // The same bounded reader and size limit as a build: a FIFO or a huge file is refused, not read.
  const story = await loadStory(seed, {
    site: authorProfiles ? { ...config, authorProfiles } : config,
    cwd: io.cwd,
    onWarning: warn,
    ...(languageFolders.length > 0 ? { languageFolders } : {}),
    ...(notionTwins.length > 0 ? { notionTwins } : {}),
    ...(translations.length > 0 ? { translations } : {}),
    ...(config.maxSeedBytes !== undefined ? { maxSeedBytes: config.maxSeedBytes } : {}),
  });
  io.out(flags.json ? `${JSON.stringify(inspectJson(story), null, 2)}\n` : describeStory(story));
  return EXIT.ok;
}

/**
 * The seeds folder a build that reads `file` walks: the configured one `seeds` when it holds the file, else the working
 * directory `cwd` when it does (`build .`), else `undefined` (the file's own folder is then the only one to go by). The
 * file's own folder alone can mislead: a site's `source/_posts` looks like a Jekyll site's posts, where a build of the
 * site reads it as a posts folder.
 */
function seedsFolderReading(file: string, seeds: string | undefined, cwd: string): string | undefined {
  if (seeds !== undefined && isWithin(seeds, file)) return seeds;
  const workingDirectory = path.resolve(cwd);
  return isWithin(workingDirectory, file) ? workingDirectory : undefined;
}

/** Whether `file` lies in the folder `folder`. */
function isWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Why a build of the seeds folder `seeds` does not read `file` (an absolute path in it), as its walk says (see
 * `findSeedFiles`), or `undefined` when it reads it, or the walk cannot say (a folder that cannot be read: reading the
 * file names the problem).
 */
async function whyNotRead(file: string, seeds: string, cwd: string): Promise<string | undefined> {
  let why: string | undefined;
  const onSkipped = (entry: string, reason: string): void => {
    why ??= entry === file ? reason : `the folder ${displayPath(entry, cwd)} is not read: ${reason}`;
  };
  try {
    await findSeedFiles(seeds, cwd, undefined, undefined, { toward: file, onSkipped });
  } catch (error) {
    if (!(error instanceof StoryfeedError)) throw error;
    return undefined;
  }
  return why;
}

/** The site used when there is no configuration: URLs are shown on an example host, said once on stderr. */
function previewConfig(io: CliIo): StoryfeedConfig {
  io.err(`note: no configuration found; story URLs are shown on ${PREVIEW_SITE} (pass --site URL, or run \`storyfeed init\`)\n`);
  return validateConfig({ siteUrl: PREVIEW_SITE, title: 'Preview' });
}

const PREVIEW_SITE = 'https://example.com/';

/** A readable outline of a story for the terminal. */
function describeStory(story: Story): string {
  const lines: string[] = [];
  lines.push(story.title, '='.repeat(Math.min(story.title.length, 80)));
  const published = story.undated ? '(no date: dated when first published)' : story.published.toISOString();
  lines.push(`id        ${story.id}`, `url       ${story.url}`, `published ${published}`, `updated   ${story.undated ? published : story.updated.toISOString()}`);
  lines.push(`language  ${story.language}`, `authors   ${story.authors.map((a) => a.name + (a.email ? ` <${a.email}>` : '')).join(', ') || '(none)'}`);
  lines.push(`words     ${story.wordCount} (${story.readingMinutes} min read)`);
  if (story.dateline) lines.push(`dateline  ${story.dateline.place}${story.dateline.date ? `, ${story.dateline.date.toISOString().slice(0, 10)}` : ''}`);
  if (story.draft) lines.push('draft     yes (not published)');
  lines.push('', `Summary: ${story.summary}`, '');
  let paragraph = 0;
  for (const section of story.sections) {
    lines.push(section.heading === null ? '[lead section]' : `## ${section.heading}`);
    for (const block of section.blocks) {
      if (block.kind === 'list') lines.push(`  ${block.ordered ? 'ordered' : 'bulleted'} list: ${block.items.length} items`);
      else if (block.kind === 'paragraph') lines.push(`  ¶${++paragraph} ${truncate(block.text, 90)}`);
      else lines.push(`  ${block.kind}: ${truncate(block.text, 90)}`);
    }
  }
  lines.push('', `Quotes (${story.quotes.length}):`);
  for (const q of story.quotes) lines.push(`  “${truncate(q.text, 80)}” — ${q.speaker ?? 'unattributed'}`);
  lines.push('', `Sources:       ${story.sources.join(', ') || '(none)'}`);
  lines.push(`People:        ${story.entities.people.join(', ') || '(none)'}`);
  lines.push(`Organizations: ${story.entities.organizations.join(', ') || '(none)'}`);
  lines.push(`Places:        ${story.entities.places.join(', ') || '(none)'}`);
  lines.push(`Tags:          ${story.tags.join(', ') || '(none)'}`);
  return `${lines.map(oneLine).join('\n')}\n`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/**
 * The story as `--json` shows it: an undated story (dated when a build first publishes it) has
 * `published` and `updated` null and `undated` true, never the placeholder date it holds until then.
 */
function inspectJson(story: Story): Omit<StoryJson, 'published' | 'updated'> & { published: string | null; updated: string | null } {
  const json = storyToJson(story);
  return story.undated ? { ...json, published: null, updated: null } : json;
}
