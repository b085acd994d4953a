import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  CITY,
  COUNTRY,
  DEMONYM,
  EfrtTrie,
  FIRST_NAME,
  LAST_NAME,
  ORGANIZATION,
  isWikipediaTitle,
  lexFlags,
  wikipediaPersonBySurname,
} from '../../../src/story/analysis/lexicon.js';

const require = createRequire(import.meta.url);
const { unpack } = require('efrt') as { unpack: (packed: string) => Record<string, unknown> };
const packageRoot = (pkg: string): string => require.resolve(pkg).replace(/[\\/]builds[\\/].*$/, '');
const load = (path: string): unknown => (require(path) as { default: unknown }).default;

describe('packed trie reader', () => {
  it('reads the Wikipedia titles exactly as efrt unpacks them', () => {
    const packed = load(`${packageRoot('compromise-wikipedia')}/src/_model.js`) as string;
    const titles = Object.keys(unpack(packed));
    const trie = new EfrtTrie(packed);
    expect(titles.length).toBeGreaterThan(30_000);
    expect(titles.filter((t) => !trie.has(t))).toEqual([]);
    const known = new Set(titles);
    const near = titles.slice(0, 3000).flatMap((t) => [`${t}s`, t.slice(0, -1), `${t} x`]).filter((t) => !known.has(t));
    expect(near.filter((t) => trie.has(t))).toEqual([]);
  });

  it('enumerates the lexicon exactly as efrt unpacks it', () => {
    const data = load(`${packageRoot('compromise')}/src/2-two/preTagger/model/lexicon/_data.js`) as Record<string, string>;
    for (const packed of Object.values(data)) {
      const mine: string[] = [];
      new EfrtTrie(packed).forEach((w) => mine.push(w));
      expect(mine.sort()).toEqual(Object.keys(unpack(packed)).sort());
    }
  });
});

describe('lexicon', () => {
  it('knows names, places, organisations and nationalities', () => {
    expect(lexFlags('gerry') & FIRST_NAME).toBeTruthy();
    expect(lexFlags('mark') & FIRST_NAME).toBeTruthy();
    expect(lexFlags('putin') & LAST_NAME).toBeTruthy();
    expect(lexFlags('north korea') & COUNTRY).toBeTruthy();
    expect(lexFlags('moscow') & CITY).toBeTruthy();
    expect(lexFlags('nato') & ORGANIZATION).toBeTruthy();
    expect(lexFlags('russian') & DEMONYM).toBeTruthy();
    expect(lexFlags('sao paulo') & CITY).toBeTruthy();
  });

  it('resolves a surname to the one well-known person with it, and only then', () => {
    expect(wikipediaPersonBySurname('putin')).toBe('vladimir putin');
    expect(wikipediaPersonBySurname('trump')).toBeNull();
    expect(wikipediaPersonBySurname('zzyzx')).toBeNull();
    expect(isWikipediaTitle('vladimir putin')).toBe(true);
    expect(isWikipediaTitle('vladimir putix')).toBe(false);
  });
});
