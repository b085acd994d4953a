import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { isStoryfeedError, type ProblemCode } from '../../src/errors.js';
import { loadConfigFile } from '../../src/node/config-file.js';
import { loadStories } from '../../src/node/load-stories.js';
import { pingHub } from '../../src/node/websub.js';
import { readSeed } from '../../src/seed/index.js';
import { normalizeText } from '../../src/seed/text.js';
import { createFeedHandler } from '../../src/server/handler.js';
import { parseSeed } from '../../src/story/normalize.js';
import { sentenceEnds } from '../../src/story/summary.js';
import { cli } from '../support/cli.js';
import { makeTemp, removeTemp, startChild, tally } from './support.js';

/**
 * One regression test (or a few) per defect class of the hostile-input review (issue 13), named
 * after the class. Timing of the text passes is checked in hostile-linear.test.ts (and in full by
 * `npm run stress:hostile`); here each class is checked for the right outcome.
 */

const site = { siteUrl: 'https://news.example.com/' };
/** A size cap whose structure limit (one unit per 25 bytes: 4,000,000) lets these seeds reach the parsers' own guards. */
const LARGE_CAP = 100_000_000;
let dir: string;
let count = 0;

beforeAll(() => {
  dir = makeTemp('classes');
});
afterAll(() => {
  removeTemp(dir);
  tally('hostile input: defect-class regressions', count);
});

/** The error code `fn` throws, or `ok`; anything but a StoryfeedError is returned as `E_INTERNAL`. */
function outcome(fn: () => unknown): 'ok' | ProblemCode {
  count++;
  try {
    fn();
    return 'ok';
  } catch (error) {
    return isStoryfeedError(error) ? error.code : 'E_INTERNAL';
  }
}

/** A fresh folder with a config and the given seed files. */
function project(name: string, files: Record<string, string>, config: Record<string, unknown> = {}): string {
  const work = path.join(dir, name);
  mkdirSync(path.join(work, 'seeds'), { recursive: true });
  writeFileSync(path.join(work, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'https://news.example.com', title: 'Hostile', ...config }));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(work, 'seeds', file), text);
  return work;
}

