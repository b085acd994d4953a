import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envCount, tally } from '../support.js';
import { ADVERSARIAL_CASES, expectedAt, measureClass, plainYardstick, type SizeReading } from './adversarial.js';

/**
 * `npm run stress:hostile`: every adversarial class at 100 KB, 1 MB and 5 MB (`STRESS_MAX_BYTES`
 * lowers the top size), each checked against a plain article measured in the same run: time per
 * MB within 2× of the plain 1 MB article's (or of a plain article of the same size, when that is
 * slower per MB: its fixed costs are the adversarial seed's too; a quadratic pass grows tenfold
 * per step either way), the right
 * outcome, never E_INTERNAL, and the process's peak memory bounded.
 */
const SIZES = [100_000, 1_000_000, 5_000_000].filter((n) => n <= envCount('STRESS_MAX_BYTES', 5_000_000));
/** Time per MB allowed, as a multiple of the plain 1 MB article's. */
const BOUND = 2;
/** Peak RSS allowed for the whole run: normalizing takes about 55 MB per MB of text, and 5 MB seeds are the largest. */
const PEAK_RSS_MB = 1_500;

let plain: (bytes: number) => number = () => Number.NaN;
const report: string[] = [];

// Minutes of work: only under `npm run stress:hostile` (the quick form, hostile-linear.test.ts, runs with every test).
describe.skipIf(!process.env.STRESS_HOSTILE)('hostile input stress: linear time, bounded memory, honest errors', () => {
  beforeAll(() => {
    plain = plainYardstick(SIZES, 1_000_000, 3);
  }, 300_000);

  afterAll(() => {
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    tally('hostile stress: classes', ADVERSARIAL_CASES.length, `plain 1 MB article ${plain(1_000_000).toFixed(0)} ms/MB, peak RSS ${peak} MB`);
    for (const line of report) process.stdout.write(`${line}\n`);
  });

  for (const c of ADVERSARIAL_CASES) {
    it(`${c.name}: within ${BOUND}× of a plain article per MB from 100 KB to ${SIZES[SIZES.length - 1]! / 1e6} MB`, () => {
      const readings: SizeReading[] = measureClass(c, SIZES, plain, BOUND);
      report.push(`  ${c.name.padEnd(52)} ${readings.map((r) => `${(r.bytes / 1e6).toString().padStart(4)} MB ${r.ratio.toFixed(2)}× ${r.outcome.result}`).join('  ')}`);
      for (const r of readings) {
        expect(r.outcome.result, `${c.name} at ${r.bytes} bytes: ${r.outcome.detail ?? ''}`).not.toBe('E_INTERNAL');
        expect(r.outcome.result, `${c.name} at ${r.bytes} bytes`).toBe(expectedAt(c, r.bytes));
        expect(r.ratio, `${c.name} at ${r.bytes} bytes: ${r.msPerMb.toFixed(0)} ms/MB vs ${plain(r.bytes).toFixed(0)} ms/MB for a plain article`).toBeLessThanOrEqual(BOUND);
      }
      expect(process.resourceUsage().maxRSS / 1024).toBeLessThan(PEAK_RSS_MB);
    }, 600_000);
  }
});
