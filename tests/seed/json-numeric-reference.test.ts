import { describe, expect, it } from 'vitest';
import { htmlToSections } from '../../src/seed/json.js';

// Regression: a JSON seed's HTML with `&#` and more than 308 digits stopped parseSeed with a raw
// RangeError from htmlparser2's reference decoder; HTML reads such a reference as U+FFFD.
describe('JSON seed HTML with a numeric reference too long for a number', () => {
  it('reads it as U+FFFD', () => {
    expect(htmlToSections(`<p>a&#${'9'.repeat(400)};b</p>`)).toEqual([{ heading: null, blocks: [{ kind: 'paragraph', text: 'a\ufffdb' }] }]);
  });
});
