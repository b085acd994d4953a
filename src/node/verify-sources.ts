/**
 * The Node edge of `storyfeed verify FILE|URL...`: reads files and fetches URLs (with a timeout
 * and a size cap enforced while the bytes arrive), then hands the bytes to the pure verify stage:
 * UTF-8, well-formedness, reading, spec problems, and a cross-check of sources that are the same
 * feed in different formats. Bad input never throws; every problem ends up in the result.
 */
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { gunzip } from 'node:zlib';
import { errorText, StoryfeedError, type ProblemCode } from '../errors.js';
import { looksBinary } from '../seed/decode.js';
import type { FeedFormat } from '../types.js';
import { VERSION } from '../version.js';
import { crossCheck, decodeFeed, readFeed, type DecodedFeed, type ParsedFeed, type VerifyReport } from '../verify/index.js';
import { inParallel } from './in-parallel.js';
import { readBounded } from './read-bounded.js';

const gunzipBounded = promisify(gunzip);

/** Default time allowed for each URL, request and body together. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default size cap for each source. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** Options for {@link verifySources}. */
export interface VerifySourcesOptions {
  /** Time allowed for each URL (request and body), in milliseconds; default 10 000. */
  timeoutMs?: number;
  /** Largest file or response accepted, in bytes; default 10 MB. */
  maxBytes?: number;
  /** The `fetch` to use (default: the global one); for tests and proxies. It is called with `redirect: 'manual'`: redirects are followed here. */
  fetch?: typeof globalThis.fetch;
  /**
   * Standard input, read for the source `-` (`curl … | storyfeed verify -`): its bytes in chunks. Without
   * it, `-` is a file of that name. Read once, however many times `-` is given.
   */
  stdin?: AsyncIterable<Uint8Array>;
}

/**
 * Sources read and checked at once: each holds up to `maxBytes` and its parse while checked, so a
 * list of a thousand URLs is fetched a few at a time, never all together.
 */
const SOURCES_AT_ONCE = 8;

/** The source that names standard input when {@link VerifySourcesOptions.stdin} is given. */
export const STDIN_SOURCE = '-';

/** One problem with one source. */
export interface SourceProblem {
  /** `E_IO` (file), `E_FETCH` (URL), `E_ENCODING` (bytes invalid in the declared encoding), `E_FEED` (unreadable feed), `E_SPEC` (spec violation). */
  code: ProblemCode;
  /** `error` fails the check; `warning` does not. */
  severity: 'error' | 'warning';
  /** What is wrong, with the path in the feed when there is one. */
  message: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Path of the offending value in the feed (`items[3].date_published`), for spec problems. */
  path?: string;
}

/** What was found in one source. */
export interface SourceResult {
  /** The file path or URL as given. */
  source: string;
  /** Whether it was read from disk or fetched. */
  kind: 'file' | 'url';
  /** `true` when the source was read as a feed and has no error-level problem. */
  ok: boolean;
  /** Size in bytes, when the bytes were read (as read: compressed, for a gzip-compressed source). */
  bytes?: number;
  /** `'gzip'` when the source was gzip-compressed (a `.gz` file or response) and was read decompressed. */
  compression?: 'gzip';
  /** The format, when the feed could be read. */
  format?: FeedFormat;
  /** The format version (RSS `2.0`, `1.0`, `0.92`, `0.91`; Atom `1.0`; JSON Feed `1.0`, `1.1`). */
  version?: string;
  /** The feed title. */
  title?: string;
  /** Number of items. */
  items?: number;
  /** Every problem, in the order found. */
  problems: SourceProblem[];
  /** The parsed feed, when it could be read. */
  feed?: ParsedFeed;
}

/** A cross-check of sources that look like the same feed in different formats. */
export interface CrossCheckResult {
  /** The sources compared; the first is the reference. */
  sources: string[];
  /** Differences between them (problems have format `cross`). */
  report: VerifyReport;
}

