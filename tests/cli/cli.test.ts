import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { cli } from '../support/cli.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.resolve(root, 'tests/fixtures');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-cli-'));
  cpSync(path.join(root, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  cpSync(path.join(root, 'storyfeed.config.json'), path.join(dir, 'storyfeed.config.json'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('storyfeed build', () => {
  it('builds, verifies and writes the three feeds, byte-identical on every run', async () => {
    const first = await cli(['build'], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Built 1 item from 1 story in seeds → public/);
    expect(first.stdout).toMatch(/Verified: .* 0 problems\./);
    expect(readdirSync(path.join(dir, 'public')).sort()).toEqual(['.storyfeed-manifest.json', 'atom.xml', 'feed.json', 'feed.xsl', 'index.html', 'rss.xml']);
    const read = (): string[] => ['rss.xml', 'atom.xml', 'feed.json'].map((f) => readFileSync(path.join(dir, 'public', f), 'utf8'));
    const before = read();
    expect((await cli(['build'], { cwd: dir, env: { TZ: 'Asia/Tokyo' } })).code).toBe(0);
    expect(read()).toEqual(before);
  });

  it('takes the seeds folder, output folder, site and title from flags', async () => {
    const run = await cli(['build', 'seeds', '--out', 'elsewhere', '--site', 'https://other.example/news/', '--title', 'Other'], { cwd: dir });
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(dir, 'elsewhere', 'feed.json'), 'utf8'));
    expect(json.title).toBe('Other');
    expect(json.feed_url).toBe('https://other.example/news/feed.json');
    expect(json.items[0].url).toBe('https://other.example/news/nato-north-korea-troops');
  });

  it('prints a JSON summary with --json', async () => {
    const run = await cli(['build', '--json', '--dry-run'], { cwd: dir });
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ ok: true, written: false, stories: 1, items: 1, verification: { problems: 0 } });
    expect(summary.files.map((f: { file: string }) => f.file)).toEqual(['public/rss.xml', 'public/atom.xml', 'public/feed.json', 'public/feed.xsl', 'public/index.html']);
    expect(() => readdirSync(path.join(dir, 'public'))).toThrow();
    // Nothing at all: no cache folder either.
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('fails with exit 1 naming every bad seed, and writes nothing', async () => {
    for (const bad of ['bad-date.md', 'bad-yaml.md', 'binary.txt', 'empty.txt', 'invalid-utf8.txt', 'title-only.txt', 'whitespace.txt']) {
      cpSync(path.join(fixtures, 'bad', bad), path.join(dir, 'seeds', bad));
    }
    const run = await cli(['build'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/7 of 8 seeds could not be read; nothing was written \[E_BAD_SEEDS\]/);
    for (const bad of ['bad-date.md:3', 'bad-yaml.md', 'binary.txt', 'empty.txt', 'invalid-utf8.txt:1', 'title-only.txt:1', 'whitespace.txt']) {
      expect(run.stderr).toContain(`seeds/${bad}`);
    }
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(() => readdirSync(path.join(dir, 'public'))).toThrow();
  });

  it('publishes the good seeds with --keep-going', async () => {
    cpSync(path.join(fixtures, 'bad', 'empty.txt'), path.join(dir, 'seeds', 'empty.txt'));
    const run = await cli(['build', '--keep-going'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('skipped: seeds/empty.txt');
  });

  it('skips stories sharing an id with --keep-going, and fails on them without it', async () => {
    const twin = (name: string, title: string): void =>
      writeFileSync(path.join(dir, 'seeds', name), `---\ntitle: ${title}\nid: https://example.org/shared\ndate: 2024-10-21\n---\nA paragraph about ${title}.\n`);
    twin('a.md', 'One');
    twin('b.md', 'Two');
    const strict = await cli(['build'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('E_DUPLICATE_ID');
    const run = await cli(['build', '--keep-going'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('skipped: seeds/a.md: https://example.org/shared is also the id of seeds/b.md; neither is published [E_DUPLICATE_ID]');
    expect(run.stderr).toContain('skipped: seeds/b.md: https://example.org/shared is also the id of seeds/a.md');
    const feed = JSON.parse(readFileSync(path.join(dir, 'public', 'feed.json'), 'utf8')) as { items: { title: string }[] };
    expect(feed.items.map((item) => item.title)).toEqual(["NATO official: North Korean military involvement in Ukraine reveals Russia's weakness"]);
  });

  it("says what a folder of no seed holds (an export's .html pages) and what storyfeed reads, when nothing is published", async () => {
    rmSync(path.join(dir, 'seeds'), { recursive: true });
    mkdirSync(path.join(dir, 'seeds', 'posts'), { recursive: true });
    // A site's pages exported as HTML, with no table of them (a Substack export's posts.csv makes its pages posts, and
    // Medium's names its posts' pages `2024-01-02_First-post-1a2b3c.html`).
    for (const name of ['first-post.html', 'second-post.html']) writeFileSync(path.join(dir, 'seeds', 'posts', name), '<p>A post.</p>');
    writeFileSync(path.join(dir, 'seeds', 'profile.csv'), 'name\n');
    const run = await cli(['build'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'no publishable stories in seeds: it holds no seed file, only 2 .html, 1 .csv (storyfeed reads Markdown, plain text and JSON seeds: .txt, .text, .md',
    );
    expect(run.stderr).toContain("a post's HTML goes in a JSON seed's `contentHtml`) [E_NO_STORIES]");
  });

  it('says which seeds were skipped when --keep-going leaves no story to publish', async () => {
    rmSync(path.join(dir, 'seeds'), { recursive: true });
    mkdirSync(path.join(dir, 'seeds'));
    for (const name of ['a.md', 'b.md']) writeFileSync(path.join(dir, 'seeds', name), `---\ntitle: ${name}\nid: https://example.org/shared\ndate: 2024-10-21\n---\nA paragraph.\n`);
    const run = await cli(['build', '--keep-going'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no publishable stories in seeds: 2 seeds were skipped \[E_NO_STORIES\]/);
    expect(run.stderr).toContain('seeds/a.md: https://example.org/shared is also the id of seeds/b.md');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('explains a missing configuration', async () => {
    rmSync(path.join(dir, 'storyfeed.config.json'));
    const run = await cli(['build'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no configuration found');
  });

  it('reports every problem in a bad configuration', async () => {
    writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'nope', title: '' }));
    const run = await cli(['build'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/storyfeed.config.json: 2 problems in the settings:/);
    expect(run.stderr).toContain('siteUrl');
    expect(run.stderr).toContain('title');
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli(['build', '--no-such-flag'], { cwd: dir })).code).toBe(2);
    expect((await cli(['frobnicate'], { cwd: dir })).code).toBe(2);
    expect((await cli(['inspect'], { cwd: dir })).code).toBe(2);
  });

  it('has --help for each command', async () => {
    for (const command of ['build', 'inspect', 'verify']) {
      const run = await cli([command, '--help'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: storyfeed ${command}`);
    }
  });
});

describe('storyfeed inspect', () => {
  it('prints the seed Story as JSON', async () => {
    const run = await cli(['inspect', 'seeds/nato-north-korea-troops.txt', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const story = JSON.parse(run.stdout);
    expect(story.title).toBe("NATO official: North Korean military involvement in Ukraine reveals Russia's weakness");
    expect(story.sections.map((s: { heading: string | null }) => s.heading)).toEqual([null, 'North Korean troops in Ukraine']);
    expect(story.sections.flatMap((s: { blocks: { kind: string }[] }) => s.blocks).filter((b: { kind: string }) => b.kind === 'paragraph')).toHaveLength(15);
    expect(story.quotes).toHaveLength(6); // five by Gerry Connolly and the White House's "an act of desperation"
    expect(story.published).toBe('2024-10-21T11:30:00.000Z');
    expect(Object.keys(story).slice(0, 7)).toEqual(['id', 'slug', 'url', 'title', 'summary', 'published', 'updated']);
  });

  it('reads a sidecar whose .meta.yaml ending is in capitals, as a build does (regression: the story was undated)', async () => {
    const seeds = path.join(dir, 'seeds');
    cpSync(path.join(seeds, 'nato-north-korea-troops.meta.yaml'), path.join(seeds, 'nato-north-korea-troops.meta.YAML'));
    rmSync(path.join(seeds, 'nato-north-korea-troops.meta.yaml'));
    const story = JSON.parse((await cli(['inspect', 'seeds/nato-north-korea-troops.txt', '--json'], { cwd: dir })).stdout);
    expect(story.published).toBe('2024-10-21T11:30:00.000Z');
    const build = await cli(['build', '--dry-run', '--json'], { cwd: dir });
    expect(build.stdout + build.stderr).not.toContain('W_NO_DATE');
  });

  it('prints a readable outline without --json', async () => {
    const run = await cli(['inspect', 'seeds/nato-north-korea-troops.txt'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## North Korean troops in Ukraine');
    expect(run.stdout).toContain('Quotes (6):');
  });

  it('shows a translation in a language folder at the address and in the language a build gives it', async () => {
    for (const [language, text] of [
      ['en', 'The English version of the post.'],
      ['fr', 'La version française de cet article, écrite pour les lecteurs francophones.'],
    ] as const) {
      mkdirSync(path.join(dir, 'seeds', language), { recursive: true });
      writeFileSync(path.join(dir, 'seeds', language, 'hello.md'), `---\ntitle: Hello\ndate: 2024-01-01\n---\n\n${text}\n`);
    }
    const story = JSON.parse((await cli(['inspect', 'seeds/fr/hello.md', '--json'], { cwd: dir })).stdout);
    const config = JSON.parse(readFileSync(path.join(dir, 'storyfeed.config.json'), 'utf8')) as { siteUrl: string };
    expect(story.url).toBe(new URL('fr/hello', config.siteUrl.endsWith('/') ? config.siteUrl : `${config.siteUrl}/`).href);
    expect(story.language).toBe('fr');
  });

  it("shows a post of Medium's export and a translation by name at the addresses a build gives them", async () => {
    const page = readFileSync(path.join(import.meta.dirname, '../fixtures/medium-export/posts/2016-03-25_Leaving-the-timeline-ece7c6688e68.html'), 'utf8');
    mkdirSync(path.join(dir, 'seeds', 'posts'), { recursive: true });
    for (const name of ['2016-03-25_Weekly-notes-ece7c6688e68.html', '2016-04-01_Weekly-notes-0a1b2c3d4e5f.html']) writeFileSync(path.join(dir, 'seeds', 'posts', name), page);
    writeFileSync(path.join(dir, 'seeds', 'hello.md'), '---\ntitle: Hello\ndate: 2024-01-01\n---\n\nThe English version of the post.\n');
    writeFileSync(path.join(dir, 'seeds', 'hello.fr.md'), '---\ntitle: Bonjour\ndate: 2024-01-01\n---\n\nLa version française de cet article.\n');
    const config = JSON.parse(readFileSync(path.join(dir, 'storyfeed.config.json'), 'utf8')) as { siteUrl: string };
    const on = (rest: string) => new URL(rest, config.siteUrl.endsWith('/') ? config.siteUrl : `${config.siteUrl}/`).href;
    const medium = JSON.parse((await cli(['inspect', 'seeds/posts/2016-03-25_Weekly-notes-ece7c6688e68.html', '--json'], { cwd: dir })).stdout);
    expect([medium.url, medium.title]).toEqual([on('weekly-notes-ece7c6688e68'), 'Leaving the timeline']);
    const french = JSON.parse((await cli(['inspect', 'seeds/hello.fr.md', '--json'], { cwd: dir })).stdout);
    expect([french.url, french.language]).toEqual([on('fr/hello'), 'fr']);
  });

  it("shows a Substack export's post with its row of posts.csv, as a build reads it", async () => {
    mkdirSync(path.join(dir, 'export', 'posts'), { recursive: true });
    writeFileSync(
      path.join(dir, 'export', 'posts.csv'),
      'post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url\n7.first-letter,2024-05-01T08:00:00Z,true,,,newsletter,everyone,First letter,Hello,\n',
    );
    writeFileSync(path.join(dir, 'export', 'posts', '7.first-letter.html'), '<p>Dear readers, this is the first letter.</p>');
    const story = JSON.parse((await cli(['inspect', 'export/posts/7.first-letter.html', '--json'], { cwd: dir })).stdout);
    expect(story).toMatchObject({ slug: 'first-letter', title: 'First letter', summary: 'Hello', published: '2024-05-01T08:00:00.000Z' });
  });

  it('names the file and line of a bad seed', async () => {
    mkdirSync(path.join(dir, 'bad'));
    cpSync(path.join(fixtures, 'bad', 'bad-date.md'), path.join(dir, 'bad', 'bad-date.md'));
    const run = await cli(['inspect', 'bad/bad-date.md'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: bad\/bad-date\.md:3: front matter `date`: .* \[E_DATE\]/);
    const missing = await cli(['inspect', 'nope.txt'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.txt does not exist');
  });
});

describe('--json on errors', () => {
  /** The one JSON object a failed run printed on stdout. */
  const failure = (stdout: string): { ok: boolean; error: { code: string; message: string; file: string | null; line: number | null; problems: string[]; fix: string } } =>
    JSON.parse(stdout);

  it('build prints the error as JSON on stdout, keeps its line on stderr and its exit code (regression: stdout was empty)', async () => {
    const missing = await cli(['build', 'nosuchdir', '--json'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(failure(missing.stdout)).toMatchObject({ ok: false, error: { code: 'E_IO', message: 'seeds folder nosuchdir does not exist', file: null, line: null, problems: [] } });
    expect(missing.stderr).toContain('[E_IO]');

    writeFileSync(path.join(dir, 'seeds', 'bad.json'), '{bad');
    const bad = await cli(['build', '--json', '--dry-run'], { cwd: dir });
    expect(bad.code).toBe(1);
    const badSeeds = failure(bad.stdout).error;
    expect(badSeeds.code).toBe('E_BAD_SEEDS');
    expect(badSeeds.problems).toHaveLength(1);
    expect(badSeeds.problems[0]).toMatch(/^seeds\/bad\.json:1: .*\[E_JSON\]$/);
    expect(badSeeds.fix).toContain('--keep-going');
    expect(bad.stderr).toContain('[E_BAD_SEEDS]');
    rmSync(path.join(dir, 'seeds', 'bad.json'));

    writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'news.example.com', title: 'T' }));
    const config = await cli(['build', '--json', '--dry-run'], { cwd: dir });
    expect(config.code).toBe(1);
    expect(failure(config.stdout).error).toMatchObject({ code: 'E_CONFIG', message: '1 problem in the settings', file: 'storyfeed.config.json' });
    expect(failure(config.stdout).error.problems[0]).toContain('siteUrl: "news.example.com"');
    expect(config.stderr).toContain('[E_CONFIG]');
    // Flags are no file: they are named in the message (regression: `"file": "--site"`).
    writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'https://news.example.com', title: 'T' }));
    const flag = await cli(['build', '--json', '--dry-run', '--site', 'notaurl'], { cwd: dir });
    expect(failure(flag.stdout).error).toMatchObject({ code: 'E_CONFIG', message: '1 problem in --site/--title', file: null });

    const usage = await cli(['build', '--json', '--bogus'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(failure(usage.stdout).error).toMatchObject({ code: 'E_USAGE', message: "unknown option '--bogus'" });
    expect(usage.stderr).toContain("unknown option '--bogus'");
  });

  it('inspect, verify and deploy print their errors as JSON too, and nothing on stdout without --json', async () => {
    for (const [argv, code, exit] of [
      [['inspect', 'nonexistent.md', '--json'], 'E_IO', 1],
      [['verify', '--json', '--timeout', 'abc', 'public/rss.xml'], 'E_USAGE', 2],
      [['verify', '--json'], 'E_USAGE', 2],
      [['deploy', '--json'], 'E_USAGE', 2],
    ] as const) {
      const run = await cli([...argv], { cwd: dir });
      expect(run.code, argv.join(' ')).toBe(exit);
      expect(failure(run.stdout), argv.join(' ')).toMatchObject({ ok: false, error: { code } });
      expect(run.stderr, argv.join(' ')).toContain('error:');
      const human = await cli(
        argv.filter((a) => a !== '--json'),
        { cwd: dir },
      );
      expect(human.code, argv.join(' ')).toBe(exit);
      expect(human.stdout, argv.join(' ')).toBe('');
    }
    expect(failure((await cli(['inspect', 'nonexistent.md', '--json'], { cwd: dir })).stdout).error.file).toBe('nonexistent.md');
  });

  it('build --watch --json prints a failed build as JSON', async () => {
    writeFileSync(path.join(dir, 'storyfeed.config.json'), '{ broken');
    let stdout = '';
    const code = await runCli(['build', '--watch', '--json'], { out: (t) => (stdout += t), err: () => {}, env: {}, cwd: dir, untilStopped: () => Promise.resolve() });
    expect(code).toBe(0);
    expect(failure(stdout.slice(0, stdout.indexOf('Watching'))).error.code).toBe('E_CONFIG');
  });
});
