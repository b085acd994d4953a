// Target 5: normalization (seed text → Story, entity extraction on) in one thread, articles per
// second; and the anchor, one general NLP pass with compromise (people, places, organisations)
// over the same articles' text. Also the CPU time per article (process.cpuUsage, which a shared
// machine disturbs less than the clock) with entity extraction off and on: the per-article
// budget of issue 17 (0.5 ms off, 1.2 ms on).
//   node bench/targets/normalize.mjs CORPUS_DIR COUNT
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE } from '../lib/storyfeed.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [dir, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 300);
const core = await import(new URL(`file://${path.join(repo, 'dist', 'story.js')}`).href);
const site = core.validateConfig(SITE);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort();
const warm = names.slice(0, 30);
const timedNames = names.slice(30, 30 + count);
const read = (name) => readFileSync(path.join(dir, name), 'utf8');
for (const name of warm) core.parseSeed(read(name), { file: name, site });
const texts = timedNames.map(read);
let t = performance.now();
const stories = texts.map((text, i) => core.parseSeed(text, { file: timedNames[i], site }));
const normalizeMs = (performance.now() - t) / texts.length;

/** CPU milliseconds per article of parseSeed over the timed articles with `config`, after a warm-up with it. */
const cpuPerArticle = (config) => {
  for (const name of warm) core.parseSeed(read(name), { file: name, site: config });
  const before = process.cpuUsage();
  for (let i = 0; i < texts.length; i++) core.parseSeed(texts[i], { file: timedNames[i], site: config });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / texts.length;
};
const siteOff = core.validateConfig({ ...SITE, entities: false });
// Alternated, so that a change in the machine's load affects both alike.
const firstOff = cpuPerArticle(siteOff);
const firstOn = cpuPerArticle(site);
const cpuMsOff = Math.min(firstOff, cpuPerArticle(siteOff));
const cpuMsOn = Math.min(firstOn, cpuPerArticle(site));

const nlp = createRequire(path.join(repo, 'package.json'))('compromise');
const plain = stories.map((s) => `${s.title}\n\n${s.contentText}`);
for (const text of plain.slice(0, 10)) nlp(text).people().out('array');
const sample = plain.slice(0, Math.min(plain.length, 100));
t = performance.now();
for (const text of sample) {
  const doc = nlp(text);
  doc.people().out('array');
  doc.places().out('array');
  doc.organizations().out('array');
}
const compromiseMs = (performance.now() - t) / sample.length;
console.log(JSON.stringify({ articles: texts.length, normalizeMs, perSecond: 1000 / normalizeMs, cpuMsOff, cpuMsOn, compromiseMs, compromiseSample: sample.length }));
