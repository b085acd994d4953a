/**
 * The shortcuts the verifier takes for the usual case read what the general code reads: dates in
 * their usual form, the xml2js-shaped object handed to rss-parser, child elements grouped by name
 * past the number looked through one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRfc822, parseAtomDate, parseRfc822, usualIsoTime } from '../../src/verify/dates.js';
import { childElements, parseXml, parseXmlWithSaxes, textContent } from '../../src/verify/xml-check.js';
import { alignItems } from '../../src/verify/align.js';
import { collapseWhitespace } from '../../src/verify/html-canon.js';
import { Children, isBlank, ProblemLog } from '../../src/verify/xml-rules.js';
import { bothReadings } from './rss-parser-readings.js';

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
const four = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0'));

/** The RSS date rule as it was before the shortcut: the strict form, read by parseRfc822, with the weekday of the day as written. */
const RFC2822_STRICT =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d\d? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d(?::\d\d)? (?:[+-]?\d\d[03]0|UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|Z)$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function validRssDate(value: string): Date | undefined {
  if (!RFC2822_STRICT.test(value)) return undefined;
  const date = parseRfc822(value);
  if (!date) return undefined;
  const m = /^(?:([A-Za-z]{3}), )?(\d\d?) ([A-Za-z]{3}) (\d{4})/.exec(value)!;
  if (m[1] === undefined) return date;
  const day = new Date(0);
  day.setUTCFullYear(Number(m[4]), MONTHS.indexOf(m[3]!), Number(m[2]));
  return DAYS[day.getUTCDay()] === m[1] ? date : undefined;
}

