import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITY, COUNTRY, DEMONYM, EfrtTrie, FIRST_NAME, LAST_NAME, ORGANIZATION, lexFlags, wikipediaPersonBySurname } from '../../../src/story/analysis/lexicon.js';
import { LEXICON_PACKED, WIKIPEDIA_TITLES_PACKED } from '../../../src/story/analysis/lexicon-data.js';
import { languageCodesModule, languageModule, lexiconModule } from '../../../scripts/generate-data.mjs';

const require = createRequire(import.meta.url);
const { unpack } = require('efrt') as { unpack: (packed: string) => Record<string, unknown> };
const root = path.resolve(import.meta.dirname, '../../..');
const generated = (relative: string): string => readFileSync(path.join(root, relative), 'utf8');

describe('generated data modules', () => {
  it('match what the generator makes from the installed source packages', async () => {
    expect(generated('src/story/analysis/lexicon-data.ts')).toBe(await lexiconModule());
    expect(generated('src/story/language-data.ts')).toBe(await languageModule());
    expect(generated('src/story/iso-639-1-data.ts')).toBe(await languageCodesModule());
  });
});

describe('packed trie reader', () => {
  it('reads the Wikipedia titles exactly as efrt unpacks them', () => {
    const packed = WIKIPEDIA_TITLES_PACKED;
    const titles = Object.keys(unpack(packed));
    const trie = new EfrtTrie(packed);
    expect(titles.length).toBeGreaterThan(15_000);
    // Only titles a "<given name> <surname>" lookup can find are kept (see scripts/generate-data.mjs).
    expect(titles.filter((t) => t.split(' ').length !== 2 || t.split(' ')[1]!.length < 3)).toEqual([]);
    expect(titles.filter((t) => !trie.has(t))).toEqual([]);
    const known = new Set(titles);
    const near = titles
      .slice(0, 3000)
      .flatMap((t) => [`${t}s`, t.slice(0, -1), `${t} x`])
      .filter((t) => !known.has(t));
    expect(near.filter((t) => trie.has(t))).toEqual([]);
  });

  it('enumerates the lexicon exactly as efrt unpacks it', () => {
    for (const packed of Object.values(LEXICON_PACKED)) {
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
  });
});
