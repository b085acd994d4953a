import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { splitMetadataLines } from '../../src/seed/metadata-lines.js';
import { readSeed } from '../../src/seed/index.js';
import { parseSeed } from '../../src/story/index.js';
import { costGrowth } from '../support/linear.js';

describe("Pelican's metadata lines in a Markdown seed", () => {
  // Pelican's documentation, "Metadata syntax for Markdown posts".
  const post = [
    'Title: My super title',
    'Date: 2010-12-03 10:20',
    'Modified: 2010-12-05 19:30',
    'Category: Python',
    'Tags: pelican, publishing',
    'Slug: my-super-post',
    'Authors: Alexis Metaireau, Conan Doyle',
    'Summary: Short version for index and feeds',
    '',
    'This is the content of my super blog post.',
    '',
  ].join('\n');

  it("are the seed's fields, in Pelican's meaning, and not its text", () => {
    const seed = readSeed(post, { file: 'content/my-super-post.md' });
    expect(seed.title).toBe('My super title');
    expect(seed.meta).toMatchObject({ slug: 'my-super-post', summary: 'Short version for index and feeds', tags: ['pelican', 'publishing', 'Python'] });
    expect(seed.meta.date?.toISOString()).toBe('2010-12-03T10:20:00.000Z');
    expect(seed.meta.updated?.toISOString()).toBe('2010-12-05T19:30:00.000Z');
    expect(seed.meta.authors).toEqual([{ name: 'Alexis Metaireau' }, { name: 'Conan Doyle' }]);
    expect(seed.sections.flatMap((s) => s.blocks)).toEqual([{ kind: 'paragraph', text: 'This is the content of my super blog post.' }]);
  });

  it('read names in any case, lists split at semicolons when they hold one, values going on over indented lines, and empty values as none', () => {
    const seed = readSeed(
      'title: Test metadata duplicates\nTags: foo, bar, foo\nAuthors: Author, First; Author, Second; Author, First\nDate: 2012-10-31\nSlug:\nSummary:\n    A multi-line summary should be supported\n    as well as **inline markup**.\n\nThis is some content.\n',
      { file: 'a.md' },
    );
    expect(seed.title).toBe('Test metadata duplicates');
    expect(seed.meta.tags).toEqual(['foo', 'bar']);
    expect(seed.meta.authors).toEqual([{ name: 'Author, First' }, { name: 'Author, Second' }]);
    // Pelican renders the summary as Markdown: its text.
    expect(seed.meta.summary).toBe('A multi-line summary should be supported as well as inline markup.');
    expect(seed.meta.slug).toBeUndefined();
  });

  it('keep `Status: draft` and `Status: hidden` out of the feeds, and read `Lang` as the language', () => {
    expect(readSeed('Title: Draft article\nDate: 2012-10-31\nStatus: draft\n\nThis is some content.\n', { file: 'a.md' }).meta.draft).toBe(true);
    expect(readSeed('Title: Hidden\nStatus: hidden\n\nText.\n', { file: 'a.md' }).meta.draft).toBe(true);
    expect(readSeed('Title: Shown\nStatus: published\n\nText.\n', { file: 'a.md' }).meta.draft).toBeUndefined();
    expect(readSeed('Title: Foobar\nLang: fr\n\nOui oui.\n', { file: 'a.md' }).meta.language).toBe('fr');
  });

  it('stay text, as before they were read, with a warning naming the field that does not read, when a value is not what Pelican writes', () => {
    for (const [text, field, line] of [
      ['Title: The Hobbit\nAuthor: J. R. R. Tolkien\nDate: 1937\n\nMy review of the book.\n', '`date`', 3],
      ['Title: Town meeting\nDate: next Tuesday\n\nAll welcome.\n', '`date`', 2],
      ['Title: T\nTags: a\nDate: 2012-13-01\n\nText.\n', '`date`', 3],
    ] as const) {
      const warnings: Diagnostic[] = [];
      const seed = readSeed(text, { file: 'a.md', onWarning: (d) => warnings.push(d) });
      const [first, ...rest] = text.split('\n');
      expect(seed.title).toBe(first);
      expect(seed.meta).toEqual({});
      expect(seed.sections.flatMap((s) => s.blocks)[0]).toEqual({ kind: 'paragraph', text: rest.slice(0, line - 1).join(' ') });
      expect(warnings).toEqual([expect.objectContaining({ code: 'W_UNKNOWN_FIELD', file: 'a.md', line })]);
      expect(warnings[0]!.message).toContain(field);
    }
  });

  // Text seeds that built before such lines were read: a value `readMeta` takes but the story stage refuses would stop
  // the build, with no line; the lines stay text instead, with the warning naming the field and its line.
  const site = { siteUrl: 'https://example.com/' };
  it('stay text, with the warning, when a value would stop the build where the story is made', () => {
    for (const [text, field, line, timeZone] of [
      ['Title: Login fails on Safari\nId: BUG-1234\nStatus: open\n\nSteps to reproduce.\n', '`id`', 2],
      ['Title: Contact page\nUrl: mailto:me@example.com\nAuthor: Me\n\nWrite to me.\n', '`url`', 2],
      ['Title: Members\nAuthor: Me\nUrl: https://user:secret@example.com/members\n\nText.\n', '`url`', 3],
      ['Title: Holiday photos\nImage: c:\\photos\\beach.jpg\nAuthor: Ann\n\nWe went to the beach.\n', '`image`', 2],
      ['Title: Holiday photos\nAuthor: Ann\nImage: https://ann:secret@example.com/beach.jpg\n\nText.\n', '`image`', 3],
      ['Title: The Unix epoch\nDate: 1970-01-01\n\nTime began.\n', 'Unix epoch', 2],
      // Within weeks of the epoch in the build's time zone only (1 March 1970, 15:00 UTC).
      ['Title: Spring 1970\nDate: 1970-03-02\n\nText.\n', 'Unix epoch', 2, 'Asia/Tokyo'],
    ] as const) {
      const warnings: Diagnostic[] = [];
      const story = parseSeed(text, { file: 'a.md', site, analysis: false, onWarning: (d) => warnings.push(d), ...(timeZone ? { timeZone } : {}) });
      expect(story.title).toBe(text.split('\n')[0]);
      const warned = warnings.filter((d) => d.code === 'W_UNKNOWN_FIELD');
      expect(warned).toEqual([expect.objectContaining({ file: 'a.md', line })]);
      expect(warned[0]!.message).toContain(field);
    }
  });

  it('stay text, with the warning, when read as fields they would leave the story no body', () => {
    for (const [text, line] of [
      ['Title: Short note\nDate: 2024-01-01\n', 3],
      ['Title: Short note\nDate: 2024-01-01\n\n<!-- more to come -->\n', 4],
    ] as const) {
      const warnings: Diagnostic[] = [];
      const story = parseSeed(text, { file: 'a.md', site, analysis: false, onWarning: (d) => warnings.push(d) });
      expect(story.title).toBe('Title: Short note');
      expect(story.contentText).toContain('Date: 2024-01-01');
      expect(warnings.filter((d) => d.code === 'W_UNKNOWN_FIELD')).toEqual([expect.objectContaining({ file: 'a.md', line, message: expect.stringContaining('no text') })]);
    }
    // With a body, the same lines are the fields.
    expect(parseSeed('Title: Short note\nDate: 2024-01-01\n\nText.\n', { file: 'a.md', site, analysis: false }).title).toBe('Short note');
  });

  it('are read when their values are what the story stage takes', () => {
    const text = 'Title: Real post\nDate: 2010-12-03 10:20\nId: tag:example.com,2010:real\nUrl: /posts/real/\nImage: images/a.jpg\n\nText here.\n';
    const story = parseSeed(text, { file: 'a.md', site, analysis: false });
    expect(story).toMatchObject({
      title: 'Real post',
      id: 'tag:example.com,2010:real',
      url: 'https://example.com/posts/real/',
      image: { url: 'https://example.com/posts/real/images/a.jpg' },
    });
    expect(story.published.toISOString()).toBe('2010-12-03T10:20:00.000Z');
    // A date outside the epoch's weeks in UTC and in the build's time zone.
    expect(parseSeed('Title: Spring 1970\nDate: 1970-03-02\n\nText.\n', { file: 'a.md', site, analysis: false }).title).toBe('Spring 1970');
  });

  it("build with every other field Pelican's lines set, whatever its value (read, named in a warning, or left text)", () => {
    for (const text of [
      'Title: Odd slug\nSlug: !!!\n\nText here.\n',
      'Title: Control\nSummary: \u0001\nAuthor: A\n\nText here.\n',
      'Title: Status\nStatus: weird\n\nText here.\n',
      'Title: Modified\nModified: 1970-01-01\n\nText here.\n',
      'Title: Lang\nLang: english\n\nText here.\n',
      'Title: Language\nLanguage: english\nDate: 2012-10-31\n\nText here.\n',
      `Title: Tagged\nTags: ${Array.from({ length: 300 }, (_, i) => `t${i}`).join(', ')}\n\nText here.\n`,
      `Title: Authors\nAuthors: ${Array.from({ length: 300 }, (_, i) => `Author ${i}`).join(', ')}\n\nText here.\n`,
      'Title: Category\nCategory: 2024\n\nText here.\n',
      'Title: Saved\nSave_as: x.html\nTranslation: true\n\nText here.\n',
    ])
      expect(() => parseSeed(text, { file: 'a.md', site, analysis: false })).not.toThrow();
  });

  it("read Pelican's `Lang` as another generator's name: one that is no language tag is named, not read, and the other fields are", () => {
    const warnings: Diagnostic[] = [];
    const seed = readSeed('Title: Le film\nDate: 2012-10-31\nLang: english\n\nText.\n', { file: 'a.md', onWarning: (d) => warnings.push(d) });
    expect(seed.title).toBe('Le film');
    expect(seed.meta.language).toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ code: 'W_UNKNOWN_FIELD', line: 3, message: expect.stringContaining('`lang`') })]);
  });

  it('start the body after the blank line', () => {
    expect(splitMetadataLines('Title: T\nDate: 2012-10-31\n\n\nText.\n')).toMatchObject({ body: '\nText.\n', bodyLine: 4 });
  });

  it('are none unless they give a title and another of its fields, so first lines of text stay the headline', () => {
    for (const text of [
      'Update: talks resume in Geneva\n\nThe talks resumed on Monday.\n',
      'Title: a film review\n\nThe film opens in March.\n',
      'Breaking: storm hits coast\nDate: tomorrow, officials say\n\nText.\n',
      // Fields named with nothing in them (a YAML list's name: `tags:` then `  - AI`) are none.
      'title: Windows 10 setup\ntags:\n  - AI\n---\nText.\n',
      'Title: a film review\nTags:\nDate:\n\nText.\n',
    ])
      expect(splitMetadataLines(text)).toBeUndefined();
    // Pelican's metadata ends at a blank line: a line that is no field, no value going on and not blank before it
    // (a YAML list's item, a `---` line, prose) says the lines are something else, which stays as it was.
    for (const text of [
      'title: W\ndate: 2017/1/8\ntags:\n  - windows\n---\nBody.\n',
      'Title: x\nDate: 2012-10-31\nnot a field line\n',
      'Title: x\nDate: 2012-10-31\n---\nText.\n',
      'Title: x\nDate: 2012-10-31\n  indented two spaces\n\nText.\n',
    ])
      expect(splitMetadataLines(text)).toBeUndefined();
    expect(splitMetadataLines('Title: x\nDate: 2012-10-31\nSummary: a\n    b\n\nText.\n')).toMatchObject({ fields: { title: 'x', summary: 'a b' }, body: 'Text.\n', bodyLine: 6 });
    expect(readSeed('Update: talks resume in Geneva\n\nThe talks resumed on Monday.\n', { file: 'a.md' }).title).toBe('Update: talks resume in Geneva');
    expect(readSeed('Title: a film review\n\nThe film opens in March.\n', { file: 'a.md' }).title).toBe('Title: a film review');
  });

  it("leave a Hexo post's YAML without its opening `---`, outside a `_posts` folder, as it was", () => {
    const warnings: Diagnostic[] = [];
    const seed = readSeed('title: W\ndate: 2017/1/8\ntags:\n  - windows\n---\nBody.\n', { file: 'notes/w.md', onWarning: (d) => warnings.push(d) });
    expect(seed.title).toBe('title: W');
    expect(seed.meta).toEqual({});
    expect(warnings.map((d) => d.code)).toEqual([]);
    expect(seed.sections.flatMap((s) => s.blocks)[0]).toMatchObject({ text: expect.stringContaining('date: 2017/1/8') });
  });

  it('are read in Markdown seeds only, and YAML front matter is read as before', () => {
    expect(readSeed('Title: T\nDate: 2012-10-31\n\nText here.\n', { file: 'a.txt' }).title).toBe('Title: T');
    expect(readSeed('---\nTitle: T\ntitle: t\n---\nText.\n', { file: 'a.md' }).title).toBe('t');
  });

  it('are read in time linear in their lines', async () => {
    const growth = await costGrowth((n) => splitMetadataLines(`Title: T\nTags: ${'a, '.repeat(n)}\n${'    more\n'.repeat(n)}\nText.`), 2_000, 20_000, 4);
    expect(growth).toBeLessThan(4);
  });
});
