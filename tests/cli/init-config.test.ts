import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/node/config-file.js';
import { cli } from '../support/cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('storyfeed init', () => {
  it('writes a commented starter config and a first seed that build as they are', async () => {
    const run = await cli(['init', '--site', 'https://blog.example.org', '--title', 'My Blog'], { cwd: dir });
    expect(run.code).toBe(0);
    const config = readFileSync(path.join(dir, 'storyfeed.config.mjs'), 'utf8');
    expect(config).toContain('siteUrl: "https://blog.example.org"');
    expect(config).toMatch(/\/\/ .*archive/);
    expect(existsSync(path.join(dir, 'seeds/first-story.txt'))).toBe(true);
    const build = await cli(['build'], { cwd: dir });
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'public/feed.json'), 'utf8')).title).toBe('My Blog');
  });

  it('refuses to overwrite a config without --force', async () => {
    writeFileSync(path.join(dir, 'storyfeed.config.mjs'), 'export default {};\n');
    const run = await cli(['init'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('storyfeed.config.mjs already exists; use --force');
    const forced = await cli(['init', '--force', '--site', 'https://forced.example'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, 'storyfeed.config.mjs'), 'utf8')).toContain('https://forced.example');
  });

  it('never replaces another configuration file, which would be read before the one it writes, even with --force', async () => {
    writeFileSync(path.join(dir, 'storyfeed.config.json'), '{"siteUrl": "https://mine.example", "title": "Mine"}');
    for (const args of [['init'], ['init', '--force', '--site', 'https://new.example']]) {
      const run = await cli(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(
        /storyfeed\.config\.json already exists; .*never replaces another configuration file or sets one beside it: remove or rename storyfeed\.config\.json/,
      );
    }
    expect(existsSync(path.join(dir, 'storyfeed.config.mjs'))).toBe(false);
    expect(readFileSync(path.join(dir, 'storyfeed.config.json'), 'utf8')).toContain('mine.example');
  });

  it('never sets a configuration beside the "storyfeed" key of package.json, which it would hide, even with --force (regression: the starter was written and build used it)', async () => {
    const pkg = JSON.stringify({ name: 'site', storyfeed: { siteUrl: 'https://mine.example', title: 'Mine' } });
    writeFileSync(path.join(dir, 'package.json'), pkg);
    for (const args of [['init'], ['init', '--force']]) {
      const run = await cli(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/package\.json has a "storyfeed" key; .*remove the key/);
    }
    expect(existsSync(path.join(dir, 'storyfeed.config.mjs'))).toBe(false);
    expect(existsSync(path.join(dir, 'seeds'))).toBe(false);
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(pkg);
    // A package.json without the key is no configuration: init writes its starter beside it.
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'site', type: 'module' }));
    expect((await cli(['init'], { cwd: dir })).code).toBe(0);
  });

  it('refuses a seeds that is no folder (a file, a link to nothing) before writing anything, naming it (regression: a dangling link was E_INTERNAL after the config was written)', async () => {
    for (const [what, make] of [
      ['a file', () => writeFileSync(path.join(dir, 'seeds'), 'notes\n')],
      ['a link to nothing', () => symlinkSync(path.join(dir, 'gone'), path.join(dir, 'seeds'))],
    ] as const) {
      rmSync(path.join(dir, 'seeds'), { force: true });
      make();
      const run = await cli(['init'], { cwd: dir });
      expect(run.code, what).toBe(2);
      expect(run.stderr, what).toMatch(/seeds exists and is not a folder.*\[E_USAGE\]/);
      expect(run.stderr, what).not.toContain('E_INTERNAL');
      expect(existsSync(path.join(dir, 'storyfeed.config.mjs')), what).toBe(false);
    }
  });
});

describe('configuration files', () => {
  const settings = { siteUrl: 'https://x.example', title: 'X' };

  it.each([
    ['storyfeed.config.json', JSON.stringify(settings)],
    ['storyfeed.config.mjs', `export default ${JSON.stringify(settings)};`],
    ['storyfeed.config.js', `export default ${JSON.stringify(settings)};`],
    ['storyfeed.config.ts', `const config: { siteUrl: string; title: string } = ${JSON.stringify(settings)};\nexport default config;`],
  ])('reads %s', async (name, text) => {
    writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}');
    writeFileSync(path.join(dir, name), text);
    const loaded = await loadConfigFile(undefined, dir);
    expect(loaded?.config).toMatchObject({ siteUrl: 'https://x.example/', title: 'X' });
    expect(loaded?.file).toBe(path.join(dir, name));
  });

  it('reads the "storyfeed" key of package.json', async () => {
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'site', storyfeed: settings }));
    expect((await loadConfigFile(undefined, dir))?.config.title).toBe('X');
  });

  it('names the file and line of invalid JSON, and a config that fails to load', async () => {
    writeFileSync(path.join(dir, 'storyfeed.config.json'), '{\n  "siteUrl": "https://x.example",\n  oops\n}');
    await expect(loadConfigFile(undefined, dir)).rejects.toMatchObject({ code: 'E_CONFIG', file: 'storyfeed.config.json', line: 3 });
    rmSync(path.join(dir, 'storyfeed.config.json'));
    writeFileSync(path.join(dir, 'storyfeed.config.mjs'), 'throw new Error("boom");');
    await expect(loadConfigFile(undefined, dir)).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringContaining('boom') });
  });
});
