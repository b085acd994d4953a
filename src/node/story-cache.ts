import { hash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../errors.js';
import { storyFromJson, storyToJson, type StoryJson } from '../story/json.js';
import type { Story } from '../types.js';
import { codeIdentity } from './code-identity.js';
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
  /** When the story's body is held apart, in the bodies file: the body's digest and the story's content hash. */
  body?: { digest: string; hash: string };
}

/** Where a record sits in the index file. */
interface Span {
  offset: number;
  length: number;
  /**
   * The line, as opening the index read it (see {@link KEPT_HEAD_BYTES}); dropped once read. The index
   * is only ever appended to, or replaced by a rename while this descriptor stays on the old file, so
   * these bytes stay the line's.
   */
  head?: Buffer;
}

/**
 * The index of the cache: a first line naming its bodies file (`#storyfeed-records-3 <name>`), then one
 * line per story, `<key> <where> <JSON of {story, warnings, body?}>`, the story as its {@link feedRecord}.
 * `<where>` is `<offset>:<length>` of the story's body in the bodies file (the JSON array
 * `[contentHtml, contentText]`), or `-` when the record holds the body itself. A warm build reads its
 * stories from this one file (the records only: a tenth of the bytes of records and bodies together)
 * instead of opening one file per story, and a body only for a feed it renders again.
 */
const INDEX_FILE = 'records-3.jsonl';
/** The first line of an index: this text, a space and the name of its bodies file. */
export const INDEX_HEADER = '#storyfeed-records-3';
/** The name of a bodies file (a fresh one for each index written, so an index never names another index's bodies). */
const BODIES_FILE = /^bodies-3\.[0-9a-f]{16}\.jsonl$/;
/**
 * Index files of this and earlier layouts (`records.jsonl` held the bodies inside the records,
 * `records-2.jsonl` after them on the same line), bodies files, and their temporary copies.
 */
export const ANY_INDEX_FILE = /^(?:records(?:-\d+)?|bodies-\d+\.[0-9a-f]+)\.jsonl(?:\..*\.tmp)?$/;
/** A file of a whole story in a shard folder (see {@link StoryCache.set}), or its temporary copy. */
export const STORY_FILE = /^[0-9a-f]{64}\.json(?:\.\d+\.tmp)?$/;
/** Bytes of the index read at a time while finding its lines, and while reading them back. */
const SCAN_CHUNK = 1 << 22;

/**
 * Bytes of record lines that opening the index keeps as it reads them, so a build reads every line
 * once. Lines beyond this are read back when asked for, so memory does not grow with the archive.
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

/** The open index: where each key's line is, how many lines it has, and its bodies file. */
interface OpenIndex {
  fd: number;
  spans: Map<string, Span>;
  /** Story lines (the first line, which names the bodies file, is not one). */
  lines: number;
  size: number;
  endsLine: boolean;
  /** Whether its lines name every entry stored (see {@link StoryCache.prune}). */
  trusted: boolean;
  /** The bodies file: its name, descriptor and size (bodies are appended at its end). */
  bodies: { name: string; fd: number; size: number };
  /** Set once a write failed: no more lines this build. */
  failed?: boolean;
}

/**
 * A content-addressed cache of normalized stories: the key hashes the seed bytes, its sidecar, its
 * path, the settings that shape a Story, and the code (see `code-identity.ts`), so an unchanged seed is never
 * normalized twice and any change (even to the config) misses. Entries not used by a build are
 * removed at its end, which keeps the cache as large as the seeds folder needs and no larger.
 */
export class StoryCache {
  /** This build's counters. */
  readonly counters: CacheCounters = { hits: 0, misses: 0 };
  private readonly used = new Set<string>();
  /** The index file, opened on first use (`null` until then, `undefined` when it cannot be). */
  private index: OpenIndex | undefined | null = null;
  /** The last bytes read from the index. */
  private window: IndexWindow | undefined;
  /** The code's identity, the settings and a NUL: the start of every key's hashed text. */
  private keyPrefix: string | undefined;

