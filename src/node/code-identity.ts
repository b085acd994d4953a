import { VERSION } from '../version.js';

/**
 * What names the code a cached story or feed was made with. The caches reuse a result only for the
 * very code that made it, and the version number alone does not say that: a copy installed from
 * the repository between releases keeps the version while its code changes, and the time zone
 * rules come with Node.js. Either would otherwise serve results that code no longer makes (an old
 * slug, an old date, an old rendering). The packages that shape what is cached are pinned to exact
 * versions (`feed`, `any-ascii`), so the digest of the sources and the lock file names them too.
 */

declare const __STORYFEED_BUILD__: string | undefined;

/** A digest of the sources and lock file a bundle was built from (set by the build), or `sources` when they run directly. */
export const BUILD_ID: string = typeof __STORYFEED_BUILD__ === 'string' ? __STORYFEED_BUILD__ : 'sources';

/** The parts of the code's identity. */
export interface CodeParts {
  version: string;
  build: string;
  /** The time zone, Unicode and ICU data versions of the runtime (dates in named zones, normalization). */
  runtime: string;
}

/** The text naming code made of `parts` (a key prefix: different parts, different text). */
export function identityOf(parts: CodeParts): string {
  return JSON.stringify([parts.version, parts.build, parts.runtime]);
}

/** The parts of the running code's identity. */
export function codeParts(): CodeParts {
  const { tz, unicode, icu } = process.versions as Record<string, string | undefined>;
  return { version: VERSION, build: BUILD_ID, runtime: `tz ${tz ?? '-'} unicode ${unicode ?? '-'} icu ${icu ?? '-'}` };
}

let identity: string | undefined;

/** The identity of the running code (read once per process). */
export function codeIdentity(): string {
  identity ??= identityOf(codeParts());
  return identity;
}