describe('class 1: quadratic text handling (ReDoS)', () => {
  it('finds sentence ends in one scan: runs of . !? … around real sentences give the same ends as before', () => {
    expect(sentenceEnds('It sank. Then it rose! Why? Nobody… Knew.')).toEqual([8, 22, 27, 35]);
    expect(sentenceEnds('Dr. Smith met J. Doe. Both “left.” Later')).toEqual([21, 34]);
    const dots = `A${'.'.repeat(200_000)} B`;
    expect(sentenceEnds(dots)).toEqual([200_001]);
    expect(sentenceEnds(`A${'!?'.repeat(100_000)}b`)).toEqual([]);
    count += 4;
  });

  it('trims trailing spaces line by line, and keeps a long run of spaces, tabs or NBSP before a letter', () => {
    expect(normalizeText('a  \nb\t\u00a0\n c ')).toBe('a\nb\n c');
    const run = `A${' \t\u00a0'.repeat(100_000)}b`;
    expect(normalizeText(run)).toBe(`A${' '.repeat(300_000)}b`);
    count += 2;
  });

  it('refuses 50,000 YAML keys (about 500 KB) by size, reads 5,000 keys in full, and still refuses duplicates', () => {
    const keys = (n: number): string => Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n');
    expect(outcome(() => readSeed(`---\ntitle: T\n${keys(50_000)}\n---\nBody.\n`, { file: 'keys.md' }))).toBe('E_FRONT_MATTER');
    expect(outcome(() => readSeed(`---\ntitle: T\n${keys(5_000)}\n---\nBody.\n`, { file: 'keys.md' }))).toBe('ok');
    expect(outcome(() => readSeed('---\ntitle: T\ntitle: U\n---\nBody.\n', { file: 'dup.md' }))).toBe('E_FRONT_MATTER');
    expect(outcome(() => readSeed('---\ntitle: T\nauthors:\n  - name: A\n    name: B\n---\nBody.\n', { file: 'dup-nested.md' }))).toBe('E_FRONT_MATTER');
  });

  it('refuses deeply nested HTML of about 1 MB with E_TOO_DEEP naming the file, in Markdown and JSON seeds', () => {
    const md = `# Deep\n\nSome <i>${'<b>'.repeat(330_000)}x\n`;
    let error: unknown;
    try {
      parseSeed(md, { file: 'deep.md', site, maxSeedBytes: LARGE_CAP });
    } catch (e) {
      error = e;
    }
    expect(isStoryfeedError(error) && error.code).toBe('E_TOO_DEEP');
    expect(String(error)).toContain('deep.md');
    expect(outcome(() => parseSeed(`# Deep\n\n${'<div>'.repeat(200_000)}x\n`, { file: 'block.md', site, maxSeedBytes: LARGE_CAP }))).toBe('E_TOO_DEEP');
    expect(
      outcome(() => parseSeed(JSON.stringify({ title: 'Deep', contentHtml: `<p>${'<span>'.repeat(200_000)}x</p>` }), { file: 'deep.json', site, maxSeedBytes: LARGE_CAP })),
    ).toBe('E_TOO_DEEP');
    // Under the default cap, the same seeds are refused before they are parsed, by their structure.
    expect(outcome(() => parseSeed(md, { file: 'deep.md', site }))).toBe('E_TOO_LARGE');
    // Nesting below the limit is read as before.
    expect(outcome(() => parseSeed(`# Fine\n\n${'<div>'.repeat(100)}text${'</div>'.repeat(100)}\n`, { file: 'fine.md', site }))).toBe('ok');
  });

  it('refuses YAML brackets nested 100,000 deep with E_FRONT_MATTER, not a stack overflow', () => {
    expect(outcome(() => readSeed(`---\ntitle: T\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\nBody.\n`, { file: 'deep.md', maxSeedBytes: LARGE_CAP }))).toBe(
      'E_FRONT_MATTER',
    );
    expect(outcome(() => readSeed('---\ntitle: "[[[[ not brackets"\ntags: [a, "[b"]\n---\nBody.\n', { file: 'fine.md' }))).toBe('ok');
  });
});

describe('class 2: stack overflows on large inputs', () => {
  it('reads a block of 200,000 short lines under a short first line (no Math.max(...lines))', () => {
    const text = `Title\n\nShort\n${'a b c.\n'.repeat(200_000)}`;
    expect(outcome(() => readSeed(text, { file: 'lines.txt', maxSeedBytes: LARGE_CAP }))).toBe('ok');
    // Under the default cap (200,000 lines, marks of markup and table cells) it is refused by its structure, naming the line.
    expect(outcome(() => readSeed(text, { file: 'lines.txt' }))).toBe('E_TOO_LARGE');
  });
});

