import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { StoryfeedError, type Diagnostic } from '../../src/errors.js';
import { MAX_YAML_CHARS, parseAuthorString, parseFrontMatter, parseJsonMeta, parseTomlMeta, parseYamlMeta, splitFrontMatter } from '../../src/seed/front-matter.js';
import { costGrowth } from '../support/linear.js';
import { readSeed } from '../../src/seed/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const fails = (fn: () => unknown): StoryfeedError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoryfeedError) return e;
    throw e;
  }
  throw new Error('expected a StoryfeedError');
};

describe('front matter', () => {
  it('splits front matter from the body and tracks the body line', () => {
    expect(splitFrontMatter('---\na: 1\n---\nbody\n')).toEqual({ yaml: 'a: 1', yamlLine: 2, body: 'body\n', bodyLine: 4 });
    expect(splitFrontMatter('no front matter')).toMatchObject({ yaml: null, bodyLine: 1 });
  });

  it('reads authors in every accepted shape', () => {
    expect(parseYamlMeta('author: Jane Doe').authors).toEqual([{ name: 'Jane Doe' }]);
    expect(parseYamlMeta('author: Jane Doe <jane@example.com>').authors).toEqual([{ name: 'Jane Doe', email: 'jane@example.com' }]);
    expect(parseYamlMeta('authors:\n  - A\n  - {name: B, email: b@example.com}').authors).toEqual([{ name: 'A' }, { name: 'B', email: 'b@example.com' }]);
    expect(parseAuthorString('jane@example.com (Jane)')).toEqual({ name: 'Jane', email: 'jane@example.com' });
  });

  it('reads tags as a list or a comma-separated string', () => {
    expect(parseYamlMeta('tags: [a, b]').tags).toEqual(['a', 'b']);
    expect(parseYamlMeta('tags: "a, b , c"').tags).toEqual(['a', 'b', 'c']);
  });

  it("reads Jekyll's categories and tags together, each once, and names the list at fault", () => {
    expect(parseYamlMeta('categories: [harbour, ferries]\ntags: [ferries, tides]').tags).toEqual(['ferries', 'tides', 'harbour']);
    expect(parseYamlMeta('categories: harbour').tags).toEqual(['harbour']);
    expect(fails(() => parseYamlMeta('tags: [a]\ncategories: [{x: 1}]'))).toMatchObject({ code: 'E_FIELD' });
    expect(fails(() => parseYamlMeta('tags: [a]\ncategories: [{x: 1}]')).message).toContain('categories');
    const many = (n: number, p: string): string => `[${Array.from({ length: n }, (_, i) => `${p}${i}`).join(', ')}]`;
    expect(parseYamlMeta(`tags: ${many(150, 't')}\ncategories: ${many(50, 'c')}`).tags).toHaveLength(200);
    expect(fails(() => parseYamlMeta(`tags: ${many(150, 't')}\ncategories: ${many(51, 'c')}`)).message).toContain('201');
  });

  it('names the file and line of a bad date (fixtures/bad/bad-date.md)', () => {
    const error = fails(() => readSeed(fixture('bad/bad-date.md'), { file: 'bad-date.md' }));
    expect(error).toMatchObject({ code: 'E_DATE', file: 'bad-date.md', line: 3 });
    expect(error.message).toContain('month 13');
  });

  it('refuses YAML .nan and .inf where text is expected, naming the line (regression: title "NaN", language "infinity")', () => {
    for (const [field, value] of [
      ['title', '.nan'],
      ['language', '.inf'],
      ['url', '-.inf'],
    ] as const) {
      const error = fails(() => readSeed(`---\n${field}: ${value}\n---\nTitle\n\nBody.\n`, { file: 'a.md', format: 'markdown' }));
      expect(error).toMatchObject({ code: 'E_FIELD', file: 'a.md', line: 2 });
      expect(error.message).toMatch(/expected text, found number (NaN|-?Infinity)/);
    }
    expect(readSeed('---\ntitle: 1984\n---\nBody.\n', { file: 'a.md' }).meta.title).toBe('1984');
  });

  it("refuses a language that is no ISO 639 code under storyfeed's name, naming the file and line; Jekyll's `lang` is then left out with a warning", () => {
    for (const value of ['zz', 'english', 'xx-US']) {
      const error = fails(() => readSeed(`---\ntitle: T\nlanguage: ${value}\n---\nBody.\n`, { file: 'a.md', format: 'markdown' }));
      expect(error, value).toMatchObject({ code: 'E_FIELD', file: 'a.md', line: 3 });
      expect(error.message).toContain(`front matter \`language\`: "${value}" is not a language tag starting with an ISO 639 language code`);
    }
    // `lang` was not read before it was Jekyll's name: a site whose `lang` holds no code builds as it did.
    for (const value of ['english', 'xx-US']) {
      const seen: Diagnostic[] = [];
      const seed = readSeed(`---\ntitle: T\nlang: ${value}\n---\nBody.\n`, { file: 'a.md', format: 'markdown', onWarning: (w) => seen.push(w) });
      expect(seed.meta.language, value).toBeUndefined();
      expect(seen.map((w) => [w.code, w.line, w.message])).toEqual([
        [
          'W_UNKNOWN_FIELD',
          3,
          `front matter \`lang\` is not read: "${value}" is not a language tag starting with an ISO 639 language code (such as en, en-GB, pt-BR or zh-Hant-TW)`,
        ],
      ]);
    }
    const warnings: Diagnostic[] = [];
    for (const [yaml, language] of [
      ['lang: fr', 'fr'],
      ['lang: pt-BR', 'pt-BR'],
      ['language: es-419\nlang: en', 'es-419'],
    ] as const)
      expect(parseYamlMeta(yaml, { file: 'a.md', onWarning: (w) => warnings.push(w) }).language, yaml).toBe(language);
    expect(warnings.map((w) => [w.code, w.line, w.message])).toEqual([['W_UNKNOWN_FIELD', 2, 'front matter `lang` is not read: `language` is given too and is read instead']]);
  });

  it('names the file and line of broken YAML (fixtures/bad/bad-yaml.md)', () => {
    const error = fails(() => readSeed(fixture('bad/bad-yaml.md'), { file: 'bad-yaml.md' }));
    expect(error.code).toBe('E_FRONT_MATTER');
    expect(error.file).toBe('bad-yaml.md');
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it('says when the broken line holds a space YAML does not read as one (a no-break space pasted after `title:`)', () => {
    const error = fails(() => readSeed('---\ntitle:\u00a0Ferry news\ndate: 2024-01-02\n---\n\nBody.\n', { file: 'nbsp.md' }));
    expect([error.code, error.line]).toEqual(['E_FRONT_MATTER', 2]);
    expect(error.detail).toContain('the line holds a no-break space, U+00A0, which YAML does not read as a space');
    // Only the broken line is looked at: a no-break space in a value elsewhere is text.
    const other = fails(() => readSeed('---\ntitle: Ferry\u00a0news\ndate: [2024\n---\n\nBody.\n', { file: 'x.md' }));
    expect(other.detail).not.toContain('no-break space');
  });

  it('refuses wrong types with the field name, and coerces numbers to text', () => {
    expect(fails(() => parseYamlMeta('title: [a, b]', { file: 'x.md', firstLine: 2 }))).toMatchObject({ code: 'E_FIELD', line: 2 });
    expect(parseYamlMeta('title: 1984').title).toBe('1984');
    expect(fails(() => parseYamlMeta('draft: maybe'))).toMatchObject({ code: 'E_FIELD' });
  });

  it('stops alias bombs instead of expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join(
      '\n',
    );
    const error = fails(() => parseYamlMeta(bomb, { file: 'bomb.md' }));
    expect(error.code).toBe('E_FRONT_MATTER');
  });

  it('keeps __proto__ keys as plain data', () => {
    const meta = parseYamlMeta('__proto__: {polluted: true}\ntitle: ok');
    expect(meta.title).toBe('ok');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('warns about likely typos of known fields', () => {
    const warnings: Diagnostic[] = [];
    parseYamlMeta('titel: x\nlayout: post', { file: 'x.md', firstLine: 2, onWarning: (d) => warnings.push(d) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'W_UNKNOWN_FIELD', line: 2 });
    expect(warnings[0]!.message).toContain('did you mean `title`');
  });

  it('reads dates without a zone in the configured time zone', () => {
    expect(parseYamlMeta('date: 2024-07-01T12:00').date?.toISOString()).toBe('2024-07-01T12:00:00.000Z');
    expect(parseYamlMeta('date: 2024-07-01T12:00', { timeZone: 'Europe/Kyiv' }).date?.toISOString()).toBe('2024-07-01T09:00:00.000Z');
    expect(parseYamlMeta('date: 2024-01-01T12:00', { timeZone: 'Europe/Kyiv' }).date?.toISOString()).toBe('2024-01-01T10:00:00.000Z');
  });
});

describe('TOML front matter (Hugo)', () => {
  const hugo =
    '+++\ntitle = "Night ferry resumes"\ndate = 2024-05-02T10:00:00+02:00\nlastmod = 2024-05-03\ntags = ["ferries", "Danube"]\ndraft = false\ndescription = "The crossing reopens."\n\n[params]\nauthor = "Ana Varga"\n+++\nFirst paragraph.\n';

  it('splits the +++ fences and reads the fields, dates as YAML dates are', () => {
    const split = splitFrontMatter(hugo);
    expect(split).toMatchObject({ yaml: null, yamlLine: 2, body: 'First paragraph.\n', bodyLine: 12 });
    expect(split.toml).toContain('title = "Night ferry resumes"');
    const meta = parseFrontMatter(split);
    expect(meta).toEqual({
      title: 'Night ferry resumes',
      date: new Date('2024-05-02T08:00:00Z'),
      updated: new Date('2024-05-03T00:00:00Z'),
      tags: ['ferries', 'Danube'],
      summary: 'The crossing reopens.',
      draft: false,
      // Hugo keeps the fields it leaves to themes in `params`.
      authors: [{ name: 'Ana Varga' }],
    });
    // A date-time without an offset is in the configured time zone, with the same warning as YAML's.
    const warnings: Diagnostic[] = [];
    const local = parseTomlMeta('date = 2024-07-01T12:00:00', { timeZone: 'Europe/Kyiv' });
    expect(local.date?.toISOString()).toBe('2024-07-01T09:00:00.000Z');
    parseTomlMeta('title = "x"\ndate = 2024-07-01T12:00:00', { file: 'x.md', firstLine: 2, onWarning: (d) => warnings.push(d) });
    expect(warnings).toEqual([expect.objectContaining({ code: 'W_DATE_NO_ZONE', line: 3 })]);
  });

  it('reads a Markdown or plain-text seed that opens with it', () => {
    const md = readSeed(hugo, { file: 'content/posts/ferry.md' });
    expect([md.title, md.meta.date?.toISOString(), md.sections[0]?.blocks[0]]).toEqual([
      'Night ferry resumes',
      '2024-05-02T08:00:00.000Z',
      { kind: 'paragraph', text: 'First paragraph.' },
    ]);
    const text = readSeed('+++\ndate = 2024-05-02\n+++\nFerry headline\nBody line.\n', { file: 'ferry.txt' });
    expect([text.title, text.meta.date?.toISOString()]).toEqual(['Ferry headline', '2024-05-02T00:00:00.000Z']);
  });

  it('names the file and line of broken TOML, a wrong field, an unclosed fence, and refuses what is too large or deep', () => {
    const broken = fails(() => readSeed('+++\ntitle = "x"\nthis is not toml\n+++\nBody.\n', { file: 'bad.md' }));
    expect([broken.code, broken.file, broken.line]).toEqual(['E_FRONT_MATTER', 'bad.md', 3]);
    expect(broken.detail).toMatch(/^TOML error: /);
    const twice = fails(() => parseTomlMeta('title = "a"\ntitle = "b"', { firstLine: 2 }));
    expect([twice.code, twice.line]).toEqual(['E_FRONT_MATTER', 3]);
    const field = fails(() => parseTomlMeta('title = "x"\ntags = 3', { file: 'x.md', firstLine: 2 }));
    expect([field.code, field.line]).toEqual(['E_FIELD', 3]);
    expect(field.detail).toContain('`tags`');
    // A quoted key is found on its line too.
    const quoted = fails(() => parseTomlMeta('title = "x"\n"tags" = 3', { file: 'x.md', firstLine: 2 }));
    expect([quoted.code, quoted.line]).toEqual(['E_FIELD', 3]);
    expect(fails(() => parseTomlMeta("title = 'x'\n'tags' = 3", { firstLine: 2 })).line).toBe(3);
    const date = fails(() => parseTomlMeta('date = 10:00:00', { firstLine: 2 }));
    expect([date.code, date.line]).toEqual(['E_DATE', 2]);
    const open = fails(() => splitFrontMatter('+++\ntitle = "x"\nBody.\n', 'open.md'));
    expect([open.code, open.line, open.detail]).toEqual(['E_FRONT_MATTER', 1, 'front matter starts with `+++` on line 1 but is never closed with a second `+++` line']);
    expect(fails(() => parseTomlMeta(`a = "${'x'.repeat(MAX_YAML_CHARS)}"`)).detail).toContain('limited to 64 KB');
    const deep = fails(() => parseTomlMeta(`a = ${'['.repeat(50_000)}`));
    expect(deep.code).toBe('E_FRONT_MATTER');
  });

  it('reads TOML in time linear in its size', async () => {
    const keys = (n: number): string => Array.from({ length: n }, (_, i) => `[t${i}]\nk = "v${i}"`).join('\n');
    // Tenfold the size (3,000 tables is near the 64 KB cap): a linear reading stays near ×1 (measured 0.8-2.3), a
    // quadratic one near ×10.
    const growth = await costGrowth((n) => parseTomlMeta(keys(n)), 300, 3000, 4);
    expect(growth).toBeLessThan(4);
  });
});

describe('JSON front matter (Hugo)', () => {
  // The shape of Hugo's documented example.
  const hugo = [
    '{',
    '   "title": "Night ferry resumes",',
    '   "date": "2024-02-02T04:14:54-08:00",',
    '   "draft": true,',
    '   "weight": 10,',
    '   "tags": ["ferries", "Danube"],',
    '   "categories": ["news"],',
    '   "params": {"author": "Ana Varga"}',
    '}',
    'First paragraph.',
    '',
  ].join('\n');

  it("splits the object that opens a seed and reads its fields as YAML's (Hugo's example)", () => {
    const split = splitFrontMatter(hugo);
    expect(split).toMatchObject({ yaml: null, yamlLine: 1, body: 'First paragraph.\n', bodyLine: 10 });
    expect(split.json).toMatch(/^\{\n {3}"title": "Night ferry resumes",[\s\S]*\n\}$/);
    expect(parseFrontMatter(split)).toEqual({
      title: 'Night ferry resumes',
      date: new Date('2024-02-02T12:14:54Z'),
      draft: true,
      tags: ['ferries', 'Danube', 'news'],
      authors: [{ name: 'Ana Varga' }],
    });
    const md = readSeed(hugo, { file: 'content/posts/ferry.md' });
    expect([md.title, md.meta.draft, md.meta.date?.toISOString(), md.sections[0]?.blocks]).toEqual([
      'Night ferry resumes',
      true,
      '2024-02-02T12:14:54.000Z',
      [{ kind: 'paragraph', text: 'First paragraph.' }],
    ]);
    const text = readSeed('{"date": "2024-05-02"}\nFerry headline\nBody line.\n', { file: 'ferry.txt' });
    expect([text.title, text.meta.date?.toISOString()]).toEqual(['Ferry headline', '2024-05-02T00:00:00.000Z']);
  });

  it('reads nested values, and strings holding braces, escaped quotes and backslashes', () => {
    const seed = [
      '{"title": "The \\"}{\\" ferry \\\\", "params": {"a": {"b": [1, {"c": "}}}"}]}, "d": "{"},',
      ' "authors": [{"name": "Mira Volk", "email": "mira@example.com"}], "summary": "Opens { and closes }."}  ',
      '',
      'Body with {braces}.',
    ].join('\n');
    const split = splitFrontMatter(seed);
    expect([split.bodyLine, split.body]).toEqual([3, '\nBody with {braces}.']);
    const md = readSeed(seed, { file: 'a.md' });
    expect([md.title, md.meta.authors, md.meta.summary]).toEqual(['The "}{" ferry \\', [{ name: 'Mira Volk', email: 'mira@example.com' }], 'Opens { and closes }.']);
    expect(md.sections[0]?.blocks).toEqual([{ kind: 'paragraph', text: 'Body with {braces}.' }]);
  });

  it('names the file and line of invalid JSON that looks like front matter, a name given twice, a wrong field, and what is too large or deep', () => {
    const comma = fails(() => readSeed('{\n  "title": "Night ferry"\n  "draft": true\n}\nBody.\n', { file: 'content/ferry.md' }));
    expect([comma.code, comma.file, comma.line]).toEqual(['E_JSON', 'content/ferry.md', 3]);
    expect(comma.detail).toMatch(/^invalid JSON: /);
    const twice = fails(() => readSeed('{\n  "title": "a",\n  "title": "b"\n}\nBody.\n', { file: 'a.md' }));
    expect([twice.code, twice.file, twice.line]).toEqual(['E_JSON', 'a.md', 3]);
    const field = fails(() => readSeed('{\n  "title": "x",\n  "tags": 3\n}\nBody.\n', { file: 'a.md' }));
    expect([field.code, field.line, field.detail]).toEqual(['E_FIELD', 3, 'front matter `tags`: expected a list or a comma-separated string, found number 3']);
    const date = fails(() => parseJsonMeta('{\n"date": "soon"}', { file: 'a.md', firstLine: 1 }));
    expect([date.code, date.line]).toEqual(['E_DATE', 2]);
    expect(fails(() => readSeed(`{"a": "${'x'.repeat(MAX_YAML_CHARS)}"}\nBody.\n`, { file: 'a.md' }))).toMatchObject({ code: 'E_FRONT_MATTER', line: 1 });
    const deep = fails(() => readSeed(`{\n"a":\n${'['.repeat(300)}${']'.repeat(300)}}\nBody.\n`, { file: 'a.md' }));
    expect([deep.code, deep.line]).toEqual(['E_FRONT_MATTER', 3]);
  });

  it('reads a seed that opens with a brace but no JSON object ending a line as it is, Markdown', () => {
    const cases: [string, string][] = [
      ["{Editor's note} The ferry resumes tonight.\n\nBody.\n", "{Editor's note} The ferry resumes tonight."],
      ['{"title": "x"} is how a JSON seed opens.\n\nBody.\n', '{"title": "x"} is how a JSON seed opens.'],
      // (A seed without a title passes over a picture without text, here the shortcode's figure, for its headline.)
      ['{{< figure src="/ferry.jpg" >}}\n\n# Night ferry\n\nBody.\n', 'Night ferry'],
      ['{% raw %}\n# Night ferry\n\nBody with {{ braces }}.\n{% endraw %}\n', 'Night ferry'],
      ['{\n"title": "never closed"\n\nBody.\n', '{'],
      ['{ "title" }\n\nBody.\n', '{ "title" }'],
    ];
    for (const [seed, title] of cases) {
      expect(splitFrontMatter(seed), seed).toMatchObject({ yaml: null, body: seed, bodyLine: 1 });
      expect(readSeed(seed, { file: 'a.md', onWarning: () => undefined }).title, seed).toBe(title);
    }
    // Beside them, an object that ends its line is front matter even on one line.
    expect(readSeed('{"title": "x"}\nBody.\n', { file: 'a.md' }).title).toBe('x');
  });

  it('reads CRLF line ends and a byte-order mark, with the lines of the file', () => {
    const seed = '\uFEFF{\r\n  "title": "Night ferry",\r\n  "draft": true\r\n}\r\nFirst paragraph.\r\n';
    const md = readSeed(seed, { file: 'a.md' });
    expect([md.title, md.meta.draft, md.sections[0]?.blocks]).toEqual(['Night ferry', true, [{ kind: 'paragraph', text: 'First paragraph.' }]]);
    expect(readSeed(`${seed}Second paragraph.\r\n`, { file: 'a.txt' }).meta).toEqual({ title: 'Night ferry', draft: true });
    const bad = fails(() => readSeed('\uFEFF{\r\n  "title": "x"\r\n  "draft": true\r\n}\r\nBody.\r\n', { file: 'a.md' }));
    expect([bad.code, bad.line]).toEqual(['E_JSON', 3]);
  });

  it('finds the closing brace in time linear in the size, past strings of braces and long brace runs', async () => {
    const deep = (n: number): string => `{"title": "Deep", "a": "${'{'.repeat(n)}"}\nBody.\n`;
    expect(splitFrontMatter(deep(200_000))).toMatchObject({ bodyLine: 2, body: 'Body.\n' });
    expect(fails(() => readSeed(deep(200_000), { file: 'deep.md' }))).toMatchObject({ code: 'E_FRONT_MATTER', file: 'deep.md', line: 1 });
    // Tenfold the size: a linear scan stays near ×1, a quadratic one near ×10.
    expect(await costGrowth((n) => splitFrontMatter(deep(n)), 20_000, 200_000, 4)).toBeLessThan(4);
    const runs = (n: number): string => `${'{'.repeat(n)}${'}'.repeat(n)}\n${'{'.repeat(n)}\nBody.\n`;
    expect(splitFrontMatter(runs(200_000)).bodyLine).toBe(1);
    expect(await costGrowth((n) => splitFrontMatter(runs(n)), 20_000, 200_000, 4)).toBeLessThan(4);
  });
});

describe('front matter of other generators', () => {
  it("reads Astro, Hugo and Jekyll date names after storyfeed's own", () => {
    expect(parseYamlMeta('pubDate: 2024-05-03\nupdatedDate: 2024-05-04')).toEqual({ date: new Date('2024-05-03T00:00:00Z'), updated: new Date('2024-05-04T00:00:00Z') });
    expect(parseYamlMeta('publishDate: 2024-05-03\nlastmod: 2024-05-05').updated?.toISOString()).toBe('2024-05-05T00:00:00.000Z');
    expect(parseYamlMeta('publishDate: 2024-05-03').date?.toISOString()).toBe('2024-05-03T00:00:00.000Z');
    expect(parseYamlMeta('last_modified_at: 2024-05-06').updated?.toISOString()).toBe('2024-05-06T00:00:00.000Z');
    const both = parseYamlMeta('date: 2024-05-01\npubDate: 2024-05-03\nupdated: 2024-05-02\nlastmod: 2024-05-09');
    expect([both.date?.toISOString(), both.updated?.toISOString()]).toEqual(['2024-05-01T00:00:00.000Z', '2024-05-02T00:00:00.000Z']);
    expect(fails(() => parseYamlMeta('pubDate: soon', { firstLine: 2 }))).toMatchObject({ code: 'E_DATE', line: 2 });
  });

  it("gives a sidecar's own field precedence over another generator's name for it in the seed, not over the seed's own", () => {
    const sidecar = parseYamlMeta('summary: Sidecar summary.\nurl: /side/\ndate: 2021-01-01\nupdated: 2021-02-01\nimage: /side.png\ndraft: false\ntitle: Side title');
    const text =
      '---\ndescription: Hugo description.\npermalink: /hugo/\npubDate: 2020-01-01\nlastmod: 2020-02-01\nimages: [/hugo.png]\npublished: false\ntitle: Seed title\n---\nBody.\n';
    const meta = readSeed(text, { file: 'a.md', sidecar }).meta;
    expect(meta).toEqual({
      summary: 'Sidecar summary.',
      url: '/side/',
      date: new Date('2021-01-01T00:00:00Z'),
      updated: new Date('2021-02-01T00:00:00Z'),
      image: '/side.png',
      draft: false,
      title: 'Seed title',
    });
    // Without the sidecar's field, the other name fills it; a sidecar's alias loses to the seed's alias.
    expect(readSeed(text, { file: 'a.md', sidecar: parseYamlMeta('description: Sidecar description.') }).meta.summary).toBe('Hugo description.');
    expect(readSeed('---\nsummary: Seed summary.\n---\nHeadline\n\nBody.\n', { file: 'a.md', sidecar }).meta.summary).toBe('Seed summary.');
  });

  it('refuses a permalink that names another host ("//host/x"), and reads "Last  Modified" with any spaces', () => {
    const warnings: Diagnostic[] = [];
    expect(parseYamlMeta('permalink: //evil.example/x', { onWarning: (d) => warnings.push(d) }).url).toBeUndefined();
    expect(warnings.map((w) => w.code)).toEqual(['W_UNKNOWN_FIELD']);
    expect(parseYamlMeta('date: git  Last   Modified', { onWarning: () => undefined })).toEqual({});
    expect(parseTomlMeta('[__proto__]\nx = 1\n')).toEqual({});
  });

  it("does not read Eleventy's file dates (`Last Modified`, `git Created`), with a warning naming the line", () => {
    const warnings: Diagnostic[] = [];
    expect(parseYamlMeta('title: x\ndate: Last Modified', { file: 'x.md', firstLine: 2, onWarning: (d) => warnings.push(d) })).toEqual({ title: 'x' });
    expect(parseYamlMeta('date: git Created', { onWarning: (d) => warnings.push(d) })).toEqual({});
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ['W_UNKNOWN_FIELD', 3],
      ['W_UNKNOWN_FIELD', 1],
    ]);
    expect(warnings[0]!.message).toContain('`date` "Last Modified" (a file\'s time) is not read');
    expect(fails(() => parseYamlMeta('date: Last Tuesday'))).toMatchObject({ code: 'E_DATE' });
  });

  it("names another name for a field that is given beside the one read, with that name's line, and still reads the seed", () => {
    const warnings: Diagnostic[] = [];
    const onWarning = (d: Diagnostic): void => {
      warnings.push(d);
    };
    const yaml = [
      'title: Night ferry',
      'date: 2024-03-01T10:00:00Z',
      'pubDate: not a date',
      'updated: 2024-03-02T10:00:00Z',
      'lastmod: 2023-01-01',
      'last_modified_at: 2023-01-02',
      'summary: Own summary.',
      'description: Another summary.',
      'url: /own/',
      'permalink: /:year/:title/',
    ].join('\n');
    // A malformed or disagreeing other name is not an error: it is not read.
    expect(parseYamlMeta(yaml, { file: 'ferry.md', firstLine: 2, onWarning })).toEqual({
      title: 'Night ferry',
      date: new Date('2024-03-01T10:00:00Z'),
      updated: new Date('2024-03-02T10:00:00Z'),
      summary: 'Own summary.',
      url: '/own/',
    });
    expect(warnings.map((w) => [w.code, w.file, w.line, w.message])).toEqual([
      ['W_UNKNOWN_FIELD', 'ferry.md', 4, 'front matter `pubDate` is not read: `date` is given too and is read instead'],
      ['W_UNKNOWN_FIELD', 'ferry.md', 6, 'front matter `lastmod` is not read: `updated` is given too and is read instead'],
      ['W_UNKNOWN_FIELD', 'ferry.md', 7, 'front matter `last_modified_at` is not read: `updated` is given too and is read instead'],
      ['W_UNKNOWN_FIELD', 'ferry.md', 11, 'front matter `permalink` is not read: `url` is given too and is read instead'],
      ['W_UNKNOWN_FIELD', 'ferry.md', 9, 'front matter `description` is not read: `summary` is given too and is read instead'],
    ]);
  });

  it('names the other name not read when two of them are given, in YAML the full parser reads too', () => {
    const warnings: Diagnostic[] = [];
    const onWarning = (d: Diagnostic): void => {
      warnings.push(d);
    };
    const meta = parseYamlMeta(
      'pubDate: 2024-05-03\npublishDate: 2024-05-09\nheroImage: /img/hero.jpg\nimages:\n  - /img/a.jpg\nauthor: Mira Volk\nauthors: [Ana Brel]\ntags: [ferries]\ncategories: [news]',
      {
        firstLine: 2,
        onWarning,
      },
    );
    // Tags and categories are two lists, both read (as jekyll-feed publishes both).
    expect(meta).toEqual({ date: new Date('2024-05-03T00:00:00Z'), image: '/img/hero.jpg', authors: [{ name: 'Ana Brel' }], tags: ['ferries', 'news'] });
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [3, 'front matter `publishDate` is not read: `pubDate` is given too and is read instead'],
      [7, 'front matter `author` is not read: `authors` is given too and is read instead'],
      [5, 'front matter `images` is not read: `heroImage` is given too and is read instead'],
    ]);
    // Nothing to name: an empty or null other name, a `published` flag, a name not read because it is a file's time.
    warnings.length = 0;
    parseYamlMeta('date: 2024-05-01\npubDate:\nupdated: 2024-05-02\nlastmod: ""\nimage: /a.jpg\nimages: []\npublished: false', { onWarning });
    expect(warnings).toEqual([]);
    expect(parseYamlMeta('date: Last Modified\npubDate: 2024-05-03', { onWarning }).date?.toISOString()).toBe('2024-05-03T00:00:00.000Z');
    expect(warnings.map((w) => w.message)).toEqual(['front matter `date` "Last Modified" (a file\'s time) is not read; give an ISO 8601 date to set it']);
  });

  it('names an other name not read in TOML front matter (Hugo) and in a seed, on the line of the file', () => {
    const warnings: Diagnostic[] = [];
    const onWarning = (d: Diagnostic): void => {
      warnings.push(d);
    };
    const seed = readSeed('+++\ntitle = "Night ferry"\ndate = 2024-03-01T10:00:00Z\npublishDate = 2023-01-01\nlastmod = 2024-03-02\n+++\nThe ferry resumes.\n', {
      file: 'content/posts/ferry.md',
      onWarning,
    });
    expect([seed.meta.date?.toISOString(), seed.meta.updated?.toISOString()]).toEqual(['2024-03-01T10:00:00.000Z', '2024-03-02T00:00:00.000Z']);
    expect(warnings.map((w) => [w.code, w.file, w.line, w.message])).toEqual([
      ['W_UNKNOWN_FIELD', 'content/posts/ferry.md', 4, 'front matter `publishDate` is not read: `date` is given too and is read instead'],
    ]);
    warnings.length = 0;
    readSeed('---\ntitle: Night ferry\ndescription: Other.\nsummary: Own.\n---\nThe ferry resumes.\n', { file: 'ferry.md', onWarning });
    expect(warnings).toEqual([expect.objectContaining({ code: 'W_UNKNOWN_FIELD', file: 'ferry.md', line: 3, severity: 'warning' })]);
  });

  it('takes `description` as the summary only when there is no summary', () => {
    expect(parseYamlMeta('description: The crossing reopens.').summary).toBe('The crossing reopens.');
    expect(parseYamlMeta('summary: Own summary.\ndescription: The crossing reopens.').summary).toBe('Own summary.');
    expect(parseYamlMeta('description: "  "').summary).toBeUndefined();
    // Jekyll's `excerpt` comes before the page description, and names it as not read.
    const warnings: Diagnostic[] = [];
    expect(parseYamlMeta('description: SEO text.\nexcerpt: The crossing reopens tonight.', { onWarning: (d) => warnings.push(d) }).summary).toBe('The crossing reopens tonight.');
    expect(warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_UNKNOWN_FIELD', 1, 'front matter `description` is not read: `excerpt` is given too and is read instead'],
    ]);
    expect(parseYamlMeta('excerpt: Short.').summary).toBe('Short.');
  });

  it('takes a permalink path as the URL, and names a permalink pattern it does not fill', () => {
    expect(parseYamlMeta('permalink: /2024/05/night-ferry/').url).toBe('/2024/05/night-ferry/');
    expect(parseYamlMeta('permalink: https://news.example.com/ferry.html').url).toBe('https://news.example.com/ferry.html');
    expect(parseYamlMeta('url: /own/\npermalink: /other/').url).toBe('/own/');
    // `permalink: false` is no page (see below): no URL, and not published.
    expect(parseYamlMeta('permalink: false')).toEqual({ draft: true });
    const warnings: Diagnostic[] = [];
    for (const pattern of ['/:year/:title/', '"/blog/{{ page.fileSlug }}/"', 'ferry.html']) {
      expect(parseYamlMeta(`title: x\npermalink: ${pattern}`, { file: 'x.md', firstLine: 2, onWarning: (d) => warnings.push(d) }).url).toBeUndefined();
    }
    expect(warnings.map((w) => [w.code, w.line])).toEqual([
      ['W_UNKNOWN_FIELD', 3],
      ['W_UNKNOWN_FIELD', 3],
      ['W_UNKNOWN_FIELD', 3],
    ]);
    expect(warnings[0]!.message).toContain('`permalink` "/:year/:title/" is a pattern');
  });

  it("reads Astro's heroImage and the first of Hugo's images when there is no image", () => {
    expect(parseYamlMeta('heroImage: /img/ferry.jpg').image).toBe('/img/ferry.jpg');
    expect(parseYamlMeta('images: [/img/a.jpg, /img/b.jpg]').image).toBe('/img/a.jpg');
    expect(parseYamlMeta('image: /img/own.jpg\nheroImage: /img/hero.jpg\nimages: [/img/a.jpg]').image).toBe('/img/own.jpg');
    expect(parseYamlMeta('images: []').image).toBeUndefined();
    expect(fails(() => parseYamlMeta('heroImage: [1, 2]', { firstLine: 2 }))).toMatchObject({ code: 'E_FIELD', line: 2, detail: expect.stringContaining('`heroImage`') });
  });

  it("reads Chirpy's media folder, `media_subpath` or its earlier `img_path`, as a field (a value that names no folder is named, not read)", () => {
    const warnings: Diagnostic[] = [];
    const onWarning = (d: Diagnostic): number => warnings.push(d);
    expect(parseYamlMeta('media_subpath: /assets/img/posts/my-post\nimage: cover.png', { onWarning })).toEqual({ mediaSubpath: '/assets/img/posts/my-post', image: 'cover.png' });
    expect(parseYamlMeta("img_path: '/posts/20180809'", { onWarning }).mediaSubpath).toBe('/posts/20180809');
    expect(warnings).toEqual([]);
    expect(parseYamlMeta('media_subpath: /new\nimg_path: /old', { onWarning, firstLine: 2 }).mediaSubpath).toBe('/new');
    expect(parseYamlMeta('media_subpath: [a, b]\nimg_path: "javascript:alert(1)"', { onWarning, firstLine: 2 }).mediaSubpath).toBeUndefined();
    expect(parseYamlMeta('media_subpath:\nimg_path: ""', { onWarning }).mediaSubpath).toBeUndefined();
    expect(warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_UNKNOWN_FIELD', 3, 'front matter `img_path` is not read: `media_subpath` is given too and is read instead'],
      ['W_UNKNOWN_FIELD', 2, expect.stringContaining('`media_subpath` is not read: expected the path of a folder')],
      ['W_UNKNOWN_FIELD', 3, expect.stringContaining('`img_path` is not read: "javascript:alert(1)" must be the path of a folder')],
    ]);
  });

  it('keeps a Jekyll post with `published: false` out of the feeds, and reads `published` as a date otherwise', () => {
    expect(parseYamlMeta('title: x\npublished: false')).toEqual({ title: 'x', draft: true });
    expect(parseYamlMeta('published: false\ndraft: false').draft).toBe(true);
    expect(parseYamlMeta('published: "false"').draft).toBe(true);
    expect(parseYamlMeta('published: true\ndate: 2024-05-01')).toEqual({ date: new Date('2024-05-01T00:00:00Z') });
    expect(parseYamlMeta('published: 2024-05-01').date?.toISOString()).toBe('2024-05-01T00:00:00.000Z');
    expect(parseYamlMeta('published: false\ndate: 2024-05-01')).toEqual({ date: new Date('2024-05-01T00:00:00Z'), draft: true });
  });

  it('keeps an Eleventy page out of the feeds with `eleventyExcludeFromCollections: true` or `permalink: false`, with a warning naming why and its line', () => {
    const warnings: Diagnostic[] = [];
    const onWarning = (d: Diagnostic): number => warnings.push(d);
    expect(parseYamlMeta('title: x\neleventyExcludeFromCollections: true', { file: 'x.md', firstLine: 2, onWarning })).toEqual({ title: 'x', draft: true });
    expect(parseYamlMeta('title: x\ndate: 2024-01-06\npermalink: false', { file: 'y.md', firstLine: 2, onWarning })).toEqual({
      title: 'x',
      date: new Date('2024-01-06T00:00:00Z'),
      draft: true,
    });
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'W_DRAFT', file: 'x.md', line: 3, message: expect.stringContaining('`eleventyExcludeFromCollections: true` keeps the page out of') }),
      expect.objectContaining({ code: 'W_DRAFT', file: 'y.md', line: 4, message: expect.stringContaining('`permalink: false` means Eleventy writes no page') }),
    ]);
    // Eleventy reads them as JavaScript does: other values publish the page (a list names only some collections).
    for (const other of ['eleventyExcludeFromCollections: false', 'eleventyExcludeFromCollections: [posts]', 'permalink: "false"', 'permalink: no'])
      expect(parseYamlMeta(other).draft, other).toBeUndefined();
    // A sidecar's own `draft: false` still publishes it, as over Jekyll's `published: false`.
    expect(readSeed('---\npermalink: false\n---\nHeadline\n\nBody.\n', { file: 'a.md', sidecar: parseYamlMeta('draft: false') }).meta.draft).toBe(false);
  });

  it('reads the words YAML 1.1 takes for true and false (as Jekyll and Hugo read them) in published and draft', () => {
    for (const no of ['no', 'No', 'NO', 'n', 'off', 'Off', 'FALSE']) {
      expect(parseYamlMeta(`published: ${no}\ndate: 2024-05-01`), no).toEqual({ date: new Date('2024-05-01T00:00:00Z'), draft: true });
      expect(parseYamlMeta(`draft: ${no}`).draft, no).toBe(false);
    }
    for (const yes of ['yes', 'Yes', 'y', 'on', 'ON', 'True']) {
      expect(parseYamlMeta(`published: ${yes}\ndate: 2024-05-01`), yes).toEqual({ date: new Date('2024-05-01T00:00:00Z') });
      expect(parseYamlMeta(`draft: ${yes}`).draft, yes).toBe(true);
    }
    // Other words are still no flag: draft refuses them, and published reads them as a date.
    expect(() => parseYamlMeta('draft: maybe')).toThrow(/front matter `draft`: expected true or false/);
    expect(() => parseYamlMeta('published: nope')).toThrow(/E_DATE|not an ISO 8601 date/);
  });
});

