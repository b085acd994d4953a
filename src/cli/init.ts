import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';
import { CONFIG_FILE_NAMES, MAX_CONFIG_BYTES, starterConfig } from '../node/config-file.js';
import { EXIT, type CliIo, type InitFlags } from './main.js';

const EXAMPLE_SEED = `Your first story's headline goes on the first line
By Jane Doe
Each following line is a paragraph. A short line without closing punctuation is a subheading.
What happens next
"Quotes are found and attributed," the editor said.
`;

/** The configuration file `storyfeed init` writes. */
const STARTER = 'storyfeed.config.mjs';

/** `storyfeed init`: writes `storyfeed.config.mjs` (commented) and, when missing, `seeds/` with one example. */
export async function runInit(flags: InitFlags, io: CliIo): Promise<number> {
  const existing = CONFIG_FILE_NAMES.map((n) => path.join(io.cwd, n)).filter((f) => existsSync(f));
  const file = path.join(io.cwd, STARTER);
  // --force overwrites the starter file only: another configuration file is the user's, and would be read before it.
  const other = existing.find((f) => path.basename(f) !== STARTER);
  if (other)
    throw new StoryfeedError(
      'E_USAGE',
      `${path.basename(other)} already exists; storyfeed init writes ${STARTER}, and never replaces another configuration file or sets one beside it: remove or rename ${path.basename(other)} to start over`,
    );
  // A "storyfeed" key in package.json is a configuration too, read after every configuration file: the starter would hide it.
  if (await packageJsonConfigures(io.cwd))
    throw new StoryfeedError(
      'E_USAGE',
      `package.json has a "storyfeed" key; storyfeed init writes ${STARTER}, which would be read instead of it: edit the key, or remove the key to start over`,
    );
  if (existing.length && !flags.force) throw new StoryfeedError('E_USAGE', `${STARTER} already exists; use --force to overwrite it`);
  // Checked before anything is written: a seeds that is no folder would fail the build the starter leads to, or its mkdir.
  const seeds = path.join(io.cwd, 'seeds');
  const seedsFound = await lstat(seeds).then(
    () => true,
    () => false,
  );
  if (
    seedsFound &&
    !(await stat(seeds).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    throw new StoryfeedError(
      'E_USAGE',
      'seeds exists and is not a folder (a file, or a link to nothing): the starter reads its seeds from a folder of that name; move it away and run init again',
    );
  }
  await writeFile(file, starterConfig({ ...(flags.site ? { siteUrl: flags.site } : {}), ...(flags.title ? { title: flags.title } : {}) }));
  const lines = [`Wrote ${STARTER}`];
  if (!seedsFound) {
    await mkdir(seeds);
    await writeFile(path.join(seeds, 'first-story.txt'), EXAMPLE_SEED);
    await writeFile(path.join(seeds, 'first-story.meta.yaml'), 'date: 2025-01-01T09:00:00Z\ntags: [example]\n');
    lines.push('Wrote seeds/first-story.txt (and its date in seeds/first-story.meta.yaml)');
  }
  lines.push('Next: edit the config, then run `storyfeed build` and `storyfeed serve`.');
  io.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** Whether `package.json` in `cwd` holds a "storyfeed" key (a package.json that cannot be read as JSON holds none). */
async function packageJsonConfigures(cwd: string): Promise<boolean> {
  const file = path.join(cwd, 'package.json');
  // Only a regular file of a configuration's size is read: a FIFO named so would never end.
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile() || info.size > MAX_CONFIG_BYTES) return false;
  let pkg: unknown;
  try {
    pkg = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return false;
  }
  return typeof pkg === 'object' && pkg !== null && Object.hasOwn(pkg, 'storyfeed');
}
