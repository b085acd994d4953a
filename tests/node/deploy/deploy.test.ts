import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoryfeedError } from '../../../src/errors.js';
import { deploy, deployableFiles, type ObjectStore, type PutHeaders } from '../../../src/node/index.js';
import { publishFiles } from '../../../src/node/publish.js';

/**
 * deploy()'s decisions over an in-memory store that keeps what S3 keeps (bytes, headers, metadata,
 * an ETag of the bytes) and logs every request, so order and ownership can be checked exactly.
 * The same behaviour against a real store is in tests/deploy/.
 */
interface Stored {
  body: Uint8Array;
  headers: PutHeaders;
  etag: string;
}

class MemoryStore implements ObjectStore {
  readonly objects = new Map<string, Stored>();
  readonly log: string[] = [];
  failPut: (path: string) => boolean = () => false;

  async list() {
    return [...this.objects].map(([p, o]) => ({ path: p, etag: o.etag }));
  }
  async head(p: string) {
    const o = this.objects.get(p);
    return o && { etag: o.etag, metadata: { ...o.headers.metadata } };
  }
  async get(p: string) {
    return this.objects.get(p)?.body;
  }
  async put(p: string, body: Uint8Array, headers: PutHeaders) {
    this.log.push(`put ${p}`);
    if (this.failPut(p)) throw new StoryfeedError('E_DEPLOY_NETWORK', `uploading ${p}: connection reset`);
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    this.objects.set(p, { body, headers, etag });
    return etag;
  }
  async delete(p: string) {
    this.log.push(`delete ${p}`);
    this.objects.delete(p);
  }
  close() {}
  userPut(p: string, text: string) {
    this.objects.set(p, { body: new TextEncoder().encode(text), headers: { contentType: 'text/plain', cacheControl: '', metadata: {} }, etag: '"user"' });
  }
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-deploy-unit-'));
  dirs.push(dir);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

const BUILD = {
  'rss.xml': '<rss/>',
  'atom.xml': '<feed/>',
  'feed.json': '{}',
  'index.html': '<html></html>',
  'feed.xsl': '<xsl/>',
  'archive/1/rss.xml': '<rss>1</rss>',
  'archive/2/rss.xml': '<rss>2</rss>',
  'tags/nato/rss.xml': '<rss>nato</rss>',
  'authors/jane/atom.xml': '<feed>jane</feed>',
  'images/logo.png': 'png',
  '.storyfeed-manifest.json': '{}',
  '.cache/x.json': '{}',
};
const STAGE_OF = (p: string): number =>
  p.startsWith('archive/') || p.startsWith('images/') ? 0 : p.startsWith('tags/') || p.startsWith('authors/') ? 1 : ['rss.xml', 'atom.xml', 'feed.json'].includes(p) ? 2 : 3;
const puts = (store: MemoryStore): string[] => store.log.filter((l) => l.startsWith('put ') && !l.endsWith('.storyfeed-deploy.json')).map((l) => l.slice(4));

describe('deployableFiles', () => {
  it('lists every regular file but dot-files and dot-folders, sorted', async () => {
    const dir = site(BUILD);
    expect((await deployableFiles(dir)).map((f) => f.path)).toEqual(
      Object.keys(BUILD)
        .filter((p) => !p.startsWith('.'))
        .sort(),
    );
  });

  it('names the folder in an E_IO error when it is missing', async () => {
    await expect(deployableFiles('/nonexistent/storyfeed-out')).rejects.toMatchObject({ code: 'E_IO' });
  });

  it("deploys only the files storyfeed's ownership record lists, never the user's own files in the folder", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'storyfeed-deploy-owned-'));
    dirs.push(parent);
    const out = path.join(parent, 'public');
    mkdirSync(path.join(out, 'css'), { recursive: true });
    writeFileSync(path.join(out, 'css', 'site.css'), 'body {}');
    writeFileSync(path.join(out, 'robots.txt'), 'User-agent: *');
    await publishFiles(out, { 'rss.xml': '<rss/>', 'tags/nato/rss.xml': '<rss>nato</rss>', '.storyfeed-manifest.json': '{}' });
    expect((await deployableFiles(out)).map((f) => f.path)).toEqual(['rss.xml', 'tags/nato/rss.xml']);
    // A storyfeed file the user edited since is the user's: not deployed.
    writeFileSync(path.join(out, 'rss.xml'), '<rss>edited by hand</rss>');
    expect((await deployableFiles(out)).map((f) => f.path)).toEqual(['tags/nato/rss.xml']);
  });
});

