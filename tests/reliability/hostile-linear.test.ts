import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tally } from './support.js';
import { ADVERSARIAL_CASES, expectedAt, measureClass, plainYardstick } from './stress/adversarial.js';

/**
 * The quick form of `npm run stress:hostile`, run with every test: each adversarial class at
 * 50 KB and 500 KB against a plain article measured in the same run (at 500 KB, or at the same
 * size when that is slower per MB). A quadratic pass is
 * ten times slower per MB at the larger size; the bound here is a tolerant 4× (the full stress
 * run holds 2× up to 5 MB), so a loaded machine does not make it flaky.
 */
const SIZES = [50_000, 500_000];
const BOUND = 4;

let plain: (bytes: number) => number = () => Number.NaN;
let worst = { name: '', ratio: 0 };

beforeAll(() => {
  plain = plainYardstick(SIZES, 500_000, 3);
}, 120_000);

afterAll(() => {
  tally(
    'hostile input: adversarial classes (quick linearity check)',
    ADVERSARIAL_CASES.length,
    `plain ${plain(500_000).toFixed(0)} ms/MB; worst ${worst.name} ${worst.ratio.toFixed(2)}×`,
  );
});

describe('hostile input in linear time (quick)', () => {
  for (const c of ADVERSARIAL_CASES) {
    it(`${c.name}: right outcome, never E_INTERNAL, within ${BOUND}× of a plain article per MB`, () => {
      for (const r of measureClass(c, SIZES, plain, BOUND)) {
        if (r.ratio > worst.ratio) worst = { name: c.name, ratio: r.ratio };
        expect(r.outcome.result, `${c.name} at ${r.bytes} bytes: ${r.outcome.detail ?? ''}`).not.toBe('E_INTERNAL');
        expect(r.outcome.result, `${c.name} at ${r.bytes} bytes`).toBe(expectedAt(c, r.bytes));
        expect(r.ratio, `${c.name} at ${r.bytes} bytes: ${r.msPerMb.toFixed(0)} ms/MB vs ${plain(r.bytes).toFixed(0)} ms/MB for a plain article`).toBeLessThanOrEqual(BOUND);
      }
    }, 60_000);
  }
});