describe('class 4: unbounded resources', () => {
  const fifo = (file: string): boolean => {
    try {
      execFileSync('mkfifo', [file]);
      return true;
    } catch {
      return false;
    }
  };

  it.skipIf(process.platform === 'win32')('refuses a FIFO sidecar by name instead of hanging the build', async () => {
    const work = project('fifo-sidecar', { 'story.txt': 'A story\n\nIt happened.\n' });
    if (!fifo(path.join(work, 'seeds', 'story.meta.yaml'))) return;
    const run = await cli(['build'], { cwd: work });
    count++;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('seeds/story.meta.yaml is a named pipe (FIFO), not a sidecar file');
    expect(run.stderr).toContain('[E_IO]');
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO seed and a seed linked to /dev/zero (no hang, no unbounded read)', async () => {
    const work = project('special-seeds', { 'ok.txt': 'A story\n\nIt happened.\n' });
    const haveFifo = fifo(path.join(work, 'seeds', 'pipe.txt'));
    const haveZero = existsSync('/dev/zero');
    if (haveZero) symlinkSync('/dev/zero', path.join(work, 'seeds', 'zero.md'));
    const run = await cli(['build', '--keep-going'], { cwd: work });
    count++;
    expect(run.code).toBe(0);
    if (haveFifo) expect(run.stderr).toContain('seeds/pipe.txt is a named pipe (FIFO), not a seed file');
    if (haveZero) expect(run.stderr).toContain('seeds/zero.md is a character device, not a seed file');
    const sidecar = project('zero-sidecar', { 'story.txt': 'A story\n\nIt happened.\n' });
    if (haveZero) {
      symlinkSync('/dev/zero', path.join(sidecar, 'seeds', 'story.meta.yaml'));
      const linked = await cli(['build'], { cwd: sidecar });
      expect(linked.code).toBe(1);
      expect(linked.stderr).toContain('seeds/story.meta.yaml is a character device, not a sidecar file');
    }
  });

  it('applies maxSeedBytes to sidecars', async () => {
    const work = project('big-sidecar', { 'story.txt': 'A story\n\nIt happened.\n', 'story.meta.yaml': `title: Big\nsummary: ${'x'.repeat(5_000)}\n` }, { maxSeedBytes: 2_000 });
    const run = await cli(['build'], { cwd: work });
    count++;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/seeds\/story\.meta\.yaml is 0\.0 MB; sidecars are limited to 0\.0 MB \[E_TOO_LARGE\]/);
  });

  it('applies the size limit and the regular-file rule to inspect', async () => {
    const work = project('inspect-big', { 'big.txt': `Big\n\n${'word '.repeat(1_000)}\n` }, { maxSeedBytes: 2_000 });
    const run = await cli(['inspect', 'seeds/big.txt'], { cwd: work });
    count++;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[E_TOO_LARGE]');
    if (existsSync('/dev/zero')) {
      symlinkSync('/dev/zero', path.join(work, 'seeds', 'zero.txt'));
      const zero = await cli(['inspect', 'seeds/zero.txt'], { cwd: work });
      expect(zero.code).toBe(1);
      expect(zero.stderr).toContain('is a character device, not a seed file');
    }
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO given to verify instead of waiting for a writer', async () => {
    const work = project('verify-fifo', {});
    const file = path.join(work, 'feed.xml');
    if (!fifo(file)) return;
    const run = await cli(['verify', 'feed.xml'], { cwd: work });
    count++;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('feed.xml is a named pipe (FIFO), not a feed file');
  });

  it('serve hashes and compresses each file version once, however many clients ask at once', async () => {
    let compressions = 0;
    const body = new TextEncoder().encode(`<rss version="2.0"><channel>${'<item><title>x</title></item>'.repeat(2_000)}</channel></rss>`);
    const handler = createFeedHandler({
      files: () => ({ body, lastModified: new Date('2024-10-21T12:00:00Z') }),
      encoders: {
        gzip: async (bytes) => {
          compressions++;
          return bytes.subarray(0, 100);
        },
      },
    });
    const answers = await Promise.all(Array.from({ length: 50 }, () => handler(new Request('http://localhost/rss.xml', { headers: { 'accept-encoding': 'gzip' } }))));
    count++;
    expect(new Set(answers.map((r) => r.headers.get('etag'))).size).toBe(1);
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(compressions).toBe(1);
  });
});

