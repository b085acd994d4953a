import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMediumPostName, mediumSeedText } from '../../src/seed/medium.js';

const POST = readFileSync(path.join(import.meta.dirname, '../fixtures/medium-export/posts/2016-03-25_Leaving-the-timeline-ece7c6688e68.html'), 'utf8');
const NAME = '2016-03-25_Leaving-the-timeline-ece7c6688e68.html';

describe("a post of Medium's export", () => {
  it("is named by its date (or draft), its title's words and its id", () => {
    for (const name of [NAME, 'draft_The-Great-Writing-Pivot--Why-I-m-Changing-ad0ea1c7a4f3.html', '2020-01-02_Short-95a6b38004f.html'])
      expect(isMediumPostName(name), name).toBe(true);
    for (const name of ['index.html', '2016-03-25-leaving.html', '2016-03-25_Leaving.html', 'draft-Title-ad0ea1c7a4f3.html', '2016-03-25_Leaving-ece7c6688e68.md'])
      expect(isMediumPostName(name), name).toBe(false);
  });

  it("is the JSON seed of its page: title, subtitle, author and date from its microformats, slug from its name, body without Medium's repeats and chrome", () => {
    const seed = JSON.parse(mediumSeedText(POST, NAME));
    expect(seed).toEqual({
      title: 'Leaving the timeline',
      summary: 'Why I read feeds & letters now',
      author: 'Ada Writer',
      date: '2016-03-25T05:53:26.260Z',
      slug: 'leaving-the-timeline',
      contentHtml: expect.any(String),
    });
    const body: string = seed.contentHtml;
    // The title and subtitle written again as the body's first lines, the section's rule and a link card's thumbnail are left out.
    expect(body).not.toMatch(/graf--title|graf--subtitle|section-divider|mixtapeImage|background-image/);
    expect(body).toContain('<p name="a1b2" id="a1b2" class="graf graf--p graf-after--h4">I deleted the app on a Tuesday, and the quiet became the point.</p>');
    expect(body).toContain('src="https://cdn-images-1.medium.com/max/800/1*abcDEF.jpeg"><figcaption class="imageCaption">The quiet desk.</figcaption>');
    expect(body).toContain('<strong class="markup--strong markup--mixtapeEmbed-strong">On reading</strong>');
    // Nothing of the page outside the body: its style, header and footer.
    expect(body).not.toMatch(/font-family|Exported from|Canonical link|Ada Writer/);
  });

  it('is a draft when named as one, dated by its name when its page gives no date', () => {
    const draft = JSON.parse(mediumSeedText(POST.replace(/<time[^>]*>/, '<time>'), 'draft_Leaving-the-timeline-ece7c6688e68.html'));
    expect(draft).toMatchObject({ draft: true, slug: 'leaving-the-timeline' });
    expect(draft.date).toBeUndefined();
    expect(JSON.parse(mediumSeedText(POST.replace(/<time[^>]*>/, '<time>'), NAME)).date).toBe('2016-03-25');
  });

  it('is no seed (E_NOT_A_SEED) when the page holds no h-entry article with a body section', () => {
    for (const html of ['<html><body><p>A page of something else.</p></body></html>', POST.replace('data-field="body"', 'data-field="other"'), POST.replace('h-entry', 'entry')])
      expect(() => mediumSeedText(html, NAME)).toThrow(expect.objectContaining({ code: 'E_NOT_A_SEED' }));
  });

  it('is read once, in time linear in its size, however deep its elements nest or many its left-out blocks', () => {
    const deep = POST.replace('<p name="a1b2"', `${'<div>'.repeat(100_000)}<p>Deep.</p>${'</div>'.repeat(100_000)}<p name="a1b2"`);
    expect(JSON.parse(mediumSeedText(deep, NAME)).contentHtml).toContain('<p>Deep.</p>');
    const blocks = POST.replace('<p name="a1b2"', `${'<div class="section-divider"><hr></div>'.repeat(50_000)}<p name="a1b2"`);
    expect(JSON.parse(mediumSeedText(blocks, NAME)).contentHtml).not.toContain('section-divider');
  });
});
