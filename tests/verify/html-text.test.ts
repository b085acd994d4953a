import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/verify/index.js';

describe('htmlToText on text without tags', () => {
  it('gives what the HTML parser gives (the same text inside a <span> takes the parser path)', () => {
    const piece = fc.constantFrom(
      'a',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\r',
      '\f',
      '\u00A0',
      '\u0000',
      '\u2028',
      'é',
      '"',
      "'",
      '>',
      '&',
      '&amp;',
      '&lt;',
      '&gt;',
      '&quot;',
      '&#39;',
      '&apos;',
      '&nbsp;',
      '&amp',
      '&#60;',
      '&#x3C;',
      ';',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
        (text) => {
          expect(htmlToText(text)).toBe(htmlToText(`<span>${text}</span>`));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
