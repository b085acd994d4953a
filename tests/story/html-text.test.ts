import { describe, expect, it } from 'vitest';
import { htmlText } from '../../src/story/html-text.js';

describe('htmlText', () => {
  it('separates the words on either side of a block or a line break (regression: "a<br>b" read as "ab")', () => {
    expect(htmlText('Term<br>line')).toBe('Term line');
    expect(htmlText('<details><summary>Summary</summary>hidden text</details>')).toBe('Summary hidden text');
    expect(htmlText('<table><tr><td>a</td><td>b</td></tr></table>')).toBe('a b');
    expect(htmlText('in<b>line</b> <i>stays</i>')).toBe('inline stays');
    expect(htmlText('<script>x</script>visible')).toBe('visible');
  });
});
