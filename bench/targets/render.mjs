// Target 3: render RSS, Atom and JSON Feed from N stories — storyfeed (document + its `feed`
// wrapper) against `feed` used directly (new Feed, addItem, rss2/atom1/json1) on the same stories.
// One mode per process, so each has its own heap; peak memory is the rise of the process's peak
// RSS over its RSS before rendering (the peak is reset through /proc/self/clear_refs).
//   node bench/targets/render.mjs SNAPSHOT.json raw|storyfeed REPS
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSnapshot } from '../lib/storyfeed.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [file, mode, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 3);
const { core, config, stories } = await readSnapshot(repo, file);
const { Feed } = await import(new URL(`file://${path.join(repo, 'node_modules', 'feed', 'lib', 'feed.js')}`).href);

/** What a user of `feed` writes: the same stories, newest first, every field storyfeed publishes. */
function raw() {
  const sorted = [...stories].filter((s) => !s.draft).sort((a, b) => b.published - a.published || (a.id < b.id ? -1 : 1));
  const base = config.siteUrl.endsWith('/') ? config.siteUrl : `${config.siteUrl}/`;
  const feed = new Feed({
    title: config.title,
    description: config.description,
    id: `${base}atom.xml`,
    link: base,
    language: config.language,
    updated: new Date(Math.max(...sorted.map((s) => s.updated.getTime()))),
    generator: 'storyfeed',
    feedLinks: { rss: `${base}rss.xml`, atom: `${base}atom.xml`, json: `${base}feed.json` },
    author: { name: config.authors[0].name, email: config.authors[0].email },
  });
  for (const s of sorted) {
    feed.addItem({
      title: s.title,
      id: s.id,
      link: s.url,
      date: s.updated,
      published: s.published,
      description: s.summary,
      content: s.contentHtml,
      author: s.authors.map((a) => ({ name: a.name, ...(a.email ? { email: a.email } : {}), ...(a.url ? { link: a.url } : {}) })),
      category: s.tags.map((name) => ({ name, term: name })),
    });
  }
  return [feed.rss2(), feed.atom1(), feed.json1()];
}

function storyfeed() {
  const outputs = core.renderFeeds(core.buildFeedDocument(stories, config));
  return [outputs.rss, outputs.atom, outputs.json];
}

const status = () => readFileSync('/proc/self/status', 'utf8');
const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())?.[1]);
const fn = mode === 'raw' ? raw : storyfeed;
globalThis.gc?.();
await new Promise((r) => setTimeout(r, 50));
globalThis.gc?.();
const before = kb('VmRSS');
writeFileSync('/proc/self/clear_refs', '5');
const times = [];
let peakKb = Number.NaN;
let bytes = 0;
for (let i = 0; i < reps; i++) {
  const t = performance.now();
  const out = fn();
  times.push(performance.now() - t);
  if (i === 0) {
    peakKb = kb('VmHWM') - before;
    bytes = out.reduce((n, s) => n + Buffer.byteLength(s), 0);
  }
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ mode, n: stories.length, ms: times[times.length >> 1], peakKb, bytes }));
