import fc from 'fast-check';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
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
  it('answers 500 naming the file, never rejects or leaves an unhandled rejection (regression: a number as a file crashed the process)', async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => {
      rejections.push(reason);
    };
    process.on('unhandledRejection', onRejection);
    try {
      const request = (path: string): Request => new Request(`https://x.example/${path}`, { headers: { 'accept-encoding': 'gzip' } });
      const handler = createFeedHandler({ files: { 'a.xml': 5, 'b.xml': null, 'c.xml': { body: {} }, 'd.xml': { body: 'x', lastModified: 'yesterday' } } as never });
      for (const path of ['a.xml', 'b.xml', 'c.xml']) {
        const response = await handler(request(path));
        expect(response.status, path).toBe(500);
        expect(await response.text()).toContain(`the file lookup gave ${path} no body`);
      }
      const dated = await handler(request('d.xml'));
      expect(dated.status).toBe(200);
      expect(dated.headers.get('last-modified')).toBeNull();
      const throwing = createFeedHandler({
        files: () => {
          throw new Error('lookup boom');
        },
      });
      expect((await throwing(request('rss.xml'))).status).toBe(500);
      const badEncoder = createFeedHandler({ files: { 'rss.xml': 'x'.repeat(1000) }, encoders: { gzip: async () => 'not bytes' as never } });
      const encoded = await badEncoder(request('rss.xml'));
      expect(encoded.status).toBe(500);
      expect(await encoded.text()).toContain('the gzip encoder returned no Uint8Array');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
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