describe('front matter the YAML parser has a word about', () => {
  // Regression: the yaml package printed its own notice on stderr, outside storyfeed's report, for a
  // template's unquoted tag (Hugo's archetypes write `date: {{ .Date }}`, a mapping whose key is a mapping).
  it('says it only through storyfeed: nothing on the console', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      expect(() => parseYamlMeta('title: Hello\ndate: {{ .Date }}', { file: 'x.md' })).toThrow(/`date`: expected an ISO 8601 date, found a mapping/);
      expect(() => parseYamlMeta('title: {{ .Title }}\ndate: 2024-01-02', { file: 'x.md' })).toThrow(/`title`: expected text, found a mapping/);
      expect(warn).not.toHaveBeenCalled();
      expect(emit).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      emit.mockRestore();
    }
  });
});

describe("a podcast episode's files and details (`enclosures`, `enclosure`, `episode`), as a plain item gives them", () => {
  it('are read with their URLs as written (the story resolves them), one `enclosure` as a list of one', () => {
    const meta = parseYamlMeta(
      'title: Episode 12\nenclosures:\n  - url: /audio/ep12.mp3\n    type: audio/mpeg\n    length: 24986239\nepisode:\n  duration: 3723\n  episode: 12\n  season: 2\n  episodeType: full\n  explicit: false\n  image: ep12.jpg\n  transcripts:\n    - url: ep12.vtt\n      type: text/vtt\n',
    );
    expect(meta.enclosures).toEqual([{ url: '/audio/ep12.mp3', type: 'audio/mpeg', length: 24986239 }]);
    expect(meta.episode).toEqual({
      duration: 3723,
      episode: 12,
      season: 2,
      episodeType: 'full',
      explicit: false,
      image: 'ep12.jpg',
      transcripts: [{ url: 'ep12.vtt', type: 'text/vtt' }],
    });
    expect(parseYamlMeta('enclosure:\n  url: https://cdn.example.com/ep1.m4a\n  type: audio/x-m4a\n  length: 100\n').enclosures).toEqual([
      { url: 'https://cdn.example.com/ep1.m4a', type: 'audio/x-m4a', length: 100 },
    ]);
  });

  it("are E_FIELD errors naming the field within them and the key's line, as the item's problems are", () => {
    const noType = fails(() => parseYamlMeta('title: x\nenclosure:\n  url: /a.mp3\n  length: 10\n', { file: 'ep.md', firstLine: 2 }));
    expect(noType).toMatchObject({ code: 'E_FIELD', line: 3 });
    expect(noType.message).toMatch(/^ep\.md:3: front matter `enclosure\.type`: /);
    const badSeason = fails(() => parseYamlMeta('title: x\nepisode:\n  season: zero\n', { file: 'ep.md', firstLine: 2 }));
    expect(badSeason).toMatchObject({ code: 'E_FIELD', line: 3 });
    expect(badSeason.message).toContain('front matter `episode.season`: ');
    expect(fails(() => parseYamlMeta('enclosures: /a.mp3\n')).message).toContain('front matter `enclosures`: must be a list of { url, type, length }');
    // Named as written (a key in other letter case, a relative URL as given, not as checked).
    expect(fails(() => parseYamlMeta('Enclosure:\n  url: /a.mp3\n')).message).toMatch(/^front matter `Enclosure\.type`: /);
    const artwork = fails(() => parseYamlMeta('episode:\n  image: art.webp\n'));
    expect(artwork.message).toContain('found "art.webp"');
    expect(artwork.message).not.toContain('invalid');
  });
});

