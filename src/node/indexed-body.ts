import { createHash } from 'node:crypto';
import type { Story } from '../types.js';
import { errorText, StoryfeedError } from '../errors.js';
import { readAtSync } from './read-bounded.js';

/**
 * A story's body where the index holds it: the JSON array `[contentHtml, contentText]` at `offset`
 * (`length` bytes) of the index file open as `fd` (open until the cache is closed; a descriptor serves
 * the worker threads of the process too), with the digest and content hash the body store keys it by.
 */
export interface IndexedBody {
  fd: number;
  offset: number;
  length: number;
  /** {@link bodyDigest} of the body (hex). */
  digest: string;
  /** `contentHash` (see `manifest.ts`) of the story. */
  hash: string;
}

/** The digest of a story's body: its HTML and its text (UTF-8), each behind its length in UTF-16 units. */
export function bodyDigest(story: Story): Buffer {
  return createHash('sha256').update(`${story.contentHtml.length}\0`).update(story.contentHtml).update(`\0${story.contentText.length}\0`).update(story.contentText).digest();
}

/** Reads a body the index holds (see {@link IndexedBody}); throws when the index is cut off. */
export function readIndexedBody(body: Pick<IndexedBody, 'fd' | 'offset' | 'length'>): { contentHtml: string; contentText: string } {
  try {
    const bytes = readAtSync(body.fd, body.length, body.offset, 'it is cut off');
    const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') return { contentHtml: parsed[0], contentText: parsed[1] };
    throw new Error('it is not a body');
  } catch (error) {
    // Only a cache changed by something else than storyfeed (or a disk failing) gets here: opening it checks that
    // every body its records point to is there.
    throw new StoryfeedError(
      'E_IO',
      `a story body in the story cache cannot be read (${errorText(error)}); delete the cache folder (.storyfeed-cache unless set otherwise) or build with --no-cache`,
      {
        cause: error,
      },
    );
  }
}
