import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { warning, type Diagnostic } from '../errors.js';
import type { FeedSlugs } from '../feed/sets.js';
import type { Story } from '../types.js';
import { publishedId } from '../story/item-id.js';

/**
 * What the previous build published, so the next one can tell edits from new stories: readers must
 * see an edited story as an update of the same item, never as a duplicate. Written into every build
 * as a dot-file, which the server never serves.
 */
export const MANIFEST_FILE = '.storyfeed-manifest.json';

/** One published story in the manifest. */
export interface ManifestEntry {
  /** The story id. */
  id: string;
  /** The seed file it came from. */
  file?: string;
  /** Hash of what readers see (title, summary, body, authors, tags, image). */
  hash: string;
  /** The `updated` date published (ISO 8601). */
  updated: string;
  /** The `published` date of a story that gives no date: the date storyfeed first published it (ISO 8601). */
  published?: string;
}

/** The manifest of a build. */
export interface Manifest {
  /** Format version. */
  version: 1;
  /** Every published story. */
  stories: ManifestEntry[];
  /** Folder slugs of tag and author feeds, kept from build to build so feed URLs never move. */
  slugs?: FeedSlugs;
}

/**
 * The manifest's text, `JSON.stringify(manifest, null, 2)` and a newline, as UTF-8 bytes in parts of
 * `partStories` stories: the text of a large archive's manifest (240 bytes a story) is never whole in
 * memory. Each call starts again from the first part.
 */
