import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { withAdmonitions } from '../../src/seed/admonitions.js';
import { type CodeLine, codeLines } from '../../src/seed/code-lines.js';
import { readMarkdownSeed } from '../../src/seed/markdown.js';
import { withoutWordpressCaptions } from '../../src/seed/wordpress-captions.js';
import { costGrowth } from '../support/linear.js';

describe('code lines', () => {
  it('tells indented code from a list item continued four spaces in', () => {
    const kinds = [
      'Text',
      '',
      '    code',
      '- Step one',
      '',
      '    continues the step',
      '\tstill the step',
      '',
      '        code in the step',
      'Back at the margin',
      '',
      '    code again',
    ].map(codeLines());
    expect(kinds).toEqual([undefined, undefined, 'indented', undefined, undefined, undefined, undefined, undefined, 'indented', undefined, undefined, 'indented']);
    // Directly after a paragraph's line, however far in, a line continues it (lazily, out of a quote or an item).
    expect(['Text', '        more', '> Quote', '    more', '- Item', '        more'].map(codeLines({ commonMark: true }))).toEqual(Array(6).fill(undefined));
    // A numbered item too; a blank line keeps the list open.
    expect(['1. First', '', '', '    more of it'].map(codeLines())).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('closes a fence with a run of the same mark, at least as long, alone on its line', () => {
    const kinds = (text: string): CodeLine[] => text.split('\n').map(codeLines());
    expect(kinds('```\nx\n```\nText')).toEqual(['fenced', 'fenced', 'fenced', undefined]);
    expect(kinds('```\nx\n  ````  \nText')).toEqual(['fenced', 'fenced', 'fenced', undefined]);
    for (const closer of ['~~~', '``', '``` js']) expect(kinds(`\`\`\`\nx\n${closer}\nText`)).toEqual(['fenced', 'fenced', 'fenced', 'fenced']);
  });

  it("reads a fence in a list item as CommonMark does: up to three spaces right of the item's text", () => {
    const kinds = (text: string): CodeLine[] => text.split('\n').map(codeLines());
    // MkDocs' posts indent a step's code four spaces.
    expect(kinds('1. Add:\n\n    ```markdown\n    !!! note\n        x\n    ```\n\n2. Build.')).toEqual([
      undefined,
      undefined,
      'fenced',
      'fenced',
      'fenced',
      'fenced',
      undefined,
      undefined,
    ]);
    expect(kinds('- Step\n\n    ~~~\n    [caption]\n    ~~~\n    After.')).toEqual([undefined, undefined, 'fenced', 'fenced', 'fenced', undefined]);
    // Right after the item's mark; closed by its run up to three spaces right of the item's text.
    expect(kinds('- ```\n  x\n     ```\n  After.')).toEqual(['fenced', 'fenced', 'fenced', undefined]);
    // Text left of the item's ends the item and the code in it.
    expect(kinds('1. Step\n\n    ```\n    x\nText.\n\n    code')).toEqual([undefined, undefined, 'fenced', 'fenced', undefined, undefined, 'indented']);
    // Four or more right of the item's text, or at the margin's four spaces, it is no fence (indented code, or text).
    expect(kinds('- Step\n\n        ```\n        x')).toEqual([undefined, undefined, 'indented', 'indented']);
    expect(kinds('Text\n\n    ```\n    x\n\nAfter.')).toEqual([undefined, undefined, 'indented', 'indented', undefined, undefined]);
    expect(kinds('```\n    ```\n- x\n```')).toEqual(['fenced', 'fenced', 'fenced', 'fenced']);
  });

  it('keeps the passes out of a fence in a list item', () => {
    const admonition = '1. Add this to your page:\n\n    ```markdown\n    !!! note "Title"\n        The content.\n    ```\n\n2. Build the site.';
    expect(withAdmonitions(admonition)).toEqual({ body: admonition, count: 0 });
    const caption =
      '- Open the settings:\n\n    ```html\n    [caption id="attachment_5" width="300" caption="The settings page"]<img src="settings.png" />\n    [/caption]\n    ```\n';
    expect(withoutWordpressCaptions(caption)).toEqual({ body: caption, count: 0 });
    const page = readMarkdownSeed(`---\ntitle: Steps\n---\n${admonition}\n`, { file: 'docs/blog/posts/steps.md' });
    expect(page.html).toContain('<pre><code class="language-markdown">!!! note &quot;Title&quot;\n    The content.\n</code></pre>');
    const post = readMarkdownSeed(`---\ntitle: Settings\n---\n${caption}`, { file: 'settings.md' });
    expect(post.html).toContain(
      '[caption id=&quot;attachment_5&quot; width=&quot;300&quot; caption=&quot;The settings page&quot;]&lt;img src=&quot;settings.png&quot; /&gt;\n[/caption]',
    );
    // At the margin, as before.
    expect(withAdmonitions('Steps:\n\n!!! note "Title"\n    The content.').body).toBe('Steps:\n\n> **Title**\n> The content.');
  });

  it('reads lines as markdown-it parses them: quotes, lists, lazy lines, tabs, tables and HTML blocks of each kind, in generated text', () => {
    const parser = new MarkdownIt('default', { html: true });
    // What markdown-it makes each line: the lines of its fences, code blocks and HTML blocks (blank lines in code are prose to both).
    const parsed = (lines: readonly string[]): CodeLine[] => {
      const kinds: CodeLine[] = lines.map(() => undefined);
      for (const token of parser.parse(lines.join('\n'), {})) {
        if (!token.map) continue;
        const html = /^\s*<(?:script|pre|style|textarea|!|\?)/i.test(token.content) ? 'verbatim' : 'html';
        const kind = token.type === 'fence' ? 'fenced' : token.type === 'code_block' ? 'indented' : token.type === 'html_block' ? html : undefined;
        for (let i = token.map[0]; i < token.map[1]; i++) kinds[i] = kind;
      }
      return kinds;
    };
    // A blank line in indented code, or the last line when blank (markdown-it leaves it out of what runs to the end), is prose to both.
    const prose = (kinds: CodeLine[], lines: readonly string[]): CodeLine[] =>
      kinds.map((k, i) => ((k === 'indented' || i === lines.length - 1) && lines[i]!.trim() === '' ? undefined : k));
    const indents = ['', '', '', '  ', '   ', '    ', '\t', '        ', '      ', '> ', '> > ', '- ', '1. ', '  - ', '    - ', '- > ', '> - '];
    const texts = ['```', '``` js', '~~~', '````', 'Text', 'More text', '<div>', '</div>', '<pre>', '</pre>', '<pre>x</pre>', '<!--', '-->', '<!-- c -->', '<span>'];
    texts.push('<a href="x">', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>', '<script>', '</script>', '# Heading', '---', '***', '===', '| a | b |', '|---|---|');
    texts.push('[a]: /u', '', '', '-', '1.', '2.', '{% raw %}');
    let state = 2463534242;
    const random = (n: number): number => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % n;
    };
    const differ: string[] = [];
    for (let run = 0; run < 20_000 && differ.length < 5; run++) {
      const lines = Array.from({ length: 1 + random(8) }, () => {
        const indent = indents[random(indents.length)]! + (random(3) === 0 ? indents[random(indents.length)]! : '');
        return indent + texts[random(texts.length)]!;
      });
      const want = prose(parsed(lines), lines);
      const got = prose(lines.map(codeLines({ commonMark: true })), lines);
      if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${JSON.stringify(lines.join('\n'))}: ${JSON.stringify(got)}, markdown-it ${JSON.stringify(want)}`);
    }
    expect(differ).toEqual([]);
  });

  it('reads lines in time linear in the text, in list items too', async () => {
    const shapes = [
      (n: number) => '- Step\n\n    ```\n    x\n    ```\n'.repeat(n),
      (n: number) => `- Step\n\n    \`\`\`\n${'    x\n'.repeat(n)}`,
      (n: number) => `1. ${' '.repeat(n)}\`\`\``,
      // Quotes and items as deep as they are read, then blank lines each item stays open over, and lazy lines.
      (n: number) => `${'> - '.repeat(60)}Text\n${'\n'.repeat(n)}`,
      (n: number) => `${'> '.repeat(60)}Text\n${'        <div>\n'.repeat(n)}`,
      (n: number) => `${'- '.repeat(60)}Text\n${'    > x\n'.repeat(n)}`,
      // HTML blocks, tabs and tables.
      (n: number) => `<div>\n${'\t<pre>\n'.repeat(n)}`,
      (n: number) => `| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(n)}`,
      (n: number) => `${'\t'.repeat(n)}\`\`\``,
      // A long run of backticks with a backtick later on its line (regression: a lookahead retried for each shorter run).
      (n: number) => `${'`'.repeat(n)}${'a'.repeat(n)}\``,
    ];
    for (const shape of shapes) {
      for (const commonMark of [false, true]) {
        const growth = await costGrowth((n) => shape(n).split('\n').map(codeLines({ commonMark })), 2_000, 20_000, 4);
        expect(growth).toBeLessThan(4);
      }
    }
  });
});