/** What {@link verifySources} returns. */
export interface VerifySourcesResult {
  /** `true` when every source is OK and the cross-checks found nothing. */
  ok: boolean;
  /** One result per source, in the order given. */
  sources: SourceResult[];
  /** Cross-checks of sources that are the same feed (same home page, or same title) in different formats. */
  cross: CrossCheckResult[];
}

/** Reads or fetches every source, checks each, and cross-checks those that are the same feed. */
export async function verifySources(sources: readonly string[], options: VerifySourcesOptions = {}): Promise<VerifySourcesResult> {
  const { stdin } = options;
  let input: Promise<Uint8Array> | undefined;
  const fromStdin = stdin && sources.includes(STDIN_SOURCE) ? () => (input ??= readStdinCapped(stdin, options.maxBytes ?? DEFAULT_MAX_BYTES)) : undefined;
  const results: SourceResult[] = new Array(sources.length);
  await inParallel(sources, SOURCES_AT_ONCE, async (source, i) => {
    results[i] = await verifySource(source, options, fromStdin);
  });
  const cross = crossCheckGroups(results);
  const ok = results.every((r) => r.ok) && cross.every((c) => c.report.ok);
  return { ok, sources: results, cross };
}

async function verifySource(source: string, options: VerifySourcesOptions, fromStdin: (() => Promise<Uint8Array>) | undefined): Promise<SourceResult> {
  const kind = /^https?:\/\//i.test(source) ? 'url' : 'file';
  const result: SourceResult = { source, kind, ok: false, problems: [] };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  const http: FetchedFrom = {};
  try {
    bytes =
      kind === 'url'
        ? await fetchBytes(source, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes, options.fetch ?? globalThis.fetch, http)
        : source === STDIN_SOURCE && fromStdin
          ? await fromStdin()
          : await readFileCapped(localPath(source), maxBytes);
  } catch (error) {
    result.problems.push(problemFrom(error));
    return result;
  }
  result.bytes = bytes.length;
  try {
    const unpacked = await unpack(bytes, kind, maxBytes);
    if (unpacked !== bytes) {
      bytes = unpacked;
      result.compression = 'gzip';
    }
  } catch (error) {
    result.problems.push(problemFrom(error));
    return result;
  }
  // Decoded by the byte-order mark, the server's charset or the XML declaration, in that order.
  let decoded: DecodedFeed;
  try {
    decoded = decodeFeed(bytes, http.charset ? { charset: http.charset } : {});
  } catch (error) {
    // Bytes that are no text at all (an image, a PDF) are said to be so, not given advice on re-saving text.
    const binary = error instanceof StoryfeedError && error.code === 'E_ENCODING' && looksBinary(bytes);
    const what = kind === 'url' ? 'the response' : source === STDIN_SOURCE && fromStdin ? 'standard input' : 'the file';
    result.problems.push(problemFrom(binary ? notTextError(what) : error));
    return result;
  }
  let feed: ParsedFeed;
  // No rss-parser reading here, not even as a warning-level cross-check. It costs about as much
  // again as the strict reading (bench/rss-parser-reading.mjs: 1.0-1.4x its time; 1,000 items,
  // 1.7 MB: 37 ms strict, 52 ms rss-parser) and as much memory again (xml2js keeps its own tree),
  // nearly doubling `verify` on large inputs; and on feeds we did not write its disagreements are
  // mostly its own known defects (elements matched by prefix, markup in titles dropped, an Atom
  // entry's first link taken as its link whatever its rel), which would show as warnings on valid
  // feeds. It earns its cost only in the round trip (verifyDocument), where the text is ours and
  // every disagreement is a bug in one of the readers.
  try {
    // An HTML page's links to its feeds are named as addresses to fetch, resolved against the page's.
    feed = await readFeed(decoded.text, http.url === undefined ? {} : { url: http.url });
  } catch (error) {
    result.problems.push(problemFrom(error));
    return result;
  }
  Object.assign(result, { format: feed.format, version: feed.version, items: feed.items.length, feed });
  if (feed.title !== undefined) result.title = feed.title;
  for (const p of feed.problems) {
    const problem: SourceProblem = { code: 'E_SPEC', severity: p.severity, message: `${p.path}: ${p.message}`, path: p.path };
    if (p.line !== undefined) problem.line = p.line;
    if (p.column !== undefined) problem.column = p.column;
    result.problems.push(problem);
  }
  result.ok = result.problems.every((p) => p.severity !== 'error');
  return result;
}

