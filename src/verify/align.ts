/**
 * Pairing what a feed contains with what it should contain, so that one change is reported as
 * one problem: a dropped item is "missing" (not a shift of every later item), a changed id is an
 * `id` difference, a reordered item is one `position` problem.
 */

/** An expected entry paired with the actual one. */
export interface Pair<E, A> {
  /** The expected entry. */
  expected: E;
  /** The actual entry. */
  actual: A;
  /** Index in the expected list. */
  expectedIndex: number;
  /** Index in the actual list. */
  actualIndex: number;
}

/** How the items of a feed line up with the expected items. */
export interface ItemAlignment<E, A> {
  /** Paired items; `idChanged` when they were paired by position because their ids differ. */
  pairs: (Pair<E, A> & { idChanged: boolean })[];
  /** Expected items the feed lacks. */
  missing: { item: E; index: number }[];
  /** Items the feed has but should not. */
  unexpected: { item: A; index: number }[];
  /** Items whose id already appeared earlier in the feed. */
  duplicates: { item: A; index: number; firstIndex: number }[];
  /** Pairs out of order: the fewest items whose moving explains the actual order. */
  moved: Pair<E, A>[];
}

/**
 * Aligns items by id. An unmatched actual item at the same position as an unmatched expected item
 * is taken as that item with a changed id; a repeated id is a duplicate; order is checked on the pairs.
 */
export function alignItems<E, A>(expected: readonly E[], actual: readonly A[], expectedId: (e: E) => string, actualId: (a: A) => string | undefined): ItemAlignment<E, A> {
  const inPlace = alignedInPlace(expected, actual, expectedId, actualId);
  if (inPlace) return inPlace;
  const byId = new Map<string, number>();
  expected.forEach((e, i) => {
    if (!byId.has(expectedId(e))) byId.set(expectedId(e), i);
  });
  const matched = new Map<number, number>();
  const seen = new Map<string, number>();
  const duplicates: ItemAlignment<E, A>['duplicates'] = [];
  const unmatchedActual = new Set<number>();
  actual.forEach((a, i) => {
    const id = actualId(a);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) {
        duplicates.push({ item: a, index: i, firstIndex: first });
        return;
      }
      seen.set(id, i);
      const e = byId.get(id);
      if (e !== undefined && !matched.has(e)) {
        matched.set(e, i);
        return;
      }
    }
    unmatchedActual.add(i);
  });
  const pairs: ItemAlignment<E, A>['pairs'] = [];
  const missing: ItemAlignment<E, A>['missing'] = [];
  expected.forEach((e, i) => {
    const j = matched.get(i);
    if (j !== undefined) pairs.push({ expected: e, actual: actual[j]!, expectedIndex: i, actualIndex: j, idChanged: false });
    else if (unmatchedActual.has(i)) {
      unmatchedActual.delete(i);
      pairs.push({ expected: e, actual: actual[i]!, expectedIndex: i, actualIndex: i, idChanged: true });
    } else missing.push({ item: e, index: i });
  });
  const unexpected = [...unmatchedActual].sort((a, b) => a - b).map((i) => ({ item: actual[i]!, index: i }));
  const inOrder = longestIncreasing(pairs.map((p) => p.actualIndex));
  const moved = pairs.filter((_, k) => !inOrder.has(k));
  return { pairs, missing, unexpected, duplicates, moved };
}

/**
 * The usual case, every item in its place: the same number of items, the same ids in the same
 * order, no id twice. The alignment is then each item with the one at its position, which is what
 * the general pairing gives; `undefined` for anything else.
 */
function alignedInPlace<E, A>(expected: readonly E[], actual: readonly A[], expectedId: (e: E) => string, actualId: (a: A) => string | undefined): ItemAlignment<E, A> | undefined {
  if (expected.length !== actual.length) return undefined;
  const ids = new Set<string>();
  for (let i = 0; i < expected.length; i++) {
    const id = expectedId(expected[i]!);
    if (actualId(actual[i]!) !== id || ids.has(id)) return undefined;
    ids.add(id);
  }
  const pairs: ItemAlignment<E, A>['pairs'] = expected.map((e, i) => ({ expected: e, actual: actual[i]!, expectedIndex: i, actualIndex: i, idChanged: false }));
  return { pairs, missing: [], unexpected: [], duplicates: [], moved: [] };
}

/** Positions (in `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((v, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const out = new Set<number>();
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = previous[k]!) out.add(k);
  return out;
}

/** How two small lists (authors, tags) line up. */
export interface ListAlignment<T> {
  /** Entries that differ, paired in order of appearance after identical entries were set aside. */
  changed: Pair<T, T>[];
  /** Expected entries with no counterpart. */
  missing: { item: T; index: number }[];
  /** Actual entries with no counterpart. */
  unexpected: { item: T; index: number }[];
}

/** Aligns two lists: identical entries (by `key`) match first, whatever their order; the rest pair up in order. */
export function alignList<T>(expected: readonly T[], actual: readonly T[], key: (t: T) => string): ListAlignment<T> {
  // Per key, the actual positions and how many of them are used (no copying, no shift: linear for long lists of equal entries).
  const pool = new Map<string, { positions: number[]; next: number }>();
  actual.forEach((a, i) => {
    const k = key(a);
    const entry = pool.get(k);
    if (entry) entry.positions.push(i);
    else pool.set(k, { positions: [i], next: 0 });
  });
  const usedActual = new Set<number>();
  const leftExpected: number[] = [];
  expected.forEach((e, i) => {
    const candidates = pool.get(key(e));
    const j = candidates ? candidates.positions[candidates.next++] : undefined;
    if (j === undefined) leftExpected.push(i);
    else usedActual.add(j);
  });
  const leftActual = actual.map((_, i) => i).filter((i) => !usedActual.has(i));
  const changed: Pair<T, T>[] = [];
  const n = Math.min(leftExpected.length, leftActual.length);
  for (let k = 0; k < n; k++) {
    const i = leftExpected[k]!;
    const j = leftActual[k]!;
    changed.push({ expected: expected[i]!, actual: actual[j]!, expectedIndex: i, actualIndex: j });
  }
  return {
    changed,
    missing: leftExpected.slice(n).map((i) => ({ item: expected[i]!, index: i })),
    unexpected: leftActual.slice(n).map((i) => ({ item: actual[i]!, index: i })),
  };
}
