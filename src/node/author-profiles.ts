/**
 * Authors described once, by an id that front matter then names them by (`authors: [slorber]`), as
 * three site generators keep them: Docusaurus in the blog folder's `authors.yml`, Material for MkDocs
 * in the blog's `.authors.yml` (under `authors:`), Jekyll in the site's `_data/authors.yml` (which
 * themes such as Minimal Mistakes read for `author: billy_rick`). Without them, the ids were
 * published as the authors' names.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { errorText, StoryfeedError, warning, type Diagnostic } from '../errors.js';
import { feedEmailAddress } from '../email-address.js';
import { feedHref, parseHttpUrl } from '../seed/http-url.js';
import { isObject } from '../story/check-options.js';
import type { Author } from '../types.js';
import { readBounded } from './read-bounded.js';
import { displayPath } from './seed-files.js';

/** Largest authors file read: it lists people, not articles. */
const MAX_AUTHORS_FILE_BYTES = 1024 * 1024;

/** Where each generator keeps its authors, relative to the seeds folder, and whether its ids sit under `authors:`. */
function candidates(seedsDir: string): { file: string; nested: boolean }[] {
  const parent = path.dirname(seedsDir);
  return [
    // Docusaurus: the blog folder (the seeds).
    { file: path.join(seedsDir, 'authors.yml'), nested: false },
    { file: path.join(seedsDir, 'authors.yaml'), nested: false },
    // Material for MkDocs: the blog folder, whose `posts` folder may be the seeds.
    { file: path.join(seedsDir, '.authors.yml'), nested: true },
    { file: path.join(parent, '.authors.yml'), nested: true },
    // Jekyll: the site's data folder, beside `_posts` (or in the seeds folder when it is the site).
    { file: path.join(seedsDir, '_data', 'authors.yml'), nested: false },
    ...(path.basename(seedsDir) === '_posts' ? [{ file: path.join(parent, '_data', 'authors.yml'), nested: false }] : []),
  ];
}

/**
 * The authors by id of the first authors file found for the seeds folder `seedsDir`, or `undefined`
 * when there is none. An entry without a name is passed over; an email or address a feed cannot carry
 * is left out. A file that cannot be read or parsed is named in a `W_AUTHORS_FILE` warning, and its
 * ids stay names.
 */
export async function readAuthorProfiles(seedsDir: string, cwd: string, onWarning?: (d: Diagnostic) => void): Promise<Record<string, Author> | undefined> {
  for (const { file, nested } of candidates(seedsDir)) {
    if (!(await lstat(file).catch(() => undefined))) continue;
    const display = displayPath(file, cwd);
    let bytes: Uint8Array;
    try {
      bytes = await readBounded(file, {
        maxBytes: MAX_AUTHORS_FILE_BYTES,
        display,
        what: 'authors file',
        tooLarge: () => new StoryfeedError('E_TOO_LARGE', `${display} is larger than ${MAX_AUTHORS_FILE_BYTES / 1024} KB`, { file: display }),
      });
    } catch (error) {
      onWarning?.(problem(file, cwd, error instanceof StoryfeedError ? error.detail : errorText(error)));
      return undefined;
    }
    let data: unknown;
    try {
      // The YAML parser loads only for a site that has such a file: a warm build loads no parser.
      const { parse } = await import('yaml');
      data = parse(new TextDecoder().decode(bytes), { maxAliasCount: 100 });
    } catch (error) {
      onWarning?.(problem(file, cwd, errorText(error).split('\n')[0]!));
      return undefined;
    }
    const entries = nested ? (isObject(data) ? data.authors : undefined) : data;
    if (!isObject(entries)) {
      onWarning?.(problem(file, cwd, nested ? 'expected `authors:` and a mapping of ids to authors' : 'expected a mapping of ids to authors'));
      return undefined;
    }
    const profiles: Record<string, Author> = {};
    for (const [id, value] of Object.entries(entries)) {
      const author = profileOf(value);
      if (author) profiles[id] = author;
    }
    return profiles;
  }
  return undefined;
}

/** An author as the generators describe one: Docusaurus's `{name, url, image_url, email}`, Material's `{name, avatar, url}`, Jekyll themes' `{name, web, uri, avatar, email}`. */
function profileOf(value: unknown): Author | undefined {
  if (!isObject(value) || typeof value.name !== 'string' || value.name.trim() === '') return undefined;
  const author: Author = { name: value.name.trim() };
  const email = typeof value.email === 'string' ? feedEmailAddress(value.email.trim()) : undefined;
  if (email) author.email = email;
  const url = httpUrl(value.url ?? value.web ?? value.uri ?? value.page);
  if (url) author.url = url;
  const avatar = httpUrl(value.image_url ?? value.imageURL ?? value.avatar ?? value.picture);
  if (avatar) author.avatar = avatar;
  return author;
}

/** An absolute http(s) URL without credentials, as feeds carry one (see `http-url.ts`), else `undefined`. */
function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseHttpUrl(value.trim());
  return parsed.ok ? feedHref(parsed.url) : undefined;
}

function problem(file: string, cwd: string, why: string): Diagnostic {
  // Shown after the file's name, which it does not repeat.
  return warning('W_AUTHORS_FILE', `this authors file could not be read (${why}); its authors' ids are published as their names`, {
    file: displayPath(file, cwd),
  });
}
