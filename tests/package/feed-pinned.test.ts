import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';

/**
 * render/ edits the text `feed` writes (root start tags, entry ids, Atom enclosure types), so
 * package.json pins `feed` to the exact version whose output this file records. A new version must
 * pass this test, and the render tests, before the pin moves.
 */
const root = path.resolve(import.meta.dirname, '../..');

const RSS = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
  '    <channel>',
  '        <title>T</title>',
  '        <link>https://x.example/</link>',
  '        <description>D</description>',
  '        <lastBuildDate>Thu, 01 Jan 1970 00:00:00 GMT</lastBuildDate>',
  '        <docs>https://validator.w3.org/feed/docs/rss2.html</docs>',
  '        <generator>g</generator>',
  '        <copyright>C</copyright>',
  '        <item>',
  '            <title><![CDATA[I]]></title>',
  '            <link>https://x.example/i</link>',
  '            <guid isPermaLink="false">https://x.example/i</guid>',
  '            <pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate>',
  '            <description><![CDATA[S]]></description>',
  '            <content:encoded><![CDATA[<p>C</p>]]></content:encoded>',
  '            <author>A</author>',
  '            <category>c</category>',
  '            <enclosure length="1" type="image/jpeg" url="https://x.example/i.jpg"/>',
  '        </item>',
  '    </channel>',
  '</rss>',
].join('\n');

const ATOM = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  '    <id>https://x.example/</id>',
  '    <title>T</title>',
  '    <updated>1970-01-01T00:00:00.000Z</updated>',
  '    <generator>g</generator>',
  '    <author>',
  '        <name>A</name>',
  '        <email>a@x.example</email>',
  '    </author>',
  '    <link rel="alternate" href="https://x.example/"/>',
  '    <link rel="self" href="https://x.example/atom.xml"/>',
  '    <subtitle>D</subtitle>',
  '    <rights>C</rights>',
  '    <entry>',
  '        <title type="html"><![CDATA[I]]></title>',
  '        <id>https://x.example/i</id>',
  '        <link href="https://x.example/i"/>',
  '        <link rel="enclosure" href="https://x.example/i.jpg" type="image/jpg" length="1"/>',
  '        <updated>1970-01-01T00:00:00.000Z</updated>',
  '        <summary type="html"><![CDATA[S]]></summary>',
  '        <content type="html"><![CDATA[<p>C</p>]]></content>',
  '        <author>',
  '            <name>A</name>',
  '        </author>',
  '        <category label="c"/>',
  '    </entry>',
  '</feed>',
].join('\n');

const sample = (): Feed => {
  const feed = new Feed({
    title: 'T',
    id: 'https://x.example/',
    link: 'https://x.example/',
    description: 'D',
    copyright: 'C',
    updated: new Date(0),
    generator: 'g',
    feedLinks: { json: 'https://x.example/feed.json', atom: 'https://x.example/atom.xml' },
    author: { name: 'A', email: 'a@x.example' },
  });
  feed.addItem({
    title: 'I',
    id: 'https://x.example/i',
    link: 'https://x.example/i',
    description: 'S',
    content: '<p>C</p>',
    date: new Date(0),
    author: [{ name: 'A' }],
    enclosure: { url: 'https://x.example/i.jpg', type: 'image/jpeg', length: 1 },
    category: [{ name: 'c' }],
  });
  return feed;
};

describe('the pinned feed version', () => {
  it('is an exact version, and the one installed', () => {
    const pinned = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies.feed;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (JSON.parse(readFileSync(path.join(root, 'node_modules/feed/package.json'), 'utf8')) as { version: string }).version;
    expect(installed).toBe(pinned);
  });

  it('writes RSS 2.0 text exactly as render/ expects it', () => {
    expect(sample().rss2()).toBe(RSS);
  });

  it('writes Atom 1.0 text exactly as render/ expects it (including its enclosure type defect)', () => {
    expect(sample().atom1()).toBe(ATOM);
  });

  it('writes JSON Feed 1.0 structure that render/json.ts rewrites to 1.1', () => {
    const json = JSON.parse(sample().json1()) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1');
    expect(Object.keys(json)).toEqual(['version', 'title', 'home_page_url', 'feed_url', 'description', 'author', 'items']);
    expect(Object.keys(json.items[0]!)).toEqual(['id', 'content_html', 'url', 'title', 'summary', 'date_modified', 'author', 'tags']);
  });
});
