import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { nearUnixEpoch } from '../../src/seed/dates.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { isStoryfeedError } from '../../src/errors.js';
import { buildFeedDocument } from '../../src/feed/document.js';
import { createFolderHandler, serveFolder } from '../../src/node/serve.js';
import { publishFiles } from '../../src/node/publish.js';
import { buildFeeds } from '../../src/pipeline.js';
import { renderFeeds } from '../../src/render/index.js';
import { decodeSeedBytes } from '../../src/seed/decode.js';
import { createFeedHandler } from '../../src/server/handler.js';
import { parseSeed } from '../../src/story/normalize.js';
import type { Story } from '../../src/types.js';
import { checkWellFormedXml } from '../../src/verify/index.js';
import { hasIllegalXmlChars } from '../../src/xml-chars.js';
import { carriesFeedText } from '../support/stories.js';
import { childScripts, fuzzRuns, makeTemp, removeTemp, SEED, sleep, startChild, tally } from './support.js';

/**
 * Property tests over the three boundaries that meet untrusted input: seeds (any bytes give a Story
 * or a StoryfeedError, never another exception), rendering (always well-formed), and the HTTP
 * handler (any request gives 200/304/404/405, or 204 for OPTIONS, and never a file outside the
 * output folder). CI runs a bounded number of cases; `FUZZ_RUNS` raises them (`npm run fuzz`).
 */

const config = validateConfig({ siteUrl: 'https://news.example.com', title: 'Fuzz', authors: ['Desk <desk@news.example.com>'], tagFeeds: true });
const runs = {
  bytes: fuzzRuns(500),
  text: fuzzRuns(400),
  markdown: fuzzRuns(300),
  json: fuzzRuns(300),
  render: fuzzRuns(300),
  handler: fuzzRuns(1000),
  folder: fuzzRuns(500),
  http: fuzzRuns(300),
};
const counted: Record<string, number> = {};
/** Cases that became a Story (the rest were refused with a StoryfeedError), per property. */
const accepted: Record<string, number> = {};
afterAll(() => {
  const total = Object.values(counted).reduce((a, b) => a + b, 0);
  tally(
    'fuzz cases run',
    total,
    Object.entries(counted)
      .map(([k, n]) => `${k} ${n}${accepted[k] !== undefined ? ` (${accepted[k]} became stories)` : ''}`)
      .join(', '),
  );
});

const options = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: SEED, endOnFailure: true });
const FORMATS = ['x.txt', 'x.md', 'x.json', 'x.markdown', 'x.text'] as const;

/** Parses a seed; a StoryfeedError naming the file is a fine answer, anything else thrown is a bug. */
function parseOrRefuse(text: string, file: string): Story | undefined {
  try {
    return parseSeed(text, { file, site: config, fallbackDate: new Date('2024-01-01T00:00:00Z') });
  } catch (error) {
    if (!isStoryfeedError(error)) throw error;
    expect(error.file).toBe(file);
    return undefined;
  }
}