  constructor(
    /** Folder of the cache. */
    readonly dir: string,
    private readonly settings: unknown,
    /** Bytes of record lines kept from opening the index (default {@link KEPT_HEAD_BYTES}; tests set less). */
    private readonly keptHeadBytes = KEPT_HEAD_BYTES,
    /** What names the code making the stories (default: the running code's, see `code-identity.ts`). */
    private readonly identity = codeIdentity(),
  ) {}

  /**
   * The cache key of a seed, from the SHA-256 digests (hex) of its bytes and of its sidecar's: a
   * seed whose digest is known by its stamp (see `seed-stamps.ts`) is keyed without being read.
   * `variant` names a story stored in another form than the whole one (e.g. without the body's analysis).
   */
  key(file: string, seed: string, sidecar: string | undefined, variant?: string): string {
    this.keyPrefix ??= `${this.identity}\0${JSON.stringify(this.settings)}\0`;
    // One call on one short text: a copied hash object per seed cost five times as much (10,000 seeds: 44 -> 9 ms),
    // and a second hash for the variant (as before) another 10-15 ms at 10,000.
    return hash('sha256', `${this.keyPrefix}${file}\0${seed}${sidecar !== undefined ? `\0sidecar\0${sidecar}` : ''}${variant !== undefined ? `\0variant\0${variant}` : ''}`, 'hex');
  }

