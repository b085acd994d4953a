import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { readSeed } from '../../src/seed/index.js';
import { withoutMdxSyntax } from '../../src/seed/mdx.js';
import { costGrowth } from '../support/linear.js';

const post = [
  '---',
  'title: Harbour report',
  'date: 2024-05-01',
  '---',
  '',
  "import Chart from '../components/Chart.astro';",
  'import {',
  '  Tabs,',
  '  TabItem,',
  "} from '@astrojs/starlight/components';",
  '',
  'export const year = 2024;',
  '',
  'More ships came in {year}, the office said.',
  '',
  '<Chart data={[1, 2, 3]} onHover={() => show()} />',
  '',
  '<Callout type="note">',
  'Ships are **late** this week.',
  '</Callout>',
  '',
  '<Tabs>',
  '  <TabItem label="North">',
  '    The north quay is open.',
  '  </TabItem>',
  '</Tabs>',
  '',
  '<Figure',
  '  src="/img/quay.jpg"',
  '  caption={`The quay`}',
  '/>',
  '',
  "{/* an editor's note */}",
  '',
  '{posts.map((p) => (',
  '  <li>{p.title}</li>',
  '))}',
  '',
  'Write `<Chart />` and \\{braces\\} literally; a <em>real</em> tag stays.',
  '',
  '```jsx',
  '<Chart data={[1]} />',
  '```',
].join('\n');

describe('MDX seeds', () => {
  it('keep the prose and what components hold, without modules, tags and expressions', () => {
    const warnings: Diagnostic[] = [];
    const seed = readSeed(post, { file: 'posts/harbour.mdx', onWarning: (d) => warnings.push(d) });
    expect(seed.kind).toBe('markdown');
    expect(seed.sections.flatMap((s) => s.blocks)).toEqual([
      { kind: 'paragraph', text: 'More ships came in, the office said.' },
      { kind: 'paragraph', text: 'Ships are late this week.' },
      { kind: 'paragraph', text: 'The north quay is open.' },
      { kind: 'paragraph', text: 'Write <Chart /> and {braces} literally; a real tag stays.' },
      { kind: 'code', text: '<Chart data={[1]} />' },
    ]);
    expect(seed.html).toContain('<em>real</em>');
    expect(seed.html).not.toMatch(/import|Callout|TabItem|Figure|posts\.map|editor/);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'W_TEMPLATE_TAG',
        file: 'posts/harbour.mdx',
        line: 14,
        message: expect.stringContaining('left out 7 MDX components and expressions storyfeed does not render, keeping what components hold (first: {year} on line 14)'),
      }),
    ]);
  });

  it('are read as MDX only by their extension: the same text in a .md file is Markdown as written', () => {
    const seed = readSeed(post, { file: 'posts/harbour.md', onWarning: () => undefined });
    expect(seed.html).toContain('import Chart');
  });

  it('keep their line count, so later warnings name the seed’s lines', () => {
    const body = post.split('\n---\n')[1]!;
    expect(withoutMdxSyntax(body).body.split('\n')).toHaveLength(body.split('\n').length);
  });

  it('leave text that is no component or expression as written: comparisons, unclosed braces, lowercase tags', () => {
    for (const line of ['If a < b and c > d, we sail.', 'A <b>bold</b> word.', 'An unclosed {brace stays.', 'Hearts <3 ships.', 'Unclosed <Tag with no end'])
      expect(withoutMdxSyntax(line)).toEqual({ body: line, count: 0 });
    // An import word inside a paragraph is prose.
    expect(withoutMdxSyntax('Ships\nimport grain.').body).toBe('Ships\nimport grain.');
  });

  it('read an indented line as text, as MDX has no indented code', () => {
    expect(withoutMdxSyntax('<Note>\n    Indented words.\n</Note>').body).toBe('\nIndented words.\n');
    expect(withoutMdxSyntax('- Item\n        deeper').body).toBe('- Item\n    deeper');
  });

  it('are read in time linear in their size, whatever their braces and tags', async () => {
    const shapes = [
      (n: number) => '<A'.repeat(n),
      (n: number) => '{'.repeat(n),
      (n: number) => '<A {'.repeat(n),
      (n: number) => `${'{'.repeat(n)}${'}'.repeat(n)}`,
      (n: number) => '<A\n'.repeat(n),
      (n: number) => '{\n'.repeat(n),
      (n: number) => 'import x\n'.repeat(n),
      (n: number) => '`<A />` {x} '.repeat(n),
      // Many expressions and tags taken out of one line, each with the spaces and marks around it.
      (n: number) => 'word {x}, <A /> word '.repeat(n),
    ];
    for (const shape of shapes) {
      // Tenfold the size: linear stays near ×1, quadratic near ×10.
      const growth = await costGrowth((n) => withoutMdxSyntax(shape(n)), 5000, 50000, 4);
      expect(growth).toBeLessThan(4);
    }
  });
});
