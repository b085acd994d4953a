/**
 * A JSON scanner that knows where things are. `JSON.parse` does the real parsing; this runs only
 * when a position is needed: to point at the first syntax error (V8 does not always say where),
 * and to give line numbers to the paths that spec problems name.
 */

/** The first syntax error in a JSON text. */
export interface JsonSyntaxProblem {
  /** UTF-16 offset of the error. */
  offset: number;
  /** What is wrong. */
  message: string;
  /** `true` when the text ends before the value is complete. */
  truncated: boolean;
}

/** What {@link scanJson} found. */
export interface JsonScan {
  /** The first syntax error, if any. */
  error?: JsonSyntaxProblem;
  /** Offset of the value at each path (`items[3].date_published`), when recording was asked for. */
  positions: Map<string, number>;
}

import { isWellFormedUtf16 } from './xml-fast.js';

const MAX_DEPTH = 512;

class Stop extends Error {
  constructor(readonly problem: JsonSyntaxProblem) {
    super(problem.message);
  }
}

/**
 * Scans `text` as one JSON value; records the offset of every value by path when `record` is set,
 * and with `surrogates` takes a string holding a lone surrogate (JSON's `\ud800` escape alone) for an error.
 */
export function scanJson(text: string, record = false, surrogates = false): JsonScan {
  const positions = new Map<string, number>();
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new Stop({ offset: at, message, truncated: at >= text.length });
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

  const value = (path: string, depth: number): void => {
    if (depth > MAX_DEPTH) fail('the JSON is nested too deeply');
    skipSpace();
    if (record) positions.set(path, i);
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
        value(path ? `${path}.${key}` : key, depth + 1);
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
        value(`${path}[${index}]`, depth + 1);
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
    return { positions };
  } catch (error) {
    if (error instanceof Stop) return { error: error.problem, positions };
    throw error;
  }
}
