/**
 * The one way storyfeed reads an input file (seeds, sidecars, configuration, `inspect`, `verify`):
 * it opens without blocking, refuses anything but a regular file (a FIFO would hang the build, a
 * link to `/dev/zero` would fill memory), and stops as soon as the file proves larger than the
 * cap. `stat` sizes are not trusted: files grow while read and special files report 0.
 */
import { type BigIntStats, closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { StoryfeedError } from '../errors.js';

/**
 * Reads exactly `length` bytes at `position` of the open file `fd` (a file storyfeed wrote: a cache
 * entry, its index, a spill file); throws `cutOff` as an Error when the file ends first.
 */
export function readAtSync(fd: number, length: number, position: number, cutOff: string): Buffer {
  return readIntoAtSync(fd, Buffer.allocUnsafe(length), length, position, cutOff);
}

/** {@link readAtSync} into the start of `buffer` (at least `length` bytes); gives the bytes read, a view of it. */
export function readIntoAtSync(fd: number, buffer: Buffer, length: number, position: number, cutOff: string): Buffer {
  for (let read = 0; read < length; ) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) throw new Error(cutOff);
    read += n;
  }
  return buffer.subarray(0, length);
}

/** Options for {@link readBoundedSync} and {@link readBounded}. */
export interface BoundedReadOptions {
  /** Largest size accepted, in bytes. */
  maxBytes: number;
  /** The path as shown to the user (default: the path). */
  display?: string;
  /** What the file should be, for messages ("seed file", "feed file"). */
  what: string;
  /** The error for a file over the cap; `size` is unknown when the file grew past it while read. */
  tooLarge: (size: number | undefined) => StoryfeedError;
  /** The error when the file cannot be opened or read (default: {@link fileReadError}). */
  ioError?: (cause: unknown) => StoryfeedError;
}

/** Options for {@link readBoundedSync}. */
export interface BoundedReadSyncOptions extends BoundedReadOptions {
  /** Receives the status of the file opened (with `bigint` times), taken before any of its bytes is read. */
  opened?: (info: BigIntStats) => void;
}

/** Size of the reads after the first, for files that grow while read. */
const CHUNK_BYTES = 64 * 1024;

/** O_NONBLOCK where the platform has it: opening a FIFO must not wait for a writer. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a regular file of at most `maxBytes` bytes, synchronously (cheapest for many small seeds). */
export function readBoundedSync(file: string, options: BoundedReadSyncOptions): Uint8Array {
  const display = options.display ?? file;
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (cause) {
    throw (options.ioError ?? ((c) => fileReadError(file, display, c)))(cause);
  }
  try {
    const info = fstatSync(fd, { bigint: true });
    options.opened?.(info);
    refuseSpecial(info, display, options);
    const chunks = new BoundedChunks(Number(info.size), options);
    for (;;) {
      let bytesRead: number;
      try {
        bytesRead = readSync(fd, chunks.buffer, 0, chunks.buffer.length, null);
      } catch (cause) {
        throw (options.ioError ?? ((c) => fileReadError(file, display, c)))(cause);
      }
      if (!chunks.took(bytesRead)) return chunks.bytes();
    }
  } finally {
    closeSync(fd);
  }
}

/** Reads a regular file of at most `maxBytes` bytes, without blocking the event loop. */
export async function readBounded(file: string, options: BoundedReadOptions): Promise<Uint8Array> {
  const display = options.display ?? file;
  const ioError = options.ioError ?? ((c: unknown) => fileReadError(file, display, c));
  let handle;
  try {
    handle = await open(file, OPEN_FLAGS);
  } catch (cause) {
    throw ioError(cause);
  }
  try {
    const info = await handle.stat();
    refuseSpecial(info, display, options);
    const chunks = new BoundedChunks(info.size, options);
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(chunks.buffer, 0, chunks.buffer.length, null));
      } catch (cause) {
        throw ioError(cause);
      }
      if (!chunks.took(bytesRead)) return chunks.bytes();
    }
  } finally {
    await handle.close();
  }
}

/** Refuses folders and special files, and regular files whose size is already over the cap. */
function refuseSpecial(info: Stats | BigIntStats, display: string, options: BoundedReadOptions): void {
  if (info.isDirectory()) throw new StoryfeedError('E_IO', `${display} is a folder, not a ${options.what}`, { file: display });
  if (!info.isFile()) throw new StoryfeedError('E_IO', `${display} is ${specialKind(info)}, not a ${options.what}; storyfeed reads only regular files`, { file: display });
  const size = Number(info.size);
  if (size > options.maxBytes) throw options.tooLarge(size);
}

function specialKind(info: Stats | BigIntStats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The bytes read so far, for both readers: the next buffer to read into (the file's size plus one
 * byte first, so one read tells a file that grew), and the size cap applied after every read.
 */
class BoundedChunks {
  private readonly chunks: Uint8Array[] = [];
  private total = 0;
  /** Where the next read goes. */
  buffer: Uint8Array;

  constructor(
    private readonly size: number,
    private readonly options: Pick<BoundedReadOptions, 'maxBytes' | 'tooLarge'>,
  ) {
    this.buffer = new Uint8Array(Math.min(size, options.maxBytes) + 1);
  }

  /** Records a read of `bytesRead` bytes into {@link buffer}; `false` at the end of the file. Throws past the cap. */
  took(bytesRead: number): boolean {
    if (bytesRead === 0) return false;
    this.chunks.push(this.buffer.subarray(0, bytesRead));
    this.total += bytesRead;
    if (this.total > this.options.maxBytes) throw this.options.tooLarge(this.size > this.options.maxBytes ? this.size : undefined);
    this.buffer = bytesRead === this.buffer.length ? new Uint8Array(CHUNK_BYTES) : this.buffer.subarray(bytesRead);
    return true;
  }

  /** Everything read, in one array. */
  bytes(): Uint8Array {
    return joinChunks(this.chunks, this.total);
  }
}

function joinChunks(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** An `E_IO` error naming `display` and saying why it could not be read. */
export function fileReadError(file: string, display: string, cause: unknown): StoryfeedError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  let link = false;
  if (code === 'ENOENT') {
    try {
      link = lstatSync(file).isSymbolicLink();
    } catch {
      link = false;
    }
  }
  // Node decodes names that are not UTF-8 with U+FFFD, so such a file "does not exist" by that name.
  const why = link
    ? 'is a symbolic link to a file that does not exist'
    : code === 'ENOENT' && file.includes('\uFFFD')
      ? 'cannot be opened: its name is not valid UTF-8 (rename it in UTF-8)'
      : ioReason(cause);
  return new StoryfeedError('E_IO', `${display} ${why}`, { file: display, cause });
}

/** Why a file-system call failed, in words ("does not exist", "is a folder", …). */
export function ioReason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'is a symbolic link loop (a link that leads back to itself)';
  if (code === 'ENXIO') return 'is a socket or a device without a reader, not a regular file';
  return `cannot be read (${code ?? String(cause)})`;
}