describe("YAML merge keys (`<<: *base`), as YAML 1.1 and the generators' readers of it write shared fields", () => {
  const yaml = [
    'defaults: &defaults',
    '  author: Jane Doe',
    '  tags: [politics, council]',
    '  title: From the defaults',
    'title: The council meets',
    '<<: *defaults',
    'tags: [budget]',
    'date: 2024-03-05',
  ].join('\n');

  it('are read in front matter, the keys written in the mapping winning over the merged ones', () => {
    const seed = readSeed(`---\n${yaml}\n---\nThe council met on Tuesday to vote on the budget.\n`, { file: 'post.md' });
    expect(seed.meta?.title).toBe('The council meets');
    expect(seed.meta?.authors).toEqual([{ name: 'Jane Doe' }]);
    expect(seed.meta?.tags).toEqual(['budget']);
    expect(seed.meta?.date?.toISOString()).toBe('2024-03-05T00:00:00.000Z');
  });

  it('are read in a sidecar, a list of mappings merged with the first one given winning', () => {
    const meta = parseYamlMeta('a: &a {author: First}\nb: &b {author: Second, summary: From b}\n<<: [*a, *b]\ntitle: Sidecar\n', { file: 'post.meta.yaml' });
    expect(meta).toMatchObject({ title: 'Sidecar', authors: [{ name: 'First' }], summary: 'From b' });
  });

  it("a merged field's problem names the field, on the merge key's line", () => {
    const error = fails(() => parseYamlMeta('base: &base\n  date: someday\ntitle: T\n<<: *base\n', { file: 'post.meta.yaml' }));
    expect(error.code).toBe('E_DATE');
    expect(error.detail).toContain('front matter `date`:');
    expect(error.line).toBe(4);
  });

  it('merging what is not a mapping is a front matter error', () => {
    const error = fails(() => parseYamlMeta('title: T\n<<: 5\n', { file: 'post.meta.yaml' }));
    expect(error.code).toBe('E_FRONT_MATTER');
    expect(error.detail).toMatch(/YAML error: .*merge/i);
  });
});

