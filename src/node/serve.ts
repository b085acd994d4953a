import { readFile, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib } from 'node:zlib';
import { StoryfeedError } from '../errors.js';
import { createFeedHandler, responseBytes, type FeedHandler, type FeedHandlerOptions, type FileLookup, type ServedFile } from '../server/handler.js';

const brotli = promisify(brotliCompress);

/** Options for serving a folder of built feeds. */
export interface ServeFolderOptions extends Omit<FeedHandlerOptions, 'files'> {
  /** The output folder to serve. */
  root: string;
}

/** Bytes of file versions kept in memory by one {@link folderLookup} (the newest is kept even when larger). */
export const SERVE_CACHE_BYTES = 128 * 1024 * 1024;

/** What identifies a file version: a build replaces files (new inode) and a rewrite changes size or times. */
function versionOf(info: Stats): string {
  return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}

/**
 * A lookup that reads files under `root` only: the resolved real path (symlinks followed) must stay
 * inside the real root, so neither `..` nor a symlink can reach anything else. Each file version is
 * read once and its bytes shared by every request (so the handler hashes and compresses it once),
 * concurrent requests included; versions are dropped oldest first past 128 MB.
 */
export function folderLookup(root: string): FileLookup {
  const cache = new Map<string, { version: string; file: Promise<ServedFile>; bytes: number }>();
  let cachedBytes = 0;
  const remember = (real: string, version: string, file: Promise<ServedFile>, bytes: number): void => {
    const old = cache.get(real);
    if (old) {
      cache.delete(real);
      cachedBytes -= old.bytes;
    }
    cache.set(real, { version, file, bytes });
    cachedBytes += bytes;
    // Map order is insertion order: the first entries are the least recently used.
    for (const [key, entry] of cache) {
      if (cachedBytes <= SERVE_CACHE_BYTES || key === real) break;
      cache.delete(key);
      cachedBytes -= entry.bytes;
    }
  };
  return async (file) => {
    try {
      // Resolved on every request: a build swaps the output folder's link to a new build folder.
      const base = await realpath(path.resolve(root));
      const target = path.resolve(base, file);
      const real = await realpath(target);
      if (real !== base && !real.startsWith(base + path.sep)) return undefined;
      const info = await stat(real);
      if (!info.isFile()) return undefined;
      const version = versionOf(info);
      const hit = cache.get(real);
      if (hit?.version === version) {
        // Most recently used goes last.
        cache.delete(real);
        cache.set(real, hit);
        return await hit.file;
      }
      const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
      const reading = readFile(real).then((body): ServedFile => ({ body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), lastModified }));
      remember(real, version, reading, info.size);
      reading.catch(() => {
        if (cache.get(real)?.file === reading) {
          cache.delete(real);
          cachedBytes -= info.size;
        }
      });
      return await reading;
    } catch {
      return undefined;
    }
  };
}

/** `options` as an object with a folder `root`, else an `E_CONFIG` error naming what is wrong. */
function checkFolderOptions(options: unknown, caller: string): asserts options is ServeFolderOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new StoryfeedError('E_CONFIG', `${caller}: expects an options object such as { root: 'public' }`);
  const root = (options as { root?: unknown }).root;
  if (typeof root !== 'string' || root === '') throw new StoryfeedError('E_CONFIG', `${caller}: options.root must be the path of the folder to serve`);
}

/** The fetch-style handler over a folder, with Brotli from node:zlib besides gzip. */
export function createFolderHandler(options: ServeFolderOptions): FeedHandler {
  checkFolderOptions(options, 'createFolderHandler');
  const { root, ...rest } = options;
  return createFeedHandler({
    ...rest,
    files: folderLookup(root),
    encoders: { br: async (body) => new Uint8Array(await brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } })), ...rest.encoders },
  });
}

/** Adapts a fetch-style handler to Node's `http` (and Express/Connect) `(req, res)` signature; `log` gets one line per request. */
export function toNodeListener(handler: FeedHandler, log?: (line: string) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    let request: Request;
    try {
      // The path is taken from the request line (absolute-form included); the host never decides where to look.
      const url = new URL(req.url ?? '/', 'http://localhost');
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      request = new Request(`http://localhost${url.pathname}${url.search}`, { method: req.method ?? 'GET', headers });
    } catch {
      // Methods fetch refuses (TRACE, CONNECT) and unparsable requests.
      const allowed = ['GET', 'HEAD', 'OPTIONS'].includes((req.method ?? '').toUpperCase());
      res.statusCode = allowed ? 400 : 405;
      if (!allowed) res.setHeader('allow', 'GET, HEAD, OPTIONS');
      res.end();
      log?.(`${req.method ?? '?'} ${req.url ?? '/'} ${res.statusCode}`);
      return;
    }
    handler(request).then(
      async (response) => {
        res.statusCode = response.status;
        response.headers.forEach((value, name) => res.setHeader(name, value));
        // The handler's shared bytes are sent as they are: 100 clients of a 20 MB feed hold one copy, not 100.
        const shared = responseBytes(response);
        let body: Uint8Array | undefined;
        if (shared) {
          await response.body?.cancel();
          body = shared;
        } else if (response.body) {
          body = new Uint8Array(await response.arrayBuffer());
        }
        res.end(body);
        log?.(`${req.method ?? 'GET'} ${req.url ?? '/'} ${response.status}${body ? ` ${body.byteLength}` : ''}`);
      },
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  };
}

/** Starts an HTTP server for a folder of feeds on `host:port` (port 0 picks a free one). */
export async function serveFolder(options: ServeFolderOptions & { port?: number; host?: string; log?: (line: string) => void }): Promise<Server> {
  checkFolderOptions(options, 'serveFolder');
  const { port = 8080, host = '127.0.0.1', log, ...rest } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new StoryfeedError('E_CONFIG', 'serveFolder: options.port must be a whole number from 0 to 65535 (0 picks a free port)');
  if (typeof host !== 'string' || host === '') throw new StoryfeedError('E_CONFIG', 'serveFolder: options.host must be a host name or address');
  if (log !== undefined && typeof log !== 'function') throw new StoryfeedError('E_CONFIG', 'serveFolder: options.log must be a function');
  const server = createServer(toNodeListener(createFolderHandler(rest), log));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
