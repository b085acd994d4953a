/**
 * Child process for the kill tests: publishes known file sets to one output folder, in turn, with
 * the real `publishFiles`. Arguments: OUT SETS.json. Environment:
 * - ROUNDS: how many publishes (default: until killed); START: index of the first set;
 * - KILL_AT=step:n: SIGKILL itself at the n-th time `publishFiles` reports `step`;
 * - PAUSE_AT=step: print `paused` there and wait for a line on stdin;
 * - LOCK_LOG=file: append `enter PID` / `exit PID` when the lock is taken / about to be released;
 * - TRACE=1: print `step NAME` at every step, so the parent knows where a kill landed;
 * - LAZY=1: every file's contents behind a getter, in two parts (as a large feed kept on disk), so
 *   they are hashed while their temporary files are written.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isStoryfeedError } from '../../../src/errors.js';
import { publishFiles } from '../../../src/node/publish.js';

const [out, setsFile] = process.argv.slice(2) as [string, string];
const sets = JSON.parse(readFileSync(setsFile, 'utf8')) as Record<string, Record<string, string>>;
const order = Object.keys(sets);
const rounds = Number(process.env.ROUNDS ?? Number.POSITIVE_INFINITY);
const start = Number(process.env.START ?? 0);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const seen = new Map<string, number>();

const onStep = async (step: string): Promise<void> => {
  const n = (seen.get(step) ?? 0) + 1;
  seen.set(step, n);
  if (process.env.TRACE) process.stdout.write(`step ${step}\n`);
  if (process.env.LOCK_LOG && step === 'locked') appendFileSync(process.env.LOCK_LOG, `enter ${process.pid}\n`);
  if (process.env.LOCK_LOG && step === 'unlocking') appendFileSync(process.env.LOCK_LOG, `exit ${process.pid}\n`);
  if (process.env.KILL_AT === `${step}:${n}`) process.kill(process.pid, 'SIGKILL');
  if (process.env.PAUSE_AT === step) {
    process.stdout.write('paused\n');
    await lines.next();
  }
};

/** The files with each one's contents behind a getter, in two parts. */
function readWhenDue(files: Record<string, string>): Record<string, Uint8Array[]> {
  const out: Record<string, Uint8Array[]> = {};
  for (const [name, text] of Object.entries(files)) {
    const bytes = Buffer.from(text);
    Object.defineProperty(out, name, { enumerable: true, get: () => [bytes.subarray(0, bytes.length >> 1), bytes.subarray(bytes.length >> 1)] });
  }
  return out;
}

process.stdout.write('ready\n');
for (let i = start; i < start + rounds; i++) {
  const name = order[i % order.length]!;
  try {
    const result = await publishFiles(out, process.env.LAZY ? readWhenDue(sets[name]!) : sets[name]!, { onStep });
    process.stdout.write(`published ${name} ${result.changed ? 'changed' : 'unchanged'}\n`);
  } catch (error) {
    if (!isStoryfeedError(error) || error.code !== 'E_LOCKED') throw error;
    process.stdout.write(`locked: ${error.message}\n`);
  }
}
process.exit(0);
