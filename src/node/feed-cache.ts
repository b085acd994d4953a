import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeedDocument, FeedFormat, FeedOutputs } from '../types.js';
import type { BodyDigests } from './body-store.js';
import type { StreamedContents } from './publish.js';
import { readAtSync, readIntoAtSync } from './read-bounded.js';
import { codeIdentity } from './code-identity.js';

/** The three formats, in the order texts are stored. */
const FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/**
 * Verified renderings of feeds, kept between builds: rendering is a pure function of the
 * document, and verification a pure function of the document and the text, so a document seen
 * before needs neither again. Two kinds of entry:
 * - `feed`: the whole rendering of a document (keyed by all of it);
 * - `items`: the items part of a piece of a large document (see `render/chunks.ts`), keyed by
 *   everything but the feed's `updated` date, which only the head shows. An edited story moves
 *   that date, and the other pieces stay valid; the head is then rendered and verified with one item.
 * Entries not used by a build are removed at its end.
 */
export class FeedCache {
  /** This build's counters. */
  readonly counters = { hits: 0, misses: 0 };
  private readonly used = new Set<string>();

  constructor(
    /** Folder of the cache. */
    readonly dir: string,
    /** What names the code rendering and verifying (default: the running code's, see `code-identity.ts`). */
    private readonly identity = codeIdentity(),
  ) {}

  /**
   * The key of a document's whole rendering (`feed`), of its items (`items`), or of the head and tail
   * of its rendering (`heads`, of the document without its items). With `bodies`, an
   * item whose body digest is known is keyed by that digest and the settings that publish the body
   * from it, not by the body: the document may then come without its bodies (see `body-store.ts`).
   */
  key(kind: 'feed' | 'items' | 'heads', doc: FeedDocument, bodies?: BodyDigests): string {
    const { items, ...head } = doc;
    // JSON text is well-formed (JSON.stringify escapes lone surrogates and NUL), so its UTF-8 bytes name
    // it exactly, and V8 encodes one-byte strings to UTF-8 about four times faster than it widens them to
    // UTF-16. A raw body may hold lone surrogates, which UTF-8 would replace: it goes in as UTF-16, behind
    // its length. NUL separates the pieces; no JSON text, digest or length holds one.
    const hash = createHash('sha256')
      .update(`${this.identity}\0${kind}\0`)
      .update(JSON.stringify(kind === 'items' ? { ...head, updated: null } : head), 'utf8')
      .update(`\0${bodies?.settings ?? ''}`, 'utf8');
    // Items are gathered into one text per run of items keyed by digest (one call into the hash instead
    // of three per item; the bytes hashed are the same). Leaving the body fields undefined drops them from
    // the JSON as a rest copy without them would, and V8 copies with a spread far faster.
    let text = '';
    for (const item of items) {
      const json = JSON.stringify({ ...item, contentHtml: undefined, contentText: undefined });
      const digest = bodies?.digestOf(item);
      if (digest !== undefined) {
        text += `\0${json}\0d${digest}`;
        continue;
      }
      hash.update(`${text}\0${json}\0${item.contentHtml.length}\0`, 'utf8').update(item.contentHtml, 'utf16le');
      hash.update(`\0${item.contentText.length}\0`, 'utf8').update(item.contentText, 'utf16le');
      text = '';
    }
    if (text !== '') hash.update(text, 'utf8');
    return hash.digest('hex');
  }

  /** The stored texts, by format, or `undefined`. */
  get(key: string): Record<FeedFormat, string> | undefined {
    this.used.add(key);
    const texts = readTexts(this.pathOf(key));
    if (texts) this.counters.hits++;
    else this.counters.misses++;
    return texts;
  }

  /** `true` when an entry is stored (counted as a hit; its texts are read later with {@link readText}). */
  has(key: string): boolean {
    this.used.add(key);
    const found = entryLengths(this.pathOf(key)) !== undefined;
    if (found) this.counters.hits++;
    else this.counters.misses++;
    return found;
  }

  /** Stores verified texts (failures to write only cost the next build time). */
  async set(key: string, texts: Record<FeedFormat, string | Uint8Array>): Promise<void> {
    this.used.add(key);
    await writeTexts(this.pathOf(key), texts).catch(() => undefined);
  }

