import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
const run = (command: string, args: string[], cwd: string): string =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env, timeout: 300_000 });

/**
 * Installing from git (what `npm install github:owner/storyfeed` does): the repository has no
 * `dist/`, so npm must build it with the `prepare` script. The committed state of this checkout is
 * cloned and installed from a `git+file:` URL into an empty project, then used three ways.
 */
describe('installed from a git+file: URL', () => {
  let work: string;
  let project: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'storyfeed-git-'));
    const clone = path.join(work, 'storyfeed.git');
    run('git', ['clone', '--quiet', '--no-local', root, clone], work);
    expect(existsSync(path.join(clone, 'dist'))).toBe(false);
    project = path.join(work, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    run('npm', ['install', '--prefer-offline', `git+file://${clone}`], project);
    cpSync(path.join(root, 'seeds'), path.join(project, 'seeds'), { recursive: true });
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('gives a working storyfeed command', () => {
    expect(run('npx', ['--no-install', 'storyfeed', '--version'], project).trim()).toBe(VERSION);
    const out = run('npx', ['--no-install', 'storyfeed', 'build', 'seeds', '--site', 'https://x.example', '--title', 'X', '--out', 'public', '--json'], project);
    expect(JSON.parse(out)).toMatchObject({ ok: true });
    expect(existsSync(path.join(project, 'public', 'rss.xml'))).toBe(true);
  });

  it('can be required and imported, and builds feeds from plain items', () => {
    const code = `const { buildFeeds } = %s;
const { outputs } = buildFeeds([{ url: 'https://x.example/a', title: 'A', published: '2024-01-02T03:04:05Z', contentHtml: '<p>Hi</p>' }], { siteUrl: 'https://x.example', title: 'X' });
console.log(JSON.parse(outputs.json).items[0].id);`;
    writeFileSync(path.join(project, 'use.cjs'), code.replace('%s', "require('storyfeed')"));
    writeFileSync(path.join(project, 'use.mjs'), code.replace('%s', "await import('storyfeed')"));
    expect(run(process.execPath, ['use.cjs'], project).trim()).toBe('https://x.example/a');
    expect(run(process.execPath, ['use.mjs'], project).trim()).toBe('https://x.example/a');
    expect(run(process.execPath, ['-e', "require('storyfeed/node').buildSite && console.log('node ok')"], project).trim()).toBe('node ok');
  });
});
