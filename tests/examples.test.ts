import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..');
let dir: string;

/** Runs an example from a copy of the project (so the real `public/` is never touched). */
const run = (file: string, args: string[] = []): string =>
  execFileSync(process.execPath, [path.join(dir, 'examples', file), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-examples-'));
  for (const entry of ['examples', 'seeds', 'storyfeed.config.json', 'package.json', 'dist']) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(process.execPath, [path.join(dir, 'dist', 'cli.js'), 'build', '-q'], { cwd: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('examples', () => {
  it('library.mjs builds the feeds with the API and prints the first item of each format', () => {
    const out = run('library.mjs');
    expect(out).toContain('1 item(s) in "Example News"');
    expect(out).toContain('— RSS 2.0, first <item> —');
    expect(out).toContain('<guid isPermaLink="true">https://news.example.com/nato-north-korea-troops</guid>');
    expect(out).toContain('— Atom 1.0, first <entry> —');
    expect(out).toContain('"id": "https://news.example.com/nato-north-korea-troops"');
  });

  it('from-feed-package.mjs builds verified feeds from items written for the feed package and @astrojs/rss', () => {
    const out = run('from-feed-package.mjs');
    expect(out).toContain('2 items, 0 warnings, verified: true');
    expect(out).toContain('2024-03-01 https://harbour.example.com/2024/night-ferry [Transport] audio/mpeg');
    expect(out).toContain('2024-02-20 https://harbour.example.com/2024/dredging [Port works]');
  });

  it('node-server.mjs serves the feeds with their types and answers 304', () => {
    const out = run('node-server.mjs', ['--once']);
    expect(out).toContain('rss.xml: 200 application/rss+xml; charset=utf-8, then 304 with If-None-Match');
    expect(out).toContain('feed.json: 200 application/feed+json; charset=utf-8, then 304 with If-None-Match');
  });

  it('fetch-handler.mjs answers Requests with Responses', () => {
    const out = run('fetch-handler.mjs');
    expect(out).toContain('GET /feeds/feed.json → 200 application/feed+json; charset=utf-8');
    expect(out).toContain('GET /feeds/rss.xml → 200 application/rss+xml; charset=utf-8 (gzip)');
    expect(out).toContain('GET /feeds/atom.xml → 304');
  });

  it('the CI workflow is valid YAML that builds, verifies and publishes', () => {
    const workflow = parse(readFileSync(path.join(root, 'examples/ci/publish-feeds.yml'), 'utf8')) as { jobs: { publish: { steps: { run?: string }[] } } };
    const commands = workflow.jobs.publish.steps.map((s) => s.run ?? '').join('\n');
    expect(commands).toContain('npx storyfeed build --out public');
    expect(commands).toContain('npx storyfeed verify public/rss.xml public/atom.xml public/feed.json');
    expect(commands).toContain('SOURCE_DATE_EPOCH');
  });
});
