import { setFlagsFromString } from 'node:v8';

/**
 * From this many seeds on, the command line trades some garbage-collection time for a heap that stays
 * close to what the build holds (see {@link keepHeapSmallFor}).
 */
export const LARGE_BUILD_SEEDS = 20_000;

/**
 * How much V8 may grow a heap past what its last full collection kept, in percent, for large builds.
 * V8's own factor goes up to ×4 for a heap that may grow to gigabytes: a build of 300,000 seeds that
 * holds about 0.6 GiB then reserves 1.3 GiB on its main thread alone. At 25 % the whole build peaks at
 * 1.1 GiB instead of 1.7: it spends more user CPU collecting (+20–30 %) and less system time touching
 * pages, about the same in all (measured in bench/README.md).
 */
const HEAP_GROWING_PERCENT = 25;

let applied = false;

/**
 * Called with the number of seeds a build reads: from {@link LARGE_BUILD_SEEDS} on, caps how far V8
 * grows the heaps of this process and its worker threads between full collections, once per process.
 * Only the command line does this: it owns its process, while a program that imports storyfeed keeps
 * its own heap settings (it can pass `--heap-growing-percent` to node itself).
 */
export function keepHeapSmallFor(seeds: number): void {
  if (applied || seeds < LARGE_BUILD_SEEDS) return;
  applied = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
