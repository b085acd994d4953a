import { beforeEach, describe, expect, it, vi } from 'vitest';

const setFlagsFromString = vi.fn();
vi.mock('node:v8', () => ({ setFlagsFromString }));

describe('keepHeapSmallFor', () => {
  beforeEach(() => {
    setFlagsFromString.mockClear();
    vi.resetModules();
  });

  it('leaves the heap settings of small builds alone', async () => {
    const { keepHeapSmallFor, LARGE_BUILD_SEEDS } = await import('../../src/cli/heap.js');
    keepHeapSmallFor(0);
    keepHeapSmallFor(LARGE_BUILD_SEEDS - 1);
    expect(setFlagsFromString).not.toHaveBeenCalled();
  });

  it('caps how far V8 grows the heap for a large build, once per process', async () => {
    const { keepHeapSmallFor, LARGE_BUILD_SEEDS } = await import('../../src/cli/heap.js');
    keepHeapSmallFor(LARGE_BUILD_SEEDS);
    keepHeapSmallFor(LARGE_BUILD_SEEDS * 10);
    expect(setFlagsFromString).toHaveBeenCalledTimes(1);
    expect(setFlagsFromString.mock.calls[0]![0]).toMatch(/^--heap-growing-percent=\d+$/);
  });
});
