import { mkdtemp, mkdir, rm, truncate, writeFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySources } from '../../src/node/verify-sources.js';
import { renderFeeds } from '../../src/render/index.js';
import { sampleDocument, surgery } from './fixtures.js';

const outputs = renderFeeds(sampleDocument());
let server: Server;
let base: string;
let dir: string;
const sockets = new Set<Socket>();
let bigBytesSent = 0;

function endless(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk)) bigBytesSent += chunk.length;
    if (!res.destroyed) res.once('drain', pump);
  };
  res.write('<rss version="2.0"><channel><title>');
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/rss.xml':
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(outputs.rss);
        return;
      case '/feed.json':
        res.writeHead(200, { 'content-type': 'application/feed+json' }).end(outputs.json);
        return;
      case '/page.html':
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><html><head><link rel="alternate" type="application/atom+xml" href="https://x.org/atom.xml"></head></html>');
        return;
      case '/hang':
        return; // never answers
      case '/stall':
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<rss version="2.0">');
        return; // headers and a first chunk, then nothing
      case '/endless':
        endless(res);
        return;
      case '/declared-big':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
        res.write('{');
        return;
      case '/latin1-undeclared.xml':
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(Buffer.from('<rss version="2.0"><channel><title>Caf\xe9</title></channel></rss>', 'latin1'));
        break;
      case '/latin1.xml':
        res
          .writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1' })
          .end(Buffer.from('<rss version="2.0"><channel><title>Caf\xe9</title></channel></rss>', 'latin1'));
        return;
      case '/blog/':
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="rss.xml"><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head></html>',
          );
        return;
      case '/based/':
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><head><base href="https://cdn.example/site/"><link rel="alternate" type="application/feed+json" href="feed.json"></head></html>');
        return;
      case '/to-blog':
        res.writeHead(301, { location: '/blog/' }).end();
        return;
      case '/moved':
        res.writeHead(308, { location: '/rss.xml' }).end();
        return;
      case '/moved-away':
        res.writeHead(301, { location: `${base}/gone.xml` }).end();
        return;
      case '/loop-a':
        res.writeHead(302, { location: '/loop-b' }).end();
        return;
      case '/loop-b':
        res.writeHead(302, { location: '/loop-a' }).end();
        return;
      case '/to-file':
        res.writeHead(302, { location: 'file:///etc/passwd' }).end();
        return;
      case '/to-data':
        res.writeHead(307, { location: `data:application/rss+xml,${encodeURIComponent(outputs.rss)}` }).end();
        return;
      case '/to-nothing':
        res.writeHead(302, { location: 'http://[::1' }).end();
        return;
      case '/bad-gzip':
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(outputs.rss);
        return;
      default: {
        // Each step of the chain redirects to the next, without end.
        const step = /^\/chain\/(\d+)$/.exec(req.url ?? '')?.[1];
        if (step !== undefined) res.writeHead(301, { location: `/chain/${Number(step) + 1}` }).end();
        else res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      }
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  dir = await mkdtemp(path.join(tmpdir(), 'storyfeed-verify-'));
  await writeFile(path.join(dir, 'rss.xml'), outputs.rss);
  await writeFile(path.join(dir, 'atom.xml'), outputs.atom);
  await writeFile(path.join(dir, 'feed.json'), outputs.json);
  await writeFile(path.join(dir, 'package.json'), '{\n  "name": "not-a-feed",\n  "version": "1.0.0"\n}\n');
  await writeFile(path.join(dir, 'truncated.xml'), outputs.atom.slice(0, 900));
  await writeFile(path.join(dir, 'notes.txt'), 'Shopping list: milk');
  await writeFile(path.join(dir, 'bad-date.json'), surgery(outputs.json, '"date_published": "2024-02-28T09:15:00.000Z"', '"date_published": "yesterday"'));
  await writeFile(path.join(dir, 'retitled.json'), surgery(outputs.json, '"title": "Gamma: a quiet night in Reni"', '"title": "Gamma: a loud night in Reni"'));
  await writeFile(path.join(dir, 'huge.xml'), '');
  await truncate(path.join(dir, 'huge.xml'), 50 * 1024 * 1024);
  await mkdir(path.join(dir, 'folder'));
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

