import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import type { StoryfeedError } from '../../src/errors.js';

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
});
