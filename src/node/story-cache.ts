import { hash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { storyFromJson, storyToJson, type StoryJson } from '../story/json.js';
import type { Story } from '../types.js';
import { VERSION } from '../version.js';
import { isXmlClean } from '../feed/document.js';
import { feedRecord } from './feed-record.js';
import { bodyDigest, type IndexedBody } from './indexed-body.js';
import { contentHash } from './manifest.js';

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
  /** In an index line whose body follows its JSON: the body's digest and the story's content hash. */
  body?: { digest: string; hash: string };
}

/** Where a record sits in the index file. */
interface Span {
  offset: number;
  length: number;
  /**
   * Where the line's tab is (bytes from its start), when it holds its body apart and the tab was
   * seen: the key and the record's JSON come before it, and a warm build reads only those bytes.
   */
  tab?: number;
  /**
   * The line up to its tab, as opening the index read it (see {@link KEPT_HEAD_BYTES}); dropped once
   * read. The index is only ever appended to, or replaced by a rename while this descriptor stays
   * on the old file, so these bytes stay the line's.
   */
  head?: Buffer;
}

/**
 * The index of the cache: one file of lines `<key> <JSON of {story, warnings}>`, the story as its
 * {@link feedRecord}. A warm build reads its stories from this one file (one read per story at a
 * known offset, a third of the JSON of a full entry) instead of opening one file per story.
 */
const INDEX_FILE = 'records-2.jsonl';
/** Index files of this and earlier layouts (`records.jsonl` held the bodies inside the records), and their temporary copies. */
const ANY_INDEX_FILE = /^records(?:-\d+)?\.jsonl(?:\..*\.tmp)?$/;
/** Bytes of the index read at a time while finding its lines, and while reading them back. */
const SCAN_CHUNK = 1 << 22;

/**
 * Bytes of record heads (each line up to its tab) that opening the index keeps as it reads them, so
 * a build reads every line once: without them it read the whole file again, bodies included, to
 * get the heads back (about 40 ms at 10,000 stories, 70 MB). Heads beyond this are read back when
 * asked for, as before, so memory does not grow with the archive.
 */
const KEPT_HEAD_BYTES = 32 << 20;

/** The smallest window read ahead from the index: a few lines. */
const MIN_WINDOW = 1 << 16;

/** Bytes of the index read in one call: its lines are read back mostly in the order they were written, so one read serves many. */
interface IndexWindow {
  /** Where the bytes start in the file. */
  offset: number;
  /** How many bytes were asked to be read. */
  size: number;
  /** The buffer read into (reused for the next window). */
  buffer: Buffer;
  /** Bytes of it asked for so far. */
  used: number;
  /** The bytes read: the start of {@link IndexWindow.buffer}. */
  bytes: Buffer;
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
  /** The index file, opened on first use: where each key's line is, and how many lines it has. */
  private index: { fd: number; spans: Map<string, Span>; lines: number; size: number; endsLine: boolean; trusted: boolean; failed?: boolean } | undefined | null = null;
  /** The last bytes read from the index. */
  private window: IndexWindow | undefined;
  /** The version, the settings and a NUL: the start of every key's hashed text. */
  private keyPrefix: string | undefined;

  constructor(
    /** Folder of the cache. */
    readonly dir: string,
    private readonly settings: unknown,
    /** Bytes of record heads kept from opening the index (default {@link KEPT_HEAD_BYTES}; tests set less). */
    private readonly keptHeadBytes = KEPT_HEAD_BYTES,
  ) {}

  /**
   * The cache key of a seed, from the SHA-256 digests (hex) of its bytes and of its sidecar's: a
   * seed whose digest is known by its stamp (see `seed-stamps.ts`) is keyed without being read.
   */
  key(file: string, seed: string, sidecar: string | undefined): string {
    this.keyPrefix ??= `${VERSION}\0${JSON.stringify(this.settings)}\0`;
    // One call on one short text: a copied hash object per seed cost five times as much (10,000 seeds: 44 -> 9 ms).
    return hash('sha256', `${this.keyPrefix}${file}\0${seed}${sidecar !== undefined ? `\0sidecar\0${sidecar}` : ''}`, 'hex');
  }