/** `E_FEED` for a source whose bytes are binary data, not the text of a feed. */
function notTextError(what: string): StoryfeedError {
  return new StoryfeedError('E_FEED', `${what} is binary (an image, a PDF or other data, not text), not a feed: check that you gave the feed's file or address`);
}

function problemFrom(error: unknown): SourceProblem {
  if (error instanceof StoryfeedError) {
    const problem: SourceProblem = { code: error.code, severity: 'error', message: error.detail };
    if (error.line !== undefined) problem.line = error.line;
    return problem;
  }
  return { code: 'E_FEED', severity: 'error', message: errorText(error) };
}

/** The bytes every gzip stream opens with. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** Compressed and archive formats a feed may come in that are named, not read: their opening bytes, and the tool that opens them. */
const PACKED_FORMATS: readonly { name: string; magic: readonly number[]; tool: string }[] = [
  { name: 'a zip archive', magic: [0x50, 0x4b, 0x03, 0x04], tool: 'unzip' },
  // "BZh", the block size, and the first block's magic number.
  { name: 'bzip2-compressed', magic: [0x42, 0x5a, 0x68, -1, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], tool: 'bunzip2' },
  { name: 'xz-compressed', magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], tool: 'unxz' },
  { name: 'zstd-compressed', magic: [0x28, 0xb5, 0x2f, 0xfd], tool: 'unzstd' },
];

/** Whether `bytes` open with `magic` (`-1` matches any byte). */
function opensWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => b === -1 || bytes[i] === b);
}

/**
 * The feed in `bytes`: gzip-compressed bytes (a `.gz` file, or a response sent as `application/gzip`
 * rather than with `Content-Encoding`, which `fetch` undoes itself) are decompressed, refused once they
 * grow past `maxBytes` (the limit of an uncompressed source, so a small file that inflates to gigabytes
 * is refused as soon as it passes it); other compressed formats are named, with the tool that opens them.
 * Anything else is returned as it is.
 */
async function unpack(bytes: Uint8Array, kind: SourceResult['kind'], maxBytes: number): Promise<Uint8Array> {
  const what = kind === 'url' ? 'the response' : 'the file';
  const packed = PACKED_FORMATS.find((f) => opensWith(bytes, f.magic));
  if (packed) throw new StoryfeedError('E_FEED', `${what} is ${packed.name}, not a feed: open it (${packed.tool}) and verify the feed inside`);
  if (!opensWith(bytes, GZIP_MAGIC)) return bytes;
  let inner: Uint8Array;
  try {
    inner = await gunzipBounded(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(kind === 'url' ? 'E_FETCH' : 'E_TOO_LARGE', `${what} is gzip-compressed and decompressed is larger than`, maxBytes);
    }
    const reason = (error as Error).message || (error as NodeJS.ErrnoException).code || errorText(error);
    throw new StoryfeedError('E_FEED', `${what} is gzip-compressed but cannot be decompressed (${reason}): it is damaged or cut off`, { cause: error });
  }
  // What the gzip stream held is no feed either: said as such, not read as text of the wrong encoding.
  if (opensWith(inner, GZIP_MAGIC)) throw new StoryfeedError('E_FEED', `${what} is gzip-compressed twice: decompress it (gunzip) and verify the feed inside`);
  const packedInside = PACKED_FORMATS.find((f) => opensWith(inner, f.magic));
  if (packedInside) throw new StoryfeedError('E_FEED', `${what} is gzip-compressed, and what it holds is ${packedInside.name}, not a feed: open both and verify the feed inside`);
  if (isTar(inner)) throw new StoryfeedError('E_FEED', `${what} is a gzip-compressed tar archive, not a feed: open it (tar -xzf) and verify the feed inside`);
  return inner;
}

