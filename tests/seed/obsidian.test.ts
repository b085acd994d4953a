import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { readMarkdownSeed } from '../../src/seed/markdown.js';
import { withoutObsidianMarks, withoutObsidianSyntax } from '../../src/seed/obsidian.js';
import { costGrowth } from '../support/linear.js';

const blocks = (text: string) => readMarkdownSeed(`---\ntitle: Note\n---\n${text}`, { onWarning: () => undefined }).sections.flatMap((s) => s.blocks);

describe("Obsidian's comments", () => {
  it('takes out a comment within a line with what it holds, one space between the words around it', () => {
    expect(withoutObsidianMarks('The harvest %%check with the co-op%% was large.')).toEqual({ line: 'The harvest was large.', open: false });
    expect(withoutObsidianMarks('%%draft%% The harvest was large. %%TODO%%').line).toBe('The harvest was large.');
    expect(blocks('The harvest was large.\n\n%%private: do not publish%%\n\nPrices fell.\n')).toEqual([
      { kind: 'paragraph', text: 'The harvest was large.' },
      { kind: 'paragraph', text: 'Prices fell.' },
    ]);
  });

  it('takes out a comment over several lines, from a line of text or its own, keeping the text after its end and the lines after it', () => {
    const body = 'The harvest was large. %%Editor:\ndo not publish the embargoed numbers\n(4.2 million).%% Prices fell.\n\n%%\nanother note\n%%\nMore text.\n';
    expect(blocks(body)).toEqual([
      { kind: 'paragraph', text: 'The harvest was large. Prices fell.' },
      { kind: 'paragraph', text: 'More text.' },
    ]);
    // Lines dropped inside a paragraph come back at the next blank line: the body keeps the seed's line count.
    const { body: out } = withoutObsidianSyntax('First line\n%%\nnote\n%%\nsecond line.\n\nNext.\n');
    expect(out).toBe('First line\nsecond line.\n\n\n\n\nNext.\n');
    expect(out.split('\n').length).toBe(8);
  });

  it('leaves a %% with no closing mark, and marks in code, as written', () => {
    for (const text of ['Growth of 100%% this year.', 'Write `%%note%%` to hide a note.', 'Open %% here\nand never closed.'])
      expect(withoutObsidianSyntax(`${text}\n`).body, text).toBe(`${text}\n`);
    // A mark only in code closes nothing; a fenced block is code.
    const code = 'Up 100%% on the year.\n\n```\n%% not a comment %%\n```\n\nSee `%%` for comments.\n';
    expect(withoutObsidianSyntax(code).body).toBe(code);
    expect(blocks('Text\n\n    %%indented code%%\n')).toEqual([
      { kind: 'paragraph', text: 'Text' },
      { kind: 'code', text: '%%indented code%%' },
    ]);
  });

  it('never shows what a comment holds, in a warning either', () => {
    const warnings: Diagnostic[] = [];
    const seed = readMarkdownSeed('---\ntitle: Note\n---\nText. %%secret {{< param "x" >}}%%\n\n%%\n{% include secret.html %}\n%%\n', {
      onWarning: (d) => warnings.push(d),
    });
    expect(JSON.stringify(seed)).not.toMatch(/secret/);
    expect(warnings).toEqual([]);
  });
});

describe("Obsidian's wikilinks, embeds and callouts", () => {
  it('shows a wikilink as its text: the alias, else the page name, else the heading', () => {
    expect(withoutObsidianMarks('See [[Other Page]], [[Other Page|the alias]], [[Page#Prices]] and [[#Prices]].').line).toBe('See Other Page, the alias, Page and Prices.');
    // In a table the bar is escaped.
    expect(withoutObsidianMarks('| [[Page\\|alias]] | 2 |').line).toBe('| alias | 2 |');
  });

  it('leaves out embeds, and leaves links, escaped brackets, empty brackets and code as written', () => {
    expect(withoutObsidianMarks('A map: ![[map.png]] and text ![[note#part]].').line).toBe('A map: and text.');
    for (const text of ['[[1]](https://example.com/) a link', 'Escaped \\[[x]] text', 'Empty [[]] and [[|]] pair', 'Code `[[Page]]` here', 'Open [[ pair'])
      expect(withoutObsidianMarks(text).line, text).toBe(text);
  });

  it('shows a callout as a quote with its title in bold, or its type capitalised, in place of the marker', () => {
    expect(withoutObsidianSyntax('> [!note] Callout title\n> Callout body text.\n').body).toBe('> **Callout title**\\\n> Callout body text.\n');
    expect(withoutObsidianSyntax('> [!TIP]-\n> Fold me.\n\n> [!warning]\n').body).toBe('> **Tip**\\\n> Fold me.\n\n> **Warning**\n');
    // Only a quote's first line opens a callout; code is code.
    for (const text of ['> Quote\n> [!note] text\n', '    > [!note] code\n', '[!note] not a quote\n']) expect(withoutObsidianSyntax(text).body, text).toBe(text);
  });

  it('reads an Obsidian note as a reader should see it', () => {
    const seed = readMarkdownSeed(
      '---\ntitle: Note\n---\nLinks to [[Other Page]] and [[Other Page|alias text]] and ![[image.png]].\n\n> [!note] Callout title\n> Callout body text.\n\n%%private: do not publish%%\n',
    );
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'Links to Other Page and alias text and.' },
      { kind: 'quote', text: 'Callout title Callout body text.' },
    ]);
    expect(seed.html).toContain('<strong>Callout title</strong><br>');
    expect(seed.html).not.toMatch(/\[\[|\[!note|private|%%/);
  });

  it('reads a body in time linear in its length, whatever its marks', async () => {
    const shapes = [
      (n: number) => '%%'.repeat(2 * n + 1),
      (n: number) => `${'%% a '.repeat(n)}\n${'b\n'.repeat(n)}%%`,
      (n: number) => '%%\n'.repeat(n),
      (n: number) => `${'`%%` a %% '.repeat(n)}\n`,
      (n: number) => '[[a '.repeat(n),
      (n: number) => `${'[['.repeat(n)}]]`,
      (n: number) => '![[a]] [[b|c]] '.repeat(n),
      (n: number) => `${'> '.repeat(n)}[!note] x\n`,
      (n: number) => '> [!note]\n'.repeat(n),
    ];
    for (const shape of shapes) {
      // Tenfold the size: linear stays near ×1, quadratic near ×10.
      const growth = await costGrowth((n) => withoutObsidianSyntax(shape(n)), 2000, 20000, 4);
      expect(growth).toBeLessThan(4);
    }
    // 200,000 marks: an even run is comments, nothing left.
    expect(withoutObsidianSyntax('%%'.repeat(200_000)).body).toBe('');
  });
});
