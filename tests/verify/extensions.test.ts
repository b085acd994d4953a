/**
 * Extension modules read by namespace and checked by their own specifications (the W3C
 * conformance cases cover them broadly; these pin one rule of each checker).
 */
import { describe, expect, it } from 'vitest';
import { readFeed, type FeedProblem } from '../../src/verify/index.js';

const errors = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);

function rss(namespaces: string, channel: string, item: string): string {
  return (
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" ${namespaces}><channel><title>T</title><link>https://ex.com/</link><description>D</description>` +
    `<atom:link rel="self" href="https://ex.com/rss.xml"/>${channel}<item><title>x</title>${item}</item></channel></rss>`
  );
}

describe('extension modules', () => {
  it('a second dc:date in the channel is an error; in an item, dates may repeat', async () => {
    const dc = 'xmlns:d="http://purl.org/dc/elements/1.1/"';
    const feed = await readFeed(rss(dc, '<d:date>2024-01-01</d:date><d:date>2024-01-02</d:date>', '<d:date>2024-01-01</d:date><d:date>2024-01-02</d:date>'));
    expect(errors(feed.problems)).toEqual([expect.stringMatching(/^channel\.dc:date: <d:date> appears again/)]);
  });

  it('sy:updatePeriod must be one of the periods, and sy is a closed module', async () => {
    const feed = await readFeed(
      rss('xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"', '<sy:updatePeriod>fortnightly</sy:updatePeriod><sy:updateFrequence>2</sy:updateFrequence>', ''),
    );
    expect(errors(feed.problems)).toEqual([
      'channel.sy:updatePeriod: expected hourly, daily, weekly, monthly or yearly, found "fortnightly" in <sy:updatePeriod>',
      'channel.sy:updateFrequence: <sy:updateFrequence> is not an element of the sy module',
    ]);
  });

  it('itunes:explicit is compared as written, and itunes:duration belongs in items', async () => {
    const feed = await readFeed(
      rss('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"', '<itunes:duration>1:00</itunes:duration>', '<itunes:explicit> yes</itunes:explicit>'),
    );
    expect(errors(feed.problems)).toEqual([
      'channel.itunes:duration: <itunes:duration> belongs in an item, not here',
      'channel.item[0].itunes:explicit: expected true or false in <itunes:explicit>, found " yes"',
    ]);
  });

  it('Media RSS: attribute types, a group of one, and the namespace without its slash', async () => {
    const feed = await readFeed(
      rss(
        'xmlns:media="http://search.yahoo.com/mrss/" xmlns:m2="http://search.yahoo.com/mrss"',
        '',
        '<media:group><media:content url="https://ex.com/a.mp4" width="-3"/></media:group><m2:title>t</m2:title>',
      ),
    );
    expect(errors(feed.problems)).toEqual([
      expect.stringMatching(/^channel\.item\[0\]\.media:group: a <media:group> offers alternatives/),
      'channel.item[0].media:group.media:content.width: width: expected a whole number above 0, found "-3"',
      'channel.item[0].m2:title: <m2:title> is in "http://search.yahoo.com/mrss"; the Media RSS namespace is "http://search.yahoo.com/mrss/"',
    ]);
  });

  it('Media RSS: a media:content duration may have a fraction of a second, as podcast hosts write it', async () => {
    const media = 'xmlns:media="http://search.yahoo.com/mrss/"';
    const content = (duration: string): string => `<media:content url="https://ex.com/a.mp3" type="audio/mpeg" medium="audio" duration="${duration}"/>`;
    expect(errors((await readFeed(rss(media, '', content('3130.2')))).problems)).toEqual([]);
    expect(errors((await readFeed(rss(media, '', content('185')))).problems)).toEqual([]);
    expect(errors((await readFeed(rss(media, '', content('52:10')))).problems)).toEqual(['channel.item[0].media:content.duration: duration: expected a number, found "52:10"']);
  });

  it('FeedSync: sx:sync needs its history, and since may not come after until', async () => {
    const sx = 'xmlns:sx="http://feedsync.org/2007/feedsync"';
    const feed = await readFeed(rss(sx, '<sx:sharing since="2024-02-01T00:00:00Z" until="2024-01-01T00:00:00Z"/>', '<sx:sync id="item-1" updates="1"/>'));
    expect(errors(feed.problems)).toEqual(['channel.sx:sharing: since is later than until', 'channel.item[0].sx:sync.sx:history: expected an <sx:history>, found none']);
  });
});
