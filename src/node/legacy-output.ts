import { copyFile, link, lstat, mkdir, readdir, readFile, readlink, rename, rm, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import { digestFile, syncFolder, writeOwnedRecord, type OwnedRecord } from './owned-files.js';
import type { PublishPaths } from './publish.js';
import { writeFileAtomic } from './write-files.js';

/**
 * Turns a 0.1 output folder back into a plain folder, losing nothing.
 *
 * In 0.1 the output folder was a symbolic link to `.NAME.builds/<id>/`, and a plain folder found
 * there was moved to `.NAME.builds/adopted/`. The migration stages a plain folder in the state
 * folder holding hard links to the current build's files plus the user's files from `adopted/`
 * (an adopted file where the build has its own file is kept in `.NAME.storyfeed/kept/`), records
 * the staging as done, swaps it in for the link, records the build's files as storyfeed's, and
 * only then removes `.NAME.builds/` (all storyfeed's). Staging only adds links, so a killed
 * migration is simply staged again, or finished from the record, by the next build.
 */

/** What a finished staging recorded: the build's files and their hashes. */
interface MigrationMarker {
  /** Files of the current 0.1 build (relative path → hash): storyfeed's. */
  files: Record<string, string>;
}

/**
 * Migrates `outDir` if it is in the 0.1 layout (or a migration was killed); returns whether it did.
 * `produced` is the set of files the build doing the migration publishes: a file of the 0.1 build
 * folder counts as storyfeed's only when it has one of their paths, or one of their file names in a
 * feed folder of the 0.1 layout (`archive/N/`, `tags/S/`, `authors/S/`); any other file there was put
 * into the linked folder by the user after the last 0.1 build, and stays theirs.
 */
export async function migrateLegacyOutput(outDir: string, paths: PublishPaths, step: (name: string) => Promise<void>, produced: readonly string[]): Promise<boolean> {
  const markerFile = path.join(paths.state, 'migration.json');
  const staged = path.join(paths.state, 'migrating');
  let marker = await readMarker(markerFile);
  if (!marker) {
    const current = await legacyCurrent(outDir, paths);
    if (!current) return false;
    await step('migrating');
    marker = await stage(current, path.join(paths.legacyBuilds, 'adopted'), staged, path.join(paths.state, 'kept'), legacyOutputTest(produced));
    await writeFileAtomic(markerFile, `${JSON.stringify(marker)}\n`);
    await syncFolder(paths.state);
    await step('staged');
  }
  const info = await lstat(outDir).catch(() => undefined);
  if (await lstat(staged).catch(() => undefined)) {
    // POSIX cannot rename a folder over a link: for an instant there is no output folder. A build killed here finishes from the marker.
    if (info?.isSymbolicLink()) await unlink(outDir);
    await rename(staged, outDir);
    await syncFolder(path.dirname(outDir));
    await step('swapped');
  }
  const record: OwnedRecord = { version: 1, files: {}, folders: [] };
  for (const [name, hash] of Object.entries(marker.files)) record.files[name] = [hash];
  await writeOwnedRecord(paths.owned, record);
  await rm(paths.legacyBuilds, { recursive: true, force: true });
  await rm(paths.legacyLock, { force: true });
  await rm(markerFile, { force: true });
  await step('migrated');
  return true;
}

async function readMarker(file: string): Promise<MigrationMarker | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as MigrationMarker;
    return typeof value.files === 'object' && value.files !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The 0.1 build folder `outDir` shows (or the adopted folder a killed 0.1 adoption left), when it is in that layout. */
async function legacyCurrent(outDir: string, paths: PublishPaths): Promise<{ dir: string; ours: boolean } | undefined> {
  const info = await lstat(outDir).catch(() => undefined);
  if (info?.isSymbolicLink()) {
    const resolved = path.resolve(path.dirname(outDir), await readlink(outDir));
    const inside = path.relative(paths.legacyBuilds, resolved);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return undefined;
    const isAdopted = inside === 'adopted';
    return { dir: resolved, ours: !isAdopted };
  }
  if (info) return undefined;
  // 0.1 killed between moving a plain folder aside and linking it back.
  const adopted = path.join(paths.legacyBuilds, 'adopted');
  return (await lstat(adopted).catch(() => undefined))?.isDirectory() ? { dir: adopted, ours: false } : undefined;
}

/** Feed folders of the 0.1 layout, where the file names of the main feeds repeat. */
const LEGACY_FEED_FOLDER = /^(?:archive\/\d+|tags\/[^/]+|authors\/[^/]+)$/;

/** Whether a file of the 0.1 build folder is storyfeed's output (see {@link migrateLegacyOutput}). */
function legacyOutputTest(produced: readonly string[]): (name: string) => boolean {
  const paths = new Set(produced);
  const names = new Set(produced.map((name) => path.posix.basename(name)));
  return (name) => paths.has(name) || (names.has(path.posix.basename(name)) && LEGACY_FEED_FOLDER.test(path.posix.dirname(name)));
}

/**
 * Fills `staged` with links to the files of `current` (storyfeed's when `current.ours`) and to the
 * user's files in `adopted`; returns storyfeed's files with their hashes.
 */
async function stage(current: { dir: string; ours: boolean }, adopted: string, staged: string, kept: string, isOutput: (name: string) => boolean): Promise<MigrationMarker> {
  await rm(staged, { recursive: true, force: true });
  await mkdir(staged, { recursive: true });
  const files: Record<string, string> = {};
  const fromBuild = await mirror(current.dir, staged, () => true);
  if (current.ours) {
    for (const name of fromBuild) {
      if (!isOutput(name)) continue;
      const hash = await digestFile(path.join(current.dir, ...name.split('/')));
      if (hash) files[name] = hash;
    }
  }
  if (current.ours && (await lstat(adopted).catch(() => undefined))?.isDirectory()) {
    const taken = new Set(fromBuild);
    // The user's files join the folder; one where the build has a file of its own waits in kept/.
    await mirror(adopted, staged, (name) => !taken.has(name));
    await mirror(adopted, kept, (name) => taken.has(name));
  }
  await syncFolder(staged);
  return { files };
}

/**
 * Recreates the tree under `from` inside `to` with hard links (copies across file systems), for
 * the files and folders `wanted` accepts (so empty folders too); symbolic links are recreated as links. Iterative, so any depth is
 * fine. Returns the relative paths of the files linked.
 */
async function mirror(from: string, to: string, wanted: (name: string) => boolean): Promise<string[]> {
  const done: string[] = [];
  const stack: string[] = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    const entries = await readdir(path.join(from, rel), { withFileTypes: true });
    for (const entry of entries) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      const source = path.join(from, name);
      const dest = path.join(to, name);
      if (entry.isDirectory()) {
        if (wanted(name)) await mkdir(dest, { recursive: true });
        stack.push(name);
        continue;
      }
      if (!wanted(name)) continue;
      await mkdir(path.dirname(dest), { recursive: true });
      await rm(dest, { force: true });
      if (entry.isSymbolicLink()) await symlink(await readlink(source), dest);
      else await link(source, dest).catch(() => copyFile(source, dest));
      done.push(name);
    }
  }
  return done;
}
