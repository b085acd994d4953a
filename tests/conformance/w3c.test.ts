/**
 * The W3C Feed Validation Service's own test cases, run through `readFeed` (rules in `w3c.ts`).
 * `CONFORMANCE_TABLE=1` prints the README table. The floors below are what the verifier reaches
 * today on each part (so any rule change that loses agreement fails here), and the goal of
 * 95 % on all in-scope cases.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownTable, runAll, tally, type CaseResult } from './w3c.js';

let results: CaseResult[] = [];

beforeAll(async () => {
  results = await runAll();
  if (process.env.CONFORMANCE_TABLE) {
    console.log(markdownTable(results));
    for (const [part, rows] of [
      ['tuning', results.filter((r) => !r.heldOut)],
      ['held-out', results.filter((r) => r.heldOut)],
    ] as const) {
      const t = tally(rows).all!;
      console.log(`${part}: ${t.agree}/${t.cases} agree (${((100 * t.agree) / t.cases).toFixed(1)} %), ${t.falseAlarm} false alarms, ${t.missed} missed`);
    }
  }
}, 300_000);

describe('W3C feed validator test cases', () => {
  it('covers every case file', () => {
    expect(results.length).toBeGreaterThan(1600);
  });

  it('raises no internal error (every failure is a StoryfeedError)', () => {
    expect(results.filter((r) => r.actual === 'internal').map((r) => `${r.path}: ${r.detail}`)).toEqual([]);
  });

  it('finds no error in a file the W3C validator calls valid (Expect: !Error)', () => {
    const valid = results.filter((r) => r.expect === '!Error' && r.outOfScope === undefined);
    expect(valid.length).toBeGreaterThan(100);
    expect(valid.filter((r) => r.actual !== 'valid').map((r) => `${r.path}: ${r.detail}`)).toEqual([]);
  });

  it('answers "unsupported" and names the format for every out-of-scope file, well-formed or not', () => {
    const outOfScope = results.filter((r) => r.outOfScope !== undefined);
    expect(outOfScope.length).toBeGreaterThan(30);
    expect(outOfScope.filter((r) => r.actual !== 'unsupported').map((r) => `${r.path}: ${r.detail}`)).toEqual([]);
  });

  it('agrees with the W3C validator at least as often as it does today, on the tuning and the held-out part', () => {
    const rate = (rows: readonly CaseResult[]): number => {
      const t = tally(rows).all!;
      return t.agree / t.cases;
    };
    expect(rate(results.filter((r) => !r.heldOut))).toBeGreaterThanOrEqual(0.97);
    expect(rate(results.filter((r) => r.heldOut))).toBeGreaterThanOrEqual(0.94);
    expect(rate(results)).toBeGreaterThanOrEqual(0.95);
  });
});
