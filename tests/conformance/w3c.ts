/**
 * The W3C Feed Validation Service's test cases as a conformance suite: every file's header names
 * the event the W3C validator raises (`Expect: DuplicateElement{...}`) or must not raise
 * (`Expect: !Error`); `event-classes.json` says whether that event is an error, a warning or a
 * success note (derived from the validator's `logging.py`, MIT, same licence as the cases).
 *
 * Agreement follows the validator's own test semantics: a case expecting an error class agrees
 * when storyfeed reports an error concerning the element the case names (`{element:guid}`; any
 * error when none is named); `!Error` agrees when storyfeed reports no error at all; a case
 * expecting a warning or success note, or the absence of a class (`!X`), agrees when storyfeed
 * reports no error concerning the element named. Many cases are fragments (an `<entry>` with no
 * feed `<id>`): the validator raises errors on the rest of them too, so only the named element counts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoryfeedError } from '../../src/errors.js';
import { decodeFeed, readFeed, type FeedProblem } from '../../src/verify/index.js';

/** The folder holding the vendored cases (`testcases/<folder>/...`). */
export const W3C_ROOT = fileURLToPath(new URL('./w3c/', import.meta.url));

const CLASSES = JSON.parse(readFileSync(join(W3C_ROOT, 'event-classes.json'), 'utf8')) as Record<string, 'error' | 'warning' | 'info' | 'success'>;

/** What the W3C validator's verdict on a whole document is. */
export type Verdict = 'error' | 'valid';

/** One case and what storyfeed made of it. */
export interface CaseResult {
  /** Path under `testcases/`, e.g. `atom/1.1/no-id.xml`. */
  path: string;
  /** First folder: `atom`, `rss20`, `rss`, `ext`, `xml`. */
  folder: string;
  /** The `Expect:` line as written. */
  expect: string;
  /** The W3C verdict implied by the `Expect:` line. */
  expected: Verdict;
  /** The format the root element names, by an independent sniff; `undefined` for RSS 2.0, 1.0, 0.92 and 0.91 and Atom 1.0 (in scope). */
  outOfScope?: string;
  /** The element the `Expect:` line names (`guid`, `atom:link`), if any. */
  element?: string;
  /** storyfeed's answer about that element (or the whole document for `!Error` and unnamed errors). */
  actual: Verdict | 'unsupported' | 'internal';
  /** The message behind `actual` (the first error, the unsupported format, or the internal error). */
  detail: string;
  /** `true` for the held-out part (every 5th file by sorted path), which no rule was tuned on. */
  heldOut: boolean;
}

/** Every case file, sorted by path. */
export function casePaths(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.xml')) out.push(relative(join(W3C_ROOT, 'testcases'), full).split('\\').join('/'));
    }
  };
  walk(join(W3C_ROOT, 'testcases'));
  return out.sort();
}

/**
 * The verdict an `Expect:` line implies: a raised error class means "error"; warnings and success
 * notes mean "valid"; `!X` means "valid" too, except when X is a success note (`!ValidTAG`: the
 * value is not valid, so the validator raises the matching error).
 */
export function expectedVerdict(expect: string): Verdict {
  const negated = expect.startsWith('!');
  const name = /^!?([A-Za-z0-9]+)/.exec(expect)?.[1] ?? '';
  const kind = CLASSES[name];
  if (kind === undefined) throw new Error(`unknown W3C event class ${name}`);
  if (negated) return kind === 'success' ? 'error' : 'valid';
  return kind === 'error' ? 'error' : 'valid';
}

