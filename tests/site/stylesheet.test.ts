import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFeeds } from '../../src/pipeline.js';
import { FEED_STYLESHEET } from '../../src/site/stylesheet.js';
import { checkWellFormedXml } from '../../src/verify/index.js';
import { makeStory, testSite } from '../support/stories.js';

/** The bundled XSL, applied by a real XSLT 1.0 processor (xsltproc, Debian package `xsltproc`). */
const dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-xsl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stories = [
  makeStory({
    slug: 'a',
    title: 'Grain & <ports>',
    summary: 'Ships carried 6 < 7 million tonnes.',
    authors: [{ name: 'Olena Marchenko' }, { name: 'Ivan Lysak' }],
    tags: ['Economy'],
  }),
  makeStory({
    slug: 'b',
    title: 'Second story',
    authors: [{ name: 'Desk', email: 'desk@news.example.com' }],
    published: new Date('2024-09-01T00:00:00Z'),
    updated: new Date('2024-09-01T00:00:00Z'),
  }),
];
const { outputs } = buildFeeds(stories, { ...testSite, stylesheet: 'feed.xsl' });

function transform(feed: string): string {
  try {
    execFileSync('xsltproc', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('xsltproc is missing: install the Debian package xsltproc (apt-get install xsltproc)');
  }
  writeFileSync(path.join(dir, 'feed.xsl'), FEED_STYLESHEET);
  writeFileSync(path.join(dir, 'feed.xml'), feed);
  return execFileSync('xsltproc', [path.join(dir, 'feed.xsl'), path.join(dir, 'feed.xml')], { encoding: 'utf8' });
}

describe('the bundled stylesheet', () => {
  it('is well-formed XML, and every feed points at it', () => {
    expect(checkWellFormedXml(FEED_STYLESHEET).ok).toBe(true);
    expect(outputs.rss).toContain('<?xml-stylesheet href="feed.xsl" type="text/xsl"?>');
    expect(outputs.atom).toContain('<?xml-stylesheet href="feed.xsl" type="text/xsl"?>');
  });

  it.each(['rss', 'atom'] as const)('turns %s into a readable page with a subscribe note', (format) => {
    const html = transform(outputs[format]);
    expect(html).toContain('This is a web feed.');
    expect(html).toContain(`https://news.example.com/${format}.xml`);
    expect(html).toContain('Grain &amp; &lt;ports&gt;');
    expect(html).toContain('Ships carried 6 &lt; 7 million tonnes.');
    expect(html).toContain('href="https://news.example.com/a"');
    expect(html).toContain('Olena Marchenko');
    expect(html).toMatch(/<span>Economy<\/span>/);
    expect(html).not.toMatch(/<ports>/);
  });
});