describe('usual dates', () => {
  it('reads an RSS date as the strict reader does, valid or not', () => {
    const weekday = fc.constantFrom('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'mon', 'Fre');
    const month = fc.constantFrom(...MONTHS, 'jan', 'Foo');
    const zone = fc.constantFrom('GMT', 'UT', 'EST', 'Z', '+0000', '-0530', '+0130', '+2400', '-2330', '+0015', '0000', '+00000', 'GMT ');
    const date = fc.tuple(weekday, two(39), month, four, two(29), two(69), two(69), zone).map(([w, d, mo, y, h, mi, s, z]) => `${w}, ${d} ${mo} ${y} ${h}:${mi}:${s} ${z}`);
    fc.assert(
      fc.property(date, (value) => {
        const checked = checkRfc822(value);
        const valid = validRssDate(value.trim());
        // A zone without its sign (0000) is valid, and warned about.
        if (valid) expect(checked).toEqual(/ \d{4}$/.test(value) ? { date: valid, problem: expect.objectContaining({ severity: 'warning' }) } : { date: valid });
        else expect(checked.problem).toBeDefined();
      }),
      { numRuns: 3000 },
    );
  });

  it('reads every instant written as toUTCString() writes it, to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9999, 11, 31) }), (time) => {
        const date = new Date(Math.floor(time / 1000) * 1000);
        expect(checkRfc822(date.toUTCString())).toEqual({ date });
      }),
    );
  });

  it('reads an Atom date as the general reader does, valid or not', () => {
    const fraction = fc.constantFrom('', '.000', '.5', '.250', '.999', '.1234', '.001', '.0a0');
    const separator = fc.constantFrom('T', 't', ' ');
    const zone = fc.constantFrom('Z', 'z', '+00:00', '-05:30', '');
    const date = fc
      .tuple(four, two(19), two(39), separator, two(29), two(69), two(69), fraction, zone)
      .map(([y, mo, d, t, h, mi, s, f, z]) => `${y}-${mo}-${d}${t}${h}:${mi}:${s}${f}${z}`);
    fc.assert(
      fc.property(date, (value) => {
        // With a space before it the text is not in the usual form, and is read by the general reader.
        expect(parseAtomDate(value)?.getTime()).toBe(parseAtomDate(` ${value}`)?.getTime());
      }),
      { numRuns: 3000 },
    );
  });

  it('reads an ISO instant as Date reads it, or leaves it to Date', () => {
    const date = fc
      .tuple(four, two(19), two(39), two(29), two(69), two(69), fc.integer({ min: 0, max: 999 }))
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${String(ms).padStart(3, '0')}Z`);
    fc.assert(
      fc.property(fc.oneof(date, fc.string({ maxLength: 26 })), (value) => {
        const time = usualIsoTime(value);
        if (time !== undefined) expect(time).toBe(new Date(value).getTime());
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
        expect(usualIsoTime(d.toISOString())).toBe(d.getTime());
      }),
    );
  });

  it('reads every instant written as toISOString() writes it', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        expect(parseAtomDate(iso)?.getTime()).toBe(date.getTime());
        expect(parseAtomDate(iso.replace(/\.\d{3}Z$/, 'Z'))?.getTime()).toBe(Math.floor(date.getTime() / 1000) * 1000);
      }),
    );
  });
});

describe('the xml2js-shaped object', () => {
  it('gives the same readings for element names xml2js meets as keys, and text around them', async () => {
    const cases = [
      '<rss version="2.0"><channel><item><title>t</title><_>odd</_> <guid>g</guid></item></channel></rss>',
      '<rss version="2.0"><channel><item> <_>a</_><_>b</_> x<title>t</title></item></channel></rss>',
      '<rss version="2.0"><channel><item><title>t</title><__proto__>p</__proto__><constructor>c</constructor><guid>g</guid></item></channel></rss>',
      '<rss version="2.0"><channel><item><title a="1">t</title><guid isPermaLink="false"> </guid><link>  </link></item></channel></rss>',
      '<rss version="2.0"><channel><item><title>t</title><category>a</category> <category d="x">b</category><toString>s</toString></item></channel></rss>',
      '<rss version="2.0"><channel><item>\n  <title>t</title>\n  <description>d</description>\n</item><item>\u00a0<title>u</title></item></channel></rss>',
      '<rss version="2.0"><channel><item><title><![CDATA[ ]]></title><enclosure url="u" type="audio/mpeg" length="1"/></item></channel></rss>',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry> <id>i</id> <title type="text"> </title><link href="h"/><link rel="alternate" href="a"/><updated>2024-01-01T00:00:00Z</updated></entry></feed>',
    ];
    for (const text of cases) await bothReadings(text);
  });

  it('gives the same readings for items of any children, text and attributes', async () => {
    const name = fc.constantFrom('title', 'link', 'guid', 'category', '_', 'x', 'description', 'pubDate', 'enclosure');
    const text = fc.constantFrom('', ' ', '\n  ', 'a', ' b ', '\u00a0', 'Tue, 02 Jan 2024 03:04:05 GMT');
    const child = fc.tuple(name, fc.boolean(), text, text).map(([n, attribute, inner, after]) => `<${n}${attribute ? ' a="v"' : ''}>${inner}</${n}>${after}`);
    const item = fc.tuple(text, fc.array(child, { maxLength: 6 })).map(([before, children]) => `<item>${before}${children.join('')}</item>`);
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 3 }), async (items) => {
        await bothReadings(`<rss version="2.0"><channel><title>c</title>${items.join('')}</channel></rss>`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('children by name', () => {
  it('finds every child by its name, with few names and with many', () => {
    for (const count of [1, 5, 16, 17, 40]) {
      const names = Array.from({ length: count }, (_, i) => `e${i}`);
      const body = [...names, ...names.slice(0, 3)].map((n, i) => `<${n}>${i}</${n}>`).join('');
      const root = parseXml(`<r>${body}</r>`).root;
      const c = new Children(root, '', 'r', new ProblemLog([]));
      for (const n of names) {
        expect(c.all(n)).toEqual(childElements(root, n));
        expect(c.first(n)).toBe(childElements(root, n)[0]);
        expect(c.repeated(n)).toEqual(childElements(root, n).length > 1 ? childElements(root, n) : undefined);
      }
      expect(c.all('none')).toEqual([]);
      expect(c.first('none')).toBeUndefined();
      expect(textContent(c.first('e0')!)).toBe('0');
    }
  });
});

describe('white space and alignment', () => {
  it('collapses white space as the regular expressions do', () => {
    const char = fc.constantFrom(' ', ' ', '\n', '\t', '\r', '\f', '\v', '\u00a0', 'a', 'b', '\u00e9');
    const oracle = (text: string) => (/[\t\n\f\r]| {2}|^ | $/.test(text) ? text.replace(/[\t\n\f\r ]+/g, ' ').replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '') : text);
    fc.assert(
      fc.property(fc.array(char, { maxLength: 10 }), (chars) => {
        const text = chars.join('');
        expect(collapseWhitespace(text)).toBe(oracle(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('isBlank says what trim() says', () => {
    const char = fc.constantFrom(' ', '\n', '\t', '\r', '\v', '\f', '\u00a0', '\u2028', '\ufeff', '\u3000', '\u0085', 'a', '<', '\u0000', '\u007f', '\u00e9');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 8 }), (chars) => {
        const text = chars.join('');
        expect(isBlank(text)).toBe(text.trim() === '');
        expect(isBlank(text)).toBe(/^\s*$/.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('pairs items in place when every id is where it was, and aligns them otherwise', () => {
    const id = (x: string) => x;
    const inPlace = alignItems(['a', 'b', 'c'], ['a', 'b', 'c'], id, id);
    expect(inPlace).toEqual({
      pairs: ['a', 'b', 'c'].map((x, i) => ({ expected: x, actual: x, expectedIndex: i, actualIndex: i, idChanged: false })),
      missing: [],
      unexpected: [],
      duplicates: [],
      moved: [],
    });
    // The same ids twice in both lists: the second of each is a duplicate, not a pair.
    const twice = alignItems(['a', 'a'], ['a', 'a'], id, id);
    expect(twice.duplicates).toEqual([{ item: 'a', index: 1, firstIndex: 0 }]);
    expect(twice.missing).toEqual([{ item: 'a', index: 1 }]);
    const swapped = alignItems(['a', 'b'], ['b', 'a'], id, id);
    expect(swapped.moved).toHaveLength(1);
  });
});

describe('white space between elements', () => {
  it('reads many names of one length, prefixed or not, as saxes reads them', () => {
    const names = Array.from({ length: 20 }, (_, i) => `${String.fromCharCode(97 + i)}${String.fromCharCode(122 - i)}`);
    const prefixed = names.map((n) => `p:${n}`);
    const body = [...names, ...prefixed, ...names.slice().reverse(), ...prefixed].map((n, i) => `<${n} k="${i}">${i}</${n}>`).join('\n ');
    const text = `<r xmlns:p="urn:p">\n ${body}\n</r>`;
    expect(parseXml(text)).toEqual(parseXmlWithSaxes(text));
  });

  it('reads as saxes reads it where text, comments and CDATA follow the same run', () => {
    const documents = [
      '<r>\n  <a/>\n  <!--c-->x<b/>\n  <c>\n  <![CDATA[d]]></c>\n  <e>\n  </e>\n  <f/>\n  </r>',
      '<r> <a> <b/> <!--c--> </a> <a> <b/> </a> <c> &amp; </c> </r>',
      '<r>\t<a>\t</a>\t<!---->\t<a/>\t<![CDATA[]]>\t</r>',
    ];
    for (const text of documents) {
      const fast = parseXml(text);
      expect(fast).toEqual(parseXmlWithSaxes(text));
      // Reading the same text again gives the same tree: no shared node was changed.
      expect(parseXml(text)).toEqual(fast);
    }
  });
});
