import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { costGrowth } from '../support/linear.js';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-verify-'));
  cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  cpSync(path.join(root, 'storyfeed.config.json'), path.join(dir, 'storyfeed.config.json'));
  expect((await cli(['build', '-q'], { cwd: dir })).code).toBe(0);
  server = createServer((req, res) => {
    if (req.url === '/slow') return; // never answers
    res.statusCode = 404;
    res.end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('storyfeed verify', () => {
  it('reads a file: URL as the file it names, and says an ftp:// address is not fetched, never taking either for a relative path', async () => {
    const url = pathToFileURL(path.join(dir, 'public', 'rss.xml')).href;
    const run = await cli(['verify', url, 'ftp://feeds.example/rss.xml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain(`✓ ${url}: RSS 2.0`);
    expect(run.stderr).toContain('no such file: ftp://feeds.example/rss.xml (verify fetches http and https addresses only');
  });

  it('passes our own feeds and cross-checks the formats', async () => {
    const run = await cli(['verify', 'public/rss.xml', 'public/atom.xml', 'public/feed.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ public/rss.xml = public/atom.xml = public/feed.json: the same items in the same order');
    expect(run.stdout).toContain('All 3 feed(s) OK.');
  });

  it('reads standard input for - (curl … | storyfeed verify -), once however often it is named, within --max-bytes', async () => {
    const rss = readFileSync(path.join(dir, 'public', 'rss.xml'));
    let reads = 0;
    // The bytes in small chunks, as a pipe gives them.
    const stdin = () => {
      reads++;
      return (async function* () {
        for (let at = 0; at < rss.length; at += 1000) yield rss.subarray(at, at + 1000);
      })();
    };
    const run = await cli(['verify', '-', 'public/atom.xml'], { cwd: dir, stdin });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^✓ -: RSS 2\.0, \d+ item\(s\)/m);
    expect(run.stdout).toContain('✓ - = public/atom.xml: the same items in the same order');
    expect(reads).toBe(1);
    const twice = await cli(['verify', '-', '-'], { cwd: dir, stdin });
    expect(twice.code, twice.stderr).toBe(0);
    expect(reads).toBe(2);
    const large = await cli(['verify', '-', '--max-bytes', '2000'], { cwd: dir, stdin });
    expect(large.code).toBe(1);
    expect(large.stderr).toContain('standard input is larger than the 2.0 KB limit (raise --max-bytes)');
    // Without a standard input to read, - is a file of that name.
    const none = await cli(['verify', '-'], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no such file');
  });

  it('reads a gzip-compressed feed file decompressed and says so (regression: its bytes were called invalid UTF-8, "Latin-1 or Windows-1252?")', async () => {
    writeFileSync(path.join(dir, 'rss.xml.gz'), gzipSync(readFileSync(path.join(dir, 'public', 'rss.xml'))));
    const run = await cli(['verify', 'rss.xml.gz'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^✓ rss\.xml\.gz: RSS 2\.0 \(gzip-compressed\), \d+ item\(s\)/);
    const json = JSON.parse((await cli(['verify', 'rss.xml.gz', '--json'], { cwd: dir })).stdout) as { sources: { compression?: string }[] };
    expect(json.sources[0]!.compression).toBe('gzip');
  });

  it('explains each kind of bad input without a stack trace, and exits 1', async () => {
    writeFileSync(path.join(dir, 'page.html'), '<!doctype html><html><body>Hello</body></html>');
    writeFileSync(path.join(dir, 'cut.xml'), '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title>');
    writeFileSync(path.join(dir, 'data.json'), '{"name": "not a feed"}');
    writeFileSync(path.join(dir, 'other.xml'), '<?xml version="1.0"?><opml version="2.0"/>');
    const run = await cli(['verify', 'page.html', 'cut.xml', 'data.json', 'other.xml', `${base}/missing.xml`, '--timeout', '3000'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('page.html:1: this is an HTML page, not a feed');
    expect(run.stderr).toMatch(/cut\.xml:\d+: .*(truncated|end of|unclosed)/i);
    expect(run.stderr).toMatch(/data\.json.*not a JSON Feed/i);
    expect(run.stderr).toMatch(/other\.xml.*(opml|not an? (RSS|feed))/i);
    expect(run.stderr).toMatch(/missing\.xml.*404/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('gives up on a URL that never answers, and on files over the size cap', async () => {
    writeFileSync(path.join(dir, 'big.xml'), Buffer.alloc(2048, 'a'));
    const run = await cli(['verify', `${base}/slow`, 'big.xml', '--timeout', '300', '--max-bytes', '1024'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/slow.*(timed out|timeout|no answer)/i);
    expect(run.stderr).toMatch(/big\.xml.*(larger|size|limit|cap)/i);
  });

  it('names each source as given in time linear in the number of sources (each message was searched for every source path)', async () => {
    const items = Array.from({ length: 1_000 }, (_, i) => `<item><title>${i}</title><guid>${i}</guid></item>`).join('\n');
    const feed = `<rss version="2.0"><channel><title>T</title><link>https://ex.com/</link><description>D</description>\n${items}</channel></rss>`;
    for (let i = 0; i < 400; i++) writeFileSync(path.join(dir, `many-${i}.xml`), feed);
    const run = async (count: number): Promise<void> => {
      const result = await cli(['verify', ...Array.from({ length: count }, (_, i) => `many-${i}.xml`)], { cwd: dir });
      expect(result.stderr).toContain(`${count} of ${count} feed(s) failed.`);
    };
    await run(2);
    const named = await cli(['verify', 'many-0.xml', 'no-such.xml'], { cwd: dir });
    expect(named.stderr).toContain('error no-such.xml: no such file: no-such.xml [E_IO]');
    expect(await costGrowth(run, 20, 400, 2.5)).toBeLessThanOrEqual(2.5);
  }, 300_000);

  it('prints JSON with --json, and refuses bad flags with exit 2', async () => {
    const run = await cli(['verify', 'public/feed.json', '--json'], { cwd: dir });
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, sources: [{ source: 'public/feed.json', format: 'json', items: 1 }] });
    expect((await cli(['verify', 'x', '--timeout', 'soon'], { cwd: dir })).code).toBe(2);
  });
});
