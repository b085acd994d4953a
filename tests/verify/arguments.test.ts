import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStoryfeedError } from '../../src/errors.js';
import * as verify from '../../src/verify/index.js';
import { sampleDocument } from './fixtures.js';

/**
 * Every function of `storyfeed/verify` given values of the wrong kind (as a plain JavaScript
 * caller can) throws a StoryfeedError naming the argument or field, never a TypeError.
 */

/** What calling `fn` throws (or rejects with): `ok`, a StoryfeedError's code and message, or the other error's name. */
async function outcome(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return 'ok';
  } catch (error) {
    return isStoryfeedError(error) ? `${error.code}: ${error.detail}` : `not a StoryfeedError: ${String(error)}`;
  }
}

const junk = fc.oneof(
  fc.constantFrom(undefined, null, 0, Number.NaN, true, 'text', [], {}, Symbol('s'), () => 1, new Date(Number.NaN), new Uint8Array([1])),
  fc.anything(),
);

const calls: [string, (value: unknown) => unknown][] = [
  ['readFeed', (v) => verify.readFeed(v as string)],
  ['checkWellFormedXml', (v) => verify.checkWellFormedXml(v as string)],
  ['checkUtf8', (v) => verify.checkUtf8(v as Uint8Array)],
  ['decodeFeed', (v) => verify.decodeFeed(v as Uint8Array)],
  ['canonicalHtml', (v) => verify.canonicalHtml(v as string)],
  ['htmlToText', (v) => verify.htmlToText(v as string)],
  ['verifyDocument (outputs)', (v) => verify.verifyDocument(v as never, sampleDocument())],
  ['verifyDocument (document)', (v) => verify.verifyDocument({}, v as never)],
  ['verifyExtensions', (v) => verify.verifyExtensions({}, v as never)],
  ['compareFeed', (v) => verify.compareFeed(v as never, sampleDocument(), 'rss')],
  ['crossCheck', (v) => verify.crossCheck(v as never)],
  ['formatReport', (v) => verify.formatReport(v as never)],
  ['formatProblemLine', (v) => verify.formatProblemLine(v as never)],
];

describe('storyfeed/verify given values of the wrong kind', () => {
  it.each(calls)('%s throws only StoryfeedErrors', async (_name, call) => {
    await fc.assert(
      fc.asyncProperty(junk, async (value) => {
        const result = await outcome(() => call(value));
        expect(result).not.toMatch(/^not a StoryfeedError/);
      }),
      { numRuns: 200 },
    );
  });

  it('names the field of a feed document that is wrong', async () => {
    const doc = sampleDocument();
    const items = doc.items.map((item, i) => (i === 1 ? { ...item, published: 'yesterday' } : item));
    expect(await outcome(() => verify.verifyDocument({}, { ...doc, items } as never))).toBe('E_ITEM: doc.items[1].published must be a valid Date, found "yesterday"');
    expect(await outcome(() => verify.verifyDocument({ rss: 5 } as never, doc))).toBe('E_ITEM: outputs.rss must be text, found number 5');
    expect(await outcome(() => verify.compareFeed({ items: [] } as never, doc, 'xml' as never))).toBe('E_ITEM: format must be "rss", "atom" or "json", found "xml"');
  });

  it('names nested fields, list entries and their fields by their whole path', async () => {
    const doc = sampleDocument();
    const withItem = (i: number, change: Record<string, unknown>): unknown => ({ ...doc, items: doc.items.map((item, k) => (k === i ? { ...item, ...change } : item)) });
    const cases: [unknown, string][] = [
      [{ ...doc, selfUrls: { ...doc.selfUrls, atom: 1 } }, 'doc.selfUrls.atom must be text, found number 1'],
      [{ ...doc, generator: { ...doc.generator, version: null } }, 'doc.generator.version must be text, found null'],
      [{ ...doc, authors: [{ name: 'A' }, { name: 'B', email: 7 }] }, 'doc.authors[1].email must be text, found number 7'],
      [{ ...doc, authors: 'A' }, 'doc.authors must be a list, found "A"'],
      [{ ...doc, items: [doc.items[0], 'x'] }, 'doc.items[1] must be a feed item, found "x"'],
      [withItem(0, { summary: 3 }), 'doc.items[0].summary must be text, found number 3'],
      [withItem(1, { tags: ['a', 'b', false] }), 'doc.items[1].tags[2] must be text, found boolean false'],
      [withItem(0, { authors: [{ name: 2 }] }), 'doc.items[0].authors[0].name must be text, found number 2'],
      [
        withItem(1, { enclosures: [{ url: 'https://example.com/a.mp3', type: 'audio/mpeg' }, { type: 'audio/mpeg' }] }),
        'doc.items[1].enclosures[1].url must be text, found nothing',
      ],
      [withItem(0, { episode: 'one' }), 'doc.items[0].episode must be an object, found "one"'],
    ];
    for (const [value, message] of cases) expect(await outcome(() => verify.verifyDocument({}, value as never))).toBe(`E_ITEM: ${message}`);
    expect(await outcome(() => verify.formatReport({ ok: false, problems: [{ format: 'rss', field: 'x', expected: 'a', actual: 1, itemId: null }], formats: {} } as never))).toBe(
      'E_ITEM: report.problems[0].actual must be text, found number 1',
    );
  });

  it('reports a getter that throws as a field that cannot be read', async () => {
    const doc = sampleDocument();
    const hostile = Object.defineProperty({ ...doc }, 'title', {
      get() {
        throw new Error('no title today');
      },
    });
    expect(await outcome(() => verify.verifyDocument({}, hostile as never))).toBe('E_ITEM: doc cannot be read (no title today)');
  });

  it('still verifies what the renderer wrote', async () => {
    const { renderFeeds } = await import('../../src/render/index.js');
    const doc = sampleDocument();
    const report = await verify.verifyDocument(renderFeeds(doc), doc);
    expect(report.problems).toEqual([]);
    expect(verify.formatReport(report)).toMatch(/OK|items/);
  });
});
