import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** A fresh temporary folder; removed by {@link removeTemp}. */
export function makeTemp(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `storyfeed-${prefix}-`));
}

/** Removes a temporary folder made by {@link makeTemp}. */
export function removeTemp(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** A number from the environment (e.g. `FUZZ_RUNS`), else `fallback`. */
export function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Fuzz cases per property: `FUZZ_RUNS` when set (`npm run fuzz`), else the bounded CI count. */
export function fuzzRuns(ci: number): number {
  return envCount('FUZZ_RUNS', ci);
}

/** The seed of the fast-check runs and PRNGs: `RELIABILITY_SEED` when set, so a failure can be replayed. */
export const SEED = envCount('RELIABILITY_SEED', 20241021);

/** A small seeded PRNG (mulberry32): the same seed gives the same kill points. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prints one line for the closing counts (hostile inputs, kill points, fuzz cases). */
export function tally(what: string, count: number, detail = ''): void {
  process.stdout.write(`[reliability] ${what}: ${count}${detail ? ` (${detail})` : ''}\n`);
}

/**
 * Every file under `dir` (following the output link, but not links inside), relative path →
 * bytes; `undefined` when `dir` does not exist.
 */
export function snapshot(dir: string): Map<string, Buffer> | undefined {
  let base: string;
  try {
    base = realpathSync(dir);
  } catch {
    return undefined;
  }
  const files = new Map<string, Buffer>();
  const walk = (folder: string, prefix: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      const rel = prefix ? `${prefix}/${name}` : name;
      if (lstatSync(full).isDirectory()) walk(full, rel);
      else files.set(rel, readFileSync(full));
    }
  };
  walk(base, '');
  return files;
}

/** The name of the set `files` equals byte for byte, or a description of how it differs from all of them. */
export function whichSet(files: Map<string, Buffer> | undefined, sets: Record<string, Record<string, string | Uint8Array>>): { name?: string; why: string } {
  if (!files) return { why: 'the output folder does not exist' };
  const reasons: string[] = [];
  for (const [name, set] of Object.entries(sets)) {
    const expected = Object.keys(set).sort();
    const actual = [...files.keys()].sort();
    if (expected.join('\n') !== actual.join('\n')) {
      const missing = expected.filter((f) => !files.has(f));
      const extra = actual.filter((f) => !(f in set));
      reasons.push(
        `${name}: ${missing.length} file(s) missing${missing.length ? ` (${missing.slice(0, 3).join(', ')}…)` : ''}, ${extra.length} extra${extra.length ? ` (${extra.slice(0, 3).join(', ')}…)` : ''}`,
      );
      continue;
    }
    const differing = expected.filter((f) => !files.get(f)!.equals(Buffer.from(set[f]!)));
    if (differing.length === 0) return { name, why: '' };
    reasons.push(`${name}: ${differing.length} file(s) differ, first ${differing[0]} (${files.get(differing[0]!)!.length} bytes)`);
  }
  return { why: reasons.join('; ') };
}

/**
 * The folder holding `NAME.mjs` for each child script in `tests/reliability/children/`, bundled
 * once per run from the current sources by `tests/reliability/global-setup.ts` (which removes it at
 * the end), so child processes never run a stale `dist/`.
 */
export async function childScripts(): Promise<string> {
  return inject('childScripts');
}

/** A running child process with its output collected. */
export interface Child {
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) when the child ends. */
  exited: Promise<number | string>;
  /** Resolves when the child has printed `text` on stdout. */
  printed(text: string): Promise<void>;
}

/** How to start a child: variables added to the environment, flags for `node`, working directory. */
export interface ChildOptions {
  env?: Record<string, string>;
  nodeFlags?: string[];
  cwd?: string;
}

/** Starts `node [nodeFlags…] CHILD.mjs args…`. */
export async function startChild(name: string, args: string[], options: ChildOptions = {}): Promise<Child> {
  const dir = await childScripts();
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), path.join(dir, `${name}.mjs`), ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (const w of [...waiters])
      if (out.includes(w.text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  // 'close', not 'exit': a child's last output can arrive after its 'exit' event, and a child that
  // printed what a test waits for and then ended must count as having printed it.
  const exited = new Promise<number | string>((resolve) => child.once('close', (code, signal) => resolve(signal ?? code ?? -1)));
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    printed: (text) =>
      new Promise<void>((resolve, reject) => {
        if (out.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void exited.then((how) => reject(new Error(`child ${name} ended (${how}) before printing "${text}"\nstdout: ${out.slice(-2000)}\nstderr: ${err.slice(-2000)}`)));
      }),
  };
}

/** Milliseconds to wait. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
