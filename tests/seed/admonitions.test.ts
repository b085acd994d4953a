import { describe, expect, it } from 'vitest';
import { withAdmonitions } from '../../src/seed/admonitions.js';
import { readMarkdownSeed } from '../../src/seed/markdown.js';
import { costGrowth } from '../support/linear.js';

describe("MkDocs' admonitions, collapsible blocks and content tabs", () => {
  it('are quotes opening with their title in bold, their content dedented, line for line', () => {
    expect(withAdmonitions('Text.\n\n!!! warning "Material for MkDocs is now in maintenance mode"\n\n    We want to be transparent.\n\n    More.\n\nAfter.\n')).toEqual({
      body: 'Text.\n\n> **Material for MkDocs is now in maintenance mode**\n>\n> We want to be transparent.\n>\n> More.\n\nAfter.\n',
      count: 1,
    });
    // Without a title, the type's name; with "", none; collapsible blocks alike.
    expect(withAdmonitions('!!! note\n    Text.').body).toBe('> **Note**\n> Text.');
    expect(withAdmonitions('??? tip ""\n    Text.').body).toBe('>\n> Text.');
    expect(withAdmonitions('???+ example inline end "Open"\n    Text.').body).toBe('> **Open**\n> Text.');
  });

  it('write a tab as its name in bold, and read blocks and code within them', () => {
    const body = '=== "docs/page.md"\n\n    ``` markdown\n    # Document title\n    ```\n\n=== "search_index.json"\n\n    !!! note\n        Nested.\n';
    const out = withAdmonitions(body);
    expect(out.body.split('\n')).toEqual(['**docs/page.md**', '', '``` markdown', '# Document title', '```', '', '**search_index.json**', '', '> **Note**', '> Nested.', '']);
    expect(out.count).toBe(3);
  });

  it('are none without indented content, in code, or as other text', () => {
    for (const text of ['!!! note\nNot indented.', '```\n!!! note\n    code\n```', 'Wow!!! Great news\n    indented code', 'Title\n===\n', '=== no title\n    x'])
      expect(withAdmonitions(text)).toEqual({ body: text, count: 0 });
  });

  it('are code where CommonMark reads code: indented after a blank line, fenced, or in raw HTML', () => {
    const code = [
      // A post showing how to write them.
      'Write:\n\n    !!! note "Title"\n        The content.\n',
      'Tabs:\n\n    === "Python"\n        print("hi")\n\n    === "Go"\n        fmt.Println("hi")\n',
      '```\n!!! note\n    code\n```',
      '~~~ markdown\n??? tip "Open"\n    code\n~~~',
      '<pre>\n!!! note "Title"\n    The content.\n</pre>',
      '<script type="text/x-markdown">\n=== "Python"\n    print("hi")\n</script>',
      '<!-- draft\n\n!!! warning\n    Not yet.\n-->',
      '<div class="example">\n!!! note\n    Shown as written.\n',
      '<span class="example">\n!!! note\n    Shown as written.\n',
    ];
    for (const text of code) expect(withAdmonitions(text), text).toEqual({ body: text, count: 0 });
    // Where the code or HTML ends, blocks are read again; a fence within <pre> opens none.
    expect(withAdmonitions('<!--\n!!! note\n    x\n-->\n\n!!! tip\n    y').body).toBe('<!--\n!!! note\n    x\n-->\n\n> **Tip**\n> y');
    expect(withAdmonitions('<pre>\n```\n</pre>\n!!! tip\n    y').body).toBe('<pre>\n```\n</pre>\n> **Tip**\n> y');
    expect(withAdmonitions('<div markdown>\n\n!!! tip\n    y\n\n</div>').body).toBe('<div markdown>\n\n> **Tip**\n> y\n\n</div>');
    expect(withAdmonitions('Write:\n\n    !!! note\n        x\n\n!!! tip\n    y').body).toBe('Write:\n\n    !!! note\n        x\n\n> **Tip**\n> y');
    // A tag after a paragraph's line is in the paragraph, and opens no HTML block.
    expect(withAdmonitions('Text\n<span>\n!!! tip\n    y').body).toBe('Text\n<span>\n> **Tip**\n> y');
    // In a list item, four spaces are the item's, not code.
    expect(withAdmonitions('- Step\n\n    !!! note\n        x').body).toBe('- Step\n\n    > **Note**\n    > x');
    const seed = readMarkdownSeed('---\ntitle: Admonitions\n---\nWrite:\n\n    !!! note "Title"\n        The content.\n', { file: 'docs/blog/posts/syntax.md' });
    expect(seed.html).toContain('<pre><code>!!! note &quot;Title&quot;\n    The content.\n</code></pre>');
  });

  it('reach readers as a quote, not as code', () => {
    const seed = readMarkdownSeed('---\ntitle: Goodbye\ndate: 2025-11-18\n---\nIntro.\n\n!!! warning "Maintenance mode"\n\n    We want to be transparent about the risks.\n', {
      file: 'docs/blog/posts/goodbye.md',
    });
    expect(seed.sections[0]!.blocks).toEqual([
      { kind: 'paragraph', text: 'Intro.' },
      { kind: 'quote', text: 'Maintenance mode We want to be transparent about the risks.' },
    ]);
    expect(seed.html).toContain('<blockquote>\n<p><strong>Maintenance mode</strong></p>\n<p>We want to be transparent about the risks.</p>\n</blockquote>');
  });

  it('keep the lines of the file, so later warnings name the right one', () => {
    const lines: (number | undefined)[] = [];
    readMarkdownSeed('---\ntitle: T\n---\nIntro.\n\n!!! note\n\n    Text.\n\nThen {% include x.html %} here.\n', { file: 'p.md', onWarning: (d) => lines.push(d.line) });
    expect(lines).toEqual([10]);
  });

  it('are read in time linear in the text, however deep they nest', async () => {
    const nested = (n: number): string => Array.from({ length: n }, (_, k) => `${' '.repeat(4 * (k % 40))}!!! note`).join('\n');
    for (const shape of [(n: number) => '!!! note\n    x\n'.repeat(n), nested]) {
      const growth = await costGrowth((n) => withAdmonitions(shape(n)), 2_000, 20_000, 4);
      expect(growth).toBeLessThan(4);
    }
  });

  it('read each line a bounded number of times, whatever opens on it: cost per MB from 100 KB to 1 MB', async () => {
    // About `bytes` of text: `line(k)` for k = 0, 1, 2, …
    const text = (bytes: number, line: (k: number) => string): string => {
      const lines: string[] = [];
      for (let size = 0, k = 0; size < bytes; k++) {
        lines.push(line(k));
        size += lines[k]!.length + 1;
      }
      return lines.join('\n');
    };
    const shapes: Record<string, (bytes: number) => string> = {
      // Openers that are none (no type, a tab without its name), each deeper than the one before.
      'deepening openers without a type': (bytes) => text(bytes, (k) => `${' '.repeat(4 * k)}!!! "t"`),
      'deepening tabs without a name': (bytes) => text(bytes, (k) => `${' '.repeat(4 * k)}=== tab`),
      'deepening openers within a block': (bytes) => text(bytes, (k) => (k === 0 ? '!!! note' : `${' '.repeat(4 * k)}??? "t"`)),
      'openers without content': (bytes) => text(bytes, (k) => ['!!! note', '??? tip ""', '=== "x"', ''][k % 4]!),
      // Blocks within blocks, past the depth read, each run ending in content.
      'content nested many levels': (bytes) => text(bytes, (k) => `${' '.repeat(4 * (k % 41))}${k % 41 === 40 ? 'Text.' : '!!! note "t"'}`),
      // A mark, then spaces and tabs, about the text's square root over 16 of them (18 at 100 KB, 62 at 1 MB), then neither a type nor a title.
      ...Object.fromEntries(
        ['!!!', '???+', '==='].map((mark) => [
          `${mark} then a long blank run`,
          (bytes: number) => text(bytes, (k) => `${mark}${' \t'.repeat(Math.sqrt(bytes) / 32)}${k % 2 === 0 ? '.' : ' x.'}`),
        ]),
      ),
    };
    for (const [name, shape] of Object.entries(shapes)) {
      const made = new Map<number, string>();
      const input = (bytes: number): string => made.get(bytes) ?? made.set(bytes, shape(bytes)).get(bytes)!;
      const growth = await costGrowth((bytes) => withAdmonitions(input(bytes)), 100_000, 1_000_000, 2.5);
      expect(growth, `${name}: cost per MB grew ${growth.toFixed(2)}× from 100 KB to 1 MB`).toBeLessThan(2.5);
    }
  }, 120_000);
});