  /**
   * The SHA-256 digests (hex, by format) of the outputs an earlier build published from what `key`
   * names (a document's cached rendering, or a large feed's head and pieces), when recorded: a build
   * whose outputs are those need not read them back to hash them.
   */
  digests(key: string): Record<FeedFormat, string> | undefined {
    const name = `${key}${DIGESTS_SUFFIX}`;
    this.used.add(name);
    let text: string;
    try {
      text = readFileSync(path.join(this.dir, name), 'latin1');
    } catch {
      return undefined;
    }
    const hashes = text.split(' ');
    if (hashes.length !== FORMATS.length || !hashes.every((h) => /^[0-9a-f]{64}$/.test(h))) return undefined;
    return { rss: hashes[0]!, atom: hashes[1]!, json: hashes[2]! };
  }

  /** Records the digests of the outputs published from what `key` names (failures to write only cost the next build time). */
  async setDigests(key: string, hashes: Record<FeedFormat, string>): Promise<void> {
    const name = `${key}${DIGESTS_SUFFIX}`;
    this.used.add(name);
    const file = path.join(this.dir, name);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, FORMATS.map((f) => hashes[f]).join(' '));
      await rename(temp, file);
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  /** Where an entry is kept (a task may write it there itself, see {@link writeTexts}). */
  pathOf(key: string): string {
    this.used.add(key);
    return path.join(this.dir, key);
  }

  /** Removes entries this build did not use (only names this cache writes: the folder may be inside one of the user's). */
  async prune(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    // Best effort, as writing entries is: an entry left behind (a cache folder another user made) costs only space.
    for (const name of names) if (ENTRY_FILE.test(name) && !this.used.has(name)) await rm(path.join(this.dir, name), { force: true }).catch(() => undefined);
  }
}

/** An entry (named by its key), the record of its digests, or a temporary copy of either. */
export const ENTRY_FILE = /^[0-9a-f]{64}(?:\.sha256)?(?:\.\d+\.[0-9a-z]+\.tmp)?$/;

/** Name suffix of the record of an entry's published digests (see {@link FeedCache.digests}). */
const DIGESTS_SUFFIX = '.sha256';

/*
 * An entry is one file: a first line `sf2 <bytes> <bytes> <bytes>` giving the UTF-8 length of each
 * format, then the three texts one after another. One format is read without the others.
 */
const MAGIC = 'sf2';

/** Writes the three texts of a feed (or their UTF-8 bytes) to `file` (through a temporary file, so a reader never sees half of it). */
export async function writeTexts(file: string, texts: Record<FeedFormat, string | Uint8Array>): Promise<void> {
  const buffers = FORMATS.map((f) => {
    const text = texts[f];
    return typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  });
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, Buffer.concat([Buffer.from(`${MAGIC} ${buffers.map((b) => b.length).join(' ')}\n`), ...buffers]));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** All three texts of an entry, or `undefined` when there is none (or it is cut off). */
export function readTexts(file: string): Record<FeedFormat, string> | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const header = parseHeader(bytes.subarray(0, Math.min(bytes.length, 100)).toString('latin1'));
  if (!header || header.start + header.lengths.reduce((a, b) => a + b, 0) !== bytes.length) return undefined;
  const out = {} as Record<FeedFormat, string>;
  let at = header.start;
  FORMATS.forEach((format, i) => {
    out[format] = bytes.toString('utf8', at, at + header.lengths[i]!);
    at += header.lengths[i]!;
  });
  return out;
}

/** One text of an entry (throws when the entry is gone). */
export function readText(file: string, format: FeedFormat): string {
  return readBytes(file, format).toString('utf8');
}

/** One text of an entry as the UTF-8 bytes stored (throws when the entry is gone): publishing needs no decoding. */
export function readBytes(file: string, format: FeedFormat): Buffer {
  return readEntry(file, format, (fd, length, offset) => readAtSync(fd, length, offset, `${file} is cut off`));
}

/**
 * {@link readBytes} into `scratch.buffer` (replaced by a larger one when too small): the bytes are a
 * view of it, valid until it is read into again. Reading a large feed's pieces one after another into
 * one buffer spares the memory of all of them and the page faults of fresh buffers.
 */