describe("Hugo's expiry date (`expiryDate`, `expirydate`, `unpublishdate`)", () => {
  it('is read as the date the story stops being published, in any letter case, in YAML, TOML and JSON front matter', () => {
    expect(parseYamlMeta('title: T\nexpiryDate: 2024-10-19T00:32:13-07:00\n').expires?.toISOString()).toBe('2024-10-19T07:32:13.000Z');
    expect(parseYamlMeta('title: T\nexpirydate: 2024-10-19\n').expires?.toISOString()).toBe('2024-10-19T00:00:00.000Z');
    expect(parseYamlMeta('title: T\nunpublishdate: 2024-10-19\n', { timeZone: 'Europe/Kyiv' }).expires?.toISOString()).toBe('2024-10-18T21:00:00.000Z');
    expect(parseTomlMeta("title = 'T'\nexpiryDate = 2024-10-19T00:32:13-07:00\n").expires?.toISOString()).toBe('2024-10-19T07:32:13.000Z');
    expect(parseJsonMeta('{\n"title": "T",\n"expiryDate": "2024-10-19T00:32:13-07:00"\n}').expires?.toISOString()).toBe('2024-10-19T07:32:13.000Z');
    expect(parseYamlMeta('title: T\nexpiryDate:\n').expires).toBeUndefined();
  });

  it('is read from `expiryDate` when `unpublishdate` is given too, which is named as not read', () => {
    const warnings: Diagnostic[] = [];
    const meta = parseYamlMeta('title: T\nunpublishdate: 2025-01-01\nexpiryDate: 2024-10-19\n', { onWarning: (d) => warnings.push(d) });
    expect(meta.expires?.toISOString()).toBe('2024-10-19T00:00:00.000Z');
    expect(warnings.map((w) => [w.code, w.message, w.line])).toEqual([
      ['W_UNKNOWN_FIELD', 'front matter `unpublishdate` is not read: `expiryDate` is given too and is read instead', 2],
    ]);
  });

  it('that is no date stops the build naming the field and its line', () => {
    const error = fails(() => parseYamlMeta('title: T\nexpiryDate: next year\n', { file: 'post.md', firstLine: 2 }));
    expect(error.code).toBe('E_DATE');
    expect(error.detail).toMatch(/^front matter `expiryDate`: "next year" is not a date/);
    expect(error.line).toBe(3);
  });
});

