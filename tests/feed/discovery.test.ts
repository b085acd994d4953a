import { describe, expect, it } from 'vitest';
import { discoveryLinks } from '../../src/feed/discovery.js';
import { buildFeedSet, feedSetFiles } from '../../src/feed/sets.js';
import { renderIndexPage } from '../../src/site/index-page.js';
import { makeStory, testSite } from '../support/stories.js';

describe('discovery and the index page', () => {
  const set = buildFeedSet([makeStory({ slug: 'a', title: 'A <b> & "c"', tags: ['Energy'] })], { ...testSite, title: 'News & Views' }, { tagFeeds: true });

  it('announces each feed with its media type and an escaped title', () => {
    expect(discoveryLinks([set[0]!.document]).split('\n')).toEqual([
      '<link rel="alternate" type="application/rss+xml" title="News &amp; Views (RSS)" href="https://news.example.com/rss.xml">',
      '<link rel="alternate" type="application/atom+xml" title="News &amp; Views (Atom)" href="https://news.example.com/atom.xml">',
      '<link rel="alternate" type="application/feed+json" title="News &amp; Views (JSON Feed)" href="https://news.example.com/feed.json">',
    ]);
  });

  it('lists the feeds and stories, everything escaped, links relative', () => {
    const html = renderIndexPage(set, (e) => feedSetFiles(e, testSite));
    expect(html).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(html).toContain('<a href="tags/energy/rss.xml">RSS</a>');
    expect(html).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(html).not.toContain('<b>');
  });
});
