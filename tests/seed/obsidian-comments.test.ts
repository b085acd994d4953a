import { describe, expect, it } from 'vitest';
import { readMarkdownSeed } from '../../src/seed/markdown.js';
import { costGrowth } from '../support/linear.js';

const seed = (body: string) => readMarkdownSeed(`---\ntitle: Night ferry\ndate: 2024-01-05\n---\n${body}`, { file: 'note.md' });

/** The plain text of every block, in order. */
const texts = (body: string): string[] =>
  seed(body).sections.flatMap((s) => [...(s.heading === null ? [] : [s.heading]), ...s.blocks.map((b) => (b.kind === 'list' ? b.items.join(' / ') : b.text))]);

describe("Obsidian's %% comments", () => {
  it('are left out with what they hold within a paragraph, a heading, a list item, a table cell and a link text (regression: they were published)', () => {
    const body = [
      'The ferry %%check the timetable%% resumes tonight.',
      '',
      'Two %%*private* note with `code` and [a link](https://x.example/)%% crossings, %%one\nover two lines%% a day.',
      '',
      '## Timetable %%draft%%',
      '',
      '- First %%maybe%% boat',
      '- %%an item that is only a note%%',
      '- Last boat',
      '',
      '| Boat | Seats |',
      '|---|---|',
      '| Odesa %%old name%% | 120 |',
      '',
      'See [the port %%ask%% site](https://port.example/).',
    ].join('\n');
    const read = seed(body);
    expect(texts(body)).toEqual([
      'The ferry resumes tonight.',
      'Two crossings, a day.',
      'Timetable',
      'First boat / Last boat',
      'Boat | Seats',
      'Odesa | 120',
      'See the port site.',
    ]);
    expect(read.html).not.toMatch(/%%|check the|private|over two|draft|maybe|only a note|old name|ask/);
    expect(read.html).toContain('<a href="https://port.example/">the port site</a>');
    // The headline read from a first line loses them too.
    expect(readMarkdownSeed('Ferry %%draft%% resumes\n\nBody.\n').title).toBe('Ferry resumes');
  });

  it('are left out over several blocks when a paragraph opens with the mark and a later one ends with it', () => {
    const body = 'Visible one.\n\n%% Notes to self\n\n- call the port\n\n```\nschedule()\n```\n\nend of notes %%\n\nVisible two.\n';
    expect(texts(body)).toEqual(['Visible one.', 'Visible two.']);
    expect(seed(body).html).toBe('<p>Visible one.</p>\n<p>Visible two.</p>\n');
    expect(texts('%%\nA private note\nover lines\n%%\n\nVisible.\n')).toEqual(['Visible.']);
  });

  it('leave what is not a comment as written: code, raw HTML, link addresses, escapes, marks without a partner (the review of the line-based reading)', () => {
    const asWritten: [string, string[]][] = [
      // A fenced block inside a quote, then percentages in prose.
      ['> Example:\n>\n> ```c\n> printf("100%%");\n> ```\n\nGrowth went from 10%% to 50%% this year.\n', ['Example: printf("100%%");', 'Growth went from 10%% to 50%% this year.']],
      ['> Pairs like [[1, 2]] and [[3, 4]].\n', ['Pairs like [[1, 2]] and [[3, 4]].']],
      ['Use `%%x%%` or `a %%` and `b %%`.\n', ['Use %%x%% or a %% and b %%.']],
      ['Type <code>%%a</code> then <kbd>b%%</kbd>.\n', ['Type %%a then b%%.']],
      ['<pre>\n%%kept%%\n</pre>\n', ['%%kept%%']],
      ['Only 100%% sure.\n', ['Only 100%% sure.']],
      ['A lone %% mark.\n', ['A lone %% mark.']],
      ['Escaped \\%%not a comment%% here.\n', ['Escaped %%not a comment%% here.']],
      ['Entities &#37;&#37;x&#37;&#37; here.\n', ['Entities %%x%% here.']],
      ['See <https://x.example/%%a%%> now.\n', ['See https://x.example/%%a%% now.']],
      // A pair whose marks lie on two sides of a link or emphasis, or around raw HTML.
      ['[a %%b](https://x.example/) c%% d.\n', ['a %%b c%% d.']],
      ['**bold %%x** y%% z.\n', ['bold %%x y%% z.']],
      ['a %%b <span>c</span> d%% e.\n', ['a %%b c d%% e.']],
      // Over several blocks, the next mark in code: left as written.
      ['%% opens\n\nmiddle `100%%` code\n\ncloses %%\n', ['%% opens', 'middle 100%% code', 'closes %%']],
      // The next mark within a paragraph, not ending it.
      ['%% opens\n\nmiddle %% then text\n', ['%% opens', 'middle %% then text']],
    ];
    for (const [body, expected] of asWritten) expect(texts(body), body).toEqual(expected);
    const link = seed('A [link](https://x.example/a%%b%%c "t %%x%%") and [[page]] here.\n').html;
    expect(link).toContain('<a href="https://x.example/a%25%25b%25%25c" title="t %%x%%">link</a> and [[page]] here.');
  });

  it('are found in time linear in the text', async () => {
    const shape = (n: number): string => `Start ${'a %%*b* c%% d '.repeat(n)}end.\n\n${'%%\nnote\n\nmore %%\n\n'.repeat(n)}`;
    expect(texts(shape(3))).toEqual(['Start a d a d a d end.']);
    const growth = await costGrowth((n) => seed(shape(n)), 500, 5000, 4);
    expect(growth).toBeLessThan(4);
  });
});