/** What every story must satisfy, whatever the seed. */
function checkStory(story: Story): void {
  expect(story.id).not.toBe('');
  expect(['http:', 'https:']).toContain(new URL(story.url).protocol);
  expect(story.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  for (const date of [story.published, story.updated]) {
    expect(Number.isNaN(date.getTime())).toBe(false);
    expect(date.getUTCFullYear()).toBeGreaterThanOrEqual(0);
    expect(date.getUTCFullYear()).toBeLessThanOrEqual(9999);
  }
  const strings = [
    story.id,
    story.title,
    story.summary,
    story.contentHtml,
    story.contentText,
    ...story.tags,
    ...story.authors.flatMap((a) => [a.name, a.email ?? '', a.url ?? '']),
  ];
  for (const s of strings) expect(hasIllegalXmlChars(s), JSON.stringify(s).slice(0, 200)).toBe(false);
}

/** Renders stories and checks every output is well-formed (XML strictly; JSON parses). */
function checkRendered(stories: Story[]): void {
  const { outputs } = buildFeeds(stories, config, { emptyFeedDate: new Date('2024-01-01T00:00:00Z') });
  for (const format of ['rss', 'atom'] as const) {
    const check = checkWellFormedXml(outputs[format]);
    expect(check.ok, `${format}: ${JSON.stringify(check).slice(0, 500)}`).toBe(true);
  }
  expect(() => JSON.parse(outputs.json)).not.toThrow();
}

const line = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    '---',
    '...',
    '# Heading',
    '## Sub',
    '- item',
    '1. one',
    '> quote',
    '```',
    '    code',
    'By Jane Doe and John Roe',
    'KYIV, Ukraine, Nov. 3 — A lede.',
    '<script>alert(1)</script>',
    '<a href="javascript:x">y</a>',
    '[x](javascript:alert(1))',
    '&#0;&#xFFFE;&#xD800;',
    ']]>',
    '\u0000\u000b\uFFFE',
    '\uD800',
    'title: x',
    'date: 2024-01-01T00:00:00',
    '"quoted," she said.',
  ),
);
const yamlValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => JSON.stringify(s)),
  fc.constantFrom(
    '2024-10-21',
    '2024-10-21T08:30:00',
    '2024-10-21T08:30:00+03:00',
    '9999-12-31T23:59:59-12:00',
    '0000-01-01',
    '1969-07-20T20:17:40Z',
    '2024-02-30',
    'yesterday',
    '1700000000',
    'null',
    '~',
    'true',
    '[a, b]',
    '{a: 1}',
    '&a x',
    '*a',
    '!!js/function x',
    '"\\x01"',
    '|\n  block',
    '../../x',
    '/etc/passwd',
    'javascript:alert(1)',
    'data:,x',
    'file:///etc/passwd',
    '[{name: X, url: "javascript:1"}]',
    '{__proto__: {draft: true}}',
  ),
  fc.integer().map(String),
);
/** A plausible value for each field (so many cases get through), or, one time in four, anything. */
const quoted = fc.string({ unit: 'binary', maxLength: 30 }).map((v) => JSON.stringify(v));
const plausible: Record<string, fc.Arbitrary<string>> = {
  title: quoted,
  summary: quoted,
  slug: quoted,
  author: fc.oneof(quoted, fc.constantFrom('Jane Doe <jane@news.example.com>', '{name: Ana Lima, url: "https://ana.example/"}')),
  authors: fc.array(quoted, { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
  tags: fc.array(quoted, { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
  date: fc.constantFrom('2024-10-21', '2024-10-21T08:30:00', '2024-10-21T08:30:00+03:00', '1969-07-20T20:17:40Z', '0001-01-01', '9999-12-31T23:59:59Z', '2024-02-29 23:59'),
  updated: fc.constantFrom('2024-10-22T08:30:00Z', '2024-10-20', '2025-01-01T00:00:00-05:00'),
  url: fc.oneof(fc.webPath(), fc.webUrl()).map((v) => JSON.stringify(v)),
  id: fc.string({ maxLength: 20 }).map((v) => JSON.stringify(`tag:news.example.com,2024:${v}`)),
  image: fc.constantFrom('img/a.jpg', 'https://cdn.example/b.png', '/c.webp'),
  language: fc.constantFrom('en', 'uk', 'tr', 'pt-BR', 'zh-Hant-TW'),
  draft: fc.constantFrom('false', 'true'),
  year: fc.constantFrom('2024', '1999'),
};
const frontMatter = fc
  .array(
    fc
      .constantFrom(...Object.keys(plausible), '__proto__', 'constructor', 'titel', 'x')
      .chain((key) =>
        fc.tuple(fc.constant(key), fc.oneof({ weight: 3, arbitrary: Object.hasOwn(plausible, key) ? plausible[key]! : yamlValue }, { weight: 1, arbitrary: yamlValue })),
      ),
    { maxLength: 8 },
  )
  .map((pairs) => `---\n${[...new Map(pairs)].map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`);

/** Bytes that are mostly text (so most cases get past decoding), with random bytes, BOMs and broken UTF-8 mixed in. */
const seedBytes = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.string({ maxLength: 40 }).map((s) => new TextEncoder().encode(s)) },
      { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new TextEncoder().encode(s)) },
      { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '---\n', '# ', '- ', 'title: ', '{"title":', '"body":"', '}').map((s) => new TextEncoder().encode(s)) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 8 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xc3], [0xe2, 0x80], [0xed, 0xa0, 0x80], [0], [0x0b]).map((b) => new Uint8Array(b)),
      },
    ),
    { maxLength: 60 },
  )
  .map((chunks) => new Uint8Array(chunks.flatMap((c) => [...c])));

