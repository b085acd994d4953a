import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src/errors.js';

const root = path.resolve(import.meta.dirname, '../..');
const readmePath = path.join(root, 'README.md');

/** The README's table of problem codes, generated from the one table the code uses. */
function problemsTable(): string {
  const rows = Object.entries(PROBLEMS).map(([code, p]) => `| \`${code}\` | ${code.startsWith('E_') ? 'error' : 'warning'} | ${p.summary} | ${p.fix.replace(/\|/g, '\\|')} |`);
  return ['| code | kind | meaning | fix |', '|---|---|---|---|', ...rows].join('\n');
}

describe('README', () => {
  const readme = readFileSync(readmePath, 'utf8');

  it('documents every problem code with its fix', () => {
    const start = '<!-- problems:start -->\n';
    const end = '\n<!-- problems:end -->';
    const table = problemsTable();
    const current = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
    if (process.env.UPDATE_README === '1' && current !== table) {
      writeFileSync(readmePath, readme.replace(`${start}${current}${end}`, `${start}${table}${end}`));
      return;
    }
    expect(current, 'run UPDATE_README=1 npx vitest run tests/docs to regenerate the table').toBe(table);
  });

  it('gives the two quick-start commands, and CI runs the README test command', () => {
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 5));
    const commands = [...quickStart.matchAll(/```sh\n([^`]+?)\n```/g)].map((m) => m[1]!.trim());
    expect(commands).toEqual(['npm ci && npm start', 'npm ci && npm test']);
    const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
    expect(
      ci
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .map((l) => l.trim()),
    ).toContain(commands[1]);
  });
});