/** The format a document's root element names, when it is not RSS (2.0, 1.0, 0.92, 0.91) or an Atom 1.0 feed (independent of storyfeed's reader). */
export function sniffOutOfScope(text: string): string | undefined {
  const body = text.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>/g, '');
  const root = /<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(body);
  if (!root) return 'not XML';
  const [, name, attrs] = root as unknown as [string, string, string];
  const local = name.slice(name.indexOf(':') + 1);
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
  const ns = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(attrs)?.[1] ?? '';
  if (local === 'rss' && !prefix) {
    const version = /\bversion\s*=\s*["']([^"']*)["']/.exec(attrs)?.[1]?.trim();
    // RSS 0.91 and 0.92 are read; the drafts after them (0.93, 0.94) are not.
    return version !== undefined && /^0\.9/.test(version) && version !== '0.91' && version !== '0.92' ? `RSS ${version}` : undefined;
  }
  // A <feed> in another namespace is an Atom feed with a namespace error (the W3C validator grades it so), except Atom 0.3.
  if (local === 'feed') return ns === 'http://purl.org/atom/ns#' ? 'Atom 0.3' : undefined;
  // RSS 1.0 (and 0.90) is read from its rdf:RDF root.
  if (local === 'RDF') return undefined;
  if (local === 'entry') return 'Atom entry document';
  return `<${name}>`;
}

/** Runs storyfeed's reader on one case. */
export async function runCase(path: string): Promise<CaseResult> {
  const bytes = readFileSync(join(W3C_ROOT, 'testcases', path));
  const head = bytes.subarray(0, 4096).toString('latin1');
  const expect = /Expect:\s*(\S+(?:\{[^}]*\})?)/.exec(head)?.[1] ?? '!Error';
  const outOfScope = sniffOutOfScope(head.includes('\u0000') ? bytes.toString('utf16le') : bytes.toString('latin1'));
  const result: CaseResult = { path, folder: path.split('/')[0]!, expect, expected: expectedVerdict(expect), actual: 'internal', detail: '', heldOut: false };
  if (outOfScope !== undefined) result.outOfScope = outOfScope;
  const about = subject(expect);
  if (about.element !== undefined) result.element = about.element;
  const errorExpected = result.expected === 'error';
  try {
    const feed = await readFeed(decodeFeed(bytes).text);
    const relevant = (p: FeedProblem): boolean => {
      if (p.severity !== 'error') return false;
      if (expect === '!Error') return true;
      if (about.names.length === 0) return errorExpected;
      return about.names.some((name) => concerns(p, name, about.parent, about.attr));
    };
    const error = feed.problems.find(relevant);
    result.actual = error ? 'error' : 'valid';
    result.detail = error ? `${error.path}: ${error.message}` : '';
  } catch (error) {
    if (error instanceof StoryfeedError) {
      // An HTML page is named as such ("this is an HTML page, not a feed"): that is its "unsupported" answer.
      result.actual = /^unsupported: |^this is an HTML page, not a feed/.test(error.detail) ? 'unsupported' : 'error';
      result.detail = error.detail;
    } else {
      result.detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
  }
  return result;
}

/** What an `Expect:` line is about: its element (or, for duplicate-semantics notes, the `core`/`ext` elements), parent and attribute. */
export function subject(expect: string): { element?: string; names: string[]; parent?: string; attr?: string } {
  const params = new Map<string, string>();
  for (const m of expect.matchAll(/([a-z]+)\s*:\s*([^,}\s]+)/g)) params.set(m[1]!, m[2]!);
  const element = params.get('element');
  const names = element !== undefined ? [element] : ['core', 'ext'].flatMap((k) => params.get(k) ?? []);
  const out: { element?: string; names: string[]; parent?: string; attr?: string } = { names };
  if (element !== undefined) out.element = element;
  const parent = params.get('parent');
  if (parent !== undefined) out.parent = parent;
  const attr = params.get('attr');
  if (attr !== undefined) out.attr = attr;
  return out;
}

/**
 * Whether a problem is about `element` (qualified or local name): the last step of its path (the
 * element that is wrong or missing); inside `parent` when the path says where; and naming `attr`
 * when the case is about an attribute.
 */
