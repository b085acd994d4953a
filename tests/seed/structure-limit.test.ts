import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { problemOf } from '../support/problems.js';
import { buildFeeds } from '../../src/pipeline.js';
import { readSeed } from '../../src/seed/index.js';
import { renderMarkdown } from '../../src/seed/markdown.js';
import { checkSeedStructure, DEFAULT_MAX_SEED_BYTES, SEED_BYTES_PER_UNIT, seedUnitLimit } from '../../src/seed/structure-limit.js';

/** The units `text` holds: the smallest limit it passes. */
function unitsOf(text: string, kind: 'text' | 'markdown' | 'html'): number {
  let lo = 0;
  let hi = 1;
  // Doubled until it passes: a table's row can be many units.
  for (;;) {
    try {
      checkSeedStructure(text, { kind, limit: hi });
      break;
    } catch {
      hi *= 2;
    }
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      checkSeedStructure(text, { kind, limit: mid });
      hi = mid;
    } catch {
      lo = mid + 1;
    }
  }
  return lo;
}

// A small cap keeps the texts small: 1,000 units.
const maxSeedBytes = 1_000 * SEED_BYTES_PER_UNIT;
const LIMIT = 1_000;

describe('the structure a seed may have', () => {
  it('is one unit per 25 bytes of the size cap: 200,000 at the default 5 MB', () => {
    expect(seedUnitLimit()).toBe(DEFAULT_MAX_SEED_BYTES / SEED_BYTES_PER_UNIT);
    expect(seedUnitLimit()).toBe(200_000);
    expect(seedUnitLimit(maxSeedBytes)).toBe(LIMIT);
  });

  it.each([
    ['a line of text', 'text', 'Some words here', 1],
    ['a line in Markdown', 'markdown', 'Some words here', 1],
    ['a list item', 'markdown', '- an item', 3],
    ['a numbered item: a run of digits is one marker', 'markdown', '2024. a year', 3],
    ['a heading: a run of one marker counts once', 'markdown', '### A heading', 3],
    ['nested blocks: each marker', 'markdown', '> - 1. a', 7],
    ['emphasis and a link', 'markdown', 'An *emphasis* and [a link](https://x.example).', 5],
    ['a table row', 'markdown', '| a | b |', 4],
    ['a line of text starting with a number', 'text', '2024 was a year', 1],
    ['HTML: a start tag each, end tags and entities none', 'html', '<p>a &amp; <b>b</b> <i>c</i></p>', 3],
    ['a nested quote: each >', 'markdown', '>>> a', 7],
    ['nested ordered lists', 'markdown', '1. 2) 3. a', 7],
    ['markers alternating', 'markdown', '-+-+', 9],
    // Five blank lines a time (the four written and the line's own end), 3,000 times: 15,000 lines, a quarter each.
    ['blank lines, a quarter each', 'markdown', '\n\n  \n\t\n', 5 / 4],
  ] as const)('counts %s', (_, kind, line, units) => {
    // Repeated past the limit's length, so the text is scanned: the count is the line's times the lines.
    const lines = 3 * LIMIT;
    const text = `${line}\n`.repeat(lines);
    expect(unitsOf(text, kind)).toBe(units * lines);
  });

  it('scans Markdown of any length: a character can be two units', () => {
    // 501 characters, 753 units: three for each of 251 headings.
    expect(() => checkSeedStructure(`${'#\n'.repeat(250)}#`, { kind: 'markdown', limit: 752 })).toThrow(/more than 752/);
    expect(() => checkSeedStructure(`${'#\n'.repeat(250)}#`, { kind: 'markdown', limit: 753 })).not.toThrow();
    // 10 characters, 21 units.
    expect(() => checkSeedStructure('-+'.repeat(5), { kind: 'markdown', limit: 20 })).toThrow(/more than 20/);
    expect(() => checkSeedStructure('-+'.repeat(5), { kind: 'markdown', limit: 21 })).not.toThrow();
  });

  it("counts every cell of a table, written or not: rows are filled up to the delimiter row's columns", () => {
    const header = `|a|\n|${'-|'.repeat(100)}\n`;
    // The header line (a line and two pipes), the delimiter row (1 + 101 pipes + 100 header cells), each row (1 + 100 cells).
    expect(unitsOf(header + 'a\n'.repeat(1000), 'markdown')).toBe(3 + 202 + 1000 * 101);
    // A blank line ends the table: what follows counts as text again (its first line starts a paragraph: a unit more).
    expect(unitsOf(`${header}a\n\n${'a\n'.repeat(1000)}`, 'markdown')).toBe(3 + 202 + 101 + 1000 + 1);
    // Lines of dashes without a pipe (a rule, a heading's underline) make no table.
    expect(unitsOf(`Title\n---\n${'a\n'.repeat(1000)}`, 'markdown')).toBe(1 + 3 + 1000);
    // Refused before parsing: 15 KB of such a table took 548 MB to normalize.
    const dense = `A headline\n\nText.\n\n|h|\n|${'-|'.repeat(181)}\n${'a\n'.repeat(10)}`;
    expect(problemOf(() => readSeed(dense, { file: 'seeds/t.md', maxSeedBytes })).code).toBe('E_TOO_LARGE');
  });

  it.each([
    ['a lone CR', '\r'],
    ['CR LF', '\r\n'],
    ['LF', '\n'],
  ])('ends lines at %s, as the readers do', (_, end) => {
    const text = `${'- a'}${end}`.repeat(LIMIT);
    expect(unitsOf(text, 'markdown')).toBe(3 * LIMIT);
    const error = problemOf(() => readSeed(`A headline${end}${end}${`- a${end}`.repeat(LIMIT / 3 + 1)}`, { file: 'seeds/a.md', maxSeedBytes }));
    // The headline (1), then three units a line and one more for the first (after a blank line): 2 + 3k passes the limit.
    expect(error).toMatchObject({ code: 'E_TOO_LARGE', line: 2 + Math.floor((LIMIT - 2) / 3) + 1 });
  });

  it("counts control characters as the text they are to a parser (a seed's are taken out before it is counted)", () => {
    // A line of a control character is a paragraph to markdown-it: 399,000 of them as an item's Markdown took 692 MB.
    expect(unitsOf('\u0001\n\n'.repeat(3 * LIMIT), 'markdown')).toBe(3 * LIMIT * 2 - 1 + Math.floor((3 * LIMIT) / 4));
    // In a seed they are taken out first: the markers behind them count.
    const seed = `A headline\n\n${'\u0001- - a\n'.repeat(LIMIT / 5)}`;
    expect(problemOf(() => readSeed(seed, { file: 'seeds/a.md', maxSeedBytes })).code).toBe('E_TOO_LARGE');
  });

  it('counts the cells of a table in a quote', () => {
    const table = `> |a|\n> |${'-|'.repeat(100)}\n${'> a\n'.repeat(100)}`;
    expect(unitsOf(table, 'markdown')).toBeGreaterThan(100 * 100);
  });

  it.each([
    ['an MDX expression', 'seeds/a.mdx', '{x}'],
    ['an MDX component', 'seeds/a.mdx', '<X />'],
    ['a Hugo shortcode', 'seeds/a.md', '{{< x >}}'],
    ['a Liquid tag', 'seeds/a.md', '{% x %}'],
  ])('counts again what the parser gets once %s before the markers is taken out', (_, file, prefix) => {
    // As written, the prefix ends each line's markers (at most three units a line); taken out, each line opens
    // five lists (eleven units): 50 lines pass, 100 do not.
    const seed = `A headline\n\nA paragraph.\n\n${`${prefix}- - - - - a\n`.repeat(50)}`;
    expect(() => readSeed(seed, { file, maxSeedBytes })).not.toThrow();
    const dense = `A headline\n\nA paragraph.\n\n${`${prefix}- - - - - a\n`.repeat(LIMIT / 10)}`;
    const error = problemOf(() => readSeed(dense, { file, maxSeedBytes }));
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.message).toContain(file);
    expect(error.message).toContain('once what storyfeed leaves out (MDX syntax, template tags, attribute marks) is taken out');
    expect(error.line).toBeUndefined();
  });

  const seedShapes: [string, string, number][] = [
    ['one-character lines', 'a\n', 1],
    ['empty headings', '#\n', 3],
    ['list items', '- a\n', 3],
    ['nested list items', '- - - a\n', 7],
    ['emphasis', '*a* *b* *c* *d* *e*\n', 12],
    ['links', '[a](b) [c](d) [e](f)\n', 7],
    ['inline HTML', '<b>a</b> <i>b</i>\n', 5],
  ];

  it.each(seedShapes)('takes a Markdown seed of %s up to the limit, and refuses one unit more naming the file and line', (_, shape, units) => {
    const head = 'A headline\n\nA first paragraph.\n\n';
    // The headline (1), the paragraph after a blank line (2), the shape's first line a unit more (after a blank line).
    const headUnits = 4;
    expect(unitsOf(head + shape.repeat(2), 'markdown')).toBe(headUnits + 2 * units);
    const fit = Math.floor((LIMIT - headUnits) / units);
    const within = head + shape.repeat(fit);
    expect(() => readSeed(within, { file: 'seeds/a.md', maxSeedBytes })).not.toThrow();
    const over = head + shape.repeat(fit + 1);
    const error = problemOf(() => readSeed(over, { file: 'seeds/a.md', maxSeedBytes }));
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.file).toBe('seeds/a.md');
    // The line where the count passed the limit: the first line over it, in the repeated part.
    expect(error.line).toBe(head.split('\n').length + fit);
    expect(error.message).toContain('seeds/a.md');
    expect(error.message).toContain(`more than ${LIMIT.toLocaleString('en-US')} lines, marks of markup and table cells`);
  });

  it("names the file's line after front matter, which is not counted (it has its own limit)", () => {
    const front = `---\ntitle: A headline\ntags: [${'a, '.repeat(100)}b]\n---\n`;
    const error = problemOf(() => readSeed(`${front}${'- a\n'.repeat(LIMIT)}`, { file: 'seeds/a.md', maxSeedBytes }));
    // Front matter of 4 lines, then three units a line: the 334th line of the body passes 1,000.
    expect(error).toMatchObject({ code: 'E_TOO_LARGE', file: 'seeds/a.md', line: 4 + 334 });
  });

  it('counts a plain-text seed by its lines', () => {
    const seed = `A headline\n${'a line\n'.repeat(LIMIT)}`;
    const error = problemOf(() => readSeed(seed, { file: 'seeds/a.txt', maxSeedBytes }));
    expect(error).toMatchObject({ code: 'E_TOO_LARGE', file: 'seeds/a.txt', line: LIMIT + 1 });
    expect(error.message).toContain('lines with text');
    expect(() => readSeed(`A headline\n${'a line\n'.repeat(LIMIT - 1)}`, { file: 'seeds/a.txt', maxSeedBytes })).not.toThrow();
  });

  it.each([
    ['body', { body: 'a line\n'.repeat(LIMIT + 1) }, 'lines with text'],
    ['markdown', { markdown: '- a\n'.repeat(LIMIT) }, 'lines, marks of markup and table cells'],
    ['contentHtml', { contentHtml: '<h2>a</h2><p>b</p>'.repeat(LIMIT / 2 + 1) }, 'HTML start tags'],
    ['sections', { sections: [{ heading: null, blocks: Array.from({ length: LIMIT }, () => ({ kind: 'paragraph', text: 'a' })) }] }, 'sections, blocks and list items'],
  ])('refuses a JSON seed whose %s is over the limit, naming the field', (field, body, what) => {
    const seed = JSON.stringify({ title: 'A headline', ...body });
    const error = problemOf(() => readSeed(seed, { file: 'seeds/a.json', maxSeedBytes }));
    expect(error).toMatchObject({ code: 'E_TOO_LARGE', file: 'seeds/a.json' });
    expect(error.message).toContain(`$.${field} has more than`);
    expect(error.message).toContain(what);
  });

  it('takes a JSON seed within the limit', () => {
    const seed = JSON.stringify({ title: 'A headline', sections: [{ heading: null, blocks: Array.from({ length: LIMIT - 1 }, () => ({ kind: 'paragraph', text: 'a' })) }] });
    expect(readSeed(seed, { file: 'seeds/a.json', maxSeedBytes }).sections[0]!.blocks).toHaveLength(LIMIT - 1);
  });

  it('takes any real article within the size cap: the news fixtures have fewer units than bytes / 25', () => {
    const root = path.join(import.meta.dirname, '..', 'fixtures', 'news');
    const files = ['tune', 'heldout'].flatMap((split) =>
      readdirSync(path.join(root, split))
        .filter((f) => /\.(md|txt)$/.test(f))
        .map((f) => path.join(root, split, f)),
    );
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const units = unitsOf(text, file.endsWith('.md') ? 'markdown' : 'text');
      expect(text.length / units, file).toBeGreaterThanOrEqual(SEED_BYTES_PER_UNIT);
    }
  });

  it('refuses a hostile megabyte before parsing it (one pass, no parser memory)', () => {
    // A megabyte of one-character lines took 500 to 900 MB to normalize before this check.
    for (const shape of ['a\n', '#\n', '- - a\n', '*a* ', '<b>']) {
      const text = `A headline\n\n${shape.repeat(Math.ceil(1_000_000 / shape.length))}`;
      const error = problemOf(() => readSeed(text, { file: 'seeds/a.md' }));
      expect(error.code).toBe('E_TOO_LARGE');
      expect(error.message).toContain('200,000');
    }
  });

  it("caps a library item's Markdown at the default limit, naming the field, and renderMarkdown itself", () => {
    const item = { url: 'https://x.example/a', title: 'A', published: '2024-01-02T03:04:05Z' };
    const site = { siteUrl: 'https://x.example', title: 'X' };
    const dense = '#\n'.repeat(70_000);
    const error = problemOf(() => buildFeeds([{ ...item, contentMarkdown: dense }], site, { markdown: renderMarkdown }));
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.message).toContain('items[0].contentMarkdown has more than 200,000 lines, marks of markup and table cells');
    expect(error.message).toContain('split the text');
    expect(problemOf(() => renderMarkdown(dense)).code).toBe('E_TOO_LARGE');
    const fine = '#\n'.repeat(60_000);
    expect(renderMarkdown(fine).sections.length).toBeGreaterThan(1);
  });

  it('refuses links whose addresses, each use of a reference written out, come to more than the size cap', () => {
    // One long reference used many times: 100 KB of Markdown came to gigabytes of HTML ("Invalid string length").
    const seed = (uses: number): string => `A headline\n\nSome text here.\n\n[a]: /${'x'.repeat(1000)} "A title"\n\n${'[a] '.repeat(uses)}\n`;
    // 25,000 bytes of cap: 24 uses of 1,007 bytes each pass, 25 do not.
    expect(() => readSeed(seed(24), { file: 'seeds/a.md', maxSeedBytes })).not.toThrow();
    const error = problemOf(() => readSeed(seed(25), { file: 'seeds/a.md', maxSeedBytes }));
    expect(error).toMatchObject({ code: 'E_TOO_LARGE', file: 'seeds/a.md' });
    expect(error.message).toContain("links' and images' addresses come to more than 25,000 bytes");
    expect(problemOf(() => renderMarkdown(`[a]: /${'x'.repeat(50_000)}\n\n${'[a] '.repeat(120)}`)).code).toBe('E_TOO_LARGE');
    // Links written out in full are within the cap whatever their number: the text holds them.
    expect(() => readSeed(`A headline\n\n${'[a](/x) '.repeat(100)}\n`, { file: 'seeds/a.md', maxSeedBytes })).not.toThrow();
  });

  it('counts Markdown as a plain reading of its rules does, character by character (the scanner skips runs of text)', () => {
    // The rules as the README states them, one character at a time, with no search ahead.
    const reference = (text: string): number => {
      let units = 0;
      let blank = 0;
      let columns = 0;
      let afterBlank = false;
      for (const raw of text.split(/\r\n|\r|\n/)) {
        const content = raw.replace(/^[ \t]+/, '');
        if (content === '') {
          if (++blank % 4 === 0) units++;
          columns = 0;
          afterBlank = true;
          continue;
        }
        units += afterBlank ? 2 : 1;
        afterBlank = false;
        let leading = true;
        let previous = ' ';
        for (const ch of content) {
          if (ch === ' ' || ch === '\t') {
            previous = ' ';
            continue;
          }
          if (leading && '#>-+*0123456789'.includes(ch)) {
            const digits = /\d/.test(ch) && /\d/.test(previous);
            if (ch === '>' || (ch !== previous && !digits)) units += 2;
          } else if (!(leading && (ch === '.' || ch === ')') && /\d/.test(previous))) {
            leading = false;
            if ('*_`[]<&\\~|'.includes(ch)) units++;
          }
          previous = ch;
        }
        // A table's delimiter row, also in a quote.
        const trimmed = content.replace(/[ \t]+$/, '').replace(/^(?:>[ \t]*)+/, '');
        if (/^[-:| \t]+$/.test(trimmed) && trimmed.includes('-') && trimmed.includes('|')) {
          columns = trimmed.split('|').length - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') ? 1 : 0);
          units += columns;
        } else units += columns;
      }
      return units;
    };
    const piece = fc.constantFrom(
      'a',
      'Bc',
      ' ',
      '\t',
      '\n',
      '\r',
      '\r\n',
      '\n\n',
      '*',
      '_',
      '`',
      '[',
      ']',
      '<',
      '&',
      '\\',
      '~',
      '|',
      '#',
      '>',
      '-',
      '+',
      '1',
      '2',
      '.',
      ')',
      ':',
      '\u0001',
      'é',
      '|-|',
      '---',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        const text = pieces.join('');
        expect(unitsOf(text, 'markdown')).toBe(reference(text));
      }),
      // Two shapes an earlier version read differently (a `>` after a list marker is no quote).
      { numRuns: 2000, examples: [[['-', '>', '|-|']], [['---', '>', '|-|']], [['>', ' ', '|-|', '\n', 'a']]] },
    );
  });
});
