import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { warning, type Diagnostic } from '../errors.js';
import type { Story } from '../types.js';

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
}

/** The manifest of a build. */
export interface Manifest {
  /** Format version. */
  version: 1;
  /** Every published story. */
  stories: ManifestEntry[];
}

/** Hash of the parts of a story readers see; `updated` moves only when it changes. */
export function contentHash(story: Story): string {
  const seen = [story.title, story.summary, story.contentHtml, JSON.stringify(story.authors), JSON.stringify(story.tags), story.image?.url ?? ''];
  return createHash('sha256').update(seen.join('\0')).digest('hex').slice(0, 32);
}

/** Reads the manifest of the build currently published in `outDir`, if any. */
export async function readManifest(outDir: string): Promise<Manifest | undefined> {
  try {
    const value = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
    return value.version === 1 && Array.isArray(value.stories) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Options for {@link reconcileWithManifest}. */
export interface ReconcileOptions {
  /** `SOURCE_DATE_EPOCH`: the date an edited story is updated at, when set. */
  editDate?: Date;
  /** Absolute path of each story's seed, to read its modification time (the edit date otherwise). */
  seedPath?: (story: Story) => string | undefined;
  /** Receives warnings (renamed seeds, moved `updated` dates). */
  onWarning?: (d: Diagnostic) => void;
}

/**
 * Compares the stories with the previous build and returns them with `updated` settled:
 * - a story with its own `updated` (later than `published`) keeps it;
 * - an unchanged story keeps the `updated` it was published with;
 * - an edited story is updated at `SOURCE_DATE_EPOCH`, else at its seed's modification time;
 * - a seed that looks renamed (same content, new id) is reported: readers will see a new item.
 * Also returns the manifest of the new build.
 */
export async function reconcileWithManifest(stories: readonly Story[], previous: Manifest | undefined, options: ReconcileOptions = {}): Promise<{ stories: Story[]; manifest: Manifest }> {
  const before = new Map((previous?.stories ?? []).map((e) => [e.id, e]));
  const byHash = new Map((previous?.stories ?? []).map((e) => [e.hash, e]));
  const ids = new Set(stories.map((s) => s.id));
  const out: Story[] = [];
  const entries: ManifestEntry[] = [];
  for (const story of stories) {
    const hash = contentHash(story);
    let updated = story.updated;
    const old = before.get(story.id);
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
        options.onWarning?.(warning('W_ID_CHANGED', `this story was published before as ${twin.id}${twin.file ? ` (${twin.file})` : ''}; its id is now ${story.id}, so readers will see it as a new item. Add \`id: ${twin.id}\` to its front matter to keep the old one`, { file: story.file }));
      }
    }
    out.push(updated === story.updated ? story : { ...story, updated });
    if (!story.draft) entries.push({ id: story.id, ...(story.file ? { file: story.file } : {}), hash, updated: updated.toISOString() });
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { stories: out, manifest: { version: 1, stories: entries } };
}

async function modifiedTime(file: string | undefined): Promise<Date | undefined> {
  if (!file) return undefined;
  try {
    return new Date(Math.floor((await stat(file)).mtimeMs / 1000) * 1000);
  } catch {
    return undefined;
  }
}