/** Whether `bytes` are a tar archive: "ustar" at offset 257 of its first header (POSIX and GNU tar). */
function isTar(bytes: Uint8Array): boolean {
  return bytes.length >= 262 && String.fromCharCode(...bytes.subarray(257, 262)) === 'ustar';
}

/** Reads a feed file through the bounded reader: regular files only, stopping as soon as it proves larger than `maxBytes`. */
async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  return readBounded(path, {
    maxBytes,
    what: 'feed file',
    tooLarge: (size) => tooLarge('E_TOO_LARGE', size === undefined ? 'the file is larger than' : `the file is ${formatBytes(size)}, larger than`, maxBytes),
    ioError: (cause) => fileError(path, cause),
  });
}

/** Standard input's bytes, up to `maxBytes` (more is `E_TOO_LARGE`, said as soon as it comes, the rest not read). */
async function readStdinCapped(stdin: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stdin) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge('E_TOO_LARGE', 'standard input is larger than', maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof StoryfeedError) throw error;
    throw new StoryfeedError('E_IO', `cannot read standard input: ${errorText(error)}`, { cause: error });
  }
  return Buffer.concat(chunks, total);
}

/** The file a source names: a `file:` URL is the path it stands for, anything else the path as given. */
function localPath(source: string): string {
  if (!/^file:/i.test(source)) return source;
  try {
    return fileURLToPath(source);
  } catch (cause) {
    throw new StoryfeedError('E_IO', `${source} is not a file: URL of this machine (${errorText(cause)}): give the file's path`, { cause });
  }
}

/** An address of another scheme than http(s) (`ftp://…`), which is read as a file name. */
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

function fileError(path: string, error: unknown): StoryfeedError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const detail =
    code === 'ENOENT'
      ? `no such file: ${path}${OTHER_SCHEME.test(path) ? ' (verify fetches http and https addresses only: download the feed and give its file)' : ''}`
      : code === 'EISDIR'
        ? `${path} is a folder, not a feed file`
        : code === 'EACCES' || code === 'EPERM'
          ? `permission denied: ${path}`
          : `cannot read ${path}: ${errorText(error)}`;
  return new StoryfeedError('E_IO', detail, { cause: error });
}

/** Redirects followed from one URL before giving up (as many as `fetch` follows itself). */
const MAX_REDIRECTS = 20;
/** HTTP statuses that redirect to the response's `Location`. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** How much of a URL from outside a message shows (a `Location` can hold kilobytes). */
const MAX_SHOWN_URL = 200;

/** What a response said of its body besides the bytes. */
interface FetchedFrom {
  /** The `charset` of its `Content-Type`. */
  charset?: string;
  /** The URL that answered, after redirects. */
  url?: string;
}