describe('front matter whose opening fence names its language (`---json`, `---yaml`, `---toml`, as Eleventy and gray-matter read it)', () => {
  it('is read in that language (regression: the fence became the headline and the fields the text)', () => {
    const json = readSeed('---json\n{\n  "title": "JSON in fences",\n  "date": "2024-03-01"\n}\n---\nBody of the post.\n', { file: 'json.md' });
    expect([json.title, json.meta.date?.toISOString(), json.sections[0]?.blocks]).toEqual([
      'JSON in fences',
      '2024-03-01T00:00:00.000Z',
      [{ kind: 'paragraph', text: 'Body of the post.' }],
    ]);
    expect(readSeed('---yaml\ntitle: YAML named\n---\nBody.\n', { file: 'y.md' }).title).toBe('YAML named');
    expect(readSeed('---YML \ntitle: YML named\n---\nBody.\n', { file: 'y.md' }).title).toBe('YML named');
    expect(readSeed('---toml\ntitle = "TOML named"\ndate = 2024-03-04\n---\nBody.\n', { file: 't.md' }).meta.date?.toISOString()).toBe('2024-03-04T00:00:00.000Z');
    expect(splitFrontMatter('---json\n{"a": 1}\n---\nbody\n')).toEqual({ yaml: null, json: '{"a": 1}', yamlLine: 2, body: 'body\n', bodyLine: 4 });
  });

  it("names a problem on its line, and refuses JavaScript's, which storyfeed does not run", () => {
    expect(fails(() => readSeed('---json\n{\n  "title": 3,\n  "date": "never"\n}\n---\nBody.\n', { file: 'j.md' }))).toMatchObject({ code: 'E_DATE', line: 4 });
    for (const fence of ['---js', '---javascript']) {
      const error = fails(() => readSeed(`${fence}\n{\n  title: "JS front",\n}\n---\nBody.\n`, { file: 'js.md' }));
      expect(error, fence).toMatchObject({ code: 'E_FRONT_MATTER', line: 1, file: 'js.md' });
      expect(error.detail, fence).toMatch(/JavaScript front matter .* is not read: storyfeed does not run a seed's code; write it as YAML/);
    }
    // Another word after the dashes is no fence: the text is read as it was.
    expect(readSeed('---lorem\ntitle: x\n', { file: 'l.md' }).title).toBe('---lorem');
  });
});
