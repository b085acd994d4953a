/**
 * A fetch-style handler (`Request → Response`) that serves built feeds: correct content types
 * with charset, strong ETags and Last-Modified answered with 304, gzip, HEAD and OPTIONS, CORS, and
 * no way out of the file set. It uses only web-standard APIs, so it runs in Node (via
 * `storyfeed/node`'s adapter), Deno, Bun, Cloudflare Workers and framework route handlers.
 */

import { errorText, StoryfeedError } from '../errors.js';
import { TaskQueue } from '../task-queue.js';

/** One file the handler can serve. */
export interface ServedFile {
  /** The bytes (or text, encoded as UTF-8). */
  body: Uint8Array | string;
  /** When it last changed; sent as Last-Modified and compared with If-Modified-Since. */
  lastModified?: Date;
}

/** Looks a path up (`rss.xml`, `tags/nato/atom.xml`): the file, or `undefined`. */
export type FileLookup = (path: string) => ServedFile | undefined | Promise<ServedFile | undefined>;

/** Options for {@link createFeedHandler}. */
export interface FeedHandlerOptions {
  /** The files to serve: a map of path → file (or text), or a lookup function. */
  files: Record<string, ServedFile | string | Uint8Array> | FileLookup;
  /** `Cache-Control` value (default `public, max-age=300`). */
  cacheControl?: string;
  /** Send `Access-Control-Allow-Origin: *` on feeds (default `true`). */
  cors?: boolean;
  /** Compress responses for clients that accept it (default `true`). */
  compress?: boolean;
  /** Extra encoders (e.g. Brotli from `node:zlib`); gzip via CompressionStream is built in (`gzip: undefined` turns it off). */
  encoders?: Partial<Record<'br' | 'gzip', ((body: Uint8Array) => Promise<Uint8Array>) | undefined>>;
  /** Path prefix to strip (when mounted under `/feeds/`, say). */
  basePath?: string;
  /**
   * Told about every request answered with a 500 (a lookup or encoder that threw or gave no bytes).
   * The response itself says only "Internal Server Error", so no server detail reaches the client.
   * Default: one line on `console.error`.
   */
  onError?: (error: unknown, request: Request) => void | Promise<void>;
}

/** A fetch-style request handler. */
export type FeedHandler = (request: Request) => Promise<Response>;

const FEED_TYPES: Record<string, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** The media type of a served path, by its name and extension. */
export function contentTypeOf(path: string): string {
  const name = path.split('/').pop()!.toLowerCase();
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  let type: string;
  if (ext === 'xml') type = name.includes('atom') ? FEED_TYPES.atom! : name.includes('rss') || name === 'feed.xml' ? FEED_TYPES.rss! : 'application/xml';
  else if (ext === 'json') type = name.includes('feed') || name === 'index.json' ? FEED_TYPES.json! : 'application/json';
  else if (ext === 'xsl' || ext === 'xslt') type = 'text/xsl';
  else if (ext === 'html' || ext === 'htm') type = 'text/html';
  else if (ext === 'css') type = 'text/css';
  else if (ext === 'js' || ext === 'mjs') type = 'text/javascript';
  else if (ext === 'txt') type = 'text/plain';
  else if (ext === 'png') return 'image/png';
  else if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg';
  else if (ext === 'svg') type = 'image/svg+xml';
  else if (ext === 'ico') return 'image/x-icon';
  else return 'application/octet-stream';
  return `${type}; charset=utf-8`;
}

/** `true` for the feed media types. */
function isFeedType(type: string): boolean {
  return Object.values(FEED_TYPES).some((t) => type.startsWith(t));
}

/**
 * Turns a URL path into a safe file path inside the served set, or `undefined` for anything that
 * tries to leave it (`..`, encoded slashes or backslashes, NUL, absolute paths).
 */
export function safeFilePath(urlPath: string, basePath = ''): string | undefined {
  let path = urlPath;
  if (basePath) {
    const base = `/${basePath.replace(/^\/+|\/+$/g, '')}`;
    if (path !== base && !path.startsWith(`${base}/`)) return undefined;
    path = path.slice(base.length);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f|%5c/i.test(path)) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return undefined;
  const file = segments.join('/');
  return decoded.endsWith('/') || file === '' ? (file ? `${file}/index.html` : 'index.html') : file;
}

