import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateJsonKey, lineAt } from '../src/json-keys.js';

describe('findDuplicateJsonKey', () => {
  it('finds nothing in what JSON.stringify writes (its objects cannot repeat a name)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(findDuplicateJsonKey(JSON.stringify(value, null, pretty ? 2 : undefined))).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('finds a name repeated in any object, wherever it is nested, at its second occurrence', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.jsonValue(), fc.nat(), (object, value, pick) => {
        const names = Object.keys(object);
        const name = names[pick % names.length]!;
        const text = `{"outer":[1,${JSON.stringify(object).slice(0, -1)},${JSON.stringify(name)}:${JSON.stringify(value)}}]}`;
        const found = findDuplicateJsonKey(text);
        expect(found?.key).toBe(name);
        expect(text.slice(found!.offset).startsWith(`${JSON.stringify(name)}:${JSON.stringify(value)}}]}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('compares names as decoded text, and keeps each object to its own names', () => {
    expect(findDuplicateJsonKey('{"a":1,"\\u0061":2}')).toEqual({ key: 'a', offset: 7, valueOffset: 16 });
    expect(findDuplicateJsonKey('{"a:b":1, "a:b" :  [2]}')).toEqual({ key: 'a:b', offset: 10, valueOffset: 19 });
    expect(findDuplicateJsonKey('{"a":{"a":1},"b":[{"a":2},{"a":3}]}')).toBeUndefined();
    // Names inside strings, colons and quotes in values are not names.
    expect(findDuplicateJsonKey('{"t":"\\"t\\": 1","u":"t:"}')).toBeUndefined();
    expect(findDuplicateJsonKey('{ "t" : 1 ,\n "t"\t:\r\n2 }')?.key).toBe('t');
    expect(findDuplicateJsonKey('["a","a",{"a":"a"}]')).toBeUndefined();
  });

  it('is one pass with bounded memory on hostile shapes (deep nesting, a million names)', () => {
    const deep = `${'['.repeat(200_000)}{"a":1,"a":2}${']'.repeat(200_000)}`;
    expect(findDuplicateJsonKey(deep)?.key).toBe('a');
    const many = `{${Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    expect(findDuplicateJsonKey(many)).toBeUndefined();
    expect(findDuplicateJsonKey(`${many.slice(0, -1)},"k0":0}`)?.key).toBe('k0');
  });
});

describe('lineAt', () => {
  it('counts the lines before an offset', () => {
    expect(lineAt('a\nb\nc', 0)).toBe(1);
    expect(lineAt('a\nb\nc', 2)).toBe(2);
    expect(lineAt('a\nb\nc', 4)).toBe(3);
  });
});
