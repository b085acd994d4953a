import { describe, expect, it } from 'vitest';
import { readMarkdownSeed, renderMarkdown } from '../../src/seed/markdown.js';
import { costGrowth } from '../support/linear.js';

const seed = (body: string, title = 'T') => readMarkdownSeed(`---\ntitle: ${title}\n---\n${body}`, { file: 'post.md' });
const html = (body: string): string => seed(body).html ?? '';
const texts = (body: string): string[] => seed(body).sections.flatMap((s) => s.blocks.map((b) => (b.kind === 'list' ? b.items.join(' / ') : b.text)));

describe('footnotes', () => {
  it('are numbered [n] in superscript where referred to, and listed in that order after a rule', () => {
    const out = html('First claim.[^a] Second claim.[^1] Again.[^a]\n\n[^1]: The second note.\n[^a]: The first note, with a [link](https://example.org).\n');
    expect(out).toBe(
      '<p>First claim.<sup>[1]</sup> Second claim.<sup>[2]</sup> Again.<sup>[1]</sup></p>\n<hr />\n<ol>\n' +
        '<li><p>The first note, with a <a href="https://example.org">link</a>.</p>\n</li>\n' +
        '<li><p>The second note.</p>\n</li>\n</ol>\n',
    );
  });

  it('keep notes of several paragraphs; leave out notes nobody refers to, and references to no note as written', () => {
    const out = html('Text.[^long] And [^missing] here.\n\n[^long]: One.\n\n    Two, indented.\n\n[^unused]: Never referred to.\n');
    expect(out).toContain('<li><p>One.</p>\n<p>Two, indented.</p>\n</li>');
    expect(out).toContain('And [^missing] here.');
    expect(out).not.toContain('Never referred to');
  });

  it('are in the plain text after it, numbered, and `^[…]` is no note', () => {
    expect(texts('A claim.[^1] Then 2^[n] stays.\n\n[^1]: A note.\n')).toEqual(['A claim. Then 2^[n] stays.', '[1] A note.']);
  });

  it('take the first of two definitions of one label, as GitHub does', () => {
    expect(html('Claim.[^a]\n\n[^a]: First.\n[^a]: Second.\n')).toContain('<li><p>First.</p>\n</li>');
  });

  it('match a reference to a definition in another letter case, as GitHub and remark match labels', () => {
    expect(html('Claim.[^Note] Again.[^NOTE]\n\n[^note]: The note.\n')).toBe(
      '<p>Claim.<sup>[1]</sup> Again.<sup>[1]</sup></p>\n<hr />\n<ol>\n<li><p>The note.</p>\n</li>\n</ol>\n',
    );
    expect(html('Straße.[^STRASSE] Über.[^über]\n\n[^straße]: One.\n[^Über]: Two.\n')).toContain('<p>Straße.<sup>[1]</sup> Über.<sup>[2]</sup></p>');
    expect(texts('A claim.[^Src]\n\n[^src]: A note.\n')).toEqual(['A claim.', '[1] A note.']);
    // Defined in two other cases: the first definition is the note's.
    expect(html('Claim.[^NOTE]\n\n[^note]: First.\n[^Note]: Second.\n')).toContain('<li><p>First.</p>\n</li>');
    expect(html('Claim.[^other]\n\n[^note]: The note.\n')).toBe('<p>Claim.[^other]</p>\n');
  });

  it('keep labels defined in two cases apart, each referred to as written', () => {
    expect(html('Upper.[^A] Lower.[^a]\n\n[^a]: Lower note.\n[^A]: Upper note.\n')).toContain(
      '<p>Upper.<sup>[1]</sup> Lower.<sup>[2]</sup></p>\n<hr />\n<ol>\n<li><p>Upper note.</p>\n</li>\n<li><p>Lower note.</p>\n</li>\n</ol>\n',
    );
  });

  it('are listed once when the body is read again below a headline taken from its first line', () => {
    const article = readMarkdownSeed('The headline\n\nA claim.[^1]\n\n[^1]: A note.\n', { file: 'post.md' });
    expect(article.title).toBe('The headline');
    expect(article.html?.match(/<li>/g)).toHaveLength(1);
  });

  it('are read in a library item’s Markdown too', () => {
    expect(renderMarkdown('Claim.[^x]\n\n[^x]: Note.\n').html).toContain('<sup>[1]</sup>');
  });

  it('take time linear in the text: a long run of [^ with notes defined, and thousands of notes', async () => {
    const run = (n: number) => seed(`${'[^'.repeat(n)}x\n\n[^x]: Note.\n`);
    expect(await costGrowth(run, 2_000, 20_000, 4)).toBeLessThan(4);
    const notes = (n: number) =>
      seed(`${Array.from({ length: n }, (_, i) => `Claim ${i}.[^${i}]`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: Note ${i}.`).join('\n')}\n`);
    expect(await costGrowth(notes, 500, 5_000, 4)).toBeLessThan(4);
  });
});

describe('containers: Docusaurus, Starlight and VitePress admonitions, Pandoc divs', () => {
  it('are quotes opening with their title, else their type, in bold', () => {
    expect(html(':::note[Docusaurus title]\nWith **bold**.\n:::\n')).toBe(
      '<blockquote>\n<p><strong>Docusaurus title</strong></p>\n<p>With <strong>bold</strong>.</p>\n</blockquote>\n',
    );
    expect(html(':::tip\nPlain.\n:::\n')).toContain('<p><strong>Tip</strong></p>');
    expect(html('::: warning Be careful\nVitePress.\n:::\n')).toContain('<p><strong>Be careful</strong></p>');
    expect(html('::: details\nHidden.\n:::\n')).toContain('<p><strong>Details</strong></p>');
  });

  it('nest by the number of colons, and one left open runs to the end', () => {
    const out = html('::::info Outer\nOuter text.\n:::danger\nInner.\n:::\n::::\n\nAfter.\n');
    expect(out).toBe(
      '<blockquote>\n<p><strong>Outer</strong></p>\n<p>Outer text.</p>\n<blockquote>\n<p><strong>Danger</strong></p>\n<p>Inner.</p>\n</blockquote>\n</blockquote>\n<p>After.</p>\n',
    );
    expect(html(':::caution\nNever closed.\n')).toContain('<p>Never closed.</p>\n</blockquote>');
  });

  it('that only lay out (code groups) or carry attributes (Pandoc) are their content alone, read as top-level text', () => {
    const body = '::: code-group\n```sh\nnpm i\n```\n:::\n\n::: {.callout-note}\nPandoc div.\n:::\n';
    expect(html(body)).toBe('<pre><code class="language-sh">npm i\n</code></pre>\n<p>Pandoc div.</p>\n');
    expect(texts(body)).toEqual(['npm i', 'Pandoc div.']);
  });

  it('are read as quotes by the summary and analysis; colons in code and in prose stay as written', () => {
    expect(texts(':::note\nA note.\n:::\n')).toEqual(['Note: A note.']);
    expect(html('```md\n:::note\nx\n:::\n```\n')).toContain(':::note\nx\n:::');
    expect(html('Ratio 3:::1 and\n\n::: not a container\n')).toContain('<p>::: not a container</p>');
    expect(html(':::\nNo type.\n:::\n')).toContain('<p>:::\nNo type.\n:::</p>');
  });
});

describe('containers as the generators write them beyond the basic forms', () => {
  it('take attributes (Starlight icons, VitePress open), brackets in titles and Pandoc’s closing colons', () => {
    expect(html(':::tip{icon="heart"}\nLoved.\n:::\n')).toContain('<p><strong>Tip</strong></p>');
    expect(html(':::caution[Careful]{icon="warning"}\nX.\n:::\n')).toContain('<p><strong>Careful</strong></p>');
    expect(html('::: details Click me {open}\nX.\n:::\n')).toContain('<p><strong>Click me</strong></p>');
    expect(html(':::note[See [the docs](https://x.example)]\nX.\n:::\n')).toContain('<p><strong>See <a href="https://x.example">the docs</a></strong></p>');
    expect(html('::: Warning ::::\nPandoc.\n::::::::::::::::::\n')).toBe('<blockquote>\n<p><strong>Warning</strong></p>\n<p>Pandoc.</p>\n</blockquote>\n');
  });

  it('read an opening line of any length in linear time', async () => {
    expect(await costGrowth((n) => html(`::: note a${' '.repeat(n)}b{\nx\n:::\n`), 10_000, 100_000, 4)).toBeLessThan(4);
  });
});

describe("GitHub's alerts and Obsidian's callouts", () => {
  it('take a title of Markdown, as Obsidian reads it', () => {
    expect(html('> [!tip] Use `npm ci` here\n> Body.\n')).toBe('<blockquote>\n<p><strong>Use <code>npm ci</code> here</strong></p>\n<p>Body.</p>\n</blockquote>\n');
    expect(html('> [!info] **Bold** title\n')).toBe('<blockquote>\n<p><strong><strong>Bold</strong> title</strong></p>\n</blockquote>\n');
  });

  it('read as "Title: text" in the plain text the summary and analysis read', () => {
    expect(texts('> [!NOTE]\n> This article was updated.\n')).toEqual(['Note: This article was updated.']);
    expect(texts(':::tip[Before you begin]\nInstall Node.\n:::\n')).toEqual(['Before you begin: Install Node.']);
  });

  it('open their quote with the title, else the type, in bold, a paragraph of its own', () => {
    expect(html('> [!NOTE]\n> Line one\n> line two\n')).toBe('<blockquote>\n<p><strong>Note</strong></p>\n<p>Line one\nline two</p>\n</blockquote>\n');
    expect(html('> [!tip]- Folded title\n> Body **here**.\n')).toBe('<blockquote>\n<p><strong>Folded title</strong></p>\n<p>Body <strong>here</strong>.</p>\n</blockquote>\n');
    expect(html('> [!WARNING]\n')).toBe('<blockquote>\n<p><strong>Warning</strong></p>\n</blockquote>\n');
  });

  it('need the mark alone on the quote’s first line', () => {
    expect(html('> A quote [!NOTE] in text.\n')).toContain('<p>A quote [!NOTE] in text.</p>');
    expect(html('> [!NOTE] and [!TIP]\n')).toContain('<strong>and [!TIP]</strong>');
  });
});

describe('containers, alerts and task lists on hostile input', () => {
  it('take time linear in the text: containers left open, deep colons, thousands of alerts and tasks', async () => {
    const shapes = [
      (n: number) => ':::note\n'.repeat(n),
      (n: number) => `${':'.repeat(n)}note\nx\n${':::\n'.repeat(n)}`,
      (n: number) => ':::tip\nx\n:::\n\n> [!NOTE]\n> x\n\n- [ ] x\n\n'.repeat(n),
    ];
    // Containers left open nest past what the parser reads: refused as nested too deep, once read, in linear time too.
    const read = (text: string): void => {
      try {
        seed(text);
      } catch (error) {
        if ((error as { code?: string }).code !== 'E_TOO_DEEP') throw error;
      }
    };
    for (const shape of shapes) expect(await costGrowth((n) => read(`Lead.\n\n${shape(n)}`), 500, 5_000, 4)).toBeLessThan(4);
  });
});

describe('task lists', () => {
  it('show their boxes as ☐ and ☑; other brackets stay', () => {
    expect(html('- [ ] to do\n- [x] done\n- [X] done too\n- [y] no task\n- [ ]no blank\n')).toBe(
      '<ul>\n<li>☐ to do</li>\n<li>☑ done</li>\n<li>☑ done too</li>\n<li>[y] no task</li>\n<li>[ ]no blank</li>\n</ul>\n',
    );
    expect(texts('1. [x] first\n2. [ ] second\n')).toEqual(['☑ first / ☐ second']);
  });
});

describe("Obsidian's links, embeds and highlights", () => {
  const note = (body: string) => readMarkdownSeed(`---\ntitle: T\n---\n${body}`, { file: 'post.md', obsidianVault: true }).html ?? '';

  it('are read in an Obsidian vault only: elsewhere, [[…]] and ==…== are text as CommonMark reads them', () => {
    expect(html('See [[Other note]] and ==this==.\n')).toBe('<p>See [[Other note]] and ==this==.</p>\n');
    expect(note('See [[Other note]] and ==this==.\n')).toBe('<p>See <a href="Other%20note.md">Other note</a> and <mark>this</mark>.</p>\n');
    expect(renderMarkdown('See [[Other note]].').html).toBe('<p>See [[Other note]].</p>\n');
  });

  it('link to the note’s file, with its text, else the note’s name (and last heading)', () => {
    expect(note('See [[Other note]], [[Other note|the other]], [[Other note#Its heading]] and [[Note#^block1|a block]].\n')).toBe(
      '<p>See <a href="Other%20note.md">Other note</a>, <a href="Other%20note.md">the other</a>, ' +
        '<a href="Other%20note.md#Its%20heading">Other note &gt; Its heading</a> and <a href="Note.md">a block</a>.</p>\n',
    );
    expect(note('A [[report.pdf]], [[Node.js]], [[Python 3.12]], [[Note#A#B]] and [[#Heading here]].\n')).toBe(
      '<p>A <a href="report.pdf">report.pdf</a>, <a href="Node.js.md">Node.js</a>, <a href="Python%203.12.md">Python 3.12</a>, ' +
        '<a href="Note.md#B">Note &gt; B</a> and Heading here.</p>\n',
    );
  });

  it('embed pictures with their size, and other files and notes as links', () => {
    expect(note('![[diagram.png]]\n\n![[photo one.jpg|300]]\n\n![[wide.webp|640x480]]\n\n![[zero.png|0]]\n\n![[Other note]]\n')).toBe(
      '<p><img src="diagram.png" alt=""></p>\n<p><img src="photo%20one.jpg" alt="" width="300"></p>\n' +
        '<p><img src="wide.webp" alt="" width="640" height="480"></p>\n<p><img src="zero.png" alt=""></p>\n<p><a href="Other%20note.md">Other note</a></p>\n',
    );
  });

  it('leave CommonMark links, code, indexes, Bash tests, data and numbers as written', () => {
    expect(note('[[Paper]](https://arxiv.org/abs/1) and [[Code]][gh] and [see [[Note]] here](https://x.example).\n\n[gh]: https://github.com/x\n')).toBe(
      '<p><a href="https://arxiv.org/abs/1">[Paper]</a> and <a href="https://github.com/x">[Code]</a> and <a href="https://x.example">see [[Note]] here</a>.</p>\n',
    );
    expect(note('`[[x]]`, matrix[[0]], f(x)[[1]], [[ ]], [[ -f $file ]], [["id", "name"]], [[a:b]], [[//host/x]], [[open\nline]].\n')).toBe(
      '<p><code>[[x]]</code>, matrix[[0]], f(x)[[1]], [[ ]], [[ -f $file ]], [[&quot;id&quot;, &quot;name&quot;]], [[a:b]], [[//host/x]], [[open\nline]].</p>\n',
    );
    expect(note('Pairs [[1, 2]] and [[0]]; the daily note [[2024-05-01]].\n')).toBe('<p>Pairs [[1, 2]] and [[0]]; the daily note <a href="2024-05-01.md">2024-05-01</a>.</p>\n');
  });

  it('highlight ==text== as <mark>, but not between letters or digits, nor arrows', () => {
    expect(note('A ==key point== here, a == b, x==1 or y==2, A ==> B <== C.\n')).toBe('<p>A <mark>key point</mark> here, a == b, x==1 or y==2, A ==&gt; B &lt;== C.</p>\n');
  });

  it('take time linear in the text: runs of [[, of [[…]] links and of ==', async () => {
    const vault = (body: string) => readMarkdownSeed(`---\ntitle: T\n---\nLead.\n\n${body}`, { file: 'post.md', obsidianVault: true });
    expect(await costGrowth((n) => vault('[['.repeat(n)), 2_000, 20_000, 4)).toBeLessThan(4);
    expect(await costGrowth((n) => vault('[[a|b]] '.repeat(n)), 1_000, 10_000, 4)).toBeLessThan(4);
    expect(await costGrowth((n) => vault('x==1 ==a== '.repeat(n)), 1_000, 10_000, 4)).toBeLessThan(4);
  });
});

describe('Markdown nested as deep as the parser reads', () => {
  it('is refused (E_TOO_DEEP, naming the line), where the parser would lose what follows without a word; one level less is read whole', () => {
    const seed = (depth: number, mark: string) => `---\ntitle: Deep\n---\n\nFirst.\n\n${mark.repeat(depth)}x\n\nLast.\n`;
    expect(() => readMarkdownSeed(seed(50, '- '), { file: 'deep.md' })).toThrow(expect.objectContaining({ code: 'E_TOO_DEEP', file: 'deep.md', line: 7 }));
    expect(() => readMarkdownSeed(seed(100, '> '), { file: 'deep.md' })).toThrow(expect.objectContaining({ code: 'E_TOO_DEEP', line: 7 }));
    for (const [depth, mark] of [
      [49, '- '],
      [99, '> '],
    ] as const)
      expect(readMarkdownSeed(seed(depth, mark), { file: 'deep.md' }).sections.at(-1)?.blocks.at(-1)).toMatchObject({ text: 'Last.' });
    expect(() => renderMarkdown(`${'- '.repeat(60)}x\n\nLast.`)).toThrow(
      expect.objectContaining({ code: 'E_TOO_DEEP', message: expect.stringMatching(/^markdown: lists or block quotes/) }),
    );
  });
});
