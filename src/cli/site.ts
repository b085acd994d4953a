import { validateConfig, type StoryfeedConfig } from '../config/site-config.js';
import { StoryfeedError } from '../errors.js';
import { loadConfigFile } from '../node/config-file.js';

/** Flags that can stand in for, or override, the configuration file. */
export interface SiteFlags {
  site?: string | undefined;
  title?: string | undefined;
  config?: string | undefined;
}

/** The configuration for a command: the config file with `--site`/`--title` applied, or those flags alone. */
export async function resolveConfig(flags: SiteFlags, cwd: string): Promise<{ config: StoryfeedConfig; dir: string }> {
  const loaded = await loadConfigFile(flags.config, cwd);
  if (loaded) {
    const config =
      flags.site || flags.title
        ? validateConfig({ ...loaded.config, ...(flags.site ? { siteUrl: flags.site } : {}), ...(flags.title ? { title: flags.title } : {}) }, '--site/--title')
        : loaded.config;
    return { config, dir: loaded.dir };
  }
  if (!flags.site) {
    throw new StoryfeedError(
      'E_CONFIG',
      'no configuration found: run `storyfeed init` to write one, create storyfeed.config.json (or a "storyfeed" key in package.json), or pass --site URL',
    );
  }
  // The title defaults to the site's host; a --site that is no URL is left to the config check, which names it.
  const title = flags.title ?? (URL.parse(flags.site)?.hostname || flags.site);
  return { config: validateConfig({ siteUrl: flags.site, title }, flags.title ? '--site/--title' : '--site'), dir: cwd };
}