describe('parseSeed: any input gives a Story or a StoryfeedError', () => {
  it('any bytes, through decodeSeedBytes', () => {
    fc.assert(
      fc.property(seedBytes, fc.constantFrom(...FORMATS), (bytes, file) => {
        let text: string;
        try {
          text = decodeSeedBytes(bytes, file);
        } catch (error) {
          if (!isStoryfeedError(error)) throw error;
          return;
        }
        const story = parseOrRefuse(text, file);
        if (story) checkStory(story);
        if (story) accepted['parseSeed(bytes)'] = (accepted['parseSeed(bytes)'] ?? 0) + 1;
      }),
      options(runs.bytes),
    );
    counted['parseSeed(bytes)'] = runs.bytes;
  }, 600_000);

  it('any Unicode text (lone surrogates and control characters included)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom(...FORMATS), (lines, file) => {
        const story = parseOrRefuse(lines.join('\n'), file);
        if (story) {
          accepted['parseSeed(text) + render'] = (accepted['parseSeed(text) + render'] ?? 0) + 1;
          checkStory(story);
          checkRendered([story]);
        }
      }),
      options(runs.text),
    );
    counted['parseSeed(text) + render'] = runs.text;
  }, 600_000);

  it('any front matter over any Markdown or text body', () => {
    fc.assert(
      fc.property(frontMatter, fc.array(line, { maxLength: 12 }), fc.constantFrom('x.md', 'x.txt'), (yaml, lines, file) => {
        const story = parseOrRefuse(`${yaml}${lines.join('\n')}`, file);
        if (story) {
          accepted['parseSeed(front matter + body) + render'] = (accepted['parseSeed(front matter + body) + render'] ?? 0) + 1;
          checkStory(story);
          checkRendered([story]);
        }
        expect(({} as Record<string, unknown>).draft).toBeUndefined();
      }),
      options(runs.markdown),
    );
    counted['parseSeed(front matter + body) + render'] = runs.markdown;
  }, 600_000);

  it('any JSON seed', () => {
    const field = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom('2024-10-21T08:30:00', '9999-12-31T23:59:59Z', 'javascript:alert(1)', '../../x', '<img src=x onerror=alert(1)>'),
    );
    const text = fc.string({ unit: 'binary', maxLength: 200 });
    const sometimes = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> => fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: field });
    const block = fc.oneof(
      fc.record({ kind: fc.constantFrom('paragraph', 'quote', 'code'), text }),
      fc.record({ kind: fc.constant('list'), ordered: fc.boolean(), items: fc.array(text, { maxLength: 4 }) }),
    );
    const body = fc.oneof(
      fc.record({ body: sometimes(text) }),
      fc.record({ markdown: sometimes(text) }),
      fc.record({ contentHtml: sometimes(text) }),
      fc.record({ sections: sometimes(fc.array(fc.record({ heading: fc.option(text), blocks: fc.array(block, { maxLength: 4 }) }), { maxLength: 3 })) }),
    );
    const meta = fc.record(
      {
        date: sometimes(plausible.date!.map((d) => d.replace(' ', 'T'))),
        authors: sometimes(fc.array(fc.record({ name: text }, { requiredKeys: [] }), { maxLength: 3 })),
        tags: sometimes(fc.array(text, { maxLength: 3 })),
        url: sometimes(fc.oneof(fc.webPath(), fc.webUrl())),
        id: sometimes(fc.string({ maxLength: 20 }).map((v) => `tag:news.example.com,2024:${v}`)),
        slug: sometimes(text),
        __proto__: field,
      },
      { requiredKeys: [] },
    );
    const seed = fc.tuple(sometimes(text), body, meta).map(([title, content, rest]) => ({ ...rest, ...content, title }));
    fc.assert(
      fc.property(seed, (value) => {
        const story = parseOrRefuse(JSON.stringify(value), 'x.json');
        if (story) {
          accepted['parseSeed(JSON) + render'] = (accepted['parseSeed(JSON) + render'] ?? 0) + 1;
          checkStory(story);
          checkRendered([story]);
        }
      }),
      options(runs.json),
    );
    counted['parseSeed(JSON) + render'] = runs.json;
  }, 600_000);
});

