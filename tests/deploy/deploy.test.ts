import { gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { readWithFeedparser } from '../support/readers.js';
import { startInterruptingProxy } from './interrupting-proxy.js';
import { makeContainerPublic } from './store.js';
import {
  buildSite,
  changedPaths,
  createBucket,
  createSite,
  deployEnv,
  exists,
  expectedStage,
  getBytes,
  headObject,
  listKeys,
  putUserObject,
  runDeploy,
  snapshot,
  spawnDeploy,
  STAGE_RANK,
  storeClient,
  type DeploySummaryJson,
  type TestSite,
} from './support.js';

/**
 * `storyfeed deploy` against a real S3-compatible store (OpenStack Swift with s3api, started by
 * global-setup.ts): the CLI runs as a child process with credentials in its environment only.
 * The tests in this file build on each other, in order, like a publisher's days.
 */
const store = inject('deployStore');
const BUCKET = 'storyfeed-deploy';
const PREFIX = 'news/';
const RECORD = '.storyfeed-deploy.json';
const USER_OBJECTS = ['notes/readme.txt', 'tags/hand-made.xml'];
const EDITED_SEED = 'seeds/nato-north-korea-troops.txt';
const REMOVED_SEED = 'seeds/front-matter.md';

let client: S3Client;
let site: TestSite;
let hub: http.Server;
let hubUrl: string;
const pings: string[] = [];

/** Every stage of a sequence of uploads is at least the stage before it. */
function expectReaderSafeOrder(uploaded: DeploySummaryJson['uploaded']): void {
  const ranks = uploaded.map((u) => STAGE_RANK[expectedStage(u.path)]!);
  for (let i = 1; i < ranks.length; i++) expect(ranks[i], `${uploaded[i]!.path} after ${uploaded[i - 1]!.path}`).toBeGreaterThanOrEqual(ranks[i - 1]!);
  for (const u of uploaded) expect(u.stage).toBe(expectedStage(u.path));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function editSeed(file: string, from: string, to: string): void {
  const seed = path.join(site.dir, file);
  const text = readFileSync(seed, 'utf8');
  expect(text).toContain(from);
  writeFileSync(seed, text.replace(from, to));
}

beforeAll(async () => {
  client = storeClient(store.endpoint);
  await createBucket(client, BUCKET);
  hub = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const topic = new URLSearchParams(body).get('hub.url');
      if (topic) pings.push(topic);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
  site = createSite({ bucket: BUCKET, prefix: PREFIX, endpoint: store.endpoint, pathStyle: true }, { hub: hubUrl });
  await buildSite(site);
  for (const key of USER_OBJECTS) await putUserObject(client, BUCKET, PREFIX + key, `a file the publisher put here: ${key}\n`);
});

afterAll(async () => {
  client?.destroy();
  await new Promise((resolve) => hub?.close(resolve));
  if (site) rmSync(site.dir, { recursive: true, force: true });
});

describe('storyfeed deploy to OpenStack Swift (s3api)', () => {
  let first: Map<string, string>;

  it('first deploy of the seeds + fixtures build uploads every file, stage by stage', async () => {
    first = snapshot(site.out);
    expect([...first.keys()].some((p) => p.startsWith('archive/'))).toBe(true);
    expect([...first.keys()].some((p) => p.startsWith('tags/'))).toBe(true);
    expect([...first.keys()].some((p) => p.startsWith('authors/'))).toBe(true);
    const run = await runDeploy(site, []);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const summary = run.summary!;
    expect(summary.uploaded.map((u) => u.path).sort()).toEqual([...first.keys()].sort());
    expect(summary.unchanged).toBe(0);
    expect(summary.deleted).toEqual([]);
    expect(summary.foreign).toBe(USER_OBJECTS.length);
    expectReaderSafeOrder(summary.uploaded);
    expect(await listKeys(client, BUCKET, PREFIX)).toEqual([...first.keys(), ...USER_OBJECTS, RECORD].sort());
    for (const p of ['rss.xml', 'archive/1/atom.xml', 'index.html']) {
      expect(Buffer.from(await getBytes(client, BUCKET, PREFIX + p)).equals(readFileSync(path.join(site.out, p)))).toBe(true);
    }
  });

  it('HEAD reads back the content type of serve, the cache header of each kind and the content hash', async () => {
    const archivePages = [...first.keys()]
      .filter((p) => /^archive\/\d+\/rss\.xml$/.test(p))
      .map((p) => Number(p.split('/')[1]))
      .sort((a, b) => a - b);
    expect(archivePages.length).toBeGreaterThanOrEqual(2);
    const newest = archivePages[archivePages.length - 1];
    const expected: [string, string, string][] = [
      ['rss.xml', 'application/rss+xml; charset=utf-8', 'public, max-age=300'],
      ['atom.xml', 'application/atom+xml; charset=utf-8', 'public, max-age=300'],
      ['feed.json', 'application/feed+json; charset=utf-8', 'public, max-age=300'],
      ['authors/olena-marchenko/atom.xml', 'application/atom+xml; charset=utf-8', 'public, max-age=300'],
      ['archive/1/rss.xml', 'application/rss+xml; charset=utf-8', 'public, max-age=31536000, immutable'],
      [`archive/${newest}/feed.json`, 'application/feed+json; charset=utf-8', 'public, max-age=300'],
      ['index.html', 'text/html; charset=utf-8', 'public, max-age=3600'],
      ['feed.xsl', 'text/xsl; charset=utf-8', 'public, max-age=3600'],
    ];
    for (const [p, type, cache] of expected) {
      const head = await headObject(client, BUCKET, PREFIX + p);
      expect([p, head.ContentType, head.CacheControl]).toEqual([p, type, cache]);
      expect(head.ContentEncoding).toBeUndefined();
      expect(head.Metadata?.['storyfeed-sha256']).toBe(first.get(p));
    }
  });

  it('a second deploy after editing one seed uploads only the changed objects, in reader-safe order, and pings the hub for the changed feeds', async () => {
    editSeed(EDITED_SEED, 'Connolly explained.', 'Connolly explained on Monday.');
    await buildSite(site);
    const second = snapshot(site.out);
    const changed = changedPaths(first, second);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(second.size / 2);
    pings.length = 0;
    const run = await runDeploy(site, []);
    expect(run.code, run.stderr).toBe(0);
    const summary = run.summary!;
    expect(summary.uploaded).toHaveLength(changed.length);
    expect(summary.uploaded.map((u) => u.path).sort()).toEqual(changed);
    expect(summary.unchanged).toBe(second.size - changed.length);
    expect(summary.deleted).toEqual([]);
    expectReaderSafeOrder(summary.uploaded);
    const changedFeeds = changed.filter((p) => /(rss\.xml|atom\.xml|feed\.json)$/.test(p) && !p.startsWith('archive/'));
    const topics = changedFeeds.map((p) => new URL(p, 'https://news.example.com/').href).sort();
    expect(summary.pinged).toEqual(topics);
    expect(pings.sort()).toEqual(topics);
    for (const p of changed) expect((await headObject(client, BUCKET, PREFIX + p)).Metadata?.['storyfeed-sha256']).toBe(second.get(p));
    first = second;
  });

  it('a deploy with nothing changed uploads nothing and pings nobody', async () => {
    pings.length = 0;
    const run = await runDeploy(site, []);
    expect(run.code, run.stderr).toBe(0);
    expect(run.summary!.uploaded).toEqual([]);
    expect(run.summary!.unchanged).toBe(first.size);
    expect(pings).toEqual([]);
  });

  it('a removed seed has its objects deleted; objects storyfeed did not upload survive', async () => {
    rmSync(path.join(site.dir, REMOVED_SEED));
    await buildSite(site);
    const third = snapshot(site.out);
    const gone = [...first.keys()].filter((p) => !third.has(p)).sort();
    expect(gone.length).toBeGreaterThan(0);
    expect(gone).toContain('authors/olena-marchenko/rss.xml');
    const run = await runDeploy(site, []);
    expect(run.code, run.stderr).toBe(0);
    expect(run.summary!.deleted).toEqual(gone);
    expect(run.summary!.uploaded.map((u) => u.path).sort()).toEqual(changedPaths(first, third));
    expectReaderSafeOrder(run.summary!.uploaded);
    expect(await listKeys(client, BUCKET, PREFIX)).toEqual([...third.keys(), ...USER_OBJECTS, RECORD].sort());
    for (const key of USER_OBJECTS) expect(await exists(client, BUCKET, PREFIX + key)).toBe(true);
    first = third;
  });

  it('a deploy killed mid-way is completed by the next one, which uploads only what is still missing', async () => {
    // A new Cache-Control for feeds changes every feed object: a long deploy to interrupt.
    const before = await listKeys(client, BUCKET, PREFIX);
    let killed = false;
    let child: ReturnType<typeof spawnDeploy>['child'] | undefined;
    const proxy = await startInterruptingProxy(
      store.endpoint,
      5,
      () => {
        killed = child?.kill('SIGKILL') ?? false;
      },
      RECORD,
    );
    try {
      const started = spawnDeploy(site, ['--endpoint', proxy.endpoint, '--concurrency', '1', '--cache-feeds', 'public, max-age=120']);
      child = started.child;
      const run = await started.done;
      expect(killed).toBe(true);
      expect(run.signal).toBe('SIGKILL');
    } finally {
      await proxy.close();
    }
    expect(proxy.forwarded).toHaveLength(5);
    const interrupted = proxy.forwarded.map((k) => k.replace(`/${BUCKET}/${PREFIX}`, ''));
    // Nothing was deleted, and the stopped deploy's record names what it was about to upload.
    expect(await listKeys(client, BUCKET, PREFIX)).toEqual(before);
    const record = JSON.parse(Buffer.from(await getBytes(client, BUCKET, PREFIX + RECORD)).toString()) as { pending: string[] };
    for (const p of interrupted) expect(record.pending).toContain(p);

    const feedsNow = [...first.keys()].filter((p) => /(rss\.xml|atom\.xml|feed\.json)$/.test(p));
    const newest = Math.max(...[...new Set(feedsNow.filter((p) => p.startsWith('archive/')).map((p) => Number(p.split('/')[1])))]);
    const closedArchive = feedsNow.filter((p) => p.startsWith('archive/') && !p.startsWith(`archive/${newest}/`));
    const expectedRest = feedsNow.filter((p) => !closedArchive.includes(p) && !interrupted.includes(p)).sort();
    const resumed = await runDeploy(site, ['--cache-feeds', 'public, max-age=120']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.summary!.uploaded.map((u) => u.path).sort()).toEqual(expectedRest);
    expectReaderSafeOrder(resumed.summary!.uploaded);
    expect(resumed.summary!.deleted).toEqual([]);
    for (const p of feedsNow) {
      const head = await headObject(client, BUCKET, PREFIX + p);
      expect([p, head.CacheControl]).toEqual([p, closedArchive.includes(p) ? 'public, max-age=31536000, immutable' : 'public, max-age=120']);
      expect(head.Metadata?.['storyfeed-sha256']).toBe(first.get(p));
    }
    const after = JSON.parse(Buffer.from(await getBytes(client, BUCKET, PREFIX + RECORD)).toString()) as { pending: string[]; objects: Record<string, unknown> };
    expect(after.pending).toEqual([]);
    expect(Object.keys(after.objects).sort()).toEqual([...first.keys()].sort());
    // And the configured Cache-Control again: back to the defaults, by the same incremental rule.
    expect((await runDeploy(site, [])).code).toBe(0);
  });

  it('feedparser reads the deployed feeds through the store’s HTTP endpoint', async () => {
    await makeContainerPublic({ ...store, stop: async () => undefined }, BUCKET);
    for (const file of ['rss.xml', 'atom.xml']) {
      const url = `${store.swiftUrl}/${BUCKET}/${PREFIX}${file}`;
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(file === 'rss.xml' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8');
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(path.join(site.out, file)))).toBe(true);
      const read = await readWithFeedparser(url, { sanitizeHtml: false, resolveRelativeUris: false });
      expect(read.bozo, read.bozoException ?? '').toBe(false);
      const local = readFileSync(path.join(site.out, file), 'utf8');
      const items = (local.match(file === 'rss.xml' ? /<item>/g : /<entry>/g) ?? []).length;
      expect(items).toBe(3);
      expect(read.entries).toHaveLength(items);
      const built = JSON.parse(readFileSync(path.join(site.out, 'feed.json'), 'utf8')) as { items: { id: string }[] };
      expect(read.entries.map((e) => e.id)).toEqual(built.items.map((i) => i.id));
    }
  });

  it('--dry-run lists the changes and changes nothing', async () => {
    editSeed(EDITED_SEED, 'Connolly explained on Monday.', 'Connolly explained on Tuesday.');
    await buildSite(site);
    const next = snapshot(site.out);
    const before = await listKeys(client, BUCKET, PREFIX);
    const beforeRss = await getBytes(client, BUCKET, `${PREFIX}rss.xml`);
    const run = await runDeploy(site, ['--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.summary!.dryRun).toBe(true);
    expect(run.summary!.uploaded.map((u) => u.path).sort()).toEqual(changedPaths(first, next));
    expect(await listKeys(client, BUCKET, PREFIX)).toEqual(before);
    expect(Buffer.from(await getBytes(client, BUCKET, `${PREFIX}rss.xml`)).equals(Buffer.from(beforeRss))).toBe(true);
  });
});

describe('storyfeed deploy on a terminal', () => {
  it('shows a progress line while uploading, clears it, and prints a summary', async () => {
    // In-process, the SDK reads credentials from this process's environment.
    const env = deployEnv();
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    let out = '';
    let err = '';
    try {
      const code = await runCli(['deploy'], { out: (t) => (out += t), err: (t) => (err += t), env: { AWS_REGION: 'us-east-1' }, cwd: site.dir, isTTY: true });
      expect(code, err).toBe(0);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    // The dry run's edit is still unpublished, so this run uploads it.
    expect(err).toMatch(/\r\x1b\[Kuploading \d+\/\d+ \S+/);
    expect(err.endsWith('\r\x1b[K')).toBe(true);
    expect(out).toMatch(
      /^Deployed public to s3:\/\/storyfeed-deploy\/news\/:\n {2}uploaded \d+ objects, kept \d+ unchanged, deleted 0; 2 objects storyfeed did not upload left alone\.\n/,
    );
  });
});

describe('storyfeed deploy failures', () => {
  it('a missing bucket, refused credentials and an unreachable store are told apart, and nothing is written', async () => {
    const missing = await runDeploy(site, ['--bucket', 'no-such-bucket']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('[E_DEPLOY_BUCKET]');
    expect(missing.stderr).toContain('no-such-bucket');

    const refused = await runDeploy(site, [], deployEnv({ AWS_SECRET_ACCESS_KEY: 'wrong' }));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[E_DEPLOY_AUTH]');

    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await runDeploy(site, ['--endpoint', `http://127.0.0.1:${port}`]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('[E_DEPLOY_NETWORK]');
    for (const run of [missing, refused, unreachable]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to overwrite an object it did not upload, before uploading anything', async () => {
    const prefix = 'conflict/';
    await putUserObject(client, BUCKET, `${prefix}rss.xml`, 'the publisher’s own file\n');
    const run = await runDeploy(site, ['--prefix', prefix]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[E_DEPLOY_CONFLICT]');
    expect(run.stderr).toContain(`${prefix}rss.xml`);
    expect(await listKeys(client, BUCKET, prefix)).toEqual(['rss.xml']);
    expect(Buffer.from(await getBytes(client, BUCKET, `${prefix}rss.xml`)).toString()).toBe('the publisher’s own file\n');
  });

  it('--gzip stores compressed text with Content-Encoding: gzip that decodes to the built bytes', async () => {
    const prefix = 'gzip/';
    const run = await runDeploy(site, ['--prefix', prefix, '--gzip']);
    expect(run.code, run.stderr).toBe(0);
    const head = await headObject(client, BUCKET, `${prefix}atom.xml`);
    expect(head.ContentEncoding).toBe('gzip');
    expect(head.ContentType).toBe('application/atom+xml; charset=utf-8');
    const stored = await getBytes(client, BUCKET, `${prefix}atom.xml`);
    const local = readFileSync(path.join(site.out, 'atom.xml'));
    expect(sha256(gunzipSync(stored))).toBe(sha256(local));
    expect(head.Metadata?.['storyfeed-sha256']).toBe(sha256(local));
  });
});
