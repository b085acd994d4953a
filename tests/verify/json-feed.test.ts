import { describe, expect, it } from 'vitest';
import { readFeed, type FeedProblem } from '../../src/verify/index.js';

const V11 = 'https://jsonfeed.org/version/1.1';

/** `path: message` lines, as the CLI prints them. */
async function problems(feed: unknown): Promise<string[]> {
  const parsed = await readFeed(JSON.stringify(feed, null, 2));
  return parsed.problems.map((p: FeedProblem) => `${p.path}: ${p.message}`);
}

const item = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ id: 'https://ex.com/1', content_text: 'x', ...extra });

describe('strict JSON Feed reader: every broken rule with its path, what was expected and what was found', () => {
  it('accepts a minimal valid 1.1 feed without problems', async () => {
    expect(await problems({ version: V11, title: 'T', items: [item()] })).toEqual([]);
  });

  it('names a bad date by its path', async () => {
    const items = [item(), item({ id: '2' }), item({ id: '3' }), item({ id: '4', date_published: 'yesterday' })];
    expect(await problems({ version: V11, title: 'T', items })).toEqual(['items[3].date_published: expected an RFC 3339 date, found "yesterday"']);
  });

  it('refuses dates JavaScript would roll over or guess', async () => {
    const items = [
      item({ date_published: '2024-02-30T10:00:00Z' }),
      item({ id: '2', date_modified: '2024-02-01' }),
      item({ id: '3', date_modified: 'Fri, 01 Mar 2024 10:00:00 GMT' }),
      item({ id: '4', date_published: '2024-02-29T23:59:60+02:00' }),
    ];
    expect(await problems({ version: V11, title: 'T', items })).toEqual([
      'items[0].date_published: expected an RFC 3339 date, found "2024-02-30T10:00:00Z"',
      'items[1].date_modified: expected an RFC 3339 date, found "2024-02-01"',
      'items[2].date_modified: expected an RFC 3339 date, found "Fri, 01 Mar 2024 10:00:00 GMT"',
    ]);
  });

  it('requires version, title and items', async () => {
    expect(await problems({ version: 'https://jsonfeed.org/version/2', items: [] })).toEqual([
      'version: expected "https://jsonfeed.org/version/1.1" or "https://jsonfeed.org/version/1", found "https://jsonfeed.org/version/2"',
      'title: expected a string, found nothing',
    ]);
    expect(await problems({ version: V11, title: 42, items: {} })).toEqual(['title: expected a string, found 42', 'items: expected an array of items, found an object']);
  });

  it('requires a string id and some content on each item', async () => {
    const items = [{ content_html: '<p>x</p>' }, { id: 7, content_text: 'x' }, { id: '', content_text: 'x' }, { id: 'a' }, 'not an item'];
    expect(await problems({ version: V11, title: 'T', items })).toEqual([
      'items[0].id: expected a string, found nothing',
      'items[1].id: expected a string, found 7',
      'items[2].id: expected a non-empty string, found ""',
      'items[3]: expected at least one of content_html or content_text, found neither',
      'items[4]: expected an item object, found "not an item"',
    ]);
  });

  it('checks authors, hubs, tags and attachments', async () => {
    const feed = {
      version: V11,
      title: 'T',
      authors: [{ name: 'A' }, {}, 'Jane', { name: 'B', url: 'not a url' }],
      hubs: [{ type: 'WebSub' }, { url: 'https://hub.ex.com/' }],
      items: [item({ tags: ['a', 3], attachments: [{ url: 'https://ex.com/a.mp3' }, { url: 'https://ex.com/b.mp3', mime_type: 'audio/mpeg', size_in_bytes: -1 }] })],
    };
    expect(await problems(feed)).toEqual([
      'authors[1]: expected at least one of name, url or avatar, found none',
      'authors[2]: expected an author object, found "Jane"',
      'authors[3].url: expected an absolute URL, found "not a url"',
      'hubs[0].url: expected a string, found nothing',
      'hubs[1].type: expected a string, found nothing',
      'items[0].tags[1]: expected a string, found 3',
      'items[0].attachments[0].mime_type: expected a string, found nothing',
      'items[0].attachments[1].size_in_bytes: expected a non-negative number, found -1',
    ]);
  });

  it('checks URLs, strings, booleans and language tags', async () => {
    const feed = { version: V11, title: 'T', home_page_url: '/relative', expired: 'no', language: 'English', items: [item({ url: 'nope', title: ['x'], summary: null })] };
    expect(await problems(feed)).toEqual([
      'home_page_url: expected an absolute URL, found "/relative"',
      'expired: expected true or false, found "no"',
      'language: expected a language tag such as "en" or "pt-BR", found "English"',
      'items[0].url: expected an absolute URL, found "nope"',
      'items[0].title: expected a string, found an array',
      'items[0].summary: expected a string, found null',
    ]);
  });

  it('gives each problem the line of the value it names', async () => {
    const text = `{
  "version": "${V11}",
  "title": "T",
  "items": [
    { "id": "1", "content_text": "x" },
    {
      "id": "2",
      "content_text": "x",
      "date_published": "soon"
    }
  ]
}`;
    const feed = await readFeed(text);
    expect(feed.problems).toEqual([{ path: 'items[1].date_published', message: 'expected an RFC 3339 date, found "soon"', severity: 'error', line: 9, column: 25 }]);
    expect(feed.items.map((i) => i.line)).toEqual([5, 6]);
  });

  it('shortens long values in messages', async () => {
    const [message] = await problems({ version: V11, title: 'T', items: [item({ date_published: 'x'.repeat(200) })] });
    expect(message).toBe(`items[0].date_published: expected an RFC 3339 date, found "${'x'.repeat(57)}…"`);
  });

  it('reads 1.1 authors in preference to the deprecated author, which must repeat authors[0]', async () => {
    const feed = await readFeed(JSON.stringify({ version: V11, title: 'T', author: { name: 'Old' }, authors: [{ name: 'New' }, { url: 'https://ex.com/b' }], items: [] }));
    expect(feed.authors).toEqual([{ name: 'New' }, { url: 'https://ex.com/b' }]);
    expect(feed.problems).toEqual([
      { path: 'author', message: 'expected the same value as authors[0] (author is its deprecated 1.0 form), found an object', severity: 'warning', line: 1, column: 68 },
    ]);
    const same = await readFeed(
      JSON.stringify({ version: V11, title: 'T', author: { name: 'New' }, authors: [{ name: 'New' }], items: [item({ author: { name: 'X' }, authors: [{ name: 'X' }] })] }),
    );
    expect(same.problems).toEqual([]);
  });
});

