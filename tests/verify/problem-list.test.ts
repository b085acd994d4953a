import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS, MAX_SAME_PROBLEM, ProblemList } from '../../src/verify/problem-list.js';
import type { FeedProblem } from '../../src/verify/types.js';

const problem = (path: string, line: number, severity: FeedProblem['severity'] = 'error', message = 'is wrong'): FeedProblem => ({ path, message, severity, line });

describe('ProblemList', () => {
  it('lists every problem while there are few, unchanged and in order', () => {
    const problems: FeedProblem[] = [];
    const list = new ProblemList(problems);
    const given = [problem('a', 1), problem('a', 2, 'warning'), problem('b', 3), problem('a', 4, 'error', 'is other')];
    for (const p of given) list.add(p);
    list.finish();
    expect(problems).toEqual(given);
  });

  it('lists one problem MAX_SAME_PROBLEM times, then one line counting the rest from the first not listed', () => {
    const problems: FeedProblem[] = [];
    const list = new ProblemList(problems);
    for (let line = 1; line <= MAX_SAME_PROBLEM + 7; line++) list.add(problem('channel.x', line));
    list.add(problem('channel.y', 999));
    list.finish();
    expect(problems).toHaveLength(MAX_SAME_PROBLEM + 2);
    expect(problems.at(-1)).toEqual({ path: 'channel.x', severity: 'error', line: MAX_SAME_PROBLEM + 1, message: 'is wrong (and 7 more times from this line on, not listed)' });
    // The same path with another severity or message is another problem.
    expect(problems.filter((p) => p.path === 'channel.y')).toHaveLength(1);
  });

  it('lists MAX_LISTED_PROBLEMS at most, then counts errors and warnings apart', () => {
    const problems: FeedProblem[] = [];
    const list = new ProblemList(problems);
    for (let i = 0; i < MAX_LISTED_PROBLEMS + 5; i++) list.add(problem(`items[${i}]`, i + 1, i === MAX_LISTED_PROBLEMS + 2 ? 'warning' : 'error'));
    list.finish();
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(problems.at(-1)).toEqual({
      path: `items[${MAX_LISTED_PROBLEMS}]`,
      severity: 'error',
      line: MAX_LISTED_PROBLEMS + 1,
      message: `4 more errors and 1 more warning from this line on, not listed (a report lists ${MAX_LISTED_PROBLEMS} problems at most)`,
    });
  });

  it('says warning when only warnings went unlisted', () => {
    const problems: FeedProblem[] = [];
    const list = new ProblemList(problems);
    for (let i = 0; i < MAX_LISTED_PROBLEMS + 1; i++) list.add(problem(`items[${i}]`, i + 1, i < MAX_LISTED_PROBLEMS ? 'error' : 'warning'));
    list.finish();
    expect(problems.at(-1)).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^1 more warning from this line on/) });
  });
});
