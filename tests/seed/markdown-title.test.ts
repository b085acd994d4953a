import { describe, expect, it } from 'vitest';
import { readMarkdownSeed } from '../../src/seed/markdown.js';

const titled = (title: string, body: string): string => `---\ntitle: ${JSON.stringify(title)}\ndate: 2024-01-05\n---\n${body}`;

describe('a leading # heading with a title in front matter', () => {
  it('keeps a heading that differs from the title as the first section heading', () => {
    const seed = readMarkdownSeed(
      titled("Sourdough: a beginner's guide", '# Step 1: feed the starter\n\nMix 50 g flour and 50 g water every morning.\n\n## Step 2: bake\n\nBake at 230 °C.\n'),
    );
    expect(seed.title).toBe("Sourdough: a beginner's guide");
    expect(seed.html).toContain('<h1>Step 1: feed the starter</h1>');
    expect(seed.sections).toEqual([
      { heading: 'Step 1: feed the starter', blocks: [{ kind: 'paragraph', text: 'Mix 50 g flour and 50 g water every morning.' }] },
      { heading: 'Step 2: bake', blocks: [{ kind: 'paragraph', text: 'Bake at 230 °C.' }] },
    ]);
  });

  it('leaves out a heading that repeats the title, whatever its case, white space, composition or trailing punctuation', () => {
    const headings = [
      "# Sourdough: a beginner's guide",
      "# sourdough:  A Beginner's   GUIDE",
      "# Sourdough: a beginner's guide.",
      "# Sourdough: a *beginner's* guide!",
      "# Sourdough: a beginner's guide #",
    ];
    for (const heading of headings) {
      const seed = readMarkdownSeed(titled("Sourdough: a beginner's guide", `${heading}\n\nMix flour and water.\n`));
      expect(seed.title, heading).toBe("Sourdough: a beginner's guide");
      expect(seed.html, heading).not.toContain('<h1>');
      expect(seed.sections, heading).toEqual([{ heading: null, blocks: [{ kind: 'paragraph', text: 'Mix flour and water.' }] }]);
    }
    // "é" composed in the title, "e" and a combining acute in the heading.
    const seed = readMarkdownSeed(titled('Café society', '# Cafe\u0301 Society\n\nText.\n'));
    expect(seed.html).not.toContain('<h1>');
    // A title holding Markdown, repeated by the heading as written.
    for (const title of ['Using `npm` today', 'A *bold* plan', 'See [the docs](https://x.example/)']) {
      expect(readMarkdownSeed(titled(title, `# ${title}\n\nText.\n`)).html, title).not.toContain('<h1>');
    }
  });

  it('keeps a heading that only starts like the title', () => {
    const seed = readMarkdownSeed(titled('Sourdough', '# Sourdough starter\n\nText.\n'));
    expect(seed.sections[0]!.heading).toBe('Sourdough starter');
  });

  it('takes the heading as the title without one in front matter, and leaves it out of the body, as before', () => {
    const seed = readMarkdownSeed('---\ndate: 2024-01-05\n---\n# Step 1: feed the starter\n\nMix flour.\n\n## Step 2: bake\n\nBake.\n');
    expect(seed.title).toBe('Step 1: feed the starter');
    expect(seed.html).not.toContain('<h1>');
    expect(seed.sections.map((s) => s.heading)).toEqual([null, 'Step 2: bake']);
  });
});

