/**
 * Limits on what one document's report lists, shared by the RSS, Atom and JSON Feed readers: a
 * document made of one problem repeated must not cost a report of millions of lines (and gigabytes).
 */
import type { FeedProblem } from './types.js';

/** How many times one problem (same severity, path and message) is listed with its own line. */
export const MAX_SAME_PROBLEM = 100;

/** How many problems one document lists at most; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 10_000;

/**
 * The problems of one document, within limits. One problem repeated (750,000 unknown `<x/>` in a channel) is
 * listed {@link MAX_SAME_PROBLEM} times, each with its line, then counted: {@link finish} adds one
 * problem saying how many more there were. So a 10 MB document of empty elements costs a report of
 * a hundred lines, not millions (and gigabytes). Past {@link MAX_LISTED_PROBLEMS} listed problems
 * (a document of that many different ones), the rest are counted by severity.
 */
export class ProblemList {
  private readonly seen = new Map<string, { count: number; first: FeedProblem }>();
  private unlisted: { errors: number; warnings: number; first: FeedProblem } | undefined;

  constructor(readonly problems: FeedProblem[]) {}

  /** Adds one problem per kind listed no more: "… (and N more times, not listed)", at the first of them. */
  finish(): void {
    for (const { count, first } of this.seen.values()) {
      if (count > MAX_SAME_PROBLEM) this.problems.push({ ...first, message: `${first.message} (and ${count - MAX_SAME_PROBLEM} more times from this line on, not listed)` });
    }
    this.seen.clear();
    if (this.unlisted) {
      const { errors, warnings, first } = this.unlisted;
      const counts = [errors ? `${errors} more error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} more warning${warnings === 1 ? '' : 's'}` : '']
        .filter(Boolean)
        .join(' and ');
      this.problems.push({
        ...first,
        severity: errors ? 'error' : 'warning',
        message: `${counts} from this line on, not listed (a report lists ${MAX_LISTED_PROBLEMS} problems at most)`,
      });
      this.unlisted = undefined;
    }
  }

  /** Lists `problem`, or counts it when its kind, or the document, has reached its limit. */
  add(problem: FeedProblem): void {
    if (this.problems.length >= MAX_LISTED_PROBLEMS) {
      this.unlisted ??= { errors: 0, warnings: 0, first: problem };
      if (problem.severity === 'error') this.unlisted.errors++;
      else this.unlisted.warnings++;
      return;
    }
    const key = `${problem.severity}\u0000${problem.path}\u0000${problem.message}`;
    const same = this.seen.get(key);
    if (same === undefined) this.seen.set(key, { count: 1, first: problem });
    else if (++same.count > MAX_SAME_PROBLEM) {
      if (same.count === MAX_SAME_PROBLEM + 1) same.first = problem;
      return;
    }
    this.problems.push(problem);
  }
}

/**
 * Puts a document's problems in document order, by line then column, keeping the order they were
 * found in for the same place (the sort is stable). Problems without a line come last, in their
 * order. The list is bounded ({@link MAX_LISTED_PROBLEMS} and a few counts), so sorting it stays cheap.
 */
export function inDocumentOrder(problems: FeedProblem[]): void {
  const position = (p: FeedProblem): number => (p.line === undefined ? Number.POSITIVE_INFINITY : p.line);
  problems.sort((a, b) => position(a) - position(b) || (a.column ?? 0) - (b.column ?? 0));
}