  /**
   * The cached story and the warnings its normalization raised, or `undefined`. With `feedRecord`
   * the story may come from the index as its {@link feedRecord}; otherwise it is the whole story.
   */
  async get(key: string, accept: { feedRecord?: boolean } = {}): Promise<{ story: Story; warnings: Diagnostic[]; body?: IndexedBody } | undefined> {
    this.used.add(key);
    const indexed = accept.feedRecord ? this.fromIndex(key) : undefined;
    if (indexed) {
      this.counters.hits++;
      return { story: storyFromJson(indexed.entry.story), warnings: indexed.entry.warnings, ...(indexed.body ? { body: indexed.body } : {}) };
    }
    try {
      // A synchronous read: for many small files it is several times cheaper than the promise API.
      const entry = JSON.parse(readFileSync(this.pathOf(key), 'utf8')) as Entry;
      this.counters.hits++;
      const story = storyFromJson(entry.story);
      const body = this.record(key, story, entry.warnings);
      return { story, warnings: entry.warnings, ...(body ? { body } : {}) };
    } catch {
      return undefined;
    }
  }

  /**
   * Stores a freshly normalized story (failures to write only cost the next build time); gives where
   * the index holds its body, when it does. With `whole: false` (a caller that only ever asks for feed
   * records, as a build does) only the index line is written: the story's own file, which only
   * {@link get} without `feedRecord` reads, is not. Creating that file cost more than normalizing the
   * story (1,000 files in 256 folders: 1.5-2 s of system time on a cold build of 1,000 articles).
   */
  async set(key: string, story: Story, warnings: Diagnostic[], { whole = true }: { whole?: boolean } = {}): Promise<IndexedBody | undefined> {
    this.used.add(key);
    this.counters.misses++;
    if (!whole) return this.record(key, story, warnings);
    const file = this.pathOf(key);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ story: storyToJson(story), warnings } satisfies Entry));
      await rename(temp, file);
    } catch {
      // A read-only or full disk makes the cache useless, not the build wrong.
    }
    return this.record(key, story, warnings);
  }

  /**
   * Removes entries this build did not use; the index is written again with only this build's
   * stories once lines of other stories (edited, removed) make up more than a fifth of it.
   *
   * The entries to remove are found in the index, whose lines name every entry stored: a warm or
   * one-edit build removes the few stale ones by name instead of listing the 256 shard folders. The
   * folders are listed only when the index cannot vouch for them: it was new or could not be read,
   * one of its lines was cut off or repeated, or it is being written again.
   */
  async prune(): Promise<void> {
    const index = this.index;
    const stale = index ? [...index.spans.keys()].filter((key) => !this.used.has(key)) : [];
    const complete = index?.trusted === true && index.lines === index.spans.size;
    const compacted = this.compactIndex();
    if (complete && !compacted) {
      for (const key of stale) await rm(this.pathOf(key), { force: true });
      return;
    }
    let shards: string[];
    try {
      shards = await readdir(this.dir);
    } catch {
      return;
    }
    for (const shard of shards) {
      // Indexes of builds that stopped before their end, and of earlier layouts.
      if (shard !== INDEX_FILE && ANY_INDEX_FILE.test(shard)) await rm(path.join(this.dir, shard), { force: true });
      // Shards are named by two hex digits; other folders (the feed cache) are not this cache's.
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const folder = path.join(this.dir, shard);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        if (!this.used.has(name.replace(/\.json$/, ''))) await rm(path.join(folder, name), { force: true });
      }
    }
  }

  /** Closes the index file (a build that stops early calls this instead of {@link prune}). */
  close(): void {
    if (this.index) closeSync(this.index.fd);
    this.index = undefined;
    this.window = undefined;
  }

  /** The index, opened (or made) on first use; `undefined` when it cannot be. */
  private openedIndex(): NonNullable<StoryCache['index']> | undefined {
    if (this.index === null) this.index = openIndex(path.join(this.dir, INDEX_FILE), this.keptHeadBytes);
    return this.index;
  }

  /** The indexed entry of `key` (with where its body is, when the line holds it apart), or `undefined`. */
  private fromIndex(key: string): { entry: Entry; body?: IndexedBody } | undefined {
    const index = this.openedIndex();
    const span = index?.spans.get(key);
    if (!index || !span) return undefined;
    try {
      // A line whose tab is known is read up to it: the body after it (most of the line) waits on disk.
      // The head is most often still held from opening the index; else it is read through the window like
      // whole lines (opening the index read every byte of it, so the bodies between the heads cost a copy,
      // not a disk read): one read for dozens of heads instead of one each.
      const kept = span.head;
      span.head = undefined;
      const line = kept ?? (span.tab !== undefined ? this.readSpan(index.fd, { offset: span.offset, length: span.tab + 1 }, span.length) : this.readSpan(index.fd, span));
      if (!line) return undefined;
      // Another build may have written the index since it was read: a line that is not this key's misses.
      if (span.tab !== undefined ? !isHeadOf(key, line) : !isLineOf(key, line)) return undefined;
      // The record's JSON ends at the first tab (JSON text escapes every tab it holds); the body follows it.
      const tab = span.tab ?? line.indexOf(0x09, key.length + 1);
      const end = tab < 0 ? line.length : tab;
      // An ASCII line is Latin-1 too, which decodes as a plain copy (see recordLine).
      const entry = JSON.parse(line.toString(isAscii(line.subarray(0, end)) ? 'latin1' : 'utf8', key.length + 1, end)) as Entry;
      if (tab < 0 || !entry.body) return { entry };
      return { entry, body: { fd: index.fd, offset: span.offset + tab + 1, length: span.length - tab - 2, ...entry.body } };
    } catch {
      return undefined;
    }
  }

  /**
   * The bytes of `span`, from the window when it holds them, else read again; `undefined` when the
   * file is shorter. A line after the window starts a new one around it; one before it is read alone.
   * Windows whose bytes were mostly not asked for make the next ones smaller, down to one line a
   * read, so an index read out of order costs no more than reading each line by itself. `lineLength`:
   * the bytes of the whole line `span` starts (its head), counted as asked for.
   */
  private readSpan(fd: number, span: Span, lineLength = span.length): Buffer | undefined {
    let window = this.window;
    if (window && span.offset >= window.offset && span.offset + span.length <= window.offset + window.bytes.length) {
      window.used += lineLength;
      const start = span.offset - window.offset;
      return window.bytes.subarray(start, start + span.length);
    }
    if (window && span.offset < window.offset) {
      const line = Buffer.allocUnsafe(span.length);
      return readSync(fd, line, 0, span.length, span.offset) === span.length ? line : undefined;
    }
    let size = window ? (window.used * 2 >= window.bytes.length ? window.size * 2 : window.used * 4 < window.bytes.length ? window.size / 2 : window.size) : MIN_WINDOW;
    size = Math.min(SCAN_CHUNK, Math.max(MIN_WINDOW, size));
    // Lines are asked for a little out of order (seeds are read several at a time): a quarter of the window lies behind.
    const offset = Math.max(0, span.offset - Math.floor(size / 4));
    const length = Math.max(size, span.offset + span.length - offset);
    const buffer = window && window.buffer.length >= length ? window.buffer : Buffer.allocUnsafe(length);
    const read = readSync(fd, buffer, 0, length, offset);
    window = { offset, size, buffer, bytes: buffer.subarray(0, read), used: 0 };
    this.window = window;
    const start = span.offset - offset;
    if (read < start + span.length) return undefined;
    window.used = lineLength;
    return window.bytes.subarray(start, start + span.length);
  }

  /**
   * Appends a story's line to the index (a line cut off by a crash only makes that story miss); gives
   * where the line holds the body, when it holds it apart.
   */
  private record(key: string, story: Story, warnings: Diagnostic[]): IndexedBody | undefined {
    const index = this.openedIndex();
    if (!index || index.failed) return undefined;
    const { line, body } = recordLine(key, story, warnings);
    try {
      const bytes = index.endsLine ? line : Buffer.concat([Buffer.from('\n'), line]);
      for (let written = 0; written < bytes.length; ) written += writeSync(index.fd, bytes, written, bytes.length - written, index.size + written);
      const offset = index.size + bytes.length - line.length;
      index.spans.set(key, body ? { offset, length: line.length, tab: body.at - 1 } : { offset, length: line.length });
      index.size += bytes.length;
      index.lines++;
      index.endsLine = true;
      return body && { fd: index.fd, offset: offset + body.at, length: line.length - body.at - 1, digest: body.digest, hash: body.hash };
    } catch {
      // A full or read-only disk: no more lines this build. The index stays open, since the body store
      // reads bodies from it by its descriptor until the cache is closed; it no longer vouches for the
      // entries stored (their lines are missing), so pruning lists the folders.
      index.failed = true;
      index.trusted = false;
      return undefined;
    }
  }

  /** Writes the index again with this build's stories only, when enough of its lines are stale; `true` when it did (or tried). */
  private compactIndex(): boolean {
    const index = this.index;
    this.close();
    if (!index) return false;
    const live: [string, Span][] = [];
    for (const key of this.used) {
      const span = index.spans.get(key);
      if (span) live.push([key, span]);
    }
    if ((index.lines - live.length) * 5 <= index.lines) return false;
    const file = path.join(this.dir, INDEX_FILE);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    let source: number | undefined;
    let target: number | undefined;
    try {
      source = openSync(file, 'r');
      target = openSync(temp, 'wx');
      for (const [key, span] of live) {
        const line = Buffer.allocUnsafe(span.length);
        if (readSync(source, line, 0, span.length, span.offset) !== span.length || !isLineOf(key, line)) continue;
        for (let written = 0; written < line.length; ) written += writeSync(target, line, written);
      }
      fsyncSync(target);
      closeSync(target);
      target = undefined;
      renameSync(temp, file);
    } catch {
      if (target !== undefined) closeSync(target);
      rmSync(temp, { force: true });
    } finally {
      if (source !== undefined) closeSync(source);
    }
    return true;
  }

  private pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

