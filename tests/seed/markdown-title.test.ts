import { describe, expect, it } from 'vitest';
import { StoryfeedError } from '../../src/errors.js';
import { readMarkdownSeed } from '../../src/seed/markdown.js';
import { costGrowth } from '../support/linear.js';

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
  const untitled = (body: string) => readMarkdownSeed(`---\ndate: 2024-01-05\n---\n${body}`, { file: 'a.md' });

  it('is plain text: inline Markdown and HTML read as a heading is (regression: **Bold first line** was the title as written)', () => {
    const lines = [
      ['**Bold first line**', 'Bold first line'],
      ['> A quote first line', 'A quote first line'],
      ['- A list item first', 'A list item first'],
      ['Using `npm` &amp; <em>yarn</em> [today](https://x.example/)', 'Using npm & yarn today'],
      ['## A second-level heading', 'A second-level heading'],
    ];
    for (const [line, title] of lines) {
      const seed = untitled(`${line}\n\nBody text.\n`);
      expect(seed.title, line).toBe(title);
      expect(seed.sections, line).toEqual([{ heading: null, blocks: [{ kind: 'paragraph', text: 'Body text.' }] }]);
    }
  });

  it('is never a line of markup alone (an image, HTML without text, code): the next line of text is, and the markup stays in the body', () => {
    const readme = readMarkdownSeed('<p align="center"><img src="logo.png"></p>\n\n# Project\n\nBody text.\n', { file: 'README.md' });
    expect(readme.title).toBe('Project');
    expect(readme.html).toContain('<img src="logo.png">');
    expect(readme.html).not.toContain('Project');
    expect(readme.sections).toEqual([{ heading: null, blocks: [{ kind: 'paragraph', text: 'Body text.' }] }]);
    expect(untitled('![Logo](logo.png)\n<div align="center">\n  <img src="x.png">\n</div>\n\nThe real headline\n\nBody.\n').title).toBe('The real headline');
    expect(untitled('```\nconst x = 1;\n```\nHeadline after code\n\nBody.\n').title).toBe('Headline after code');
  });

  it('is an E_EMPTY error naming the file when no line has text', () => {
    for (const body of ['![Logo](logo.png)\n', '<p align="center"><img src="logo.png"></p>\n\n<br>\n', '```\ncode only\n```\n']) {
      const error = (() => {
        try {
          untitled(body);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error, body).toBeInstanceOf(StoryfeedError);
      expect(error, body).toMatchObject({ code: 'E_EMPTY', file: 'a.md', line: 4 });
      expect((error as StoryfeedError).message, body).toContain('no line of text to be its headline');
    }
  });

  it('is found in time linear in the lines before it', async () => {
    // Code and blank lines are passed over, never parsed one by one; lines of markup alone are read up to a bound.
    const shape = (n: number): string => `\`\`\`\n${'x = 1\n\n'.repeat(n)}\`\`\`\n${'<br>\n'.repeat(Math.min(n, 40))}Headline\n\nBody.\n`;
    const growth = await costGrowth((n) => readMarkdownSeed(shape(n)), 2000, 20000, 4);
    expect(growth).toBeLessThan(4);
    expect(() => readMarkdownSeed('<br>\n'.repeat(20_000))).toThrow(/no line of text/);
  });
});