describe('render: always well-formed', () => {
  it('for any story fields, including characters XML forbids', () => {
    const text = fc.string({ unit: 'binary', maxLength: 80 });
    // Every date a story may carry: dates around the Unix epoch are refused as lost or mis-scaled (see nearUnixEpoch).
    const date = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).filter((d) => !nearUnixEpoch(d));
    const story = fc
      .record({
        n: fc.nat(),
        title: text,
        summary: text,
        contentHtml: fc.oneof(text, fc.constantFrom('<p>ok</p>', '<p>]]></p>', '<![CDATA[x]]>', '<p>&nbsp;&amp;&#0;</p>')),
        contentText: text,
        published: date,
        updated: date,
        authors: fc.array(fc.record({ name: text }), { maxLength: 3 }),
        tags: fc.array(text, { maxLength: 4 }),
        language: fc.constantFrom('en', 'uk', 'tr', 'de-CH'),
      })
      // A story with no title, summary or body a feed can carry is refused (readers would get an empty item).
      .filter(carriesFeedText);
    fc.assert(
      fc.property(fc.array(story, { minLength: 1, maxLength: 4 }), (drafts) => {
        const stories: Story[] = drafts.map((d, i) => ({
          id: `https://news.example.com/s${i}`,
          slug: `s${i}`,
          url: `https://news.example.com/s${i}`,
          title: d.title,
          summary: d.summary,
          published: d.published,
          updated: d.updated,
          authors: d.authors,
          language: d.language,
          sections: [],
          quotes: [],
          sources: [],
          entities: { people: [], organizations: [], places: [] },
          tags: d.tags,
          wordCount: 1,
          readingMinutes: 1,
          contentHtml: d.contentHtml,
          contentText: d.contentText,
          draft: false,
        }));
        const outputs = renderFeeds(buildFeedDocument(stories, config));
        for (const format of ['rss', 'atom'] as const) {
          const check = checkWellFormedXml(outputs[format]);
          expect(check.ok, `${format}: ${JSON.stringify(check).slice(0, 500)}`).toBe(true);
        }
        expect(() => JSON.parse(outputs.json)).not.toThrow();
      }),
      options(runs.render),
    );
    counted['render(any story)'] = runs.render;
  }, 600_000);
});

/** Paths that try to leave the served set, mixed with real ones and random text. */
const segment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E.',
    '.%2e',
    '%2f',
    '%2F',
    '%5c',
    '\\',
    '%00',
    '%252e%252e',
    '..;',
    '%c0%ae%c0%ae',
    '...',
    '~',
    'etc',
    'passwd',
    'rss.xml',
    'atom.xml',
    'feed.json',
    'index.html',
    'tags',
    'news',
    'secret.txt',
    'leak.txt',
    'link-out',
    '.hidden',
    '.public.builds',
    '.storyfeed-manifest.json',
    '',
    '%',
    '%zz',
    '?x=1',
    '#frag',
    ';',
    'rss.xml%00.html',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const requestPath = fc.oneof(
  fc.webPath(),
  fc.array(segment, { maxLength: 7 }).map((s) => `/${s.join('/')}`),
);
const method = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'get', 'X-CUSTOM');

/** A Request for `path`, or `undefined` when no client could send it (the URL does not parse). */
function requestFor(pathText: string, verb: string, headers: Record<string, string> = {}): Request | undefined {
  try {
    return new Request(`http://localhost${pathText.startsWith('/') ? '' : '/'}${pathText}`, { method: verb, headers });
  } catch {
    return undefined;
  }
}

function expectedStatuses(verb: string): number[] {
  const v = verb.toUpperCase();
  return v === 'GET' || v === 'HEAD' ? [200, 304, 404] : v === 'OPTIONS' ? [204, 404] : [405];
}

let dir: string;
let outDir: string;
let published: Record<string, string>;
let secret: string;
beforeAll(async () => {
  dir = makeTemp('fuzz-http');
  secret = `SECRET ${Math.random()}`;
  writeFileSync(path.join(dir, 'secret.txt'), secret);
  mkdirSync(path.join(dir, 'outside'));
  writeFileSync(path.join(dir, 'outside', 'rss.xml'), secret);
  outDir = path.join(dir, 'site', 'public');
  published = {
    'rss.xml': '<rss version="2.0"><channel><title>x</title></channel></rss>',
    'atom.xml': '<feed xmlns="http://www.w3.org/2005/Atom"/>',
    'feed.json': '{"version":"https://jsonfeed.org/version/1.1","items":[]}',
    'index.html': '<!doctype html><title>x</title>',
    'tags/news/rss.xml': '<rss version="2.0"/>',
    '.storyfeed-manifest.json': '{"version":1,"stories":[]}',
  };
  const result = await publishFiles(outDir, published);
  // Ways out planted inside the published folder: a link to a secret file and one to a folder outside.
  symlinkSync(path.join(dir, 'secret.txt'), path.join(result.outDir, 'leak.txt'));
  symlinkSync(path.join(dir, 'outside'), path.join(result.outDir, 'link-out'));
  writeFileSync(path.join(result.outDir, '.hidden'), secret);
  await childScripts();
}, 120_000);
afterAll(() => removeTemp(dir));

