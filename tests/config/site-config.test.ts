import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import type { StoryfeedError } from '../../src/errors.js';
import { canonicalLanguage } from '../../src/story/language-tag.js';
import { isIso639Code } from '../../src/verify/language-codes.js';

describe('validateConfig', () => {
  it('accepts a minimal config and fills defaults', () => {
    expect(validateConfig({ siteUrl: 'https://news.example.com', title: 'News' })).toEqual({
      siteUrl: 'https://news.example.com/',
      title: 'News',
      description: 'News',
      language: 'en',
      authors: [],
      stylesheet: 'feed.xsl',
      bundleStylesheet: true,
    });
    expect(validateConfig({ siteUrl: 'https://x.example', title: 'X', stylesheet: false }).stylesheet).toBeUndefined();
    expect(validateConfig({ siteUrl: 'https://x.example', title: 'X', stylesheet: '/style/feed.xsl' })).toMatchObject({ stylesheet: '/style/feed.xsl' });
    expect(validateConfig({ siteUrl: 'https://x.example', title: 'X', tagFeeds: { minItems: 2 }, authorFeeds: true, archive: true })).toMatchObject({
      tagFeeds: { minItems: 2 },
      authorFeeds: true,
      archive: true,
    });
  });

  it('reports every problem at once, with paths and hints', () => {
    let error: StoryfeedError | undefined;
    try {
      validateConfig(
        { siteUrl: 'news.example.com', language: 'english!', authors: [{ email: 'x' }], itemLimit: 0, outputs: { rss: '../x.xml', csv: 'a' }, titel: 'x', timeZone: 'Mars/Base' },
        'storyfeed.config.json',
      );
    } catch (e) {
      error = e as StoryfeedError;
    }
    expect(error?.code).toBe('E_CONFIG');
    expect(error?.file).toBe('storyfeed.config.json');
    const paths = error!.problems.map((p) => p.split(':')[0]);
    expect(paths).toEqual(expect.arrayContaining(['siteUrl', 'title', 'language', 'authors[0].name', 'itemLimit', 'outputs.rss', 'outputs.csv', 'titel', 'timeZone']));
    expect(error!.problems.find((p) => p.startsWith('titel'))).toContain('Did you mean "title"');
  });

  it('refuses a feed name the build writes itself (the stylesheet, the index page, its folders), in any case', () => {
    for (const name of ['feed.xsl', 'index.html', 'Index.HTML', 'archive', 'tags', 'authors']) {
      expect(() => validateConfig({ siteUrl: 'https://x.example', title: 'X', outputs: { rss: name } }), name).toThrow(
        new RegExp(`outputs\\.rss: "${name.replace('.', '\\.')}" is a name the build writes itself`),
      );
    }
    expect(validateConfig({ siteUrl: 'https://x.example', title: 'X', outputs: { rss: 'index.xml' } }).outputs).toEqual({ rss: 'index.xml' });
    // The refused name is the one problem: its format's default is not then said to collide with another name.
    let problems: readonly string[] = [];
    try {
      validateConfig({ siteUrl: 'https://x.example', title: 'X', outputs: { rss: 'feed.xsl', atom: 'rss.xml' } });
    } catch (error) {
      problems = (error as StoryfeedError).problems;
    }
    expect(problems).toEqual([expect.stringMatching(/^outputs\.rss: "feed\.xsl" is a name the build writes itself/)]);
  });

  it('refuses two feed names that differ only in case, one file where case is ignored (macOS, Windows)', () => {
    const problemsOf = (outputs: Record<string, string>): readonly string[] => {
      try {
        validateConfig({ siteUrl: 'https://x.example', title: 'X', outputs });
      } catch (error) {
        return (error as StoryfeedError).problems;
      }
      return [];
    };
    expect(problemsOf({ rss: 'RSS.xml', atom: 'rss.xml' })).toEqual([
      expect.stringMatching(/^outputs: two formats would be written to the same file rss\.xml \(as RSS\.xml, on a file system that ignores case\)/),
    ]);
    // Against a default name too: atom.xml is what the Atom feed is written to when not named.
    expect(problemsOf({ json: 'Atom.XML' })).toEqual([expect.stringMatching(/^outputs: two formats would be written to the same file/)]);
    expect(problemsOf({ rss: 'feed.xml', atom: 'feed.xml' })).toEqual([expect.stringMatching(/^outputs: two formats would be written to the same file feed\.xml$/)]);
    expect(problemsOf({ rss: 'RSS.xml', atom: 'Atom.xml', json: 'Feed.json' })).toEqual([]);
  });

  it('takes a podcast\'s explicit flag as the words podcast tools write ("no", "clean", "yes") and refuses any other', () => {
    const podcast = { image: 'https://x.example/art.jpg', categories: [{ text: 'History' }] };
    for (const explicit of ['no', 'clean', 'Yes', true])
      expect(() => validateConfig({ siteUrl: 'https://x.example', title: 'X', podcast: { ...podcast, explicit } }), String(explicit)).not.toThrow();
    for (const explicit of ['sometimes', 0, undefined])
      expect(() => validateConfig({ siteUrl: 'https://x.example', title: 'X', podcast: { ...podcast, explicit } }), String(explicit)).toThrow(/podcast\.explicit/);
  });

  it('reads a single author string with an email', () => {
    expect(validateConfig({ siteUrl: 'https://x.example', title: 'X', author: 'Desk <desk@x.example>' }).authors).toEqual([{ name: 'Desk', email: 'desk@x.example' }]);
  });
});