async function fetchBytes(url: string, timeoutMs: number, maxBytes: number, fetchImpl: typeof globalThis.fetch, http: FetchedFrom): Promise<Uint8Array> {
  // One signal for the request, its redirects and the body: a server that sends headers and then stalls is still cut off.
  const signal = AbortSignal.timeout(timeoutMs);
  const seconds = `${Number((timeoutMs / 1000).toFixed(3))} s`;
  /** The Content-Encoding the body comes in, once the response is there: a failure to undo it is the server's. */
  let contentEncoding: string | undefined;
  try {
    const { response, from } = await followRedirects(url, signal, fetchImpl);
    const redirected = from === url ? '' : ` (redirected from ${url})`;
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new StoryfeedError('E_FETCH', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${from}${redirected}`);
    }
    http.url = from;
    const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
    if (charset) http.charset = charset;
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge('E_FETCH', `the response is ${formatBytes(declared)}, larger than`, maxBytes);
    }
    if (!response.body) return new Uint8Array(0);
    contentEncoding = response.headers.get('content-encoding')?.trim() || undefined;
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge('E_FETCH', 'the response is larger than', maxBytes);
      }
    }
    return concat(chunks);
  } catch (error) {
    if (error instanceof StoryfeedError) throw error;
    if (signal.aborted || (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))) {
      throw new StoryfeedError('E_FETCH', `no complete answer from ${url} within ${seconds} (timeout; raise --timeout)`, { cause: error });
    }
    if (contentEncoding !== undefined && isDecompressionError(error)) {
      const reason = ((error as Error).cause as Error).message;
      throw new StoryfeedError(
        'E_FETCH',
        `the response from ${url} is sent compressed (Content-Encoding: ${shownUrl(contentEncoding)}) but cannot be decompressed (${reason}): the server sends it damaged or labelled with the wrong encoding`,
        { cause: error },
      );
    }
    throw new StoryfeedError('E_FETCH', `cannot fetch ${url}: ${networkReason(error)}`, { cause: error });
  }
}

/**
 * Fetches `url`, following its redirects one by one, so that a redirect that cannot be followed is
 * said as such: to a scheme other than http(s) (`file:`, `ftp:`, `data:`, which `fetch` refuses as
 * "URL scheme must be a HTTP(S) scheme"), to no URL, back to a URL already visited, or past
 * {@link MAX_REDIRECTS}. Gives the response and the URL that gave it.
 */
async function followRedirects(url: string, signal: AbortSignal, fetchImpl: typeof globalThis.fetch): Promise<{ response: Response; from: string }> {
  const visited = [url];
  for (let current = url; ; ) {
    const response = await fetchImpl(current, {
      signal,
      redirect: 'manual',
      headers: {
        accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
        'user-agent': `storyfeed/${VERSION}`,
      },
    });
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    // A redirect without a Location is answered as the status it is.
    if (location === null) return { response, from: current };
    await response.body?.cancel().catch(() => undefined);
    const redirect = `${current} redirects (HTTP ${response.status})`;
    let next: URL;
    try {
      next = new URL(location, current);
    } catch (cause) {
      throw new StoryfeedError('E_FETCH', `${redirect} to ${JSON.stringify(shownUrl(location))}, which is not a URL`, { cause });
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new StoryfeedError('E_FETCH', `${redirect} to ${shownUrl(next.href)}, which is not an http(s) URL: storyfeed follows redirects only to http and https`);
    }
    const loop = visited.indexOf(next.href);
    if (loop >= 0) {
      throw new StoryfeedError('E_FETCH', `${url} redirects in a loop: ${[...visited.slice(loop), next.href].map(shownUrl).join(' → ')}`);
    }
    if (visited.length > MAX_REDIRECTS) {
      throw new StoryfeedError('E_FETCH', `${url} redirects more than ${MAX_REDIRECTS} times (the last to ${shownUrl(next.href)})`);
    }
    visited.push(next.href);
    current = next.href;
  }
}

/** A URL or header from outside, shortened for a message. */
function shownUrl(text: string): string {
  return text.length > MAX_SHOWN_URL ? `${text.slice(0, MAX_SHOWN_URL)}…` : text;
}

/** Whether `fetch` failed undoing the response's Content-Encoding (zlib's gzip and deflate errors, brotli's). */
function isDecompressionError(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  return cause instanceof Error && (/^Z_/.test(code) || /^ERR_(?:_ERROR|BROTLI)/.test(code));
}

/** Why a TLS connection failed, by Node's code for it; `undefined` for other failures. */
function tlsReason(code: string, message: string): string | undefined {
  const trust = 'the server is not trusted; if you trust it, give its certificate authority in NODE_EXTRA_CA_CERTS';
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') return `its TLS certificate is self-signed, so ${trust}`;
  if (code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' || code === 'UNABLE_TO_GET_ISSUER_CERT') {
    return `its TLS certificate is not signed by an authority this system trusts (or the server leaves out an intermediate certificate), so ${trust}`;
  }
  if (code === 'CERT_HAS_EXPIRED') return 'its TLS certificate has expired';
  if (code === 'CERT_NOT_YET_VALID') return "its TLS certificate is not valid yet (or this computer's clock is wrong)";
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `its TLS certificate is for another host name (${message})`;
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') return 'the server does not answer in TLS (is the URL http:// rather than https://, or the port wrong?)';
  // OpenSSL's own text spans lines and names its source files: the code says the same in words.
  if (/^ERR_SSL_|^ERR_TLS_|CERT/.test(code))
    return `the TLS connection failed (${code
      .replace(/^ERR_SSL_|^ERR_TLS_/, '')
      .toLowerCase()
      .replaceAll('_', ' ')})`;
  return undefined;
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed';
  const tls = tlsReason(code, cause instanceof Error ? cause.message : '');
  if (tls !== undefined) return tls;
  if (cause instanceof Error) return cause.message;
  return errorText(error);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function tooLarge(code: ProblemCode, what: string, maxBytes: number): StoryfeedError {
  return new StoryfeedError(code, `${what} the ${formatBytes(maxBytes)} limit (raise --max-bytes)`);
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * Sources that are the same feed in different formats: the same home page and title (else the same
 * title), one per format, at least two formats, and the same entries. A site publishes other feeds than one
 * feed in several formats (its comments, a category, a podcast), all naming the same home page;
 * those share no entry with the site's posts (an id names one entry: RSS 2.0 guid, Atom id, JSON
 * Feed id), so a source joins a group only when it shares an entry with the group's first source,
 * or either has none to tell them apart by.
 */
function crossCheckGroups(results: readonly SourceResult[]): CrossCheckResult[] {
  const groups = new Map<string, { first: Set<string>; members: SourceResult[] }[]>();
  for (const r of results) {
    if (!r.feed) continue;
    // The same feed in two formats has one title: a site's comments, a category's or a podcast's feed names the
    // site's home page too, under a title of its own, and shares entries with the posts (a category's are theirs).
    const title = r.feed.title?.trim() ?? '';
    const key = r.feed.siteUrl ? `site ${normalize(r.feed.siteUrl)} ${title}` : title ? `title ${title}` : undefined;
    if (key === undefined) continue;
    const entries = entryKeys(r.feed);
    const candidates = groups.get(key) ?? [];
    const group = candidates.find((g) => !g.members.some((m) => m.format === r.format) && sharesEntry(g.first, entries));
    if (group) group.members.push(r);
    else if (!candidates.some((g) => sharesEntry(g.first, entries))) candidates.push({ first: entries, members: [r] });
    groups.set(key, candidates);
  }
  const out: CrossCheckResult[] = [];
  for (const candidates of groups.values()) {
    for (const { members } of candidates) {
      if (members.length < 2) continue;
      out.push({ sources: members.map((g) => g.source), report: crossCheck(members.map((g) => g.feed!)) });
    }
  }
  return out;
}

/** What names each entry of `feed`: its id, else its URL (as the cross-check aligns entries). */
function entryKeys(feed: ParsedFeed): Set<string> {
  const keys = new Set<string>();
  for (const item of feed.items) {
    const key = item.id ?? item.url;
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** Whether two sources may be one feed by their entries: one shared, or either without any. */
function sharesEntry(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const key of small) if (large.has(key)) return true;
  return false;
}

function normalize(url: string): string {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url.trim();
  }
}
