/**
 * Disagreements with the W3C Feed Validation Service found on published feeds: each `describe` is
 * one rule where `verify` passed what the validator rejects, or rejected what it accepts, checked
 * against the validator's own source.
 */
import { describe, expect, it } from 'vitest';
import { readFeed, type FeedProblem } from '../../src/verify/index.js';

const ATOM = 'http://www.w3.org/2005/Atom';
const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';

const errors = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);

function rss(items: string, channel = '', namespaces = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="${ATOM}" ${namespaces}>
<channel>
<title>T</title>
<link>https://ex.com/</link>
<description>D</description>
<atom:link rel="self" href="https://ex.com/rss.xml"/>
${channel}
${items}
</channel>
</rss>`;
}

const item = (extra = ''): string => `<item><title>I</title><link>https://ex.com/1</link><guid>https://ex.com/1</guid>${extra}</item>`;

async function errorsOf(text: string): Promise<string[]> {
  return errors((await readFeed(text)).problems);
}

describe('iTunes flags: explicit is true or false, block is yes, no or clean', () => {
  const podcast = (channel: string, episode = ''): string => rss(item(episode), channel, `xmlns:itunes="${ITUNES}"`);

  it('yes, no and clean are no longer values of itunes:explicit; true and false are, in any case', async () => {
    for (const value of ['yes', 'no', 'clean', 'explicit']) {
      expect(await errorsOf(podcast('', `<itunes:explicit>${value}</itunes:explicit>`))).toEqual([
        `channel.item[0].itunes:explicit: expected true or false in <itunes:explicit>, found "${value}"`,
      ]);
    }
    for (const value of ['true', 'false', 'True', 'FALSE']) expect(await errorsOf(podcast(`<itunes:explicit>${value}</itunes:explicit>`))).toEqual([]);
    expect(await errorsOf(podcast('<itunes:explicit> true</itunes:explicit>'))).toEqual(['channel.itunes:explicit: expected true or false in <itunes:explicit>, found " true"']);
  });

  it('itunes:block is yes, no or clean, in any case, and not true or false', async () => {
    for (const value of ['yes', 'No', 'clean']) expect(await errorsOf(podcast(`<itunes:block>${value}</itunes:block>`))).toEqual([]);
    for (const value of ['true', '']) {
      expect(await errorsOf(podcast(`<itunes:block>${value}</itunes:block>`))).toEqual([`channel.itunes:block: expected yes, no or clean in <itunes:block>, found "${value}"`]);
    }
  });
});