  /**
   * The cached story and the warnings its normalization raised, or `undefined`. With `feedRecord`
   * the story may come from the index as its {@link feedRecord}; otherwise it is the whole story.
   */
  get(key: string, accept: { feedRecord?: boolean } = {}): { story: Story; warnings: Diagnostic[]; body?: IndexedBody } | undefined {
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
   * the bodies file holds its body, when it does. With `whole: false` (a caller that only ever asks for
   * feed records, as a build does) only the index line is written: the story's own file, which only
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
   * stories (and their bodies, in a new bodies file) once lines of other stories (edited, removed)
   * make up more than a fifth of it.
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
    if (complete && !compacted.tried) {
      // Best effort, as writing entries is: a file left behind (a cache folder another user made) costs only space.
      for (const key of stale) await rm(this.pathOf(key), { force: true }).catch(() => undefined);
      return;
    }
    let shards: string[];
    try {
      shards = await readdir(this.dir);
    } catch {
      return;
    }
    // The bodies file the index names now (after being written again, the new one).
    const current = compacted.bodies ?? index?.bodies.name;
    for (const shard of shards) {
      // Indexes of builds that stopped before their end, of earlier layouts, and bodies files no index names.
      // (Bodies files only when the index that names one was read: an index that could not be opened may name any.)
      if (shard !== INDEX_FILE && shard !== current && ANY_INDEX_FILE.test(shard) && (current !== undefined || !shard.startsWith('bodies-')))
        await rm(path.join(this.dir, shard), { force: true }).catch(() => undefined);
      // Shards are named by two hex digits; other folders (the feed cache) are not this cache's.
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      const folder = path.join(this.dir, shard);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        // Only names this cache writes (a story's file, or its temporary copy): a cache folder set to a
        // folder of the user's (`cacheDir`) may hold a two-letter folder of theirs ("db").
        if (STORY_FILE.test(name) && !this.used.has(name.slice(0, 64))) await rm(path.join(folder, name), { force: true }).catch(() => undefined);
      }
    }
  }

  /** Closes the index and bodies files (a build that stops early calls this instead of {@link prune}). */
  close(): void {
    if (this.index) {
      closeSync(this.index.fd);
      closeSync(this.index.bodies.fd);
    }
    this.index = undefined;
    this.window = undefined;
  }

  /** The index, opened (or made) on first use; `undefined` when it cannot be. */
  private openedIndex(): OpenIndex | undefined {
    if (this.index === null) this.index = openIndex(this.dir, this.keptHeadBytes);
    return this.index;
  }

  /** The indexed entry of `key` (with where its body is, when the bodies file holds it), or `undefined`. */
  private fromIndex(key: string): { entry: Entry; body?: IndexedBody } | undefined {
    const index = this.openedIndex();
    const span = index?.spans.get(key);
    if (!index || !span) return undefined;
    try {
      // The line is most often still held from opening the index; else it is read through the window:
      // one read for dozens of lines instead of one each.
      const kept = span.head;
      span.head = undefined;
      const line = kept ?? this.readSpan(index.fd, span);
      // Another build may have written the index since it was read: a line that is not this key's misses.
      if (!line || !isLineOf(key, line)) return undefined;
      const where = whereOf(line, 0, line.length);
      // A body beyond the end of the bodies file (lost, or cut off by a crash) makes the story miss.
      if (!where || (where.body && where.body.offset + where.body.length + 1 > index.bodies.size)) return undefined;
      // An ASCII line is Latin-1 too, which decodes as a plain copy (see recordParts).
      const end = line.length - 1;
      const entry = JSON.parse(line.toString(isAscii(line.subarray(where.json, end)) ? 'latin1' : 'utf8', where.json, end)) as Entry;
      if (!where.body || !entry.body) return { entry };
      return { entry, body: { fd: index.bodies.fd, ...where.body, ...entry.body } };
    } catch {
      return undefined;
    }
  }

  /**
   * The bytes of `span`, from the window when it holds them, else read again; `undefined` when the
   * file is shorter. A line after the window starts a new one around it; one before it is read alone.
   * Windows whose bytes were mostly not asked for make the next ones smaller, down to one line a
   * read, so an index read out of order costs no more than reading each line by itself.
   */
  private readSpan(fd: number, span: Span): Buffer | undefined {
    let window = this.window;
    if (window && span.offset >= window.offset && span.offset + span.length <= window.offset + window.bytes.length) {
      window.used += span.length;
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
    window.used = span.length;
    return window.bytes.subarray(start, start + span.length);
  }

  /**
   * Appends a story's line to the index, and its body to the bodies file when the body is held apart
   * (a line cut off by a crash only makes that story miss); gives where the body is, when it is apart.
   */
  private record(key: string, story: Story, warnings: Diagnostic[]): IndexedBody | undefined {
    const index = this.openedIndex();
    if (!index || index.failed) return undefined;
    const { record, body } = recordParts(story, warnings);
    try {
      // Where the body goes: at the end of the bodies file (its length without the newline after it).
      const place = body && { offset: index.bodies.size, length: body.bytes.length - 1 };
      if (body) {
        // The body first: a line is written only once what it points to is there.
        writeAll(index.bodies.fd, body.bytes, index.bodies.size);
        index.bodies.size += body.bytes.length;
      }
      const line = Buffer.from(`${key} ${place ? `${place.offset}:${place.length}` : '-'} ${record}\n`);
      const bytes = index.endsLine ? line : Buffer.concat([Buffer.from('\n'), line]);
      writeAll(index.fd, bytes, index.size);
      const offset = index.size + bytes.length - line.length;
      index.spans.set(key, { offset, length: line.length });
      index.size += bytes.length;
      index.lines++;
      index.endsLine = true;
      return body && place && { fd: index.bodies.fd, ...place, digest: body.digest, hash: body.hash };
    } catch {
      // A full or read-only disk: no more lines this build. The files stay open, since the body store
      // reads bodies by their descriptor until the cache is closed; the index no longer vouches for the
      // entries stored (their lines are missing), so pruning lists the folders.
      index.failed = true;
      index.trusted = false;
      return undefined;
    }
  }

  /**
   * Writes the index again with this build's stories only, their bodies copied into a new bodies file,
   * when enough of its lines are stale. `tried` when it did (or tried); `bodies`: the new bodies file's
   * name, once the new index is in place.
   */
  private compactIndex(): { tried: boolean; bodies?: string } {
    const index = this.index;
    if (!index) {
      this.close();
      return { tried: false };
    }
    const live: [string, Span][] = [];
    for (const key of this.used) {
      const span = index.spans.get(key);
      if (span) live.push([key, span]);
    }
    if ((index.lines - live.length) * 5 <= index.lines) {
      this.close();
      return { tried: false };
    }
    const file = path.join(this.dir, INDEX_FILE);
    const bodiesName = newBodiesName();
    const bodiesFile = path.join(this.dir, bodiesName);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    let target: number | undefined;
    let bodies: number | undefined;
    try {
      target = openSync(temp, 'wx');
      bodies = openSync(bodiesFile, 'wx');
      let indexSize = writeAll(target, Buffer.from(`${INDEX_HEADER} ${bodiesName}\n`), 0);
      let bodiesSize = 0;
      for (const [key, span] of live) {
        const line = Buffer.allocUnsafe(span.length);
        if (readSync(index.fd, line, 0, span.length, span.offset) !== span.length || !isLineOf(key, line)) continue;
        const where = whereOf(line, 0, line.length);
        if (!where) continue;
        let copied = '-';
        if (where.body) {
          // The body with its newline, as it was appended.
          const body = Buffer.allocUnsafe(where.body.length + 1);
          if (readSync(index.bodies.fd, body, 0, body.length, where.body.offset) !== body.length) continue;
          copied = `${bodiesSize}:${where.body.length}`;
          bodiesSize += writeAll(bodies, body, bodiesSize);
        }
        // The record as it was, after its new `<where>` and the space before it.
        indexSize += writeAll(target, Buffer.concat([Buffer.from(`${key} ${copied}`), line.subarray(where.json - 1)]), indexSize);
      }
      // The bodies are on disk before the index that names them takes the old one's place.
      fsyncSync(bodies);
      fsyncSync(target);
      closeSync(bodies);
      bodies = undefined;
      closeSync(target);
      target = undefined;
      renameSync(temp, file);
    } catch {
      if (target !== undefined) closeSync(target);
      if (bodies !== undefined) closeSync(bodies);
      rmSync(temp, { force: true });
      rmSync(bodiesFile, { force: true });
      this.close();
      return { tried: true };
    }
    this.close();
    return { tried: true, bodies: bodiesName };
  }

  private pathOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

/** Writes all of `bytes` at `position`; gives how many were written. */
function writeAll(fd: number, bytes: Buffer, position: number): number {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written, position + written);
  return bytes.length;
}

