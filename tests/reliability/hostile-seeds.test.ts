import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStoryfeedError, type Diagnostic, type ProblemCode } from '../../src/errors.js';
import { decodeSeedBytes } from '../../src/seed/decode.js';
import { parseSeed } from '../../src/story/normalize.js';
import type { Story } from '../../src/types.js';
import { cli } from '../support/cli.js';
import { makeTemp, removeTemp, tally } from './support.js';

/**
 * Hostile seeds, each through the real entry points (bytes → `decodeSeedBytes` → `parseSeed`): every
 * one must give a Story (with the expected warnings) or a StoryfeedError with the expected code,
 * both naming the file, within a bounded time; never another exception.
 */

const site = { siteUrl: 'https://news.example.com' };
const MAX_MS = 15_000;

/** What a hostile seed must produce. */
type Expect = { error: ProblemCode; says?: RegExp } | { warns?: ProblemCode[]; check?: (story: Story, warnings: Diagnostic[]) => void; timeZone?: string };

interface Case {
  file: string;
  bytes: Uint8Array;
  expect: Expect;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const fm = (yaml: string, body = 'The body of the story is here.'): Uint8Array => utf8(`---\n${yaml}\n---\n${body}\n`);
const ok = (check?: (story: Story, warnings: Diagnostic[]) => void, warns: ProblemCode[] = []): Expect => (check ? { warns, check } : { warns });

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]`,
    );
  return `${lines.join('\n')}\ntitle: Laughs`;
}

const cases: Case[] = [
  // Encodings: decode by byte-order mark, or a clear error.
  { file: 'latin1.txt', bytes: Buffer.from('Café crème\nA naïve body, déjà vu.\n', 'latin1'), expect: { error: 'E_ENCODING', says: /Latin-1 or Windows-1252/ } },
  { file: 'cp1252.txt', bytes: new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x0a, 0x42, 0x6f, 0x64, 0x79, 0x0a]), expect: { error: 'E_ENCODING', says: /byte 0x93 at byte 1/ } },
  {
    file: 'utf16le-bom.txt',
    bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Київ відкрив міст\nПерший абзац статті.\n', 'utf16le')]),
    expect: ok((s) => expect(s.title).toBe('Київ відкрив міст')),
  },
  {
    file: 'utf16be-bom.md',
    bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('# Title in UTF-16BE\n\nBody text.\n', 'utf16le').swap16()]),
    expect: ok((s) => expect(s.title).toBe('Title in UTF-16BE')),
  },
  { file: 'utf16le-nobom.txt', bytes: Buffer.from('Title\nBody text here.\n', 'utf16le'), expect: { error: 'E_ENCODING', says: /UTF-16LE without a byte-order mark/ } },
  { file: 'utf16be-nobom.txt', bytes: Buffer.from('Title\nBody text here.\n', 'utf16le').swap16(), expect: { error: 'E_ENCODING', says: /UTF-16BE without a byte-order mark/ } },
  { file: 'utf16-lone-surrogate.txt', bytes: new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x0a, 0x00]), expect: { error: 'E_ENCODING' } },
  { file: 'utf32.txt', bytes: new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), expect: { error: 'E_ENCODING', says: /UTF-32/ } },
  { file: 'overlong.txt', bytes: new Uint8Array([0x54, 0x0a, 0xc0, 0xaf, 0x0a]), expect: { error: 'E_ENCODING' } },
  { file: 'utf8-surrogate.txt', bytes: new Uint8Array([0x54, 0x0a, 0xed, 0xa0, 0x80, 0x0a]), expect: { error: 'E_ENCODING' } },
  { file: 'png.txt', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), expect: { error: 'E_BINARY' } },
  { file: 'stray-nul.txt', bytes: utf8('Title\nA body with a \0 NUL and \u000b in it.\n'), expect: ok(undefined, ['W_ILLEGAL_CHAR']) },
  { file: 'bom-crlf.txt', bytes: utf8('\uFEFFTitle\r\nBody line.\r\n'), expect: ok((s) => expect(s.title).toBe('Title')) },
  { file: 'empty.md', bytes: new Uint8Array(), expect: { error: 'E_EMPTY' } },

  // Front matter: alias bombs, prototype keys, wrong types.
  { file: 'alias-bomb.md', bytes: fm(billionLaughs()), expect: { error: 'E_FRONT_MATTER', says: /alias/i } },
  { file: 'alias-few.md', bytes: fm('title: &t Repeated\ntags: [*t, *t, *t]'), expect: ok((s) => expect(s.tags[0]).toBe('Repeated')) },
  { file: 'deep-yaml.md', bytes: fm(`title: Deep\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}`), expect: { error: 'E_FRONT_MATTER' } },
  {
    file: 'proto.md',
    bytes: fm('__proto__:\n  draft: true\n  title: Polluted\nconstructor: {prototype: {draft: true}}\nprototype: x\ntitle: Clean'),
    expect: ok((s) => expect([s.title, s.draft]).toEqual(['Clean', false])),
  },
  { file: 'proto-author.md', bytes: fm('title: T\nauthors: [{__proto__: {name: Ghost}}]'), expect: { error: 'E_FIELD', says: /needs a `name`/ } },
  {
    file: 'proto-keys.json',
    bytes: utf8('{"title":"Clean","body":"Text.","__proto__":{"draft":true,"title":"Polluted"},"constructor":{"prototype":{"draft":true}}}'),
    expect: ok((s) => expect([s.title, s.draft]).toEqual(['Clean', false])),
  },
  { file: 'title-number.md', bytes: fm('title: 1984'), expect: ok((s) => expect(s.title).toBe('1984')) },
  { file: 'title-bool.json', bytes: utf8('{"title":true,"body":"Text."}'), expect: ok((s) => expect(s.title).toBe('true')) },
  { file: 'title-list.md', bytes: fm('title: [a, b]'), expect: { error: 'E_FIELD', says: /`title`: expected text, found a list/ } },
  { file: 'title-map.md', bytes: fm('title: {a: 1}'), expect: { error: 'E_FIELD', says: /found a mapping/ } },
  { file: 'title-object.json', bytes: utf8('{"title":{"text":"x"},"body":"Text."}'), expect: { error: 'E_FIELD', says: /\$\.title/ } },
  { file: 'title-null.json', bytes: utf8('{"title":null,"body":"Text."}'), expect: { error: 'E_FIELD', says: /\$\.title: required/ } },
  {
    file: 'title-newline.json',
    bytes: utf8('{"title":"Line one\\nBy Somebody Else","body":"The real body."}'),
    expect: ok((s) => expect([s.title, s.authors]).toEqual(['Line one By Somebody Else', []])),
  },
  { file: 'title-html.md', bytes: fm('title: "<script>alert(1)</script> & <b>bold</b>"'), expect: ok((s) => expect(s.title).toBe('<script>alert(1)</script> & <b>bold</b>')) },
  { file: 'tags-map.md', bytes: fm('title: T\ntags: {a: 1}'), expect: { error: 'E_FIELD' } },
  { file: 'authors-number.md', bytes: fm('title: T\nauthors: 42'), expect: { error: 'E_FIELD' } },
  { file: 'js-tag.md', bytes: fm("title: !!js/function 'function () { return 1 }'"), expect: ok((s) => expect(typeof s.title).toBe('string')) },
  { file: 'duplicate-key.md', bytes: fm('title: a\ntitle: b'), expect: { error: 'E_FRONT_MATTER', says: /unique/ } },
  { file: 'unclosed.md', bytes: utf8('---\ntitle: T\nBody without a closing fence.\n'), expect: { error: 'E_FRONT_MATTER', says: /never closed/ } },
  { file: 'not-a-map.md', bytes: fm('- a\n- b'), expect: { error: 'E_FRONT_MATTER' } },
  {
    file: 'escapes.md',
    bytes: fm('title: "A\\x01B"\nid: "tag:news.example.com,2024:\\u0001a"\nauthor: {name: "N\\x02", email: "a\\x03@b.example"}\ntags: ["t\\x05"]'),
    expect: ok(
      (s) => expect([s.title, s.id, s.authors[0], s.tags[0]]).toEqual(['AB', 'tag:news.example.com,2024:a', { name: 'N', email: 'a@b.example' }, 't']),
      ['W_ILLEGAL_CHAR'],
    ),
  },
  {
    file: 'escapes.json',
    bytes: utf8('{"title":"A\\u0001B","id":"tag:news.example.com,2024:\\uFFFEb","body":"Hi\\u0002 there.","authors":[{"name":"N\\u0008"}]}'),
    expect: ok((s) => expect([s.title, s.id, s.authors[0]!.name, s.contentText]).toEqual(['AB', 'tag:news.example.com,2024:b', 'N', 'Hi there.']), ['W_ILLEGAL_CHAR']),
  },

  // Dates: no time zone, far future, before 1970, impossible.
  {
    file: 'no-zone.md',
    bytes: fm('title: T\ndate: 2024-10-21T08:30:00'),
    expect: ok(
      (s, w) => {
        expect(s.published.toISOString()).toBe('2024-10-21T08:30:00.000Z');
        expect(w.find((d) => d.code === 'W_DATE_NO_ZONE')).toMatchObject({ file: 'no-zone.md', line: 3 });
      },
      ['W_DATE_NO_ZONE'],
    ),
  },
  {
    file: 'no-zone-kyiv.md',
    bytes: fm('title: T\ndate: 2024-10-21T08:30:00'),
    expect: { timeZone: 'Europe/Kyiv', warns: [], check: (s) => expect(s.published.toISOString()).toBe('2024-10-21T05:30:00.000Z') },
  },
  { file: 'date-only.md', bytes: fm('title: T\ndate: 2024-10-21'), expect: ok((s) => expect(s.published.toISOString()).toBe('2024-10-21T00:00:00.000Z')) },
  { file: 'far-future.md', bytes: fm('title: T\ndate: 9999-12-31T23:59:59Z'), expect: ok((s) => expect(s.published.toISOString()).toBe('9999-12-31T23:59:59.000Z')) },
  { file: 'past-9999.md', bytes: fm('title: T\ndate: 9999-12-31T23:59:59-01:00'), expect: { error: 'E_DATE', says: /out of range/ } },
  { file: 'year-10000.md', bytes: fm('title: T\ndate: 10000-01-01'), expect: { error: 'E_DATE' } },
  { file: 'moon-landing.md', bytes: fm('title: T\ndate: 1969-07-20T20:17:40Z'), expect: ok((s) => expect(s.published.getTime()).toBe(-14182940000)) },
  { file: 'year-one.md', bytes: fm('title: T\ndate: 0001-03-05T00:00:00Z'), expect: ok((s) => expect(s.published.toISOString()).toBe('0001-03-05T00:00:00.000Z')) },
  // The zero value of Go's, .NET's and Python's dates: a date never set, refused as a 1970 date is.
  { file: 'zero-date.md', bytes: fm('title: T\ndate: 0001-01-01T00:00:00Z'), expect: { error: 'E_DATE', says: /the zero value/ } },
  { file: 'year-fifty.md', bytes: fm('title: T\ndate: 0050-06-01'), expect: ok((s) => expect(s.published.getUTCFullYear()).toBe(50)) },
  { file: 'not-leap.md', bytes: fm('title: T\ndate: 1900-02-29'), expect: { error: 'E_DATE', says: /1900-02 has 28 days/ } },
  { file: 'yesterday.md', bytes: fm('title: T\ndate: yesterday'), expect: { error: 'E_DATE' } },
  { file: 'date-number.md', bytes: fm('title: T\ndate: 1700000000'), expect: { error: 'E_DATE' } },
  { file: 'bad-offset.md', bytes: fm('title: T\ndate: 2024-01-01T00:00:00+25:00'), expect: { error: 'E_DATE' } },
  { file: 'updated-before.md', bytes: fm('title: T\ndate: 2024-01-02T00:00:00Z\nupdated: 2024-01-01T00:00:00Z'), expect: ok(undefined, ['W_DATE_ORDER']) },

  // Ids, URLs and slugs that try to leave the site or run script.
  { file: 'slug-traversal.md', bytes: fm('title: T\nslug: ../../x'), expect: ok((s) => expect([s.slug, s.url]).toEqual(['x', 'https://news.example.com/x']), ['W_UNSAFE_SLUG']) },
  { file: 'slug-absolute.md', bytes: fm('title: T\nslug: /etc/passwd'), expect: ok((s) => expect(s.slug).toBe('etc-passwd'), ['W_UNSAFE_SLUG']) },
  {
    file: 'slug-script.md',
    bytes: fm('title: T\nslug: "javascript:alert(1)"'),
    expect: ok((s) => expect(s.url).toBe('https://news.example.com/javascript-alert-1'), ['W_UNSAFE_SLUG']),
  },
  { file: 'url-traversal.md', bytes: fm('title: T\nurl: ../../../y'), expect: ok((s) => expect(s.url).toBe('https://news.example.com/y')) },
  { file: 'url-absolute-path.md', bytes: fm('title: T\nurl: /etc/passwd'), expect: ok((s) => expect(s.url).toBe('https://news.example.com/etc/passwd')) },
  { file: 'url-script.md', bytes: fm('title: T\nurl: "javascript:alert(1)"'), expect: { error: 'E_URL' } },
  { file: 'url-script-case.md', bytes: fm('title: T\nurl: " JaVaScRiPt:alert(1)"'), expect: { error: 'E_URL' } },
  { file: 'url-data.md', bytes: fm('title: T\nurl: "data:text/html,<script>alert(1)</script>"'), expect: { error: 'E_URL' } },
  { file: 'url-file.md', bytes: fm('title: T\nurl: file:///etc/passwd'), expect: { error: 'E_URL' } },
  { file: 'id-traversal.md', bytes: fm('title: T\nid: ../../x'), expect: { error: 'E_FIELD', says: /absolute URI/ } },
  { file: 'id-absolute-path.md', bytes: fm('title: T\nid: /etc/passwd'), expect: { error: 'E_FIELD' } },
  { file: 'id-script.md', bytes: fm('title: T\nid: "javascript:alert(1)"'), expect: { error: 'E_FIELD' } },
  { file: 'id-data.md', bytes: fm('title: T\nid: "data:,x"'), expect: { error: 'E_FIELD' } },
  { file: 'id-file.md', bytes: fm('title: T\nid: file:///etc/passwd'), expect: { error: 'E_FIELD' } },
  { file: 'image-script.md', bytes: fm('title: T\nimage: "javascript:alert(1)"'), expect: { error: 'E_URL' } },
  { file: 'author-url-script.md', bytes: fm('title: T\nauthor: {name: X, url: "javascript:alert(1)"}'), expect: { error: 'E_FIELD', says: /absolute http\(s\) URL/ } },
  { file: 'author-url-relative.json', bytes: utf8('{"title":"T","body":"B.","authors":[{"name":"X","url":"../../x"}]}'), expect: { error: 'E_FIELD' } },
  { file: '<script>alert(1)<>.md', bytes: fm('title: T'), expect: ok((s) => expect(s.slug).toBe('script-alert-1')) },

  // Size: one enormous line, many lines, and Markdown that parsers find hard.
  { file: 'long-line.txt', bytes: utf8(`A long line\n${'x'.repeat(1_000_000)}\n`), expect: ok((s) => expect(s.contentText.length).toBe(1_000_000)) },
  {
    file: 'long-line-words.txt',
    bytes: utf8(`A long line of words\n${'The mayor said on Tuesday that the bridge would open. '.repeat(18_519)}\n`),
    expect: ok((s) => expect(s.wordCount).toBeGreaterThan(180_000)),
  },
  { file: 'long-line.md', bytes: utf8(`# A long line\n\n${'y'.repeat(1_000_000)}\n`), expect: ok() },
  { file: 'quotes.txt', bytes: utf8(`Quotes\n${'"'.repeat(1_000_000)}\n`), expect: ok() },
  { file: 'many-lines.txt', bytes: utf8(`Many lines\n${'A short line of text.\n'.repeat(100_000)}`), expect: ok() },
  {
    file: 'emphasis.md',
    bytes: utf8(`# T\n\n${'*a '.repeat(200_000)}\n`),
    expect: { error: 'E_TOO_LARGE', says: /:3: has more than 200,000 lines, marks of markup, table cells and HTML attributes by this line/ },
  },
  {
    file: 'brackets.md',
    bytes: utf8(`# T\n\n${'['.repeat(200_000)}\n`),
    expect: { error: 'E_TOO_LARGE', says: /:3: has more than 200,000 lines, marks of markup, table cells and HTML attributes by this line/ },
  },
  {
    file: 'tags-open.md',
    bytes: utf8(`# T\n\n${'<a '.repeat(200_000)}\n`),
    expect: { error: 'E_TOO_LARGE', says: /:3: has more than 200,000 lines, marks of markup, table cells and HTML attributes by this line/ },
  },
  // Each `>` opens a quote: 100,000 are over the structure limit.
  { file: 'nested-quotes.md', bytes: utf8(`# T\n\n${'>'.repeat(100_000)} x\n`), expect: { error: 'E_TOO_LARGE', says: /lines, marks of markup, table cells and HTML attributes/ } },
  // Within it, past the Markdown parser's nesting limit: refused as nested too deep (its text would be lost).
  { file: 'nested-quotes-fewer.md', bytes: utf8(`# T\n\n${'>'.repeat(50_000)} x\n`), expect: { error: 'E_TOO_DEEP' } },
  // Past the Markdown parser's nesting limit what follows would be lost without a word (the paragraph after too): refused, naming the line.
  {
    file: 'nested-lists.md',
    bytes: utf8(`# T\n\n${'- '.repeat(50_000)}x\n\nLast.\n`),
    expect: { error: 'E_TOO_DEEP', says: /nested as deep as the Markdown parser reads .*from line 3/ },
  },
  { file: 'nested-lists-49.md', bytes: utf8(`# T\n\n${'- '.repeat(49)}x\n\nLast.\n`), expect: ok((story) => expect(story.contentText).toMatch(/x\n\nLast\.$/)) },
  { file: 'nested-quotes-100.md', bytes: utf8(`# T\n\n${'> '.repeat(100)}q\n\nLast.\n`), expect: { error: 'E_TOO_DEEP' } },
  { file: 'nested-quotes-99.md', bytes: utf8(`# T\n\n${'> '.repeat(99)}q\n\nLast.\n`), expect: ok((story) => expect(story.contentText).toMatch(/q\n\nLast\.$/)) },
  { file: 'deep.json', bytes: utf8(`{"title":"T","body":"B.","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`), expect: ok() },
  // Front matter holds fields, not text: YAML over 64 KB is refused by size (the yaml package is slow per byte).
  { file: 'huge-title.md', bytes: fm(`title: ${'t'.repeat(1_000_000)}`), expect: { error: 'E_FRONT_MATTER', says: /limited to 64 KB/ } },
  { file: 'long-title.md', bytes: fm(`title: ${'t'.repeat(60_000)}`), expect: ok((s) => expect(s.title.length).toBe(60_000)) },
];

