// Character references against the `entities` package (what htmlparser2 decodes with): every
// named reference with and without its semicolon, followed by each kind of character, in text and
// in attribute values, plus numeric references and generated text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { Parser as ReferenceParser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { ENTITY_NAMES, ENTITY_WORDS } from '../../src/html/entity-data.js';
import { decodeHtmlText, withCharacterReferences } from '../../src/html/entities.js';
import { Parser } from '../../src/html/parser.js';
import { entityModule } from '../../scripts/generate-html-entities.mjs';

/** The names, read back from the front-coded list independently of the decoder's reader. */
function names(): string[] {
  const out: string[] = [];
  const parts = ENTITY_NAMES.split(/([ !#$%&'()*+,\-./:;<=>?@[\]^_`{|}~])/).slice(1);
  const marks = " !#$%&'()*+,-./:;<=>?@[]^_`{|}~";
  let previous = '';
  for (let i = 0; i < parts.length; i += 2) {
    const rest = (parts[i + 1] as string).replace(/[\u00c0-\u024f]/g, (c) => ENTITY_WORDS.split(' ')[(c.codePointAt(0) as number) - 0xc0] as string);
    const name = previous.slice(0, Math.floor(marks.indexOf(parts[i] as string) / 3)) + rest;
    out.push(name);
    previous = name;
  }
  return out;
}

/** The `title` attribute of `<a title="…">` as a parser reads it. */
function attribute(ParserClass: typeof Parser | typeof ReferenceParser, value: string): string | undefined {
  let seen: string | undefined;
  const parser = new ParserClass({ onopentag: (_name: string, attributes: Record<string, string>) => (seen = attributes.title) });
  parser.write(`<a title="${value}">`);
  parser.end();
  return seen;
}

describe('HTML character references', () => {
  const all = names();

  it('is what the generator makes from the installed entities package', () => {
    expect(readFileSync(path.resolve(import.meta.dirname, '../../src/html/entity-data.ts'), 'utf8')).toBe(entityModule());
  });

  it('has the whole WHATWG list', () => {
    expect(all).toHaveLength(2125);
    expect(new Set(all).size).toBe(all.length);
  });

  it('decodes every name as entities does, in text and in attribute values', () => {
    for (const name of all) {
      for (const tail of [';', '', ';x', 'x', '=', ' ', '1', '#']) {
        const text = `a&${name}${tail}b`;
        expect(decodeHtmlText(text), text).toBe(decodeHTML(text));
        expect(attribute(Parser, text), `attribute ${text}`).toBe(attribute(ReferenceParser, text));
      }
    }
  });

  it('decodes numeric references as entities does', () => {
    const cases = [
      '&#0;',
      '&#9;',
      '&#65',
      '&#x41;',
      '&#X41;',
      '&#x;',
      '&#;',
      '&#',
      '&#x',
      '&#128;',
      '&#150;',
      '&#159;',
      '&#xD800;',
      '&#xDFFF;',
      '&#x10FFFF;',
      '&#x110000;',
      `&#${'9'.repeat(300)};`,
      '&#00065;',
      '&#x1F600;',
    ];
    for (const text of cases) expect(decodeHtmlText(text), text).toBe(decodeHTML(text));
  });

  // entities throws a RangeError here (and keeps the text decoded so far for its next call).
  it('decodes a numeric reference too long for a number as U+FFFD', () => {
    const text = `a&#${'9'.repeat(400)};b&#x${'f'.repeat(300)}`;
    expect(decodeHtmlText(text)).toBe('a\ufffdb\ufffd');
  });

  it('decodes generated text as entities does', () => {
    const piece = fc.oneof(fc.constantFrom('&', ';', '#', 'x', 'X', '=', ' ', 'amp', 'not', 'in', 'copy', 'lt', 'nbsp', '1', 'f', 'D8'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const text = pieces.join('');
        expect(decodeHtmlText(text)).toBe(decodeHTML(text));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });
});

describe('withCharacterReferences (a field that may hold HTML references, such as an exported title)', () => {
  it('decodes whole references closed by their semicolon, as the entities package does', () => {
    expect(withCharacterReferences('Tom&#8217;s &amp; Jerry&#x2019;s caf&eacute; &lt;3')).toBe('Tom’s & Jerry’s café <3');
    fc.assert(
      fc.property(fc.constantFrom(...names().map((n) => `${n};`)), fc.string(), (name, tail) => {
        expect(withCharacterReferences(`&${name}${tail.replace(/&/g, '')}`)).toBe(decodeHTML(`&${name}`) + tail.replace(/&/g, ''));
      }),
    );
  });

  it('leaves anything else as written: a bare ampersand, a legacy name without its semicolon, an unknown name', () => {
    for (const text of ['AT&T', 'Q & A', '&copy 2024', '&unknown;', '&amp', '&#;', '&#x;', 'Fish &chips;']) expect(withCharacterReferences(text), text).toBe(text);
  });

  it('is linear in the length of its text', () => {
    const text = '&amp;'.repeat(200_000) + '&'.repeat(200_000) + '&#1'.repeat(100_000);
    expect(withCharacterReferences(text)).toBe('&'.repeat(200_000) + '&'.repeat(200_000) + '&#1'.repeat(100_000));
  });
});
