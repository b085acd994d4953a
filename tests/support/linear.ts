/**
 * Linear-time checks that compare an input with itself rather than with the clock: the cost per
 * unit of size at a large size over a small one, each the fastest of a few runs (other work on the
 * machine only ever adds time, so the fastest run is the least disturbed). Over a tenfold span a
 * linear pass stays near ×1 and a quadratic one grows about ten times, whatever the machine.
 */

/**
 * Shortest measurement: a run faster than this is repeated within one measurement until it lasts this
 * long, so that the clock's resolution and a single pause weigh little (a pass over 20,000 characters
 * can take 50 µs, where one collection pause takes more).
 */
const MIN_MEASURED_MS = 5;

/** Milliseconds per unit of `run(size)`, fastest of `runs` measurements, each of at least {@link MIN_MEASURED_MS}. */
export async function costPerUnit(run: (size: number) => unknown, size: number, runs: number): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  let repeats = 1;
  for (let i = 0; i < runs; i++) {
    let elapsed: number;
    for (;;) {
      const started = performance.now();
      for (let k = 0; k < repeats; k++) await run(size);
      elapsed = performance.now() - started;
      if (elapsed >= MIN_MEASURED_MS || repeats >= 1024) break;
      repeats *= 2;
    }
    fastest = Math.min(fastest, elapsed / repeats / size);
  }
  return fastest;
}

/**
 * How much the cost per unit of `run` grows from `small` to `large` (after a warm-up run): measured
 * once, and again when over `bound`, after a run at the large size (the first large run can hold the
 * compiler's work on code first run at that size). Measured again, the two sizes alternate, five runs
 * each, fastest of each kept, twice at most: a busy machine's pauses then weigh on both sizes alike, where
 * measuring all of one size and then all of the other could put a burst of other work in one of them
 * only (three test runs sharing two cores made a linear pass read ×4.1 so). A quadratic pass stays near
 * ×10 however often it is measured.
 */
export async function costGrowth(run: (size: number) => unknown, small: number, large: number, bound: number): Promise<number> {
  await run(Math.max(1, Math.floor(small / 4)));
  let growth = (await costPerUnit(run, large, 1)) / (await costPerUnit(run, small, 3));
  if (growth <= bound) return growth;
  await run(large);
  for (let attempt = 0; attempt < 2 && growth > bound; attempt++) {
    let fastSmall = Number.POSITIVE_INFINITY;
    let fastLarge = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      fastSmall = Math.min(fastSmall, await costPerUnit(run, small, 1));
      fastLarge = Math.min(fastLarge, await costPerUnit(run, large, 1));
    }
    growth = Math.min(growth, fastLarge / fastSmall);
  }
  return growth;
}
