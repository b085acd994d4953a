import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';
import { makeFolder } from './make-folder.js';
import { writeFailure } from './write-failure.js';

/**
 * Writes `contents` to `file` atomically: into a temporary file in the same folder, flushed, then
 * renamed over the target, so a reader (or a crash) never sees a half-written file.
 */
export async function writeFileAtomic(file: string, contents: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // One folder at a time: Node's recursive mkdir says ENOENT where a read-only file system refuses a folder.
    await makeFolder(dir);
    await writeFile(temp, contents, { flush: true });
    await rename(temp, file);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new StoryfeedError('E_IO', writeFailure(cause, undefined, file), { cause });
  }
}

/** Writes several files atomically, each one in turn; returns the paths written. */
export async function writeFilesAtomic(dir: string, files: Record<string, string>): Promise<string[]> {
  const written: string[] = [];
  for (const [name, contents] of Object.entries(files)) {
    const target = path.join(dir, name);
    await writeFileAtomic(target, contents);
    written.push(target);
  }
  return written;
}