describe('class 5: unsafe or silently wrong configuration', () => {
  const problemsOf = (config: Record<string, unknown>): string => {
    try {
      validateConfig({ siteUrl: 'https://news.example.com', title: 'T', ...config }, 'storyfeed.config.json');
      return '';
    } catch (error) {
      count++;
      return isStoryfeedError(error) ? `${error.code} ${error.message}` : `E_INTERNAL ${String(error)}`;
    }
  };

  it('refuses a storyPath that makes links javascript: (or leaves the site)', () => {
    expect(problemsOf({ storyPath: 'javascript:alert(1)//{slug}' })).toMatch(/^E_CONFIG .*storyPath/s);
    expect(problemsOf({ storyPath: 'https://evil.example/{slug}' })).toMatch(/^E_CONFIG .*storyPath/s);
    // Leading slashes are dropped: this is a path on the site, not another host.
    expect(problemsOf({ storyPath: '//evil.example/{slug}' })).toBe('');
    expect(problemsOf({ storyPath: 'news/{slug}/' })).toBe('');
    // The library checks the site it is given too.
    expect(outcome(() => parseSeed('A story\n\nIt happened.\n', { file: 'a.txt', site: { siteUrl: 'https://news.example.com/', storyPath: 'javascript:alert(1)//{slug}' } }))).toBe(
      'E_URL',
    );
  });

  it('refuses javascript:, data: and credentials in URL-valued fields', () => {
    expect(problemsOf({ authors: [{ name: 'A', url: 'javascript:alert(1)' }] })).toContain('authors[0].url');
    expect(problemsOf({ authors: [{ name: 'A', url: 'data:text/html,<script>alert(1)</script>' }] })).toContain('authors[0].url');
    expect(problemsOf({ siteUrl: 'https://user:password@news.example.com/' })).toMatch(/siteUrl.*user name or password/);
    for (const key of ['hub', 'icon', 'favicon', 'logo', 'feedBaseUrl']) expect(problemsOf({ [key]: 'javascript:alert(1)' })).toContain(key);
    expect(problemsOf({ hub: 'https://u:p@hub.example/' })).toContain('hub');
    expect(outcome(() => parseSeed('A story\n\nIt happened.\n', { file: 'a.txt', site: { siteUrl: 'https://user:pw@news.example.com/' } }))).toBe('E_URL');
    expect(outcome(() => readSeed('---\ntitle: T\nauthors:\n  - name: A\n    url: https://u:p@x.example/\n---\nBody.\n', { file: 'a.md' }))).toBe('E_FIELD');
  });

  it('reports a throwing config getter as a config problem naming the field', () => {
    const config = {
      siteUrl: 'https://news.example.com',
      title: 'T',
      get description(): string {
        throw new Error('boom');
      },
      authors: [
        {
          name: 'A',
          get url(): string {
            throw new Error('bang');
          },
        },
      ],
    };
    let error: unknown;
    try {
      validateConfig(config, 'storyfeed.config.mjs');
    } catch (e) {
      error = e;
    }
    count++;
    expect(isStoryfeedError(error) && error.code).toBe('E_CONFIG');
    expect(String(error)).toContain('description: cannot be read: boom');
    expect(String(error)).toContain('authors[0].url: cannot be read: bang');
  });

  it('fails with E_CONFIG and exit 1 when a JS config never finishes loading (top-level await)', async () => {
    const work = project('tla', { 'story.txt': 'A story\n\nIt happened.\n' });
    writeFileSync(path.join(work, 'storyfeed.config.mjs'), 'await new Promise(() => {});\nexport default { siteUrl: "https://news.example.com", title: "Never" };\n');
    const child = await startChild('cli', ['build', '--config', 'storyfeed.config.mjs'], { cwd: work });
    const how = await child.exited;
    count++;
    expect(how).toBe(1);
    expect(child.stderr()).toContain('the configuration never finished loading');
    expect(child.stderr()).toContain('[E_CONFIG]');
    expect(existsSync(path.join(work, 'public'))).toBe(false);
  }, 60_000);

  it('times out a JS config whose top-level await keeps the process busy forever', async () => {
    const work = project('tla-busy', {});
    writeFileSync(path.join(work, 'busy.mjs'), 'const t = setInterval(() => {}, 1000);\nawait new Promise(() => {});\nexport default { t };\n');
    let error: unknown;
    try {
      await loadConfigFile('busy.mjs', work, { timeoutMs: 200 });
    } catch (e) {
      error = e;
    }
    count++;
    expect(isStoryfeedError(error) && error.code).toBe('E_CONFIG');
    expect(String(error)).toContain('still loading after 0.2 s');
  });
});