describe('HTTP handler: any request is answered safely', () => {
  it('serving a map of files', async () => {
    const handler = createFeedHandler({ files: { ...published, 'secret/../secret.txt': secret } });
    await fc.assert(
      fc.asyncProperty(requestPath, method, async (p, verb) => {
        const request = requestFor(p, verb);
        if (!request) return;
        const response = await handler(request);
        expect(expectedStatuses(verb), `${verb} ${p}`).toContain(response.status);
        if (response.status === 200 && request.method === 'GET') {
          const body = await response.text();
          expect(Object.values(published)).toContain(body);
          expect(body).not.toBe(secret);
        }
      }),
      options(runs.handler),
    );
    counted['handler(map)'] = runs.handler;
  }, 600_000);

  it('serving a published folder with links out of it, and answering a repeat with 304', async () => {
    const handler = createFolderHandler({ root: outDir });
    let served = 0;
    await fc.assert(
      fc.asyncProperty(requestPath, method, async (p, verb) => {
        const request = requestFor(p, verb);
        if (!request) return;
        const response = await handler(request);
        expect(expectedStatuses(verb), `${verb} ${p}`).toContain(response.status);
        if (response.status !== 200 || request.method !== 'GET') return;
        served++;
        const body = await response.text();
        expect(body, `${p} served something outside the published set`).not.toContain('SECRET');
        expect(Object.values(published)).toContain(body);
        const again = await handler(requestFor(p, 'GET', { 'if-none-match': response.headers.get('etag')! })!);
        expect(again.status).toBe(304);
      }),
      options(runs.folder),
    );
    expect(served).toBeGreaterThan(0);
    counted['handler(folder)'] = runs.folder;
  }, 600_000);

  it('over real HTTP (raw request targets on a socket)', async () => {
    const server = await serveFolder({ root: outDir, port: 0 });
    const port = (server.address() as net.AddressInfo).port;
    const raw = (target: string, verb: string): Promise<{ status: number; body: string }> =>
      new Promise((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write(`${verb} ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
        let data = '';
        socket.setEncoding('latin1').on('data', (d: string) => (data += d));
        socket.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
        socket.on('error', reject);
      });
    try {
      const percent = (c: string): string => [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
      const target = requestPath.map((p) => p.replace(/[^\x21-\x7e]/g, percent));
      await fc.assert(
        fc.asyncProperty(target, fc.constantFrom('GET', 'HEAD', 'POST', 'OPTIONS'), async (p, verb) => {
          const { status, body } = await raw(p, verb);
          // 400: the request line never reached the handler (Node's parser refused it).
          expect([...expectedStatuses(verb), 400], `${verb} ${p}`).toContain(status);
          expect(body).not.toContain('SECRET');
        }),
        options(runs.http),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    counted['serveFolder(raw HTTP)'] = runs.http;
  }, 600_000);

  // fetch's Request refuses TRACE and CONNECT, and a malformed Host must not end the process.
  it('keeps serving after a TRACE request or a malformed Host header', async () => {
    const child = await startChild('serve', [outDir]);
    await child.printed('port ');
    const port = Number(/port (\d+)/.exec(child.stdout())![1]);
    const send = (text: string): Promise<void> =>
      new Promise((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
        // Read the answer: a paused socket never gets to 'close'.
        socket.resume();
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
    await send('TRACE /rss.xml HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    await send('GET /rss.xml HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n');
    await sleep(300);
    const alive = child.process.exitCode === null && child.process.signalCode === null;
    child.process.kill('SIGKILL');
    expect(alive, child.stderr()).toBe(true);
  }, 30_000);
});

// The published bytes are what the fuzzed handler may return; keep the fixture honest.
it('serves exactly the published files', async () => {
  const handler = createFolderHandler({ root: outDir });
  for (const [file, text] of Object.entries(published)) {
    const response = await handler(new Request(`http://localhost/${file}`));
    expect(response.status, file).toBe(file.startsWith('.') ? 404 : 200);
    if (response.status === 200) expect(await response.text()).toBe(text);
  }
  expect(readFileSync(path.join(dir, 'secret.txt'), 'utf8')).toBe(secret);
});
