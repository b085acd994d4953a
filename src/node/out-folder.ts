import { homedir } from 'node:os';
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';
import { displayPath } from './seed-files.js';

/** The folders an output folder must stay clear of. */
export interface OutputFolderContext {
  /** The output folder. */
  out: string;
  /** The seeds folder. */
  seeds: string;
  /** The working directory. */
  cwd: string;
  /** The folder of the configuration file (the project root), when one was read. */
  configDir?: string;
}

/** Files whose presence marks a project (or repository) root, never an output folder. */
const PROJECT_MARKERS = ['.git', 'package.json'] as const;

/**
 * Refuses, before anything is touched, an output folder that would put the user's work in
 * storyfeed's way: one that is, contains or lies inside the seeds folder; that is or contains the
 * working directory or the configuration file's folder; or that holds `.git` or `package.json`.
 * Throws `E_OUT_UNSAFE` naming the overlap, and `E_OUT_CONFLICT` for a file (not a folder) there.
 */
export async function checkOutputFolder(context: OutputFolderContext): Promise<void> {
  const out = await realish(context.out);
  const seeds = await realish(context.seeds);
  const shown = path.resolve(context.out) === path.resolve(context.cwd) ? '.' : displayPath(path.resolve(context.out), context.cwd);
  const seedsShown = displayPath(path.resolve(context.seeds), context.cwd);
  const refuse = (why: string): never => {
    throw new StoryfeedError('E_OUT_UNSAFE', `refusing to publish into ${shown}: ${why}; choose a separate output folder such as "public"`);
  };
  const cwd = await realish(context.cwd);
  const project = context.configDir === undefined ? undefined : await realish(context.configDir);
  if (out === seeds) refuse('it is the seeds folder');
  if (out === cwd) refuse('it is the current directory');
  if (out === project) refuse('it is the project folder (where the configuration file is)');
  // Run from elsewhere (a script in /tmp, a CI step), `--out ~` contains neither: it is still everything the user has.
  const home = homedir();
  if (home && out === (await realish(home))) refuse('it is your home folder');
  if (inside(seeds, out)) refuse(`it contains the seeds folder ${seedsShown}`);
  if (inside(out, seeds)) refuse(`it lies inside the seeds folder ${seedsShown}`);
  if (inside(cwd, out)) refuse('it contains the current directory');
  if (project !== undefined && inside(project, out)) refuse(`it contains the project folder ${context.configDir}`);
  // Refused here, before a build reads its seeds and makes its cache, and not only when it publishes.
  const info = await lstat(context.out).catch(() => undefined);
  if (info && !info.isDirectory() && !info.isSymbolicLink()) {
    throw new StoryfeedError('E_OUT_CONFLICT', `${path.resolve(context.out)} exists and is not a folder`);
  }
  for (const marker of PROJECT_MARKERS) {
    if (await lstat(path.join(out, marker)).catch(() => undefined)) refuse(`it holds ${marker}, so it is a project folder`);
  }
}

/** Whether `child` lies strictly inside `parent` (both absolute and resolved). */
export function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel);
}

/** The real path of `p`, resolving links in the part that exists (the rest is appended as given). */
export async function realish(p: string): Promise<string> {
  let existing = path.resolve(p);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(await realpath(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(p);
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}
