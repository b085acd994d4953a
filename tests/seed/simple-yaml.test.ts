import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYamlMeta } from '../../src/seed/front-matter.js';
import { readSimpleYaml } from '../../src/seed/simple-yaml.js';
import { costGrowth } from '../support/linear.js';

/** What the yaml package, the parser of record, reads (with the options storyfeed gives it). */
const byYaml = (text: string): unknown => {
  try {
    return parse(text, { uniqueKeys: true, merge: true, prettyErrors: false, strict: true });
  } catch {
    return 'error';
  }
};

describe('simple front matter fast path', () => {
  it('reads the front matter of generated benchmark articles', () => {
    const yaml = [
      'title: "Update: NATO official: North Korean troops #1"',
      'date: 2025-12-29T01:55:20-08:00',
      'author: "James O\'Neill"',
      'tags: [defense, asia, north-korea]',
      'summary: "\\"Northern Koreans want to gain combat experience."',
    ].join('\n');
    const simple = readSimpleYaml(yaml);
    expect(simple?.value).toEqual(byYaml(yaml));
    expect(simple?.keyLines.get('tags')).toBe(3);
  });

  it.each([
    ['a boolean', 'draft: true'],
    ['a capitalised null', 'title: Null'],
    ['a number', 'year: 2024'],
    ['a float', 'title: 1.5'],
    ['a hex number', 'title: 0x1F'],
    ['a nested mapping', 'author:\n  name: Jane'],
    ['a block list', 'tags:\n  - a\n  - b'],
    ['a comment', 'title: Hello # world'],
    ['a mapping in a value', 'title: a: b'],
    ['an escape other than \\" and \\\\', 'title: "a\\nb"'],
    ['an unclosed quote', 'title: "abc'],
    ['text after a closing quote', 'title: "abc" d'],
    ['a duplicate key', 'title: a\ntitle: b'],
    ['an anchor', 'title: &x a'],
    ['a tag', 'title: !!str a'],
    ['a trailing comma', 'tags: [a, b,]'],
    ['a list item that is a boolean', 'tags: [a, true]'],
    ['a nested list', 'tags: [a, [b]]'],
    ['an indented line', ' title: a'],
    ['a tab', 'title:\ta'],
    ['a document marker', '--- a'],
    ['no fields', ''],
    ['a key YAML reads as null', 'null: x'],
    ['a key YAML reads as a boolean', 'True: x'],
    ['a key longer than YAML allows', `${'k'.repeat(1100)}: x`],
  ])('leaves %s to the yaml package', (_what, yaml) => {
    expect(readSimpleYaml(yaml)).toBeUndefined();
  });

  it('leaves anchors, aliases and merge keys to the yaml package, which reads YAML 1.1 merges', () => {
    for (const yaml of ['base: &base Jane\ntitle: T\n', 'title: T\nauthor: *base\n', 'title: T\n<<: *base\n', 'title: T\n"<<": x\n'])
      expect(readSimpleYaml(yaml), yaml).toBeUndefined();
    expect(parseYamlMeta('base: &base {author: Jane}\ntitle: T\n<<: *base\n').authors).toEqual([{ name: 'Jane' }]);
  });

  it('gives line numbers like the yaml package does', () => {
    const warnings: string[] = [];
    const meta = parseYamlMeta('title: A\n\ntitel: B', { file: 'a.md', firstLine: 2, onWarning: (d) => warnings.push(`${d.line}`) });
    expect(meta.title).toBe('A');
    expect(warnings).toEqual(['4']);
    expect(() => parseYamlMeta('title: A\ndate: 2025-13-45', { file: 'a.md', firstLine: 2 })).toThrow(expect.objectContaining({ line: 3 }));
  });

  it('agrees with the yaml package on everything it reads', () => {
    // Lines built from the characters and shapes that matter to YAML, so that many are valid and many are not.
    const piece = fc.constantFrom(
      'a',
      'Z',
      'é',
      'Ω',
      '\u00a0',
      '\u2028',
      '\ud83d\ude00',
      '\ud800',
      '0',
      '2025-01-02',
      'T10:00:00Z',
      ' ',
      '  ',
      ':',
      ': ',
      '#',
      ' #',
      '"',
      "'",
      "''",
      '\\"',
      '\\\\',
      '\\n',
      '[',
      ']',
      ',',
      ', ',
      '{',
      '}',
      '-',
      '- ',
      '&',
      '*',
      '!',
      '|',
      '>',
      '%',
      '@',
      '`',
      '~',
      '?',
      '.',
      'true',
      'False',
      'NULL',
      '.inf',
      '0x1',
      '1e3',
      '\t',
      '\u0085',
      '\ufeff',
    );
    // Mostly letters, so that many generated values are ones the fast path reads.
    const letters = fc.constantFrom('a', 'Bc', 'd e', 'Ünï', "O'N", 'x-y', 'u/v', 'k.l');
    const scalar = fc.array(fc.oneof({ weight: 3, arbitrary: letters }, { weight: 1, arbitrary: piece }), { maxLength: 6 }).map((parts) => parts.join(''));
    const valueText = fc.oneof(
      scalar,
      scalar.map((s) => `"${s}"`),
      scalar.map((s) => `'${s}'`),
      fc.tuple(fc.array(scalar, { maxLength: 4 }), fc.constantFrom(', ', ',', ' , ', ',  ')).map(([items, comma]) => `[${items.join(comma)}]`),
      fc
        .array(
          scalar.map((s) => `"${s}"`),
          { maxLength: 3 },
        )
        .map((items) => `[${items.join(',')}]`),
    );
    const line = fc.oneof(
      {
        weight: 8,
        arbitrary: fc
          .tuple(fc.constantFrom('title', 'tags', 'a-b', 'x_1', 'date', 'null', 'Null', 'TRUE', 'false', 'k'.repeat(1025)), fc.constantFrom(': ', ':  ', ':'), valueText)
          .map(([k, sep, v]) => `${k}${sep}${v}`),
      },
      { weight: 1, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: scalar },
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const yaml = lines.join('\n');
        const simple = readSimpleYaml(yaml);
        if (simple !== undefined) expect(simple.value).toEqual(byYaml(yaml));
      }),
      { numRuns: 20000, seed: 17 },
    );
  });
});

describe('the fast path in linear time', () => {
  it('gives up on a value with a line separator after a run of spaces at once: cost per space alike at 6,000 and 60,000', async () => {
    const line = (n: number): void => {
      expect(readSimpleYaml(`title:${' '.repeat(n)}\u2028x\n`)).toBeUndefined();
    };
    expect(await costGrowth(line, 6_000, 60_000, 3)).toBeLessThanOrEqual(3);
  });
});
