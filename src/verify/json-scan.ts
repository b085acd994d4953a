/**
 * A JSON scanner that knows where things are. `JSON.parse` does the real parsing; this runs only
 * when a position is needed: to point at the first syntax error (V8 does not always say where),
 * to give line numbers to the paths that spec problems name, and to name the path of a value.
 */

/** The first syntax error in a JSON text. */
export interface JsonSyntaxProblem {
  /** UTF-16 offset of the error. */
  offset: number;
  /** What is wrong. */
  message: string;
  /** `true` when the text ends before the value is complete. */
  truncated: boolean;
  /** `true` when the scan stopped at {@link MAX_JSON_SCAN_DEPTH}, before reaching the error (`offset` is where it stopped). */
  tooDeep?: true;
}

/** What {@link scanJson} is to find besides the first syntax error. */
export interface JsonScanOptions {
  /**
   * Paths (`items[3].date_published`) whose values' offsets to record; a path is found only when its
   * ancestors (`items[3]`, `items`) are in the set too. Only these paths are ever built: a path for
   * every value repeats its parent's for each child, so one long name over many values cost time
   * and memory of its length times their number (a 1 MB name over 1,000 values: 34 s and 1 GB).
   */
  paths?: ReadonlySet<string>;
  /** The offset at which a value starts whose path to give, built only when that value is reached. */
  pathAt?: number;
  /** Take a string holding a lone surrogate (JSON's `\ud800` escape alone) for an error. */
  surrogates?: boolean;
}

/** What {@link scanJson} found. */
export interface JsonScan {
  /** The first syntax error, if any. */
  error?: JsonSyntaxProblem;
  /** Offset of the value at each path asked for in `paths` and found. */
  positions: Map<string, number>;
  /** The path of the value at `pathAt`, when it starts a value. */
  path?: string;
}

import { isWellFormedUtf16 } from './xml-fast.js';

/** How deep this scanner follows arrays and objects (it recurses); `JSON.parse` reads deeper. */
export const MAX_JSON_SCAN_DEPTH = 512;

class Stop extends Error {
  constructor(readonly problem: JsonSyntaxProblem) {
    super(problem.message);
  }
}

/** Scans `text` as one JSON value, finding what `options` ask for (see {@link JsonScanOptions}). */
export function scanJson(text: string, options: JsonScanOptions = {}): JsonScan {
  const { paths, pathAt, surrogates = false } = options;
  const positions = new Map<string, number>();
  let path: string | undefined;
  /** The names and indexes leading to the value being scanned, kept only when `pathAt` is asked for. */
  const segments: (string | number)[] | undefined = pathAt === undefined ? undefined : [];
  /** The path of a child of a value whose path is asked for, when the child's is asked for too. */
  const wanted = (child: string): string | undefined => (paths?.has(child) ? child : undefined);
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new Stop({ offset: at, message, truncated: at >= text.length });
  };
  const tooDeep = (): never => {
    throw new Stop({ offset: i, message: `the JSON is nested more than ${MAX_JSON_SCAN_DEPTH} levels deep`, truncated: false, tooDeep: true });
  };
  const skipSpace = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const describe = (at: number): string => (at >= text.length ? 'the end of the text (truncated?)' : `${JSON.stringify(text[at])}`);

  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length) {
      const ch = text.charCodeAt(i);
      if (ch === 0x22) {
        i++;
        const parsed = JSON.parse(text.slice(start, i)) as string;
        if (surrogates && !isWellFormedUtf16(parsed))
          fail('a string holding half of a surrogate pair (such as \\ud800 alone): that is no character, and readers show a broken one', start);
        return parsed;
      }
      if (ch === 0x5c) {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape in a string');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(next === undefined ? 'the text ends inside a string (truncated?)' : `invalid escape \\${next} in a string`, i);
        continue;
      }
      if (ch < 0x20) fail('a control character (such as a raw line break) inside a string; write it as \\n or \\uXXXX');
      i++;
    }
    return fail('the text ends inside a string (truncated?)', text.length);
  };

  /** Scans one value; `at` is its path when it is asked for (or is the top level, `''`). */
  const value = (at: string | undefined, depth: number): void => {
    if (depth > MAX_JSON_SCAN_DEPTH) tooDeep();
    skipSpace();
    if (at !== undefined && at !== '') positions.set(at, i);
    if (i === pathAt && segments) path = segments.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');
    const ch = text[i];
    if (ch === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(i)}`);
        const key = string();
        skipSpace();
        if (text[i] !== ':') fail(`expected ':' after the property name "${key}", found ${describe(i)}`);
        i++;
        segments?.push(key);
        value(at === undefined ? undefined : wanted(at ? `${at}.${key}` : key), depth + 1);
        segments?.pop();
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}' after the value of "${key}", found ${describe(i)}`);
      }
    }
    if (ch === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        segments?.push(index);
        value(at === undefined ? undefined : wanted(`${at}[${index}]`), depth + 1);
        segments?.pop();
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']' after an array element, found ${describe(i)}`);
      }
    }
    if (ch === '"') {
      string();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (literal && literal[0] !== '-') {
      i += literal[0].length;
      return;
    }
    fail(`expected a value, found ${describe(i)}`);
  };

  try {
    value('', 0);
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return path === undefined ? { positions } : { positions, path };
  } catch (error) {
    if (error instanceof Stop) return path === undefined ? { error: error.problem, positions } : { error: error.problem, positions, path };
    throw error;
  }
}
