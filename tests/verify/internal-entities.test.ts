/**
 * Internal entities a DOCTYPE declares: expanded as XML 1.0 requires (the W3C validator reads such
 * feeds as valid), within a budget linear in the document.
 */
import { describe, expect, it } from 'vitest';
import { checkWellFormedXml, readFeed, type FeedProblem } from '../../src/verify/index.js';
import { ENTITY_EXPANSION_ALLOWANCE, MAX_ENTITY_NESTING } from '../../src/verify/internal-entities.js';
import { minimalRss } from '../support/feeds.js';

const errors = (problems: readonly FeedProblem[]): string[] => problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);

function withEntities(declarations: string, title: string, extra = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE rss [\n${declarations}\n]>\n${minimalRss(`<item><title>${title}</title><guid isPermaLink="false">a</guid>${extra}</item>`)}`;
}

function failure(xml: string): { message: string; line: number } {
  const result = checkWellFormedXml(xml);
  if (result.ok) throw new Error('expected the document to be refused');
  return result.error;
}

describe('internal entities of the DOCTYPE', () => {
  it('a feed declaring HTML names by character references is valid and reads as the characters', async () => {
    const feed = await readFeed(withEntities('<!ENTITY nbsp "&#160;">\n<!ENTITY copy "&#xA9;">', 'a&nbsp;b &copy; 2024'));
    expect(errors(feed.problems)).toEqual([]);
    expect(feed.items[0]?.title).toBe('a\u00A0b © 2024');
  });

  it('an entity naming others, and one used in an attribute value, are expanded', async () => {
    const feed = await readFeed(
      withEntities('<!ENTITY site "https://ex.com">\n<!ENTITY post "&site;/post">', 'T', '<link>&post;</link><enclosure url="&post;.mp3" length="1" type="audio/mpeg"/>'),
    );
    expect(errors(feed.problems)).toEqual([]);
    expect(feed.items[0]?.url).toBe('https://ex.com/post');
    expect(feed.items[0]?.enclosures?.[0]?.url).toBe('https://ex.com/post.mp3');
  });

  it("character references are decoded where the entity is declared, as XML 1.0's appendix D shows", async () => {
    // "&#38;lt;" is "&lt;" once declared, a "<" where used; "&amp;amp;" stays so when declared
    // (general entities are expanded where used), and reads as "&amp;".
    const feed = await readFeed(withEntities('<!ENTITY e "1 &#38;lt; 2 &amp;amp; 3">', '&e;'));
    expect(errors(feed.problems)).toEqual([]);
    expect(feed.items[0]?.title).toBe('1 < 2 &amp; 3');
  });

  it('the first declaration of a name is the one read', async () => {
    const feed = await readFeed(withEntities('<!ENTITY e "first">\n<!ENTITY e "second">', '&e;'));
    expect(feed.items[0]?.title).toBe('first');
  });

  it('an entity referring to itself, through another, is refused with the chain', () => {
    const error = failure(withEntities('<!ENTITY a "x&b;">\n<!ENTITY b "&a;">', '&a;'));
    expect(error.message).toBe('the entity &a; refers to itself (&a; → &b; → &a;)');
    expect(error.line).toBe(13);
  });

  it('markup inside an entity, a bare & and an undefined entity inside one are refused, named', () => {
    expect(failure(withEntities('<!ENTITY a "<b>x</b>">', '&a;')).message).toMatch(/^the entity &a; holds markup/);
    expect(failure(withEntities('<!ENTITY a "Tom &#38; Jerry">', '&a;')).message).toMatch(/^the entity &a; holds a bare "&"/);
    expect(failure(withEntities('<!ENTITY a "caf&eacute;">', '&a;')).message).toBe('undefined entity &eacute; in the entity &a;');
    expect(failure(withEntities('<!ENTITY a "&#1;">', '&a;')).message).toMatch(/^the entity &a; holds &#1;, a character XML 1.0 allows nowhere/);
  });

  it(`a chain of more than ${MAX_ENTITY_NESTING} entities is refused`, () => {
    const chain = (length: number): string => Array.from({ length }, (_, i) => `<!ENTITY e${i} "${i + 1 < length ? `&e${i + 1};` : 'end'}">`).join('\n');
    expect(checkWellFormedXml(withEntities(chain(MAX_ENTITY_NESTING), '&e0;')).ok).toBe(true);
    expect(failure(withEntities(chain(MAX_ENTITY_NESTING + 1), '&e0;')).message).toMatch(new RegExp(`^entities nest more than ${MAX_ENTITY_NESTING} deep`));
  });

  it('a billion laughs (nine levels of ten) is refused at once, by its size', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const error = failure(withEntities(`<!ENTITY l0 "lol">${levels}`, '&l9;'));
    expect(error.message).toMatch(/^the entity &l\d; expands to more than \d+ characters: storyfeed reads no further$/);
  });

  it('many references to one entity share one budget, the length of the document and an allowance', () => {
    const entity = 'x'.repeat(1000);
    const uses = (count: number): string => withEntities(`<!ENTITY e "${entity}">`, '&e;'.repeat(count));
    // Each reference adds 997 characters to what it costs in the document.
    expect(checkWellFormedXml(uses(Math.floor(ENTITY_EXPANSION_ALLOWANCE / 1000))).ok).toBe(true);
    expect(failure(uses(Math.ceil((2 * ENTITY_EXPANSION_ALLOWANCE) / 997))).message).toMatch(/^entities the DOCTYPE declares expand to more than \d+ characters in all/);
  });
});

describe('declarations in comments and processing instructions of the internal subset', () => {
  it('declare nothing: a reference to an entity declared only there is undefined', () => {
    expect(failure(withEntities('<!-- <!ENTITY nbsp "&#160;"> -->', '&nbsp;')).message).toMatch(/^undefined entity &nbsp;/);
    expect(failure(withEntities('<?pi <!ENTITY nbsp "&#160;"> ?>', '&nbsp;')).message).toMatch(/^undefined entity &nbsp;/);
    expect(checkWellFormedXml(withEntities('<!-- a comment --><!ENTITY nbsp "&#160;"><?pi x?>', '&nbsp;')).ok).toBe(true);
  });

  it('leave a literal holding <!-- whole', () => {
    expect(checkWellFormedXml(withEntities('<!ENTITY a "x <!-- y"><!ENTITY b "z">', '&b;')).ok).toBe(true);
    expect(checkWellFormedXml(withEntities('<!ENTITY a \'"<?\'><!ENTITY b "z">', '&b;')).ok).toBe(true);
  });

  it('are read in one pass, however many there are', () => {
    expect(failure(withEntities('<!-- <!ENTITY nbsp "x"> -->'.repeat(100_000), '&nbsp;')).message).toMatch(/^undefined entity &nbsp;/);
    expect(checkWellFormedXml(withEntities(`${'<?pi <!--?>'.repeat(100_000)}<!ENTITY nbsp "x">`, '&nbsp;')).ok).toBe(true);
  });
});
