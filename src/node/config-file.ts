import { duplicateKeyProblem, lineAt } from '../json-keys.js';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StoryfeedError } from '../errors.js';
import { validateConfig, type StoryfeedConfig } from '../config/site-config.js';
import { readBounded } from './read-bounded.js';
import { displayPath } from './seed-files.js';

/** Largest configuration file read (JSON, JavaScript or `package.json`): 1 MB, far beyond any real one. */
export const MAX_CONFIG_BYTES = 1_000_000;

/** How long a JavaScript or TypeScript config may take to load (its top-level code and awaits). */
export const CONFIG_LOAD_TIMEOUT_MS = 30_000;

/** Options for {@link loadConfigFile}. */
export interface LoadConfigOptions {
  /** How long a JavaScript or TypeScript config may take to load, in milliseconds (default 30 000). */
  timeoutMs?: number;
}

/** Names searched, in order, in the working directory. */
export const CONFIG_FILE_NAMES = [
  'storyfeed.config.json',
  'storyfeed.config.mjs',
  'storyfeed.config.js',
  'storyfeed.config.cjs',
  'storyfeed.config.ts',
  'storyfeed.config.mts',
  'storyfeed.config.cts',
] as const;

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
 * Loads the configuration: `configPath` when given, else the first of {@link CONFIG_FILE_NAMES}
 * or the `"storyfeed"` key of `package.json` in `cwd`. JavaScript and TypeScript configs export
 * the settings as their default export. Returns `undefined` when there is none.
 */
export async function loadConfigFile(configPath?: string, cwd = process.cwd(), options: LoadConfigOptions = {}): Promise<LoadedConfig | undefined> {
  if (configPath) {
    const file = path.resolve(cwd, configPath);
    if (!existsSync(file)) throw new StoryfeedError('E_IO', `the configuration ${displayPath(file, cwd)} does not exist`, { file: displayPath(file, cwd) });
    return { config: validateConfig(await readConfigValue(file, cwd, options), displayPath(file, cwd)), file, dir: path.dirname(file) };
  }
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(cwd, name);
    if (existsSync(file)) return { config: validateConfig(await readConfigValue(file, cwd, options), displayPath(file, cwd)), file, dir: cwd };
  }
  // A configuration in a format storyfeed does not read (`storyfeed.config.yaml`, `.toml`) is named, not passed over as if
  // there were none (or as if a package.json's "storyfeed" key were the one meant): its settings would be silently ignored.
  const unread = unreadConfigName(cwd);
  if (unread !== undefined) await readConfigValue(path.join(cwd, unread), cwd, options);
  const pkgFile = path.join(cwd, 'package.json');
  if (existsSync(pkgFile)) {
    const pkg = await readJson(pkgFile, cwd);
    if (pkg && typeof pkg === 'object' && 'storyfeed' in pkg) {
      return { config: validateConfig((pkg as { storyfeed: unknown }).storyfeed, `${displayPath(pkgFile, cwd)} ("storyfeed")`), file: pkgFile, dir: cwd };
    }
  }
  return undefined;
}

/** Configuration formats people write that storyfeed does not read (others, `storyfeed.config.json.bak`, are no configuration). */
const UNREAD_CONFIG_NAME = /^storyfeed\.config\.(?:ya?ml|toml|json5|jsonc|ini)$/i;

/** The first (by name) file in `cwd` named as a configuration in a format storyfeed does not read, if any (see {@link UNREAD_CONFIG_NAME}). */
function unreadConfigName(cwd: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(cwd);
  } catch {
    return undefined;
  }
  return names.filter((name) => UNREAD_CONFIG_NAME.test(name)).sort()[0];
}

/** Extensions of the JavaScript and TypeScript configurations loaded as modules (Node needs them lower-case). */
const MODULE_CONFIG_EXTENSIONS: ReadonlySet<string> = new Set(['.mjs', '.js', '.cjs', '.ts', '.mts', '.cts']);

async function readConfigValue(file: string, cwd: string, options: LoadConfigOptions): Promise<unknown> {
  const extension = path.extname(file);
  if (extension.toLowerCase() === '.json') return readJson(file, cwd);
  const shown = displayPath(file, cwd);
  if (!MODULE_CONFIG_EXTENSIONS.has(extension)) {
    // Anything else would go to Node's module loader, whose "Unknown file extension" names no way out.
    const found = extension === '' ? 'a file without an extension' : `a ${extension} file`;
    throw new StoryfeedError(
      'E_CONFIG',
      `storyfeed reads a configuration in JSON (.json), JavaScript (.mjs, .js, .cjs) or TypeScript (.ts, .mts, .cts) with a default export, and this is ${found}: write its settings as storyfeed.config.json`,
      { file: shown, fix: 'Write the settings as storyfeed.config.json (or a .mjs, .js or .ts file with a default export); storyfeed init writes a starter.' },
    );
  }
  // Through the bounded reader first: a FIFO or a device named like a config is refused, not imported.
  await readConfigBytes(file, cwd);
  const load = async (): Promise<unknown> => {
    if (/\.[cm]?ts$/.test(file) && !nodeStripsTypes()) {
      // Older Node versions cannot load TypeScript: jiti (an optional peer dependency) is loaded only then.
      const { createJiti } = await importJiti(shown);
      const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false });
      return await jiti.import(file, { default: true });
    }
    const module = (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as { default?: unknown };
    return module.default ?? module;
  };
  try {
    return await settledWithin(load(), options.timeoutMs ?? CONFIG_LOAD_TIMEOUT_MS, shown);
  } catch (cause) {
    if (cause instanceof StoryfeedError) throw cause;
    throw new StoryfeedError('E_CONFIG', `cannot load the configuration: ${(cause as Error).message}`, { file: shown, cause });
  }
}

