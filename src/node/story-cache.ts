import { createHash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { storyFromJson, storyToJson, type StoryJson } from '../story/json.js';
import type { Story } from '../types.js';
import { VERSION } from '../version.js';
import { feedRecord } from './feed-record.js';

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

/** Where a record sits in the index file. */
interface Span {
  offset: number;
  length: number;
}

/**
 * The index of the cache: one file of lines `<key> <JSON of {story, warnings}>`, the story as its
 * {@link feedRecord}. A warm build reads its stories from this one file (one read per story at a
 * known offset, a third of the JSON of a full entry) instead of opening one file per story.
 */
const INDEX_FILE = 'records.jsonl';
/** Bytes of the index read at a time while finding its lines. */
const SCAN_CHUNK = 1 << 22;

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
  /** The index written by the last build, opened on first use. */
  private previous: { fd: number; spans: Map<string, Span> } | undefined | null = null;
  /** The index this build writes (kept only when the build gets to {@link prune}). */
  private next: { fd: number; temp: string; keys: Set<string> } | undefined | null = null;

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

  /**
   * The cached story and the warnings its normalization raised, or `undefined`. From the index the
   * story is its {@link feedRecord}; from a full entry (not yet indexed) the whole story.
   */
  async get(key: string): Promise<{ story: Story; warnings: Diagnostic[] } | undefined> {
    this.used.add(key);
    const indexed = this.fromIndex(key);
    if (indexed) {
      this.counters.hits++;
      this.record(key, indexed.line);
      return { story: storyFromJson(indexed.entry.story), warnings: indexed.entry.warnings };
    }
    try {
      // A synchronous read: for many small files it is several times cheaper than the promise API.
      const entry = JSON.parse(readFileSync(this.pathOf(key), 'utf8')) as Entry;
      this.counters.hits++;
      const story = storyFromJson(entry.story);
      this.record(key, recordLine(key, story, entry.warnings));
      return { story, warnings: entry.warnings };
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
    this.record(key, recordLine(key, story, warnings));
  }

  /** Keeps this build's index (every story it used) in place of the last one, and removes entries this build did not use. */
  async prune(): Promise<void> {
    const next = this.next;
    this.closePrevious();
    if (next) {
      this.next = undefined;
      try {
        fsyncSync(next.fd);
        closeSync(next.fd);
        renameSync(next.temp, path.join(this.dir, INDEX_FILE));
      } catch {
        closeSync(next.fd);
        rmSync(next.temp, { force: true });
      }
    }
    let shards: string[];
    try {
      shards = await readdir(this.dir);
    } catch {
      return;
    }
    for (const shard of shards) {
      // Indexes of builds that stopped before their end.
      if (shard.startsWith(`${INDEX_FILE}.`) && shard.endsWith('.tmp')) await rm(path.join(this.dir, shard), { force: true });
      // Shards are named by two hex digits; other folders (the feed cache) are not this cache's.
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const folder = path.join(this.dir, shard);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        if (!this.used.has(name.replace(/\.json$/, ''))) await rm(path.join(folder, name), { force: true });
      }
    }
  }

  /** Drops this build's index unless {@link prune} kept it (a build that failed); closes the files. */
  close(): void {
    this.closePrevious();
    if (this.next) {
      closeSync(this.next.fd);
      rmSync(this.next.temp, { force: true });
    }
    this.next = undefined;
  }

  /** The indexed entry of `key` and its line's bytes, or `undefined`. */
  private fromIndex(key: string): { entry: Entry; line: Buffer } | undefined {
    if (this.previous === null) this.previous = openIndex(path.join(this.dir, INDEX_FILE));
    const span = this.previous?.spans.get(key);
    if (!this.previous || !span) return undefined;
    try {
      const line = Buffer.alloc(span.length);
      if (readSync(this.previous.fd, line, 0, span.length, span.offset) !== span.length) return undefined;
      return { entry: JSON.parse(line.toString('utf8', key.length + 1)) as Entry, line };
    } catch {
      return undefined;
    }
  }

  /** Adds a story's line to this build's index (once per key). */
  private record(key: string, line: Buffer): void {
    if (this.next === null) {
      try {
        mkdirSync(this.dir, { recursive: true });
        const temp = path.join(this.dir, `${INDEX_FILE}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
        this.next = { fd: openSync(temp, 'wx'), temp, keys: new Set() };
      } catch {
        this.next = undefined;
      }
    }
    if (!this.next || this.next.keys.has(key)) return;
    this.next.keys.add(key);
    try {
      for (let written = 0; written < line.length; ) written += writeSync(this.next.fd, line, written);
    } catch {
      this.close();
    }
  }

  private closePrevious(): void {
    if (this.previous) closeSync(this.previous.fd);
    this.previous = undefined;
  }

  private pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

/** A story's index line: its key, a space, the JSON of its feed record and warnings, a newline. */
function recordLine(key: string, story: Story, warnings: Diagnostic[]): Buffer {
  return Buffer.from(`${key} ${JSON.stringify({ story: storyToJson(feedRecord(story)), warnings } satisfies Entry)}\n`);
}

/** Opens an index and finds where each key's line is (reading it a chunk at a time), or `undefined` when there is none. */
function openIndex(file: string): { fd: number; spans: Map<string, Span> } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  const spans = new Map<string, Span>();
  try {
    const size = fstatSync(fd).size;
    const chunk = Buffer.alloc(SCAN_CHUNK);
    let lineStart = 0;
    let key = '';
    for (let at = 0; at < size; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
      if (n === 0) break;
      const read = chunk.subarray(0, n);
      for (let i = 0; i < n; ) {
        // The key is the line's first 64 bytes (hex), read where the line starts.
        if (at + i === lineStart) key = i + 64 <= n ? read.toString('latin1', i, i + 64) : readKey(fd, lineStart);
        const newline = read.indexOf(0x0a, i);
        if (newline < 0) break;
        if (/^[0-9a-f]{64}$/.test(key)) spans.set(key, { offset: lineStart, length: at + newline + 1 - lineStart });
        lineStart = at + newline + 1;
        i = newline + 1;
      }
      at += n;
    }
    return { fd, spans };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

function readKey(fd: number, offset: number): string {
  const bytes = Buffer.alloc(64);
  return bytes.toString('latin1', 0, readSync(fd, bytes, 0, 64, offset));
}
