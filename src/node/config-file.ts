import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StoryfeedError } from '../errors.js';
import { validateConfig, type StoryfeedConfig } from '../config/site-config.js';
import { displayPath } from './seed-files.js';

/** Names searched, in order, in the working directory. */
export const CONFIG_FILE_NAMES = ['storyfeed.config.json'] as const;

/** A configuration and where it came from. */
export interface LoadedConfig {
  /** The validated configuration. */
  config: StoryfeedConfig;
  /** The file it was read from (`package.json` when from its "storyfeed" key). */
  file: string;
  /** Folder relative paths in the configuration are resolved against. */
  dir: string;
}

/**
 * Loads the configuration: `configPath` when given, else `storyfeed.config.json` or the
 * `"storyfeed"` key of `package.json` in `cwd`. Returns `undefined` when there is none.
 */
export async function loadConfigFile(configPath: string | undefined, cwd = process.cwd()): Promise<LoadedConfig | undefined> {
  if (configPath) {
    const file = path.resolve(cwd, configPath);
    const value = await readJson(file, cwd, true);
    return { config: validateConfig(value, displayPath(file, cwd)), file, dir: path.dirname(file) };
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(cwd, name);
    const value = await readJson(file, cwd, false);
    if (value !== undefined) return { config: validateConfig(value, displayPath(file, cwd)), file, dir: cwd };
  }
  const pkgFile = path.join(cwd, 'package.json');
  const pkg = await readJson(pkgFile, cwd, false);
  if (pkg && typeof pkg === 'object' && 'storyfeed' in pkg) {
    return { config: validateConfig((pkg as { storyfeed: unknown }).storyfeed, `${displayPath(pkgFile, cwd)} ("storyfeed")`), file: pkgFile, dir: cwd };
  }
  return undefined;
}

async function readJson(file: string, cwd: string, required: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if (!required && (cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoryfeedError('E_IO', `cannot read the configuration ${displayPath(file, cwd)}: ${(cause as NodeJS.ErrnoException).code ?? cause}`, { file: displayPath(file, cwd), cause });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    const pos = /position (\d+)/.exec((cause as Error).message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    throw new StoryfeedError('E_CONFIG', `invalid JSON: ${(cause as Error).message}`, { file: displayPath(file, cwd), line, cause });
  }
}
