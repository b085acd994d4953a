import { mkdir, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Makes a folder and the folders missing above it, one at a time, as `mkdir -p` does, without Node's
 * `recursive` mkdir: on a file system that refuses a folder with ENOENT while its parent exists (`/proc`),
 * Node makes the parent again, then the folder, without end (`build --out /proc/x` spun at 100 % CPU).
 * Here that ENOENT is thrown, once. A folder made meanwhile by another process is taken as made.
 * Resolves to the folders this call made, parents first (none when `dir` was there).
 */
export async function makeFolder(dir: string): Promise<string[]> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!(await stat(at).catch(() => undefined))) {
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  const made: string[] = [];
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
      made.push(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return made;
}

/**
 * Removes folders that {@link makeFolder} made, deepest first, each only while it is empty: one that
 * holds anything (put there by anyone since) stays, as does everything above it. Never throws.
 */
export async function unmakeFolders(made: readonly string[]): Promise<void> {
  for (const folder of [...made].reverse()) {
    try {
      await rmdir(folder);
    } catch (error) {
      // Gone already (removed by an earlier call): the folders above it may still be to remove.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
    }
  }
}
