import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The library as a TypeScript user sees it: the built declarations (`dist/`, so run `npx tsup`
 * first), imported by package name, compiled with `tsc --strict`. Covers the plain-items call of
 * issue 15 and every ```ts block of the README.
 */
const root = path.resolve(import.meta.dirname, '../..');
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let dir: string;

const ISSUE_CALL = `import { buildFeeds } from 'storyfeed';
const { outputs } = buildFeeds(
  [{ url: 'https://x.example/a', title: 'A', published: '2024-01-02T03:04:05Z', contentHtml: '<p>Hi</p>' },
   { url: 'https://x.example/ep1', title: 'Episode 1', published: new Date('2024-01-03'), summary: 'An episode.',
     enclosures: [{ url: 'https://x.example/ep1.mp3', type: 'audio/mpeg', length: 1234 }] }],
  { siteUrl: 'https://x.example', title: 'X' });
const rss: string = outputs.rss;
export { rss };
`;

const blocks = [...readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const sources: Record<string, string> = {
  'issue-call': ISSUE_CALL,
  // The check can fail: a length given as text is a type error.
  wrong: ISSUE_CALL.replace('length: 1234', "length: '1234'"),
  ...Object.fromEntries(blocks.map((code, i) => [`readme-${i + 1}`, `${code}\nexport {};\n`])),
};
/** tsc's messages by file name (without extension); one compiler run for every file. */
const messages: Record<string, string[]> = {};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-types-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(root, path.join(dir, 'node_modules', 'storyfeed'));
  const files = Object.entries(sources).map(([name, code]) => {
    writeFileSync(path.join(dir, `${name}.mts`), code);
    return `${name}.mts`;
  });
  let out = '';
  try {
    execFileSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--noUncheckedIndexedAccess',
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        'node',
        '--typeRoots',
        path.join(root, 'node_modules', '@types'),
        ...files,
      ],
      { cwd: dir, encoding: 'utf8', stdio: 'pipe' },
    );
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? error);
  }
  for (const line of out.split('\n')) {
    const name = /^([\w-]+)\.mts\(/.exec(line)?.[1];
    if (name) (messages[name] ??= []).push(line);
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('types under tsc --strict', () => {
  it('the plain-items call of the issue typechecks', () => {
    expect(messages['issue-call'] ?? []).toEqual([]);
  });

  it('a wrong item field does not typecheck (the check can fail)', () => {
    expect((messages.wrong ?? []).join('\n')).toContain('error TS');
  });

  it('the README has TypeScript examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });
  it.each(blocks.map((_, i) => [i + 1]))('README TypeScript example %i typechecks', (i) => {
    expect(messages[`readme-${i}`] ?? []).toEqual([]);
  });
});