/** A fresh bodies file name. */
function newBodiesName(): string {
  return `bodies-3.${randomBytes(8).toString('hex')}.jsonl`;
}

/**
 * A story's record (the JSON of its feed record and warnings) and, for a body that comes back exactly
 * (see `body-store.ts`), the body apart: the JSON array `[contentHtml, contentText]` and a newline,
 * with the body's digest and the story's content hash, which the record carries instead of the body.
 * A warm build parses the records, not the bodies, and reads a body only for a feed it renders again.
 */
function recordParts(story: Story, warnings: Diagnostic[]): { record: string; body?: { bytes: Buffer; digest: string; hash: string } } {
  if (!isXmlClean(story.contentHtml) || !isXmlClean(story.contentText)) {
    return { record: asciiJson(JSON.stringify({ story: storyToJson(feedRecord(story)), warnings } satisfies Entry)) };
  }
  const body = { digest: bodyDigest(story).toString('hex'), hash: contentHash(story) };
  const record = asciiJson(JSON.stringify({ story: storyToJson(feedRecord({ ...story, contentHtml: '', contentText: '' })), warnings, body } satisfies Entry));
  return { record, body: { bytes: Buffer.from(`${asciiJson(JSON.stringify([story.contentHtml, story.contentText]))}\n`), ...body } };
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

/**
 * Opens the index in `dir` (made, with a new bodies file, when there is none) and finds where each
 * key's line is, reading it a chunk at a time and keeping the first `keptHeadBytes` of lines it reads;
 * `undefined` when it cannot be opened.
 */
function openIndex(dir: string, keptHeadBytes: number, depth = 0): OpenIndex | undefined {
  const file = path.join(dir, INDEX_FILE);
  if (depth > 1) return undefined;
  let fd: number | undefined;
  let bodiesFd: number | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    // A new index names a new bodies file on its first line, and comes into place with it: through a
    // link, which fails when another build made the index first (that build's first line is then read).
    let made = false;
    if (!existsSync(file)) made = placeNewIndex(file, (temp) => linkSync(temp, file));
    fd = openSync(file, 'a+');
    let size = fstatSync(fd).size;
    let header = readHeader(fd, size);
    if (!header || !BODIES_FILE.test(header.bodies)) {
      // Not an index (cut off before its first line ended, or written by hand): a new one replaces it.
      closeSync(fd);
      fd = undefined;
      made = placeNewIndex(file, (temp) => renameSync(temp, file));
      fd = openSync(file, 'a+');
      size = fstatSync(fd).size;
      header = readHeader(fd, size);
    }
    if (!header || !BODIES_FILE.test(header.bodies)) throw new Error('not an index');
    bodiesFd = openSync(path.join(dir, header.bodies), 'a+');
    // Its size is taken once the lines are read: a line is written after its body, so every line read
    // (another build's appended meanwhile too) points into what the file held by then.
    const bodies = { name: header.bodies, fd: bodiesFd, size: 0 };
    const spans = new Map<string, Span>();
    let lines = 0;
    // An index whose lines all fit in the bytes kept is read at once, and its lines are kept as views
    // of that one buffer; a larger one a chunk at a time, the lines that fit copied out of each chunk.
    const whole = size - header.length <= keptHeadBytes;
    const chunk = Buffer.allocUnsafe(whole ? size - header.length : SCAN_CHUNK);
    let lineStart = header.length;
    let key = '';
    let keptBytes = 0;
    /** Where the last body a line points to ends in the bodies file. */
    let bodiesEnd = 0;
    for (let at = header.length; at < size; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
      if (n === 0) break;
      // (A whole read that came back short goes on a chunk at a time, into a new buffer: the kept views stay.)
      const kept = whole && at === header.length && n === chunk.length;
      const read = chunk.subarray(0, n);
      for (let i = 0; i < n; ) {
        // The key is the line's first 64 bytes (hex), read where the line starts.
        if (at + i === lineStart) key = i + 64 <= n ? read.toString('latin1', i, i + 64) : readKey(fd, lineStart);
        const newline = read.indexOf(0x0a, i);
        if (newline < 0) break;
        lines++;
        const length = at + newline + 1 - lineStart;
        // A line that started in this chunk is kept while the chunk holds it (copied: the chunk is read into again).
        const inChunk = at + i === lineStart;
        const head = !inChunk || keptBytes + length > keptHeadBytes ? undefined : kept ? read.subarray(i, newline + 1) : Buffer.from(read.subarray(i, newline + 1));
        if (head) keptBytes += length;
        const where = inChunk ? whereOf(read, i, newline) : whereOf(readAt(fd, lineStart, 128), 0, 128);
        if (where?.body) bodiesEnd = Math.max(bodiesEnd, where.body.offset + where.body.length + 1);
        if (/^[0-9a-f]{64}$/.test(key)) spans.set(key, head ? { offset: lineStart, length, head } : { offset: lineStart, length });
        lineStart = at + newline + 1;
        i = newline + 1;
      }
      at += n;
    }
    bodies.size = fstatSync(bodiesFd).size;
    if (bodiesEnd > bodies.size) {
      // The bodies file does not hold what the lines say it does (lost, or cut off by a crash before
      // the lines were): a new index replaces this one, so that no line can ever point to bytes appended
      // later for another story. Every story misses once.
      closeSync(fd);
      closeSync(bodiesFd);
      fd = undefined;
      bodiesFd = undefined;
      rmSync(file, { force: true });
      return openIndex(dir, keptHeadBytes, depth + 1);
    }
    // A line cut off at the end counts as one (stale) line.
    // A new index vouches for no entry stored before it (a cache of an earlier version, or a new cache).
    return { fd, spans, lines: lines + (lineStart < size ? 1 : 0), size, endsLine: lineStart === size, trusted: !made && size > header.length, bodies };
  } catch {
    if (fd !== undefined) closeSync(fd);
    if (bodiesFd !== undefined) closeSync(bodiesFd);
    return undefined;
  }
}

