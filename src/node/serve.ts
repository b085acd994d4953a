import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib } from 'node:zlib';
import { createFeedHandler, type FeedHandler, type FeedHandlerOptions, type FileLookup } from '../server/handler.js';

const brotli = promisify(brotliCompress);

/** Options for serving a folder of built feeds. */
export interface ServeFolderOptions extends Omit<FeedHandlerOptions, 'files'> {
  /** The output folder to serve. */
  root: string;
}

/**
 * A lookup that reads files under `root` only: the resolved real path (symlinks followed) must stay
 * inside the real root, so neither `..` nor a symlink can reach anything else.
 */
export function folderLookup(root: string): FileLookup {
  return async (file) => {
    try {
      // Resolved on every request: a build swaps the output folder's link to a new build folder.
      const base = await realpath(path.resolve(root));
      const target = path.resolve(base, file);
      const real = await realpath(target);
      if (real !== base && !real.startsWith(base + path.sep)) return undefined;
      const info = await stat(real);
      if (!info.isFile()) return undefined;
      return { body: await readFile(real), lastModified: new Date(Math.floor(info.mtimeMs / 1000) * 1000) };
    } catch {
      return undefined;
    }
  };
}

/** The fetch-style handler over a folder, with Brotli from node:zlib besides gzip. */
export function createFolderHandler(options: ServeFolderOptions): FeedHandler {
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
        const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
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
  const { port = 8080, host = '127.0.0.1', log, ...rest } = options;
  const server = createServer(toNodeListener(createFolderHandler(rest), log));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
