import { describe, expect, it } from 'vitest';
import { htmlToSections, readJsonSeed } from '../../src/seed/json.js';

describe('readJsonSeed', () => {
  it('reads a structured story', () => {
    const seed = readJsonSeed(
      JSON.stringify({
        title: 'Structured',
        date: '2024-05-01T10:00:00Z',
        authors: [{ name: 'A', email: 'a@example.com' }],
        sections: [
          {
            heading: null,
            blocks: [
              { kind: 'paragraph', text: 'One.' },
              { kind: 'list', ordered: true, items: ['x', 'y'] },
            ],
          },
        ],
      }),
      { file: 's.json' },
    );
    expect(seed.title).toBe('Structured');
    expect(seed.meta.authors).toEqual([{ name: 'A', email: 'a@example.com' }]);
    expect(seed.sections[0]!.blocks[1]).toEqual({ kind: 'list', ordered: true, items: ['x', 'y'] });
  });

  it('reads plain-text and Markdown bodies', () => {
    expect(readJsonSeed('{"title":"T","body":"Para one.\\n\\nPara two."}').sections[0]!.blocks).toHaveLength(2);
    expect(readJsonSeed('{"title":"T","markdown":"Hello **world**.\\n\\n## Sub\\n\\nMore."}').sections.map((s) => s.heading)).toEqual([null, 'Sub']);
  });

  it('tells JSON that holds no story (no title, no body: a data or configuration file) from a seed with a field missing', () => {
    for (const json of [
      '{"name": "site", "version": "1.0.0", "description": "My site", "author": "Ann"}',
      '{"compilerOptions": {}}',
      '[{"name": "Ann"}]',
      '"text"',
      '3',
      'null',
      '{}',
    ]) {
      const error = (() => {
        try {
          readJsonSeed(json, { file: 'package.json' });
        } catch (e) {
          return e;
        }
      })();
      expect(error, json).toMatchObject({ code: 'E_NOT_A_SEED', file: 'package.json' });
      expect((error as Error).message).toContain('"title" and its text in "sections", "body", "markdown" or "contentHtml"');
    }
    // A seed missing its title or its body is still one, with that field named.
    expect(() => readJsonSeed('{"body": "x"}', { file: 'b.json' })).toThrow(expect.objectContaining({ code: 'E_FIELD' }));
    expect(() => readJsonSeed('{"title": "T"}', { file: 'b.json' })).toThrow(expect.objectContaining({ code: 'E_FIELD' }));
  });

  it('gives errors with JSON paths and lines', () => {
    expect(() => readJsonSeed('{"title": "T", "sections": [{"heading": null, "blocks": [{"kind": "para", "text": "x"}]}]}', { file: 'b.json' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', message: expect.stringContaining('$.sections[0].blocks[0].kind') }),
    );
    expect(() => readJsonSeed('{"body": "x"}', { file: 'b.json' })).toThrow(expect.objectContaining({ message: expect.stringContaining('$.title') }));
    expect(() => readJsonSeed('{\n  "title": "T",\n  oops\n}', { file: 'b.json' })).toThrow(expect.objectContaining({ code: 'E_JSON', line: 3 }));
    expect(() => readJsonSeed('[1]', { file: 'b.json' })).toThrow(expect.objectContaining({ code: 'E_NOT_A_SEED' }));
    // A name given twice: JSON.parse would silently keep the last, other readers the first.
    expect(() => readJsonSeed('{\n  "title": "One",\n  "body": "x",\n  "title": "Two"\n}', { file: 'b.json' })).toThrow(
      expect.objectContaining({ code: 'E_JSON', line: 4, message: expect.stringContaining('"title" is given twice') }),
    );
    expect(() => readJsonSeed('{"title":"T","date":"soon","body":"x"}', { file: 'b.json' })).toThrow(
      expect.objectContaining({ code: 'E_DATE', message: expect.stringContaining('$.date') }),
    );
  });

  it('reads a heading, paragraph or list item of nothing but invisible characters as none', () => {
    const sections = [
      {
        heading: '\u200b',
        blocks: [
          { kind: 'list', items: ['\u2060', 'One'] },
          { kind: 'paragraph', text: 'Real.' },
        ],
      },
    ];
    expect(readJsonSeed(JSON.stringify({ title: 'T', sections })).sections).toEqual([
      {
        heading: null,
        blocks: [
          { kind: 'list', ordered: false, items: ['One'] },
          { kind: 'paragraph', text: 'Real.' },
        ],
      },
    ]);
    // A paragraph, quote or code block of nothing else (an empty paragraph a CMS left) is none, as a list item is;
    // it stopped the seed, which built before it was read as empty (regression).
    const blank = [
      {
        heading: null,
        blocks: [
          { kind: 'paragraph', text: '\u200b\ufeff' },
          { kind: 'code', text: ' ' },
          { kind: 'paragraph', text: 'Real.' },
        ],
      },
    ];
    expect(readJsonSeed(JSON.stringify({ title: 'T', sections: blank })).sections).toEqual([{ heading: null, blocks: [{ kind: 'paragraph', text: 'Real.' }] }]);
    // A block without text is still refused, naming it.
    expect(() => readJsonSeed(JSON.stringify({ title: 'T', sections: [{ heading: null, blocks: [{ kind: 'quote', text: 5 }] }] }), { file: 'b.json' })).toThrow(
      expect.objectContaining({ code: 'E_FIELD', message: expect.stringContaining('$.sections[0].blocks[0].text') }),
    );
  });

  it('derives sections from HTML', () => {
    expect(htmlToSections('<p>A &amp; B</p><h2>Sub</h2><ul><li>one</li><li>two</li></ul><script>x()</script><blockquote>Q</blockquote>')).toEqual([
      { heading: null, blocks: [{ kind: 'paragraph', text: 'A & B' }] },
      {
        heading: 'Sub',
        blocks: [
          { kind: 'list', ordered: false, items: ['one', 'two'] },
          { kind: 'quote', text: 'Q' },
        ],
      },
    ]);
  });
});