/**
 * A story's index line: its key, a space, the JSON of its feed record and warnings, a newline. A body
 * that comes back exactly (see `body-store.ts`) follows the record's JSON, after a tab, as the JSON
 * array `[contentHtml, contentText]`, and the record carries the body's digest instead: a warm build
 * parses the records, not the bodies, and reads a body only for a feed it renders again. `at` is
 * where the body's JSON starts in the line.
 */
function recordLine(key: string, story: Story, warnings: Diagnostic[]): { line: Buffer; body?: { at: number; digest: string; hash: string } } {
  if (!isXmlClean(story.contentHtml) || !isXmlClean(story.contentText)) {
    return { line: Buffer.from(`${key} ${asciiJson(JSON.stringify({ story: storyToJson(feedRecord(story)), warnings } satisfies Entry))}\n`) };
  }
  const body = { digest: bodyDigest(story).toString('hex'), hash: contentHash(story) };
  const record = `${key} ${asciiJson(JSON.stringify({ story: storyToJson(feedRecord({ ...story, contentHtml: '', contentText: '' })), warnings, body } satisfies Entry))}\t`;
  const head = Buffer.from(record);
  return { line: Buffer.concat([head, Buffer.from(`${asciiJson(JSON.stringify([story.contentHtml, story.contentText]))}\n`)]), body: { at: head.length, ...body } };
}

