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
const LIST_ITEM = /^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:\s|$)/;

/**
 * Tells, line after line (call it for every line outside fenced code, in order), whether a line is
 * indented code: four spaces or a tab, except in a list item, where such a line continues the item
 * (`- Step one` then `    {{< figure … >}}`) unless it is indented four more than the item's text.
 */
export function indentedCode(): (line: string) => boolean {
  let inList = false;
  return (line) => {
    if (line.trim() === '') return false;
    if (LIST_ITEM.test(line)) {
      inList = true;
      return false;
    }
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    // Text back at the margin ends the list (a line of it directly after an item only continues its paragraph).
    if (indent < 2) inList = false;
    return indent >= (inList ? 8 : 4);
  };
}

/**
 * Tells, line after line (call it for every line, in order), whether a line is code: `fenced` (a fence's
 * own line or one inside it), `indented` (see {@link indentedCode}), or `undefined` for a line of text.
 */
export function codeLines(): (line: string) => 'fenced' | 'indented' | undefined {
  let fence: string | undefined;
  const isIndented = indentedCode();
  return (line) => {
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
      return 'fenced';
    }
    const opener = FENCE.exec(line);
    if (opener) {
      fence = opener[1]!;
      return 'fenced';
    }
    return isIndented(line) ? 'indented' : undefined;
  };
}
