import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/story/language.js';

describe("a short note in the Cyrillic script on a site in another script's language", () => {
  it("is in the language whose own letters it holds, else in the script's main language", () => {
    expect(detectLanguage('Слава Україні!', 'en')).toBe('uk');
    expect(detectLanguage('Ґанок і подвір’я', 'en')).toBe('uk');
    expect(detectLanguage('Жыве Беларусь! Ўсё', 'en')).toBe('be');
    expect(detectLanguage('Ђаци су у школи.', 'en')).toBe('sr');
    expect(detectLanguage('Ќе дојдам утре.', 'en')).toBe('mk');
    // Uzbek writes ў with қ, ғ or ҳ: not Belarusian (and not modelled: the script's main language).
    expect(detectLanguage('Ўзбекистон ҳақида', 'en')).not.toBe('be');
    expect(detectLanguage('Доброе утро всем!', 'en')).toBe('ru');
  });
});
