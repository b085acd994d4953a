/**
 * Which lines of Markdown are code, for the passes that rewrite a seed's lines before it is parsed
 * (template tags, template links, attribute marks): they leave code as written.
 */

/** A line that opens (or closes) a fenced code block: at most three spaces, then three or more backticks or tildes. */
export const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Whether `line` closes the fenced block `fence` opened: a run of the same mark, at least as long, alone on the line. */
export function closesFence(line: string, fence: string): boolean {
  const run = FENCE.exec(line)?.[1];
  return run !== undefined && run[0] === fence[0] && run.length >= fence.length && line.trim() === run;
}

/** A list item's first line: a bullet (`-`, `*`, `+`) or a number (`1.`, `2)`) after at most three spaces. */
const LIST_ITEM = /^ {0,3}(?:[*+-]|\d{1,9}[.)])(?=\s|$)/;

/** A run of three or more backticks or tildes at the start of a line's text. */
const FENCE_RUN = /^(`{3,}|~{3,})/;

/** The width of a run of spaces and tabs, a tab counting four. */
function widthOf(blanks: string): number {
  return blanks.replace(/\t/g, '    ').length;
}

/** The blanks a line starts with. */
function leadingBlanks(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/**
 * The column where the text of the list item opening on `line` starts, and that text: after its mark and the
 * one to four blanks that follow it (one blank's column when more follow, or none).
 */
function listItemText(line: string, mark: string): { column: number; text: string } {
  const blanks = leadingBlanks(line.slice(mark.length));
  const width = widthOf(blanks);
  const text = line.slice(mark.length + blanks.length);
  return width >= 1 && width <= 4 && text !== '' ? { column: mark.length + width, text } : { column: mark.length + 1, text: '' };
}

/**
 * Follows, line after line (given every line outside fenced code, in order), the list item a line is in:
 * the column its text starts at, or `undefined` outside a list. A blank line keeps the item open; text back
 * at the margin ends the list (a line of it directly after an item only continues its paragraph).
 */
function listItemColumns(): (line: string, indent: number, mark: string | undefined) => number | undefined {
  let column: number | undefined;
  return (line, indent, mark) => {
    if (mark !== undefined) column = listItemText(line, mark).column;
    else if (line.trim() !== '' && indent < 2) column = undefined;
    return column;
  };
}

/**
 * Whether a line of text (not blank, not a list item's first line) is indented code: four spaces or a tab,
 * except in a list item, where such a line continues the item (`- Step one` then `    {{< figure … >}}`)
 * unless it is indented four more than the item's text.
 */
function isIndentedCode(indent: number, column: number | undefined): boolean {
  return indent >= (column === undefined ? 4 : 8);
}

/**
 * Tells, line after line (call it for every line outside fenced code, in order), whether a line is
 * indented code: four spaces or a tab, except in a list item, where such a line continues the item
 * (`- Step one` then `    {{< figure … >}}`) unless it is indented four more than the item's text.
 */
export function indentedCode(): (line: string) => boolean {
  const columnOf = listItemColumns();
  return (line) => {
    const mark = LIST_ITEM.exec(line)?.[0];
    const indent = widthOf(leadingBlanks(line));
    const column = columnOf(line, indent, mark);
    return line.trim() !== '' && mark === undefined && isIndentedCode(indent, column);
  };
}

/**
 * Tells, line after line (call it for every line, in order), whether a line is code: `fenced` (a fence's
 * own line or one inside it), `indented` (see {@link indentedCode}), or `undefined` for a line of text.
 * A fence opens at the margin (at most three spaces in) or, as CommonMark reads it, in a list item: at most
 * three spaces right of where the item's text starts (MkDocs' posts indent a step's code four spaces), or
 * right after the item's mark. Such a fence is closed by its run at most three spaces right of that column,
 * or ends with the item, at a line of text left of it.
 */
export function codeLines(): (line: string) => 'fenced' | 'indented' | undefined {
  // The open fence: its run, and the column its list item's text starts at (0 at the margin).
  let fence: { run: string; column: number } | undefined;
  const columnOf = listItemColumns();
  return (line) => {
    const blanks = leadingBlanks(line);
    const indent = widthOf(blanks);
    if (fence !== undefined) {
      if (fence.column === 0) {
        if (closesFence(line, fence.run)) fence = undefined;
        return 'fenced';
      }
      if (indent >= fence.column || line.trim() === '') {
        const run = indent <= fence.column + 3 ? FENCE_RUN.exec(line.slice(blanks.length))?.[1] : undefined;
        if (run !== undefined && run[0] === fence.run[0] && run.length >= fence.run.length && line.trim() === run) fence = undefined;
        return 'fenced';
      }
      // Text left of the item's ends the item, and the code in it: the line is read as any other.
      fence = undefined;
    }
    const mark = LIST_ITEM.exec(line)?.[0];
    const column = columnOf(line, indent, mark);
    if (mark !== undefined) {
      const item = listItemText(line, mark);
      const run = FENCE_RUN.exec(item.text)?.[1];
      if (run !== undefined) fence = { run, column: item.column };
      return fence === undefined ? undefined : 'fenced';
    }
    const run = FENCE_RUN.exec(line.slice(blanks.length))?.[1];
    if (run !== undefined && column !== undefined && indent >= column && indent <= column + 3) {
      fence = { run, column };
      return 'fenced';
    }
    const opener = FENCE.exec(line);
    if (opener) {
      fence = { run: opener[1]!, column: 0 };
      return 'fenced';
    }
    return line.trim() !== '' && isIndentedCode(indent, column) ? 'indented' : undefined;
  };
}
