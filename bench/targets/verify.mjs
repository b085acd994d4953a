// Target 4: verification (parse back + field-by-field compare) against rss-parser's parseString
// alone, on the same RSS and Atom text, alternately in one process; and against rendering the same
// format from the same document (issue 17: verifying must cost less than rendering).
//   node bench/targets/verify.mjs SNAPSHOT.json REPS
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSnapshot } from '../lib/storyfeed.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [file, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 5);
const { core, config, stories } = await readSnapshot(repo, file);
const Parser = createRequire(path.join(repo, 'package.json'))('rss-parser');
const doc = core.buildFeedDocument(stories, config);
const outputs = core.renderFeeds(doc);
const result = { n: doc.items.length };
for (const format of ['rss', 'atom']) {
  const parser = [];
  const verify = [];
  const render = [];
  for (let i = 0; i < reps; i++) {
    let t = performance.now();
    await new Parser().parseString(outputs[format]);
    parser.push(performance.now() - t);
    t = performance.now();
    const report = await core.verifyDocument({ [format]: outputs[format] }, doc);
    verify.push(performance.now() - t);
    if (!report.ok) throw new Error(`verification failed: ${JSON.stringify(report.problems.slice(0, 3))}`);
    t = performance.now();
    core.renderFormat(doc, format);
    render.push(performance.now() - t);
  }
  const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
  result[format] = { parserMs: med(parser), verifyMs: med(verify), renderMs: med(render), mb: Buffer.byteLength(outputs[format]) / 1e6 };
}
console.log(JSON.stringify(result));
