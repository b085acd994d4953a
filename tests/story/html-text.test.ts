import { describe, expect, it } from 'vitest';
import { isStoryfeedError } from '../../src/errors.js';
import { MAX_HTML_DEPTH } from '../../src/seed/html-depth.js';
import { htmlBlocks, htmlText } from '../../src/story/html-text.js';
import { costGrowth } from '../support/linear.js';

describe('htmlText', () => {
  it('separates the words on either side of a block or a line break (regression: "a<br>b" read as "ab")', () => {
    expect(htmlText('Term<br>line')).toBe('Term line');
    expect(htmlText('<details><summary>Summary</summary>hidden text</details>')).toBe('Summary hidden text');
    expect(htmlText('<table><tr><td>a</td><td>b</td></tr></table>')).toBe('a b');
    expect(htmlText('in<b>line</b> <i>stays</i>')).toBe('inline stays');
    expect(htmlText('<script>x</script>visible')).toBe('visible');
  });
});

describe("content its author hid (regression: text under hidden, display:none or visibility:hidden was the story's text and summary)", () => {
  const html =
    '<p>Shown.</p><p hidden>Answer: 42</p><div style="color: red; DISPLAY : none !important">seo words<p>nested</p></div><span style="visibility:hidden">x</span><img hidden src="a.png"><p>After.</p>';

  it('is no text a reader sees, with what it holds', () => {
    expect(htmlText(html)).toBe('Shown. After.');
    expect(htmlBlocks(html)).toEqual(['Shown.', 'After.']);
  });

  it('ends with its element, an implied end too; hidden="until-found" and aria-hidden, which the page shows, stay', () => {
    expect(htmlBlocks('<p hidden>gone<div>kept</div><ul><li hidden>gone<li>kept</ul>')).toEqual(['kept', 'kept']);
    expect(htmlText('<div hidden="until-found">revealed</div><span aria-hidden="true">¶</span> <span style="display: block">block</span>')).toBe('revealed ¶ block');
  });

  it('stays linear on thousands of hidden elements, nested or not, and on huge style values', async () => {
    expect(await costGrowth((n) => htmlText('<p hidden>x<b>y</b></p><p>z</p>'.repeat(n)), 500, 5_000, 4)).toBeLessThan(4);
    expect(await costGrowth((n) => htmlBlocks(`<div style="${';'.repeat(n)}${' '.repeat(n)}display${' '.repeat(n)}x">t</div>`), 5_000, 50_000, 4)).toBeLessThan(4);
  });
});

describe('the fallback of video and audio', () => {
  const video = '<video controls src="https://example.org/clip.mp4">Your browser does not support the video tag. <a href="https://example.org/clip.mp4">Download</a></video>';
  const audio =
    '<AUDIO controls>\n<source src="a.mp3" type="audio/mpeg">\n<track kind="captions" src="a.vtt">\n<p>Your browser does not <b>support</b> the audio element.</p>\n</Audio>';

  it('is no text a reader sees: a page that plays the media never shows it', () => {
    expect(htmlText(`<p>Before ${video} after.</p>${audio}<p>The ferry left at noon.</p>`)).toBe('Before after. The ferry left at noon.');
    expect(htmlBlocks(`<p>Before ${video} after.</p>${audio}<p>The ferry left at noon.</p>`)).toEqual(['Before after.', 'The ferry left at noon.']);
    expect(htmlBlocks('<video src="v.mp4"><p>One</p><div><p>Two</p></div></video><p>Three</p>')).toEqual(['Three']);
    // What stands on either side of a player is one paragraph, whatever blocks its fallback holds.
    expect(htmlBlocks('<div>The ferry <audio src="a.mp3"><p>No audio.</p></audio>left at noon.</div>')).toEqual(['The ferry left at noon.']);
    // Inside a hidden element, and one inside another.
    expect(htmlText('<noscript><video>a</video>b</noscript>c<video><audio>d</audio>e</video>f')).toBe('cf');
  });

  it('ends with the element: its end tag closes what its fallback left open', () => {
    expect(htmlBlocks('<video src="v.mp4"><p>Your browser <b>cannot play it</video><p>The ferry left at noon.</p>')).toEqual(['The ferry left at noon.']);
  });

  it.each([
    ['the end of the input', '<video src="v.mp4" controls>\n<p>The ferry left at noon.</p><p>It was late.', ['The ferry left at noon.', 'It was late.']],
    ['the end of an element around it', '<div><audio src="a.mp3">Listen now</div><p>After</p>', ['Listen now', 'After']],
    ['the end of an element around it, deep', `${'<div>'.repeat(100)}<video src="v.mp4"><p>Deep</p>${'</div>'.repeat(100)}<p>After</p>`, ['Deep', 'After']],
  ])('is none when the element has no end tag of its own, closed by %s: what follows is the article', (_, html, blocks) => {
    expect(htmlBlocks(html)).toEqual(blocks);
    expect(htmlText(html)).toBe(blocks.join(' '));
  });

  it('refuses HTML nested too deep, in linear time, before its media are read', async () => {
    // Every stray end tag searches the open elements: unbounded, that search made a pass quadratic.
    const deep = (n: number): string => `<video>${'<div>'.repeat(n)}${'</span>'.repeat(n)}`;
    const refused = (read: (html: string, file: string) => unknown, html: string): unknown => {
      try {
        read(html, 'seeds/deep.html');
      } catch (error) {
        if (isStoryfeedError(error) && error.code === 'E_TOO_DEEP') return error;
      }
      throw new Error('expected E_TOO_DEEP');
    };
    for (const read of [htmlText, htmlBlocks]) {
      expect(refused(read, deep(MAX_HTML_DEPTH + 1))).toBeDefined();
      expect(await costGrowth((n) => refused(read, deep(MAX_HTML_DEPTH + n)), 2_000, 20_000, 4)).toBeLessThanOrEqual(4);
    }
  });

  it('stays linear on thousands of media elements, closed or not, nested or not', async () => {
    const shapes = [
      (n: number) => '<p>a</p><video src="v.mp4">fallback <p>text</p></video>'.repeat(n),
      (n: number) => '<div><video src="v.mp4">x<p>y</div>'.repeat(n),
      (n: number) => `${'<video>x<audio>y'.repeat(200)}${'</audio></video>'.repeat(200)}`.repeat(n / 100),
    ];
    for (const shape of shapes) {
      expect(await costGrowth((n) => htmlText(shape(n)), 2_000, 20_000, 4)).toBeLessThanOrEqual(4);
      expect(await costGrowth((n) => htmlBlocks(shape(n)), 2_000, 20_000, 4)).toBeLessThanOrEqual(4);
    }
  });
});
