import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishedId } from '../../src/story/item-id.js';
import { buildFeeds } from '../../src/pipeline.js';
import { checkUri } from '../../src/verify/uri.js';

/** Strings shaped like ids: a scheme-like prefix, then characters from every class the rules tell apart. */
const idLike = fc
  .tuple(
    fc.constantFrom('tag:', 'TAG:', 'urn:', 'URN:', 'urn:uuid:', 'urn:UUID:', 'http://', 'https://', 'http:', 'ftp://', 'mailto:', 'x-y.z+1:', 'news:', '1a:', ''),
    fc.array(
      fc.oneof(
        fc.constantFrom(..."abcxyzABCXYZ0189-._~:/?#[]@!$&'()*+,;=%", ' ', '"', '<', '>', '\\', '^', '`', '{', '|', '}', 'é', '中', '\u00a0', '\ud83d\ude00'),
        fc.constantFrom('example.com', 'a@b.org', ',2024:', ',2024-01:', ',2024-01-02:', ',20:', 'isbn:', 'x:', '%41', '%4', '1225c695-cfb8-4ebb-aaaa-80da344efa6a', '//', '#'),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([prefix, parts]) => prefix + parts.join(''));

describe('publishedId, written apart from the verifier', () => {
  it('publishes only ids the verifier accepts, and refuses no id the verifier accepts (same rules, two implementations)', () => {
    fc.assert(
      fc.property(idLike, (raw) => {
        const read = publishedId(raw);
        if (read.kind === 'ok') expect(checkUri(read.id, true), read.id).toBeUndefined();
        if (read.kind === 'rule') {
          // The rule it names is one the verifier applies too: the same id fails there.
          const scheme = raw.slice(0, raw.indexOf(':')).toLowerCase();
          const id = scheme === 'http' || scheme === 'https' ? new URL(raw).href : raw;
          expect(checkUri(id, true)?.severity, id).toBe('error');
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('accepts the usual ids and refuses each broken rule with its name', () => {
    for (const id of [
      'https://x.example/a',
      'tag:x.example,2024:a',
      'tag:me@x.example,2024-01-02:a/b?c#d',
      'urn:isbn:0451450523',
      'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
      'mailto:a@x.example',
      'https://x.example/caf%C3%A9',
      'https://x.example/café',
    ])
      expect(publishedId(id)).toEqual({ kind: 'ok', id: id === 'https://x.example/café' ? 'https://x.example/caf%C3%A9' : id });
    expect(publishedId('javascript:alert(1)').kind).toBe('form');
    expect(publishedId('lviv-rehab-2024-11').kind).toBe('form');
    expect(publishedId('tag:x a').kind).toBe('form');
    expect(publishedId('tag:X.example,2024:a')).toMatchObject({ kind: 'rule', problem: expect.stringContaining('RFC 4151') });
    expect(publishedId('tag:x.example,24:a')).toMatchObject({ kind: 'rule', problem: expect.stringContaining('RFC 4151') });
    expect(publishedId('urn:x:y')).toMatchObject({ kind: 'rule', problem: expect.stringContaining('RFC 8141') });
    expect(publishedId('urn:uuid:nope')).toMatchObject({ kind: 'rule', problem: expect.stringContaining('RFC 4122') });
    expect(publishedId('news:a"b')).toMatchObject({ kind: 'rule', problem: expect.stringContaining('must be percent-encoded') });
    // RFC 3986 lets [ and ] stand only around an IPv6 host (the W3C validator's InvalidUriChar).
    expect(publishedId('https://example.com/?p=[1]')).toMatchObject({ kind: 'rule', problem: expect.stringContaining('contains "[", which must be percent-encoded') });
    expect(publishedId('news:a]b')).toMatchObject({ kind: 'rule', problem: expect.stringContaining('contains "]"') });
    expect(publishedId('http://[::1]/a')).toEqual({ kind: 'ok', id: 'http://[::1]/a' });
    expect(publishedId('https://example.com/?p=%5B1%5D')).toEqual({ kind: 'ok', id: 'https://example.com/?p=%5B1%5D' });
  });
});

describe('a refused id of megabytes', () => {
  it('is named by its start, whatever rule it breaks', () => {
    const big = 'z'.repeat(1_000_000);
    for (const raw of [big, `javascript:${big}`, `news:${big}|`, `tag:${big}`, `urn:${big}`, `urn:uuid:${big}`, `https://x.example/${big}]`]) {
      const read = publishedId(raw);
      expect(read.kind, raw.slice(0, 20)).not.toBe('ok');
      const problem = read.kind === 'ok' ? '' : read.problem;
      expect(problem, problem.slice(0, 200)).toContain('zzz…"');
      expect(problem.length, problem.slice(0, 200)).toBeLessThan(300);
    }
  });

  it('in a plain item', () => {
    let message = '';
    try {
      buildFeeds([{ url: '/a', title: 'A', published: '2024-01-01', id: 'z'.repeat(1_000_000) }], { siteUrl: 'https://x.example', title: 'X' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.slice(0, 200)).toMatch(/^items\[0\]\.id "z{40}…" must be an absolute URI/);
    expect(message.length).toBeLessThan(300);
  });
});
