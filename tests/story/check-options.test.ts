import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStoryfeedError } from '../../src/errors.js';
import { readSeed } from '../../src/seed/index.js';
import { renderMarkdown } from '../../src/seed/markdown.js';
import { normalizeStory, parseSeed } from '../../src/story/normalize.js';

/** The story entry points called from plain JavaScript with wrong arguments: E_ITEM naming the option, never a TypeError. */

const site = { siteUrl: 'https://x.example' };
const text = 'Title\n\nBody text here.\n';

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (!isStoryfeedError(error)) throw new Error(`expected a StoryfeedError, got ${String(error)}`);
    expect(error.code).toBe('E_ITEM');
    return error.message;
  }
  throw new Error('expected the call to fail');
}

describe('arguments of parseSeed, readSeed, normalizeStory and renderMarkdown', () => {
  it('names the argument or option that is wrong', () => {
    expect(messageOf(() => parseSeed(5 as never, { site }))).toMatch(/^text must be the seed's text/);
    expect(messageOf(() => parseSeed(text, undefined as never))).toMatch(/^options must be an object with at least \{ site/);
    expect(messageOf(() => parseSeed(text, { site: null as never }))).toMatch(/^options\.site must be an object/);
    expect(messageOf(() => parseSeed(text, { site, file: 5 as never }))).toMatch(/^options\.file must be text/);
    expect(messageOf(() => parseSeed(text, { site, format: 'html' as never }))).toMatch(/^options\.format must be "text", "markdown" or "json"/);
    expect(messageOf(() => parseSeed(text, { site, fallbackDate: '2024-01-01' as never }))).toMatch(/^options\.fallbackDate must be a valid Date/);
    expect(messageOf(() => parseSeed(text, { site, timeZone: 'Mars/Base' }))).toMatch(/^options\.timeZone must be an IANA time zone/);
    expect(messageOf(() => parseSeed(text, { site: { ...site, storyPath: [] as never } }))).toMatch(/^options\.site\.storyPath must be text/);
    expect(messageOf(() => parseSeed(text, { site: { ...site, authors: 'Ann' as never } }))).toMatch(/^options\.site\.authors must be a list/);
    expect(messageOf(() => parseSeed(text, { site: { ...site, authorProfiles: 'slorber' as never } }))).toMatch(
      /^options\.site\.authorProfiles must be an object of authors by id/,
    );
    expect(messageOf(() => parseSeed(text, { site: { ...site, defaultDate: 'soon' } }))).toMatch(/^options\.site\.defaultDate "soon" is not an ISO 8601 date/);
    expect(messageOf(() => parseSeed(text, { site: { ...site, entityTags: 10n as never } }))).toMatch(/^options\.site\.entityTags must be a whole number/);
    expect(messageOf(() => readSeed(null as never))).toMatch(/^text must be the seed's text/);
    expect(messageOf(() => readSeed(text, 'a.txt' as never))).toMatch(/^options must be an object/);
    expect(messageOf(() => renderMarkdown(undefined as never))).toMatch(/^markdown must be the seed's text/);
    expect(messageOf(() => normalizeStory(null as never, { site }))).toMatch(/^seed must be a seed article/);
    expect(messageOf(() => normalizeStory({ ...readSeed(text), sections: 'x' } as never, { site }))).toMatch(/^seed\.sections must be a list/);
    expect(messageOf(() => normalizeStory({ ...readSeed(text), excerpt: 7 } as never, { site }))).toMatch(/^seed\.excerpt must be text/);
    expect(messageOf(() => parseSeed(text, { site, seedsFolderTop: 'yes' as never }))).toMatch(/^options\.seedsFolderTop must be true or false/);
  });

  it('any value for any option is a Story or a StoryfeedError (property)', () => {
    const keys = ['file', 'format', 'timeZone', 'fallbackDate', 'analysis', 'onWarning', 'sidecar', 'site'];
    const siteKeys = ['siteUrl', 'language', 'authors', 'authorProfiles', 'storyPath', 'entityTags', 'entities', 'defaultYear', 'defaultDate', 'timeZone'];
    fc.assert(
      fc.property(fc.boolean(), fc.constantFrom(...keys, ...siteKeys), fc.anything(), (onSite, key, value) => {
        const options = onSite && siteKeys.includes(key) ? { site: { ...site, [key]: value } } : { site, [key]: value };
        try {
          parseSeed('IZMAIL, Ukraine, Nov. 3 — Title\n\nBody text here.\n', options as never);
        } catch (error) {
          expect(isStoryfeedError(error), String(error)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
