import { describe, expect, it } from 'vitest';
import { withoutAttributeMarks } from '../../src/seed/attribute-marks.js';
import { readMarkdownSeed } from '../../src/seed/markdown.js';
import { costGrowth } from '../support/linear.js';

describe('withoutAttributeMarks', () => {
  it("leaves out kramdown's attribute lists, its table of contents and comments, and heading ids", () => {
    const body = [
      '* TOC',
      '{:toc}',
      '',
      '## Prices {#prices}',
      '',
      'The [timetable](/t/){: .btn .btn--primary} and ![Map](map.png){:.center}.',
      '{: .notice}',
      '',
      '# Title {: #top .big}',
      '{:ref-name: .note}',
      '{::comment}',
      'Draft note.',
      '{:/comment}',
      '{::options parse_block_html="true" /}Kept text.',
    ].join('\n');
    expect(withoutAttributeMarks(body)).toEqual({
      body: ['', '', '', '## Prices', '', 'The [timetable](/t/) and ![Map](map.png).', '', '', '# Title', '', '', '', '', 'Kept text.'].join('\n'),
      changed: true,
    });
  });

  it('leaves text that only looks like a mark, and code, as written', () => {
    const body = [
      'A set {: x} after a space, {#not} in text, and ## not a heading {#x}.',
      '- One item',
      '- Two',
      '',
      '`{: .in-code}` and ``x{:y}``',
      '',
      '```',
      '{: .in-fence}',
      '## Code {#id}',
      '```',
      '',
      '    {: .indented}',
    ].join('\n');
    expect(withoutAttributeMarks(body)).toEqual({ body, changed: false });
    // A list that no {:toc} follows stays.
    expect(withoutAttributeMarks('* TOC\n\n{: .x}').body).toBe('* TOC\n\n');
  });

  it('gives readers none of them in a Jekyll post', () => {
    const seed = readMarkdownSeed('---\ntitle: Quay\n---\n* TOC\n{:toc}\n\nThe quay ![pier](p.png){: .center-image } reopened.\n{: .lead}\n');
    expect(seed.html).toBe('<p>The quay <img src="p.png" alt="pier"> reopened.</p>\n');
  });

  it('reads in time linear in the text', async () => {
    const text = (n: number): string => `# a${' '.repeat(n)}{#x\n${'x{:'.repeat(n)}\n${'`'.repeat(n)}{:a}\n${'{'.repeat(n)}\n{::comment}${'\n'.repeat(n)}`;
    const growth = await costGrowth((n) => withoutAttributeMarks(text(n)), 2000, 20000, 4);
    expect(growth).toBeLessThan(4);
  });
});
