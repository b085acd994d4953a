/**
 * Child process for the lock race: takes the publishing lock of one output folder on command.
 * Arguments: OUT LOG. Commands on stdin, one per line:
 * - `race N`: try to take the lock (up to TRIES times in a row); when taken, append `enter PID`,
 *   check the lock, append `exit PID` and release it; answer `done N won` or `done N lost WHO`;
 * - `hold N`: take the lock, append `enter PID`, answer `done N held` and keep it until killed.
 */
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isStoryfeedError } from '../../../src/errors.js';
import { acquirePublishLock, type PublishLock } from '../../../src/node/publish-lock.js';
import { publishPaths } from '../../../src/node/publish.js';

const [out, log] = process.argv.slice(2) as [string, string];
const state = publishPaths(out).state;
const tries = Number(process.env.TRIES ?? 5);
let kept: PublishLock | undefined;

async function attempt(): Promise<PublishLock | string> {
  try {
    return await acquirePublishLock(out, state);
  } catch (error) {
    if (!isStoryfeedError(error) || error.code !== 'E_LOCKED') throw error;
    return /process (\d+)/.exec(error.message)?.[1] ?? '?';
  }
}

process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, round] = line.split(' ');
  if (command === 'hold') {
    const lock = await attempt();
    if (typeof lock === 'string') {
      process.stdout.write(`done ${round} lost ${lock}\n`);
      continue;
    }
    appendFileSync(log, `enter ${process.pid}\n`);
    kept = lock;
    process.stdout.write(`done ${round} held\n`);
    continue;
  }
  let result = 'lost ?';
  for (let i = 0; i < tries; i++) {
    const lock = await attempt();
    if (typeof lock === 'string') {
      result = `lost ${lock}`;
      await new Promise((resolve) => setImmediate(resolve));
      continue;
    }
    appendFileSync(log, `enter ${process.pid}\n`);
    await lock.check();
    appendFileSync(log, `exit ${process.pid}\n`);
    await lock.release();
    result = 'won';
    break;
  }
  process.stdout.write(`done ${round} ${result}\n`);
}
void kept;