describe('the first line as the title, without one in front matter or a leading # heading', () => {
  const untitled = (line: string) => readMarkdownSeed(`---\ndate: 2024-01-05\n---\n${line}\n\nBody text.\n`, { file: 'a.md' });

  it('is read as inline Markdown, so its syntax never reaches readers (regression: **Breaking:** storm hits coast was the title as written)', () => {
    const lines = [
      ['**Breaking:** storm hits coast', 'Breaking: storm hits coast'],
      ['Storm hits [the coast](https://x.example)', 'Storm hits the coast'],
      ['*Storm* hits `coast`', 'Storm hits coast'],
      ['Storm \\*hits\\* coast &amp; town &#8212; <em>live</em>', 'Storm *hits* coast & town — live'],
      ['## Storm hits ~~the~~ coast', 'Storm hits the coast'],
      ['Storm hits <!-- draft --> coast', 'Storm hits coast'],
    ];
    for (const [line, title] of lines) {
      const seed = untitled(line!);
      expect(seed.title, line).toBe(title);
      expect(seed.sections, line).toEqual([{ heading: null, blocks: [{ kind: 'paragraph', text: 'Body text.' }] }]);
    }
    // A reference link defined further down gives its text too.
    expect(readMarkdownSeed('Storm hits [the coast][c]\n\nBody.\n\n[c]: https://x.example/\n').title).toBe('Storm hits the coast');
  });

  it('is one line of inline Markdown: block syntax is not interpreted', () => {
    const lines = ['2023. What a year it was', '1) First things first', '- A dash first', '<!--', '<style>', '    indented line', '```js'];
    for (const line of lines) expect(untitled(line).title, line).toBe(line.trim());
  });

  it('is the line as written when reading it leaves no text', () => {
    for (const line of ['[](https://x.example/)', '<span></span>']) expect(untitled(line).title, line).toBe(line);
    expect(untitled('![Logo of the paper](logo.png)').title).toBe('Logo of the paper');
  });
});

describe('a fenced code block opening the body without a title (regression: its opening line was the title, and its closing line opened a fence that made the rest of the article code)', () => {
  it('stays whole in the body, and the headline is found below it', () => {
    for (const fence of ['```js\nconst a = 1;\n```', '~~~\nprint(1)\n~~~', '<!-- note -->\n````\n```\n````']) {
      const seed = readMarkdownSeed(`${fence}\n\nStorm hits coast\n\nBody text.\n`, { file: 'a.md' });
      expect(seed.title, fence).toBe('Storm hits coast');
      expect(
        seed.sections[0]!.blocks.map((b) => b.kind),
        fence,
      ).toEqual(['code', 'paragraph']);
      expect(seed.sections[0]!.blocks[1], fence).toEqual({ kind: 'paragraph', text: 'Body text.' });
    }
    // A leading heading below it is the headline.
    const headed = readMarkdownSeed('```sh\nnpm install\n```\n\n# Storm hits coast\n\nBody text.\n', { file: 'a.md' });
    expect(headed.title).toBe('Storm hits coast');
    expect(headed.html).toBe('<pre><code class="language-sh">npm install\n</code></pre>\n<p>Body text.</p>\n');
    // Nothing below it: its first line is the headline, as before.
    expect(readMarkdownSeed('```js\n\nBody text.\n', { file: 'a.md' }).title).toBe('```js');
  });
});

describe('a picture without text opening the body without a title (regression: the headline was its Markdown or HTML as written, `![](hero.jpg)`)', () => {
  it('stays in the body, and the headline is found below it', () => {
    const pictures = [
      ['![](hero.jpg)', '<p><img src="hero.jpg" alt=""></p>'],
      ['[![](https://ex.com/badge.svg)](https://ex.com/)', '<p><a href="https://ex.com/"><img src="https://ex.com/badge.svg" alt=""></a></p>'],
      ['<p align="center">\n  <img src="logo.png" width="200" alt="">\n</p>', '<p align="center">\n  <img src="logo.png" width="200" alt="">\n</p>'],
    ];
    for (const [picture, html] of pictures) {
      for (const headline of ['# My trip to Rome', 'My trip to Rome']) {
        const seed = readMarkdownSeed(`${picture}\n\n${headline}\n\nWe went in May.\n`, { file: 'a.md' });
        expect(seed.title, picture).toBe('My trip to Rome');
        expect(seed.html, picture).toBe(`${html}\n<p>We went in May.</p>\n`);
        expect(seed.sections, picture).toEqual([{ heading: null, blocks: [{ kind: 'paragraph', text: 'We went in May.' }] }]);
      }
    }
    // With text beside it, or alternative text, it is read as before; nothing below it: its line is the headline, as before.
    expect(readMarkdownSeed('![](a.png) Storm hits coast\n\nBody.\n').title).toBe('Storm hits coast');
    expect(readMarkdownSeed('![Logo of the paper](logo.png)\n\nBody.\n').title).toBe('Logo of the paper');
    // Nothing else: the picture is the body, titled by the file's name (see below).
    expect(readMarkdownSeed('![](logo.png)\n', { file: 'a.md' }).title).toBe('A');
  });
});

