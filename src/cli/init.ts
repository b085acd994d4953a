import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';
import { CONFIG_FILE_NAMES, starterConfig } from '../node/config-file.js';
import { EXIT, type CliIo, type InitFlags } from './main.js';

const EXAMPLE_SEED = `Your first story's headline goes on the first line
By Jane Doe
Each following line is a paragraph. A short line without closing punctuation is a subheading.
What happens next
"Quotes are found and attributed," the editor said.
`;

/** `storyfeed init`: writes `storyfeed.config.mjs` (commented) and, when missing, `seeds/` with one example. */
export async function runInit(flags: InitFlags, io: CliIo): Promise<number> {
  const existing = CONFIG_FILE_NAMES.map((n) => path.join(io.cwd, n)).find((f) => existsSync(f));
  if (existing && !flags.force) {
    throw new StoryfeedError('E_USAGE', `${path.basename(existing)} already exists; use --force to overwrite it`);
  }
  const file = path.join(io.cwd, 'storyfeed.config.mjs');
  await writeFile(file, starterConfig({ ...(flags.site ? { siteUrl: flags.site } : {}), ...(flags.title ? { title: flags.title } : {}) }));
  const lines = ['Wrote storyfeed.config.mjs'];
  const seeds = path.join(io.cwd, 'seeds');
  if (!existsSync(seeds)) {
    await mkdir(seeds);
    await writeFile(path.join(seeds, 'first-story.txt'), EXAMPLE_SEED);
    await writeFile(path.join(seeds, 'first-story.meta.yaml'), 'date: 2025-01-01T09:00:00Z\ntags: [example]\n');
    lines.push('Wrote seeds/first-story.txt (and its date in seeds/first-story.meta.yaml)');
  }
  lines.push('Next: edit the config, then run `storyfeed build` and `storyfeed serve`.');
  io.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