/** Hashes and compressions run at once; more requests wait their turn instead of each holding a copy. */
export const MAX_CONCURRENT_WORK = 2;

/** The bytes behind responses this handler built, so a server adapter can send them without copying. */
const RESPONSE_BYTES = new WeakMap<Response, Uint8Array>();

/**
 * The bytes of a 200 response built by a {@link createFeedHandler} handler (shared by every
 * response for the same file version; never modify them), or `undefined` for any other response.
 */
export function responseBytes(response: Response): Uint8Array | undefined {
  return RESPONSE_BYTES.get(response);
}

/**
 * Creates the handler. Each file's ETag and compressed forms are computed once per version (per
 * body the lookup returns: return the same `Uint8Array` while a file is unchanged) and shared by
 * concurrent requests; at most two hashes or compressions run at once.
 */
export function createFeedHandler(options: FeedHandlerOptions): FeedHandler {
  const checked = checkedOptions(options);
  const lookup: FileLookup = typeof checked.files === 'function' ? checked.files : mapLookup(checked.files);
  const cacheControl = checked.cacheControl ?? 'public, max-age=300';
  const cors = checked.cors ?? true;
  const compress = checked.compress ?? true;
  const basePath = checked.basePath;
  const onError = checked.onError ?? logError;
  const encoders: Partial<Record<'br' | 'gzip', ((body: Uint8Array) => Promise<Uint8Array>) | undefined>> = { gzip: gzipWithStreams, ...checked.encoders };
  const limit = workLimiter(MAX_CONCURRENT_WORK);
  const etags = new WeakMap<Uint8Array, Promise<string>>();
  const compressed = new WeakMap<Uint8Array, Map<'br' | 'gzip', Promise<Uint8Array>>>();
  const etagOf = (body: Uint8Array): Promise<string> => {
    let tag = etags.get(body);
    if (!tag) {
      tag = limit(async () => `"${await sha256Hex(body)}"`);
      etags.set(body, tag);
      tag.catch(() => etags.delete(body));
    }
    return tag;
  };
  const encodedOf = (body: Uint8Array, encoding: 'br' | 'gzip'): Promise<Uint8Array> => {
    let forms = compressed.get(body);
    if (!forms) {
      forms = new Map();
      compressed.set(body, forms);
    }
    let form = forms.get(encoding);
    if (!form) {
      form = limit(async () => {
        const encoded: unknown = await encoders[encoding]!(body);
        if (!(encoded instanceof Uint8Array)) throw new Error(`the ${encoding} encoder returned no Uint8Array`);
        return encoded;
      });
      forms.set(encoding, form);
      const created = form;
      form.catch(() => {
        if (forms.get(encoding) === created) forms.delete(encoding);
      });
    }
    return form;
  };

  return async (request: Request): Promise<Response> => {
    // A lookup or encoder that throws or returns the wrong thing is a 500 for that request, never a
    // rejected promise (or an unhandled rejection that ends the process) in the caller's server. The
    // client learns nothing of the server (paths, messages); the error goes to `onError`.
    try {
      return await respond(request);
    } catch (error) {
      try {
        // A reporter that throws, or an async one that rejects, must not turn the 500 into a rejection.
        const reported: unknown = onError(error, request);
        if (reported instanceof Promise) reported.catch(() => undefined);
      } catch {
        // Reported as well as it could be.
      }
      return new Response('Internal Server Error\n', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
  };

  async function respond(request: Request): Promise<Response> {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      return new Response('Method Not Allowed\n', { status: 405, headers: { allow: 'GET, HEAD, OPTIONS', 'content-type': 'text/plain; charset=utf-8' } });
    }
    const path = safeFilePath(new URL(request.url).pathname, basePath);
    const found = path === undefined ? undefined : await lookup(path);
    if (path === undefined || !found) return new Response('Not Found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

    if (typeof found !== 'object' || (typeof found.body !== 'string' && !(found.body instanceof Uint8Array)))
      throw new Error(`the file lookup gave ${path} no body: give it { body } with a string or a Uint8Array`);
    const body = typeof found.body === 'string' ? new TextEncoder().encode(found.body) : found.body;
    const lastModified = found.lastModified instanceof Date && !Number.isNaN(found.lastModified.getTime()) ? found.lastModified : undefined;
    let type = contentTypeOf(path);
    const headers = new Headers({ 'cache-control': cacheControl, vary: 'Accept-Encoding', 'x-content-type-options': 'nosniff' });
    if (isFeedType(type)) {
      if (cors) headers.set('access-control-allow-origin', '*');
      // A browser asking for a page gets XML it can style with the feed's XSL; readers get the feed type.
      const accept = request.headers.get('accept') ?? '';
      if (type.includes('xml') && accept.includes('text/html') && !/application\/(rss|atom)\+xml/.test(accept)) type = 'application/xml; charset=utf-8';
      headers.set('vary', 'Accept, Accept-Encoding');
    }
    if (method === 'OPTIONS') {
      headers.set('allow', 'GET, HEAD, OPTIONS');
      if (cors) {
        headers.set('access-control-allow-methods', 'GET, HEAD, OPTIONS');
        headers.set('access-control-allow-headers', 'If-None-Match, If-Modified-Since');
        headers.set('access-control-max-age', '86400');
      }
      return new Response(null, { status: 204, headers });
    }
    headers.set('content-type', type);

    const etag = await etagOf(body);
    const encoding = compress ? pickEncoding(request.headers.get('accept-encoding'), encoders, body.byteLength) : undefined;
    const representationTag = encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag;
    headers.set('etag', representationTag);
    if (lastModified) headers.set('last-modified', lastModified.toUTCString());

    if (notModified(request, [etag, representationTag], lastModified)) return new Response(null, { status: 304, headers });

    let payload = body;
    if (encoding) {
      payload = await encodedOf(body, encoding);
      headers.set('content-encoding', encoding);
    }
    headers.set('content-length', String(payload.byteLength));
    if (method === 'HEAD') return new Response(null, { status: 200, headers });
    // A stream over the shared bytes, not `new Response(bytes)`, which copies them for every request.
    const response = new Response(chunksOf(payload), { status: 200, headers });
    RESPONSE_BYTES.set(response, payload);
    return response;
  }
}

/** The default `onError`: one line on the console, control characters shown as spaces. */
function logError(error: unknown, request: Request): void {
  const message = errorText(error);
  const line = `storyfeed/server: ${request.method} ${new URL(request.url).pathname}: 500: ${message}`;
  console.error(line.replace(/[\u0000-\u001f\u007f]/g, ' '));
}

const OPTION_NAMES = new Set(['files', 'cacheControl', 'cors', 'compress', 'encoders', 'basePath', 'onError']);

/**
 * The options, read once and checked: a wrong value is an `E_CONFIG` error naming the option when the
 * handler is created, not a `TypeError` (or a 500 on every request) later.
 */
function checkedOptions(options: FeedHandlerOptions): FeedHandlerOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) fail(`expects an options object such as { files: { 'rss.xml': text } }, got ${describe(options)}`);
  const read = (name: string): unknown => {
    try {
      return (options as unknown as Record<string, unknown>)[name];
    } catch (error) {
      return fail(`reading options.${name} threw: ${errorText(error)}`);
    }
  };
  let names: string[] = [];
  try {
    names = Object.keys(options);
  } catch (error) {
    fail(`its options cannot be listed: ${errorText(error)}`);
  }
  for (const name of names) if (!OPTION_NAMES.has(name)) fail(`options.${name} is not an option (known: ${[...OPTION_NAMES].join(', ')})`);
  const files = read('files');
  if (typeof files !== 'function' && (typeof files !== 'object' || files === null || Array.isArray(files) || files instanceof Map))
    fail(`options.files must be an object mapping paths to files, or a lookup function; got ${describe(files)}`);
  const cacheControl = read('cacheControl');
  // A header value may hold tabs (RFC 9110 §5.5), never a line break or another control character.
  if (cacheControl !== undefined && (typeof cacheControl !== 'string' || /[\u0000-\u0008\u000a-\u001f\u007f]/.test(cacheControl)))
    fail(`options.cacheControl must be a header value on one line, got ${describe(cacheControl)}`);
  const flags: { cors?: boolean; compress?: boolean } = {};
  for (const name of ['cors', 'compress'] as const) {
    const value = read(name);
    if (value !== undefined && typeof value !== 'boolean') fail(`options.${name} must be true or false, got ${describe(value)}`);
    if (value !== undefined) flags[name] = value as boolean;
  }
  const basePath = read('basePath');
  if (basePath !== undefined && typeof basePath !== 'string') fail(`options.basePath must be a string, got ${describe(basePath)}`);
  const onError = read('onError');
  if (onError !== undefined && typeof onError !== 'function') fail(`options.onError must be a function, got ${describe(onError)}`);
  const encoders = read('encoders');
  const checkedEncoders: Partial<Record<'br' | 'gzip', ((body: Uint8Array) => Promise<Uint8Array>) | undefined>> = {};
  if (encoders !== undefined) {
    if (typeof encoders !== 'object' || encoders === null || Array.isArray(encoders))
      fail(`options.encoders must be an object such as { br: (bytes) => … }, got ${describe(encoders)}`);
    let entries: [string, unknown][] = [];
    try {
      entries = Object.entries(encoders as object);
    } catch (error) {
      fail(`options.encoders cannot be read: ${errorText(error)}`);
    }
    for (const [name, encoder] of entries) {
      if (name !== 'br' && name !== 'gzip') fail(`options.encoders.${name} is not an encoding storyfeed sends (br, gzip)`);
      // `{ gzip: undefined }` turns the built-in gzip off, as it always has.
      if (encoder === undefined) {
        checkedEncoders[name as 'br' | 'gzip'] = undefined;
        continue;
      }
      if (typeof encoder !== 'function') fail(`options.encoders.${name} must be a function, got ${describe(encoder)}`);
      checkedEncoders[name as 'br' | 'gzip'] = encoder as (body: Uint8Array) => Promise<Uint8Array>;
    }
  }
  return {
    files: files as FeedHandlerOptions['files'],
    ...(cacheControl === undefined ? {} : { cacheControl: cacheControl as string }),
    ...flags,
    ...(basePath === undefined ? {} : { basePath: basePath as string }),
    ...(onError === undefined ? {} : { onError: onError as NonNullable<FeedHandlerOptions['onError']> }),
    encoders: checkedEncoders,
  };
}

