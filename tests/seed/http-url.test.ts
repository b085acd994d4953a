/**
 * The URLs storyfeed publishes from configuration, front matter and items: parsed once, and written
 * as feeds carry them.
 */
import { describe, expect, it } from 'vitest';
import { feedHref, parseHttpUrl } from '../../src/seed/http-url.js';
import { checkUri } from '../../src/verify/uri.js';

describe('feedHref', () => {
  it('percent-encodes [ and ] after the host, where the URL parser keeps them and RFC 3986 allows them nowhere', () => {
    expect(feedHref(new URL('https://cdn.example.com/a.jpg?size[w]=100'))).toBe('https://cdn.example.com/a.jpg?size%5Bw%5D=100');
    expect(feedHref(new URL('https://example.com/list[1]/?a[]=1#part[2]'))).toBe('https://example.com/list%5B1%5D/?a%5B%5D=1#part%5B2%5D');
    expect(feedHref(new URL('https://example.com?q=[x]'))).toBe('https://example.com/?q=%5Bx%5D');
  });

  it('keeps the brackets of an IPv6 host, and any URL without brackets as the parser writes it', () => {
    expect(feedHref(new URL('http://[::1]:8080/x[1]'))).toBe('http://[::1]:8080/x%5B1%5D');
    expect(feedHref(new URL('http://[::1]/'))).toBe('http://[::1]/');
    for (const url of ['https://Example.com/a b?c=d', 'https://example.com/%5B/', 'https://ü.example/']) expect(feedHref(new URL(url))).toBe(new URL(url).href);
  });

  it('writes every http(s) URL with brackets as one the verifier accepts', () => {
    for (const written of ['https://e.example/?a[b][c]=1', 'https://e.example/[[]]', 'https://e.example/#]', `https://e.example/${'['.repeat(10_000)}`]) {
      const parsed = parseHttpUrl(written);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(checkUri(feedHref(parsed.url), true), written.slice(0, 40)).toBeUndefined();
    }
  });
});
