import { hash, randomBytes } from 'node:crypto';
import { type BigIntStats, closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileStamp, isSettled } from './owned-files.js';
import type { SeedFile } from './seed-files.js';

/**
 * Seed stamps: what a build learnt of each seed file (and sidecar) it read, kept for the next one.
 * Each file's {@link fileStamp} is recorded with the SHA-256 digest of its bytes, only once its
 * change time was settled (see {@link isSettled}). A later build that finds the same stamp knows the
 * bytes' digest, and so the story's cache key, without reading or hashing the file: any write since
 * moved the change time, and a file replaced by another has another inode.
 *
 * The record is one file in the cache folder, read once when a build starts and written again
 * (atomically) at its end with this build's seeds only. Its first line holds a digest of the rest:
 * a record cut short or damaged is ignored whole, which only means every seed is read.
 */

/** The record's name in the cache folder. */
export const STAMPS_FILE = 'seed-stamps.txt';

/** The record's first line, before the digest of the lines after it. */
export const STAMPS_HEADER = 'storyfeed seed stamps 1';

/** Names of this module's temporary files in the cache folder (the clock's probe, a record being written). */
export const STAMPS_TEMP = /^(?:\.seed-clock|seed-stamps\.txt)\.\d+\.[0-9a-f]+\.tmp$/;

/** A line: the digest (64 hex digits), the stamp, and the path (the rest of the line). */
const LINE = /^([0-9a-f]{64}) (\d+:\d+:\d+:\d+:\d+) (.+)$/s;

/** The file system's clock: the device and change time of a file just created there (see {@link isSettled}). */
export interface FileClock {
  dev: bigint;
  ctimeNs: bigint;
}

/** SHA-256 digests (hex) of a seed's bytes and of its sidecar's. */
export interface SeedDigests {
  seed: string;
  sidecar?: string;
}

/** A file's stamp and the digest of the bytes it vouches for. */
interface Known {
  stamp: string;
  digest: string;
}

