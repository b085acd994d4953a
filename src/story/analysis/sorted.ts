/**
 * The first place in `sorted` where `before` stops holding, for a `before` that holds for a run at
 * the start and nothing after it (a binary search: the analysis windows long lists by position).
 */
export function partitionPoint<T>(sorted: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
