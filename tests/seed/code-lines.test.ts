import { describe, expect, it } from 'vitest';
import { closesFence, indentedCode } from '../../src/seed/code-lines.js';

describe('code lines', () => {
  it('tells indented code from a list item continued four spaces in', () => {
    const isCode = indentedCode();
    const kinds = ['Text', '', '    code', '- Step one', '', '    continues the step', '\tstill the step', '        code in the step', 'Back at the margin', '    code again'].map(
      isCode,
    );
    expect(kinds).toEqual([false, false, true, false, false, false, false, true, false, true]);
    // A numbered item too; a blank line keeps the list open.
    const again = indentedCode();
    expect(['1. First', '', '', '    more of it'].map(again)).toEqual([false, false, false, false]);
  });

  it('closes a fence with a run of the same mark, at least as long, alone on its line', () => {
    expect(closesFence('```', '```')).toBe(true);
    expect(closesFence('  ````  ', '```')).toBe(true);
    expect(closesFence('~~~', '```')).toBe(false);
    expect(closesFence('``', '```')).toBe(false);
    expect(closesFence('``` js', '```')).toBe(false);
  });
});
