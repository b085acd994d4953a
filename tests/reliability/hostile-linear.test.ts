import { afterAll, describe, expect, it } from 'vitest';
import { tally } from './support.js';
import { ADVERSARIAL_CASES, expectedAt, msPerMb } from './stress/adversarial.js';

/**
 * The quick form of `npm run stress:hostile`, run with every test: each adversarial class at 50 KB
 * and 500 KB, with the right outcome and never `E_INTERNAL`, and its cost per MB growing no more
 * than 4× from the smaller size to the larger. A quadratic pass grows ten times per MB over that
 * span and a linear one not at all, so the check compares a class with itself, measured back to
 * back, rather than with the clock or another input: a loaded machine slows both sizes alike. How
 * each class compares with a plain article (within 2× up to 5 MB) is the full stress run's job.
 */
const SMALL = 50_000;
const LARGE = 500_000;
const BOUND = 4;

let worst = { name: '', growth: 0 };

afterAll(() => {
  tally(
    'hostile input: adversarial classes (quick linearity check)',
    ADVERSARIAL_CASES.length,
    `worst growth of cost per MB from 50 KB to 500 KB: ${worst.name} ${worst.growth.toFixed(2)}×`,
  );
});

/**
 * Cost per MB at the large size over the small one. A reading over the bound is taken again as the
 * ratio of each size's fastest of five runs: other work on the machine only ever adds time, so the
 * fastest run is the one least disturbed by it, while a quadratic pass stays ten times slower per MB
 * in every run.
 */
function growth(file: string, make: (bytes: number) => string): number {
  const first = msPerMb(file, make, LARGE, 1).msPerMb / msPerMb(file, make, SMALL, 1).msPerMb;
  if (first <= BOUND) return first;
  const fastest = (bytes: number): number => Math.min(...Array.from({ length: 5 }, () => msPerMb(file, make, bytes, 1).msPerMb));
  return fastest(LARGE) / fastest(SMALL);
}

describe('hostile input in linear time (quick)', () => {
  for (const c of ADVERSARIAL_CASES) {
    it(`${c.name}: right outcome, never E_INTERNAL, cost per MB growing at most ${BOUND}× from 50 KB to 500 KB`, () => {
      for (const bytes of [SMALL, LARGE]) {
        const { outcome } = msPerMb(c.file, c.make, bytes, 1);
        expect(outcome.result, `${c.name} at ${bytes} bytes: ${outcome.detail ?? ''}`).not.toBe('E_INTERNAL');
        expect(outcome.result, `${c.name} at ${bytes} bytes`).toBe(expectedAt(c, bytes));
      }
      const g = growth(c.file, c.make);
      if (g > worst.growth) worst = { name: c.name, growth: g };
      expect(g, `${c.name}: cost per MB grew ${g.toFixed(2)}× from ${SMALL} to ${LARGE} bytes`).toBeLessThanOrEqual(BOUND);
    }, 60_000);
  }
});
