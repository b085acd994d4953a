import { describe, expect, it } from 'vitest';
import { TaskQueue } from '../src/task-queue.js';
import { costGrowth } from './support/linear.js';

describe('the worker pool’s task queue', () => {
  it('gives items back first in, first out, across its cut-downs, with items put back at the front', () => {
    const queue = new TaskQueue<number>();
    for (let i = 0; i < 5_000; i++) queue.push(i);
    const taken: number[] = [];
    for (let i = 0; i < 3_000; i++) taken.push(queue.shift()!);
    queue.putBack([-2, -1]);
    queue.push(5_000);
    expect(queue.length).toBe(2_003);
    expect(queue.first()).toBe(-2);
    while (queue.length > 1_000) taken.push(queue.shift()!);
    expect(queue.drain()).toEqual(Array.from({ length: 1_000 }, (_, i) => 4_001 + i));
    expect(taken).toEqual([...Array.from({ length: 3_000 }, (_, i) => i), -2, -1, ...Array.from({ length: 1_001 }, (_, i) => 3_000 + i)]);
    expect(queue.length).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });

  it('takes items in constant time each: cost per item alike at 20,000 and 200,000 queued at once', async () => {
    const fill = (n: number): void => {
      const queue = new TaskQueue<{ n: number }>();
      for (let i = 0; i < n; i++) queue.push({ n: i });
      let sum = 0;
      while (queue.length > 0) sum += queue.shift()!.n;
      expect(sum).toBe((n * (n - 1)) / 2);
    };
    expect(await costGrowth(fill, 20_000, 200_000, 3)).toBeLessThanOrEqual(3);
  });
});