export function readBytesInto(file: string, format: FeedFormat, scratch: { buffer: Buffer }): Buffer {
  return readEntry(file, format, (fd, length, offset) => {
    if (scratch.buffer.length < length) scratch.buffer = Buffer.allocUnsafe(Math.max(length, scratch.buffer.length * 2));
    return readIntoAtSync(fd, scratch.buffer, length, offset, `${file} is cut off`);
  });
}

/** Opens an entry, finds where `format`'s text is, and reads it with `read`. */
function readEntry(file: string, format: FeedFormat, read: (fd: number, length: number, offset: number) => Buffer): Buffer {
  const fd = openSync(file, 'r');
  try {
    const { offset, length } = placeIn(fd, file, format);
    return read(fd, length, offset);
  } finally {
    closeSync(fd);
  }
}

/** The size in bytes of one text of an entry, read from its header alone (throws when the entry is gone). */
export function entryTextSize(file: string, format: FeedFormat): number {
  const fd = openSync(file, 'r');
  try {
    return placeIn(fd, file, format).length;
  } finally {
    closeSync(fd);
  }
}

/** Where `format`'s text is in the entry open as `fd`, by its header. */
function placeIn(fd: number, file: string, format: FeedFormat): { offset: number; length: number } {
  const header = readHeader(fd);
  if (!header) throw new Error(`${file} is not a feed cache entry`);
  const index = FORMATS.indexOf(format);
  return { offset: header.start + header.lengths.slice(0, index).reduce((a, b) => a + b, 0), length: header.lengths[index]! };
}

function entryLengths(file: string): number[] | undefined {
  try {
    const fd = openSync(file, 'r');
    try {
      const header = readHeader(fd);
      if (!header || header.start + header.lengths.reduce((a, b) => a + b, 0) !== fstatSync(fd).size) return undefined;
      return header.lengths;
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

/** The header of the entry open as `fd` (it fits in its first 100 bytes), or `undefined` when it has none. */
function readHeader(fd: number): { lengths: number[]; start: number } | undefined {
  const head = Buffer.alloc(100);
  return parseHeader(head.toString('latin1', 0, readSync(fd, head, 0, head.length, 0)));
}

function parseHeader(start: string): { lengths: number[]; start: number } | undefined {
  const newline = start.indexOf('\n');
  const parts = start.slice(0, newline).split(' ');
  if (newline < 0 || parts[0] !== MAGIC) return undefined;
  const lengths = parts.slice(1).map(Number);
  if (lengths.length !== FORMATS.length || lengths.some((n) => !Number.isInteger(n) || n < 0)) return undefined;
  return { lengths, start: newline + 1 };
}

/** Outputs kept on disk, read when asked for; {@link LazyOutputs.moveTo} points them at published copies. */
export interface LazyOutputs {
  /** The outputs, each read from disk on every access. */
  outputs: FeedOutputs;
  /** One output's UTF-8 bytes, read from disk on every call. */
  bytes(format: FeedFormat): Buffer;
  /** One output's size in bytes, without reading the output. */
  size(format: FeedFormat): number;
  /** One output's UTF-8 bytes in parts read one at a time, when it is joined from pieces (until {@link LazyOutputs.moveTo}). */
  stream?(format: FeedFormat): StreamedContents | undefined;
  /** Reads each format from its own file from now on (the published files). */
  moveTo(files: Record<FeedFormat, string>): void;
}

/** The outputs stored in a feed cache entry (or a file in the same form), read when asked for. */
export function lazyOutputs(entry: string): LazyOutputs {
  return outputsReadBy(
    (format) => readBytes(entry, format),
    (format) => entryTextSize(entry, format),
  );
}

/** Outputs whose bytes `read` gives on every call (decoded when a text is asked for), and whose sizes `size` gives. */
export function outputsReadBy(read: (format: FeedFormat) => Buffer, size: (format: FeedFormat) => number): LazyOutputs {
  let bytes = read;
  let sizeOf = size;
  const outputs = {} as FeedOutputs;
  for (const format of FORMATS) Object.defineProperty(outputs, format, { enumerable: true, get: () => bytes(format).toString('utf8') });
  return {
    outputs,
    bytes: (format) => bytes(format),
    size: (format) => sizeOf(format),
    moveTo(files) {
      bytes = (format) => readFileSync(files[format]);
      sizeOf = (format) => statSync(files[format]).size;
    },
  };
}
