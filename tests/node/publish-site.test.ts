import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildSite } from '../../src/node/build.js';
import { publishPaths } from '../../src/node/publish.js';
import { createFolderHandler } from '../../src/node/serve.js';
import { checkWellFormedXml } from '../../src/verify/index.js';
import { cli } from '../support/cli.js';
import { childScripts, makeTemp, prng, removeTemp, SEED, snapshot } from '../reliability/support.js';

/**
 * storyfeed only ever creates, replaces or removes files it wrote itself: whole builds into an
 * output folder the user shares, output folders that would overlap the project, a full disk, and
 * copying the published folder.
 */

let dir: string;
beforeAll(() => {
  dir = makeTemp('publish-site');
});
afterAll(() => removeTemp(dir));

/** The user's files in the output folder: nested, hidden, in a folder storyfeed writes into, and named like storyfeed's own. */
const USER_FILES: Record<string, string> = {
  'assets/img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
  'css/site.css': 'body { margin: 0 }\n',
  '.well-known/security.txt': 'Contact: mailto:security@news.example.com\n',
  '.htaccess': 'Options -Indexes\n',
  'robots.txt': 'User-agent: *\n',
  'tags/about.html': '<p>About our tags</p>\n',
  'feed.xsl': '<?xml version="1.0"?><!-- the user\'s own stylesheet --><xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>\n',
};

function put(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Checks the user's files are byte-identical; returns the other files' names. */
function storyfeedFiles(out: string): string[] {
  const files = snapshot(out)!;
  for (const [name, text] of Object.entries(USER_FILES)) expect(files.get(name)?.toString(), `user file ${name}`).toBe(text);
  return [...files.keys()].filter((name) => !(name in USER_FILES)).sort();
}

function story(i: number, tags: string[], body = 'The first paragraph.'): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  return `---\ntitle: Story ${i}\ndate: 2024-04-${day}T08:00:00Z\ntags: [${tags.join(', ')}]\n---\n${body}\n\nA second paragraph about story ${i}.\n`;
}

describe('building into an output folder the user shares', () => {
  it("100 builds while seeds are added, edited, renamed and removed: every user file byte-identical, storyfeed's removed outputs gone", async () => {
    const work = path.join(dir, 'shared');
    const seeds = path.join(work, 'seeds');
    const out = path.join(work, 'public');
    mkdirSync(seeds, { recursive: true });
    for (const [name, text] of Object.entries(USER_FILES)) put(path.join(out, name), text);
    const random = prng(SEED + 12);
    const pool = ['Energy', 'Grid', 'Water', 'Rail', 'Ports'];
    const pick = (): string[] => pool.filter(() => random() < 0.35);
    let next = 0;
    const live: string[] = [];
    const add = (): void => {
      const name = `story-${next}.md`;
      writeFileSync(path.join(seeds, name), story(next++, pick()));
      live.push(name);
    };
    for (let i = 0; i < 5; i++) add();

    // The user's feed.xsl is where storyfeed would write its bundled stylesheet: refused, nothing written.
    const base = { siteUrl: 'https://news.example.com', title: 'News', entities: false, tagFeeds: true, archive: true, itemLimit: 8 };
    const refused = await buildSite({ config: validateConfig(base), cwd: work, cache: false, workers: 0, sourceDateEpoch: '1700000000' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'E_OUT_CONFLICT' });
    expect((refused as Error).message).toContain('feed.xsl was not written by storyfeed');
    expect(storyfeedFiles(out)).toEqual([]);

    // The user points the feeds at their own stylesheet instead.
    const config = validateConfig({ ...base, stylesheet: 'feed.xsl' });
    const seen = new Set<string>();
    const removedSeen = new Set<string>();
    let previous: string[] = [];
    for (let build = 0; build < 100; build++) {
      const action = build % 4;
      if (action === 0 || live.length < 3) add();
      else if (action === 1) {
        const name = live[Math.floor(random() * live.length)]!;
        writeFileSync(path.join(seeds, name), story(Number(/\d+/.exec(name)![0]), pick(), `Edited in build ${build}.`));
      } else if (action === 2) {
        const k = Math.floor(random() * live.length);
        const renamed = `renamed-${build}-${live[k]!}`;
        renameSync(path.join(seeds, live[k]!), path.join(seeds, renamed));
        live[k] = renamed;
      } else {
        const [gone] = live.splice(Math.floor(random() * live.length), 1);
        unlinkSync(path.join(seeds, gone!));
      }
      const result = await buildSite({ config, cwd: work, cache: false, workers: 0, sourceDateEpoch: String(1_700_000_000 + build) });
      const files = storyfeedFiles(out);
      // Exactly this build's files besides the user's: what earlier builds wrote and this one does not is gone.
      expect(files, `build ${build}`).toEqual(Object.keys(result.contents).sort());
      for (const name of files) seen.add(name);
      for (const name of previous) if (!files.includes(name)) removedSeen.add(name);
      previous = files;
    }
    expect(removedSeen.size, "some of storyfeed's outputs were removed along the way (tag feeds, archive pages)").toBeGreaterThan(0);
    expect(existsSync(path.join(out, 'tags', 'about.html'))).toBe(true);
    expect(readdirSync(publishPaths(out).state)).toEqual(['owned.json']);
  }, 300_000);
});