/** A wrong option of {@link createFeedHandler}: `E_CONFIG`, named as the caller wrote it. */
function fail(detail: string): never {
  throw new StoryfeedError('E_CONFIG', `createFeedHandler: ${detail}`);
}

/** A value named for an error message: its type, and a short form of strings and numbers. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map) return 'a Map (use an object: Object.fromEntries(map))';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : String(typeof value);
}

/** Bytes per chunk of a response stream. */
const CHUNK_BYTES = 64 * 1024;

/** A stream of views of `bytes` (no copy). */
function chunksOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.byteLength) {
        controller.close();
        return;
      }
      const end = Math.min(at + CHUNK_BYTES, bytes.byteLength);
      controller.enqueue(bytes.subarray(at, end));
      at = end;
    },
  });
}

/** Runs at most `max` tasks at once; the rest wait in order. */
function workLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting = new TaskQueue<() => void>();
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** The map's files, checked and with text encoded once; a file without bytes is an `E_CONFIG` error naming its path. */
function mapLookup(files: Record<string, ServedFile | string | Uint8Array>): FileLookup {
  const map = new Map<string, ServedFile>();
  let entries: [string, unknown][] = [];
  try {
    entries = Object.entries(files);
  } catch (error) {
    fail(`options.files cannot be read: ${errorText(error)}`);
  }
  for (const [path, value] of entries) {
    const field = `options.files[${JSON.stringify(path)}]`;
    let file: ServedFile;
    if (typeof value === 'string' || value instanceof Uint8Array) file = { body: value };
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      let body: unknown;
      let lastModified: unknown;
      try {
        ({ body, lastModified } = value as ServedFile);
      } catch (error) {
        return fail(`${field} cannot be read: ${errorText(error)}`);
      }
      if (typeof body !== 'string' && !(body instanceof Uint8Array)) return fail(`${field}.body must be a string or a Uint8Array, got ${describe(body)}`);
      if (lastModified !== undefined && !(lastModified instanceof Date && !Number.isNaN(lastModified.getTime())))
        return fail(`${field}.lastModified must be a valid Date, got ${describe(lastModified)}`);
      file = lastModified === undefined ? { body } : { body, lastModified };
    } else return fail(`${field} must be a string, a Uint8Array or { body, lastModified }, got ${describe(value)}`);
    // Text is encoded once, so every request for it shares one body (and its ETag and compressed forms).
    map.set(path.replace(/^\/+/, ''), typeof file.body === 'string' ? { ...file, body: new TextEncoder().encode(file.body) } : file);
  }
  return (path) => map.get(path);
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). */
function notModified(request: Request, tags: string[], lastModified: Date | undefined): boolean {
  const inm = request.headers.get('if-none-match');
  if (inm !== null) {
    if (inm.trim() === '*') return true;
    const wanted = inm.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return wanted.some((t) => tags.includes(t));
  }
  const ims = request.headers.get('if-modified-since');
  if (ims !== null && lastModified) {
    // Only an HTTP-date counts (RFC 9110 §13.1.3): "2100" or "tomorrow" is ignored, never a 304.
    const since = parseHttpDate(ims);
    return since !== undefined && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`. */
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
/** Obsolete RFC 850 form: `Sunday, 06-Nov-94 08:49:37 GMT`. */
const RFC850_DATE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
/** Obsolete asctime form: `Sun Nov  6 08:49:37 1994`. */
const ASCTIME_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/** Milliseconds of an HTTP-date in any of its three forms (RFC 9110 §5.6.7), else `undefined`. */
export function parseHttpDate(value: string): number | undefined {
  const text = value.trim();
  let parts: [day: string, month: string, year: number, hour: string, minute: string, second: string] | undefined;
  let m = IMF_FIXDATE.exec(text);
  if (m) parts = [m[1]!, m[2]!, Number(m[3]), m[4]!, m[5]!, m[6]!];
  else if ((m = RFC850_DATE.exec(text))) {
    // Two-digit years: RFC 9110 says read them as within 50 years of now; 70–99 → 19xx is the usual reading.
    const yy = Number(m[3]);
    parts = [m[1]!, m[2]!, yy >= 70 ? 1900 + yy : 2000 + yy, m[4]!, m[5]!, m[6]!];
  } else if ((m = ASCTIME_DATE.exec(text))) parts = [m[2]!.trim(), m[1]!, Number(m[6]), m[3]!, m[4]!, m[5]!];
  if (!parts) return undefined;
  const [day, monthName, year, hour, minute, second] = parts;
  const month = MONTHS.indexOf(monthName.toLowerCase());
  const d = Number(day);
  const h = Number(hour);
  const min = Number(minute);
  const sec = Number(second);
  if (month < 0 || d < 1 || d > 31 || h > 23 || min > 59 || sec > 60) return undefined;
  const ms = Date.UTC(year, month, d, h, min, Math.min(sec, 59));
  // Reject dates that roll over (31 Feb).
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}

/** The best encoding the client accepts (q > 0) that we have, for bodies worth compressing. */
function pickEncoding(header: string | null, encoders: Partial<Record<'br' | 'gzip', unknown>>, size: number): 'br' | 'gzip' | undefined {
  if (!header || size < 256) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (e: 'br' | 'gzip'): boolean => encoders[e] !== undefined && (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined;
}

async function gzipWithStreams(body: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function sha256Hex(body: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', body);
  return [...new Uint8Array(digest, 0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