/** Whether this Node loads `.ts` files itself (type stripping, on by default from Node 22.18 and 23.6). */
function nodeStripsTypes(): boolean {
  // Not in @types/node for Node 20, hence the look-up by name.
  const typescript: unknown = Reflect.get(process.features, 'typescript');
  return typeof typescript === 'string' && typescript !== '';
}

async function importJiti(shown: string): Promise<typeof import('jiti')> {
  try {
    return await import('jiti');
  } catch (cause) {
    throw new StoryfeedError('E_CONFIG', 'a TypeScript configuration needs Node 22.18 or later, or the jiti package (npm install --save-dev jiti); or rename it to .mjs', {
      file: shown,
      cause,
    });
  }
}

/**
 * `loading`, or an `E_CONFIG` error when it does not settle: at once when nothing else is left to
 * run (a top-level `await` that can never finish, where Node would otherwise exit 0 having done
 * nothing), else after `timeoutMs`.
 */
function settledWithin<T>(loading: Promise<T>, timeoutMs: number, shown: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (why: string): void => {
      cleanup();
      reject(new StoryfeedError('E_CONFIG', `the configuration never finished loading: ${why}`, { file: shown }));
    };
    const onIdle = (): void => fail('its top-level await waits for something that can never happen');
    const timer = setTimeout(() => fail(`it was still loading after ${timeoutMs / 1000} s (a top-level await that does not settle?)`), timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      process.off('beforeExit', onIdle);
    };
    // The timer keeps the process alive, so "nothing left to run" shows as the timer being all that is left:
    // unref it, and let `beforeExit` say the event loop is empty.
    timer.unref();
    process.on('beforeExit', onIdle);
    loading.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

async function readConfigBytes(file: string, cwd: string): Promise<Uint8Array> {
  const shown = displayPath(file, cwd);
  return readBounded(file, {
    maxBytes: MAX_CONFIG_BYTES,
    display: shown,
    what: 'configuration file',
    tooLarge: (size) =>
      new StoryfeedError('E_CONFIG', `the configuration is ${size === undefined ? 'larger than' : `${(size / 1e6).toFixed(1)} MB; the limit is`} ${MAX_CONFIG_BYTES / 1e6} MB`, {
        file: shown,
      }),
    ioError: (cause) => new StoryfeedError('E_IO', `cannot read the configuration ${shown}: ${(cause as NodeJS.ErrnoException).code ?? cause}`, { file: shown, cause }),
  });
}

async function readJson(file: string, cwd: string): Promise<unknown> {
  const bytes = await readConfigBytes(file, cwd);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new StoryfeedError('E_CONFIG', 'the configuration is not valid UTF-8', { file: displayPath(file, cwd), cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    const pos = /position (\d+)/.exec((cause as Error).message);
    const line = pos ? lineAt(text, Number(pos[1])) : undefined;
    throw new StoryfeedError('E_CONFIG', `invalid JSON: ${(cause as Error).message}`, { file: displayPath(file, cwd), line, cause });
  }
  const duplicate = duplicateKeyProblem(text);
  if (duplicate) throw new StoryfeedError('E_CONFIG', duplicate.detail, { file: displayPath(file, cwd), line: duplicate.line });
  return value;
}

/** The commented starter configuration `storyfeed init` writes (`storyfeed.config.mjs`). */
export function starterConfig(options: { siteUrl?: string; title?: string } = {}): string {
  return `// storyfeed configuration. Every setting is optional except siteUrl and title.
// Reference: the "Configuration" section of storyfeed's README.

/** @type {import('storyfeed').StoryfeedConfig} */
export default {
  // Home page of your site; story URLs and feed links are built from it.
  siteUrl: ${JSON.stringify(options.siteUrl ?? 'https://news.example.com')},
  title: ${JSON.stringify(options.title ?? 'Example News')},
  description: 'What your site publishes, in one sentence.',
  language: 'en', // BCP 47 tag; stories in other languages are detected and marked

  // Used for stories that name no author (front matter or a "By …" line).
  authors: [{ name: 'The Newsdesk', email: 'desk@news.example.com' }],

  seeds: 'seeds', // folder of .txt, .md and .json articles
  out: 'public', // output folder (published atomically)

  // itemLimit: 50, // keep the newest 50 stories in the feeds
  // archive: true, // ...and move older ones to RFC 5005 archive pages instead of dropping them
  // tagFeeds: { minItems: 3 }, // one feed per tag used by at least 3 stories
  // authorFeeds: true, // one feed per author
  // hub: 'https://pubsubhubbub.appspot.com/', // WebSub hub to ping after each build (build --ping)
  // stylesheet: true, // bundled XSL so feeds opened in a browser are readable (default true)
  // entityTags: 0, // how many people/organisations/places become tags (opt-in; 0: none)
  // timeZone: 'Europe/Kyiv', // zone for dates written without an offset (default UTC)
};
`;
}