describe('output folders that overlap the project', () => {
  it('refuses --out ., seeds, a folder above the seeds and the project root with exit 1, changing nothing', async () => {
    const project = path.join(dir, 'project');
    put(path.join(project, 'content', 'seeds', 'one.md'), story(1, ['Energy']));
    put(path.join(project, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'https://news.example.com', title: 'News', entities: false, seeds: 'content/seeds' }));
    put(path.join(project, 'package.json'), '{"name":"site"}\n');
    put(path.join(project, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    put(path.join(project, 'tools', 'x.txt'), 'x\n');
    const before = snapshot(dir)!;
    const cases: [string[], string, string][] = [
      [['--out', '.'], project, 'it is the current directory'],
      [['--out', 'content/seeds'], project, 'it is the seeds folder'],
      [['--out', 'content'], project, 'it contains the seeds folder'],
      [['--out', 'content/seeds/public'], project, 'it lies inside the seeds folder'],
      [['--out', '..', '--config', '../storyfeed.config.json'], path.join(project, 'tools'), 'it is the project folder'],
      [['--out', path.dirname(project)], project, 'it contains'],
    ];
    for (const [args, cwd, why] of cases) {
      const run = await cli(['build', ...args], { cwd, env: { SOURCE_DATE_EPOCH: '1700000000' } });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(1);
      expect(run.stderr, args.join(' ')).toContain('[E_OUT_UNSAFE]');
      expect(run.stderr, args.join(' ')).toContain(why);
    }
    const after = snapshot(dir)!;
    expect([...after.keys()]).toEqual([...before.keys()]);
    // A folder of its own is fine.
    const ok = await cli(['build', '--out', 'public', '--no-cache'], { cwd: project, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(ok.code, ok.stderr).toBe(0);
  }, 60_000);
});

describe('a full disk', () => {
  it('fails cleanly, leaves every file complete, and the next build after freeing space succeeds', async () => {
    const work = path.join(dir, 'disk');
    mkdirSync(work);
    // A small tmpfs when this may mount one (root), else a file-size limit (`ulimit -f`) on a child build.
    const mounted = process.env.STORYFEED_TEST_NO_MOUNT !== '1' && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', work]).status === 0;
    try {
      const seeds = path.join(work, 'seeds');
      mkdirSync(seeds);
      writeFileSync(
        path.join(work, 'storyfeed.config.json'),
        JSON.stringify({ siteUrl: 'https://news.example.com', title: 'News', entities: false, stylesheet: 'feed.xsl', itemLimit: 100 }),
      );
      for (let i = 0; i < 3; i++) writeFileSync(path.join(seeds, `s${i}.md`), story(i, ['Energy']));
      const out = path.join(work, 'public');
      for (const [name, text] of Object.entries(USER_FILES)) put(path.join(out, name), text);
      const build = async (limitKb?: number): Promise<{ code: number; stderr: string }> => {
        if (limitKb === undefined) return cli(['build', '--no-cache'], { cwd: work, env: { SOURCE_DATE_EPOCH: '1700000000' } });
        const script = path.join(await childScripts(), 'cli.mjs');
        const run = spawnSync('bash', ['-c', `ulimit -f ${limitKb}; exec "${process.execPath}" "${script}" build --no-cache`], {
          cwd: work,
          env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
          encoding: 'utf8',
        });
        return { code: run.status ?? -1, stderr: run.stderr };
      };
      const first = await build();
      expect(first.code, first.stderr).toBe(0);
      const old = snapshot(out)!;
      // Many more stories: the new feeds are far larger than the space (or the size limit) allows.
      const long = 'A long paragraph that makes the feeds grow. '.repeat(100);
      for (let i = 3; i < 60; i++) writeFileSync(path.join(seeds, `s${i}.md`), story(i, ['Energy'], long));
      if (mounted) {
        const free = Number(execFileSync('df', ['-B1', '--output=avail', work], { encoding: 'utf8' }).split('\n')[1]);
        writeFileSync(path.join(work, 'filler'), Buffer.alloc(Math.max(0, free - 200 * 1024)));
      }
      const full = await build(mounted ? undefined : 200);
      expect(full.code, full.stderr).toBe(1);
      expect(full.stderr).toMatch(/(disk is full|file-size limit) \((ENOSPC|EFBIG|EDQUOT)\).*\[E_IO\]/);
      const after = snapshot(out)!;
      for (const [name, text] of Object.entries(USER_FILES)) expect(after.get(name)?.toString()).toBe(text);
      for (const [name, bytes] of after) {
        if (name in USER_FILES) continue;
        if (old.get(name)?.equals(bytes)) continue;
        // Not the old version: then a complete new one.
        if (name.endsWith('.xml')) expect(checkWellFormedXml(bytes.toString()).ok, name).toBe(true);
        if (name.endsWith('.json')) expect(() => JSON.parse(bytes.toString()), name).not.toThrow();
      }
      if (mounted) rmSync(path.join(work, 'filler'));
      const again = await build();
      expect(again.code, again.stderr).toBe(0);
      expect(readdirSync(publishPaths(out).state)).toEqual(['owned.json']);
      expect(JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8')).items).toHaveLength(60);
      storyfeedFiles(out);
    } finally {
      if (mounted) spawnSync('umount', [work]);
    }
  }, 120_000);
});

describe('copying the published folder', () => {
  it('is a plain folder: cp -r copies working feeds', async () => {
    const work = path.join(dir, 'copy');
    put(path.join(work, 'seeds', 'one.md'), story(1, ['Energy']));
    put(path.join(work, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'https://news.example.com', title: 'News', entities: false, tagFeeds: true }));
    const run = await cli(['build', '--no-cache'], { cwd: work, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(run.code, run.stderr).toBe(0);
    const out = path.join(work, 'public');
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    execFileSync('cp', ['-r', out, path.join(work, 'copy')]);
    const handler = createFolderHandler({ root: path.join(work, 'copy') });
    for (const file of ['rss.xml', 'atom.xml', 'tags/energy/rss.xml']) {
      const response = await handler(new Request(`http://localhost/${file}`));
      expect(response.status, file).toBe(200);
      const text = await response.text();
      expect(text).toBe(readFileSync(path.join(out, file), 'utf8'));
      expect(checkWellFormedXml(text).ok).toBe(true);
    }
    expect(statSync(path.join(work, 'copy', 'feed.json')).isFile()).toBe(true);
  }, 60_000);
});