describe('deploy over an object store', () => {
  it('uploads stage by stage (archive and assets, tag and author feeds, main feeds, index page and stylesheet)', async () => {
    const store = new MemoryStore();
    const summary = await deploy({ outDir: site(BUILD), bucket: 'b', store, concurrency: 4 });
    const order = puts(store);
    expect(order.sort()).toEqual(
      Object.keys(BUILD)
        .filter((p) => !p.startsWith('.'))
        .sort(),
    );
    const logged = puts(store);
    for (let i = 1; i < logged.length; i++) expect(STAGE_OF(logged[i]!)).toBeGreaterThanOrEqual(STAGE_OF(logged[i - 1]!));
    expect(summary.uploaded).toHaveLength(10);
    expect(store.objects.get('archive/1/rss.xml')!.headers.cacheControl).toBe('public, max-age=31536000, immutable');
    expect(store.objects.get('archive/2/rss.xml')!.headers.cacheControl).toBe('public, max-age=300');
  });

  it('a failed upload stops before the next stage and deletes nothing', async () => {
    const dir = site(BUILD);
    const store = new MemoryStore();
    await deploy({ outDir: dir, bucket: 'b', store });
    rmSync(path.join(dir, 'authors'), { recursive: true });
    writeFileSync(path.join(dir, 'tags/nato/rss.xml'), '<rss>nato 2</rss>');
    writeFileSync(path.join(dir, 'rss.xml'), '<rss>2</rss>');
    store.log.length = 0;
    store.failPut = (p) => p === 'tags/nato/rss.xml';
    const failure = await deploy({ outDir: dir, bucket: 'b', store }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoryfeedError);
    expect((failure as StoryfeedError).code).toBe('E_DEPLOY_NETWORK');
    expect((failure as StoryfeedError).message).toContain('nothing was deleted');
    expect(puts(store)).toEqual(['tags/nato/rss.xml']);
    expect(store.log.some((l) => l.startsWith('delete'))).toBe(false);
    expect(store.objects.has('authors/jane/atom.xml')).toBe(true);

    store.failPut = () => false;
    const done = await deploy({ outDir: dir, bucket: 'b', store });
    expect(done.uploaded.map((u) => u.path)).toEqual(['tags/nato/rss.xml', 'rss.xml']);
    expect(done.deleted).toEqual(['authors/jane/atom.xml']);
  });

  it('never overwrites or deletes objects without storyfeed metadata, even when the record is lost', async () => {
    const dir = site(BUILD);
    const store = new MemoryStore();
    await deploy({ outDir: dir, bucket: 'b', store });
    store.userPut('notes.txt', 'mine');
    store.objects.set('.storyfeed-deploy.json', { ...store.objects.get('.storyfeed-deploy.json')!, body: new TextEncoder().encode('not json') });
    rmSync(path.join(dir, 'images'), { recursive: true });
    const summary = await deploy({ outDir: dir, bucket: 'b', store });
    expect(summary.uploaded).toEqual([]);
    expect(summary.deleted).toEqual(['images/logo.png']);
    expect(store.objects.has('notes.txt')).toBe(true);

    store.userPut('tags/nato/rss.xml', 'the publisher replaced this');
    const conflict = await deploy({ outDir: dir, bucket: 'b', store }).catch((e: unknown) => e);
    expect((conflict as StoryfeedError).code).toBe('E_DEPLOY_CONFLICT');
    expect((conflict as StoryfeedError).problems).toEqual(['tags/nato/rss.xml']);
  });

  it('cleans up what a stopped deploy uploaded when the build no longer produces it', async () => {
    const dir = site(BUILD);
    const store = new MemoryStore();
    await deploy({ outDir: dir, bucket: 'b', store });
    writeFileSync(path.join(dir, 'tags/new-tag.xml'), '<rss>new</rss>');
    store.failPut = (p) => p === 'rss.xml';
    writeFileSync(path.join(dir, 'rss.xml'), '<rss>changed</rss>');
    await expect(deploy({ outDir: dir, bucket: 'b', store })).rejects.toMatchObject({ code: 'E_DEPLOY_NETWORK' });
    expect(store.objects.has('tags/new-tag.xml')).toBe(true);
    store.failPut = () => false;
    rmSync(path.join(dir, 'tags/new-tag.xml'));
    const summary = await deploy({ outDir: dir, bucket: 'b', store });
    expect(summary.deleted).toEqual(['tags/new-tag.xml']);
    expect(summary.uploaded.map((u) => u.path)).toEqual(['rss.xml']);
  });

  it('reports progress for every upload and delete', async () => {
    const dir = site(BUILD);
    const store = new MemoryStore();
    const events: string[] = [];
    await deploy({ outDir: dir, bucket: 'b', store, onProgress: (p) => events.push(`${p.action} ${p.done}/${p.total}`) });
    expect(events).toHaveLength(10);
    expect(events[9]).toBe('upload 10/10');
    rmSync(path.join(dir, 'feed.xsl'));
    events.length = 0;
    await deploy({ outDir: dir, bucket: 'b', store, onProgress: (p) => events.push(`${p.action} ${p.done}/${p.total}`) });
    expect(events).toEqual(['delete 1/1']);
  });

  it('refuses a hub without a public URL before touching the store', async () => {
    const store = new MemoryStore();
    await expect(deploy({ outDir: site(BUILD), bucket: 'b', store, hub: 'https://hub.example/' })).rejects.toMatchObject({ code: 'E_USAGE' });
    expect(store.log).toEqual([]);
  });

  it('--dry-run changes nothing', async () => {
    const store = new MemoryStore();
    const summary = await deploy({ outDir: site(BUILD), bucket: 'b', store, dryRun: true });
    expect(summary.dryRun).toBe(true);
    expect(summary.uploaded).toHaveLength(10);
    expect(store.log).toEqual([]);
  });
});