/** Runs one hostile seed through the real entry points; returns the story or the error, and the time taken. */
function run(c: Case): { story?: Story; error?: unknown; warnings: Diagnostic[]; ms: number } {
  const warnings: Diagnostic[] = [];
  const started = performance.now();
  try {
    const text = decodeSeedBytes(c.bytes, c.file);
    const timeZone = 'timeZone' in c.expect ? c.expect.timeZone : undefined;
    const story = parseSeed(text, { file: c.file, site, onWarning: (d) => warnings.push(d), ...(timeZone ? { timeZone } : {}) });
    return { story, warnings, ms: performance.now() - started };
  } catch (error) {
    return { error, warnings, ms: performance.now() - started };
  }
}

describe('hostile seeds through decodeSeedBytes + parseSeed', () => {
  afterAll(() => tally('hostile seeds tried (decodeSeedBytes + parseSeed)', cases.length));

  it.each(cases.map((c) => [c.file, c] as const))(
    '%s',
    (_name, c) => {
      const { story, error, warnings, ms } = run(c);
      expect(ms, 'bounded time').toBeLessThan(MAX_MS);
      for (const w of warnings) expect(w.file, `${w.code} names the file`).toBe(c.file);
      if ('error' in c.expect) {
        expect(story, 'should have been refused').toBeUndefined();
        if (!isStoryfeedError(error)) throw error;
        expect(error.code, error.message).toBe(c.expect.error);
        expect(error.file).toBe(c.file);
        expect(error.message.startsWith(c.file)).toBe(true);
        if (c.expect.says) expect(error.message).toMatch(c.expect.says);
      } else {
        if (error) throw error;
        expect(story).toBeDefined();
        const codes = new Set(warnings.map((w) => w.code));
        for (const code of c.expect.warns ?? []) expect(codes, `expected ${code}`).toContain(code);
        expect(codes.has('W_DATE_NO_ZONE')).toBe((c.expect.warns ?? []).includes('W_DATE_NO_ZONE'));
        c.expect.check?.(story!, warnings);
      }
      // Prototype keys never reach the prototype.
      expect(({} as Record<string, unknown>).draft).toBeUndefined();
      expect(({} as Record<string, unknown>).title).toBeUndefined();
    },
    60_000,
  );
});

