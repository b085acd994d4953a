#!/usr/bin/env node
// storyfeed against what users would pick instead (Hugo; Eleventy with its RSS plugin) and against
// the libraries it builds on (feed@6 for rendering, rss-parser for reading back), every target of
// the performance issue measured side by side in one run and printed with its ratio.
//
//   npm run build && node bench/run.mjs            full run: 10, 1,000, 10,000 and 100,000 articles (about 25 minutes)
//   node bench/run.mjs --quick                     10 and 1,000 articles, one round (under two minutes once set up)
//   options: --rounds N  --skip-100k  --eleventy-100k (let Eleventy try 100,000, 300 s limit)
//            --300k (also 300,000 articles, archive pages only, storyfeed alone: peak RSS and linearity)
//            --peers DIR (default ../shared/bench-peers next to the repository, or $STORYFEED_BENCH_PEERS)
//            --work DIR  (default $TMPDIR/storyfeed-bench: peers, corpora, outputs; reused between runs)
//
// Needs `npm run build` first, `hugo` on the PATH (Debian: apt-get install -y hugo), /usr/bin/time,
// and npm access once (the peer folder's `npm ci` installs Eleventy). Results: bench/results/*.json.
import { existsSync, mkdirSync, writeFileSync, appendFileSync, readdirSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpus, runPeer, setupPeers } from './lib/peers.mjs';
import { build, configOf, copyCorpus, runDir, snapshot } from './lib/storyfeed.mjs';
import { fmtMiB, fmtS, fmtX, log, median, nodeJson } from './lib/util.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const quick = flag('--quick');
const rounds = Number(option('--rounds', quick ? '1' : '3'));
const sizes = quick ? [10, 1000] : [10, 1000, 10000];
const huge = !quick && !flag('--skip-100k');
const huger = flag('--300k');
const work = path.resolve(option('--work', path.join(tmpdir(), 'storyfeed-bench')));
const peersSource = path.resolve(option('--peers', process.env.STORYFEED_BENCH_PEERS ?? path.join(repo, '..', 'shared', 'bench-peers')));
const editSize = quick ? 1000 : 10000;
const microSize = quick ? 1000 : 10000;

