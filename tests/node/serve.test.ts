import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderHandler, serveFolder } from '../../src/node/serve.js';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-serve-'));
  mkdirSync(path.join(dir, 'public'));
  writeFileSync(path.join(dir, 'public', 'rss.xml'), `<rss version="2.0">${'<item/>'.repeat(100)}</rss>`);
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 'public', 'leak.txt'));
  server = await serveFolder({ root: path.join(dir, 'public'), port: 0 });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serveFolder', () => {
  it('serves files with Last-Modified from the file and Brotli when asked', async () => {
    const r = await fetch(`${base}/rss.xml`, { headers: { 'accept-encoding': 'br' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('last-modified')).toMatch(/GMT$/);
    expect(r.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    // fetch decodes br itself; the raw size tells it was compressed
    expect(Number(r.headers.get('content-length'))).toBeLessThan(200);
    expect(await r.text()).toContain('<item/>');
  });

  it('does not follow a symlink out of the folder, nor ../', async () => {
    expect((await fetch(`${base}/leak.txt`)).status).toBe(404);
    expect((await fetch(`${base}/../secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
  });

  it('answers 304 to a second poll with the ETag', async () => {
    const first = await fetch(`${base}/rss.xml`);
    await first.arrayBuffer();
    const second = await fetch(`${base}/rss.xml`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(second.status).toBe(304);
  });

  it('serves a rewritten or replaced file fresh: the per-version cache never serves an old version', async () => {
    const file = path.join(dir, 'public', 'versioned.xml');
    writeFileSync(file, '<rss version="2.0"><channel><title>one</title></channel></rss>');
    const first = await fetch(`${base}/versioned.xml`);
    expect(await first.text()).toContain('one');
    writeFileSync(file, '<rss version="2.0"><channel><title>second</title></channel></rss>');
    const second = await fetch(`${base}/versioned.xml`);
    expect(await second.text()).toContain('second');
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
    writeFileSync(`${file}.tmp`, '<rss version="2.0"><channel><title>third</title></channel></rss>');
    renameSync(`${file}.tmp`, file);
    expect(await (await fetch(`${base}/versioned.xml`)).text()).toContain('third');
  });
});

describe('createFolderHandler and serveFolder options', () => {
  it('are checked before anything starts: E_CONFIG naming the option, never a TypeError', async () => {
    for (const options of [undefined, null, 'public', {}, { root: 5 }]) {
      expect(() => createFolderHandler(options as never)).toThrow(expect.objectContaining({ code: 'E_CONFIG' }));
      await expect(serveFolder(options as never)).rejects.toMatchObject({ code: 'E_CONFIG' });
    }
    for (const [extra, message] of [
      [{ port: 70000 }, 'options.port'],
      [{ port: '80' }, 'options.port'],
      [{ host: 5 }, 'options.host'],
      [{ log: 'yes' }, 'options.log'],
      [{ cors: 'yes' }, 'options.cors'],
    ] as const) {
      await expect(serveFolder({ root: 'public', ...(extra as object) } as never)).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringContaining(message) });
    }
  });
});
