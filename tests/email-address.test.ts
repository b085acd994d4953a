import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedEmailAddress, isEmailAddress } from '../src/email-address.js';
import { buildFeeds } from '../src/pipeline.js';
import { verifyDocument } from '../src/verify/compare.js';

describe('isEmailAddress', () => {
  it.each(['desk@news.example.com', 'ann@localhost', 'o.brien+feeds@example.org', "o'neil@x.example", 'DESK@NEWS.EXAMPLE.COM', 'a@192.168.0.1'])('takes %s', (text) => {
    expect(isEmailAddress(text)).toBe(true);
  });

  it.each([
    '',
    'desk',
    '@example.com',
    'desk@',
    'a@b',
    'two@at@example.com',
    'a b@example.com',
    '<desk@example.com>',
    'desk@example.com (Desk)',
    // Valid mail, but no feed validator accepts them.
    'a&b@x.example',
    'a!b@x.example',
    'a"b@x.example',
    'jörg@x.example',
    'desk@x.example/path',
    'desk@münchen.example/x',
  ])('refuses %j', (text) => {
    expect(isEmailAddress(text)).toBe(false);
  });
});

describe('feedEmailAddress', () => {
  it('writes a domain in another script in ASCII, as mail sends it, and leaves the rest as given', () => {
    expect(feedEmailAddress('joerg@müller.de')).toBe('joerg@xn--mller-kva.de');
    expect(feedEmailAddress('Desk@Bücher.Example')).toBe('Desk@xn--bcher-kva.example');
    expect(feedEmailAddress('Desk@News.Example.com')).toBe('Desk@News.Example.com');
  });

  // Letters of the rule, letters it leaves out, and the marks of addresses: an address is made of any of them.
  const part = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '-', '+', '.', "'", '&', '!', '"', '%', 'ü', 'é', '€', ' ', '@', '/', ':', '[', ']') });

  it('every address it takes is one the Atom check takes: a built feed carrying it verifies (property)', async () => {
    const site = { siteUrl: 'https://x.example', title: 'X' };
    await fc.assert(
      fc.asyncProperty(part, part, fc.constantFrom('', '.example', '.com'), async (local, domain, end) => {
        const email = `${local}@${domain}${end}`;
        if (!isEmailAddress(email)) return;
        const item = { url: '/a', title: 'A', published: '2024-01-01T00:00:00Z', contentText: 'Hi.', authors: [{ name: 'A', email }] };
        const built = buildFeeds([item], site);
        expect((await verifyDocument(built.outputs, built.document)).problems).toEqual([]);
      }),
      {
        numRuns: 300,
        examples: [
          ['joerg', 'müller', '.de'],
          ['a', 'b', '.example'],
          ['ann', 'localhost', ''],
        ],
      },
    );
  });
});
