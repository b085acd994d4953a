import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { cli } from '../support/cli.js';
import { refusalOf, unwritable } from '../support/unwritable.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-edges-'));
  mkdirSync(path.join(dir, 'seeds'));
  writeFileSync(path.join(dir, 'seeds', '2024-01-01-one.txt'), 'Story one\nA paragraph.\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Saves a file the way editors do: a new file renamed over the old one. */
function saveAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/**
 * The CLI's io for a run of `build --watch`: what it has written (`seen.output`), a promise for its next
 * write (tests wait on the watch's own output, never on a clock), and `stop` to end the run.
 */
function watching(cwd: string) {
  const seen = { output: '' };
  let notify: (() => void) | undefined;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const write = (t: string): void => {
    seen.output += t;
    notify?.();
  };
  return { seen, stop, changed: (): Promise<void> => new Promise((resolve) => (notify = resolve)), io: { out: write, err: write, env: {}, cwd, untilStopped: () => stopped } };
}

describe('rough edges of the command line', () => {
  it('no command at all is a usage error (exit 2) with the usage on stderr; --help and help exit 0 with it on stdout (regression: a bare storyfeed exited 0)', async () => {
    const bare = await cli([], { cwd: dir });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('Usage: storyfeed');
    for (const argv of [['--help'], ['help'], ['help', 'build']]) {
      const asked = await cli(argv, { cwd: dir });
      expect(asked.code, argv.join(' ')).toBe(0);
      expect(asked.stdout, argv.join(' ')).toContain('Usage: storyfeed');
    }
  });

  it('an empty flag value or file name is a usage error, not the default (regression: --out "" built into the config\'s folder, verify "" checked the current directory)', async () => {
    writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'https://x.example', title: 'X' }));
    for (const [argv, message] of [
      [['build', '--out', ''], '--out needs a value'],
      [['build', '--dry-run', '--site', ''], '--site needs a value'],
      [['build', '--dry-run', '--title', '  '], '--title needs a value'],
      [['build', ''], 'build was given an empty file or folder name'],
      [['verify', 'x.xml', ''], 'verify was given an empty file or folder name'],
      [['inspect', ''], 'inspect was given an empty file or folder name'],
    ] as const) {
      const run = await cli([...argv], { cwd: dir });
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toContain(`error: ${message}`);
    }
    expect((await cli(['build', '--dry-run'], { cwd: dir })).code).toBe(0);
  });

  it('build --watch rebuilds on every save of the config, and after a config error is fixed (regression: only the first change was noticed)', async () => {
    const config = path.join(dir, 'storyfeed.config.json');
    saveAtomically(config, JSON.stringify({ siteUrl: 'https://x.example', title: 'First' }));
    let output = '';
    let waiting: { text: RegExp; resolve: () => void } | undefined;
    const check = (): void => {
      if (waiting?.text.test(output)) {
        const w = waiting;
        waiting = undefined;
        w.resolve();
      }
    };
    /** Resolves when the output (from `from` on) matches. */
    const seen = (text: RegExp): Promise<void> =>
      new Promise((resolve) => {
        waiting = { text, resolve };
        check();
      });
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = { out: (t: string) => ((output += t), check()), err: (t: string) => ((output += t), check()), env: {}, cwd: dir, untilStopped: () => stopped };
    const run = runCli(['build', '--watch', '--no-cache'], io);
    await seen(/Watching/);
    const title = (): string => /<title>([^<]*)<\/title>/.exec(readFileSync(path.join(dir, 'public', 'rss.xml'), 'utf8'))?.[1] ?? '';
    expect(title()).toBe('First');
    for (const [i, next] of ['Second', 'Third'].entries()) {
      output = '';
      saveAtomically(config, JSON.stringify({ siteUrl: 'https://x.example', title: next }));
      await seen(/^Built/m);
      expect(title(), `save ${i + 2}`).toBe(next);
    }
    output = '';
    saveAtomically(config, '{ "siteUrl": ');
    await seen(/E_CONFIG/);
    output = '';
    saveAtomically(config, JSON.stringify({ siteUrl: 'https://x.example', title: 'Fixed' }));
    await seen(/^Built/m);
    expect(title()).toBe('Fixed');
    stop();
    expect(await run).toBe(0);
  }, 60_000);

  it('build --watch starts with a broken config and rebuilds once it is fixed', async () => {
    const config = path.join(dir, 'storyfeed.config.json');
    writeFileSync(config, '{ broken');
    const { io, changed, stop, seen } = watching(dir);
    const run = runCli(['build', '--watch', '--no-cache'], io);
    while (!/Watching/.test(seen.output)) await changed();
    expect(seen.output).toContain('E_CONFIG');
    saveAtomically(config, JSON.stringify({ siteUrl: 'https://x.example', title: 'Now fine' }));
    while (!/^Built/m.test(seen.output)) await changed();
    stop();
    expect(await run).toBe(0);
  }, 60_000);

  it('build --watch --json prints only JSON on stdout, bad seeds and their problems in it, the watch notice on stderr (regression: the notice followed the JSON on stdout)', async () => {
    writeFileSync(path.join(dir, 'seeds', '2024-01-02-bad.md'), '---\ntitle: [unclosed\n---\n\nA paragraph.\n');
    let stdout = '';
    let stderr = '';
    // Stopped as soon as the watch starts: the first build's output is all there is.
    const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), env: {}, cwd: dir, untilStopped: () => Promise.resolve() };
    expect(await runCli(['build', '--watch', '--json', '--no-cache', '--site', 'https://x.example', '--title', 'X'], io)).toBe(0);
    const { error } = JSON.parse(stdout) as { error: { code: string; problems: string[] } };
    expect(error.code).toBe('E_BAD_SEEDS');
    expect(error.problems).toEqual([expect.stringMatching(/^seeds\/2024-01-02-bad\.md:2: .*\[E_FRONT_MATTER\]$/)]);
    expect(stderr).toContain('Watching seeds and the configuration for changes');
    expect(stderr).toContain('[E_BAD_SEEDS]');
  });

  it('build --watch sees every save of a seed, in place or renamed over it, and a seeds folder moved away and back (regression: the first renamed save was the last change seen)', async () => {
    writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'https://x.example', title: 'X' }));
    const seed = path.join(dir, 'seeds', '2024-01-01-one.txt');
    const { io, changed, stop, seen } = watching(dir);
    const feed = (): string => readFileSync(path.join(dir, 'public', 'feed.json'), 'utf8');
    /** Waits (on the watch's own output, never on a clock) for a build whose feed holds `text`. */
    const published = async (text: string): Promise<void> => {
      while (!feed().includes(text)) await changed();
    };
    const run = runCli(['build', '--watch', '--no-cache'], io);
    while (!/Watching/.test(seen.output)) await changed();
    for (const word of ['Renamed1', 'Renamed2', 'Renamed3']) {
      saveAtomically(seed, `Story one\nA paragraph ${word}.\n`);
      await published(word);
    }
    writeFileSync(seed, 'Story one\nA paragraph InPlace.\n');
    await published('InPlace');
    // A new subfolder is watched too.
    mkdirSync(path.join(dir, 'seeds', 'more'));
    writeFileSync(path.join(dir, 'seeds', 'more', '2024-01-02-two.txt'), 'Story two\nA paragraph Nested1.\n');
    await published('Nested1');
    writeFileSync(path.join(dir, 'seeds', 'more', '2024-01-02-two.txt'), 'Story two\nA paragraph Nested2.\n');
    await published('Nested2');
    // Moved away (git stash, a branch switch): reported once, then watched for until it is back.
    seen.output = '';
    renameSync(path.join(dir, 'seeds'), path.join(dir, 'seeds.away'));
    while (!/E_IO/.test(seen.output)) await changed();
    renameSync(path.join(dir, 'seeds.away'), path.join(dir, 'seeds'));
    while (!/^Built/m.test(seen.output)) await changed();
    expect(seen.output.match(/E_IO/g)).toHaveLength(1);
    saveAtomically(seed, 'Story one\nA paragraph Back1.\n');
    await published('Back1');
    writeFileSync(seed, 'Story one\nA paragraph Back2.\n');
    await published('Back2');
    // Deleted and made again: a new folder.
    rmSync(path.join(dir, 'seeds'), { recursive: true });
    while (!/E_IO/.test(seen.output.slice(seen.output.lastIndexOf('Built')))) await changed();
    mkdirSync(path.join(dir, 'seeds'));
    writeFileSync(seed, 'Story one\nA paragraph Remade.\n');
    await published('Remade');
    writeFileSync(seed, 'Story one\nA paragraph Remade2.\n');
    await published('Remade2');
    stop();
    expect(await run).toBe(0);
  }, 60_000);

  it('build --out into a folder it may not write in names the folder and what to do, on stderr and in --json (regression: the bare EACCES message)', async (context) => {
    const locked = path.join(dir, 'locked');
    const undo = unwritable(locked);
    if (!undo) return context.skip();
    try {
      const out = path.join(locked, 'public');
      const run = await cli(['build', '--out', out, '--site', 'https://x.example', '--title', 'X', '--json'], { cwd: dir });
      expect(run.code).toBe(1);
      const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
      expect(error.code).toBe('E_IO');
      expect(error.message).toContain(`cannot create the folder ${path.join(locked, '.public.storyfeed')}: `);
      expect(error.message).toMatch(refusalOf(locked));
      expect(error.message).toContain('choose another output folder');
      expect(run.stderr).toContain(error.message);
    } finally {
      undo();
    }
  });

  it('build --out naming a file is refused before anything is made: no state folder beside it, no cache (regression: an empty .NAME.storyfeed/ was left)', async () => {
    writeFileSync(path.join(dir, 'feeds'), 'mine');
    const before = readdirSync(dir).sort();
    const run = await cli(['build', '--out', 'feeds', '--site', 'https://x.example', '--title', 'X'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${path.join(dir, 'feeds')} exists and is not a folder [E_OUT_CONFLICT]`);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(path.join(dir, 'feeds'), 'utf8')).toBe('mine');
  });

  it('build with a damaged record of its files says to delete it, on stderr and in --json, not to check that it exists (regression: the fix for a file that cannot be read)', async () => {
    const args = ['build', '--out', 'public', '--site', 'https://x.example', '--title', 'X'];
    expect((await cli(args, { cwd: dir })).code).toBe(0);
    const record = path.join(dir, '.public.storyfeed', 'owned.json');
    writeFileSync(record, readFileSync(record, 'utf8').slice(0, 20));
    const run = await cli(args, { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the record of the files storyfeed wrote is damaged');
    expect(run.stderr).toMatch(/\n {2}fix: Delete the record named/);
    expect(run.stderr).not.toContain('Check that the path exists');
    const json = await cli([...args, '--json'], { cwd: dir });
    expect((JSON.parse(json.stdout) as { error: { fix: string } }).error.fix).toMatch(/^Delete the record named/);
  });

  it('serve refuses a folder that does not exist instead of answering 404', async () => {
    const run = await cli(['serve', 'nosuchdir', '--port', '0'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nosuchdir does not exist [E_IO]');
  });

  it('serve on a --host that is no address of this machine says to give another host, not another port (regression: E_PORT advised --port for ENOTFOUND)', async () => {
    mkdirSync(path.join(dir, 'public'));
    // A name that does not resolve (RFC 6761 keeps .invalid so), and an address of the documentation range, no machine's.
    for (const host of ['host.invalid', '192.0.2.1']) {
      const run = await cli(['serve', '--port', '0', '--host', host], { cwd: dir, env: {} });
      expect(run.code, host).toBe(2);
      expect(run.stderr, host).toContain(`--host ${host} is not an address of this machine`);
      expect(run.stderr, host).toMatch(/127\.0\.0\.1.*\[E_USAGE\]/);
      expect(run.stderr, host).not.toContain('--port');
    }
  });

  it('serve on a port in use says so and how to pick another', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    mkdirSync(path.join(dir, 'public'));
    try {
      const run = await cli(['serve', 'public', '--port', String(port)], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use [E_PORT]`);
      expect(run.stderr).toContain('--port (0 picks a free one)');
      expect(run.stderr).not.toContain('path exists');
    } finally {
      busy.close();
    }
  });

  it('a --site that is no http(s) URL is E_CONFIG naming it, for inspect and build, never E_INTERNAL', async () => {
    for (const site of ['notaurl', 'x.example', 'https://', 'ftp://x.example', 'file:///x']) {
      for (const argv of [
        ['inspect', 'seeds/2024-01-01-one.txt', '--site', site],
        ['build', '--dry-run', '--site', site],
      ]) {
        const run = await cli(argv, { cwd: dir });
        expect(run.code, argv.join(' ')).toBe(1);
        expect(run.stderr, argv.join(' ')).toContain(`- siteUrl: "${site}"`);
        expect(run.stderr, argv.join(' ')).toContain('[E_CONFIG]');
        expect(run.stderr, argv.join(' ')).not.toContain('--title');
      }
    }
  });

  it('without a configuration, build mentions storyfeed init, and inspect still shows the story', async () => {
    const build = await cli(['build'], { cwd: dir });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('storyfeed init');
    const inspect = await cli(['inspect', 'seeds/2024-01-01-one.txt'], { cwd: dir });
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toContain('url       https://example.com/one');
    expect(inspect.stderr).toContain('no configuration found');
    writeFileSync(path.join(dir, 'seeds', 'undated.txt'), 'Undated\nA paragraph.\n');
    const undated = await cli(['inspect', 'seeds/undated.txt'], { cwd: dir });
    expect(undated.stdout).toContain('published (no date: dated when first published)');
    expect(undated.stdout).not.toContain('1970');
    const json = await cli(['inspect', 'seeds/undated.txt', '--json'], { cwd: dir });
    expect(json.stdout).not.toContain('1970');
    expect(JSON.parse(json.stdout)).toMatchObject({ published: null, updated: null, undated: true });
    expect(JSON.parse((await cli(['inspect', 'seeds/2024-01-01-one.txt', '--json'], { cwd: dir })).stdout).published).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('inspect of a Jekyll post', () => {
  const post = '---\ncategories: news world\n---\nThe storm reached the coast.\n\nBoats stayed in port.\n';
  /** The title and tags inspect gives the file (below `dir`), run in `cwd` (below `dir`). */
  async function inspect(file: string, cwd = ''): Promise<unknown> {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), post);
    const run = await cli(['inspect', path.join(dir, file), '--json', '--site', 'https://news.example.com/'], { cwd: path.join(dir, cwd) });
    expect(run.code, run.stderr).toBe(0);
    const story = JSON.parse(run.stdout) as { title: string; tags: string[] };
    return [story.title, story.tags];
  }

  it('reads it as a build does: by its Jekyll site, or the seeds folder, not a folder named _posts above it', async () => {
    writeFileSync(path.join(dir, '_config.yml'), 'title: Site\n');
    expect(await inspect('news/_posts/2024-01-02-storm-hits-coast.md')).toEqual(['Storm Hits Coast', ['news', 'world']]);
    rmSync(path.join(dir, '_config.yml'));
    expect(await inspect('home/_posts/project/seeds/2024-01-02-storm-hits-coast.md')).toEqual(['The storm reached the coast.', ['news world']]);
    // A _posts folder inside the configured seeds folder.
    mkdirSync(path.join(dir, 'project'));
    writeFileSync(path.join(dir, 'project', 'storyfeed.config.json'), '{"siteUrl": "https://news.example.com/", "title": "News", "seeds": "seeds"}');
    expect(await inspect('project/seeds/_posts/2024-01-02-storm-hits-coast.md', 'project')).toEqual(['Storm Hits Coast', ['news', 'world']]);
  });
});