/** Characters outside ASCII, which a JSON text may give as `\uXXXX` escapes instead. */
const NON_ASCII = /[\u0080-\uffff]/g;
/** How much longer than its UTF-8 bytes a line may grow with escapes (a dash or a quote mark per paragraph, not a text in another script). */
const MAX_ESCAPED_GROWTH = 1.1;

/**
 * `json` with its few non-ASCII characters escaped, so its line is ASCII and reads back about twice
 * as fast (a Latin-1 copy instead of UTF-8 decoding); as it is when escapes would make it much longer.
 */
function asciiJson(json: string): string {
  const units = json.match(NON_ASCII)?.length ?? 0;
  // Each of those UTF-16 units becomes six bytes.
  if (units === 0 || json.length + 5 * units > Buffer.byteLength(json) * MAX_ESCAPED_GROWTH) return json;
  return json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Opens (or makes) an index and finds where each key's line is, reading it a chunk at a time and keeping the first `keptHeadBytes` of record heads it reads; `undefined` when it cannot be opened. */
function openIndex(file: string, keptHeadBytes: number): NonNullable<StoryCache['index']> | undefined {
  let fd: number;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    fd = openSync(file, 'a+');
  } catch {
    return undefined;
  }
  const spans = new Map<string, Span>();
  let lines = 0;
  try {
    const size = fstatSync(fd).size;
    const chunk = Buffer.allocUnsafe(SCAN_CHUNK);
    let lineStart = 0;
    let key = '';
    let tab = -1;
    let head: Buffer | undefined;
    let keptBytes = 0;
    for (let at = 0; at < size; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
      if (n === 0) break;
      const read = chunk.subarray(0, n);
      for (let i = 0; i < n; ) {
        // The key is the line's first 64 bytes (hex), read where the line starts.
        if (at + i === lineStart) key = i + 64 <= n ? read.toString('latin1', i, i + 64) : readKey(fd, lineStart);
        const newline = read.indexOf(0x0a, i);
        // The tab that ends the record's JSON, when this chunk holds it (searched up to the line's end only).
        if (at + i === lineStart) {
          tab = read.subarray(i, newline < 0 ? n : newline).indexOf(0x09);
          // The head is copied while the chunk holds it (the chunk is read into again).
          head = tab > 64 && keptBytes + tab < keptHeadBytes ? Buffer.from(read.subarray(i, i + tab + 1)) : undefined;
          if (head) keptBytes += head.length;
        }
        if (newline < 0) break;
        lines++;
        const length = at + newline + 1 - lineStart;
        if (/^[0-9a-f]{64}$/.test(key)) spans.set(key, tab > key.length ? { offset: lineStart, length, tab, ...(head ? { head } : {}) } : { offset: lineStart, length });
        lineStart = at + newline + 1;
        i = newline + 1;
      }
      at += n;
    }
    // A line cut off at the end counts as one (stale) line.
    // An index that was empty vouches for no entry stored before it (a cache of an earlier version, or a new cache).
    return { fd, spans, lines: lines + (lineStart < size ? 1 : 0), size, endsLine: lineStart === size, trusted: size > 0 };
  } catch {
    closeSync(fd);
    return undefined;
  }
}

/** `true` when `line` is a whole index line of `key` (it starts with the key and ends with a newline). */
function isLineOf(key: string, line: Buffer): boolean {
  return line.toString('latin1', 0, key.length + 1) === `${key} ` && line[line.length - 1] === 0x0a;
}

/** `true` when `head` starts a line of `key` and ends with the tab after its record. */
function isHeadOf(key: string, head: Buffer): boolean {
  return head.toString('latin1', 0, key.length + 1) === `${key} ` && head[head.length - 1] === 0x09;
}

/** The first 64 bytes at `offset` (where a line's key is), as Latin-1. */
function readKey(fd: number, offset: number): string {
  const bytes = Buffer.alloc(64);
  return bytes.toString('latin1', 0, readSync(fd, bytes, 0, 64, offset));
}