describe('a table, a block quote or HTML of another element than a heading or a paragraph opening the body without a title (regression: its first line was the title, breaking the block or showing its syntax: a table lost its first row, `> ` and `<div class="intro">` were in the title, a figure lost its picture to its caption)', () => {
  it('stays whole in the body, and the headline is found below it', () => {
    const blocks = [
      ['| a | b |\n|---|---|\n| 1 | 2 |', '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>'],
      ['> Quoted first line\n> and its second', '<blockquote>\n<p>Quoted first line\nand its second</p>\n</blockquote>'],
      ['<div class="intro">\nIntro text.\n</div>', '<div class="intro">\nIntro text.\n</div>'],
      ['<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure>', '<figure><img src="a.jpg"><figcaption>Cap</figcaption></figure>'],
      ['<div>\n<!-- note -->\n</div>', '<div>\n<!-- note -->\n</div>'],
    ];
    for (const [block, html] of blocks) {
      for (const headline of ['# Council passes budget', 'Council passes budget']) {
        const seed = readMarkdownSeed(`${block}\n\n${headline}\n\nMembers argued for hours.\n`, { file: 'a.md' });
        expect(seed.title, block).toBe('Council passes budget');
        expect(seed.html, block).toBe(`${html}\n<p>Members argued for hours.</p>\n`);
      }
    }
    // A heading's or a paragraph's HTML gives the headline as before; nothing below the block: the file's name (see below).
    expect(readMarkdownSeed('<h1 align="center">Council passes budget</h1>\n\nBody.\n').title).toBe('Council passes budget');
    expect(readMarkdownSeed('<p>Council passes budget</p>\n\nBody.\n').title).toBe('Council passes budget');
    expect(readMarkdownSeed('> A quote\n> in two lines\n', { file: 'a.md' }).title).toBe('A');
  });
});

describe('HTML no reader sees before the headline', () => {
  const body = [{ heading: null, blocks: [{ kind: 'paragraph', text: 'Body text.' }] }];

  it('is passed over for the headline and stays in the body (regression: a comment over several lines gave "<!--" as the title and published what it held)', () => {
    const seeds = [
      '<!--\nprivate note\n-->\nStorm hits coast\n\nBody text.\n',
      '<!-- markdownlint-disable MD041 -->\n# Storm hits coast\n\nBody text.\n',
      '<style>\n.storm { color: red }\n</style>\n\nStorm hits coast\n\nBody text.\n',
      '<script>track()</script>\n<!-- a --> <!-- b -->\n\n**Storm** hits coast\nBody text.\n',
      '<!---->\n<!-->\nStorm hits coast\n\nBody text.\n',
    ];
    for (const text of seeds) {
      const seed = readMarkdownSeed(text, { file: 'a.md' });
      expect(seed.title, text).toBe('Storm hits coast');
      expect(seed.sections, text).toEqual(body);
      expect(seed.html, text).not.toContain('<h1>');
      expect(seed.html, text).toMatch(/^<(?:!--|style|script)/);
    }
    // A leading heading that repeats the front matter's title is found after it too.
    const titled = readMarkdownSeed('---\ntitle: Storm hits coast\n---\n<!-- note -->\n\n# Storm hits coast\n\nBody text.\n');
    expect(titled.html).not.toContain('<h1>');
    expect(titled.sections).toEqual(body);
  });

  it('is taken with the headline when deciding whether template tags are the whole body', () => {
    const seed = readMarkdownSeed('<!-- note -->\nStorm hits coast\n\n{% include map.html %}\n', { file: 'a.md' });
    expect(seed.title).toBe('Storm hits coast');
    expect(seed.sections).toEqual([{ heading: null, blocks: [{ kind: 'paragraph', text: '{% include map.html %}' }] }]);
  });

  it('is only comments and whole script or style elements: anything else, or one never closed, is read as before', () => {
    const asBefore = [
      ['<!-- never closed\nStorm hits coast\n\nBody text.\n', '<!-- never closed'],
      ['<!-- note --> Storm hits coast\n\nBody text.\n', 'Storm hits coast'],
      ['<style>\n.a {}\n</pre>\nStorm hits coast\n\nBody text.\n', '<style>'],
    ];
    for (const [text, title] of asBefore) expect(readMarkdownSeed(text!, { file: 'a.md' }).title, text).toBe(title);
    // Nothing after it: its first line is the headline, as before.
    expect(() => readMarkdownSeed('<!-- only a note -->\n', { file: 'a.md' })).toThrow(/a\.md:1: the file has no text a reader sees/);
  });
});