describe('class 6: terminal injection', () => {
  it('escapes control characters in feed titles printed by verify, so they cannot fake a result line', async () => {
    const work = project('inject-verify', {});
    const title = 'Evil\u001b[2J\u001b[H\nAll 99 feed(s) OK.\u009b31m';
    writeFileSync(path.join(work, 'feed.json'), JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title, home_page_url: 'https://x.example/', items: [] }));
    const run = await cli(['verify', 'feed.json'], { cwd: work });
    count++;
    const printed = run.stdout + run.stderr;
    expect(printed).not.toMatch(/[\u001b\u009b]/);
    expect(printed).toContain('Evil\\u001b[2J\\u001b[H');
    expect(printed).toContain('feed(s) OK.\\u009b31m');
    expect(printed.split('\n').filter((l) => l.startsWith('All 99'))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('escapes control characters in seed file names', async () => {
    const work = project('inject-name', { 'good.txt': 'A story\n\nIt happened.\n', 'bad\u001b[31m\rname.txt': '' });
    const run = await cli(['build', '--keep-going'], { cwd: work });
    count++;
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/[\u001b\r]/);
    expect(run.stderr).toContain('bad\\u001b[31m\\u000dname.txt');
  });
});

describe('class 7: smaller ones', () => {
  let hub: Server | undefined;
  afterAll(() => {
    hub?.closeAllConnections();
    hub?.close();
  });

  it('gives up on a WebSub hub that never answers within one overall deadline', async () => {
    hub = createServer(() => undefined); // accepts and never answers
    await new Promise<void>((resolve) => hub!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
    const topics = ['https://x.example/rss.xml', 'https://x.example/atom.xml', 'https://x.example/feed.json'];
    let error: unknown;
    try {
      await pingHub(url, topics, { deadlineMs: 300, timeoutMs: 10_000, retryDelayMs: 10 });
    } catch (e) {
      error = e;
    }
    count++;
    expect(isStoryfeedError(error) && error.code).toBe('E_PUBLISH');
    expect(isStoryfeedError(error) && error.problems).toHaveLength(3);
    expect(String(isStoryfeedError(error) && error.problems[0])).toContain('no answer before the 0.3 s deadline');
  });

  it.skipIf(process.platform !== 'linux')('reports a non-UTF-8 file name as such, not as "does not exist"', async () => {
    const work = project('latin1-name', { 'good.txt': 'A story\n\nIt happened.\n' });
    writeFileSync(Buffer.concat([Buffer.from(path.join(work, 'seeds', 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]), 'Café\n\nIt happened.\n');
    const loaded = await loadStories(path.join(work, 'seeds'), { site, cwd: work });
    count++;
    expect(loaded.stories).toHaveLength(1);
    expect(loaded.errors.map((e) => e.message)).toEqual([
      'seeds/caf\\xE9.txt: seeds/caf\\xE9.txt: the name is not valid UTF-8 (bad bytes shown as \\xNN); rename it in UTF-8 [E_IO]',
    ]);
    // Given on the command line, the name arrives with U+FFFD in place of the bad byte.
    const inspect = await cli(['inspect', 'seeds/caf\uFFFD.txt'], { cwd: work });
    expect(inspect.code).toBe(1);
    expect(inspect.stderr).toContain('its name is not valid UTF-8');
  });

  it('answers If-Modified-Since: 2100 (not an HTTP-date) with 200, and a real HTTP-date with 304', async () => {
    const handler = createFeedHandler({ files: { 'rss.xml': { body: '<rss/>', lastModified: new Date('2024-10-21T12:00:00Z') } } });
    const get = (ims: string): Promise<Response> => handler(new Request('http://localhost/rss.xml', { headers: { 'if-modified-since': ims } }));
    count++;
    expect((await get('2100')).status).toBe(200);
    expect((await get('Fri, 01 Jan 2100')).status).toBe(200);
    expect((await get('Mon, 21 Oct 2024 12:00:00 GMT')).status).toBe(304);
    expect((await get('Monday, 21-Oct-24 12:00:00 GMT')).status).toBe(304);
    expect((await get('Mon Oct 21 12:00:00 2024')).status).toBe(304);
    expect((await get('Sun, 20 Oct 2024 12:00:00 GMT')).status).toBe(200);
  });

  it('refuses verify --timeout 9999999999 as a usage error (exit 2), not as a bad feed', async () => {
    const work = project('timeout', {});
    const run = await cli(['verify', '--timeout', '9999999999', 'https://x.example/feed.xml'], { cwd: work });
    count++;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--timeout must be a whole number from 1 to 3600000');
    expect(run.stderr).toContain('[E_USAGE]');
  });
});