describe('the warning for Obsidian comments left out', () => {
  const warnings = (text: string): string[] => {
    const out: string[] = [];
    readMarkdownSeed(text, { file: 'note.md', onWarning: (w) => out.push(`${w.code}: ${w.message}`) });
    return out;
  };

  it('counts every comment once, naming the first in the document, with or without a title in front matter', () => {
    const body = 'Intro %%first note%% here.\n\n%%\nA note over\n\ntwo paragraphs\n%%\n\nMore %%second%% text and %%third%%.\n';
    const expected = "W_TEMPLATE_TAG: left out 4 Obsidian comments (%%…%%), an editor's notes that readers do not see (first: %%first note%%)";
    expect(warnings(`---\ntitle: T\n---\n${body}`)).toEqual([expected]);
    // Untitled: the body is read twice (to find its headline, then below it); the headline's own comment counts too.
    expect(warnings(`Headline %%first note%% here\n\nMore %%second%% text and %%third%%.\n\nLast %%fourth%%.\n`)).toEqual([expected]);
    expect(warnings('---\ntitle: T\n---\nNo comment: 100%% sure, `%%code%%`.\n')).toEqual([]);
  });

  it('shortens a long comment', () => {
    const [message] = warnings(`---\ntitle: T\n---\nText %%${'long '.repeat(40)}%% end.\n`);
    expect(message).toMatch(/\(first: %%(long ){11}lo…\)$/);
  });
});

