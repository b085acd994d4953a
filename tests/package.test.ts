import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const root = path.resolve(import.meta.dirname, '..');
const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false' } });

/** The package as users get it: packed, installed from the tarball into a fresh project. */
describe('the packed package', () => {
  let work: string;
  let project: string;
  let tarball: string;

  beforeAll(() => {
    // --ignore-scripts: `prepare` would rebuild dist/ while other test files read it (npm test builds it first).
    work = mkdtempSync(path.join(tmpdir(), 'storyfeed-pack-'));
    const packed = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], root)) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, packed[0]!.filename);
    project = path.join(work, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    npm(['install', '--no-save', '--prefer-offline', '--ignore-scripts', tarball], project);
    cpSync(path.join(root, 'seeds'), path.join(project, 'seeds'), { recursive: true });
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ships only dist, the README, the license, the changelog and package.json, within its size budget', () => {
    const listing = JSON.parse(npm(['pack', '--ignore-scripts', '--dry-run', '--json'], root)) as { files: { path: string }[]; size: number; unpackedSize: number }[];
    const files = listing[0]!.files.map((f) => f.path);
    expect(files.filter((f) => !(f.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(f)))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // Budget: the tarball under 400 KB and 1.5 MB unpacked (0.1.0: about 250 KB and 900 KB).
    expect(listing[0]!.size).toBeLessThan(400_000);
    expect(listing[0]!.unpackedSize).toBeLessThan(1_500_000);
    expect(files).toEqual(expect.arrayContaining(['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/node.js', 'dist/node.cjs', 'dist/cli.js']));
  });

  it('can be imported as an ES module', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `
      import { parseSeed, buildFeeds, VERSION } from 'storyfeed';
      import { loadStories } from 'storyfeed/node';
      const site = { siteUrl: 'https://x.example', title: 'X', description: 'X', language: 'en', authors: [] };
      const story = parseSeed('Hello world\\nThe first paragraph is here.', { file: 'hello.txt', site, defaultDate: undefined, fallbackDate: new Date('2024-01-01T00:00:00Z') });
      const { outputs } = buildFeeds([story], site);
      console.log(VERSION, story.id, typeof loadStories, outputs.json.includes('version/1.1'));
    `], { cwd: project, encoding: 'utf8' });
    expect(out.trim()).toBe(`${VERSION} https://x.example/hello function true`);
  });

  it('can be required from CommonJS', () => {
    const out = execFileSync(process.execPath, ['-e', `
      const { parseSeed, buildFeeds } = require('storyfeed');
      const { buildSite } = require('storyfeed/node');
      const site = { siteUrl: 'https://x.example', title: 'X', description: 'X', language: 'en', authors: [] };
      const story = parseSeed('Hello world\\nThe first paragraph is here.', { file: 'hello.txt', site, fallbackDate: new Date('2024-01-01T00:00:00Z') });
      console.log(story.slug, typeof buildSite, buildFeeds([story], site).outputs.rss.startsWith('<?xml'));
    `], { cwd: project, encoding: 'utf8' });
    expect(out.trim()).toBe('hello function true');
  });

  it('runs its bin', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'storyfeed');
    expect(execFileSync(bin, ['--version'], { cwd: project, encoding: 'utf8' }).trim()).toBe(VERSION);
    const out = execFileSync(bin, ['build', 'seeds', '--out', 'out', '--site', 'https://news.example.com', '--title', 'News'], { cwd: project, encoding: 'utf8' });
    expect(out).toContain('Verified');
    expect(readFileSync(path.join(project, 'out', 'feed.json'), 'utf8')).toContain('"version": "https://jsonfeed.org/version/1.1"');
  });

  it('has the version of package.json', () => {
    expect(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version).toBe(VERSION);
  });

  it('passes publint and Are The Types Wrong', () => {
    expect(() => execFileSync(path.join(root, 'node_modules', '.bin', 'publint'), ['--strict'], { cwd: root, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
    const attw = execFileSync(path.join(root, 'node_modules', '.bin', 'attw'), [tarball, '--format', 'ascii'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    expect(attw).toMatch(/No problems found/);
  });
});
