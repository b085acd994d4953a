/**
 * The iTunes podcast checks of a channel: the tags Apple Podcasts requires of a show, looked for
 * once the channel or an item has an iTunes element.
 */
import { describe, expect, it } from 'vitest';
import { readFeed, type FeedProblem } from '../../src/verify/index.js';

const ITUNES = 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';
const EPISODE = '<enclosure url="https://ex.com/1.mp3" length="1200" type="audio/mpeg"/><itunes:duration>1:02:03</itunes:duration>';

const warnings = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'warning').map((p) => `${p.path}: ${p.message}`);

function rss(channel: string, item: string, language = '<language>en</language>'): string {
  return (
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" ${ITUNES}><channel><title>T</title><link>https://ex.com/</link><description>D</description>${language}` +
    `<atom:link rel="self" href="https://ex.com/rss.xml"/>${channel}<item><title>x</title><guid>https://ex.com/1</guid>${item}</item></channel></rss>`
  );
}

const COMPLETE_CHANNEL =
  '<itunes:image href="https://ex.com/art.jpg"/><itunes:category text="Society &amp; Culture"><itunes:category text="Documentary"/></itunes:category>' +
  '<itunes:explicit>false</itunes:explicit><itunes:owner><itunes:name>Ann</itunes:name><itunes:email>ann@ex.com</itunes:email></itunes:owner>';

describe('iTunes podcast channels', () => {
  it('warns of each tag Apple Podcasts requires that a podcast channel lacks', async () => {
    const feed = await readFeed(rss('', EPISODE, ''));
    expect(warnings(feed.problems)).toEqual([
      "channel.language: expected <language> in a podcast, found none (Apple Podcasts requires the show's language)",
      'channel.itunes:category: expected <itunes:category> in a podcast, found none (Apple Podcasts requires a category)',
      'channel.itunes:explicit: expected <itunes:explicit> in a podcast, found none (Apple Podcasts requires true or false)',
      'channel.itunes:image: expected <itunes:image> in a podcast, found none (Apple Podcasts requires the show artwork)',
      'channel.itunes:owner: expected <itunes:owner> in a podcast, found none (directories confirm who owns the show by its <itunes:email>)',
    ]);
  });

  it('names only what is missing: a channel with some of the tags', async () => {
    const feed = await readFeed(rss('<itunes:explicit>true</itunes:explicit><itunes:image href="https://ex.com/art.png"/>', EPISODE));
    expect(warnings(feed.problems)).toEqual([
      'channel.itunes:category: expected <itunes:category> in a podcast, found none (Apple Podcasts requires a category)',
      'channel.itunes:owner: expected <itunes:owner> in a podcast, found none (directories confirm who owns the show by its <itunes:email>)',
    ]);
  });

  it('a complete podcast channel, with its language as xml:lang, has no warning', async () => {
    const feed = await readFeed(rss(COMPLETE_CHANNEL, EPISODE).replace('<channel>', '<channel xml:lang="en">').replace('<language>en</language>', ''));
    expect(warnings(feed.problems)).toEqual([]);
    expect(feed.problems).toEqual([]);
  });

  it('a feed with no iTunes element is no podcast and is not held to them', async () => {
    const feed = await readFeed(rss('', '<enclosure url="https://ex.com/1.mp3" length="1200" type="audio/mpeg"/>', ''));
    expect(warnings(feed.problems)).toEqual([]);
  });
});