describe('a leading heading of no text (regression: `#` alone published an untitled item)', () => {
  it('is no headline: the headline is found below it, and the heading is left out', () => {
    for (const heading of ['#', '# ', '# #', '##   ##', '# \u200b\u2060']) {
      const seed = readMarkdownSeed(`${heading}\n\nFerry timetable changes\n\nThe ferry leaves at nine.\n`);
      expect(seed.title, heading).toBe('Ferry timetable changes');
      expect(seed.html, heading).toBe('<p>The ferry leaves at nine.</p>\n');
    }
    // Before a heading with text, after HTML no reader sees (which stays where it is).
    const below = readMarkdownSeed('<!-- draft -->\n#\n\n## \n# Ferry timetable changes\n\nThe ferry leaves at nine.\n');
    expect(below.title).toBe('Ferry timetable changes');
    expect(below.html).toBe('<!-- draft -->\n<p>The ferry leaves at nine.</p>\n');
    // With a title in front matter, it is left out of the body.
    const titledSeed = readMarkdownSeed(titled('Ferry timetable changes', '#\n\nThe ferry leaves at nine.\n'));
    expect(titledSeed.title).toBe('Ferry timetable changes');
    expect(titledSeed.html).toBe('<p>The ferry leaves at nine.</p>\n');
  });

  it('with nothing below it, the file has no text', () => {
    expect(() => readMarkdownSeed('#\n', { file: 'a.md' })).toThrow(expect.objectContaining({ code: 'E_EMPTY', message: expect.stringContaining('no text') }));
  });
});

describe('a leading heading of an image (regression: taken for a heading of no text and lost)', () => {
  it('stays in the body', () => {
    for (const heading of ['# ![](https://ex.com/banner.png)', '## <img src="https://ex.com/banner.png" alt="">']) {
      const seed = readMarkdownSeed(titled('Release notes', `${heading}\n\nFirst paragraph.\n`));
      expect(seed.title, heading).toBe('Release notes');
      expect(seed.html, heading).toContain('https://ex.com/banner.png');
    }
  });
});

describe('a leading heading of only a picture without a title in front matter (regression: an empty headline)', () => {
  it('is passed over for the headline and stays in the body', () => {
    const below = readMarkdownSeed('# ![](https://ex.com/banner.png)\n\n# My Title\n\nSome body text.\n');
    expect(below.title).toBe('My Title');
    expect(below.html).toBe('<h1><img src="https://ex.com/banner.png" alt=""></h1>\n<p>Some body text.</p>\n');
    const firstLine = readMarkdownSeed('## <img src="https://ex.com/b.png">\n\nOther body.\n\nMore.\n');
    expect(firstLine.title).toBe('Other body.');
    expect(firstLine.html).toBe('<h2><img src="https://ex.com/b.png"></h2>\n<p>More.</p>\n');
  });

  it('a heading of HTML that shows nothing (an anchor, a comment, an empty span) is left out as one of no text is', () => {
    for (const heading of ['# <a name="top"></a>', '# <!-- note -->', '# <span></span>', '# <br>']) {
      const seed = readMarkdownSeed(titled('Release notes', `${heading}\n\nFirst paragraph.\n`));
      expect(seed.html, heading).toBe('<p>First paragraph.</p>\n');
    }
  });
});