describe('Obsidian comments in a seed without a title (its first line the headline)', () => {
  const untitled = (body: string) => readMarkdownSeed(body, { file: 'note.md' });

  // Regression: the headline's line was cut out and read alone, so a comment over it, or over the lines
  // before it, was split in two halves that were both published.
  it('are left out before the headline is read: over several lines, before it, or ending it', () => {
    const over = untitled('%%\nprivate: salary 100k\n%%\n\nReal title\n\nBody.\n');
    expect(over.title).toBe('Real title');
    expect(over.html).not.toMatch(/private|salary|%%/);
    const ending = untitled('Storm hits coast %%source: J. Doe,\nunder embargo%%\n\nBody.\n');
    expect(ending.title).toBe('Storm hits coast');
    expect(ending.html).not.toMatch(/embargo|Doe|%%/);
    const before = untitled('%%private note%%\n\nReal title\n\nBody.\n');
    expect(before.title).toBe('Real title');
    expect(before.html).not.toMatch(/private|%%/);
  });

  it('leave the rest of the first paragraph as its body; an image line stays in the body', () => {
    const rest = untitled('Storm hits *the* coast\nThe first sentence %%note%% of the body.\n\nMore.\n');
    expect(rest.title).toBe('Storm hits the coast');
    expect(rest.sections[0]!.blocks[0]).toEqual({ kind: 'paragraph', text: 'The first sentence of the body.' });
    expect(untitled('![](https://x.example/a.png)\n\nBody.\n').title).toBe('Body.');
    expect(untitled('2023. What a year it was\n\nBody.\n').title).toBe('2023. What a year it was');
  });
});

describe('a heading that held only an Obsidian comment', () => {
  it('goes: no empty title, no empty section heading', () => {
    const untitled = readMarkdownSeed('# %%draft title%%\n\nReal title\n\nBody.\n', { file: 'note.md' });
    expect(untitled.title).toBe('Real title');
    const titled = readMarkdownSeed('---\ntitle: T\n---\nIntro.\n\n## %%todo%%\n\nBody.\n', { file: 'note.md' });
    expect(titled.html).not.toMatch(/<h\d>\s*<\/h\d>/);
    expect(titled.sections.map((s) => s.heading)).not.toContain('');
  });
});

describe('the white space around an Obsidian comment', () => {
  const html = (body: string) => readMarkdownSeed(`---\ntitle: T\n---\n${body}\n`, { file: 'note.md' }).html;

  // Regression: a comment ending its text token was taken to end the line, and the space before it went,
  // joining the word before it to the emphasis, link, code or HTML after it.
  it('stays before what follows the comment, and goes where nothing or punctuation follows', () => {
    expect(html('word %%c%%*emph* more')).toContain('<p>word <em>emph</em> more</p>');
    expect(html('see %%x%%[link](https://u.example/) now')).toContain('<p>see <a href="https://u.example/">link</a> now</p>');
    expect(html('a %%x%%`code` b')).toContain('<p>a <code>code</code> b</p>');
    expect(html('end %%x%%')).toContain('<p>end</p>');
    expect(html('word %%x%%, then')).toContain('<p>word, then</p>');
  });
});

describe('after the review of the headline and white space changes', () => {
  const read = (body: string) => readMarkdownSeed(body, { file: 'note.md' });

  it('leaves no space before punctuation when a comment ends emphasis or a link', () => {
    expect(read('Title\n\n**bold %%c%%**, next.\n').html).toContain('<strong>bold</strong>, next.');
    expect(read('Title\n\n*a %%c%%*.\n').sections[0]!.blocks[0]).toEqual({ kind: 'paragraph', text: 'a.' });
    expect(read('Title\n\n[link %%c%%](https://u.example/) next\n').html).toContain('<a href="https://u.example/">link</a> next');
  });

  it('takes the first line with text for the headline when a comment empties the one before it', () => {
    const seed = read('%%note%%\nTitle\nBody.\n\nMore.\n');
    expect(seed.title).toBe('Title');
    expect(seed.html).not.toMatch(/note|%%/);
    expect(seed.sections[0]!.blocks[0]).toEqual({ kind: 'paragraph', text: 'Body.' });
  });

  it('reads the lines under the headline as before when the seed holds no comment (a definition, code, a list there)', () => {
    expect(read('Title\n[a]: https://x.example\n\nSee [a].\n').html).toContain('<p>See <a href="https://x.example">a</a>.</p>');
    expect(read('Title\n    code line\n\nMore.\n').html).toContain('<pre><code>code line');
    expect(read('Title\n2. item\n3. item\n\nMore.\n').html).toContain('<ol start="2">');
  });
});
