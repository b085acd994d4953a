/**
 * Child process of `npm run stress:hostile`: measures one adversarial class (or the plain article,
 * as `plain`) at the given sizes in a fresh process, so each class starts with a clean heap and its
 * peak memory is its own. Prints one `report {json}` line.
 *
 *   node stress-class.mjs NAME SIZES PLAIN_JSON BOUND
 */
import { ADVERSARIAL_CASES, measureClass, plainArticle, plainYardstick, runSeed } from '../stress/adversarial.js';

const [name = '', sizesArg = '', plainArg = '{}', boundArg = '2'] = process.argv.slice(2);
const sizes = sizesArg.split(',').map(Number);
const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

if (name === 'plain') {
  const plain = plainYardstick(sizes, 1_000_000, 3);
  const at = Object.fromEntries([...sizes, 1_000_000].map((n) => [n, plain(n)]));
  process.stdout.write(`report ${JSON.stringify({ plain: at, peakRssMb: peakRssMb() })}\n`);
} else {
  const known = JSON.parse(plainArg) as Record<string, number>;
  const plain = (bytes: number): number => Math.max(known['1000000']!, known[String(bytes)] ?? 0);
  const c = ADVERSARIAL_CASES.find((x) => x.name === name);
  if (!c) throw new Error(`no adversarial class named ${name}`);
  // Warm up as the plain measurement did: the first seed of a process pays for loading and compiling.
  runSeed('plain.txt', plainArticle(50_000));
  runSeed(c.file, c.make(10_000));
  const readings = measureClass(c, sizes, plain, Number(boundArg));
  process.stdout.write(`report ${JSON.stringify({ readings, peakRssMb: peakRssMb() })}\n`);
}