const file = (name: string): string => path.join(dir, name);

describe('verifySources: files', () => {
  it('reads the three formats and cross-checks them as one feed', async () => {
    const result = await verifySources([file('rss.xml'), file('atom.xml'), file('feed.json')]);
    expect(result.ok).toBe(true);
    expect(result.sources.map((s) => [s.kind, s.ok, s.format, s.version, s.items, s.problems])).toEqual([
      ['file', true, 'rss', '2.0', 3, []],
      ['file', true, 'atom', '1.0', 3, []],
      ['file', true, 'json', '1.1', 3, []],
    ]);
    expect(result.cross).toHaveLength(1);
    expect(result.cross[0]!.sources).toEqual([file('rss.xml'), file('atom.xml'), file('feed.json')]);
    expect(result.cross[0]!.report.ok).toBe(true);
  });

  it('reports formats that disagree', async () => {
    const result = await verifySources([file('rss.xml'), file('retitled.json')]);
    expect(result.sources.every((s) => s.ok)).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.cross[0]!.report.problems).toEqual([
      {
        format: 'cross',
        itemId: 'https://news.example.com/2024/gamma',
        field: 'title (rss vs json)',
        expected: 'Gamma: a quiet night in Reni',
        actual: 'Gamma: a loud night in Reni',
      },
    ]);
  });

  it('reports spec problems with path and line', async () => {
    const [result] = (await verifySources([file('bad-date.json')])).sources;
    expect(result).toMatchObject({ ok: false, format: 'json' });
    expect(result!.problems).toEqual([
      {
        code: 'E_SPEC',
        severity: 'error',
        message: 'items[1].date_published: expected an RFC 3339 date, found "yesterday"',
        path: 'items[1].date_published',
        line: expect.any(Number),
        column: expect.any(Number),
      },
    ]);
  });

  it('gives a clear message for each kind of bad input, and never throws', async () => {
    const result = await verifySources([file('package.json'), file('truncated.xml'), file('notes.txt'), file('missing.xml'), file('huge.xml'), file('folder')], {
      maxBytes: 10 * 1024 * 1024,
    });
    expect(result.ok).toBe(false);
    const messages = result.sources.map((s) => [s.ok, s.problems.map((p) => `${p.code} ${p.message}`)]);
    expect(messages).toEqual([
      [false, ['E_FEED this is JSON but not a JSON Feed: "version" is "1.0.0" (expected "https://jsonfeed.org/version/1.1")']],
      [false, [expect.stringMatching(/^E_FEED the XML ends too early \(truncated\?\): <\w+> opened on line \d+ is never closed \(line \d+\)$/)]],
      [false, ['E_FEED this is not a feed: it starts with "Shopping list: milk" (expected XML or JSON)']],
      [false, [`E_IO no such file: ${file('missing.xml')}`]],
      [false, ['E_TOO_LARGE the file is 50 MB, larger than the 10 MB limit (raise --max-bytes)']],
      [false, [`E_IO ${file('folder')} is a folder, not a feed file`]],
    ]);
    expect(result.sources[1]!.problems[0]!.line).toBeGreaterThan(1);
  });
});

