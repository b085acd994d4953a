import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StoryfeedError, type Diagnostic } from '../../src/errors.js';
import { parseAuthorString, parseYamlMeta, splitFrontMatter } from '../../src/seed/front-matter.js';
import { readSeed } from '../../src/seed/index.js';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const fails = (fn: () => unknown): StoryfeedError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoryfeedError) return e;
    throw e;
  }
  throw new Error('expected a StoryfeedError');
};

describe('front matter', () => {
  it('splits front matter from the body and tracks the body line', () => {
    expect(splitFrontMatter('---\na: 1\n---\nbody\n')).toEqual({ yaml: 'a: 1', yamlLine: 2, body: 'body\n', bodyLine: 4 });
    expect(splitFrontMatter('no front matter')).toMatchObject({ yaml: null, bodyLine: 1 });
  });

  it('reads authors in every accepted shape', () => {
    expect(parseYamlMeta('author: Jane Doe').authors).toEqual([{ name: 'Jane Doe' }]);
    expect(parseYamlMeta('author: Jane Doe <jane@example.com>').authors).toEqual([{ name: 'Jane Doe', email: 'jane@example.com' }]);
    expect(parseYamlMeta('authors:\n  - A\n  - {name: B, email: b@example.com}').authors).toEqual([{ name: 'A' }, { name: 'B', email: 'b@example.com' }]);
    expect(parseAuthorString('jane@example.com (Jane)')).toEqual({ name: 'Jane', email: 'jane@example.com' });
  });

  it('reads tags as a list or a comma-separated string', () => {
    expect(parseYamlMeta('tags: [a, b]').tags).toEqual(['a', 'b']);
    expect(parseYamlMeta('tags: "a, b , c"').tags).toEqual(['a', 'b', 'c']);
  });

  it('names the file and line of a bad date (fixtures/bad/bad-date.md)', () => {
    const error = fails(() => readSeed(fixture('bad/bad-date.md'), { file: 'bad-date.md' }));
    expect(error).toMatchObject({ code: 'E_DATE', file: 'bad-date.md', line: 3 });
    expect(error.message).toContain('month 13');
  });

  it('refuses YAML .nan and .inf where text is expected, naming the line (regression: title "NaN", language "infinity")', () => {
    for (const [field, value] of [
      ['title', '.nan'],
      ['language', '.inf'],
      ['url', '-.inf'],
    ] as const) {
      const error = fails(() => readSeed(`---\n${field}: ${value}\n---\nTitle\n\nBody.\n`, { file: 'a.md', format: 'markdown' }));
      expect(error).toMatchObject({ code: 'E_FIELD', file: 'a.md', line: 2 });
      expect(error.message).toMatch(/expected text, found number (NaN|-?Infinity)/);
    }
    expect(readSeed('---\ntitle: 1984\n---\nBody.\n', { file: 'a.md' }).meta.title).toBe('1984');
  });

  it('names the file and line of broken YAML (fixtures/bad/bad-yaml.md)', () => {
    const error = fails(() => readSeed(fixture('bad/bad-yaml.md'), { file: 'bad-yaml.md' }));
    expect(error.code).toBe('E_FRONT_MATTER');
    expect(error.file).toBe('bad-yaml.md');
    expect(error.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses wrong types with the field name, and coerces numbers to text', () => {
    expect(fails(() => parseYamlMeta('title: [a, b]', { file: 'x.md', firstLine: 2 }))).toMatchObject({ code: 'E_FIELD', line: 2 });
    expect(parseYamlMeta('title: 1984').title).toBe('1984');
    expect(fails(() => parseYamlMeta('draft: maybe'))).toMatchObject({ code: 'E_FIELD' });
  });

  it('stops alias bombs instead of expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join(
      '\n',
    );
    const error = fails(() => parseYamlMeta(bomb, { file: 'bomb.md' }));
    expect(error.code).toBe('E_FRONT_MATTER');
  });

  it('keeps __proto__ keys as plain data', () => {
    const meta = parseYamlMeta('__proto__: {polluted: true}\ntitle: ok');
    expect(meta.title).toBe('ok');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('warns about likely typos of known fields', () => {
    const warnings: Diagnostic[] = [];
    parseYamlMeta('titel: x\nlayout: post', { file: 'x.md', firstLine: 2, onWarning: (d) => warnings.push(d) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'W_UNKNOWN_FIELD', line: 2 });
    expect(warnings[0]!.message).toContain('did you mean `title`');
  });

  it('reads dates without a zone in the configured time zone', () => {
    expect(parseYamlMeta('date: 2024-07-01T12:00').date?.toISOString()).toBe('2024-07-01T12:00:00.000Z');
    expect(parseYamlMeta('date: 2024-07-01T12:00', { timeZone: 'Europe/Kyiv' }).date?.toISOString()).toBe('2024-07-01T09:00:00.000Z');
    expect(parseYamlMeta('date: 2024-01-01T12:00', { timeZone: 'Europe/Kyiv' }).date?.toISOString()).toBe('2024-01-01T10:00:00.000Z');
  });
});