describe('strict JSON Feed reader: numbers too large for a double', () => {
  it('an attachment size or duration of 1e400 (read as Infinity) is an error, and no length is read (it passed as Infinity bytes)', async () => {
    const text = `{"version":"${V11}","title":"T","items":[{"id":"https://ex.com/1","content_text":"x","attachments":[{"url":"https://ex.com/a.mp3","mime_type":"audio/mpeg","size_in_bytes":1e400,"duration_in_seconds":-1e400}]}]}`;
    const parsed = await readFeed(text);
    expect(parsed.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'items[0].attachments[0].size_in_bytes: expected a non-negative number, found a number too large for any reader (read as Infinity)',
      'items[0].attachments[0].duration_in_seconds: expected a non-negative number, found a number too large for any reader (read as -Infinity)',
    ]);
    expect(parsed.items[0]!.enclosures[0]).not.toHaveProperty('length');
  });
});

describe('strict JSON Feed reader: a name given twice in one object', () => {
  it('warns with the path and line of the repeated value (readers disagree on which one counts)', async () => {
    const text = `{\n  "version": "${V11}",\n  "title": "T",\n  "items": [\n    { "id": "https://ex.com/1", "content_text": "a", "content_text": "b" }\n  ]\n}`;
    const parsed = await readFeed(text);
    expect(parsed.problems).toEqual([
      {
        path: 'items[0].content_text',
        message: '"content_text" is given twice in one object: readers disagree on which value counts (this reader takes the last)',
        severity: 'warning',
        line: 5,
        column: expect.any(Number),
      },
    ]);
    expect(parsed.items[0]!.contentText).toBe('b');
    // A name holding a colon (extension keys) is found at its value too.
    const ext = await readFeed(`{"version":"${V11}","title":"T","items":[{"id":"https://ex.com/1","content_text":"x","_ext:a":1,\n"_ext:a":2}]}`);
    expect(ext.problems).toMatchObject([{ path: 'items[0]._ext:a', line: 2, severity: 'warning' }]);
    // The same name in different objects is no problem.
    expect(await problems({ version: V11, title: 'T', items: [item({ title: 'a' }), item({ id: '2', title: 'a' })] })).toEqual([]);
  });
});

