import { describe, expect, it } from 'vitest';
import { setAsideSharedIds } from '../../src/node/shared-ids.js';
import type { Story } from '../../src/types.js';

const story = (id: string, file: string, draft = false): Story => ({ id, file, title: file, draft }) as unknown as Story;

describe('setAsideSharedIds', () => {
  it('sets aside every published story whose id another shares, each named with the others, and keeps the rest in order', () => {
    const stories = [story('a', 'one.md'), story('b', 'two.md'), story('a', 'three.md'), story('c', 'four.md'), story('a', 'five.md'), story('a', 'draft.md', true)];
    const { kept, skipped } = setAsideSharedIds(stories);
    expect(kept.map((s) => s.file)).toEqual(['two.md', 'four.md', 'draft.md']);
    expect(skipped.map((e) => [e.code, e.file, e.detail])).toEqual([
      ['E_DUPLICATE_ID', 'one.md', 'a is also the id of three.md, five.md; none of them is published'],
      ['E_DUPLICATE_ID', 'three.md', 'a is also the id of one.md, five.md; none of them is published'],
      ['E_DUPLICATE_ID', 'five.md', 'a is also the id of one.md, three.md; none of them is published'],
    ]);
  });

  it('names three of the others and counts the rest, so many stories sharing an id cost a short message each', () => {
    const stories = Array.from({ length: 10_000 }, (_, i) => story('same', `s${i}.md`));
    const { kept, skipped } = setAsideSharedIds(stories);
    expect(kept).toEqual([]);
    expect(skipped).toHaveLength(10_000);
    expect(skipped[0]!.detail).toBe('same is also the id of s1.md, s2.md, s3.md and 9996 more; none of them is published');
    expect(skipped[2]!.detail).toBe('same is also the id of s0.md, s1.md, s3.md and 9996 more; none of them is published');
  });

  it('keeps everything when no id is shared (drafts do not count)', () => {
    const stories = [story('a', 'one.md'), story('a', 'draft.md', true), story('b', 'two.md')];
    expect(setAsideSharedIds(stories)).toEqual({ kept: stories, skipped: [] });
  });
});