/**
 * Puts a new index (its first line only, naming a new bodies file) in place of `file` with `place`
 * (given the temporary file written); `true` when this call's index is the one in place.
 */
function placeNewIndex(file: string, place: (temp: string) => void): boolean {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeAll(fd, Buffer.from(`${INDEX_HEADER} ${newBodiesName()}\n`), 0);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    place(temp);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The index's first line: the bodies file it names, and its length with the newline; `undefined` when it is not one. */
function readHeader(fd: number, size: number): { bodies: string; length: number } | undefined {
  const bytes = Buffer.allocUnsafe(Math.min(size, 128));
  const read = readSync(fd, bytes, 0, bytes.length, 0);
  const newline = bytes.subarray(0, read).indexOf(0x0a);
  if (newline < 0) return undefined;
  const line = bytes.toString('latin1', 0, newline);
  if (!line.startsWith(`${INDEX_HEADER} `)) return undefined;
  return { bodies: line.slice(INDEX_HEADER.length + 1), length: newline + 1 };
}

/** `true` when `line` is a whole index line of `key` (it starts with the key and ends with a newline). */
function isLineOf(key: string, line: Buffer): boolean {
  return line.toString('latin1', 0, key.length + 1) === `${key} ` && line[line.length - 1] === 0x0a;
}

/**
 * A line's `<where>` (the line in `bytes` from `start`, up to `end`; it follows the 64-byte key and a
 * space): where its body is in the bodies file (`<offset>:<length>`, without the newline after it), or
 * no body for `-`, with where the record's JSON starts; `null` when the line does not read so.
 */
function whereOf(bytes: Buffer, start: number, end: number): { body?: { offset: number; length: number }; json: number } | null {
  let k = start + 65;
  if (bytes[k] === 0x2d) return bytes[k + 1] === 0x20 && k + 2 <= end ? { json: k + 2 } : null;
  // Digit by digit (a string and a regular expression per line cost more than the rest of the scan), in
  // loops rather than a helper made per line.
  let offset = 0;
  let digits = 0;
  for (; k < end && bytes[k]! >= 0x30 && bytes[k]! <= 0x39 && digits < 15; k++, digits++) offset = offset * 10 + bytes[k]! - 0x30;
  if (digits === 0 || bytes[k] !== 0x3a) return null;
  let length = 0;
  digits = 0;
  for (k++; k < end && bytes[k]! >= 0x30 && bytes[k]! <= 0x39 && digits < 15; k++, digits++) length = length * 10 + bytes[k]! - 0x30;
  return digits > 0 && bytes[k] === 0x20 ? { body: { offset, length }, json: k + 1 } : null;
}

/** Up to `length` bytes at `offset`. */
function readAt(fd: number, offset: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  return bytes.subarray(0, readSync(fd, bytes, 0, length, offset));
}

/** The first 64 bytes at `offset` (where a line's key is), as Latin-1. */
function readKey(fd: number, offset: number): string {
  return readAt(fd, offset, 64).toString('latin1');
}
