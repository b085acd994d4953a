import { contentTypeOf } from '../../server/handler.js';
import type { DeployCacheControl } from '../../config/deploy-config.js';
import { sha256Hex } from './files.js';

/**
 * Upload stages, in the order a reader can follow them safely: archive pages (and assets) first,
 * then tag and author feeds, then the main feeds that link to them, then the index page and the
 * stylesheet. A stage starts only when the one before it has been uploaded completely.
 */
export const UPLOAD_STAGES = ['archive', 'sections', 'main', 'site'] as const;

/** One of {@link UPLOAD_STAGES}. */
export type UploadStage = (typeof UPLOAD_STAGES)[number];

/** Default `Cache-Control` values: feeds are polled, closed archive pages never change. */
export const DEFAULT_CACHE_CONTROL: Required<DeployCacheControl> = {
  feeds: 'public, max-age=300',
  archive: 'public, max-age=31536000, immutable',
  other: 'public, max-age=3600',
};

/** The HTTP headers an object is stored with. */
export interface ObjectHeaders {
  /** `Content-Type`, the same `serve` sends. */
  contentType: string;
  /** `Cache-Control`. */
  cacheControl: string;
  /** `Content-Encoding` of a precompressed copy (`x.xml.gz`) or of a copy compressed on upload. */
  contentEncoding?: 'gzip' | 'br';
  /** `true` when the deploy compresses the bytes itself (the `gzip` option). */
  compressOnUpload: boolean;
}

/** What decides an object's headers besides its path. */
export interface HeaderPolicy {
  /** Configured `Cache-Control` values (defaults: {@link DEFAULT_CACHE_CONTROL}). */
  cacheControl?: DeployCacheControl;
  /** Path of the newest archive page's folder (`archive/7/`): it still fills up, so it is cached like a feed. */
  newestArchive?: string;
  /** Compress text objects with gzip on upload. */
  gzip?: boolean;
  /** File names of the feeds (the config's `outputs`), besides the names `serve` types as feeds. */
  feedNames?: readonly string[];
}

const PRECOMPRESSED: Record<string, 'gzip' | 'br'> = { gz: 'gzip', br: 'br' };
const ARCHIVE_PAGE = /^archive\/(\d+)\//;

/** The path with a precompressed copy's `.gz` / `.br` removed, and that encoding. */
function uncompressedPath(path: string): { base: string; encoding?: 'gzip' | 'br' } {
  const dot = path.lastIndexOf('.');
  const encoding = dot > path.lastIndexOf('/') + 1 ? PRECOMPRESSED[path.slice(dot + 1).toLowerCase()] : undefined;
  return encoding ? { base: path.slice(0, dot), encoding } : { base: path };
}

/** `true` for a feed: a file named like one of `feedNames`, or one `serve` sends with a feed media type. */
export function isFeedPath(path: string, feedNames: readonly string[] = []): boolean {
  const { base } = uncompressedPath(path);
  return feedNames.includes(base.slice(base.lastIndexOf('/') + 1)) || /^application\/(rss\+xml|atom\+xml|feed\+json)/.test(contentTypeOf(base));
}

/** The upload stage of a published path (see {@link UPLOAD_STAGES}); `feedNames` are extra file names of feeds (the config's `outputs`). */
export function uploadStage(path: string, feedNames: readonly string[] = []): UploadStage {
  const { base } = uncompressedPath(path);
  if (base.startsWith('archive/')) return 'archive';
  if (base.startsWith('tags/') || base.startsWith('authors/')) return 'sections';
  if (!base.includes('/')) {
    if (isFeedPath(base, feedNames)) return 'main';
    if (/\.(html?|xslt?|css)$/i.test(base)) return 'site';
  }
  return 'archive';
}

/** The newest archive page folder among the paths (`archive/7/`), if there are archive pages. */
export function newestArchiveFolder(paths: Iterable<string>): string | undefined {
  let newest = 0;
  for (const path of paths) {
    const m = ARCHIVE_PAGE.exec(path);
    if (m) newest = Math.max(newest, Number(m[1]));
  }
  return newest ? `archive/${newest}/` : undefined;
}

/** The headers a published path is stored with. */
export function objectHeaders(path: string, policy: HeaderPolicy = {}): ObjectHeaders {
  const cache = { ...DEFAULT_CACHE_CONTROL, ...policy.cacheControl };
  const { base, encoding } = uncompressedPath(path);
  const contentType = contentTypeOf(base);
  const closedArchive = base.startsWith('archive/') && ARCHIVE_PAGE.test(base) && !(policy.newestArchive && base.startsWith(policy.newestArchive));
  const cacheControl = closedArchive ? cache.archive : isFeedPath(base, policy.feedNames) ? cache.feeds : cache.other;
  if (encoding) return { contentType, cacheControl, contentEncoding: encoding, compressOnUpload: false };
  // Only text is worth compressing; images and archives are compressed already.
  if (policy.gzip && contentType.includes('charset=utf-8')) return { contentType, cacheControl, contentEncoding: 'gzip', compressOnUpload: true };
  return { contentType, cacheControl, compressOnUpload: false };
}

/**
 * What an uploaded object must match to be left alone: the content hash and every header, so a
 * new `Cache-Control` setting or turning `gzip` on uploads the objects again.
 */
export function objectFingerprint(sha256: string, headers: ObjectHeaders): string {
  return sha256Hex(JSON.stringify([sha256, headers.contentType, headers.cacheControl, headers.contentEncoding ?? '', headers.compressOnUpload]));
}
