import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import type { Diagnostic } from '../../src/errors.js';
import { buildSite } from '../../src/node/build.js';

/** Medium's account export (unzipped) built in place: its `posts` folder's pages are the seeds. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-medium-'));
  cpSync(path.join(import.meta.dirname, '../fixtures/medium-export/posts'), path.join(dir, 'export/posts'), { recursive: true });
  mkdirSync(path.join(dir, 'export/profile'));
  writeFileSync(path.join(dir, 'export/README.html'), '<html><body><h1>Archive for Ada Writer</h1></body></html>');
  writeFileSync(path.join(dir, 'export/profile/profile.html'), '<html><body><h3 class="p-name">Ada Writer</h3></body></html>');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const POST = '2016-03-25_Leaving-the-timeline-ece7c6688e68.html';
const config = validateConfig({ siteUrl: 'https://ada.example', title: 'Ada', entities: false });

async function build(cache = false) {
  const warnings: Diagnostic[] = [];
  const result = await buildSite({ config, cwd: dir, seeds: 'export', out: 'out', workers: 0, sourceDateEpoch: '1700000000', cache, onWarning: (d) => warnings.push(d) });
  const feed = JSON.parse(result.outputs.json) as {
    items: { id: string; title: string; summary?: string; date_published: string; authors?: { name: string }[]; content_html: string }[];
  };
  return { feed, json: result.outputs.json, warnings: warnings.map((w) => `${w.code} ${w.file}`) };
}

describe("Medium's export", () => {
  it('publishes its posts, each as its page gives it, and leaves out its drafts and pages that are no posts, named', async () => {
    const page = readFileSync(path.join(dir, 'export/posts', POST), 'utf8');
    writeFileSync(path.join(dir, 'export/posts/draft_Half-an-idea-ad0ea1c7a4f3.html'), page.replace(/<time[^>]*>/, '<time>'));
    writeFileSync(path.join(dir, 'export/posts/2017-01-01_Not-a-post-abcdef123456.html'), '<html><body><p>A page named like a post.</p></body></html>');
    const { feed, warnings } = await build();
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: 'https://ada.example/leaving-the-timeline',
      title: 'Leaving the timeline',
      summary: 'Why I read feeds & letters now',
      date_published: '2016-03-25T05:53:26.260Z',
      authors: [{ name: 'Ada Writer' }],
    });
    expect(item!.content_html).toContain('<p>I deleted the app on a Tuesday, and the quiet became the point.</p>');
    expect(item!.content_html).not.toMatch(/Leaving the timeline<\/h3>|Why I read feeds &amp; letters now<\/h4>|background-image/);
    // The export's other pages (README.html, profile/) are no seeds; the link card's thumbnail raises no W_UNSAFE_HTML.
    expect(warnings.sort()).toEqual([
      'W_DRAFT export/posts/draft_Half-an-idea-ad0ea1c7a4f3.html',
      'W_NOT_A_SEED export/posts/2017-01-01_Not-a-post-abcdef123456.html',
      // A draft has no date, as any undated draft is named.
      'W_NO_DATE export/posts/draft_Half-an-idea-ad0ea1c7a4f3.html',
    ]);
  });

  it('keeps the id in the slugs of posts whose titles another seed shares, and titles an untitled post by its name', async () => {
    const page = readFileSync(path.join(dir, 'export/posts', POST), 'utf8');
    const notes = (day: string, id: string, text: string) =>
      writeFileSync(
        path.join(dir, `export/posts/2024-01-${day}_Weekly-notes-${id}.html`),
        page.replace('2016-03-25T05:53:26.260Z', `2024-01-${day}T08:00:00.000Z`).replace('the quiet became the point', text),
      );
    notes('01', 'a1b2c3d4e5f6', 'the first week');
    notes('08', '0a1b2c3d4e5f', 'the second week');
    writeFileSync(
      path.join(dir, 'export/posts/2024-02-01_Reply-abcdef654321.html'),
      page.replace(/<h1 class="p-name">[^<]*<\/h1>/, '').replace('2016-03-25T05:53:26.260Z', '2024-02-01T08:00:00.000Z'),
    );
    for (const cache of [false, true, true]) {
      const { feed } = await build(cache);
      expect(feed.items.map((item) => [item.id, item.title])).toEqual([
        ['https://ada.example/reply', 'Reply'],
        ['https://ada.example/weekly-notes-0a1b2c3d4e5f', 'Leaving the timeline'],
        ['https://ada.example/weekly-notes-a1b2c3d4e5f6', 'Leaving the timeline'],
        ['https://ada.example/leaving-the-timeline', 'Leaving the timeline'],
      ]);
    }
    // A seed of another kind named like a post keeps the post from its plain slug too.
    writeFileSync(path.join(dir, 'export/leaving-the-timeline.md'), '---\ntitle: Mine\ndate: 2024-03-01T08:00:00Z\n---\n\nMy own post.\n');
    const { feed } = await build();
    expect(feed.items.map((item) => item.id)).toContain('https://ada.example/leaving-the-timeline-ece7c6688e68');
    expect(feed.items.map((item) => item.id)).toContain('https://ada.example/leaving-the-timeline');
  });

  it('gives the same feeds from the story cache', async () => {
    const cold = await build(false);
    await build(true);
    const warm = await build(true);
    expect(warm.json).toBe(cold.json);
  });
});