export function concerns(problem: FeedProblem, element: string, parent?: string, attr?: string): boolean {
  if (attr !== undefined && !problem.message.includes(attr)) return false;
  const local = element.slice(element.indexOf(':') + 1).toLowerCase();
  const steps = problem.path.split('.').map((s) =>
    s
      .replace(/\[\d+\]$/, '')
      .replace(/^.*:/, '')
      .toLowerCase(),
  );
  // The validator writes a namespaced name as prefix_local internally and turns "_" back into ":" when it reports, so an element written `foo_bar` is reported as `foo:bar`.
  const written = steps[steps.length - 1] ?? '';
  const last = written === element.replace(':', '_').toLowerCase() ? local : written;
  const ancestors = steps.slice(0, -1);
  if (parent !== undefined && ancestors.length > 0 && last === local && !ancestors.includes(parentLocalName(parent))) return false;
  // A case about an attribute names its element; storyfeed's path ends in the element or in the attribute.
  if (attr !== undefined) return last === local || steps[steps.length - 2] === local;
  return last === local;
}

/**
 * The local name of an `Expect:` line's parent, lower-cased. The validator names a namespaced
 * parent `prefix_local` (`sx_history`, `itunes_image`: its handler-name convention) and a
 * namespaced element `prefix:local`.
 */
export function parentLocalName(parent: string): string {
  const local = parent.slice(parent.indexOf(':') + 1);
  return local.slice(local.indexOf('_') + 1).toLowerCase();
}

/** Runs every case; the held-out part is fixed by position alone (every 5th path in sorted order). */
export async function runAll(): Promise<CaseResult[]> {
  const paths = casePaths();
  const results: CaseResult[] = [];
  for (const [index, path] of paths.entries()) {
    const result = await runCase(path);
    result.heldOut = index % 5 === 4;
    results.push(result);
  }
  return results;
}

/** Per-folder counts for the README table. */
export interface FolderTally {
  /** In-scope cases. */
  cases: number;
  /** In-scope cases where storyfeed's verdict is the W3C one. */
  agree: number;
  /** Valid per W3C, error per storyfeed. */
  falseAlarm: number;
  /** Error per W3C, valid per storyfeed. */
  missed: number;
  /** In-scope cases storyfeed called unsupported. */
  wronglyUnsupported: number;
  /** Out-of-scope cases. */
  outOfScope: number;
  /** Out-of-scope cases answered "unsupported". */
  unsupported: number;
  /** Exceptions that were not a StoryfeedError. */
  internal: number;
}

/** Tallies results by folder (plus `all`). */
export function tally(results: readonly CaseResult[]): Record<string, FolderTally> {
  const out: Record<string, FolderTally> = {};
  const add = (key: string, r: CaseResult): void => {
    const t = (out[key] ??= { cases: 0, agree: 0, falseAlarm: 0, missed: 0, wronglyUnsupported: 0, outOfScope: 0, unsupported: 0, internal: 0 });
    if (r.actual === 'internal') t.internal++;
    if (r.outOfScope !== undefined) {
      t.outOfScope++;
      if (r.actual === 'unsupported') t.unsupported++;
      return;
    }
    t.cases++;
    if (r.actual === r.expected) t.agree++;
    else if (r.actual === 'unsupported') t.wronglyUnsupported++;
    else if (r.expected === 'valid') t.falseAlarm++;
    else t.missed++;
  };
  for (const r of results) {
    add(r.folder, r);
    add('all', r);
  }
  return out;
}

/** The README table. */
export function markdownTable(results: readonly CaseResult[]): string {
  const rows = ['| Folder | In scope | Agree | False alarm | Missed | Out of scope (answered "unsupported") |', '|---|---:|---:|---:|---:|---:|'];
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
  const tallies = tally(results);
  const folders = Object.keys(tallies)
    .filter((f) => f !== 'all')
    .sort();
  for (const [folder, t] of [...folders, 'all'].map((f) => [f, tallies[f]!] as const)) {
    rows.push(`| ${folder} | ${t.cases} | ${t.agree} (${pct(t.agree, t.cases)}) | ${t.falseAlarm} | ${t.missed} | ${t.outOfScope} (${t.unsupported}) |`);
  }
  return rows.join('\n');
}
