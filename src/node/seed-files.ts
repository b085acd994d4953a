import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';
import { SEED_EXTENSIONS } from '../seed/index.js';

/** A seed file found in a folder, with its optional sidecar. */
export interface SeedFile {
  /** Absolute path. */
  path: string;
  /** Path as shown to the user (relative to the working directory when inside it). */
  display: string;
  /** Sidecar metadata file (`name.meta.yaml`, `.meta.yml` or `.meta.json`), if present. */
  sidecar?: string;
}

const SIDECAR = /\.meta\.(?:ya?ml|json)$/i;

/** Shows a path relative to `cwd` when it is inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/**
 * Lists seed files under `dir` (recursively, sorted, so builds are deterministic). Skips dot- and
 * underscore-prefixed entries, `node_modules`, sidecars, and folders already visited (by real path,
 * so symlink loops end). A seed-named link that cannot be followed (a loop, or a missing target) is
 * listed, so reading it reports the problem with its name instead of dropping the story silently.
 */
export async function findSeedFiles(dir: string, cwd = process.cwd()): Promise<SeedFile[]> {
  const root = path.resolve(cwd, dir);
  let info;
  try {
    info = await stat(root);
  } catch (cause) {
    throw new StoryfeedError('E_IO', `seeds folder ${displayPath(root, cwd)} does not exist`, { cause });
  }
  if (!info.isDirectory()) throw new StoryfeedError('E_IO', `${displayPath(root, cwd)} is not a folder`);
  const found: SeedFile[] = [];
  const visited = new Set<string>();
  const walk = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      const real = await realpath(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (cause) {
      throw new StoryfeedError('E_IO', `folder ${displayPath(folder, cwd)} ${ioReason(cause)}`, { file: displayPath(folder, cwd), cause });
    }
    const names = new Set(entries.map((e) => e.name));
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_') || entry.name === 'node_modules') continue;
      const full = path.join(folder, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          isFile = true; // reading it names the problem (a loop or a missing target)
        }
      }
      if (isDir) {
        await walk(full);
      } else if (isFile && !SIDECAR.test(entry.name) && (SEED_EXTENSIONS as readonly string[]).includes(path.extname(entry.name).toLowerCase())) {
        const stem = entry.name.slice(0, entry.name.length - path.extname(entry.name).length);
        const sidecar = ['yaml', 'yml', 'json'].map((ext) => `${stem}.meta.${ext}`).find((n) => names.has(n));
        const file: SeedFile = { path: full, display: displayPath(full, cwd) };
        if (sidecar) file.sidecar = path.join(folder, sidecar);
        found.push(file);
      }
    }
  };
  await walk(root);
  return found;
}

/** Reads a file as bytes, turning file-system failures into a clear `E_IO` error. */
export async function readBytes(file: string, display = file): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (cause) {
    const link = (cause as NodeJS.ErrnoException).code === 'ENOENT' && (await lstat(file).then((i) => i.isSymbolicLink(), () => false));
    const why = link ? 'is a symbolic link to a file that does not exist' : ioReason(cause);
    throw new StoryfeedError('E_IO', `${display} ${why}`, { file: display, cause });
  }
}

function ioReason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'is a symbolic link loop (a link that leads back to itself)';
  return `cannot be read (${code ?? String(cause)})`;
}