describe('strict JSON Feed reader: text that is not Unicode', () => {
  const feedWithTitle = (escapedTitle: string): string =>
    `{"version": "${V11}", "title": "T",\n  "items": [{"id": "https://ex.com/1", "title": "${escapedTitle}", "content_text": "x"}]}`;

  it.each([
    ['a high surrogate alone', 'a\\ud800b'],
    ['a low surrogate alone', '\\uDC00'],
    ['a pair in the wrong order', '\\udc00\\ud800'],
  ])('refuses %s, with its line and column', async (_name, title) => {
    await expect(readFeed(feedWithTitle(title))).rejects.toMatchObject({
      code: 'E_FEED',
      line: 2,
      detail: expect.stringMatching(/not valid Unicode at line 2, column 49: .*half of a surrogate pair/),
    });
  });

  it('looks for half a surrogate pair deeper than its position scan goes in the values read (an escaped pair there was refused as "nested too deeply")', async () => {
    const deep = (inner: string): string => `{"version": "${V11}", "title": "T", "items": [],\n"_deep": ${'['.repeat(600)}"${inner}"${']'.repeat(600)}}`;
    expect((await readFeed(deep('ok \\ud83d\\ude00'))).title).toBe('T');
    await expect(readFeed(deep('\\ud800'))).rejects.toMatchObject({
      code: 'E_FEED',
      line: 2,
      detail: 'the JSON is not valid Unicode: a string holding half of a surrogate pair, past line 2, column 522, where it is nested more than 512 levels deep',
    });
  });

  it('reads an escaped surrogate pair and an escaped backslash before "ud800" as the text they are', async () => {
    const pair = await readFeed(feedWithTitle('ok \\ud83d\\ude00'));
    expect(pair.items[0]!.title).toBe('ok 😀');
    const literal = await readFeed(feedWithTitle('\\\\ud800 is text'));
    expect(literal.items[0]!.title).toBe('\\ud800 is text');
  });
});

describe('strict JSON Feed reader: broken JSON nested deeper than the position scan goes', () => {
  const head = `{"version": "${V11}", "title": "T", "items": [],\n"_deep": `;

  it('says a document cut off inside deep nesting is cut off (it said "nested too deeply", which JSON.parse reads)', async () => {
    await expect(readFeed(`${head}${'['.repeat(1_000)}`)).rejects.toMatchObject({ code: 'E_FEED', line: 2, detail: 'the JSON ends too early (truncated?) at line 2' });
  });

  it("gives JSON.parse's own words for another error there, and where the scan stopped", async () => {
    await expect(readFeed(`${head}${'['.repeat(1_000)}1,${']'.repeat(1_000)}}`)).rejects.toMatchObject({
      code: 'E_FEED',
      line: 2,
      detail: expect.stringMatching(/^the JSON cannot be parsed: Unexpected token .* \(past line 2, column 522, where it is nested more than 512 levels deep\)$/),
    });
  });
});
