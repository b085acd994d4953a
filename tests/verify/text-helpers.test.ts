/**
 * The small readers every feed goes through many times per item: dates, URI characters and
 * whitespace. Their fast paths (no new string for text that needs no change, Date.UTC for years
 * from 100) must give what the general paths give.
 */
import { describe, expect, it } from 'vitest';
import { parseRfc3339, parseRfc822 } from '../../src/verify/dates.js';
import { collapseWhitespace, trimWhitespace } from '../../src/verify/html-canon.js';
import { checkUri, comparableReference } from '../../src/verify/uri.js';
import { costGrowth } from '../support/linear.js';

describe('dates', () => {
  it('reads RFC 3339 dates in every year, with offsets, fractions and leap seconds', () => {
    expect(parseRfc3339('2024-03-01T10:00:00Z')?.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(parseRfc3339('2024-03-01T12:30:00.25+02:30')?.toISOString()).toBe('2024-03-01T10:00:00.250Z');
    expect(parseRfc3339('2016-12-31T23:59:60Z')?.toISOString()).toBe('2016-12-31T23:59:59.999Z');
    // Years 0-99 are those years, not 1900-1999.
    expect(parseRfc3339('0050-06-01T00:00:00Z')?.getUTCFullYear()).toBe(50);
    expect(parseRfc3339('0100-01-01T00:00:00Z')?.toISOString()).toBe('0100-01-01T00:00:00.000Z');
    expect(parseRfc3339('2023-02-29T00:00:00Z')).toBeUndefined();
  });

  it('reads RFC 822 dates with any white space between their parts', () => {
    const expected = '2024-03-01T10:00:00.000Z';
    for (const text of ['Fri, 01 Mar 2024 10:00:00 GMT', 'Fri,  01 Mar 2024\t10:00:00 GMT', ' Fri, 01\u00a0Mar 2024 10:00:00 GMT ', 'Fri, 01 Mar 2024 11:00:00 +0100']) {
      expect(parseRfc822(text)?.toISOString(), JSON.stringify(text)).toBe(expected);
    }
    expect(parseRfc822('01 Jun 49 00:00:00 GMT')?.getUTCFullYear()).toBe(2049);
    expect(parseRfc822('01 Jun 50 00:00:00 GMT')?.getUTCFullYear()).toBe(1950);
    expect(parseRfc822('01 Jun 0050 00:00:00 GMT')?.getUTCFullYear()).toBe(50);
  });
});

describe('checkUri', () => {
  it('names the first ASCII character that must be percent-encoded, and allows any other character', () => {
    expect(checkUri('https://example.com/a b', true)?.message).toBe('the URI "https://example.com/a b" contains " ", which must be percent-encoded');
    expect(checkUri('https://example.com/"<', true)?.message).toContain('contains "\\"", which');
    expect(checkUri('https://example.com/ü/\u{1F600}', true)).toBeUndefined();
    expect(checkUri('https://example.com/a%20b?q=1&r=%5B2%5D#f', true)).toBeUndefined();
  });

  it('allows [ and ] only around an IP literal host, as RFC 3986 and the W3C validator do (InvalidUriChar)', () => {
    for (const uri of ['http://[::1]/x', 'http://user@[FEDC:BA98::1]:8080/a?b', 'http://[v1.fe80::a+en1]/']) expect(checkUri(uri, true)).toBeUndefined();
    expect(checkUri('https://example.com/a?r=[2]', true)?.message).toBe(
      'the URI "https://example.com/a?r=[2]" contains "[", which must be percent-encoded (brackets only enclose an IPv6 host)',
    );
    expect(checkUri('http://[::1]/a]', false)?.message).toContain('contains "]"');
    expect(checkUri('http://[', true)?.message).toContain('contains "["');
    expect(checkUri('/a[1]', false)?.message).toContain('contains "["');
  });

  it('reads a long URI full of brackets', () => {
    expect(checkUri(`http://${'['.repeat(200_000)}`, true)?.message).toContain('contains "["');
    expect(checkUri(`http://${'a'.repeat(200_000)}]`, true)?.message).toContain('contains "]"');
    expect(checkUri(`http://[${':'.repeat(200_000)}`, true)?.message).toContain('contains "["');
  });
});

describe('comparableReference (RFC 3986 §6.2.2)', () => {
  it('lower-cases the scheme and host, not a user name, path, query or fragment; upper-cases percent-encodings and decodes unreserved ones', () => {
    expect(comparableReference('HTTPS://Ann@Example.COM:8080/A/%c3%a9?Q=%7e#F')).toBe('https://Ann@example.com:8080/A/%C3%A9?Q=~#F');
    expect(comparableReference('URN:ISBN:0451450523')).toBe('urn:ISBN:0451450523');
    expect(comparableReference('Posts/A%2f')).toBe('Posts/A%2F');
    expect(comparableReference('https://Example.com/blog/a')).toBe(comparableReference('https://example.com/blog/a'));
  });

  it('costs alike per character for long references', async () => {
    const reference = (n: number): string => `HTTPS://${'A'.repeat(n)}@${'B'.repeat(n)}/${'%7e%c3'.repeat(n)}`;
    const growth = await costGrowth(
      (n) => {
        expect(comparableReference(reference(n)).length).toBeGreaterThan(n);
      },
      20_000,
      200_000,
      3,
    );
    expect(growth).toBeLessThanOrEqual(3);
  }, 60_000);
});

describe('whitespace', () => {
  it('trims and collapses HTML white space only, and returns text that needs neither as it is', () => {
    expect(trimWhitespace(' \t\n\f\rx y\r\n')).toBe('x y');
    expect(trimWhitespace('\u00a0x\u00a0')).toBe('\u00a0x\u00a0');
    expect(trimWhitespace('   ')).toBe('');
    expect(collapseWhitespace('  a \t\n b  ')).toBe('a b');
    expect(collapseWhitespace('a  b')).toBe('a b');
    expect(collapseWhitespace('a\u00a0 b')).toBe('a\u00a0 b');
    expect(collapseWhitespace(' ')).toBe('');
    expect(collapseWhitespace('a b')).toBe('a b');
  });
});
