import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/main.js';
import { escapeControls, oneLine } from '../../src/cli/terminal.js';
import { StoryfeedError } from '../../src/errors.js';

describe('terminal escaping', () => {
  it('escapes C0 (but tab and newline), DEL, C1 and bidirectional controls', () => {
    expect(escapeControls('a\u001b[2Jb\rc\u0007d\u007fe\u009bf\u202eg\u2066h\ti\nj')).toBe('a\\u001b[2Jb\\u000dc\\u0007d\\u007fe\\u009bf\\u202eg\\u2066h\ti\nj');
    expect(oneLine('title\nAll 99 feed(s) OK.\tx')).toBe('title\\nAll 99 feed(s) OK.\\tx');
  });

  it('keeps JSON output valid and meaning the same (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        const json = JSON.stringify({ value, text }, null, 2);
        const shown = escapeControls(json);
        expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(JSON.parse(shown)).toEqual(JSON.parse(json));
      }),
      { numRuns: 300 },
    );
  });
});

describe('describeError', () => {
  it("shows an error's own list of problems a line each (a failed verification's report), and a quoted line break as \\n", () => {
    const report = ['atom  feed  spec entry[0].author[0].email: expected an email address', '1 problem: rss OK, atom 1, json OK'];
    const error = new StoryfeedError('E_VERIFY', `the feeds do not match the stories; nothing was written\n${report.join('\n')}`, { problems: report });
    const lines = describeError(error).split('\n');
    expect(lines[0]).toBe('error: the feeds do not match the stories; nothing was written [E_VERIFY]');
    expect(lines.slice(1, 3)).toEqual(report.map((line) => `  - ${line}`));
    expect(describeError(new StoryfeedError('E_FIELD', 'a\nb', { problems: ['x\ny'] }))).toContain('  - x\\ny\n');
  });
});
