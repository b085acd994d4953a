import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedEmailAddress, isEmailAddress } from '../src/email-address.js';
import { validateConfig } from '../src/config/site-config.js';
import { buildFeeds } from '../src/pipeline.js';
import { parseSeed } from '../src/story/normalize.js';
import { verifyDocument } from '../src/verify/compare.js';

describe('isEmailAddress', () => {
  it.each(['desk@news.example.com', 'o.brien+feeds@example.org', "o'neil@x.example", 'DESK@NEWS.EXAMPLE.COM', 'a@192.168.0.1', 'joerg@müller.de'])('takes %s', (text) => {
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
    // A domain without a dot: Atom warns, and iTunes refuses it as an owner's address.
    'ann@localhost',
    // Full-width digits, which the URL parser reads as an IPv4 address (0.0.0.123).
    'a@１２３',
  ])('refuses %j', (text) => {
    expect(isEmailAddress(text)).toBe(false);
  });
});

describe('feedEmailAddress', () => {
  it('writes a domain in another script in ASCII, as mail sends it, and leaves the rest as given', () => {
    expect(feedEmailAddress('joerg@müller.de')).toBe('joerg@xn--mller-kva.de');
    expect(feedEmailAddress('Desk@Bücher.Example')).toBe('Desk@xn--bcher-kva.example');
    expect(feedEmailAddress('Desk@News.Example.com')).toBe('Desk@News.Example.com');
    expect(feedEmailAddress('a@１２３.example')).toBe('a@123.example');
  });

  // Mostly the letters of the rule, sometimes one it leaves out or a mark of addresses, so that most addresses
  // are taken and each kind of refusal is tried.
  const chars = (good: string[], bad: string[]) =>
    fc.string({ unit: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) }), minLength: 1, maxLength: 12 });
  const local = chars(['a', 'Z', '0', '_', '-', '+', '.', "'"], ['&', '!', '"', '%', 'ü', ' ', '@', '/', ':']);
  const label = chars(['a', 'z', '0', '9', '-', 'ü', 'é'], ['１', '_', '/', ':', '[', ' ', '€']);
  const part = fc.tuple(local, fc.array(label, { minLength: 1, maxLength: 3 })).map(([l, labels]) => [l, labels.join('.')] as const);

  it('every address it takes is one the Atom check takes: a built feed carrying it verifies (property)', async () => {
    const site = { siteUrl: 'https://x.example', title: 'X' };
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(part, fc.constantFrom('', '.example', '.com'), async ([name, domain], end) => {
        const email = `${name}@${domain}${end}`;
        if (!isEmailAddress(email)) return;
        taken++;
        const item = { url: '/a', title: 'A', published: '2024-01-01T00:00:00Z', contentText: 'Hi.', authors: [{ name: 'A', email }] };
        const built = buildFeeds([item], site);
        expect((await verifyDocument(built.outputs, built.document)).problems).toEqual([]);
      }),
      {
        numRuns: 300,
        examples: [
          [['joerg', 'müller'], '.com'],
          [['a', 'b'], '.example'],
        ],
      },
    );
    // About a third of the generated addresses are taken (each a feed built and verified); 30 is far below any run.
    expect(taken).toBeGreaterThan(30);
  });
});

describe('every way an email reaches a feed', () => {
  const site = { siteUrl: 'https://x.example', title: 'X' };
  const story = (email: string) => {
    return { ...parseSeed('---\ndate: 2024-01-01\n---\nA\nHi there.\n', { site, file: 'a.txt' }), authors: [{ name: 'A', email }] } as never;
  };

  it('is written in ASCII or refused, from config text, site authors of parseSeed, item text and a podcast', () => {
    expect(validateConfig({ ...site, authors: ['Jörg <joerg@müller.de>'] }).authors).toEqual([{ name: 'Jörg', email: 'joerg@xn--mller-kva.de' }]);
    expect(() => validateConfig({ ...site, authors: ['A <a&b@x.example>'] })).toThrow(/authors\[0\]: "a&b@x\.example" is not an email address feeds accept/);
    expect(parseSeed('A\nHi there.\n', { site: { ...site, authors: [{ name: 'J', email: 'joerg@müller.de' }] } }).authors).toEqual([
      { name: 'J', email: 'joerg@xn--mller-kva.de' },
    ]);
    expect(() => parseSeed('A\nHi.\n', { site: { ...site, authors: [{ name: 'J', email: 'a&b@x.example' }] } })).toThrow(
      /options\.site\.authors\[0\]\.email is not an email address feeds accept/,
    );
    expect(() => buildFeeds([{ url: '/a', title: 'A', published: '2024-01-01', authors: ['A <a&b@x.example>'] }], site)).toThrow(
      /items\[0\]\.authors\[0\] "a&b@x\.example" is not an email address feeds accept/,
    );
    const podcast = {
      image: 'https://x.example/p.jpg',
      categories: [{ text: 'News' }],
      explicit: false,
      owner: { name: 'O', email: 'o@bücher.example' },
      locked: true,
      lockedOwner: 'o@bücher.example',
    };
    const rss = buildFeeds([{ url: '/a', title: 'A', published: '2024-01-01' }], { ...site, podcast }).outputs.rss;
    expect(rss).toContain('<itunes:email>o@xn--bcher-kva.example</itunes:email>');
    expect(rss).toContain('owner="o@xn--bcher-kva.example"');
    expect(() => buildFeeds([], { ...site, podcast: { ...podcast, lockedOwner: 'o@localhost' } })).toThrow(/podcast\.lockedOwner: is not an email address feeds accept/);
    expect(() => buildFeeds([], { ...site, podcast: { ...podcast, owner: { name: 'O', email: 'o@localhost' } } })).toThrow(/podcast\.owner\.email: is not an email address/);
  });

  it('a Story handed over as it is must carry its email as feeds do', () => {
    expect(buildFeeds([story('joerg@xn--mller-kva.de')], site).document.items[0]!.authors[0]!.email).toBe('joerg@xn--mller-kva.de');
    expect(() => buildFeeds([story('joerg@müller.de')], site)).toThrow(
      /items\[0\]\.authors\[0\]\.email "joerg@müller\.de" must have its domain in ASCII, as feeds carry it: "joerg@xn--mller-kva\.de"/,
    );
    expect(() => buildFeeds([story('a&b@x.example')], site)).toThrow(/items\[0\]\.authors\[0\]\.email "a&b@x\.example" is not an email address feeds accept/);
  });
});