/** SHA-256 (hex) of `bytes`. */
export function bytesDigest(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

/**
 * Reads the file system's clock in `dir`: the change time of a probe file created there, removed
 * right after. `undefined` when it cannot be created (nothing is then settled).
 */
export function readClock(dir: string): FileClock | undefined {
  const probe = path.join(dir, `.seed-clock.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    const info = lstatSync(probe, { bigint: true });
    return { dev: info.dev, ctimeNs: info.ctimeNs };
  } catch {
    return undefined;
  } finally {
    rmSync(probe, { force: true });
  }
}

/** The stamps of one build: those recorded by the build before, and those this build vouches for or records. */
export class SeedStamps {
  /** Files whose digest came from their stamp, and files whose stamp was recorded after reading them. */
  readonly counters = { vouched: 0, recorded: 0 };
  /** This build's stamps, by path. */
  private readonly kept = new Map<string, Known>();
  /** Whether a stamp was recorded anew or dropped (else this build's stamps are the earlier ones it kept). */
  private changed = false;

  private constructor(
    /** The folder of the record (the cache folder). */
    readonly dir: string,
    /** The clock, read before any seed was looked at. */
    private readonly clock: FileClock | undefined,
    /** The earlier build's stamps, by path. */
    private readonly earlier: Map<string, Known>,
    /** The earlier record's bytes, so an unchanged record is not written again. */
    private readonly bytes: Buffer | undefined,
  ) {}

  /**
   * Reads the record in `dir` and the clock (`clock`, by default {@link readClock} in `dir`). Call it
   * before any seed is looked at: a stamp is recorded only when it was settled by then.
   */
  static open(dir: string, clock: () => FileClock | undefined = () => readClock(dir)): SeedStamps {
    const now = clock();
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(path.join(dir, STAMPS_FILE));
    } catch {
      bytes = undefined;
    }
    const earlier = bytes === undefined ? undefined : parseRecord(bytes);
    return new SeedStamps(dir, now, earlier ?? new Map(), earlier ? bytes : undefined);
  }

  /**
   * The digests of `file` (and of its sidecar) when their stamps are the recorded ones; `info` is the
   * seed's status (`stat` with `bigint`). A sidecar larger than `maxBytes` is left to be read, which
   * reports it.
   */
  vouch(file: SeedFile, info: BigIntStats, maxBytes: number): SeedDigests | undefined {
    const seed = this.known(file.path, info);
    if (seed === undefined) return undefined;
    if (!file.sidecar) return { seed };
    let side: BigIntStats;
    try {
      side = statSync(file.sidecar, { bigint: true });
    } catch {
      return undefined;
    }
    if (side.size > BigInt(maxBytes)) return undefined;
    const sidecar = this.known(file.sidecar, side);
    return sidecar === undefined ? undefined : { seed, sidecar };
  }

  /**
   * Records that the file at `file` hashed to `digest` when read through a descriptor whose status,
   * taken before reading, was `info`; kept only when its change time was settled.
   */
  record(file: string, info: BigIntStats, digest: string): void {
    if (!isSettled(info, this.clock)) {
      if (this.kept.delete(file) || this.earlier.has(file)) this.changed = true;
      return;
    }
    const known = { stamp: fileStamp(info), digest };
    const before = this.kept.get(file) ?? this.earlier.get(file);
    if (before?.stamp !== known.stamp || before.digest !== known.digest) this.changed = true;
    this.kept.set(file, known);
    this.counters.recorded++;
  }

  /**
   * Writes the record of this build's stamps for `files` (in their order), unless it is the one read.
   * Written to a temporary file, flushed, then renamed: a build that stops meanwhile leaves the old
   * record. A failure only costs the next build its reads.
   */
  save(files: readonly SeedFile[]): void {
    // Every earlier stamp kept as it was, none added: the record read is this build's.
    if (this.bytes !== undefined && !this.changed && this.kept.size === this.earlier.size) return;
    const lines: string[] = [];
    for (const file of files) {
      for (const name of file.sidecar ? [file.path, file.sidecar] : [file.path]) {
        const known = this.kept.get(name);
        // A name with a line break is left out (that seed is read by every build).
        if (known && !name.includes('\n')) lines.push(`${known.digest} ${known.stamp} ${name}\n`);
      }
    }
    const body = Buffer.from(lines.join(''));
    const bytes = Buffer.concat([Buffer.from(`${STAMPS_HEADER} ${bytesDigest(body)}\n`), body]);
    if (this.bytes === undefined ? lines.length === 0 : this.bytes.equals(bytes)) return;
    const target = path.join(this.dir, STAMPS_FILE);
    const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    let fd: number | undefined;
    try {
      clearTemps(this.dir);
      fd = openSync(temp, 'wx');
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
      renameSync(temp, target);
    } catch {
      if (fd !== undefined) closeSync(fd);
      rmSync(temp, { force: true });
    }
  }

  /** The recorded digest of the file at `file` when `info` has its recorded stamp (kept for the next build). */
  private known(file: string, info: BigIntStats): string | undefined {
    const known = this.earlier.get(file);
    if (!known || known.stamp !== fileStamp(info)) return undefined;
    this.kept.set(file, known);
    this.counters.vouched++;
    return known.digest;
  }
}

/** The stamps of a record, or `undefined` when it is not whole (cut short, damaged, or of another format). */
function parseRecord(bytes: Buffer): Map<string, Known> | undefined {
  const end = bytes.indexOf(0x0a);
  if (end < 0 || bytes.toString('latin1', 0, end) !== `${STAMPS_HEADER} ${bytesDigest(bytes.subarray(end + 1))}`) return undefined;
  const stamps = new Map<string, Known>();
  const body = bytes.toString('utf8', end + 1);
  let at = 0;
  while (at < body.length) {
    const next = body.indexOf('\n', at);
    if (next < 0) return undefined;
    const match = LINE.exec(body.slice(at, next));
    if (!match) return undefined;
    stamps.set(match[3]!, { digest: match[1]!, stamp: match[2]! });
    at = next + 1;
  }
  return stamps;
}

/** Removes temporary files left in `dir` by builds that stopped before removing them. */
function clearTemps(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (STAMPS_TEMP.test(name)) rmSync(path.join(dir, name), { force: true });
  }
}
