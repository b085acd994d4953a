import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import type { Diagnostic } from '../../src/errors.js';
import { buildSite } from '../../src/node/build.js';
import { loadStory } from '../../src/node/load-stories.js';
import { findSeedFiles } from '../../src/node/seed-files.js';

/**
 * A Substack export (Settings → Exports, unzipped) built in place: `posts.csv` gives each post's
 * metadata, `posts/<post_id>.html` its body.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-substack-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url';

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
}

function exportOf(rows: string[], posts: Record<string, string>): void {
  write('export/posts.csv', `${HEADER}\n${rows.join('\n')}\n`);
  write('export/email_list.abc.csv', 'email,active_subscription\nreader@example.com,true\n');
  for (const [id, html] of Object.entries(posts)) write(`export/posts/${id}.html`, html);
}

const config = validateConfig({ siteUrl: 'https://letters.example', title: 'Letters', entities: false });

async function build(options: { cache?: boolean; keepGoing?: boolean } = {}) {
  const warnings: Diagnostic[] = [];
  const result = await buildSite({
    config,
    cwd: dir,
    seeds: 'export',
    out: 'out',
    workers: 0,
    sourceDateEpoch: '1700000000',
    cache: options.cache ?? false,
    ...(options.keepGoing ? { keepGoing: true } : {}),
    onWarning: (d) => warnings.push(d),
  });
  const feed = JSON.parse(result.outputs.json) as {
    items: { id: string; title: string; summary?: string; date_published: string; content_html: string; attachments?: { url: string; mime_type: string }[] }[];
  };
  return { feed, rss: result.outputs.rss, warnings: warnings.map((w) => `${w.code} ${w.file}`) };
}

describe('a Substack export', () => {
  it("publishes its public posts, each its HTML without Substack's calls to subscribe and its row's title, subtitle, date and slug", async () => {
    exportOf(
      [
        '148210.leaving-the-feed,2024-03-10T12:00:00.000Z,true,2024-03-10T12:00:00.000Z,,newsletter,everyone,"Leaving the feed, for good",Why I quit the timeline,',
        '148211.members-only,2024-03-12T12:00:00.000Z,true,,,newsletter,only_paid,Members only,,',
        '148212.rough-idea,,false,,,newsletter,everyone,Rough idea,,',
        '148213.open-thread,2024-03-14T12:00:00.000Z,true,,,thread,everyone,Open thread,,',
      ],
      {
        '148210.leaving-the-feed':
          '<p>I deleted the app on a Tuesday, and the quiet became the point.</p><div class="subscription-widget-wrap-editor"><div class="subscription-widget"><p class="cta-caption">Thanks for reading! Subscribe for free.</p><form><input type="email"/></form></div></div><p>Now I read feeds instead.</p>',
        '148211.members-only': '<p>What paying members read.</p>',
        '148212.rough-idea': '<p>A rough idea.</p>',
        '148213.open-thread': '<p>What are you reading?</p>',
      },
    );
    const { feed, warnings } = await build();
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item).toMatchObject({
      id: 'https://letters.example/leaving-the-feed',
      title: 'Leaving the feed, for good',
      summary: 'Why I quit the timeline',
      date_published: '2024-03-10T12:00:00.000Z',
    });
    expect(item!.content_html).toContain('Now I read feeds instead.');
    expect(item!.content_html).not.toMatch(/Thanks for reading|Subscribe/);
    expect(JSON.stringify(feed)).not.toContain('paying members');
    expect(warnings).toEqual(
      expect.arrayContaining([
        'W_NOT_PUBLIC export/posts/148211.members-only.html',
        'W_NOT_A_SEED export/posts/148213.open-thread.html',
        'W_DRAFT export/posts/148212.rough-idea.html',
      ]),
    );
  });

  it("publishes a podcast post's audio (podcast_url) as the episode's enclosure, and names a podcast_url it cannot publish", async () => {
    const audio = 'https://api.substack.com/feed/podcast/139226516/3ee3a26b0e07b8b2a1c50bc1b3e63f77.mp3';
    exportOf(
      [
        `139226516.episode-one,2024-03-10T12:00:00.000Z,true,,,podcast,everyone,Episode one,The first show,${audio}`,
        '139226517.episode-two,2024-03-11T12:00:00.000Z,true,,,podcast,everyone,Episode two,The second show,https://api.substack.com/feed/podcast/139226517/ab12',
        // No show notes: the episode is its audio.
        `139226518.episode-three,2024-03-12T12:00:00.000Z,true,,,podcast,everyone,Episode three,The third show,${audio.replace('139226516', '139226518')}`,
      ],
      {
        '139226516.episode-one': '<p>Show notes of the first episode.</p>',
        '139226517.episode-two': '<p>Show notes of the second episode.</p>',
        '139226518.episode-three': '',
      },
    );
    // Built anew, then twice from the cache: the warning comes back with the cached story.
    for (const cache of [false, true, true]) {
      const { feed, rss, warnings } = await build({ cache });
      expect(feed.items.map((item) => [item.title, item.attachments?.map((a) => [a.url, a.mime_type])])).toEqual([
        ['Episode three', [[audio.replace('139226516', '139226518'), 'audio/mpeg']]],
        ['Episode two', undefined],
        ['Episode one', [[audio, 'audio/mpeg']]],
      ]);
      expect(feed.items[0]!.content_html).toContain('<audio src="https://api.substack.com/feed/podcast/139226518/');
      // RSS asks for a length; the export gives none: 0, as RSS asks of a length not known.
      expect(rss).toContain(`<enclosure url="${audio}" length="0" type="audio/mpeg"/>`);
      expect(warnings).toEqual(['W_PODCAST_EPISODE export/posts/139226517.episode-two.html']);
    }
  });

  it('leaves out a page posts.csv has no row for, with a warning naming it, and reads a row again when it changes, from the cache too', async () => {
    exportOf(['1.first,2024-01-01T00:00:00Z,true,,,newsletter,everyone,First,One,'], { '1.first': '<p>The first letter.</p>', '2.stray': '<p>No row.</p>' });
    const first = await build({ cache: true });
    expect(first.feed.items.map((item) => item.summary)).toEqual(['One']);
    expect(first.warnings).toContain('W_NOT_A_SEED export/posts/2.stray.html');
    write('export/posts.csv', `${HEADER}\n1.first,2024-01-01T00:00:00Z,true,,,newsletter,everyone,First,Another subtitle,\n`);
    expect((await build({ cache: true })).feed.items[0]!.summary).toBe('Another subtitle');
  });

  it("is no Substack export when its posts.csv names no post_id: a site's posts folder of HTML pages beside a table of its own stays unread", async () => {
    write('site/posts.csv', 'name,score\nA,1\n');
    write('site/posts/page.html', '<p>A page of the site.</p>');
    write('site/posts/article.md', '---\ntitle: An article\ndate: 2024-01-01\n---\n\nThe one article.\n');
    const result = await buildSite({ config, cwd: dir, seeds: 'site', out: 'out', workers: 0, sourceDateEpoch: '1700000000', cache: false });
    expect((JSON.parse(result.outputs.json) as { items: { title: string }[] }).items.map((item) => item.title)).toEqual(['An article']);
  });

  it('is read by the library as a build reads it: findSeedFiles lists its pages, loadStory reads each with its row', async () => {
    exportOf(['1.first,2024-01-01T00:00:00Z,true,,,newsletter,everyone,First,One,', '2.paid,2024-01-02T00:00:00Z,true,,,newsletter,only_paid,Paid,,'], {
      '1.first': '<p>The first letter.</p>',
      '2.paid': '<p>For members.</p>',
    });
    const files = await findSeedFiles('export', dir);
    const story = await loadStory(files.find((f) => f.path.endsWith('1.first.html'))!, { site: config, cwd: dir });
    expect(story).toMatchObject({ title: 'First', summary: 'One', slug: 'first' });
    await expect(loadStory(files.find((f) => f.path.endsWith('2.paid.html'))!, { site: config, cwd: dir })).rejects.toMatchObject({ code: 'E_UNSUPPORTED' });
  });
});
