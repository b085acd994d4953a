import fc from 'fast-check';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { StoryfeedError } from '../../src/errors.js';
import { contentTypeOf, createFeedHandler, safeFilePath } from '../../src/server/handler.js';

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${'<item><title>x</title></item>'.repeat(40)}</channel></rss>`;
const handler = createFeedHandler({
  files: {
    'rss.xml': { body: rss, lastModified: new Date('2024-10-21T12:00:00Z') },
    'atom.xml': '<feed/>',
    'feed.json': '{"version":"https://jsonfeed.org/version/1.1"}',
    'index.html': '<!doctype html><title>x</title>',
    'tags/nato/rss.xml': rss,
  },
});
const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => handler(new Request(`http://127.0.0.1${path}`, { method, headers }));

describe('createFeedHandler', () => {
  it('serves each format with its media type and charset, and CORS', async () => {
    const r = await get('/rss.xml');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect((await get('/atom.xml')).headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect((await get('/feed.json')).headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    expect((await get('/')).headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await (await get('/tags/nato/rss.xml')).text()).toBe(rss);
  });

  it('answers 304 to If-None-Match and If-Modified-Since', async () => {
    const first = await get('/rss.xml');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first.headers.get('last-modified')).toBe('Mon, 21 Oct 2024 12:00:00 GMT');
    expect((await get('/rss.xml', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/rss.xml', { 'if-none-match': `W/${etag}, "other"` })).status).toBe(304);
    expect((await get('/rss.xml', { 'if-modified-since': 'Mon, 21 Oct 2024 12:00:00 GMT' })).status).toBe(304);
    expect((await get('/rss.xml', { 'if-modified-since': 'Sun, 20 Oct 2024 12:00:00 GMT' })).status).toBe(200);
    expect((await get('/rss.xml', { 'if-none-match': '"stale"', 'if-modified-since': 'Mon, 21 Oct 2024 12:00:00 GMT' })).status).toBe(200);
  });

  it('compresses for clients that accept gzip, with its own ETag', async () => {
    const r = await get('/rss.xml', { 'accept-encoding': 'gzip, deflate' });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    expect(r.headers.get('etag')).toMatch(/-gzip"$/);
    expect(gunzipSync(Buffer.from(await r.arrayBuffer())).toString()).toBe(rss);
    expect((await get('/rss.xml', { 'accept-encoding': 'gzip', 'if-none-match': r.headers.get('etag')! })).status).toBe(304);
    expect((await get('/rss.xml', { 'accept-encoding': 'gzip;q=0' })).headers.get('content-encoding')).toBeNull();
  });

  it('answers HEAD without a body, OPTIONS with CORS, and other methods with 405', async () => {
    const head = await get('/rss.xml', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(rss)));
    expect(await head.text()).toBe('');
    const options = await get('/feed.json', {}, 'OPTIONS');
    expect(options.status).toBe(204);
    expect(options.headers.get('access-control-allow-methods')).toContain('GET');
    const post = await get('/rss.xml', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('lets a browser see XML it can style, and tells caches the answer varies', async () => {
    const r = await get('/rss.xml', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9' });
    expect(r.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(r.headers.get('vary')).toBe('Accept, Accept-Encoding');
  });

  it('never serves anything outside the file set', async () => {
    for (const path of ['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/tags/..%2f..%2fetc', '/.hidden', '/tags/%00', '/a\\b', '/nope.xml']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('any path gives 200, 304, 404 or 405, never anything else (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.webPath(), fc.constantFrom('GET', 'HEAD', 'PUT', 'DELETE'), async (path, method) => {
        const r = await get(path.startsWith('/') ? path : `/${path}`, {}, method).catch(() => undefined);
        expect([200, 304, 404, 405]).toContain(r?.status);
      }),
      { numRuns: 300 },
    );
  });
});

describe('createFeedHandler with files or encoders that are not what it expects', () => {
  it('answers a plain 500 and tells onError, never rejects or leaves an unhandled rejection (regression: a number as a file crashed the process)', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => {
      rejections.push(reason);
    };
    process.on('unhandledRejection', onRejection);
    try {
      const request = (path: string): Request => new Request(`https://x.example/${path}`, { headers: { 'accept-encoding': 'gzip' } });
      const reported: string[] = [];
      const onError = (error: unknown, req: Request): void => {
        reported.push(`${new URL(req.url).pathname} ${(error as Error).message}`);
      };
      const lookups: Record<string, unknown> = { 'a.xml': 5, 'b.xml': 'text, not { body }', 'c.xml': { body: {} } };
      const handler = createFeedHandler({ files: (path) => lookups[path] as never, onError });
      for (const path of Object.keys(lookups)) {
        const response = await handler(request(path));
        expect(response.status, path).toBe(500);
        // Nothing of the server (messages, paths on disk) reaches the client.
        expect(await response.text()).toBe('Internal Server Error\n');
      }
      expect(reported).toEqual(['a.xml', 'b.xml', 'c.xml'].map((path) => `/${path} the file lookup gave ${path} no body: give it { body } with a string or a Uint8Array`));
      const throwing = createFeedHandler({
        files: () => {
          throw new Error('lookup boom /srv/secret/path');
        },
        onError: () => {
          throw new Error('the reporter fails too');
        },
      });
      const boom = await throwing(request('rss.xml'));
      expect(boom.status).toBe(500);
      expect(await boom.text()).not.toContain('secret');
      // An async reporter that rejects neither: its rejection is handled (it ended the process).
      const asyncReporter = createFeedHandler({
        files: () => {
          throw new Error('disk gone');
        },
        onError: async () => {
          throw new Error('log sink down');
        },
      });
      expect((await asyncReporter(request('rss.xml'))).status).toBe(500);
      const badEncoder = createFeedHandler({ files: { 'rss.xml': 'x'.repeat(1000) }, encoders: { gzip: async () => 'not bytes' as never }, onError });
      const encoded = await badEncoder(request('rss.xml'));
      expect(encoded.status).toBe(500);
      expect(reported.at(-1)).toBe('/rss.xml the gzip encoder returned no Uint8Array');
      // Let any stray rejection surface: a few turns of the event loop, no timer.
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('keeps the options it always took: gzip: undefined turns gzip off, a Cache-Control value may hold a tab', async () => {
    const big = 'x'.repeat(5000);
    const gzipOff = createFeedHandler({ files: { 'rss.xml': big }, encoders: { gzip: undefined } });
    const plain = await gzipOff(new Request('https://x.example/rss.xml', { headers: { 'accept-encoding': 'gzip' } }));
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(big);
    const tabbed = createFeedHandler({ files: { 'rss.xml': big }, cacheControl: 'public,\tmax-age=60' });
    expect((await tabbed(new Request('https://x.example/rss.xml'))).headers.get('cache-control')).toBe('public,\tmax-age=60');
  });

  it('checks its options when it is created: a StoryfeedError (E_CONFIG) naming the option, never a TypeError', () => {
    const cases: [unknown, string][] = [
      [undefined, 'expects an options object'],
      [null, 'expects an options object'],
      ['rss.xml', 'expects an options object'],
      [{}, 'options.files must be an object'],
      [{ files: null }, 'options.files must be an object'],
      [{ files: new Map() }, 'a Map (use an object'],
      [{ files: [] }, 'options.files must be an object'],
      [{ files: { 'a.xml': 5 } }, 'options.files["a.xml"] must be a string'],
      [{ files: { 'b.xml': null } }, 'options.files["b.xml"] must be a string'],
      [{ files: { 'c.xml': { body: {} } } }, 'options.files["c.xml"].body must be a string or a Uint8Array'],
      [{ files: { 'd.xml': { body: 'x', lastModified: 'yesterday' } } }, 'options.files["d.xml"].lastModified must be a valid Date'],
      [{ files: { 'e.xml': { body: 'x', lastModified: new Date(Number.NaN) } } }, 'an invalid Date'],
      [
        {
          files: {
            get 'f.xml'() {
              throw new Error('getter boom');
            },
          },
        },
        'getter boom',
      ],
      [
        {
          // A getter that throws a value whose own toString throws.
          get files() {
            throw {
              toString() {
                throw new TypeError('toString boom');
              },
            };
          },
        },
        'reading options.files threw: an exception',
      ],
      [{ files: {}, cacheControl: 'max-age=1\r\nx-evil: 1' }, 'options.cacheControl must be a header value on one line'],
      [{ files: {}, cors: 'yes' }, 'options.cors must be true or false'],
      [{ files: {}, compress: 1 }, 'options.compress must be true or false'],
      [{ files: {}, basePath: 5 }, 'options.basePath must be a string'],
      [{ files: {}, onError: 'log' }, 'options.onError must be a function'],
      [{ files: {}, encoders: 'gzip' }, 'options.encoders must be an object'],
      [{ files: {}, encoders: { deflate: async (b: Uint8Array) => b } }, 'options.encoders.deflate is not an encoding'],
      [{ files: {}, encoders: { br: 'fast' } }, 'options.encoders.br must be a function'],
      [{ files: {}, cache: true }, 'options.cache is not an option'],
    ];
    for (const [options, message] of cases) {
      let thrown: unknown;
      try {
        createFeedHandler(options as never);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, message).toBeInstanceOf(StoryfeedError);
      expect((thrown as StoryfeedError).code).toBe('E_CONFIG');
      expect((thrown as StoryfeedError).message).toContain(message);
    }
    // Well-formed options still make a handler.
    expect(
      typeof createFeedHandler({
        files: { 'a.xml': { body: 'x', lastModified: new Date(0) } },
        encoders: { br: undefined },
        cors: false,
        compress: false,
        basePath: '/feeds',
        cacheControl: 'no-cache',
        onError: () => undefined,
      }),
    ).toBe('function');
  });
});

describe('safeFilePath and contentTypeOf', () => {
  it('maps URL paths to files inside the set', () => {
    expect(safeFilePath('/rss.xml')).toBe('rss.xml');
    expect(safeFilePath('/tags/nato/')).toBe('tags/nato/index.html');
    expect(safeFilePath('/')).toBe('index.html');
    expect(safeFilePath('/feeds/rss.xml', '/feeds/')).toBe('rss.xml');
    expect(safeFilePath('/other/rss.xml', '/feeds')).toBeUndefined();
    expect(safeFilePath('/a/../../b')).toBeUndefined();
  });

  it('knows the feed types', () => {
    expect(contentTypeOf('feed.xsl')).toBe('text/xsl; charset=utf-8');
    expect(contentTypeOf('data.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeOf('x.bin')).toBe('application/octet-stream');
  });
});
