import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { storyFromJson, storyToJson, type StoryJson } from '../story/json.js';
import type { Story } from '../types.js';
import { VERSION } from '../version.js';

/** Hits and misses of one build, for progress output and tests. */
export interface CacheCounters {
  /** Stories read from the cache. */
  hits: number;
  /** Stories normalized (and then stored). */
  misses: number;
}

interface Entry {
  story: StoryJson;
  warnings: Diagnostic[];
}

/**
 * A content-addressed cache of normalized stories: the key hashes the seed bytes, its sidecar, its
 * path, the settings that shape a Story, and the storyfeed version, so an unchanged seed is never
 * normalized twice and any change (even to the config) misses. Entries not used by a build are
 * removed at its end, which keeps the cache as large as the seeds folder needs and no larger.
 */
export class StoryCache {
  /** This build's counters. */
  readonly counters: CacheCounters = { hits: 0, misses: 0 };
  private readonly used = new Set<string>();

  constructor(
    /** Folder of the cache. */
    readonly dir: string,
    private readonly settings: unknown,
  ) {}

  /** The cache key of a seed. */
  key(file: string, bytes: Uint8Array, sidecar: Uint8Array | undefined): string {
    const hash = createHash('sha256').update(VERSION).update('\0').update(JSON.stringify(this.settings)).update('\0').update(file).update('\0').update(bytes);
    if (sidecar) hash.update('\0sidecar\0').update(sidecar);
    return hash.digest('hex');
  }

  /** The cached story and the warnings its normalization raised, or `undefined`. */
  async get(key: string): Promise<{ story: Story; warnings: Diagnostic[] } | undefined> {
    this.used.add(key);
    try {
      // A synchronous read: for many small files it is several times cheaper than the promise API.
      const entry = JSON.parse(readFileSync(this.pathOf(key), 'utf8')) as Entry;
      this.counters.hits++;
      return { story: storyFromJson(entry.story), warnings: entry.warnings };
    } catch {
      return undefined;
    }
  }

  /** Stores a freshly normalized story (failures to write only cost the next build time). */
  async set(key: string, story: Story, warnings: Diagnostic[]): Promise<void> {
    this.used.add(key);
    this.counters.misses++;
    const file = this.pathOf(key);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ story: storyToJson(story), warnings } satisfies Entry));
      await rename(temp, file);
    } catch {
      // A read-only or full disk makes the cache useless, not the build wrong.
    }
  }

  /** Removes entries this build did not use. */
  async prune(): Promise<void> {
    let shards: string[];
    try {
      shards = await readdir(this.dir);
    } catch {
      return;
    }
    for (const shard of shards) {
      // Shards are named by two hex digits; other folders (the feed cache) are not this cache's.
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const folder = path.join(this.dir, shard);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        if (!this.used.has(name.replace(/\.json$/, ''))) await rm(path.join(folder, name), { force: true });
      }
    }
  }

  private pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}
