/**
 * Child process for the kill tests: the real `buildSite` over two seed folders in turn, into one
 * output folder. Arguments: CWD OUT CONFIG.json SEEDS… Environment: ROUNDS (default: until killed);
 * REPORT=1 prints a JSON line with the time taken, peak memory and the result.
 */
import { readFileSync } from 'node:fs';
import { validateConfig } from '../../../src/config/site-config.js';
import { buildSite } from '../../../src/node/build.js';

const [cwd, out, configFile, ...seeds] = process.argv.slice(2) as [string, string, string, ...string[]];
const config = validateConfig(JSON.parse(readFileSync(configFile, 'utf8')));
const rounds = Number(process.env.ROUNDS ?? Number.POSITIVE_INFINITY);
process.stdout.write('ready\n');
for (let i = 0; i < rounds; i++) {
  const folder = seeds[i % seeds.length]!;
  const started = performance.now();
  const result = await buildSite({ config, cwd, seeds: folder, out, cache: false, sourceDateEpoch: '1700000000', keepGoing: true });
  process.stdout.write(`built ${folder} ${result.written ? 'written' : 'unchanged'}\n`);
  if (process.env.REPORT) {
    const report = {
      ms: Math.round(performance.now() - started),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      stories: result.stories.length,
      skipped: result.skipped.map((e) => e.message),
      items: result.document.items.length,
      bytes: Object.fromEntries(Object.entries(result.contents).map(([file, text]) => [file, Buffer.byteLength(text)])),
    };
    process.stdout.write(`report ${JSON.stringify(report)}\n`);
  }
}
process.exit(0);
