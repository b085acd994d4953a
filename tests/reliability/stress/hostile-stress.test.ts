import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childScripts, envCount, root, startChild, tally } from '../support.js';
import { ADVERSARIAL_CASES, expectedAt, type SizeReading } from './adversarial.js';

/**
 * `npm run stress:hostile`: every adversarial class at 100 KB, 1 MB and 5 MB (`STRESS_MAX_BYTES`
 * lowers the top size), each in its own process (a clean heap, its own peak memory), checked
 * against a plain article measured the same way in the same run: time per MB within 2× of the
 * plain 1 MB article's (or of a plain article of the same size, when that is slower per MB: its
 * fixed costs are the adversarial seed's too; a quadratic pass grows tenfold per step either way),
 * the right outcome, never E_INTERNAL, and peak memory within 2× of the plain article's process.
 */
const SIZES = [100_000, 1_000_000, 5_000_000].filter((n) => n <= envCount('STRESS_MAX_BYTES', 5_000_000));
/** Time per MB allowed, as a multiple of the plain 1 MB article's. */
const BOUND = 2;
/**
 * Peak RSS allowed for one class's process, as a multiple of the plain article's process (which
 * normalizes the same sizes): an adversarial seed may cost twice the memory of prose, not more.
 */
const PEAK_FACTOR = 2;

let plain: Record<string, number> = {};
let plainPeakMb = 0;
const report: string[] = [];

/** Runs the stress child with `args` and returns its report. */
async function child<T>(args: string[]): Promise<T> {
  const run = await startChild('stress-class', args, { nodeFlags: ['--max-old-space-size=2048'], env: { STORYFEED_REPO: root } });
  const how = await run.exited;
  if (how !== 0) throw new Error(`stress child ${args[0]} ended with ${how}: ${run.stderr().slice(-2000)}`);
  const line = run
    .stdout()
    .split('\n')
    .find((l) => l.startsWith('report '));
  if (!line) throw new Error(`stress child ${args[0]} printed no report: ${run.stdout().slice(-2000)}`);
  return JSON.parse(line.slice(7)) as T;
}

// Minutes of work: only under `npm run stress:hostile` (the quick form, hostile-linear.test.ts, runs with every test).
describe.skipIf(!process.env.STRESS_HOSTILE)('hostile input stress: linear time, bounded memory, honest errors', () => {
  beforeAll(async () => {
    await childScripts();
    ({ plain, peakRssMb: plainPeakMb } = await child<{ plain: Record<string, number>; peakRssMb: number }>(['plain', SIZES.join(',')]));
  }, 600_000);

  afterAll(() => {
    tally(
      'hostile stress: classes',
      ADVERSARIAL_CASES.length,
      `plain article ${Object.entries(plain)
        .map(([n, ms]) => `${Number(n) / 1e6} MB ${ms.toFixed(0)} ms/MB`)
        .join(', ')}, peak ${plainPeakMb} MB`,
    );
    for (const line of report) process.stdout.write(`${line}\n`);
  });

  for (const c of ADVERSARIAL_CASES) {
    const bound = c.perMbBound ?? BOUND;
    it(`${c.name}: within ${bound}× of a plain article per MB from 100 KB to ${SIZES[SIZES.length - 1]! / 1e6} MB`, async () => {
      const { readings, peakRssMb } = await child<{ readings: SizeReading[]; peakRssMb: number }>([c.name, SIZES.join(','), JSON.stringify(plain), String(bound)]);
      report.push(
        `  ${c.name.padEnd(52)} ${readings.map((r) => `${(r.bytes / 1e6).toString().padStart(4)} MB ${r.ratio.toFixed(2)}× ${r.outcome.result}`).join('  ')}  peak ${peakRssMb} MB`,
      );
      for (const r of readings) {
        expect(r.outcome.result, `${c.name} at ${r.bytes} bytes: ${r.outcome.detail ?? ''}`).not.toBe('E_INTERNAL');
        expect(r.outcome.result, `${c.name} at ${r.bytes} bytes`).toBe(expectedAt(c, r.bytes));
        expect(r.ratio, `${c.name} at ${r.bytes} bytes: ${r.msPerMb.toFixed(0)} ms/MB`).toBeLessThanOrEqual(bound);
      }
      expect(peakRssMb, `${c.name}: peak RSS ${peakRssMb} MB vs ${plainPeakMb} MB for plain articles`).toBeLessThanOrEqual(PEAK_FACTOR * plainPeakMb);
    }, 900_000);
  }
});
