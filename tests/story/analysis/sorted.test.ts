import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionPoint } from '../../../src/story/analysis/sorted.js';

describe('partitionPoint', () => {
  it('is where a predicate true for a leading run stops holding, as a linear scan finds it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, bound) => {
        const sorted = [...values].sort((a, b) => a - b);
        const scan = sorted.findIndex((v) => !(v < bound));
        expect(partitionPoint(sorted, (v) => v < bound)).toBe(scan < 0 ? sorted.length : scan);
      }),
    );
  });
});