describe('an untitled Markdown seed of nothing but blocks that are no headline (regression: a fence, a table row or a picture as written was the title: "```js", "| a | b |")', () => {
  const bodies = [
    ['```js\nconsole.log(1);\n```\n', '<pre><code class="language-js">console.log(1);\n</code></pre>'],
    ['| a | b |\n|---|---|\n| 1 | 2 |\n', '<table>'],
    ['![](harbour.jpg)\n\n[![](https://ex.com/badge.svg)](https://ex.com/)\n', '<img src="harbour.jpg" alt="">'],
    ['> Somebody said something.\n', '<blockquote>'],
    ['<figure><img src="x.jpg"><figcaption>Dawn</figcaption></figure>\n', '<figcaption>Dawn</figcaption>'],
  ] as const;

  it("is titled by its file's name in words, and every block stays whole in the body", () => {
    for (const [body, html] of bodies) {
      const seed = readMarkdownSeed(body, { file: 'posts/photo-of_the day.md' });
      expect(seed.title, body).toBe('Photo Of The Day');
      expect(seed.html, body).toContain(html);
    }
  });

  it("takes the name after a date, the folder's name for an index file, and keeps a word's other letters as written", () => {
    expect(readMarkdownSeed(bodies[0][0], { file: 'content/2024-01-02-NASA-launch-iPhone-photos.md' }).title).toBe('NASA Launch iPhone Photos');
    expect(readMarkdownSeed(bodies[2][0], { file: 'content/trip-to-rome/index.md' }).title).toBe('Trip To Rome');
    expect(readMarkdownSeed(bodies[2][0], { file: 'content\\trip\\_index.md' }).title).toBe('Trip');
  });

  it("holds pictures with alternative text: each stays in the body (regression: the first one's text was the headline, the picture lost, and a lone one was E_NO_BODY)", () => {
    const one = readMarkdownSeed('![a cat](https://example.com/cat.png)\n', { file: 'seeds/cat.md' });
    expect(one.title).toBe('Cat');
    expect(one.html).toBe('<p><img src="https://example.com/cat.png" alt="a cat"></p>\n');
    const two = readMarkdownSeed('![a cat](cat.png)\n\n[![a dog](dog.png)](https://example.com/dog)\n', { file: 'seeds/pets.md' });
    expect(two.title).toBe('Pets');
    expect(two.html).toContain('alt="a cat"');
    expect(two.html).toContain('alt="a dog"');
    // With text below, the picture's text is the headline, as before.
    expect(readMarkdownSeed('![Logo of the paper](logo.png)\n\nBody.\n', { file: 'a.md' }).title).toBe('Logo of the paper');
  });

  it('holds only an embed or links: titled by its name, the link kept (regression: a video post of one shortcode was E_NO_BODY, its address taken for the headline)', () => {
    const video = readMarkdownSeed('{{< youtube abc123 >}}\n', { file: 'content/posts/my-video.md' });
    expect(video.title).toBe('My Video');
    expect(video.html).toContain('https://www.youtube.com/watch?v=abc123');
    const link = readMarkdownSeed('[Read more](https://example.com/x)\n', { file: 'read-more.md' });
    expect(link.title).toBe('Read More');
    expect(link.html).toContain('<a href="https://example.com/x">Read more</a>');
    // With text below, the first line is the headline, as before.
    expect(readMarkdownSeed('https://example.com/article\n\nSome commentary.\n', { file: 'a.md' }).title).toBe('https://example.com/article');
  });

  it('is E_EMPTY without a name to give the title, and with only HTML no reader sees', () => {
    expect(() => readMarkdownSeed(bodies[0][0])).toThrow(expect.objectContaining({ code: 'E_EMPTY', message: expect.stringContaining('give a `title`') }));
    expect(() => readMarkdownSeed(bodies[0][0], { file: 'notes/_-_.md' })).toThrow(expect.objectContaining({ code: 'E_EMPTY' }));
    expect(() => readMarkdownSeed('<!-- a note -->\n\n<style>p{}</style>\n', { file: 'note.md' })).toThrow(
      expect.objectContaining({ code: 'E_EMPTY', message: expect.stringContaining('no text a reader sees') }),
    );
  });

  it('keeps a title given in front matter, and a headline below the blocks', () => {
    expect(readMarkdownSeed(`---\ntitle: Given\n---\n${bodies[0][0]}`, { file: 'a.md' }).title).toBe('Given');
    expect(readMarkdownSeed(`${bodies[0][0]}\nStorm hits coast\n\nBody.\n`, { file: 'a.md' }).title).toBe('Storm hits coast');
  });
});
