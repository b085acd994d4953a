/**
 * A fetch-style handler (`Request → Response`) that serves built feeds: correct content types
 * with charset, strong ETags and Last-Modified answered with 304, gzip, HEAD and OPTIONS, CORS, and
 * no way out of the file set. It uses only web-standard APIs, so it runs in Node (via
 * `storyfeed/node`'s adapter), Deno, Bun, Cloudflare Workers and framework route handlers.
 */

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
  /** Extra encoders (e.g. Brotli from `node:zlib`); gzip via CompressionStream is built in. */
  encoders?: Partial<Record<'br' | 'gzip', (body: Uint8Array) => Promise<Uint8Array>>>;
  /** Path prefix to strip (when mounted under `/feeds/`, say). */
  basePath?: string;
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

/** Creates the handler. */
export function createFeedHandler(options: FeedHandlerOptions): FeedHandler {
  const lookup: FileLookup = typeof options.files === 'function' ? options.files : mapLookup(options.files);
  const cacheControl = options.cacheControl ?? 'public, max-age=300';
  const cors = options.cors ?? true;
  const compress = options.compress ?? true;
  const encoders: Partial<Record<'br' | 'gzip', (body: Uint8Array) => Promise<Uint8Array>>> = { gzip: gzipWithStreams, ...options.encoders };
  const etags = new WeakMap<Uint8Array, string>();

  return async (request: Request): Promise<Response> => {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      return new Response('Method Not Allowed\n', { status: 405, headers: { allow: 'GET, HEAD, OPTIONS', 'content-type': 'text/plain; charset=utf-8' } });
    }
    const path = safeFilePath(new URL(request.url).pathname, options.basePath);
    const found = path === undefined ? undefined : await lookup(path);
    if (path === undefined || !found) return new Response('Not Found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

    const body = typeof found.body === 'string' ? new TextEncoder().encode(found.body) : found.body;
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

    let etag = etags.get(body);
    if (!etag) {
      etag = `"${await sha256Hex(body)}"`;
      etags.set(body, etag);
    }
    const encoding = compress ? pickEncoding(request.headers.get('accept-encoding'), encoders, body.byteLength) : undefined;
    const representationTag = encoding ? `${etag.slice(0, -1)}-${encoding}"` : etag;
    headers.set('etag', representationTag);
    if (found.lastModified) headers.set('last-modified', found.lastModified.toUTCString());

    if (notModified(request, [etag, representationTag], found.lastModified)) return new Response(null, { status: 304, headers });

    let payload = body;
    if (encoding) {
      payload = await encoders[encoding]!(body);
      headers.set('content-encoding', encoding);
    }
    headers.set('content-length', String(payload.byteLength));
    return new Response(method === 'HEAD' ? null : payload, { status: 200, headers });
  };
}

function mapLookup(files: Record<string, ServedFile | string | Uint8Array>): FileLookup {
  const map = new Map<string, ServedFile>();
  for (const [path, value] of Object.entries(files)) {
    map.set(path.replace(/^\/+/, ''), typeof value === 'string' || value instanceof Uint8Array ? { body: value } : value);
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
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
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
  const ok = (e: 'br' | 'gzip'): boolean => encoders[e] !== undefined && ((accepted.get(e) ?? accepted.get('*') ?? 0) > 0);
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
