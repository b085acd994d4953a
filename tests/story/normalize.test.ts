import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { countWords, DEFAULT_ENTITY_TAGS, feedsReadAnalysis, parseSeed, type ParseSeedOptions } from '../../src/story/normalize.js';

const site = { siteUrl: 'https://news.example.com', language: 'en', authors: [{ name: 'Desk', email: 'desk@news.example.com' }] };
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/articles/${name}`, import.meta.url), 'utf8');
const parse = (text: string, options: Partial<ParseSeedOptions> = {}) => parseSeed(text, { site, fallbackDate: new Date(0), ...options });

describe('parseSeed: identity', () => {
  it('derives slug, URL and id from the file name, not the text', () => {
    const a = parse('First title\nBody one.', { file: 'seeds/ferry-resumes.txt' });
    const b = parse('Edited title\nCompletely different body.', { file: 'seeds/ferry-resumes.txt' });
    expect(a.slug).toBe('ferry-resumes');
    expect(a.url).toBe('https://news.example.com/ferry-resumes');
    expect(a.id).toBe(a.url);
    expect(b.id).toBe(a.id);
  });

  it('names a page bundle (a folder holding index.md) by its folder, date prefix and all', () => {
    expect(parse('T\nBody.', { file: 'content/posts/ferry-resumes/index.md' }).slug).toBe('ferry-resumes');
    expect(parse('T\nBody.', { file: 'seeds\\night-train\\INDEX.txt' }).url).toBe('https://news.example.com/night-train');
    const dated = parse('T\nBody.', { file: '/srv/site/posts/2024-03-05-spring/index.md' });
    expect([dated.slug, dated.published.toISOString()]).toEqual(['spring', '2024-03-05T00:00:00.000Z']);
    expect(parse('T\nBody.', { file: './winter/./index.txt' }).slug).toBe('winter');
    // No folder to name it by: its title does.
    expect(parse('Ferry timetable\nBody.', { file: 'index.md' }).slug).toBe('ferry-timetable');
    expect(parse('Ferry timetable\nBody.', { file: '../index.md' }).slug).toBe('ferry-timetable');
    expect(parse('Ferry timetable\nBody.', { file: 'C:\\index.md' }).slug).toBe('ferry-timetable');
    // Only a file named index is a bundle's article; a front matter slug still wins.
    expect(parse('T\nBody.', { file: 'posts/ferry/indexes.md' }).slug).toBe('indexes');
    // At the top of the seeds folder an index seed is no bundle: named by its title.
    expect(parse('Ferry timetable\nBody.', { file: 'content/index.md', seedsFolderTop: true }).slug).toBe('ferry-timetable');
    expect(parse('Ferry timetable\nBody.', { file: 'content/about.md', seedsFolderTop: true }).slug).toBe('about');
    // A translation of a bundle ("index.fr.md") is named by its folder and its language.
    expect(parse('T\nBody.', { file: 'content/posts/ferry/index.fr.md' }).slug).toBe('ferry-fr');
    expect(parse('T\nBody.', { file: 'content/posts/ferry/index.pt-BR.md' }).slug).toBe('ferry-pt-br');
    expect(parse('---\nslug: own-name\n---\nT\nBody.', { file: 'posts/ferry/index.md' }).slug).toBe('own-name');
  });

  it('takes the summary from front matter, then a sidecar, then the text before <!--more-->, then the lede', () => {
    const text = 'Night ferry\n\nThe ferry resumes tonight.\n\nTwo crossings a day.\n\n<!--more-->\n\nThe rest.\n';
    expect(parse(text, { file: 'f.md' }).summary).toBe('The ferry resumes tonight. Two crossings a day.');
    expect(parse(text.replace('<!--more-->', ''), { file: 'f.md' }).summary).toBe('The ferry resumes tonight.');
    expect(parse(`---\nsummary: Own summary.\n---\n${text}`, { file: 'f.md' }).summary).toBe('Own summary.');
    expect(parse(text, { file: 'f.md', sidecar: { summary: 'Sidecar summary.' } }).summary).toBe('Sidecar summary.');
    // The text before the divider is read as a lede is: without byline and dateline, cut at a sentence.
    const wire = 'Night ferry\n\nBy Ann Lee\n\nIZMAIL, Ukraine, Nov. 3 (AP) — The ferry resumes tonight.\n\n<!--more-->\n\nThe rest.\n';
    expect(parse(wire, { file: 'f.md' }).summary).toBe('The ferry resumes tonight.');
    const long = `Night ferry\n\n${'The ferry crosses the river twice a day. '.repeat(40)}\n\n<!--more-->\n\nThe rest.\n`;
    const cut = parse(long, { file: 'f.md' }).summary;
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut.endsWith('day.')).toBe(true);
  });

  it('takes the lede from the first paragraph with words: not a figure, not a bare address', () => {
    const figureFirst = parse('Night ferry\n\n{{< figure src="/boat.jpg" caption="The boat at the quay" >}}\n\nThe ferry resumes tonight.\n', { file: 'f.md' });
    expect(figureFirst.summary).toBe('The ferry resumes tonight.');
    expect(figureFirst.contentHtml).toContain('<figcaption>The boat at the quay</figcaption>');
    const ownFigure = parse('Night ferry\n\n<figure><img src="/boat.jpg"><figcaption>The boat</figcaption></figure>\n\nThe ferry resumes tonight.\n', { file: 'f.md' });
    expect(ownFigure.summary).toBe('The ferry resumes tonight.');
    expect(parse('Night ferry\n\n{{< youtube abc123 >}}\n\nA film of the crossing.\n', { file: 'f.md' }).summary).toBe('A film of the crossing.');
    // Nothing but an address: that is the lede still.
    expect(parse('Night ferry\n\nhttps://video.example/boat\n', { file: 'f.md' }).summary).toBe('https://video.example/boat');
  });

  it('follows storyPath and a site URL with a path', () => {
    const s = parse('T\nBody.', { file: 'x.txt', site: { ...site, siteUrl: 'https://example.org/blog', storyPath: 'news/{slug}/' } });
    expect(s.url).toBe('https://example.org/blog/news/x/');
  });

  it('reads the site URL of each call, however sites alternate between calls', () => {
    const other = { ...site, siteUrl: 'https://other.example.net/b' };
    const urls = [site, other, other, site, { ...site, siteUrl: 'https://news.example.com' }].map((s) => parse('T\nBody.', { file: 'x.txt', site: s }).url);
    expect(urls).toEqual([
      'https://news.example.com/x',
      'https://other.example.net/b/x',
      'https://other.example.net/b/x',
      'https://news.example.com/x',
      'https://news.example.com/x',
    ]);
    // A storyPath leaving the site is refused against the site of the call, not the one read before it.
    parse('T\nBody.', { file: 'x.txt', site: other });
    expect(() => parse('T\nBody.', { file: 'x.txt', site: { ...site, storyPath: 'https://other.example.net/{slug}' } })).toThrow(expect.objectContaining({ code: 'E_URL' }));
    expect(() => parse('T\nBody.', { file: 'x.txt', site: { ...site, siteUrl: 'ftp://news.example.com' } })).toThrow(expect.objectContaining({ code: 'E_URL', file: 'x.txt' }));
  });

  it('uses front matter url and id, resolving relative URLs against the site', () => {
    const s = parse('---\nurl: /world/2024/ferry\nid: tag:news.example.com,2024:ferry\n---\nT\nBody.', { file: 'x.md' });
    expect(s.url).toBe('https://news.example.com/world/2024/ferry');
    expect(s.id).toBe('tag:news.example.com,2024:ferry');
  });

  it('refuses ids that are not absolute URIs and URLs that are not http(s)', () => {
    expect(() => parse('---\nid: ../../etc/passwd\n---\nT\nBody.', { file: 'x.md' })).toThrow(expect.objectContaining({ code: 'E_FIELD', file: 'x.md' }));
    expect(() => parse('---\nurl: "javascript:alert(1)"\n---\nT\nBody.', { file: 'x.md' })).toThrow(expect.objectContaining({ code: 'E_URL' }));
  });

  it('cleans unsafe slugs with a warning', () => {
    const warnings: Diagnostic[] = [];
    const s = parse('---\nslug: ../../x\n---\nT\nBody.', { file: 'x.md', onWarning: (w) => warnings.push(w) });
    expect(s.slug).toBe('x');
    expect(warnings.map((w) => w.code)).toContain('W_UNSAFE_SLUG');
  });
});

describe('parseSeed: dates', () => {
  it('reads dates from front matter, a dated file name, or a dateline completed by the year', () => {
    expect(parse('---\ndate: 2024-10-21T08:30:00+03:00\n---\nT\nBody.', { file: 'x.md' }).published.toISOString()).toBe('2024-10-21T05:30:00.000Z');
    expect(parse('T\nBody.', { file: '2024-03-05-spring.txt' }).published.toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(parse('T\nBody.', { file: '2024-03-05-spring.txt' }).slug).toBe('spring');
    const dl = parse(fixture('dateline-byline.txt'), { file: 'd.txt', site: { ...site, defaultYear: 2024 } });
    expect(dl.published.toISOString()).toBe('2024-11-03T00:00:00.000Z');
    expect(dl.dateline).toEqual({ place: 'Izmail, Ukraine', date: new Date('2024-11-03T00:00:00Z') });
  });

  it('never guesses a year from the clock, and warns when there is no date at all', () => {
    const warnings: Diagnostic[] = [];
    const s = parse(fixture('dateline-byline.txt'), { file: 'd.txt', fallbackDate: new Date('2001-01-01T00:00:00Z'), onWarning: (w) => warnings.push(w) });
    expect(s.published.toISOString()).toBe('2001-01-01T00:00:00.000Z');
    expect(s.dateline).toEqual({ place: 'Izmail, Ukraine' });
    expect(warnings.map((w) => w.code)).toContain('W_NO_DATE');
  });

  it('keeps updated at or after published', () => {
    const warnings: Diagnostic[] = [];
    const s = parse('---\ndate: 2024-05-02\nupdated: 2024-05-01\n---\nT\nBody.', { file: 'x.md', onWarning: (w) => warnings.push(w) });
    expect(s.updated).toEqual(s.published);
    expect(warnings.map((w) => w.code)).toContain('W_DATE_ORDER');
  });
});

describe('parseSeed: a title with character references', () => {
  it('given as a field (a WordPress export in front matter, a JSON seed) is the characters they name (regression: `Tom&#8217;s` published as written)', () => {
    expect(parse('---\ntitle: "Tom&#8217;s caf&eacute; &amp; bar"\ndate: 2024-01-02\n---\nBody.\n', { file: 'a.md' }).title).toBe('Tom’s café & bar');
    // A bare ampersand, or one of no whole reference, is text as before.
    expect(parse('---\ntitle: "AT&T &copy 2024"\ndate: 2024-01-02\n---\nBody.\n', { file: 'a.md' }).title).toBe('AT&T &copy 2024');
  });

  it('read from a plain text seed, or given in a JSON seed (text, or HTML a CMS post reads itself), is as written', () => {
    expect(parse('Q&amp;A\n\nBody.', { file: 'a.txt' }).title).toBe('Q&amp;A');
    expect(parse(JSON.stringify({ title: 'Q&amp;A', body: 'Text.', date: '2024-01-02' }), { file: 'a.json' }).title).toBe('Q&amp;A');
  });

  it('naming only white space is no headline: E_FIELD (regression: `&nbsp;` published an empty title)', () => {
    for (const title of ['&nbsp;', '&#32;&#160;', '&#8203;'])
      expect(() => parse(`---\ntitle: "${title}"\ndate: 2024-01-02\n---\nBody.\n`, { file: 'a.md' }), title).toThrow(
        expect.objectContaining({ code: 'E_FIELD', message: expect.stringContaining('show nothing') }),
      );
  });

  it('is compared as read with a leading heading repeating it, and makes the slug as read (regression: `# Tom’s café` kept below `Tom&#8217;s caf&eacute;`)', () => {
    const seed = '---\ntitle: "Tom&#8217;s caf&eacute;"\ndate: 2024-01-02\n---\n# Tom’s café\n\nBody.\n';
    const story = parse(seed, { file: 'a.md' });
    expect(story.title).toBe('Tom’s café');
    expect(story.contentHtml).toBe('<p>Body.</p>');
    expect(parse(seed, { format: 'markdown' }).slug).toBe('toms-cafe');
    expect(parse(seed).slug).toBe('toms-cafe');
  });
});

