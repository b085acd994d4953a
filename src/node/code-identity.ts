import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { VERSION } from '../version.js';

/**
 * What names the code a cached story or feed was made with. The caches reuse a result only for the
 * very code that made it, and the version number alone does not say that: a copy installed from
 * the repository between releases keeps the version while its code changes, an `npm update` moves
 * the dependencies within their ranges, and the time zone rules come with Node.js. Each would
 * otherwise serve results that code no longer makes (an old slug, an old date, an old rendering).
 */

declare const __STORYFEED_BUILD__: string | undefined;

/** A digest of the sources a bundle was built from (set by the build), or `sources` when they run directly. */
export const BUILD_ID: string = typeof __STORYFEED_BUILD__ === 'string' ? __STORYFEED_BUILD__ : 'sources';

/** The installed packages whose code shapes a story, a rendering or its verification. */
export const IDENTITY_PACKAGES = ['any-ascii', 'feed', 'rss-parser', 'saxes'] as const;

/** The parts of the code's identity, as {@link codeIdentity} reads them. */
export interface CodeParts {
  version: string;
  build: string;
  /** Installed versions by package name (`missing` where a package cannot be found). */
  packages: Readonly<Record<string, string>>;
  /** The time zone, Unicode and ICU data versions of the runtime (dates in named zones, normalization). */
  runtime: string;
}

/** The text naming code made of `parts` (a key prefix: different parts, different text). */
export function identityOf(parts: CodeParts): string {
  const packages = Object.keys(parts.packages)
    .sort()
    .map((name) => `${name}@${parts.packages[name]}`)
    .join(' ');
  return JSON.stringify([parts.version, parts.build, packages, parts.runtime]);
}

let identity: string | undefined;

/** The identity of the running code (read once per process). */
export function codeIdentity(): string {
  identity ??= identityOf(codeParts());
  return identity;
}

/** The parts of the running code's identity. */
export function codeParts(): CodeParts {
  const packages: Record<string, string> = {};
  for (const name of IDENTITY_PACKAGES) packages[name] = installedVersion(name);
  const { tz, unicode, icu } = process.versions as Record<string, string | undefined>;
  return { version: VERSION, build: BUILD_ID, packages, runtime: `tz ${tz ?? '-'} unicode ${unicode ?? '-'} icu ${icu ?? '-'}` };
}

/** The version of the package `name` as this module resolves it, or `missing`. */
export function installedVersion(name: string, from: string = import.meta.url): string {
  let file: string;
  try {
    file = createRequire(from).resolve(name);
  } catch {
    return 'missing';
  }
  // The package's own manifest: the nearest one above its main file that bears its name.
  for (let dir = path.dirname(file); ; ) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === name) return typeof manifest.version === 'string' ? manifest.version : 'unknown';
    } catch {
      // no manifest here (or not one to read): look further up
    }
    const parent = path.dirname(dir);
    if (parent === dir || path.basename(dir) === 'node_modules') return 'unknown';
    dir = parent;
  }
}
