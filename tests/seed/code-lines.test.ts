import { describe, expect, it } from 'vitest';
import { withAdmonitions } from '../../src/seed/admonitions.js';
import { closesFence, codeLines, indentedCode } from '../../src/seed/code-lines.js';
import { readMarkdownSeed } from '../../src/seed/markdown.js';
import { withoutWordpressCaptions } from '../../src/seed/wordpress-captions.js';
import { costGrowth } from '../support/linear.js';

describe('code lines', () => {
  it('tells indented code from a list item continued four spaces in', () => {
    const isCode = indentedCode();
    const kinds = ['Text', '', '    code', '- Step one', '', '    continues the step', '\tstill the step', '        code in the step', 'Back at the margin', '    code again'].map(
      isCode,
    );
    expect(kinds).toEqual([false, false, true, false, false, false, false, true, false, true]);
    // A numbered item too; a blank line keeps the list open.
    const again = indentedCode();
    expect(['1. First', '', '', '    more of it'].map(again)).toEqual([false, false, false, false]);
  });

  it('closes a fence with a run of the same mark, at least as long, alone on its line', () => {
    expect(closesFence('```', '```')).toBe(true);
    expect(closesFence('  ````  ', '```')).toBe(true);
    expect(closesFence('~~~', '```')).toBe(false);
    expect(closesFence('``', '```')).toBe(false);
    expect(closesFence('``` js', '```')).toBe(false);
  });

  it("reads a fence in a list item as CommonMark does: up to three spaces right of the item's text", () => {
    const kinds = (text: string): ('fenced' | 'indented' | undefined)[] => text.split('\n').map(codeLines());
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

  it('reads lines in time linear in the text, in list items too', async () => {
    const shapes = [
      (n: number) => '- Step\n\n    ```\n    x\n    ```\n'.repeat(n),
      (n: number) => `- Step\n\n    \`\`\`\n${'    x\n'.repeat(n)}`,
      (n: number) => `1. ${' '.repeat(n)}\`\`\``,
    ];
    for (const shape of shapes) {
      const growth = await costGrowth((n) => shape(n).split('\n').map(codeLines()), 2_000, 20_000, 4);
      expect(growth).toBeLessThan(4);
    }
  });
});