if (!existsSync(path.join(repo, 'dist', 'cli.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
if (!existsSync('/usr/bin/time')) {
  console.error('/usr/bin/time is missing (Debian: apt-get install -y time)');
  process.exit(2);
}
mkdirSync(work, { recursive: true });
const started = Date.now();
const { peers, hugo } = setupPeers({ source: peersSource, work, repo });
const corpora = Object.fromEntries([...sizes, ...(huge ? [100000] : []), ...(huger ? [300000] : [])].map((n) => [n, corpus(peers, n)]));

/** Every measured run: { target, n, tool, variant, ms, maxrssKb, code }. */
const runs = [];
const record = (entry, r) => {
  runs.push({ ...entry, ms: r.ms, maxrssKb: r.maxrssKb, cpuS: r.cpuS, code: r.code });
  log(
    `${String(entry.n).padStart(6)} ${entry.tool.padEnd(9)} ${(entry.variant ?? '').padEnd(14)} ${fmtS(r.ms).padStart(9)} ${fmtMiB(r.maxrssKb).padStart(10)}${r.code === 0 ? '' : `  FAILED (${r.timedOut ? 'time limit' : `exit ${r.code}`})`}`,
  );
};

// storyfeed variants: cold (no cache) with entity extraction off and on; warm cache with it on; each
// (but the on-cold row) as one feed of every item and as RFC 5005 archive pages of 50.
const variants = [
  { variant: 'off-cold', entities: false, archive: false, cache: false },
  { variant: 'on-cold', entities: true, archive: false, cache: false },
  { variant: 'off-cold-pages', entities: false, archive: true, cache: false },
  { variant: 'on-warm', entities: true, archive: false, cache: true },
  { variant: 'on-warm-pages', entities: true, archive: true, cache: true },
];

// ---------------------------------------------------------------------------------------------
// Target 1: builds side by side, round by round, the order of the tools flipped every round.
for (const n of sizes) {
  const dirs = Object.fromEntries(variants.map((v) => [v.variant, runDir(work, `${n}-${v.variant}`, configOf(v))]));
  // Warm caches: one untimed build per warm variant (entity extraction on: the cold 10k build with it, target 5).
  for (const v of variants.filter((x) => x.cache)) {
    const r = await build(repo, dirs[v.variant], corpora[n], { cache: true, freshCache: true });
    if (n === 10000 && !v.archive) record({ target: 5, n, tool: 'storyfeed', variant: 'on-cold' }, r);
  }
  for (let round = 1; round <= rounds; round++) {
    const tools = ['hugo', 'eleventy', 'storyfeed'];
    const order = round % 2 ? tools : [...tools].reverse();
    for (const tool of order) {
      if (tool === 'storyfeed') {
        for (const v of variants) record({ target: 1, n, tool, variant: v.variant, round }, await build(repo, dirs[v.variant], corpora[n], { cache: v.cache }));
      } else if (tool === 'eleventy' || hugo) {
        record({ target: 1, n, tool, variant: 'all', round }, await runPeer(tool, peers, corpora[n]));
      }
    }
  }
}

// 100,000 articles: once each (Hugo takes minutes and about 15 GiB). One feed of 100,000 items
// would be larger than the longest string JavaScript allows, so storyfeed publishes archive pages.
if (huge) {
  const n = 100000;
  const dir = runDir(work, `${n}-off-cold-pages`, configOf({ entities: false, archive: true }));
  record({ target: 1, n, tool: 'storyfeed', variant: 'off-cold-pages', round: 1 }, await build(repo, dir, corpora[n], { cache: false, timeoutMs: 1_800_000 }));
  if (hugo) record({ target: 1, n, tool: 'hugo', variant: 'all', round: 1 }, await runPeer('hugo', peers, corpora[n], { timeoutMs: 1_800_000 }));
  if (flag('--eleventy-100k')) record({ target: 1, n, tool: 'eleventy', variant: 'all', round: 1 }, await runPeer('eleventy', peers, corpora[n], { timeoutMs: 300_000 }));
}
// 300,000 articles: storyfeed alone (Hugo needed about 19 GiB for 100,000), archive pages, once.
if (huger) {
  const n = 300000;
  const dir = runDir(work, `${n}-off-cold-pages`, configOf({ entities: false, archive: true }));
  record({ target: 1, n, tool: 'storyfeed', variant: 'off-cold-pages', round: 1 }, await build(repo, dir, corpora[n], { cache: false, timeoutMs: 5_400_000 }));
}

// ---------------------------------------------------------------------------------------------
// Target 2: warm rebuild after editing one article (one feed, and archive pages).
for (const archive of [false, true]) {
  const variant = archive ? 'edit-one-pages' : 'edit-one';
  const dir = runDir(work, `edit-${editSize}${archive ? '-pages' : ''}`, configOf({ entities: true, archive }));
  const copy = copyCorpus(corpora[editSize] ?? corpus(peers, editSize), path.join(dir, 'seeds'));
  await build(repo, dir, copy, { cache: true, freshCache: true });
  await build(repo, dir, copy, { cache: true, clean: false });
  const edited = path.join(
    copy,
    readdirSync(copy)
      .filter((f) => f.endsWith('.md'))
      .sort()[Math.floor(editSize / 2)],
  );
  for (let round = 1; round <= Math.max(3, rounds); round++) {
    appendFileSync(edited, `\nAn added sentence, edit ${round}.\n`);
    record({ target: 2, n: editSize, tool: 'storyfeed', variant, round }, await build(repo, dir, copy, { cache: true, clean: false }));
  }
}

// ---------------------------------------------------------------------------------------------
// Targets 3, 4, 5 (in-process, one process per measurement).
const snap = await snapshot(repo, work, corpora[microSize] ?? corpus(peers, microSize), microSize);
const renders = { raw: [], storyfeed: [] };
for (let round = 0; round < Math.max(2, rounds); round++) {
  for (const mode of round % 2 ? ['storyfeed', 'raw'] : ['raw', 'storyfeed']) {
    renders[mode].push(nodeJson(path.join(repo, 'bench/targets/render.mjs'), [snap, mode, quick ? '5' : '3'], { execArgv: ['--expose-gc'] }));
  }
}
const verifies = Array.from({ length: Math.max(1, rounds - 1) }, () => nodeJson(path.join(repo, 'bench/targets/verify.mjs'), [snap, quick ? '7' : '5']));
const normalizes = Array.from({ length: Math.max(1, rounds - 1) }, () => nodeJson(path.join(repo, 'bench/targets/normalize.mjs'), [corpora[1000], quick ? '150' : '400']));

// ---------------------------------------------------------------------------------------------
// The table.
const ok = runs.filter((r) => r.code === 0);
const pick = (filter) => ok.filter((r) => Object.entries(filter).every(([k, v]) => r[k] === v));
const med = (filter) => median(pick(filter).map((r) => r.ms));
const medRss = (filter) => median(pick(filter).map((r) => r.maxrssKb));
/** CPU seconds (user + sys): on shared cores a steadier measure of linearity than wall time. */
const medCpu = (filter) => median(pick(filter).map((r) => r.cpuS));
const pagesAt = (n) => ({ target: 1, n, tool: 'storyfeed', variant: 'off-cold-pages' });
/** Median over rounds of the ratio within each round (runs of a round are back to back). */
const roundRatio = (a, b) => {
  const ratios = [];
  for (const x of pick(a)) {
    const y = pick({ ...b, round: x.round, n: x.n })[0];
    if (y) ratios.push(x.ms / y.ms);
  }
  return median(ratios);
};
const rows = [];
const row = (target, what, storyfeed, anchor, ratio, goal, met, note = '') => rows.push({ target, what, storyfeed, anchor, ratio, goal, met, note });
const verdict = (cond) => (cond === undefined || Number.isNaN(cond) ? 'n/a' : cond ? 'met' : 'not met');

for (const n of [...sizes, ...(huge ? [100000] : []), ...(huger ? [300000] : [])]) {
  const hugoMs = med({ target: 1, n, tool: 'hugo' });
  const elevMs = med({ target: 1, n, tool: 'eleventy' });
  const anchor = `Hugo ${fmtS(hugoMs)} ${fmtMiB(medRss({ target: 1, n, tool: 'hugo' }))}; Eleventy ${Number.isFinite(elevMs) ? `${fmtS(elevMs)} ${fmtMiB(medRss({ target: 1, n, tool: 'eleventy' }))}` : 'not run'}`;
  for (const v of variants) {
    const sel = { target: 1, n, tool: 'storyfeed', variant: v.variant };
    const ms = med(sel);
    if (!Number.isFinite(ms)) continue;
    const rh = roundRatio(sel, { target: 1, tool: 'hugo' });
    const re = roundRatio(sel, { target: 1, tool: 'eleventy' });
    const judged = n >= 1000 && n <= 10000;
    // Issue 17: cold ≤ ×1.0 Hugo with entities off, ≤ ×1.5 with them on; warm ≤ ×0.5; 100,000 and more: ≤ 1.5 GiB.
    const limit = v.cache ? 0.5 : v.entities ? 1.5 : 1.0;
    const large = n >= 100000;
    row(
      '1',
      `build ${n.toLocaleString('en')} articles, ${v.variant}`,
      `${fmtS(ms)}, ${fmtMiB(medRss(sel))}`,
      anchor,
      `${fmtX(rh)} Hugo, ${fmtX(re)} Eleventy`,
      judged ? `≤ ×${limit.toFixed(1)} Hugo` : large ? '≤ 1.5 GiB, linear' : 'headline only',
      judged ? verdict(rh <= limit) : large ? verdict(medRss(sel) <= 1.5 * 2 ** 20) : 'n/a',
    );
  }
}
if (huge) {
  const per10k = med({ target: 1, n: 10000, tool: 'storyfeed', variant: 'off-cold-pages' }) / 10000;
  const per100k = med({ target: 1, n: 100000, tool: 'storyfeed', variant: 'off-cold-pages' }) / 100000;
  const hugo10 = med({ target: 1, n: 10000, tool: 'hugo' }) / 10000;
  const hugo100 = med({ target: 1, n: 100000, tool: 'hugo' }) / 100000;
  const cpu = medCpu(pagesAt(100000)) / 10 / medCpu(pagesAt(10000));
  row(
    '1',
    'time per article, 100,000 vs 10,000 (off-cold-pages)',
    `${fmtX(per100k / per10k)} wall, ${fmtX(cpu)} CPU`,
    `Hugo ${fmtX(hugo100 / hugo10)}`,
    '',
    '≈ ×1 (linear)',
    verdict((Number.isFinite(cpu) ? cpu : per100k / per10k) <= 1.2),
  );
}
if (huger) {
  const per100k = med({ target: 1, n: 100000, tool: 'storyfeed', variant: 'off-cold-pages' }) / 100000;
  const per300k = med({ target: 1, n: 300000, tool: 'storyfeed', variant: 'off-cold-pages' }) / 300000;
  const kb100 = medRss({ target: 1, n: 100000, tool: 'storyfeed', variant: 'off-cold-pages' });
  const kb300 = medRss({ target: 1, n: 300000, tool: 'storyfeed', variant: 'off-cold-pages' });
  const cpu = medCpu(pagesAt(300000)) / 3 / medCpu(pagesAt(100000));
  row(
    '1',
    'time per article, 300,000 vs 100,000 (off-cold-pages)',
    `${fmtX(per300k / per100k)} wall, ${fmtX(cpu)} CPU`,
    '',
    '',
    '≈ ×1 (linear)',
    verdict((Number.isFinite(cpu) ? cpu : per300k / per100k) <= 1.2),
  );
  row('1', 'peak RSS, 300,000 vs 100,000 (off-cold-pages)', fmtX(kb300 / kb100), '', '', '≈ ×1 (flat)', verdict(kb300 / kb100 <= 1.2));
}
// Issue 17: editing one of 1,000 ≤ ×0.5 Hugo's full build of the 1,000; one of 10,000 ≤ 1 s.
for (const variant of ['edit-one', 'edit-one-pages']) {
  const ms = med({ target: 2, variant });
  const hugoMs = med({ target: 1, n: editSize, tool: 'hugo' });
  const byHugo = editSize <= 1000;
  const limitMs = byHugo ? 0.5 * hugoMs : 1000;
  row(
    '2',
    `rebuild after editing 1 of ${editSize.toLocaleString('en')} (${variant === 'edit-one' ? 'one feed' : 'archive pages'})`,
    fmtS(ms),
    byHugo ? `Hugo full build ${fmtS(hugoMs)}` : '1 s',
    byHugo ? `${fmtX(ms / hugoMs)} Hugo` : fmtX(ms / 1000),
    byHugo ? '≤ ×0.5 Hugo' : '≤ 1 s',
    verdict(ms <= limitMs),
  );
}
{
  const raw = median(renders.raw.map((r) => r.ms));
  const ours = median(renders.storyfeed.map((r) => r.ms));
  const rawKb = median(renders.raw.map((r) => r.peakKb));
  const ourKb = median(renders.storyfeed.map((r) => r.peakKb));
  row(
    '3',
    `render 3 formats from ${microSize.toLocaleString('en')} stories`,
    `${fmtS(ours)}, peak +${fmtMiB(ourKb)}`,
    `feed@6 raw ${fmtS(raw)}, peak +${fmtMiB(rawKb)}`,
    `${fmtX(ours / raw)} time, ${fmtX(ourKb / rawKb)} memory`,
    '≤ ×1.15 time, ≤ ×1.0 memory',
    verdict(ours / raw <= 1.15 && ourKb <= rawKb),
  );
}
for (const format of ['rss', 'atom']) {
  const p = median(verifies.map((v) => v[format].parserMs));
  const v = median(verifies.map((x) => x[format].verifyMs));
  const mb = verifies[0][format].mb;
  row(
    '4',
    `verify ${format.toUpperCase()} of ${microSize.toLocaleString('en')} items (${mb.toFixed(0)} MB)`,
    fmtS(v),
    `rss-parser.parseString ${fmtS(p)} (${(mb / (p / 1000)).toFixed(0)} MB/s)`,
    fmtX(v / p),
    '≤ ×2.0',
    verdict(v / p <= 2),
  );
  const r = median(verifies.map((x) => x[format].renderMs));
  row('4', `verify ${format.toUpperCase()} of ${microSize.toLocaleString('en')} items against rendering it`, fmtS(v), `render ${fmtS(r)}`, fmtX(v / r), '< ×1.0', verdict(v < r));
}
{
  const perSecond = median(normalizes.map((x) => x.perSecond));
  const compromise = median(normalizes.map((x) => x.compromiseMs));
  row(
    '5',
    'normalize, entity extraction on, one thread',
    `${perSecond.toFixed(0)} articles/s (${(1000 / perSecond).toFixed(2)} ms)`,
    `200/s; compromise pass ${compromise.toFixed(1)} ms/article (${(1000 / compromise).toFixed(0)}/s)`,
    fmtX(perSecond / 200),
    '≥ 200/s/core',
    verdict(perSecond >= 200),
  );
  const cold = med({ target: 5, variant: 'on-cold' });
  if (Number.isFinite(cold))
    row('5', `cold build 10,000, entity extraction on, ${availableParallelism()} cores`, fmtS(cold), '60 s', fmtX(cold / 60000), '≤ 60 s', verdict(cold <= 60000));
}

const machine = `${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const table = [
  `storyfeed benchmark (${quick ? 'quick' : 'full'}, ${rounds} round${rounds === 1 ? '' : 's'}), ${new Date().toISOString().slice(0, 16)}Z — ${machine}`,
  '',
  '| target | measurement | storyfeed | anchor (same run) | ratio | goal | |',
  '|---|---|---:|---|---:|---|---|',
  ...rows.map((r) => `| ${r.target} | ${r.what} | ${r.storyfeed} | ${r.anchor} | ${r.ratio} | ${r.goal} | ${r.met} |`),
].join('\n');
console.log(table);
const results = path.join(repo, 'bench', 'results');
mkdirSync(results, { recursive: true });
const file = path.join(results, `${new Date().toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
writeFileSync(file, `${JSON.stringify({ machine, quick, rounds, runs, renders, verifies, normalizes, rows }, null, 2)}\n`);
log(`\n${((Date.now() - started) / 1000).toFixed(0)} s; runs saved to ${path.relative(process.cwd(), file)}`);