describe('verifySources: which sources are one feed (regression: a site\'s posts and its comments "disagreed")', () => {
  // The comments feed names the same home page as the posts feed, as WordPress's does; each entry is a comment.
  const comments = (entryId: string, title = 'Comments'): string => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${title}</title>
<link href="https://news.example.com/"/>
<link rel="self" href="https://news.example.com/comments.atom"/>
<id>https://news.example.com/comments.atom</id>
<updated>2024-03-01T10:00:00Z</updated>
<entry><title>On Gamma, by Ann</title><link href="https://news.example.com/2024/gamma#c1"/><id>${entryId}</id><updated>2024-03-01T10:00:00Z</updated><author><name>Ann</name></author><content>Thanks</content></entry>
</feed>
`;

  it('a feed of other entries of the same site is not compared with its posts: both pass', async () => {
    await writeFile(file('comments.atom'), comments('https://news.example.com/2024/gamma#c1'));
    const result = await verifySources([file('rss.xml'), file('comments.atom'), file('feed.json')]);
    expect(result.sources.map((s) => [s.format, s.ok])).toEqual([
      ['rss', true],
      ['atom', true],
      ['json', true],
    ]);
    expect(result.cross.map((c) => c.sources)).toEqual([[file('rss.xml'), file('feed.json')]]);
    expect(result.ok).toBe(true);
  });

  it('a feed of the same title sharing an entry with the posts is the same feed, and its differences are reported', async () => {
    const posts = (await verifySources([file('rss.xml')])).sources[0]!.feed!;
    await writeFile(file('overlapping.atom'), comments(posts.items[0]!.id!, posts.title));
    const result = await verifySources([file('rss.xml'), file('overlapping.atom')]);
    expect(result.cross.map((c) => c.sources)).toEqual([[file('rss.xml'), file('overlapping.atom')]]);
    expect(result.ok).toBe(false);
  });

  it('a feed of another title is another feed of the site, with entries in common (a category, a podcast) or none (new comments)', async () => {
    const posts = (await verifySources([file('rss.xml')])).sources[0]!.feed!;
    await writeFile(file('category.atom'), comments(posts.items[0]!.id!, `${posts.title}: Politics`));
    await writeFile(file('empty.atom'), comments('', 'Comments').replace(/<entry>.*<\/entry>\n/, ''));
    const result = await verifySources([file('rss.xml'), file('category.atom'), file('empty.atom'), file('feed.json')]);
    expect(result.cross.map((c) => c.sources)).toEqual([[file('rss.xml'), file('feed.json')]]);
    expect(result.ok).toBe(true);
  });
});

describe('verifySources: compressed sources (regression: a .gz feed was "invalid UTF-8 … Latin-1 or Windows-1252?")', () => {
  it('reads a gzip-compressed file decompressed, says so, and cross-checks it as any other', async () => {
    await writeFile(file('rss.xml.gz'), gzipSync(outputs.rss));
    await writeFile(file('feed.json.gz'), gzipSync(outputs.json));
    const result = await verifySources([file('rss.xml.gz'), file('feed.json.gz'), file('atom.xml')]);
    expect(result.ok).toBe(true);
    expect(result.sources.map((s) => [s.ok, s.format, s.items, s.compression, s.problems])).toEqual([
      [true, 'rss', 3, 'gzip', []],
      [true, 'json', 3, 'gzip', []],
      [true, 'atom', 3, undefined, []],
    ]);
    expect(result.sources[0]!.bytes).toBe(gzipSync(outputs.rss).length);
    expect(result.cross[0]!.report.ok).toBe(true);
  });

  it('refuses a file that decompresses past the size limit as soon as it passes it, and names a damaged one', async () => {
    // 48 KB that would inflate to 50 MB.
    await writeFile(file('bomb.xml.gz'), gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)));
    await writeFile(file('cut.xml.gz'), gzipSync(outputs.rss).subarray(0, 200));
    const result = await verifySources([file('bomb.xml.gz'), file('cut.xml.gz')], { maxBytes: 1024 * 1024 });
    expect(result.sources.map((s) => s.problems.map((p) => `${p.code} ${p.message}`))).toEqual([
      ['E_TOO_LARGE the file is gzip-compressed and decompressed is larger than the 1 MB limit (raise --max-bytes)'],
      ['E_FEED the file is gzip-compressed but cannot be decompressed (unexpected end of file): it is damaged or cut off'],
    ]);
  });

  it('names what a gzip stream holds when it is no feed: gzip again, a tar archive, another compressed format', async () => {
    // Regression: a twice-compressed file was read as text after one decompression ("invalid UTF-8 … Latin-1?").
    await writeFile(file('twice.xml.gz'), gzipSync(gzipSync(outputs.rss)));
    const tar = Buffer.alloc(1024);
    tar.write('rss.xml', 0);
    tar.write('ustar', 257);
    await writeFile(file('feeds.tar.gz'), gzipSync(tar));
    await writeFile(file('rss.zip.gz'), gzipSync(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x80, 0xff])));
    const result = await verifySources([file('twice.xml.gz'), file('feeds.tar.gz'), file('rss.zip.gz')]);
    expect(result.sources.map((s) => s.problems.map((p) => `${p.code} ${p.message}`))).toEqual([
      ['E_FEED the file is gzip-compressed twice: decompress it (gunzip) and verify the feed inside'],
      ['E_FEED the file is a gzip-compressed tar archive, not a feed: open it (tar -xzf) and verify the feed inside'],
      ['E_FEED the file is gzip-compressed, and what it holds is a zip archive, not a feed: open both and verify the feed inside'],
    ]);
  });

  it('names the other compressed formats, with the tool that opens them, instead of calling their bytes bad text', async () => {
    const packed = {
      'rss.xml.bz2': [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59],
      'rss.xml.xz': [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
      'rss.zip': [0x50, 0x4b, 0x03, 0x04],
      'rss.xml.zst': [0x28, 0xb5, 0x2f, 0xfd],
    };
    for (const [name, magic] of Object.entries(packed)) await writeFile(file(name), Buffer.concat([Buffer.from(magic), Buffer.from([0x80, 0xff, 0x00, 0x9c])]));
    const result = await verifySources(Object.keys(packed).map(file));
    expect(result.sources.map((s) => s.problems.map((p) => `${p.code} ${p.message}`))).toEqual([
      ['E_FEED the file is bzip2-compressed, not a feed: open it (bunzip2) and verify the feed inside'],
      ['E_FEED the file is xz-compressed, not a feed: open it (unxz) and verify the feed inside'],
      ['E_FEED the file is a zip archive, not a feed: open it (unzip) and verify the feed inside'],
      ['E_FEED the file is zstd-compressed, not a feed: open it (unzstd) and verify the feed inside'],
    ]);
  });

  it('calls an image or other binary file binary, not a feed, instead of advising to re-save it as UTF-8 (regression: a PNG was "invalid UTF-8 … is the file Latin-1?")', async () => {
    // A 1×1 PNG's opening (signature, then the IHDR chunk's length with its NUL bytes), and bytes with no signature, mostly NUL and controls.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0xff, 0x9c]);
    const blob = Buffer.from([0xc0, 0x01, 0x00, 0x00, 0x02, 0x03, 0x80, 0x04, 0x05, 0x06, 0xfe, 0x07]);
    await writeFile(file('picture.xml'), png);
    await writeFile(file('blob.xml'), blob);
    await writeFile(file('latin1.xml'), Buffer.from('<rss version="2.0"><channel><title>Caf\xe9</title></channel></rss>', 'latin1'));
    const result = await verifySources([file('picture.xml'), file('blob.xml'), file('latin1.xml')]);
    const [picture, binary, latin1] = result.sources.map((s) => s.problems.map((p) => `${p.code} ${p.message}`));
    for (const problems of [picture, binary]) {
      expect(problems).toHaveLength(1);
      expect(problems![0]).toMatch(/^E_FEED the file is binary .*, not a feed/);
    }
    // Text in another encoding is still an encoding problem.
    expect(latin1![0]).toMatch(/^E_ENCODING invalid UTF-8/);
  });

  it('reads a file: URL as the file it names, and says an address of another scheme is not fetched (regression: both were "no such file")', async () => {
    await writeFile(file('by-url.xml'), outputs.rss);
    const url = pathToFileURL(file('by-url.xml')).href;
    const result = await verifySources([url, 'ftp://feeds.example/rss.xml']);
    expect(result.sources[0]!.problems).toEqual([]);
    expect(result.sources[0]!.ok).toBe(true);
    expect(result.sources[1]!.problems.map((p) => `${p.code} ${p.message}`)).toEqual([
      'E_IO no such file: ftp://feeds.example/rss.xml (verify fetches http and https addresses only: download the feed and give its file)',
    ]);
  });

  it('reads a response sent gzip-compressed as a file (application/gzip, no Content-Encoding) decompressed, within the size limit', async () => {
    const gzipped =
      (body: string | Buffer): typeof fetch =>
      async () =>
        new Response(gzipSync(body), { status: 200, headers: { 'content-type': 'application/gzip' } });
    const [good] = (await verifySources(['https://feeds.example.com/rss.xml.gz'], { fetch: gzipped(outputs.rss) })).sources;
    expect(good).toMatchObject({ ok: true, format: 'rss', items: 3, compression: 'gzip' });
    const [bomb] = (await verifySources(['https://feeds.example.com/bomb.xml.gz'], { fetch: gzipped(Buffer.alloc(20 * 1024 * 1024, 0x20)), maxBytes: 1024 * 1024 })).sources;
    expect(bomb!.problems).toEqual([
      { code: 'E_FETCH', severity: 'error', message: 'the response is gzip-compressed and decompressed is larger than the 1 MB limit (raise --max-bytes)' },
    ]);
  });
});

describe('verifySources: URLs', () => {
  it('fetches feeds and cross-checks them with files', async () => {
    const result = await verifySources([`${base}/rss.xml`, file('atom.xml'), `${base}/feed.json`], { timeoutMs: 2000 });
    expect(result.sources.map((s) => [s.kind, s.ok, s.format])).toEqual([
      ['url', true, 'rss'],
      ['file', true, 'atom'],
      ['url', true, 'json'],
    ]);
    expect(result.cross[0]!.report.ok).toBe(true);
    expect(result.ok).toBe(true);
  });

  it('reports a 404', async () => {
    const [result] = (await verifySources([`${base}/nope.xml`])).sources;
    expect(result!.problems).toEqual([{ code: 'E_FETCH', severity: 'error', message: `HTTP 404 Not Found from ${base}/nope.xml` }]);
  });

  it('gives up on a server that never answers', async () => {
    const started = Date.now();
    const [result] = (await verifySources([`${base}/hang`], { timeoutMs: 300 })).sources;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result!.problems).toEqual([{ code: 'E_FETCH', severity: 'error', message: `no complete answer from ${base}/hang within 0.3 s (timeout; raise --timeout)` }]);
  });

  it('gives up on a body that stops arriving', async () => {
    const [result] = (await verifySources([`${base}/stall`], { timeoutMs: 300 })).sources;
    expect(result!.problems[0]).toMatchObject({ code: 'E_FETCH', message: expect.stringMatching(/timeout/) });
  });

  it('enforces the size cap while the body streams in', async () => {
    bigBytesSent = 0;
    const [result] = (await verifySources([`${base}/endless`], { timeoutMs: 5000, maxBytes: 1024 * 1024 })).sources;
    expect(result!.problems).toEqual([{ code: 'E_FETCH', severity: 'error', message: 'the response is larger than the 1 MB limit (raise --max-bytes)' }]);
    // The server would send forever: stopping at all proves the cap is checked as the bytes arrive.
    expect(bigBytesSent).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a response that announces too many bytes', async () => {
    const [result] = (await verifySources([`${base}/declared-big`], { maxBytes: 10 * 1024 * 1024 })).sources;
    expect(result!.problems).toEqual([{ code: 'E_FETCH', severity: 'error', message: 'the response is 50 MB, larger than the 10 MB limit (raise --max-bytes)' }]);
  });

  it('says when a URL is an HTML page', async () => {
    const [result] = (await verifySources([`${base}/page.html`])).sources;
    expect(result!.problems).toEqual([{ code: 'E_FEED', severity: 'error', message: 'this is an HTML page, not a feed (it links to a feed: https://x.org/atom.xml)', line: 1 }]);
  });

  it('names the feeds an HTML page links to as addresses to fetch, resolved against the page (they were given as written: "rss.xml")', async () => {
    const [page, redirected, based] = (await verifySources([`${base}/blog/`, `${base}/to-blog`, `${base}/based/`])).sources;
    const message = `this is an HTML page, not a feed (it links to feeds: ${base}/blog/rss.xml, ${base}/atom.xml)`;
    expect(page!.problems).toEqual([{ code: 'E_FEED', severity: 'error', message, line: 1 }]);
    expect(redirected!.problems).toEqual([{ code: 'E_FEED', severity: 'error', message, line: 1 }]);
    expect(based!.problems[0]!.message).toBe('this is an HTML page, not a feed (it links to a feed: https://cdn.example/site/feed.json)');
  });

  it('decodes a feed by the charset the server declares', async () => {
    const [result] = (await verifySources([`${base}/latin1.xml`])).sources;
    expect(result!.title).toBe('Café');
    expect(result!.problems.filter((p) => p.code === 'E_ENCODING')).toEqual([]);
  });

  it('reports bytes that are invalid in the encoding that applies (UTF-8 when nothing is declared)', async () => {
    const [result] = (await verifySources([`${base}/latin1-undeclared.xml`])).sources;
    expect(result!.ok).toBe(false);
    expect(result!.problems.map((p) => [p.code, p.severity])).toEqual([['E_ENCODING', 'error']]);
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [result] = (await verifySources([`http://127.0.0.1:${port}/feed.xml`], { timeoutMs: 2000 })).sources;
    expect(result!.problems).toEqual([{ code: 'E_FETCH', severity: 'error', message: `cannot fetch http://127.0.0.1:${port}/feed.xml: connection refused` }]);
  });

  it('follows redirects, and names the URL that failed after them', async () => {
    const [moved, away] = (await verifySources([`${base}/moved`, `${base}/moved-away`], { timeoutMs: 5000 })).sources;
    expect(moved).toMatchObject({ ok: true, format: 'rss' });
    expect(away!.problems).toEqual([{ code: 'E_FETCH', severity: 'error', message: `HTTP 404 Not Found from ${base}/gone.xml (redirected from ${base}/moved-away)` }]);
  });

  it('says what is wrong with a redirect it does not follow: a loop, no end, no http(s) URL (it said "redirect count exceeded" or "URL scheme must be a HTTP(S) scheme")', async () => {
    const urls = ['loop-a', 'chain/0', 'to-file', 'to-data', 'to-nothing'].map((p) => `${base}/${p}`);
    const messages = (await verifySources(urls, { timeoutMs: 5000 })).sources.map((s) => s.problems.map((p) => [p.code, p.message]));
    expect(messages).toEqual([
      [['E_FETCH', `${base}/loop-a redirects in a loop: ${base}/loop-a → ${base}/loop-b → ${base}/loop-a`]],
      [['E_FETCH', `${base}/chain/0 redirects more than 20 times (the last to ${base}/chain/21)`]],
      [['E_FETCH', `${base}/to-file redirects (HTTP 302) to file:///etc/passwd, which is not an http(s) URL: storyfeed follows redirects only to http and https`]],
      [['E_FETCH', expect.stringMatching(new RegExp(`^${base}/to-data redirects \\(HTTP 307\\) to data:application/rss\\+xml,.{100,200}…, which is not an http\\(s\\) URL`))]],
      [['E_FETCH', `${base}/to-nothing redirects (HTTP 302) to "http://[::1", which is not a URL`]],
    ]);
  });

  it('says when a compressed response cannot be decompressed (it said "incorrect header check")', async () => {
    const [result] = (await verifySources([`${base}/bad-gzip`], { timeoutMs: 5000 })).sources;
    expect(result!.problems).toEqual([
      {
        code: 'E_FETCH',
        severity: 'error',
        message: `the response from ${base}/bad-gzip is sent compressed (Content-Encoding: gzip) but cannot be decompressed (incorrect header check): the server sends it damaged or labelled with the wrong encoding`,
      },
    ]);
  });

  it('says why a TLS connection failed, in one line (it gave OpenSSL\'s own lines, or "self-signed certificate")', async () => {
    // A certificate signed by its own key for 127.0.0.1 and localhost, valid from 2000 to 2100; for this test only.
    const key = [
      '-----BEGIN PRIVATE KEY-----',
      'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgtMk+KmSr512dRlzK',
      'p8sDsGmFUIdstvAZTxwvNILHL+ShRANCAAR0nltSOG1NKEHOvdlKE6Tf7sbGkQmG',
      'tGZ27UGt0+8kL1jSCpZf3a9j3Eg0KUr01dK/pdfMTFyXzrvlqdQvQSn6',
      '-----END PRIVATE KEY-----',
    ].join('\n');
    const cert = [
      '-----BEGIN CERTIFICATE-----',
      'MIIBZzCCAQ2gAwIBAgIBATAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAlsb2NhbGhv',
      'c3QwIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM',
      'CWxvY2FsaG9zdDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABHSeW1I4bU0oQc69',
      '2UoTpN/uxsaRCYa0ZnbtQa3T7yQvWNIKll/dr2PcSDQpSvTV0r+l18xMXJfOu+Wp',
      '1C9BKfqjTjBMMBoGA1UdEQQTMBGHBH8AAAGCCWxvY2FsaG9zdDAPBgNVHRMBAf8E',
      'BTADAQH/MB0GA1UdDgQWBBRkiV0nQ/BoLOYddzWgaH654hs5DDAKBggqhkjOPQQD',
      'AgNIADBFAiBV2heQMAPurH4JMkAwFMmqzbOm4I3WamXapgsLJXFdoQIhALf6v0cY',
      '0ER1pSl+CdcCX/QWRIPsbeClchBtVOn2bwlC',
      '-----END CERTIFICATE-----',
    ].join('\n');
    const tls = createTlsServer({ key, cert }, (_req, res) => res.end(outputs.rss));
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const selfSigned = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/rss.xml`;
      const plain = `${base.replace('http:', 'https:')}/rss.xml`;
      const messages = (await verifySources([selfSigned, plain], { timeoutMs: 5000 })).sources.map((s) => s.problems.map((p) => p.message));
      expect(messages).toEqual([
        [`cannot fetch ${selfSigned}: its TLS certificate is self-signed, so the server is not trusted; if you trust it, give its certificate authority in NODE_EXTRA_CA_CERTS`],
        [`cannot fetch ${plain}: the server does not answer in TLS (is the URL http:// rather than https://, or the port wrong?)`],
      ]);
    } finally {
      tls.closeAllConnections();
      await new Promise<void>((resolve) => tls.close(() => resolve()));
    }
  });

  it('uses the fetch it is given', async () => {
    const fake: typeof fetch = async () => new Response(outputs.json, { status: 200 });
    const result = await verifySources(['https://feeds.example.com/feed.json'], { fetch: fake });
    expect(result.sources[0]).toMatchObject({ ok: true, format: 'json', items: 3, bytes: Buffer.byteLength(outputs.json) });
  });

  it('fetches a long list of URLs a few at a time, and gives the results in the order given (it fetched every one at once)', async () => {
    let inFlight = 0;
    let most = 0;
    const fake: typeof fetch = async (input) => {
      inFlight++;
      most = Math.max(most, inFlight);
      // Answer after other requests had their chance to start.
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      const n = Number(String(input).match(/(\d+)\.json$/)![1]);
      return new Response(n % 2 ? outputs.json : '{"nothing": true}', { status: 200, headers: { 'content-type': 'application/feed+json' } });
    };
    const urls = Array.from({ length: 200 }, (_, i) => `https://feeds.example.com/${i}.json`);
    const result = await verifySources(urls, { fetch: fake });
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(8);
    expect(result.sources.map((s) => s.source)).toEqual(urls);
    expect(result.sources.map((s) => s.ok)).toEqual(urls.map((_, i) => i % 2 === 1));
  });
});
