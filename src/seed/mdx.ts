import { codeLines } from './code-lines.js';
import { addPiece, afterCut } from './inline-tags.js';
import { codeSpans } from './template-links.js';

/**
 * MDX seeds (`.mdx`, as Astro, Docusaurus and Next.js blogs write them) as Markdown: what only the
 * site's build can render goes, the prose stays. ES module lines (`import Chart from '…'`, `export
 * const meta = …`) are left out up to the blank line that ends them; components (`<Chart data={…} />`,
 * `<Callout type="note">…</Callout>`, fragments `<>…</>`) lose their tags and keep what they hold;
 * expressions (`{props.year}`) and comments (`{/* … *\/}`) are left out. MDX has no indented code, so
 * an indented line is text (its indentation taken off). Fenced and inline code, escaped braces (`\{`)
 * and lowercase HTML are left as written. One pass over the lines; a component's opening tag may run
 * over several lines (up to {@link MAX_TAG_LINES}), as its props often do, and so may an expression
 * that opens a line. Lines left out are blank, so the body keeps the seed's line numbers.
 */

/** What {@link withoutMdxSyntax} gives. */
export interface MdxText {
  /** The Markdown without MDX's own syntax. */
  body: string;
  /** Components and expressions left out (closing tags, comments and module lines not counted). */
  count: number;
  /** The first of them (its line, 0-based in the body given, and its text as written). */
  first?: { line: number; text: string };
}

/** The most lines one component's opening tag is read over. */
const MAX_TAG_LINES = 30;

/** Longest part of a component or expression shown in a warning. */
const SHOWN = 60;

/** An ES module line: `import` or `export` at the margin, starting a block. */
const ESM = /^(?:import|export)(?=[\s{*])/;

/** A component's tag starts here: `<Name`, `</Name`, `<a.b`, or a fragment `<>` / `</>`. */
const COMPONENT = /^<\/?(?:[A-Z][\w$]*(?:\.[\w$]+)*|[a-z][\w$]*\.[\w$.]+)(?=[\s/>]|$)|^<\/?>/;

/** Removes MDX's own syntax from a Markdown body (see the module's comment). */
export function withoutMdxSyntax(markdown: string): MdxText {
  const lines = markdown.split('\n');
  const out: string[] = [];
  const codeOf = codeLines();
  let count = 0;
  let first: MdxText['first'];
  let inEsm = false;
  const note = (line: number, text: string): void => {
    count++;
    const shown = text.trim();
    first ??= { line, text: shown.length > SHOWN ? `${shown.slice(0, SHOWN)}…` : shown };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inEsm) {
      // Each line left out is blank: the body keeps its lines, so later warnings name the seed's.
      if (line.trim() === '') inEsm = false;
      out.push('');
      continue;
    }
    const code = codeOf(line);
    if (code === 'fenced') {
      out.push(line);
      continue;
    }
    // MDX has no indented code: such a line is text (four spaces kept after a list item or an indented line, which it continues).
    const text = code === 'indented' ? line.replace(/^[ \t]+/, continuesIndented(out) ? '    ' : '') : line;
    if (ESM.test(text) && (out.length === 0 || (out[out.length - 1] ?? '').trim() === '')) {
      inEsm = true;
      out.push('');
      continue;
    }
    const start = /^\s*/.exec(text)![0].length;
    // An expression that opens a line and closes on a later one (`{posts.map((p) => (` … `))}`).
    if (text[start] === '{' && !braceGroups(text).has(start)) {
      const last = expressionAcrossLines(lines, i, start);
      if (last !== undefined) {
        if (!/^\{\s*\/\*/.test(text.slice(start))) note(i, `${text.trim()} …`);
        for (; i < last; i++) out.push('');
        out.push('');
        continue;
      }
    }
    // An opening tag that does not close on its line: read on over the lines of its props.
    if (COMPONENT.test(text.slice(start)) && tagEnd(text, start) < 0) {
      const across = tagAcrossLines(lines, i, start);
      if (across) {
        if (!text.startsWith('</', start)) note(i, `${text.trim()} …`);
        const rest = lineWithout(across.rest, across.last, note);
        for (; i < across.last; i++) out.push('');
        out.push(rest.trim() === '' ? '' : rest);
        continue;
      }
    }
    out.push(lineWithout(text, i, note));
  }
  return { body: out.join('\n'), count, ...(first ? { first } : {}) };
}

/**
 * Where a construct that starts at `from` on line `index` ends on a later line: the first character
 * `isEnd` accepts, given the depth of braces counted across the lines up to it (props and expressions
 * hold braces, and those hold `>`). A blank line, or {@link MAX_TAG_LINES} lines, ends the search without one.
 */
function endAcrossLines(lines: readonly string[], index: number, from: number, isEnd: (c: string, depth: number) => boolean): { line: number; at: number } | undefined {
  let depth = 0;
  for (let j = index; j < lines.length && j < index + MAX_TAG_LINES; j++) {
    const line = lines[j]!;
    if (j > index && line.trim() === '') return undefined;
    for (let k = j === index ? from : 0; k < line.length; k++) {
      const c = line[k]!;
      if (c === '{') depth++;
      else if (c === '}') depth = Math.max(0, depth - 1);
      if (isEnd(c, depth)) return { line: j, at: k };
    }
  }
  return undefined;
}

/** A component's opening tag that starts at `start` on line `index` and ends on a later line: the text after its `>`, and that line. */
function tagAcrossLines(lines: readonly string[], index: number, start: number): { rest: string; last: number } | undefined {
  const end = endAcrossLines(lines, index, start + 1, (c, depth) => c === '>' && depth === 0);
  return end && { rest: lines[end.line]!.slice(end.at + 1), last: end.line };
}

/** The last line of an expression that opens at `start` on line `index` and closes, ending its line, on a later one. */
function expressionAcrossLines(lines: readonly string[], index: number, start: number): number | undefined {
  const end = endAcrossLines(lines, index, start, (c, depth) => c === '}' && depth === 0);
  return end && lines[end.line]!.slice(end.at + 1).trim() === '' ? end.line : undefined;
}

/** Whether the last line of text written is a list item or indented: an indented line after it continues it. */
function continuesIndented(out: readonly string[]): boolean {
  const last = out[out.length - 1];
  return last !== undefined && last.trim() !== '' && /^(?:\s|[*+-]\s|\d{1,9}[.)]\s)/.test(last);
}