describe('settings an audit found read too kindly', () => {
  const base = { siteUrl: 'https://x.example', title: 'X' };
  it('tagFeeds takes only true, false or { minItems }: 0, "no" or a misspelt key no longer turn tag feeds on', () => {
    for (const tagFeeds of [0, 1, 'no', 'false', { minItem: 3 }, { minItems: 0 }, [], null])
      expect(() => validateConfig({ ...base, tagFeeds }), JSON.stringify(tagFeeds)).toThrow(/tagFeeds: must be true, false or \{"minItems": N\}/);
    expect(validateConfig({ ...base, tagFeeds: false }).tagFeeds).toBe(false);
    expect(validateConfig({ ...base, tagFeeds: {} }).tagFeeds).toBe(true);
    expect(validateConfig({ ...base, tagFeeds: { minItems: 3 } }).tagFeeds).toEqual({ minItems: 3 });
  });

  it('language is a language code feeds carry: "english" (a first subtag of five letters, none of them registered) is refused here, not by the verifier', () => {
    for (const language of ['english', 'engl', 'deutsch-CH']) expect(() => validateConfig({ ...base, language }), language).toThrow(/language/);
    expect(validateConfig({ ...base, language: 'pt-br' }).language).toBe('pt-BR');
    expect(validateConfig({ ...base, language: 'yue-Hant-HK' }).language).toBe('yue-Hant-HK');
  });

  it('language starts with an ISO 639 code: two letters ISO 639-1 does not list ("zz") are E_CONFIG naming the setting, the value and a fix', () => {
    for (const language of ['zz', 'xx', 'ZZ-us', 'qq_BR', 'english']) {
      let error: StoryfeedError | undefined;
      try {
        validateConfig({ ...base, language }, 'storyfeed.config.json');
      } catch (e) {
        error = e as StoryfeedError;
      }
      expect(error?.code, language).toBe('E_CONFIG');
      expect(error?.message, language).toContain(`language: "${language}" is not a language tag starting with an ISO 639 language code`);
      expect(error?.message, language).toMatch(/\(Use the two- or three-letter ISO 639 code/);
    }
    const valid: [string, string][] = [
      ['en-US', 'en-US'],
      ['zh-Hant-TW', 'zh-Hant-TW'],
      ['pt-BR', 'pt-BR'],
      ['es-419', 'es-419'],
      ['sr-Latn', 'sr-Latn'],
      ['fre', 'fr'],
      ['ger', 'de'],
      ['haw', 'haw'],
      ['fil', 'fil'],
      ['und', 'und'],
      ['iw', 'he'],
    ];
    for (const [language, tag] of valid) expect(validateConfig({ ...base, language }).language, language).toBe(tag);
  });

  it('every two-letter language the verifier knows is taken, and none it refuses reaches a feed (two lists from two sources)', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (const a of letters)
      for (const b of letters) {
        const code = a + b;
        const tag = canonicalLanguage(code);
        if (isIso639Code(code)) expect(tag, code).toBeDefined();
        if (tag !== undefined) expect(isIso639Code(tag.split('-')[0]!), code).toBe(true);
      }
  });
});

describe('a defaultDate that is a date never set', () => {
  it('is refused, named, at the Unix epoch and at the zero date of Go, .NET and Python (0001-01-01)', () => {
    for (const [defaultDate, why] of [
      ['1970-01-01', 'within weeks of the Unix epoch'],
      ['0001-01-01', 'the zero value of'],
    ] as const) {
      expect(() => validateConfig({ siteUrl: 'https://x.example', title: 'X', defaultDate }, 'storyfeed.config.json'), defaultDate).toThrow(
        expect.objectContaining({ code: 'E_CONFIG', message: expect.stringMatching(new RegExp(`defaultDate.*${why}`)) }),
      );
    }
  });
});
