import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoryfeedError } from '../../src/errors.js';
import { isHeadingLine, normalizeText, parseByline, parseDateline, readTextSeed } from '../../src/seed/text.js';

const seedText = readFileSync(new URL('../../seeds/nato-north-korea-troops.txt', import.meta.url), 'utf8');
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('readTextSeed', () => {
  it('reads the seed: headline, two sections, 15 paragraphs', () => {
    const seed = readTextSeed(seedText, { file: 'seed.txt' });
    expect(seed.title).toBe("NATO official: North Korean military involvement in Ukraine reveals Russia's weakness");
    expect(seed.sections.map((s) => s.heading)).toEqual([null, 'North Korean troops in Ukraine']);
    const paragraphs = seed.sections.flatMap((s) => s.blocks.filter((b) => b.kind === 'paragraph'));
    expect(paragraphs).toHaveLength(15);
    expect(seed.sections[0]!.blocks).toHaveLength(10);
    expect(seed.sections[1]!.blocks).toHaveLength(5);
  });

  it('reads blank-line-separated, hard-wrapped paragraphs the same as one line per paragraph', () => {
    const wrapped = 'Headline here\n\nThe first paragraph is wrapped\nover two lines of text.\n\nSubheading\n\nA second paragraph.\n';
    const oneLine = 'Headline here\nThe first paragraph is wrapped over two lines of text.\nSubheading\nA second paragraph.\n';
    const a = readTextSeed(wrapped);
    const b = readTextSeed(oneLine);
    expect(a.sections).toEqual(b.sections);
    expect(a.sections.map((s) => s.heading)).toEqual([null, 'Subheading']);
  });

  it('does not mistake the first line of a wrapped paragraph for a subheading', () => {
    const seed = readTextSeed('Title\n\nThe city council voted on Thursday to keep\nrides on the metro free of charge until next year.\n');
    expect(seed.sections).toEqual([
      { heading: null, blocks: [{ kind: 'paragraph', text: 'The city council voted on Thursday to keep rides on the metro free of charge until next year.' }] },
    ]);
  });

  it('turns "- " and "1." lines into lists', () => {
    const seed = readTextSeed(fixture('articles/lists.txt'));
    const blocks = seed.sections[0]!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph', 'list', 'paragraph']);
    expect(blocks[1]).toEqual({
      kind: 'list',
      ordered: false,
      items: ['alerts now name the district, not only the region;', 'a silent mode keeps only critical alerts;', 'the app works offline for up to six hours.'],
    });
    expect(blocks[3]).toMatchObject({ kind: 'list', ordered: true, items: ['delayed notifications on older Android phones;', 'a wrong map of the Chernihiv region.'] });
  });

  it('normalizes a BOM, CRLF, tabs and stray spaces', () => {
    const seed = readTextSeed(fixture('articles/crlf-bom.txt'));
    expect(seed.title).toBe('Baltic states agree to link air-defence radars by 2027');
    expect(seed.sections.map((s) => s.heading)).toEqual([null, 'What changes for civil aviation']);
    expect(readTextSeed('\uFEFF  Title\t here \r\n\tBody   text\there.\r\n').sections[0]!.blocks[0]).toEqual({ kind: 'paragraph', text: 'Body text here.' });
    expect(normalizeText('a\r\nb\rc\td  \n')).toBe('a\nb\nc d\n');
    expect(readTextSeed('Council\u0092s plan\nIt was \u0093approved\u0094 on Tuesday\u0085\n').sections[0]!.blocks[0]).toEqual({
      kind: 'paragraph',
      text: 'It was “approved” on Tuesday…',
    });
  });

  it('reads a paragraph separator (U+2029) as a paragraph break, and keeps a line separator (U+2028) in its paragraph', () => {
    const paragraphs = (text: string): string[] => readTextSeed(text).sections.flatMap((s) => s.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')));
    // Only paragraph separators, as Pages or InDesign write them: the first paragraph is the headline.
    const only = readTextSeed('Ferry timetable changes\u2029The council met on Tuesday.\u2029\u2029Residents said the changes would help.\u2029');
    expect(only.title).toBe('Ferry timetable changes');
    expect(paragraphs('Ferry timetable changes\u2029The council met on Tuesday.\u2029\u2029Residents said the changes would help.\u2029')).toEqual([
      'The council met on Tuesday.',
      'Residents said the changes would help.',
    ]);
    // One paragraph a line: a separator inside a line starts a new one, and the other lines stay paragraphs.
    expect(paragraphs('Title\nFirst paragraph.\u2029Second paragraph.\nThird paragraph.\n')).toEqual(['First paragraph.', 'Second paragraph.', 'Third paragraph.']);
    // Blank lines between paragraphs: the separator is one too, and wrapped lines still join.
    expect(paragraphs('Title\n\nFirst paragraph,\nwrapped.\u2029Second paragraph.\n\nThird paragraph.\n')).toEqual([
      'First paragraph, wrapped.',
      'Second paragraph.',
      'Third paragraph.',
    ]);
    expect(paragraphs('Title\nOne line\u2028broken softly.\n')).toEqual(['One line\u2028broken softly.']);
  });

  it('reads a byline into authors and a dateline into place and date', () => {
    const seed = readTextSeed(fixture('articles/dateline-byline.txt'));
    expect(seed.byline).toEqual([{ name: 'Ivan Petrenko' }, { name: 'Maria Lopez' }]);
    expect(seed.dateline).toEqual({ place: 'Izmail, Ukraine', month: 11, day: 3 });
    expect(seed.sections[0]!.blocks[0]).toMatchObject({ kind: 'paragraph' });
    expect(JSON.stringify(seed.sections)).not.toContain('By Ivan');
  });

  it('reads YAML front matter at the top of a text file', () => {
    const seed = readTextSeed('---\ntitle: From front matter\ndate: 2024-01-02\n---\nFirst line headline\nBody.\n');
    expect(seed.meta.title).toBe('From front matter');
    expect(seed.meta.date?.toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(seed.title).toBe('First line headline');
  });

  it('gives clear errors for empty, whitespace-only and title-only seeds', () => {
    const error = (text: string): StoryfeedError => {
      try {
        readTextSeed(text, { file: 'x.txt' });
      } catch (e) {
        return e as StoryfeedError;
      }
      throw new Error('no error');
    };
    expect(error('')).toMatchObject({ code: 'E_EMPTY', file: 'x.txt' });
    expect(error(fixture('bad/whitespace.txt'))).toMatchObject({ code: 'E_EMPTY' });
    expect(error(fixture('bad/title-only.txt'))).toMatchObject({ code: 'E_NO_BODY', line: 1 });
    expect(error('---\ntitle: x\n')).toMatchObject({ code: 'E_FRONT_MATTER', line: 1 });
  });
});

describe('line rules', () => {
  it('recognises subheadings: short, no closing punctuation', () => {
    expect(isHeadingLine('North Korean troops in Ukraine')).toBe(true);
    expect(isHeadingLine('The update also fixes two problems reported by users:')).toBe(false);
    expect(isHeadingLine('He said so.')).toBe(false);
    expect(isHeadingLine('"Quoted words"')).toBe(false);
    expect(isHeadingLine('A very long line that goes on and on without any punctuation at its end because it was cut')).toBe(false);
  });

  it('reads a line that ends as a sentence ends in other scripts as running text, not a subheading (a Japanese lede became one)', () => {
    for (const line of ['東京都は日曜日、新しい図書館を開館した。', '这是什么？', '¿Qué pasa?', 'هل هذا صحيح؟', 'यह सच है।', '「本当に」', '第一に、'])
      expect(isHeadingLine(line), line).toBe(false);
    expect(isHeadingLine('第二部 新しい図書館')).toBe(true);
    const seed = readTextSeed('東京で新しい図書館が開館\n\n東京都は日曜日、新しい図書館を開館した。\n\n二つ目の段落です。\n');
    expect(seed.sections).toEqual([
      {
        heading: null,
        blocks: [
          { kind: 'paragraph', text: '東京都は日曜日、新しい図書館を開館した。' },
          { kind: 'paragraph', text: '二つ目の段落です。' },
        ],
      },
    ]);
  });

  it('parses bylines and rejects sentences that start with "By"', () => {
    expect(parseByline('By Jane Doe')).toEqual([{ name: 'Jane Doe' }]);
    expect(parseByline('By Ana de la Cruz, Li Wei & Tom O’Neill')).toEqual([{ name: 'Ana de la Cruz' }, { name: 'Li Wei' }, { name: 'Tom O’Neill' }]);
    expect(parseByline('By the end of the year, prices rose.')).toBeNull();
  });

  it('parses datelines with and without dates', () => {
    expect(parseDateline('KYIV — Officials said')).toEqual({ place: 'Kyiv' });
    expect(parseDateline('NEW YORK (AP) — Stocks fell')).toEqual({ place: 'New York' });
    expect(parseDateline('ST. PETERSBURG, Russia, March 4, 2023 — x')).toEqual({ place: 'St. Petersburg, Russia', month: 3, day: 4, year: 2023 });
    expect(parseDateline('NATO said on Monday that')).toBeUndefined();
  });
});
