import { describe, expect, it } from 'vitest';
import { htmlToSections, readJsonSeed } from '../../src/seed/json.js';
import { parseSeed } from '../../src/story/normalize.js';

describe('readJsonSeed', () => {
  it('reads a structured story', () => {
    const seed = readJsonSeed(
      JSON.stringify({
        title: 'Structured',
        date: '2024-05-01T10:00:00Z',
        authors: [{ name: 'A', email: 'a@example.com' }],
        sections: [
          {
            heading: null,
            blocks: [
              { kind: 'paragraph', text: 'One.' },
              { kind: 'list', ordered: true, items: ['x', 'y'] },
            ],
          },
        ],
      }),
      { file: 's.json' },
    );
    expect(seed.title).toBe('Structured');
    expect(seed.meta.authors).toEqual([{ name: 'A', email: 'a@example.com' }]);
    expect(seed.sections[0]!.blocks[1]).toEqual({ kind: 'list', ordered: true, items: ['x', 'y'] });
  });

  it('reads plain-text and Markdown bodies', () => {
    expect(readJsonSeed('{"title":"T","body":"Para one.\\n\\nPara two."}').sections[0]!.blocks).toHaveLength(2);
    expect(readJsonSeed('{"title":"T","markdown":"Hello **world**.\\n\\n## Sub\\n\\nMore."}').sections.map((s) => s.heading)).toEqual([null, 'Sub']);
  });

  it('tells JSON that holds no story (no title, no body: a data or configuration file) from a seed with a field missing', () => {
    for (const json of [
      '{"name": "site", "version": "1.0.0", "description": "My site", "author": "Ann"}',
      '{"compilerOptions": {}}',
      '[{"name": "Ann"}]',
      '"text"',
      '3',
      'null',
      '{}',
    ]) {
      const error = (() => {
        try {
          readJsonSeed(json, { file: 'package.json' });
        } catch (e) {
          return e;
        }
      })();
      expect(error, json).toMatchObject({ code: 'E_NOT_A_SEED', file: 'package.json' });
      expect((error as Error).message).toContain('"title" and its text in "sections", "body", "markdown" or "contentHtml"');
    }
    // A seed missing its title or its body is still one, with that field named.
    expect(() => readJsonSeed('{"body": "x"}', { file: 'b.json' })).toThrow(expect.objectContaining({ code: 'E_FIELD' }));
    expect(() => readJsonSeed('{"title": "T"}', { file: 'b.json' })).toThrow(expect.objectContaining({ code: 'E_FIELD' }));
  });

  it('gives errors with JSON paths and lines', () => {
    expect(() => readJsonSeed('{"title": "T", "sections": [{"heading": null, "blocks": [{"kind": "para", "text": "x"}]}]}', { file: 'b.json' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', message: expect.stringContaining('$.sections[0].blocks[0].kind') }),
    );
    expect(() => readJsonSeed('{"body": "x"}', { file: 'b.json' })).toThrow(expect.objectContaining({ message: expect.stringContaining('$.title') }));
    expect(() => readJsonSeed('{\n  "title": "T",\n  oops\n}', { file: 'b.json' })).toThrow(expect.objectContaining({ code: 'E_JSON', line: 3 }));
    expect(() => readJsonSeed('[1]', { file: 'b.json' })).toThrow(expect.objectContaining({ code: 'E_NOT_A_SEED' }));
    // A name given twice: JSON.parse would silently keep the last, other readers the first.
    expect(() => readJsonSeed('{\n  "title": "One",\n  "body": "x",\n  "title": "Two"\n}', { file: 'b.json' })).toThrow(
      expect.objectContaining({ code: 'E_JSON', line: 4, message: expect.stringContaining('"title" is given twice') }),
    );
    expect(() => readJsonSeed('{"title":"T","date":"soon","body":"x"}', { file: 'b.json' })).toThrow(
      expect.objectContaining({ code: 'E_DATE', message: expect.stringContaining('$.date') }),
    );
  });

  it('reads a heading, paragraph or list item of nothing but invisible characters as none', () => {
    const sections = [
      {
        heading: '\u200b',
        blocks: [
          { kind: 'list', items: ['\u2060', 'One'] },
          { kind: 'paragraph', text: 'Real.' },
        ],
      },
    ];
    expect(readJsonSeed(JSON.stringify({ title: 'T', sections })).sections).toEqual([
      {
        heading: null,
        blocks: [
          { kind: 'list', ordered: false, items: ['One'] },
          { kind: 'paragraph', text: 'Real.' },
        ],
      },
    ]);
    // A paragraph, quote or code block of nothing else (an empty paragraph a CMS left) is none, as a list item is;
    // it stopped the seed, which built before it was read as empty (regression).
    const blank = [
      {
        heading: null,
        blocks: [
          { kind: 'paragraph', text: '\u200b\ufeff' },
          { kind: 'code', text: ' ' },
          { kind: 'paragraph', text: 'Real.' },
        ],
      },
    ];
    expect(readJsonSeed(JSON.stringify({ title: 'T', sections: blank })).sections).toEqual([{ heading: null, blocks: [{ kind: 'paragraph', text: 'Real.' }] }]);
    // A block without text is still refused, naming it.
    expect(() => readJsonSeed(JSON.stringify({ title: 'T', sections: [{ heading: null, blocks: [{ kind: 'quote', text: 5 }] }] }), { file: 'b.json' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', message: expect.stringContaining('$.sections[0].blocks[0].text') }),
    );
  });

  it('derives sections from HTML', () => {
    expect(htmlToSections('<p>A &amp; B</p><h2>Sub</h2><ul><li>one</li><li>two</li></ul><script>x()</script><blockquote>Q</blockquote>')).toEqual([
      { heading: null, blocks: [{ kind: 'paragraph', text: 'A & B' }] },
      {
        heading: 'Sub',
        blocks: [
          { kind: 'list', ordered: false, items: ['one', 'two'] },
          { kind: 'quote', text: 'Q' },
        ],
      },
    ]);
  });

  it('leaves the fallback of video and audio out of the sections, text and summary of an HTML body', () => {
    const html =
      '<p><video controls src="https://example.org/clip.mp4">Your browser does not support the video tag. <a href="https://example.org/clip.mp4">Download</a></video></p>' +
      '<audio controls><source src="https://example.org/a.mp3" type="audio/mpeg"><track kind="captions" src="a.vtt"><p>No audio here.</p><h2>Not a heading</h2><ul><li>nor an item</li></ul></audio>' +
      '<h2>Sub</h2><ul><li>one <video src="v.mp4">fallback</video>two</li></ul><p>The ferry left at noon.</p>';
    expect(htmlToSections(html)).toEqual([
      {
        heading: 'Sub',
        blocks: [
          { kind: 'list', ordered: false, items: ['one two'] },
          { kind: 'paragraph', text: 'The ferry left at noon.' },
        ],
      },
    ]);
    const story = parseSeed(JSON.stringify({ title: 'T', date: '2024-05-01', contentHtml: html }), { file: 'a.json', site: { siteUrl: 'https://x.example' } });
    expect(story.contentText).toBe('Sub\n\n- one two\n\nThe ferry left at noon.');
    expect(story.summary).toBe('one two');
    expect(story.wordCount).toBe(8);
    // The HTML keeps the fallback inside the element, for readers that show no video: its link to the file too.
    expect(story.contentHtml).toContain(
      '<video src="https://example.org/clip.mp4" controls>Your browser does not support the video tag. <a href="https://example.org/clip.mp4">Download</a></video>',
    );
  });

  it('reads what follows a video or audio element without its end tag as the article', () => {
    const html = '<div><p>Intro.</p><video src="v.mp4" controls><source src="v.webm"><p>The ferry left at noon.</p></div><audio src="a.mp3"><p>It was late.</p>';
    expect(htmlToSections(html)).toEqual([
      {
        heading: null,
        blocks: [
          { kind: 'paragraph', text: 'Intro.' },
          { kind: 'paragraph', text: 'The ferry left at noon.' },
          { kind: 'paragraph', text: 'It was late.' },
        ],
      },
    ]);
    const story = parseSeed(JSON.stringify({ title: 'T', date: '2024-05-01', contentHtml: html }), { file: 'a.json', site: { siteUrl: 'https://x.example' } });
    expect(story.contentHtml).toBe(
      '<div><p>Intro.</p><video src="https://x.example/v.mp4" controls><source src="https://x.example/v.webm" /></video><p>The ferry left at noon.</p></div><audio src="https://x.example/a.mp3" controls></audio><p>It was late.</p>',
    );
  });
});

describe('a JSON seed whose body is only a video, a sound or a picture', () => {
  const site = { siteUrl: 'https://news.example.com', language: 'en', authors: [{ name: 'Desk' }] };
  const story = (seed: Record<string, unknown>) =>
    parseSeed(JSON.stringify({ title: 'Our launch video', date: '2024-05-01T00:00:00Z', ...seed }), { site, file: 'launch.json', analysis: false });

  it('is a body, as in a Markdown seed, in `contentHtml`, `markdown` and a WordPress post alike', () => {
    expect(story({ contentHtml: '<video controls src="/media/launch.mp4">Your browser does not support the video tag.</video>' }).contentHtml).toContain(
      '<video src="https://news.example.com/media/launch.mp4" controls>',
    );
    expect(story({ markdown: '![](https://news.example.com/img/harbour.jpg)' }).contentText).toBe('');
    const post = {
      title: { rendered: 'Launch' },
      content: { rendered: '<figure class="wp-block-video"><video controls src="https://news.example.com/v.mp4"></video></figure>' },
      link: 'https://news.example.com/launch/',
      date_gmt: '2024-05-01T00:00:00',
    };
    expect(parseSeed(JSON.stringify(post), { site, file: 'post.json', analysis: false }).contentHtml).toContain('<video src="https://news.example.com/v.mp4" controls>');
  });

  it('is E_NO_BODY when no file of it is kept (a reader would see an empty item)', () => {
    expect(() => story({ contentHtml: '<video controls>Sorry, no video.</video>' })).toThrow(expect.objectContaining({ code: 'E_NO_BODY', file: 'launch.json' }));
  });
});

describe("HTML its author hid in a JSON seed (regression: its text was the story's text and summary)", () => {
  it('starts no block and gives no text, with what it holds', () => {
    expect(
      htmlToSections('<p>Shown.</p><p hidden>Answer: 42</p><div style="display:none"><h2>Seo</h2><p>words</p></div><p>After <span style="visibility:hidden">x</span>.</p>'),
    ).toEqual([
      {
        heading: null,
        blocks: [
          { kind: 'paragraph', text: 'Shown.' },
          { kind: 'paragraph', text: 'After .' },
        ],
      },
    ]);
  });
});
