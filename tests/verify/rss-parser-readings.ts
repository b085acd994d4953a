import { expect } from 'vitest';
import { type RssParserReading, readTreeWithRssParser, readWithRssParser } from '../../src/verify/rss-parser-reading.js';
import { parseXml } from '../../src/verify/xml-check.js';

/** A reading without the fields rss-parser takes from bodies. */
export function withoutBodies(reading: RssParserReading): RssParserReading {
  if (!reading.ok) return reading;
  return { ok: true, items: reading.items.map(({ content: _content, contentSnippet: _snippet, summary: _summary, ...rest }) => rest) };
}

/** Expects rss-parser's reading of the strict tree of `text` to be its reading of the text, bodies aside. */
export async function bothReadings(text: string): Promise<void> {
  const fromText = await readWithRssParser(text);
  const fromTree = await readTreeWithRssParser(parseXml(text).root, text);
  expect(fromTree).toEqual(withoutBodies(fromText));
}
