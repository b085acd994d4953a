import { describe, expect, it } from 'vitest';
import { parseCsv, readSubstackPosts, substackLeftOut, substackSeedText, withoutSubstackChrome } from '../../src/seed/substack.js';
import { costGrowth } from '../support/linear.js';

const HEADER = 'post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url';

describe("Substack's posts.csv", () => {
  it('is read as RFC 4180 has it: quoted commas, line breaks and doubled quotes, CRLF or LF, a byte order mark', () => {
    expect(parseCsv('\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\n').map((row) => row.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
    ]);
    // Each row with the line it starts on; blank lines are no rows; the last row needs no line break.
    expect(parseCsv('h\n\n"a\nb"\nc').map((row) => [row.fields[0], row.line])).toEqual([
      ['h', 1],
      ['a\nb', 3],
      ['c', 5],
    ]);
  });

  it("gives each post's row by its post_id, its flags read in any case", () => {
    const posts = readSubstackPosts(
      `${HEADER}\n148210.leaving-the-feed,2024-03-10T12:00:00.000Z,TRUE,,,newsletter,everyone,"Leaving the feed, for good",Why I quit,\n148211.paid,2024-03-12,true,,,newsletter,only_paid,Paid,,\n`,
      'export/posts.csv',
    )!;
    expect(posts.get('148210.leaving-the-feed')).toEqual({
      id: '148210.leaving-the-feed',
      date: '2024-03-10T12:00:00.000Z',
      published: true,
      type: 'newsletter',
      audience: 'everyone',
      title: 'Leaving the feed, for good',
      subtitle: 'Why I quit',
      podcastUrl: '',
      line: 2,
    });
    expect(substackLeftOut(posts.get('148210.leaving-the-feed')!)).toBeUndefined();
    expect(substackLeftOut(posts.get('148211.paid')!)).toEqual({ paid: true, reason: expect.stringMatching(/paid subscribers/) });
    expect(substackLeftOut({ ...posts.get('148210.leaving-the-feed')!, type: 'thread' })).toEqual({ paid: false, reason: expect.stringMatching(/thread, not an article/) });
  });

  it('is no table of Substack posts without a post_id column, and refused (E_FIELD naming the file and line) without title, or with a row of another width', () => {
    expect(readSubstackPosts('id,title\n1,A\n', 'posts.csv')).toBeUndefined();
    expect(() => readSubstackPosts('post_id,name\n1,A\n', 'posts.csv')).toThrow(expect.objectContaining({ code: 'E_FIELD', file: 'posts.csv', line: 1 }));
    expect(() => readSubstackPosts(`${HEADER}\n1.a,2024-01-01,true,,,newsletter,everyone,A,,\n2.b,2024-01-02,true\n`, 'posts.csv')).toThrow(
      expect.objectContaining({ code: 'E_FIELD', line: 3, message: expect.stringContaining('3 fields where the first line names 10 columns') }),
    );
  });

  it('reads in time linear in its size, however its quotes run (one unclosed quote, many rows, one long field)', async () => {
    for (const shape of [
      (n: number) => `a,"${'x,'.repeat(n)}`,
      (n: number) => `${HEADER}\n${'1.a,,true,,,newsletter,everyone,"T, t",,\n'.repeat(n / 40)}`,
      (n: number) => `"${'""'.repeat(n / 2)}"`,
    ]) {
      const growth = await costGrowth((n) => parseCsv(shape(n)), 100_000, 1_000_000, 2.5);
      expect(growth).toBeLessThan(2.5);
    }
  });
});