describe('parseSeed: content', () => {
  it('takes authors from front matter, then the byline, then the site', () => {
    expect(parse(fixture('dateline-byline.txt'), { file: 'd.txt' }).authors).toEqual([{ name: 'Ivan Petrenko' }, { name: 'Maria Lopez' }]);
    expect(parse('T\nBody.', { file: 'x.txt' }).authors).toEqual(site.authors);
  });

  it('renders HTML and plain text from the sections', () => {
    const s = parse(fixture('lists.txt'), { file: 'lists.txt' });
    expect(s.contentHtml).toContain('<ul>\n<li>alerts now name the district, not only the region;</li>');
    expect(s.contentHtml).toContain('<ol>');
    expect(s.contentText).toContain('\n\n- alerts now name the district');
    expect(s.contentText).toContain('1. delayed notifications');
  });

  it('sanitizes Markdown HTML, absolutizes links and removes forbidden characters', () => {
    const warnings: Diagnostic[] = [];
    const s = parse(fixture('hostile.md'), { file: 'hostile.md', onWarning: (w) => warnings.push(w) });
    expect(s.title).toBe('Q&A: <b>bold</b> claims & the ]]> problem');
    expect(s.contentHtml).not.toMatch(/<script|onerror|href="javascript:/i);
    expect(s.contentHtml).toContain('href="https://news.example.com/about"');
    expect(s.contentHtml).not.toMatch(/[\u0000\u000b\ufffe]/);
    expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['W_ILLEGAL_CHAR', 'W_UNSAFE_HTML']));
    expect(s.tags.slice(0, 2)).toEqual(['R&D', '<script>']);
  });

  it('keeps invisible characters out of headlines, and refuses a headline of nothing else', () => {
    // Pasted text: a zero-width space, a word joiner and a byte-order mark on a line of their own, or around the headline.
    expect(parse('\u200b\u2060\ufeff\n\nHead line\n\nBody text.\n', { file: 'a.txt' }).title).toBe('Head line');
    expect(parse('\u200bFerry timetable changes\u2060\u200d\n\nBody text.\n', { file: 'b.txt' }).title).toBe('Ferry timetable changes');
    expect(parse('---\ntitle: "\ufeffFerry \u2764\ufe0f\u200b"\n---\n\nBody text.\n', { file: 'c.md' }).title).toBe('Ferry \u2764\ufe0f');
    // A right-to-left mark that sets a headline's direction stays.
    expect(parse('\u200f2024 \u05d1\u05d7\u05d9\u05e8\u05d5\u05ea\n\nBody text.\n', { file: 'd.txt' }).title).toBe('\u200f2024 \u05d1\u05d7\u05d9\u05e8\u05d5\u05ea');
    expect(() => parse('---\ntitle: "\u200b\u2060"\n---\n\nBody text.\n', { file: 'e.md' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', file: 'e.md', message: expect.stringContaining('U+200B') }),
    );
    // A leading heading of nothing else is no headline (as `#` alone is not): the first line below it is.
    expect(parse('# \u200b\n\nBody text.\n\nMore text.\n', { file: 'f.md' })).toMatchObject({ title: 'Body text.', contentHtml: '<p>More text.</p>' });
    expect(() => parse('{"title": "\u200b\u00a0", "body": "Body text."}', { file: 'g.json' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', message: expect.stringContaining('$.title') }),
    );
  });

  it('detects the language, or takes it from front matter', () => {
    expect(parse(fixture('ukrainian.txt'), { file: 'u.txt' }).language).toBe('uk');
    expect(parse(fixture('one-paragraph.txt'), { file: 'o.txt' }).language).toBe('en');
    expect(parse('---\nlanguage: de-CH\n---\nT\nBody.', { file: 'x.md' }).language).toBe('de-CH');
    expect(parse(fixture('ukrainian.txt'), { file: 'u.txt' }).slug).toBe('u');
  });

  it('summarizes the lede and counts words', () => {
    const s = parse(fixture('one-paragraph.txt'), { file: 'o.txt' });
    expect(s.summary).toBe("The city council of Kharkiv voted on Thursday to keep rides on the city's metro free of charge until the end of next year, Mayor Ihor Terekhov said.");
    expect(s.wordCount).toBe(countWords(s.contentText));
    expect(s.readingMinutes).toBe(1);
    expect(countWords("It's a well-known fact — 10,000 people.")).toBe(6);
  });

  it('resolves a relative image against the story URL with its MIME type', () => {
    const s = parse(fixture('front-matter.md'), { file: 'front-matter.md' });
    expect(s.image).toEqual({ url: 'https://example.org/images/odesa-port.jpg', type: 'image/jpeg' });
  });

  it('marks drafts', () => {
    expect(parse('---\ndraft: true\n---\nT\nBody.', { file: 'x.md' }).draft).toBe(true);
  });

  it("carries only the author's tags by default: entity tags are opt-in", () => {
    const s = parse(fixture('front-matter.md'), { file: 'front-matter.md' });
    expect(s.tags).toEqual(['economy', 'shipping', 'Black Sea']);
    expect(s.entities.places).toContain('Odesa');
    // Opted in, only entities the story is confidently about (named more than once, or in the headline) become tags.
    expect(parse(fixture('front-matter.md'), { file: 'front-matter.md', site: { ...site, entityTags: 2 } }).tags).toEqual(['economy', 'shipping', 'Black Sea']);
    const text =
      '---\ntags: [transport]\n---\nIzmail ferry resumes\n\nThe ferry between Izmail and Isaccea resumed on Monday, the Izmail port authority said.\n\nMayor Anna Kovacs of Isaccea welcomed the news. Traffic through Izmail had stopped in May.\n';
    const opted = parse(text, { file: 'ferry.md', site: { ...site, entityTags: 2 } });
    expect(opted.tags[0]).toBe('transport');
    expect(opted.tags).toContain('Izmail');
    expect(opted.tags).not.toContain('Anna Kovacs');
  });

  it('can turn entity tags off', () => {
    const s = parse(fixture('front-matter.md'), { file: 'front-matter.md', site: { ...site, entities: false } });
    expect(s.tags).toEqual(['economy', 'shipping', 'Black Sea']);
    expect(s.entities).toEqual({ people: [], organizations: [], places: [] });
  });
});

describe('parseSeed: summary', () => {
  it('leaves the dateline out of the summary but keeps it in the body', () => {
    const s = parse(readFileSync(new URL('../fixtures/articles/dateline-byline.txt', import.meta.url), 'utf8'), { file: 'd.txt' });
    expect(s.summary.startsWith('A ferry linking the Ukrainian port of Izmail')).toBe(true);
    expect(s.contentText.startsWith('IZMAIL, Ukraine, Nov. 3 — A ferry')).toBe(true);
  });
});

describe('parseSeed: the body analysis on demand', () => {
  const quoted =
    'Port reopens\n\n“We will reopen the port on Monday,” said Maria Kovalenko, the port director, according to the Odesa Port Authority.\n\nMaria Kovalenko said ships would wait outside the harbour until then.';
  const tagged = { ...site, entityTags: 3 };

  it('with `analysis: false` the story is the same but for quotes, sources, entities and entity tags', () => {
    const full = parse(quoted, { file: 'port.txt', site: tagged });
    const plain = parse(quoted, { file: 'port.txt', site: tagged, analysis: false });
    expect(full.quotes.length).toBeGreaterThan(0);
    expect(full.tags.length).toBeGreaterThan(0);
    expect(plain.quotes).toEqual([]);
    expect(plain.sources).toEqual([]);
    expect(plain.entities).toEqual({ people: [], organizations: [], places: [] });
    expect(plain.tags).toEqual([]);
    const { quotes: _q, sources: _s, entities: _e, tags: _t, ...rest } = full;
    expect(plain).toMatchObject(rest);
    expect(Object.keys(plain).sort()).toEqual(Object.keys(full).sort());
  });

  it('keeps the author tags without the analysis', () => {
    const plain = parse(`---\ntags: [ports, Odesa]\n---\n${quoted}`, { file: 'port.md', site: tagged, analysis: false });
    expect(plain.tags).toEqual(['ports', 'Odesa']);
  });

  it('feeds read the analysis only for entity tags, which are opt-in', () => {
    expect(feedsReadAnalysis({})).toBe(DEFAULT_ENTITY_TAGS > 0);
    expect(feedsReadAnalysis({ entityTags: 0 })).toBe(false);
    expect(feedsReadAnalysis({ entityTags: 2 })).toBe(true);
    expect(feedsReadAnalysis({ entityTags: 2, entities: false })).toBe(false);
  });
});

describe('a podcast episode written as a seed', () => {
  it('is published with its enclosure and episode details, their URLs resolved against the story, and no W_PODCAST_EPISODE warning', async () => {
    const { buildFeeds } = await import('../../src/pipeline.js');
    const site = {
      siteUrl: 'https://pod.example.com',
      title: 'The Show',
      podcast: { image: 'https://pod.example.com/art.jpg', categories: [{ text: 'Technology' }], explicit: false, owner: { name: 'Ann', email: 'ann@pod.example.com' } },
    };
    const story = parseSeed(
      '---\ntitle: Episode 12\ndate: 2024-05-01T10:00:00Z\nenclosure:\n  url: /audio/ep12.mp3\n  type: audio/mpeg\n  length: 24986239\nepisode:\n  duration: 3723\n  episode: 12\n  image: ep12.jpg\n---\n\nShow notes for the twelfth episode.\n',
      { file: 'ep12.md', site },
    );
    expect(story.enclosures).toEqual([{ url: 'https://pod.example.com/audio/ep12.mp3', type: 'audio/mpeg', length: 24986239 }]);
    expect(story.episode).toEqual({ duration: 3723, episode: 12, image: 'https://pod.example.com/ep12.jpg' });
    const { outputs, warnings } = buildFeeds([story], site);
    expect(outputs.rss).toContain('<enclosure url="https://pod.example.com/audio/ep12.mp3" length="24986239" type="audio/mpeg"/>');
    expect(outputs.rss).toContain('<itunes:duration>1:02:03</itunes:duration>');
    expect(warnings.map((w) => w.code)).not.toContain('W_PODCAST_EPISODE');
  });
});

describe("a Chirpy post's media folder (`media_subpath`, before Chirpy 7.0 `img_path`)", () => {
  const post = (fields: string, body = '![photo](photo.png), ![mockup](/mockup.png), [the notes](notes.pdf).') =>
    `---\ntitle: My post\ndate: 2024-01-02\n${fields}\n---\n\n${body}\n`;
  const options = { file: '_posts/2024-01-02-my-post.md', site: { siteUrl: 'https://x.example/blog', storyPath: 'posts/{slug}/' } };

  it("holds the post's images, relative or from the root, in the body and in front matter, as Chirpy writes them (they were read against the story's URL)", () => {
    const warnings: Diagnostic[] = [];
    const story = parse(post('media_subpath: /assets/img/posts/my-post\nimage:\n  path: cover.png\n  alt: The cover'), { ...options, onWarning: (d) => warnings.push(d) });
    expect(story.url).toBe('https://x.example/blog/posts/my-post/');
    expect(story.image?.url).toBe('https://x.example/blog/assets/img/posts/my-post/cover.png');
    expect(story.contentHtml).toContain('<img src="https://x.example/blog/assets/img/posts/my-post/photo.png" alt="photo" />');
    expect(story.contentHtml).toContain('<img src="https://x.example/blog/assets/img/posts/my-post/mockup.png" alt="mockup" />');
    // A link is no media file: Chirpy leaves it as it is, and so does storyfeed.
    expect(story.contentHtml).toContain('<a href="https://x.example/blog/posts/my-post/notes.pdf">the notes</a>');
    expect(warnings).toEqual([]);
    // Chirpy before 7.0, and an image given as a path alone.
    const older = parse(post('img_path: /assets/img/old/\nimage: /cover.png'), options);
    expect(older.image?.url).toBe('https://x.example/blog/assets/img/old/cover.png');
    expect(older.contentHtml).toContain('src="https://x.example/blog/assets/img/old/photo.png"');
  });

  it('leaves an address with a scheme or a host as it is, reads lazy-loaded and raw HTML images within it too, and may be an http(s) URL (a CDN)', () => {
    const body = '![a](https://img.example.com/a.png) ![b](//cdn.example.com/b.png) <img data-src="lazy.png" src="data:image/gif;base64,R0lGOD"> <video src="clip.mp4"></video>';
    const story = parse(post('media_subpath: https://cdn.example.com/posts/20180809\nimage: https://img.example.com/cover.png', body), options);
    expect(story.image?.url).toBe('https://img.example.com/cover.png');
    expect(story.contentHtml).toContain('src="https://img.example.com/a.png"');
    expect(story.contentHtml).toContain('src="https://cdn.example.com/b.png"');
    expect(story.contentHtml).toContain('src="https://cdn.example.com/posts/20180809/lazy.png"');
    // Chirpy writes the folder before images only (its video and audio includes are not rendered here).
    expect(story.contentHtml).toContain('src="https://x.example/blog/posts/my-post/clip.mp4"');
  });

  it('holds a path that climbs out of it, as Chirpy writes one after it', () => {
    expect(parse(post('media_subpath: /assets/img/posts/my-post\nimage: ../shared/cover.png'), options).image?.url).toBe(
      'https://x.example/blog/assets/img/posts/shared/cover.png',
    );
  });

  it('changes nothing for a post without one', () => {
    const story = parse(post('image: cover.png'), options);
    expect(story.image?.url).toBe('https://x.example/blog/posts/my-post/cover.png');
    expect(story.contentHtml).toContain('src="https://x.example/blog/posts/my-post/photo.png"');
    expect(story.contentHtml).toContain('src="https://x.example/mockup.png"');
  });
});

describe("a front matter image given as a path from the Markdown file to a source image (Astro's blog starter)", () => {
  it('is left out with a warning (it was read against the story URL: https://x.example/assets/…, a file no site serves)', () => {
    const warnings: Diagnostic[] = [];
    const astro = "---\ntitle: 'First post'\ndescription: 'Lorem ipsum'\npubDate: 'Jul 08 2022'\nheroImage: '../../assets/blog-placeholder-3.jpg'\n---\n\nText.\n";
    const story = parseSeed(astro, { file: 'src/content/blog/first-post.md', site: { siteUrl: 'https://x.example' }, onWarning: (d) => warnings.push(d) });
    expect(story.image).toBeUndefined();
    expect(warnings.map((w) => [w.code, w.file, w.line])).toEqual([['W_UNKNOWN_FIELD', 'src/content/blog/first-post.md', 5]]);
  });

  it("leaves a page bundle's image beside its index.md as it was", () => {
    const hugo = '---\ntitle: My trip\ndate: 2024-01-02\nimages: [./cover.jpg]\n---\n\nText.\n';
    expect(parseSeed(hugo, { file: 'content/posts/my-trip/index.md', site: { siteUrl: 'https://x.example' } }).image?.url).toBe('https://x.example/my-trip/cover.jpg');
  });
});

describe("a page bundle's relative links (the files beside its index.md)", () => {
  const seed = '---\ntitle: My trip\ndate: 2024-01-02\nimage: cover.jpg\n---\n\nA picture: ![map](map.png), [the route](route.gpx), [home](/) and [below](#notes).\n';
  it('are resolved under the folder its URL names, where generators publish them (they went to the site root: https://x.example/map.png)', () => {
    const story = parseSeed(seed, { file: 'seeds/posts/my-trip/index.md', site: { siteUrl: 'https://x.example' } });
    expect(story.url).toBe('https://x.example/my-trip');
    expect(story.contentHtml).toContain('src="https://x.example/my-trip/map.png"');
    expect(story.contentHtml).toContain('href="https://x.example/my-trip/route.gpx"');
    expect(story.contentHtml).toContain('href="https://x.example/"');
    // A place in the story itself is the story's.
    expect(story.contentHtml).toContain('href="https://x.example/my-trip#notes"');
    expect(story.image?.url).toBe('https://x.example/my-trip/cover.jpg');
  });

  it('are resolved against the URL as before for a file that is no bundle, and for a bundle whose URL names a folder or a file', () => {
    const flat = parseSeed(seed, { file: 'seeds/posts/my-trip.md', site: { siteUrl: 'https://x.example' } });
    expect(flat.contentHtml).toContain('src="https://x.example/map.png"');
    const folder = parseSeed(seed, { file: 'seeds/posts/my-trip/index.md', site: { siteUrl: 'https://x.example', storyPath: 'posts/{slug}/' } });
    expect(folder.contentHtml).toContain('src="https://x.example/posts/my-trip/map.png"');
    const page = parseSeed(seed, { file: 'seeds/posts/my-trip/index.md', site: { siteUrl: 'https://x.example', storyPath: '{slug}.html' } });
    expect(page.contentHtml).toContain('src="https://x.example/map.png"');
  });
});

describe('a body of only a picture, a video or a sound (no text)', () => {
  const story = (body: string, file = 'launch.md') => parseSeed(`---\ntitle: Our launch video\ndate: 2024-05-01\n---\n${body}\n`, { site, file, analysis: false });

  it('is a body, as an item of only an image is: the story has no text and no summary, and its HTML shows the media', () => {
    const video = story('<video controls src="/media/launch.mp4">Your browser does not support the video tag.</video>');
    expect(video.contentHtml).toBe('<p><video src="https://news.example.com/media/launch.mp4" controls>Your browser does not support the video tag.</video></p>');
    expect([video.contentText, video.summary]).toEqual(['', '']);
    expect(story('<audio controls>\n  <source src="/media/talk.mp3" type="audio/mpeg">\n</audio>').contentHtml).toContain('<source src="https://news.example.com/media/talk.mp3"');
    expect(story('![](/img/harbour.jpg)').contentHtml).toBe('<p><img src="https://news.example.com/img/harbour.jpg" alt="" /></p>');
  });

  it('is a body when it is only an embedded frame (a YouTube or Vimeo player): the link to the page it showed (it was E_NO_BODY)', () => {
    const youtube = story(
      '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player" frameborder="0" allowfullscreen></iframe>',
    );
    expect(youtube.contentHtml).toBe('<a href="https://www.youtube.com/embed/dQw4w9WgXcQ">YouTube video player</a>');
    expect([youtube.contentText, youtube.summary]).toEqual(['', '']);
    const vimeo = story('<div class="video"><iframe src="https://player.vimeo.com/video/146022717"></iframe></div>');
    expect(vimeo.contentHtml).toContain('<a href="https://player.vimeo.com/video/146022717">https://player.vimeo.com/video/146022717</a>');
    const json = parseSeed(JSON.stringify({ title: 'Our launch video', date: '2024-05-01', contentHtml: '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>' }), {
      site,
      file: 'launch.json',
      analysis: false,
    });
    expect(json.contentHtml).toContain('href="https://www.youtube.com/embed/dQw4w9WgXcQ"');
  });

  it('leaves out a paragraph the sanitizer emptied (an image without a file, a video that cannot play), which showed as an empty <p></p>', () => {
    for (const media of ['<video controls>Sorry, no video.</video>', 'See <img src="data:image/png;base64,AAAA">', '<p><img src="javascript:alert(1)"></p>']) {
      expect(story(`Text.\n\n${media}\n\nMore.`).contentHtml.replace(/\n+/g, '\n'), media).toBe(
        media.startsWith('See') ? '<p>Text.</p>\n<p>See </p>\n<p>More.</p>' : '<p>Text.</p>\n<p>More.</p>',
      );
    }
    // A paragraph with something in it stays, and so does one in code, which is text.
    expect(story('Text.\n\n<p lang="fr"><em>Oui</em></p>\n\n    <p></p>').contentHtml).toBe(
      '<p>Text.</p>\n<p lang="fr"><em>Oui</em></p>\n<pre><code>&lt;p&gt;&lt;/p&gt;\n</code></pre>',
    );
  });

  it('is none when the sanitizer keeps no file of it: E_NO_BODY names the file, where a reader would see an empty item', () => {
    for (const body of [
      '<video controls>Sorry, no video.</video>',
      '<img src="javascript:alert(1)">',
      '<audio controls><source src="data:audio/mpeg;base64,AAAA"></audio>',
      // Frames that show no page a reader could open: a script, inline HTML, or a frame nobody sees.
      '<iframe src="javascript:alert(1)"></iframe>',
      '<iframe srcdoc="<p>hi</p>"></iframe>',
      '<iframe src="https://tracker.example/pixel" width="0" height="0"></iframe>',
    ]) {
      expect(() => story(body), body).toThrow(expect.objectContaining({ code: 'E_NO_BODY', file: 'launch.md' }));
    }
  });
});

describe('a translation named by its language, as Hugo names them', () => {
  const site = { siteUrl: 'https://blog.example.org', language: 'en' };
  const seed = '---\ntitle: Bonjour\ndate: 2024-05-01\n---\n\nMerci à tous.\n';

  it('takes the language its file name gives (a short French post.fr.md in an English site was English)', () => {
    expect(parseSeed(seed, { file: 'content/posts/hello.fr.md', site }).language).toBe('fr');
    expect(parseSeed(seed, { file: 'content/posts/hello/index.fr.md', site }).language).toBe('fr');
    expect(parseSeed(seed, { file: 'content/posts/hello/index.pt-br.md', site }).language).toBe('pt-BR');
    expect(parseSeed(seed.replace('date:', 'language: de\ndate:'), { file: 'content/posts/hello.fr.md', site }).language).toBe('de');
  });

  it('reads no language from a name whose middle part is none', () => {
    for (const file of ['content/posts/hello.md', 'notes.min.md', 'app.zz.md', 'v1.2.md', 'a.b.fr.md']) expect(parseSeed(seed, { file, site }).language).toBe('en');
  });
});

describe('URLs with [ and ] in front matter', () => {
  it('are written percent-encoded in the story, as feeds carry them', () => {
    const story = parse('---\ntitle: One\ndate: 2024-01-01\nimage: https://cdn.example/a.jpg?size[w]=100\nurl: /posts/one?v[1]=2\n---\nA paragraph of text.\n', { file: 'one.md' });
    expect(story.image?.url).toBe('https://cdn.example/a.jpg?size%5Bw%5D=100');
    expect(story.url).toMatch(/\/posts\/one\?v%5B1%5D=2$/);
  });
});
