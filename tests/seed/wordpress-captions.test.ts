import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { readMarkdownSeed } from '../../src/seed/markdown.js';
import { withoutWordpressCaptions } from '../../src/seed/wordpress-captions.js';
import { costGrowth } from '../support/linear.js';

describe("WordPress's caption shortcode in an exported post", () => {
  it('loses its tags and keeps the image, then its caption (given after it, or as an attribute)', () => {
    expect(
      withoutWordpressCaptions(
        '[caption id="attachment_1937" align="aligncenter" width="960"][![2013.](http://x.example/oldcrap.png)](http://x.example/oldcrap.png) 2013. It was _worse_ than it looks.[/caption]',
      ),
    ).toEqual({ body: '[![2013.](http://x.example/oldcrap.png)](http://x.example/oldcrap.png) 2013. It was _worse_ than it looks.', count: 1 });
    expect(
      withoutWordpressCaptions(
        '[caption id="attachment_448" align="aligncenter" width="632" caption="Pas Firewall-Friendly?"]<a href="http://x.example/a.jpg"><img src="http://x.example/a.jpg" alt="A" /></a>[/caption]',
      ).body,
    ).toBe('<a href="http://x.example/a.jpg"><img src="http://x.example/a.jpg" alt="A" /></a> Pas Firewall-Friendly?');
    // Escaped by an HTML-to-Markdown converter, and over several lines.
    expect(
      withoutWordpressCaptions('See \\[caption id="attachment_464" width="1366"\\][![types](http://x.example/t.png)](http://x.example/t.png) Type Checking\\[/caption\\] here.')
        .body,
    ).toBe('See [![types](http://x.example/t.png)](http://x.example/t.png) Type Checking here.');
    expect(withoutWordpressCaptions('[caption id="a1" caption="Over lines"]\n<img src="a.png" />\n[/caption]').body).toBe('\n<img src="a.png" />\nOver lines');
  });

  it("writes a caption given as an attribute after the text before its closing tag, keeping the line's indentation", () => {
    const listed =
      '1. Open the settings:\n\n    [caption id="attachment_5" align="alignnone" width="300" caption="The settings page"]<img src="settings.png" alt="Settings" />\n    [/caption]\n\n2. Save.';
    expect(withoutWordpressCaptions(listed).body).toBe('1. Open the settings:\n\n    <img src="settings.png" alt="Settings" />\n    The settings page\n\n2. Save.');
    // Blanks after text go, a tab too; the indentation before them stays.
    expect(withoutWordpressCaptions('  [caption id="a" caption="Cat"]\n  <img src="a.png" /> \t[/caption]').body).toBe('  \n  <img src="a.png" /> Cat');
    const seed = readMarkdownSeed(`---\ntitle: Settings\n---\n${listed}\n`, { file: 'settings.md', onWarning: () => undefined });
    // One list, the image and its caption in its first item.
    expect(seed.html?.match(/<ol/g)).toHaveLength(1);
    expect(seed.html).toMatch(/^<ol>\s*<li>(?:(?!<\/li>)[\s\S])*<img(?:(?!<\/li>)[\s\S])*The settings page\s*<\/li>\s*<li>\s*(?:<p>)?Save\./);
  });

  it('stays as WordPress shows it when escaped by a second pair of brackets, without that pair', () => {
    expect(withoutWordpressCaptions('Write [[caption id="q" width="1"]text[/caption]] around it.')).toEqual({
      body: 'Write [caption id="q" width="1"]text[/caption] around it.',
      count: 0,
    });
    // Escaped again by an HTML-to-Markdown converter, over two lines.
    expect(withoutWordpressCaptions('\\[\\[caption id="q" caption="Cat"\\]<img src="a.png" />\n\\[/caption\\]\\]').body).toBe(
      '\\[caption id="q" caption="Cat"\\]<img src="a.png" />\n\\[/caption\\]',
    );
    // One bracket alone escapes nothing: WordPress writes the caption and keeps the bracket.
    expect(withoutWordpressCaptions('[[caption id="q" caption="Cat"]<img src="a.png" />[/caption]').body).toBe('[<img src="a.png" /> Cat');
    expect(withoutWordpressCaptions('[caption id="q" caption="Cat"]<img src="a.png" />[/caption]]').body).toBe('<img src="a.png" /> Cat]');
  });

  it('is read as text nowhere else: code, a link whose text is "caption", prose', () => {
    for (const text of ['`[caption id="a"]x[/caption]`', '```\n[caption id="a"]x[/caption]\n```', 'See the [caption](https://x.example/c) here.', 'A caption of the photo.'])
      expect(withoutWordpressCaptions(text)).toEqual({ body: text, count: 0 });
  });

  it('is left as written in raw HTML whose text is not markup (<pre>, <script>, a comment), and read in a <div> as in prose', () => {
    const caption = '[caption id="attachment_5" width="300"]<img src="a.png" /> The harbour[/caption]';
    for (const text of [
      `<pre>\n${caption}\n</pre>`,
      `<script type="text/template">\n${caption}\n</script>`,
      `<!-- old:\n${caption}\n-->`,
      `- Step\n\n    <pre>\n    ${caption}\n    </pre>`,
    ])
      expect(withoutWordpressCaptions(text), text).toEqual({ body: text, count: 0 });
    expect(withoutWordpressCaptions(`<div class="post">\n${caption}\n</div>`)).toEqual({ body: '<div class="post">\n<img src="a.png" /> The harbour\n</div>', count: 1 });
  });

  it('keeps a closing tag that closes no caption, as prose about the shortcode writes it', () => {
    for (const text of ['WordPress closes it with [/caption] after the image.', 'Escaped: \\[/caption\\] stays.'])
      expect(withoutWordpressCaptions(text)).toEqual({ body: text, count: 0 });
    expect(withoutWordpressCaptions('[caption id="a" caption="Cat"]<img src="a.png" />[/caption] is closed with [/caption].')).toEqual({
      body: '<img src="a.png" /> Cat is closed with [/caption].',
      count: 1,
    });
  });

  it('pairs an opening and a closing tag within one paragraph, leaving a tag alone as written', () => {
    // An opening tag never closed in its paragraph: its caption is not written at a closing tag paragraphs away.
    const stray = '[caption id="a" caption="Stray"]<img src="a.png" />\n\nLater.\n\nClosed with [/caption] here.';
    expect(withoutWordpressCaptions(stray)).toEqual({ body: stray, count: 0 });
    expect(withoutWordpressCaptions('[caption id="a" caption="Stray"]<img src="a.png" />\n\n[caption id="b" caption="Cat"]\n<img src="b.png" />\n[/caption]')).toEqual({
      body: '[caption id="a" caption="Stray"]<img src="a.png" />\n\n\n<img src="b.png" />\nCat',
      count: 1,
    });
    // Two opening tags, one closing tag: the nearer one is closed.
    expect(withoutWordpressCaptions('[caption id="a" caption="A"] [caption id="b" caption="B"]<img src="b.png" />[/caption]')).toEqual({
      body: '[caption id="a" caption="A"] <img src="b.png" /> B',
      count: 1,
    });
    // Fenced code between them ends the paragraph too.
    const fenced = '[caption id="a"]<img src="a.png" />\n```\ncode\n```\nThen [/caption].';
    expect(withoutWordpressCaptions(fenced)).toEqual({ body: fenced, count: 0 });
  });

  it('reaches readers as its image and caption', () => {
    const seed = readMarkdownSeed(
      '---\ntitle: Sur l\'utilité\n---\nJMX c\'est bien.\n\n[caption id="attachment_448" align="aligncenter" width="632" caption="Pas Firewall-Friendly?"]<a href="http://x.example/img.jpg"><img class="size-full" src="http://x.example/img.jpg" alt="Firewall" width="632" height="421" /></a>[/caption]\n\nBref.\n',
      { file: 'internet-friendly.md', onWarning: () => undefined },
    );
    expect(seed.html).not.toMatch(/\[\/?caption/);
    expect(seed.html).toContain('<img');
    expect(seed.html).toContain('Pas Firewall-Friendly?');
  });

  it('leaves out a line of nothing but its tags between two lines of text, so a list stays tight as written without them', () => {
    const step = '- Step one\n  [caption id="a" width="300"]\n  <img src="a.png" /> The harbour\n  [/caption]\n- Step two';
    expect(withoutWordpressCaptions(step)).toEqual({ body: '- Step one\n  <img src="a.png" /> The harbour\n- Step two', count: 1, dropped: [1, 3] });
    // Beside a blank line, or over a `---` (which would make the text above a heading), it stays, blank.
    expect(withoutWordpressCaptions('Text\n\n[caption id="a"]\n<img src="a.png" /> A\n[/caption]\n---').body).toBe('Text\n\n\n<img src="a.png" /> A\n\n---');
    const seed = readMarkdownSeed(`---\ntitle: T\n---\n${step}\n\nSee [the plan]({% post_url 2024-01-01-plan %}).\n`, {
      onWarning: (d) => warnings.push(d),
    });
    expect(seed.html).toBe('<ul>\n<li>Step one\n<img src="a.png" /> The harbour</li>\n<li>Step two</li>\n</ul>\n<p>See the plan.</p>\n');
    // Later warnings still name the file's lines.
    expect(warnings.map((w) => w.line)).toEqual([10]);
  });
  const warnings: Diagnostic[] = [];

  it('is read in time linear in the text', async () => {
    for (const shape of [
      (n: number) => '[caption id="a"]x[/caption] `c` '.repeat(n),
      (n: number) => `${'`a` '.repeat(n)}[caption id="a"]x[/caption]`.repeat(2),
      // Lines of nothing but tags between lines of text, left out.
      (n: number) => `Text\n${'[caption id="a"]\n<img src="a.png" /> x\n[/caption]\n'.repeat(n)}Text`,
    ]) {
      const growth = await costGrowth((n) => withoutWordpressCaptions(shape(n)), 2_000, 20_000, 4);
      expect(growth).toBeLessThan(4);
    }
  });

  it.each([
    ['openers without a closing bracket', (bytes: number) => `# T\n\n${'[caption a=b '.repeat(bytes / 13)}`],
    ['openers without `=`, one bracket at the end', (bytes: number) => `${'[caption '.repeat(bytes / 9)}]`],
    ['one opener, then a run of `=`', (bytes: number) => `[caption ${'='.repeat(bytes)}`],
    ['an unclosed caption attribute, again and again', (bytes: number) => `[caption ${'caption="'.repeat(bytes / 9)}]`],
    ['openers never closed', (bytes: number) => '[caption id="a"]<img src="a.png" /> '.repeat(bytes / 37)],
    ['closing tags alone', (bytes: number) => 'x [/caption] '.repeat(bytes / 13)],
    ['captions given as attributes, on one line', (bytes: number) => '[caption id="a" caption="c"]x  [/caption] '.repeat(bytes / 43)],
    ['a caption given as an attribute, after a run of blanks', (bytes: number) => `[caption id="a" caption="c"]x${' '.repeat(bytes)}[/caption]`],
    ['escaped captions, on one line', (bytes: number) => '[[caption id="a"]x[/caption]] '.repeat(bytes / 30)],
  ])('is read in linear time however its tags are broken: %s (cost per MB at 1 MB within 4x of 100 KB)', async (_name, make) => {
    // Each input is made once, outside the measured runs, so that only the reading is timed.
    const inputs = new Map<number, string>();
    const input = (bytes: number): string => inputs.get(bytes) ?? inputs.set(bytes, make(Math.floor(bytes))).get(bytes)!;
    const growth = await costGrowth((bytes) => withoutWordpressCaptions(input(bytes)), 100_000, 1_000_000, 4);
    expect(growth).toBeLessThan(4);
  });
});