describe("a Substack post's seed", () => {
  const post = {
    id: '148210.leaving-the-feed',
    date: '2024-03-10T12:00:00.000Z',
    published: true,
    type: 'newsletter',
    audience: 'everyone',
    title: 'Leaving',
    subtitle: 'Why',
    podcastUrl: '',
    line: 2,
  };

  it('is the JSON seed of its row and its HTML: the subtitle as the summary, the slug from its post_id, a draft when not published', () => {
    expect(JSON.parse(substackSeedText(post, '<p>Body.</p>'))).toEqual({
      title: 'Leaving',
      summary: 'Why',
      date: post.date,
      slug: 'leaving-the-feed',
      contentHtml: '<p>Body.</p>',
    });
    expect(JSON.parse(substackSeedText({ ...post, published: false, date: '', subtitle: '' }, '<p>Body.</p>'))).toEqual({
      title: 'Leaving',
      draft: true,
      slug: 'leaving-the-feed',
      contentHtml: '<p>Body.</p>',
    });
  });

  it("carries a podcast post's audio (podcast_url) as its enclosure, typed by its extension; an address it cannot type is named, not published", () => {
    const audio = 'https://api.substack.com/feed/podcast/139226516/3ee3a26b0e07b8b2a1c50bc1b3e63f77.mp3';
    const episode = { ...post, type: 'podcast', podcastUrl: audio };
    expect(JSON.parse(substackSeedText(episode, '<p>Show notes.</p>')).enclosures).toEqual([{ url: audio, type: 'audio/mpeg' }]);
    expect(JSON.parse(substackSeedText({ ...episode, podcastUrl: 'https://cdn.example/show/ep1.M4A?x=1' }, '<p>Notes.</p>')).enclosures).toEqual([
      { url: 'https://cdn.example/show/ep1.M4A?x=1', type: 'audio/mp4' },
    ]);
    for (const podcastUrl of [
      'https://api.substack.com/feed/podcast/139226516/3ee3a26b',
      'ftp://files.example/ep1.mp3',
      '/feed/podcast/1/a.mp3',
      'not a url.mp3',
      'https://user:secret@cdn.example/ep1.mp3',
      'https://cdn.example/cover.jpg',
    ]) {
      const told: string[] = [];
      expect(JSON.parse(substackSeedText({ ...episode, podcastUrl }, '<p>Notes.</p>', (m) => told.push(m))).enclosures).toBeUndefined();
      // Named by the post's id, not its line: a line of posts.csv moves when a row is added above it, a cached warning would not.
      expect(told).toEqual([
        expect.stringMatching(
          /^the podcast_url of post 148210\.leaving-the-feed in posts\.csv, ".*", is no http\(s\) address \(without a user name or password\) of an audio or video file whose type its name tells .*: the episode is published without its audio$/,
        ),
      ]);
    }
  });

  it('gives an episode without show notes its player as its body, where it would have none', () => {
    const audio = 'https://api.substack.com/feed/podcast/1/a.mp3?x=1&y=2';
    const episode = { ...post, type: 'podcast', podcastUrl: audio };
    for (const html of ['', '<p></p>', '<div class="subscription-widget"><p>Subscribe</p></div>'])
      expect(JSON.parse(substackSeedText(episode, html)).contentHtml, html).toBe('<p><audio controls src="https://api.substack.com/feed/podcast/1/a.mp3?x=1&amp;y=2"></audio></p>');
    expect(JSON.parse(substackSeedText(episode, '<p>Notes.</p>')).contentHtml).toBe('<p>Notes.</p>');
    // Without audio an empty post stays empty (and is refused as any empty post is).
    expect(JSON.parse(substackSeedText(post, '<p></p>')).contentHtml).toBe('<p></p>');
  });

  it('takes every void element the HTML parser knows as void, inside a removed block and outside one', () => {
    const html = '<div class="subscription-widget"><p>Subscribe<param name="a"><keygen><wbr></p></div><p>After<br>the widget<param name="b"></p>';
    expect(withoutSubstackChrome(html)).toBe('<p>After<br>the widget<param name="b"></p>');
  });

  it("loses Substack's subscribe forms, subscribe and share buttons and paywall marker, and nothing else", () => {
    const html =
      '<p>One &amp; two <a href="https://x.example/?a=1&amp;b=2">link</a><br>line</p>' +
      '<div class="subscription-widget-wrap-editor" data-attrs="{}"><div class="subscription-widget show-subscribe"><p class="cta-caption">Thanks for reading!</p>' +
      '<form><input type="email" name="email"/><input type="submit" value="Subscribe"/></form></div></div>' +
      '<p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;https://x.substack.com/subscribe?&quot;,&quot;text&quot;:&quot;Subscribe now&quot;}"><a class="button primary" href="https://x.substack.com/subscribe?"><span>Subscribe now</span></a></p>' +
      '<div class="captioned-button-wrap" data-attrs="{&quot;url&quot;:&quot;https://x.substack.com/p/a?utm_source=substack&amp;utm_content=share&amp;action=share&quot;}"><p class="cta-caption">Share it</p><p class="button-wrapper"><a href="#"><span>Share</span></a></p></div>' +
      '<div class="paywall-jump"></div><figure><img src="a.jpg" alt="A &quot;b&quot;"><figcaption>Caption</figcaption></figure>';
    const kept = withoutSubstackChrome(html);
    expect(kept).not.toMatch(/Thanks for reading|Subscribe|Share|paywall/);
    expect(kept).toBe(
      '<p>One &amp; two <a href="https://x.example/?a=1&amp;b=2">link</a><br>line</p><figure><img src="a.jpg" alt="A &quot;b&quot;"><figcaption>Caption</figcaption></figure>',
    );
    // An author's own button is a link of the post, and stays.
    const own =
      '<p class="button-wrapper" data-attrs="{&quot;url&quot;:&quot;https://shop.example/book&quot;,&quot;text&quot;:&quot;Buy the book&quot;}"><a class="button primary" href="https://shop.example/book"><span>Buy the book</span></a></p>';
    expect(withoutSubstackChrome(own)).toContain('<a class="button primary" href="https://shop.example/book"><span>Buy the book</span></a>');
    // HTML without any of them is given back as it is.
    expect(withoutSubstackChrome('<p>Plain <b>text</b></p>')).toBe('<p>Plain <b>text</b></p>');
  });

  it('is made in time linear in the HTML, however deep the blocks it removes nest', async () => {
    const nested = (n: number) => `${'<div class="subscription-widget"><div>'.repeat(n / 44)}text${'</div></div>'.repeat(n / 44)}<p>after</p>`;
    expect(withoutSubstackChrome(nested(4000))).toBe('<p>after</p>');
    const growth = await costGrowth((n) => withoutSubstackChrome(nested(n)), 100_000, 1_000_000, 2.5);
    expect(growth).toBeLessThan(2.5);
  });
});
