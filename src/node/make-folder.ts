import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Makes a folder and the folders missing above it, one at a time, as `mkdir -p` does, without Node's
 * `recursive` mkdir: on a file system that refuses a folder with ENOENT while its parent exists (`/proc`),
 * Node makes the parent again, then the folder, without end (`build --out /proc/x` spun at 100 % CPU).
 * Here that ENOENT is thrown, once. A folder made meanwhile by another process is taken as made.
 */
export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (!(await stat(at).catch(() => undefined))) {
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
