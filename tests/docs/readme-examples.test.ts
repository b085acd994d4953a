import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README's code runs as written: its JavaScript blocks are extracted and run against the built
 * package (the output each prints is the `// …` line after its last console.log), and the shell
 * block marked `<!-- readme-test: sh -->` runs line by line with exit status 0.
 */
const root = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-readme-'));
  for (const entry of ['seeds', 'storyfeed.config.json', 'package.json', 'dist']) cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(process.execPath, ['dist/cli.js', 'build', '-q'], { cwd: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jsBlocks = [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README code', () => {
  it('has an ESM and a CommonJS example', () => {
    expect(jsBlocks.map((b) => b.split('\n')[0])).toEqual(['// ESM', '// CommonJS']);
  });

  it.each(jsBlocks.map((code) => [code.split('\n')[0]!, code]))('%s example runs and prints what it says', (_name, code) => {
    const file = path.join(dir, code.startsWith('// ESM') ? 'readme-example.mjs' : 'readme-example.cjs');
    writeFileSync(file, code);
    const expected = /console\.log\([^\n]*\n(?:[^\n]*\n)*?\s*\/\/ (.+)\n/.exec(code)?.[1];
    const out = execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' }).trim();
    expect(expected).toBeDefined();
    expect(out).toBe(expected);
  });

  it('runs the documented command lines', () => {
    const block = /<!-- readme-test: sh -->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    for (const line of block!.trim().split('\n')) {
      const [command, ...args] = line.split(' ');
      expect(`${command} ${args[0]}`).toBe('npx storyfeed');
      const out = execFileSync(process.execPath, ['dist/cli.js', ...args.slice(1)], { cwd: dir, encoding: 'utf8' });
      expect(out.length, line).toBeGreaterThan(0);
    }
  });
});
