import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { rankLanguages } from '../../src/story/trigram-language.js';

/**
 * The trigram detector replaced franc-min (four packages) with the same models, generated into
 * language-data.ts: its rankings must equal franc-min's, which stays a development dependency for
 * this comparison only.
 */
const root = path.resolve(import.meta.dirname, '../..');

const SAMPLES = [
  'Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse.',
  'Die Bundesregierung hat am Dienstag ein Paket zur Unterstützung der Landwirte beschlossen.',
  'Уряд оголосив у вівторок низку заходів для підтримки фермерів, які постраждали від посухи.',
  'Правительство объявило во вторник о ряде мер по поддержке фермеров.',
  '政府は火曜日、干ばつの影響を受けた農家を支援するための一連の措置を発表した。',
  '정부는 화요일 가뭄 피해 농가를 지원하기 위한 일련의 조치를 발표했다.',
  'Η κυβέρνηση ανακοίνωσε την Τρίτη μια σειρά μέτρων για τη στήριξη των αγροτών.',
  'الحكومة أعلنت يوم الثلاثاء عن سلسلة من الإجراءات لدعم المزارعين المتضررين من الجفاف',
  '12345 67890 !!! ???',
  'short',
  '',
  'A mixed text: English words, und deutsche Wörter, et des mots français.',
];

const seedTexts = (): string[] => {
  const dir = path.join(root, 'seeds');
  return readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8').slice(0, 600));
};

describe('trigram language ranking', () => {
  it.each(SAMPLES)('ranks as franc-min does: %s', (text) => {
    expect(rankLanguages(text, 20)).toEqual(francAll(text, { minLength: 20 }));
    expect(rankLanguages(text)).toEqual(francAll(text));
  });

  it('ranks the bundled seeds as franc-min does', () => {
    for (const text of seedTexts()) expect(rankLanguages(text, 20)).toEqual(francAll(text, { minLength: 20 }));
  });

  it('ranks generated text as franc-min does', () => {
    const word = fc.constantFrom('the', 'der', 'и', 'de', 'la', 'не', 'που', 'は', '1984', '—', 'ção', 'ñ', 'straße', 'ї', '!', 'x', 'كان', 'का');
    const text = fc.array(word, { minLength: 3, maxLength: 60 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, (t) => JSON.stringify(rankLanguages(t, 20)) === JSON.stringify(francAll(t, { minLength: 20 }))),
      { numRuns: 500, seed: 16 },
    );
  });
});