export function* manifestParts(manifest: Manifest, partStories = 4096): Generator<Buffer> {
  let text = '{';
  let first = true;
  for (const [key, value] of Object.entries(manifest)) {
    if (value === undefined) continue;
    text += `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (key !== 'stories' || !Array.isArray(value) || value.length === 0) {
      text += indented(JSON.stringify(value, null, 2), '  ');
      continue;
    }
    text += '[';
    for (let start = 0; start < value.length; start += partStories) {
      // A run of stories as JSON.stringify writes them at this depth: in `{ stories: run }`, less its first and last lines.
      const run = JSON.stringify({ stories: value.slice(start, start + partStories) }, null, 2);
      yield Buffer.from(`${text}${start === 0 ? '' : ','}${run.slice(RUN_HEAD.length, -RUN_TAIL.length)}`);
      text = '';
    }
    text += '\n  ]';
  }
  yield Buffer.from(`${text}${first ? '' : '\n'}}\n`);
}

/** What JSON.stringify(`{ stories: [...] }`, null, 2) writes before the first story and after the last. */
const RUN_HEAD = '{\n  "stories": [';
const RUN_TAIL = '\n  ]\n}';

/** JSON text (which holds no raw line break) nested `indent` deeper. */
function indented(json: string, indent: string): string {
  return json.replaceAll('\n', `\n${indent}`);
}

/** Hash of the parts of a story readers see; `updated` moves only when it changes. */
export function contentHash(story: Story): string {
  const seen = [story.title, story.summary, story.contentHtml, JSON.stringify(story.authors), JSON.stringify(story.tags), story.image?.url ?? ''];
  // The parts one after another, NUL between them: the hash of `seen.join('\0')`, without building that string.
  const hash = createHash('sha256');
  seen.forEach((part, i) => {
    if (i > 0) hash.update('\0');
    hash.update(part);
  });
  // The first 16 bytes as hex, made as such: a slice of the 64-digit text would keep all of it alive for as long as the record holds the hash.
  return hash.digest().toString('hex', 0, 16);
}

/** Reads the manifest of the build currently published in `outDir`, if any. */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    const value = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
    if (value.version !== 1 || !Array.isArray(value.stories)) return undefined;
    // Slugs from disk are only a hint: anything that is not a map of text is ignored.
    if (!isSlugRecord(value.slugs?.tags) || !isSlugRecord(value.slugs?.authors)) delete value.slugs;
    return value;
  } catch {
    return undefined;
  }
}

/** Options for {@link reconcileWithManifest}. */
export interface ReconcileOptions {
  /** The date of this build's publication (`SOURCE_DATE_EPOCH`, else the clock): undated stories published for the first time get it. */
  publishDate?: Date;
  /** `SOURCE_DATE_EPOCH`: the date an edited story is updated at, when set. */
  editDate?: Date;
  /** Absolute path of each story's seed, to read its modification time (the edit date otherwise). */
  seedPath?: (story: Story) => string | undefined;
  /** Receives warnings (renamed seeds, moved `updated` dates). */
  onWarning?: (d: Diagnostic) => void;
  /** The {@link contentHash} of a story whose body is held elsewhere (taken before it was moved); default: hashed here. */
  hashOf?: (story: Story) => string | undefined;
}

/**
 * Compares the stories with the previous build and returns them with `published` and `updated` settled:
 * - a story without a date is published at the date it was first published (recorded in the
 *   manifest), or at `publishDate` when this build publishes it first; that date never moves;
 * - a story with its own `updated` (later than `published`) keeps it;
 * - an unchanged story keeps the `updated` it was published with;
 * - an edited story is updated at `SOURCE_DATE_EPOCH`, else at its seed's modification time;
 * - a seed that looks renamed (same content, new id) is reported: readers will see a new item.
 * Also returns the manifest of the new build.
 */
export async function reconcileWithManifest(
  stories: readonly Story[],
  previous: Manifest | undefined,
  options: ReconcileOptions = {},
): Promise<{ stories: Story[]; manifest: Manifest }> {
  const before = new Map((previous?.stories ?? []).map((e) => [e.id, e]));
  const byHash = new Map((previous?.stories ?? []).map((e) => [e.hash, e]));
  const ids = new Set(stories.map((s) => s.id));
  const out: Story[] = [];
  const entries: ManifestEntry[] = [];
  for (const given of stories) {
    const old = before.get(given.id);
    const story = given.undated ? firstPublished(given, old, options.publishDate) : given;
    const hash = options.hashOf?.(story) ?? contentHash(story);
    let updated = story.updated;
    const ownUpdated = story.updated.getTime() > story.published.getTime();
    if (!ownUpdated && old) {
      const oldUpdated = new Date(old.updated);
      if (old.hash === hash) {
        updated = oldUpdated.getTime() > story.published.getTime() ? oldUpdated : story.published;
      } else {
        const when = options.editDate ?? (await modifiedTime(options.seedPath?.(story))) ?? oldUpdated;
        updated = new Date(Math.max(when.getTime(), oldUpdated.getTime(), story.published.getTime()));
      }
    } else if (!old && !story.draft) {
      const twin = byHash.get(hash);
      if (twin && !ids.has(twin.id)) {
        options.onWarning?.(
          warning(
            'W_ID_CHANGED',
            `this story was published before as ${twin.id}${twin.file ? ` (${twin.file})` : ''}; its id is now ${story.id}, so readers will see it as a new item. ${keepOldId(twin.id)}`,
            { file: story.file },
          ),
        );
      }
    }
    // The same instant keeps the story as it is: no copy of every unchanged story.
    out.push(updated.getTime() === story.updated.getTime() ? story : { ...story, updated });
    if (!story.draft) {
      entries.push({
        id: story.id,
        ...(story.file ? { file: story.file } : {}),
        hash,
        updated: updated.toISOString(),
        ...(story.undated ? { published: story.published.toISOString() } : {}),
      });
    }
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { stories: out, manifest: { version: 1, stories: entries } };
}

/**
 * How to keep a story's old id, or why it cannot be kept: an id storyfeed no longer publishes (one
 * holding `[` or `]`, which RFC 3986 allows only around an IPv6 host) would be refused in front matter.
 */
function keepOldId(id: string): string {
  const read = publishedId(id);
  if (read.kind === 'ok') return `Add \`id: ${id}\` to its front matter to keep the old one`;
  return `The old id cannot be kept: ${read.problem}`;
}

/**
 * An undated story with its first-published date: the one recorded, else this build's. Without
 * either (a dry run with no clock given) it keeps its stand-in, which the feed stage refuses.
 */
function firstPublished(story: Story, old: ManifestEntry | undefined, publishDate: Date | undefined): Story {
  const recorded = old?.published !== undefined ? new Date(old.published) : undefined;
  const published = recorded && !Number.isNaN(recorded.getTime()) && recorded.getTime() !== 0 ? recorded : publishDate;
  if (!published) return story;
  // The stand-in `updated` moves with it; a later `updated` of the story's own stays.
  const updated = story.updated.getTime() > story.published.getTime() && story.updated.getTime() > published.getTime() ? story.updated : published;
  return { ...story, published, updated };
}

function isSlugRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

async function modifiedTime(file: string | undefined): Promise<Date | undefined> {
  if (!file) return undefined;
  try {
    return new Date(Math.floor((await stat(file)).mtimeMs / 1000) * 1000);
  } catch {
    return undefined;
  }
}
