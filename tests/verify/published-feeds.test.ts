/**
 * Disagreements with the W3C Feed Validation Service found on published feeds: each `describe` is
 * one rule where `verify` passed what the validator rejects, or rejected what it accepts, checked
 * against the validator's own source.
 */
import { describe, expect, it } from 'vitest';
import { renderFeeds } from '../../src/render/index.js';
import { decodeFeed, readFeed, verifyDocument, type FeedProblem } from '../../src/verify/index.js';
import { sampleDocument } from './fixtures.js';
import { ATOM, minimalRss } from '../support/feeds.js';

const ITUNES = 'http://www.itunes.com/dtds/podcast-1.0.dtd';
const MEDIA = 'http://search.yahoo.com/mrss/';

const errors = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);

function rss(items: string, channel = '', namespaces = ''): string {
  return minimalRss(items, { channel, namespaces, declaration: '<?xml version="1.0" encoding="utf-8"?>' });
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

describe('Media RSS: the schemes the specification names are names, not URNs', () => {
  const media = (extra: string): string => rss(item(extra), '', `xmlns:media="${MEDIA}"`);

  it('media:credit scheme="urn:ebu" (the default) and media:rating scheme="urn:simple" are accepted (the Guardian writes both)', async () => {
    expect(
      await errorsOf(
        media(
          '<media:content url="https://ex.com/a.jpg" width="140"><media:credit scheme="urn:ebu">Photograph: AP</media:credit></media:content>' +
            '<media:rating scheme="urn:simple">nonadult</media:rating>',
        ),
      ),
    ).toEqual([]);
  });

  it('each named rating scheme has its values, compared as written; any other scheme is an absolute URI', async () => {
    const rating = (scheme: string, value: string): string => media(`<media:rating scheme="${scheme}">${value}</media:rating>`);
    for (const [scheme, value] of [
      ['urn:mpaa', 'm'],
      ['urn:v-chip', '14+'],
      ['urn:v-chip', 'tv-y7-fv'],
      ['urn:icra', 'r (cz 1 lz 1 nz 1 oz 1 vz 1)'],
      ['http://www.rottentomatoes.com/', 'fresh'],
    ]) {
      expect(await errorsOf(rating(scheme!, value!))).toEqual([]);
    }
    expect(await errorsOf(rating('urn:simple', 'Adult'))).toEqual(['channel.item[0].media:rating: expected a urn:simple rating (adult, nonadult), found "Adult"']);
    expect(await errorsOf(rating('urn:icra', 'r (cz 1 lz 1 mz 1)'))).toEqual([
      'channel.item[0].media:rating: expected an ICRA label such as "r (cz 1 lz 1 nz 1 oz 1 vz 1)", found "r (cz 1 lz 1 mz 1)"',
    ]);
    expect(await errorsOf(rating('rottentomatoes', 'fresh'))).toEqual([
      'channel.item[0].media:rating.scheme: scheme: expected an absolute URI, found the relative reference "rottentomatoes"',
    ]);
  });

  it('a credit under another scheme than urn:ebu is checked as a URI, with a lower-case role', async () => {
    expect(await errorsOf(media('<media:credit scheme="urn:x" role="musician">band</media:credit>'))).toEqual([
      'channel.item[0].media:credit.scheme: scheme: expected a URN such as "urn:isbn:0451450523" (RFC 8141), found "urn:x"',
    ]);
  });
});

describe('RSS: an empty URL is no URL', () => {
  it('empty docs, image url and link, item link and comments, enclosure and source url are errors, each on its own path', async () => {
    const feed = rss(
      '<item><title>a</title><link></link><comments/><guid isPermaLink="false">a-1</guid><enclosure url="" length="10" type="audio/mpeg"/><source url=" ">Example</source></item>',
      '<docs></docs><image><url></url><title>T</title><link> </link></image><textInput><title>t</title><description>d</description><name>q</name><link/></textInput>',
    );
    const empty = 'expected a URL, found an empty value';
    expect((await errorsOf(feed)).sort()).toEqual(
      [
        'channel.docs',
        'channel.image.url',
        'channel.image.link',
        'channel.textInput.link',
        'channel.item[0].link',
        'channel.item[0].comments',
        'channel.item[0].source.url',
        'channel.item[0].enclosure[0].url',
      ]
        .map((path) => `${path}: ${empty}`)
        .sort(),
    );
  });

  it('an empty channel link is reported once', async () => {
    const feed = rss(item()).replace('<link>https://ex.com/</link>', '<link></link>');
    expect(await errorsOf(feed)).toEqual(['channel.link: expected a URL in <link>, found an empty element']);
  });
});

describe('RSS dates: a zone is required, after a space', () => {
  const dated = (pubDate: string): string => rss(item(`<pubDate>${pubDate}</pubDate>`));
  const problemsOf = async (pubDate: string): Promise<FeedProblem[]> => (await readFeed(dated(pubDate))).problems;

  it('a date without a zone, or with the zone against the time, is an error (W3C: InvalidRFC2822Date)', async () => {
    expect(await errorsOf(dated('Mon, 01 Jan 2024 10:00:00'))).toEqual([
      'channel.item[0].pubDate: expected an RFC 822 date such as "Fri, 01 Mar 2024 10:00:00 GMT", found "Mon, 01 Jan 2024 10:00:00" (no time zone after the time)',
    ]);
    expect(await errorsOf(dated('Mon, 01 Jan 2024 10:00:00Z'))).toEqual([
      'channel.item[0].pubDate: expected an RFC 822 date such as "Fri, 01 Mar 2024 10:00:00 GMT", found "Mon, 01 Jan 2024 10:00:00Z" (a space must come between the time and its zone)',
    ]);
    expect(await errorsOf(dated('mon, 01 jan 2024 10:00:00+0100'))).toHaveLength(1);
    // A date without a zone is still read, as UT, whatever the local zone.
    expect((await readFeed(dated('Mon, 01 Jan 2024 10:00:00'))).items[0]!.published?.toISOString()).toBe('2024-01-01T10:00:00.000Z');
  });

  it('a zone written loosely (lower case, military, two-digit year) still only warns', async () => {
    for (const pubDate of ['mon, 01 jan 2024 10:00:00 gmt', '01 Jan 24 10:00:00 A', 'Mon,01 Jan 2024 10:00:00 +0000']) {
      const problems = await problemsOf(pubDate);
      expect(errors(problems)).toEqual([]);
      expect(problems.map((p) => p.message)).toContain(`an RFC 822 date that readers may misread: ${JSON.stringify(pubDate)} (write it such as "Fri, 01 Mar 2024 10:00:00 GMT")`);
    }
  });

  it('a zone without its sign (0000, 0530) is valid, read east of Greenwich, and warned about', async () => {
    const problems = await problemsOf('Mon, 01 Jan 2024 10:00:00 0530');
    expect(errors(problems)).toEqual([]);
    expect(problems.map((p) => p.message)).toContain('the zone of "Mon, 01 Jan 2024 10:00:00 0530" has no sign, which some readers ignore (write +0530)');
    expect((await readFeed(dated('Mon, 01 Jan 2024 10:00:00 0530'))).items[0]!.published?.toISOString()).toBe('2024-01-01T04:30:00.000Z');
    expect(await errorsOf(dated('Mon, 01 Jan 2024 10:00:00 0000'))).toEqual([]);
    // Only minutes of 00 or 30 are a strict zone; a loose one needs its sign.
    expect(await errorsOf(dated('Mon, 01 Jan 2024 10:00:00 0545'))).toHaveLength(1);
  });
});

describe('encodings: a declaration the byte-order mark or the bytes contradict is an error (W3C: UnicodeError)', () => {
  const body = '<rss version="2.0"><channel><title>Caf\u00e9</title><link>https://ex.com/</link><description>d</description></channel></rss>';
  const declaration = (encoding: string): string => `<?xml version="1.0" encoding="${encoding}"?>\n`;
  const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];
  const utf16le = (text: string): number[] => Array.from(text, (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat();
  const single = (text: string, byte: (c: string) => number = (c) => c.charCodeAt(0)): number[] => Array.from(text, byte);
  const failure = (bytes: number[]): unknown => {
    try {
      decodeFeed(Uint8Array.from(bytes));
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('a UTF-8 byte-order mark with encoding="ISO-8859-1", a UTF-16 one with encoding="UTF-8"', () => {
    expect(failure([0xef, 0xbb, 0xbf, ...utf8(declaration('ISO-8859-1') + body)])).toMatchObject({
      code: 'E_ENCODING',
      detail: 'the file starts with a UTF-8 byte-order mark, but its XML declaration says encoding="ISO-8859-1" (declare "UTF-8", or save the file in the encoding it declares)',
    });
    expect(failure([0xff, 0xfe, ...utf16le(declaration('UTF-8') + body)])).toMatchObject({
      code: 'E_ENCODING',
      detail: expect.stringContaining('starts with a UTF-16 byte-order mark, but its XML declaration says encoding="UTF-8"'),
    });
    // The encoding of the mark, in any case, or no declaration at all, is fine.
    expect(decodeFeed(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(declaration('utf-8') + body)])).text).toContain('Caf\u00e9');
    expect(decodeFeed(Uint8Array.from([0xff, 0xfe, ...utf16le(declaration('UTF-16') + body)])).text).toContain('Caf\u00e9');
    expect(decodeFeed(Uint8Array.from([0xff, 0xfe, ...utf16le(body)])).text).toContain('Caf\u00e9');
  });

  it('encoding="utf-16" over 8-bit bytes, and UTF-16 without a mark that declares another encoding or none', () => {
    expect(failure(utf8(declaration('utf-16') + body))).toMatchObject({
      code: 'E_ENCODING',
      detail: expect.stringContaining('the XML declaration says encoding="utf-16", but the bytes are not UTF-16'),
    });
    expect(failure(utf16le(declaration('ISO-8859-1') + body))).toMatchObject({ code: 'E_ENCODING', detail: expect.stringContaining('but the file is UTF-16LE') });
    expect(failure(utf16le(body.replace('<rss', '<?xml version="1.0"?><rss')))).toMatchObject({
      code: 'E_ENCODING',
      detail: expect.stringContaining('UTF-16LE without a byte-order mark and without an XML declaration naming its encoding'),
    });
    expect(decodeFeed(Uint8Array.from(utf16le(declaration('UTF-16LE') + body))).text).toContain('Caf\u00e9');
  });

  it('bytes another decoder refuses are named with their offset and line (it said "the bytes are not valid shift_jis", on line 1)', () => {
    const lines = `${declaration('Shift_JIS')}<rss version="2.0">\n<channel>\n<title>`;
    // 0x82 0xA0 is a character; 0xFF is none.
    expect(failure([...single(lines), 0x82, 0xa0, 0xff, ...single('</title></channel></rss>')])).toMatchObject({
      code: 'E_ENCODING',
      line: 4,
      detail: `invalid SHIFT_JIS at byte ${lines.length + 2} (line 4): byte 0xFF is no character in Shift_JIS, and the XML declaration's encoding is "Shift_JIS" (declare the encoding the file is in, such as UTF-8)`,
    });
    // A lead byte whose character the next byte breaks (an ASCII `<`): the lead byte is named, not the `<` the decoder refused.
    expect(failure([...single(lines), 0x82, 0xa0, 0x81, ...single('</title></channel></rss>')])).toMatchObject({
      line: 4,
      detail: expect.stringContaining(`invalid SHIFT_JIS at byte ${lines.length + 2} (line 4): byte 0x81 starts a character in Shift_JIS that byte 0x3C does not continue`),
    });
    // The lead byte as the last byte before a 64 KiB chunk the search reads a byte at a time (regression: the `<` was named).
    const long = `${lines}${'a'.repeat(64 * 1024 - lines.length - 1)}`;
    expect(failure([...single(long), 0x82, ...single('</title></channel></rss>')])).toMatchObject({
      detail: expect.stringContaining(`invalid SHIFT_JIS at byte ${long.length} (line 4): byte 0x82 starts a character in Shift_JIS that byte 0x3C does not continue`),
    });
    // UTF-16: half of a surrogate pair, and an odd number of bytes; offsets count the byte-order mark.
    const text = utf16le(`${declaration('UTF-16')}<rss>\n<channel><title>`);
    expect(failure([0xff, 0xfe, ...text, 0x00, 0xd8, 0x41, 0x00])).toMatchObject({
      line: 3,
      detail: `invalid UTF-16LE at byte ${2 + text.length} (line 3): U+D800 is half of a surrogate pair, without its other half`,
    });
    expect(failure([0xff, 0xfe, ...text, 0x41])).toMatchObject({
      line: 3,
      detail: expect.stringMatching(/^invalid UTF-16LE at byte \d+ \(line 3\): the file ends in the middle of a character \(truncated\?\)$/),
    });
    expect(failure([0xef, 0xbb, 0xbf, ...single('<rss>\xff</rss>')])).toMatchObject({ detail: expect.stringMatching(/^invalid UTF-8 at byte 8 \(line 1\)/) });
  });

  it('UTF-32, UTF-16 without a declaration, and a UTF-16 charset over 8-bit bytes are named as such (they were read as other encodings, to nonsense)', () => {
    expect(failure([0xff, 0xfe, 0x00, 0x00, ...Array.from('<rss/>', (c) => [c.charCodeAt(0), 0, 0, 0]).flat()])).toMatchObject({
      code: 'E_ENCODING',
      detail: 'the file is UTF-32LE (it starts with a UTF-32LE byte-order mark), which storyfeed does not decode: save it as UTF-8',
    });
    expect(failure(utf16le(body))).toMatchObject({
      code: 'E_ENCODING',
      detail: 'the file is UTF-16LE without a byte-order mark and without an XML declaration naming its encoding (declare encoding="UTF-16")',
    });
    expect(() => decodeFeed(Uint8Array.from(utf8(declaration('UTF-8') + body)), { charset: 'utf-16' })).toThrow(
      expect.objectContaining({
        code: 'E_ENCODING',
        detail: `the server's charset is "utf-16", but the bytes are not UTF-16: there is no UTF-16 byte-order mark and the text opens one byte a character (the server should send the encoding the file is in, such as UTF-8)`,
      }),
    );
    // The same charset over UTF-16, with or without a mark, is read.
    expect(decodeFeed(Uint8Array.from(utf16le(body)), { charset: 'utf-16le' }).text).toBe(body);
    expect(decodeFeed(Uint8Array.from([0xff, 0xfe, ...utf16le(body)]), { charset: 'utf-16' }).text).toBe(body);
  });

  it('encoding="us-ascii" with a byte above 0x7F, and encoding="windows-1252" with a byte it leaves undefined', () => {
    expect(failure(single(declaration('us-ascii') + body))).toMatchObject({
      code: 'E_ENCODING',
      line: 2,
      detail:
        'byte 0xE9 at byte 80 (line 2) is not US-ASCII, which has only bytes below 0x80, and the XML declaration\'s encoding is "us-ascii" (declare the encoding the file is in, such as UTF-8 or ISO-8859-1)',
    });
    const undefinedByte = single(declaration('windows-1252') + body.replace('d</description>', 'd\u0081</description>'));
    expect(failure(undefinedByte)).toMatchObject({ code: 'E_ENCODING', detail: expect.stringContaining('byte 0x81 at byte') });
    // The same byte under ISO-8859-1, which windows-1252 stands in for, is its C1 control; the same label from the server is held to the same rule.
    expect(decodeFeed(Uint8Array.from(single(`${declaration('ISO-8859-1')}${body}\u0081`))).text.endsWith('\u0081')).toBe(true);
    expect(() => decodeFeed(Uint8Array.from(single(body)), { charset: 'us-ascii' })).toThrow(expect.objectContaining({ code: 'E_ENCODING' }));
    expect(decodeFeed(Uint8Array.from(single(declaration('us-ascii') + body.replace('\u00e9', 'e')))).text).toContain('Cafe');
  });
});

describe('RSS guid: a permalink is a full URI of any scheme', () => {
  const guid = (value: string, attributes = ''): string => rss(`<item><title>I</title><guid${attributes}>${value}</guid></item>`);

  it('a permalink guid need not be http(s): cocoa-dom:tcmportmapper, mailto: and urn:isbn: are URIs', async () => {
    for (const value of ['cocoa-dom:tcmportmapper', 'mailto:a@ex.com', 'urn:isbn:0451450523', 'ftp://ex.com/a']) expect(await errorsOf(guid(value))).toEqual([]);
  });

  it('a relative reference, an IRI, a tag: or urn:uuid: id is not a permalink', async () => {
    const advice = '(isPermaLink is true; add isPermaLink="false" if it is not a URL)';
    expect(await errorsOf(guid('post-1'))).toEqual([`channel.item[0].guid: expected an absolute URI, found the relative reference "post-1" ${advice}`]);
    expect(await errorsOf(guid('https://ex.com/caf\u00e9'))).toEqual([
      `channel.item[0].guid: expected a URL, found the IRI "https://ex.com/caf\u00e9": RSS readers need its non-ASCII characters encoded ${advice}`,
    ]);
    expect(await errorsOf(guid('tag:ex.com,2024:1'))).toEqual([`channel.item[0].guid: "tag:ex.com,2024:1" is an identifier, not the address of a page ${advice}`]);
    expect(await errorsOf(guid('urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a', ' isPermaLink="true"'))).toHaveLength(1);
    expect(await errorsOf(guid('tag:ex.com,2024:1', ' isPermaLink="false"'))).toEqual([]);
  });
});

describe('Media RSS: isDefault is true or false in any case', () => {
  it('isDefault="True" and "False" are accepted; " true" and "yes" are not', async () => {
    const group = (a: string, b: string): string =>
      rss(
        item(`<media:group><media:content url="https://ex.com/a.mp4" medium="video" isDefault="${a}"/><media:content url="https://ex.com/b.mp4" isDefault="${b}"/></media:group>`),
        '',
        `xmlns:media="${MEDIA}"`,
      );
    expect(await errorsOf(group('True', 'False'))).toEqual([]);
    expect(await errorsOf(group(' true', 'yes'))).toEqual([
      'channel.item[0].media:group.media:content.isDefault: isDefault: expected true or false, found " true"',
      'channel.item[0].media:group.media:content.isDefault: isDefault: expected true or false, found "yes"',
    ]);
  });
});

describe('languages: a two-letter language is an ISO 639-1 code', () => {
  const withLanguage = (language: string): string => rss(item(), `<language>${language}</language>`);
  const problemsOf = async (text: string): Promise<FeedProblem[]> => (await readFeed(text)).problems;

  it('<language>zz</language> is an error (W3C: InvalidLanguage); the codes ISO lists, in any case, are not', async () => {
    expect(await errorsOf(withLanguage('zz'))).toEqual(['channel.language: expected a language code such as "en" or "pt-BR", found "zz"']);
    expect(await errorsOf(withLanguage('zz-US'))).toHaveLength(1);
    for (const language of ['en-US', 'pt-br', 'EN', 'mo', 'fre', 'und', 'qaa', 'x-klingon']) expect(await errorsOf(withLanguage(language))).toEqual([]);
  });

  it('a three-letter language ISO 639-2 does not list only warns (BCP 47 takes ISO 639-3 codes)', async () => {
    const problems = await problemsOf(withLanguage('yue-HK'));
    expect(errors(problems)).toEqual([]);
    expect(problems.map((p) => `${p.severity} ${p.path}: ${p.message}`)).toContain(
      'warning channel.language: "yue" (in "yue-HK") is not an ISO 639-1 or 639-2 language code: BCP 47 allows it, but the W3C validator and older readers know only those',
    );
  });

  it('dc:language, Media RSS lang, Atom xml:lang and hreflang are held to the same list', async () => {
    const dc = rss(item(), '<dc:language>zz</dc:language>', 'xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(await errorsOf(dc)).toEqual(['channel.dc:language: expected a language code such as "en", found "zz" in <dc:language>']);
    const media = rss(item('<media:content url="https://ex.com/a.mp3" lang="zz"/>'), '', `xmlns:media="${MEDIA}"`);
    expect(await errorsOf(media)).toEqual(['channel.item[0].media:content.lang: lang: expected a language code, found "zz"']);
    const atom = `<feed xmlns="${ATOM}" xml:lang="zz"><title>T</title><id>https://ex.com/</id><updated>2024-01-01T00:00:00Z</updated><author><name>A</name></author><link rel="self" href="https://ex.com/atom.xml"/><link href="https://ex.com/" hreflang="qq"/></feed>`;
    expect(await errorsOf(atom)).toEqual([
      'feed.xml:lang: expected xml:lang to be a language code such as "en", found "zz"',
      'feed.link[1].hreflang: expected hreflang to be a language code such as "en", found "qq"',
    ]);
  });
});

describe("languages: a document's own language is the document's", () => {
  it('a feed rendered with a language ISO 639 does not list verifies against its document (the value is reported where read, as ids are)', async () => {
    const doc = { ...sampleDocument(), language: 'zz' };
    const outputs = renderFeeds(doc);
    expect((await verifyDocument(outputs, doc)).problems).toEqual([]);
    expect(errors((await readFeed(outputs.rss)).problems)).toEqual([expect.stringContaining('found "zz"')]);
  });
});

describe('iTunes: the author and the owner name are at most 255 characters', () => {
  const podcast = (channel: string): string => rss(item(), channel, `xmlns:itunes="${ITUNES}"`);

  it('an itunes:author of 256 characters is an error (W3C: TooLong); 255 is not, and an emoji counts once', async () => {
    expect(await errorsOf(podcast(`<itunes:author>${'A'.repeat(256)}</itunes:author>`))).toEqual([
      'channel.itunes:author: <itunes:author> is 256 characters long; at most 255 are allowed',
    ]);
    expect(await errorsOf(podcast(`<itunes:author> ${'A'.repeat(255)} </itunes:author>`))).toEqual([]);
    expect(await errorsOf(podcast(`<itunes:subtitle>${'\u{1F399}'.repeat(255)}</itunes:subtitle>`))).toEqual([]);
  });

  it('an owner name of 256 characters is an error', async () => {
    const owner = (name: string): string => podcast(`<itunes:owner><itunes:name>${name}</itunes:name><itunes:email>a@ex.com</itunes:email></itunes:owner>`);
    expect(await errorsOf(owner('N'.repeat(256)))).toEqual(['channel.itunes:owner.itunes:name: <itunes:name> is 256 characters long; at most 255 are allowed']);
    expect(await errorsOf(owner('N'.repeat(255)))).toEqual([]);
  });
});

describe('iTunes: a duration writes its minutes and seconds as two digits', () => {
  const duration = (value: string): Promise<string[]> => errorsOf(rss(item(`<itunes:duration>${value}</itunes:duration>`), '', `xmlns:itunes="${ITUNES}"`));

  it('1:2 and 1:02:3 are errors (W3C: InvalidDuration); 95, 7:40, 62:03 and 1:02:03 are not', async () => {
    expect(await duration('1:2')).toEqual([
      'channel.item[0].itunes:duration: expected a duration such as "1:02:03", "62:03" or seconds (minutes and seconds as two digits), found "1:2" in <itunes:duration>',
    ]);
    for (const invalid of ['1:02:3', '1:2:03', '1:02:03:04', '1:02.5', ':30']) expect(await duration(invalid)).toHaveLength(1);
    for (const valid of ['95', '7:40', '62:03', '1:02:03', '100:00:00']) expect(await duration(valid)).toEqual([]);
  });
});

describe('problems are listed in document order', () => {
  it('by line, then column, whatever order the checks found them in (the Guardian: line 30 came before line 27)', async () => {
    const feed = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="${MEDIA}">
<channel>
<title>T</title>
<link>https://ex.com/</link>
<description>D</description>
<item>
<title>I</title>
<link>/relative</link>
<media:content url="https://ex.com/a.jpg" width="-1"/>
</item>
</channel>
</rss>`;
    const problems = (await readFeed(feed)).problems;
    expect(problems.map((p) => [p.line, p.column])).toEqual([...problems.map((p) => [p.line, p.column])].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(errors(problems)).toEqual([
      'channel.item[0].link: expected an absolute URI, found the relative reference "/relative"',
      'channel.item[0].media:content.width: width: expected a whole number above 0, found "-1"',
    ]);
  });
});

describe('RSS channel image: a GIF, JPEG or PNG with the channel title and link', () => {
  const warnings = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'warning').map((p) => `${p.path}: ${p.message}`);
  const withImage = (image: string): string => rss(item(), `<image>${image}</image>`);

  it('an image linking elsewhere than the channel only warns (W3C: ImageLinkDoesntMatch; TechCrunch links www. from a bare domain)', async () => {
    const problems = (await readFeed(withImage('<url>https://ex.com/logo.png</url><title>T</title><link>https://www.ex.com/</link>'))).problems;
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems)).toEqual([
      'channel.image.link: the image link "https://www.ex.com/" is not the channel\'s "https://ex.com/"; readers show the image as the channel\'s',
    ]);
  });

  it('an image titled otherwise than the channel only warns (W3C: ImageTitleDoesntMatch); white space around either is not a difference', async () => {
    const problems = (await readFeed(withImage('<url>https://ex.com/logo.png</url><title>Logo</title><link> https://ex.com/ </link>'))).problems;
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems)).toEqual(['channel.image.title: the image title "Logo" is not the channel\'s "T"; readers show the image as the channel\'s']);
  });

  it('an image URL ending in another extension than gif, jpg, jpeg or png warns (W3C: ImageUrlFormat); one ending in a query or path tells nothing', async () => {
    const image = (url: string): string => `<url>${url}</url><title>T</title><link>https://ex.com/</link>`;
    expect(warnings((await readFeed(withImage(image('https://ex.com/logo.svg')))).problems)).toEqual([
      'channel.image.url: the image is a .svg file; RSS 2.0 channel images are GIF, JPEG or PNG, which readers show',
    ]);
    for (const url of ['https://ex.com/logo.PNG', 'https://ex.com/a.jpeg', 'https://ex.com/logo.png?v=2', 'https://ex.com/avatar', 'https://ex.com/i.php?id=3'])
      expect(warnings((await readFeed(withImage(image(url)))).problems)).toEqual([]);
  });
});

describe('Atom: the Atom and XHTML namespaces are not bound to a prefix', () => {
  const XHTML = 'http://www.w3.org/1999/xhtml';
  const warnings = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'warning').map((p) => `${p.path}: ${p.message}`);
  const atom = (head: string, entry = '<summary>S</summary>'): string =>
    `<feed xmlns="${ATOM}"><title>T</title><id>https://ex.com/</id><updated>2024-01-01T00:00:00Z</updated><author><name>A</name></author><link rel="self" href="https://ex.com/atom.xml"/>${head}<entry><title>E</title><id>https://ex.com/1</id><link href="https://ex.com/1"/><updated>2024-01-01T00:00:00Z</updated>${entry}</entry></feed>`;

  it("FeedBurner's <atom10:link xmlns:atom10> in an Atom feed warns once for the prefix (W3C: AvoidNamespacePrefix), naming the first declaration", async () => {
    const link = (rel: string): string => `<atom10:link xmlns:atom10="${ATOM}" rel="${rel}" href="https://pubsubhubbub.example/"/>`;
    const problems = (await readFeed(atom(`\n${link('hub')}\n${link('related')}`))).problems;
    expect(errors(problems)).toEqual([]);
    expect(warnings(problems)).toEqual([
      `link.xmlns:atom10: the Atom namespace is bound to the prefix "atom10": readers that match Atom elements by name miss prefixed ones; declare it as the default namespace (xmlns="${ATOM}")`,
    ]);
    expect(problems.map((p) => p.line)).toEqual([2]);
  });

  it('a prefixed feed element and a prefixed XHTML <div> warn; the default namespaces and an Atom link in RSS do not', async () => {
    const prefixed = `<a:feed xmlns:a="${ATOM}"><a:title>T</a:title><a:id>https://ex.com/</a:id><a:updated>2024-01-01T00:00:00Z</a:updated><a:author><a:name>A</a:name></a:author><a:link rel="self" href="https://ex.com/atom.xml"/></a:feed>`;
    expect(warnings((await readFeed(prefixed)).problems)).toEqual([
      `feed.xmlns:a: the Atom namespace is bound to the prefix "a": readers that match Atom elements by name miss prefixed ones; declare it as the default namespace (xmlns="${ATOM}")`,
    ]);
    const xhtml = atom('', `<summary type="xhtml"><h:div xmlns:h="${XHTML}">An <h:b>example</h:b></h:div></summary>`);
    expect(warnings((await readFeed(xhtml)).problems)).toEqual([
      `div.xmlns:h: the XHTML namespace is bound to the prefix "h": readers that copy XHTML content into a page as written show prefixed elements as unknown tags; declare it as the default namespace (xmlns="${XHTML}")`,
    ]);
    expect(warnings((await readFeed(atom('', `<summary type="xhtml"><div xmlns="${XHTML}">An <b>example</b></div></summary>`))).problems)).toEqual([]);
    expect(warnings((await readFeed(rss(item(), '<atom:link href="https://ex.com/rss.xml" rel="self" type="application/rss+xml"/>'))).problems)).toEqual([]);
  });
});