describe('hostile seed folders through the CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTemp('hostile');
  });
  afterAll(() => removeTemp(dir));

  it('reports every bad seed by name, publishes the good ones with --keep-going, and never crashes', async () => {
    const seeds = path.join(dir, 'all', 'seeds');
    mkdirSync(seeds, { recursive: true });
    // The big cases are covered above; here every other hostile file sits in one folder.
    const small = cases.filter((c) => c.bytes.length < 200_000);
    for (const c of small) writeFileSync(path.join(seeds, c.file), c.bytes);
    const started = performance.now();
    const run = await cli(['build', 'seeds', '--keep-going', '--json', '--no-cache', '--site', 'https://news.example.com', '--title', 'Hostile'], { cwd: path.join(dir, 'all') });
    expect(performance.now() - started).toBeLessThan(120_000);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as { skipped: { code: string; file: string; message: string }[]; warnings: { code: string; file: string | null }[]; stories: number };
    const refused = small.filter((c) => 'error' in c.expect);
    expect(summary.skipped.map((s) => s.file).sort()).toEqual(refused.map((c) => `seeds/${c.file}`).sort());
    for (const s of summary.skipped) expect(s.code, s.message).not.toBe('E_INTERNAL');
    expect(summary.stories).toBe(small.length - refused.length);
    for (const w of summary.warnings.filter((w) => w.code !== 'W_DRAFT')) expect(w.file, w.code).toMatch(/^seeds\//);
    tally('hostile seeds tried (one folder through the CLI)', small.length, `${refused.length} refused by name, ${small.length - refused.length} published`);
  }, 180_000);

  it('ends symlink loops, names links that cannot be followed, and refuses devices and pipes by name without reading them', async () => {
    const work = path.join(dir, 'links');
    const seeds = path.join(work, 'seeds');
    mkdirSync(path.join(seeds, 'sub'), { recursive: true });
    writeFileSync(path.join(seeds, 'good.md'), '---\ntitle: Good\ndate: 2024-01-01T00:00:00Z\n---\nA good story.\n');
    writeFileSync(path.join(seeds, 'sub', 'nested.md'), '---\ntitle: Nested\ndate: 2024-01-02T00:00:00Z\n---\nA nested story.\n');
    symlinkSync('loop.md', path.join(seeds, 'loop.md')); // a link to itself
    symlinkSync('nowhere.md', path.join(seeds, 'gone.md')); // a missing target
    symlinkSync('..', path.join(seeds, 'sub', 'up')); // back to the seeds folder
    symlinkSync('.', path.join(seeds, 'sub', 'here')); // to itself
    symlinkSync(path.join(seeds, 'cycle-b'), path.join(seeds, 'cycle-a')); // two links to each other
    symlinkSync(path.join(seeds, 'cycle-a'), path.join(seeds, 'cycle-b'));
    symlinkSync(work, path.join(seeds, 'sub', 'project')); // above the seeds folder
    symlinkSync('/dev/zero', path.join(seeds, 'zero.txt')); // a device: never read
    let fifo = false;
    try {
      execFileSync('mkfifo', [path.join(seeds, 'pipe.txt')]);
      fifo = true;
    } catch {
      // no mkfifo here: the device link still covers "not a regular file"
    }
    const started = performance.now();
    const strict = await cli(['build', 'seeds', '--no-cache', '--site', 'https://news.example.com', '--title', 'Links'], { cwd: work });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('[E_BAD_SEEDS]');
    expect(strict.stderr).toContain('seeds/loop.md: seeds/loop.md is a symbolic link loop');
    expect(strict.stderr).toContain('seeds/gone.md: seeds/gone.md is a symbolic link to a file that does not exist');

    const lenient = await cli(['build', 'seeds', '--keep-going', '--json', '--no-cache', '--site', 'https://news.example.com', '--title', 'Links'], { cwd: work });
    expect(lenient.code, lenient.stderr).toBe(0);
    const summary = JSON.parse(lenient.stdout) as { stories: number; skipped: { file: string; code: string }[] };
    // Each real story once, however many ways the links lead to it.
    expect(summary.stories).toBe(2);
    const refused = [['seeds/gone.md', 'E_IO'], ['seeds/loop.md', 'E_IO'], ...(fifo ? [['seeds/pipe.txt', 'E_IO']] : []), ['seeds/zero.txt', 'E_IO']];
    expect(summary.skipped.map((s) => [s.file, s.code]).sort()).toEqual(refused);
    expect(lenient.stderr).toContain('seeds/zero.txt is a character device, not a seed file');
    tally('hostile seeds tried (symlink loops, dangling links, devices, pipes)', fifo ? 9 : 8);
  }, 60_000);
});