/**
 * Where the tag starting at `at` (its `<`) ends on its line (just after its `>`), or -1. Expressions
 * in its props are passed over (`onClick={() => go()}`), as are quoted values.
 */
function tagEnd(line: string, at: number, braces = braceGroups(line)): number {
  let quote: string | undefined;
  for (let k = at + 1; k < line.length; k++) {
    const c = line[k]!;
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{') {
      const end = braces.get(k);
      if (end === undefined) return -1;
      k = end;
    } else if (c === '>') return k + 1;
  }
  return -1;
}

/**
 * The `{…}` groups of a line, from each opening brace to its closing one (just the outermost), found
 * in one pass with a stack; quoted strings inside a group are passed over. An unclosed brace has none.
 */
function braceGroups(line: string): Map<number, number> {
  const groups = new Map<number, number>();
  const open: number[] = [];
  let quote: string | undefined;
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    if (quote !== undefined) {
      if (c === '\\') k++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '\\' && open.length === 0) {
      k++;
      continue;
    }
    if (open.length > 0 && (c === '"' || c === "'" || c === '`')) quote = c;
    else if (c === '{') open.push(k);
    else if (c === '}' && open.length > 0) {
      const from = open.pop()!;
      if (open.length === 0) groups.set(from, k);
    }
  }
  return groups;
}

/** One line of text without its expressions and components' tags (inline code and escapes kept). */
function lineWithout(line: string, index: number, note: (line: number, text: string) => void): string {
  if (!line.includes('{') && !line.includes('<')) return line;
  const spans = codeSpans(line);
  const braces = braceGroups(line);
  let span = 0;
  const out: string[] = [];
  let from = 0;
  // Once a tag finds no end on the line, no later one can (the same text lies after it).
  let noTagEnd = false;
  for (let k = 0; k < line.length; k++) {
    while (span < spans.length && spans[span]![1] <= k) span++;
    if (span < spans.length && spans[span]![0] <= k) {
      k = spans[span]![1] - 1;
      continue;
    }
    const c = line[k]!;
    if (c === '\\') {
      k++;
      continue;
    }
    let end: number | undefined;
    if (c === '{') {
      const close = braces.get(k);
      if (close === undefined) continue;
      end = close + 1;
      const group = line.slice(k, end);
      if (!/^\{\s*\/\*[\s\S]*\*\/\s*\}$/.test(group)) note(index, group);
    } else if (c === '<' && !noTagEnd && COMPONENT.test(line.slice(k, k + 80))) {
      const close = tagEnd(line, k, braces);
      if (close < 0) {
        noTagEnd = true;
        continue;
      }
      end = close;
      if (line[k + 1] !== '/') note(index, line.slice(k, end));
    } else continue;
    addPiece(out, line.slice(from, k));
    from = afterCut(out, line, end);
    k = from - 1;
  }
  addPiece(out, line.slice(from));
  return out.join('');
}
