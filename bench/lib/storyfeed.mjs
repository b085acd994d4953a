// storyfeed runs for the benchmark: the CLI from dist/, one working folder per corpus and variant
// (its config, story cache and output), and normalized stories saved for the in-process benchmarks.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { log, timed } from './util.mjs';

export const SITE = {
  siteUrl: 'https://news.example.com',
  title: 'Example News',
  description: 'World news, written and checked by the Example News desk.',
  language: 'en',
  authors: [{ name: 'Example News Desk', email: 'desk@news.example.com' }],
};

/** The config of a variant: entity extraction on (the default) or off; one feed of all items, or RFC 5005 pages of 50. */
export function configOf({ entities, archive }) {
  return { ...SITE, ...(entities ? {} : { entities: false }), ...(archive ? { archive: true, itemLimit: 50 } : {}) };
}

/** A working folder for one corpus and variant, with its config. */
export function runDir(work, name, config) {
  const dir = path.join(work, 'storyfeed', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'storyfeed.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

/** Deletes a run folder's output (and its build folders), so every timed build publishes from scratch. */
export function cleanOutput(dir) {
  for (const name of ['out', '.out.storyfeed', '.out.builds', '.out.lock']) rmSync(path.join(dir, name), { recursive: true, force: true });
}

/** One `storyfeed build` of `corpusDir` in `dir`; `cache: false` adds --no-cache (a cold build); `freshCache` empties the cache first. */
export async function build(repo, dir, corpusDir, { cache = true, clean = true, freshCache = false, timeoutMs } = {}) {
  if (clean) cleanOutput(dir);
  if (freshCache) rmSync(path.join(dir, '.storyfeed-cache'), { recursive: true, force: true });
  const args = [path.join(repo, 'dist', 'cli.js'), 'build', corpusDir, '--out', 'out', '-q', ...(cache ? [] : ['--no-cache'])];
  const r = await timed(process.execPath, args, { cwd: dir, timeoutMs });
  if (r.code !== 0) log(`storyfeed build failed in ${dir}:\n${r.stderr}`);
  return r;
}

/** A private copy of a corpus (for edits). */
export function copyCorpus(corpusDir, dest) {
  rmSync(dest, { recursive: true, force: true });
  cpSync(corpusDir, dest, { recursive: true });
  return dest;
}

/**
 * The first `n` articles of a corpus normalized (entity extraction off: the feeds are the same
 * size either way), saved as JSON next to the corpus and reused while dist/ is unchanged.
 */
export async function snapshot(repo, work, corpusDir, n) {
  const file = path.join(work, 'snapshots', `${path.basename(corpusDir)}-${n}.json`);
  const built = statSync(path.join(repo, 'dist', 'index.js')).mtimeMs;
  if (existsSync(file) && statSync(file).mtimeMs > built) return file;
  mkdirSync(path.dirname(file), { recursive: true });
  const names = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .slice(0, n);
  log(`normalizing ${names.length} articles for the in-process benchmarks…`);
  const site = configOf({ entities: false, archive: false });
  const threads = Math.max(1, availableParallelism());
  const slices = Array.from({ length: threads }, (_, t) => names.filter((_, i) => i % threads === t));
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { readFileSync } = require('node:fs');
    const path = require('node:path');
    import(workerData.core).then((core) => {
      const site = core.validateConfig(workerData.site);
      parentPort.postMessage(workerData.names.map((name) => core.storyToJson(core.parseSeed(readFileSync(path.join(workerData.dir, name), 'utf8'), { file: name, site }))));
    });`;
  const core = new URL(`file://${path.join(repo, 'dist', 'story.js')}`).href;
  const parts = await Promise.all(
    slices.map(
      (slice) =>
        new Promise((resolve, reject) => {
          const w = new Worker(code, { eval: true, workerData: { core, site, dir: corpusDir, names: slice } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  const byName = new Map(parts.flat().map((s) => [s.file, s]));
  writeFileSync(file, JSON.stringify({ site, stories: names.map((name) => byName.get(name)) }));
  return file;
}

/** Reads a snapshot back into stories (dates revived) and a validated config. */
export async function readSnapshot(repo, file) {
  const entry = (name) => import(new URL(`file://${path.join(repo, 'dist', `${name}.js`)}`).href);
  // The feed, story and verify entry points together: the benchmarks use all three.
  const core = { ...(await entry('index')), ...(await entry('story')), ...(await entry('verify')) };
  const { site, stories } = JSON.parse(readFileSync(file, 'utf8'));
  return {
    core,
    config: core.validateConfig(site),
    stories: stories.map((s) => ({
      ...s,
      published: new Date(s.published),
      updated: new Date(s.updated),
      ...(s.dateline?.date ? { dateline: { ...s.dateline, date: new Date(s.dateline.date) } } : {}),
    })),
  };
}
