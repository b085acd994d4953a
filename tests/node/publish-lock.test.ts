import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childScripts, envCount, makeTemp, prng, removeTemp, SEED, startChild, tally, type Child } from '../reliability/support.js';

/**
 * The publishing lock under any interleaving: every round SIGKILLs the process holding the lock,
 * then 6–12 processes race for it at once. Each holder logs `enter`/`exit` (the parent logs `died`
 * for the one it killed); the log must never show two holders. The assertions are on ordering only:
 * no sleeps, no timing. `npm run stress:lock` runs 1,000 rounds with a CPU-burning process per core.
 */

let dir: string;
beforeAll(async () => {
  dir = makeTemp('lock');
  await childScripts();
}, 120_000);
afterAll(() => removeTemp(dir));

/** The answer of a racer to command `round`: `won`, `held` or `lost WHO`. */
async function answer(racer: Child, round: number | string): Promise<string> {
  await racer.printed(`done ${round} `);
  const line = racer
    .stdout()
    .split('\n')
    .find((l) => l.startsWith(`done ${round} `))!;
  return line.slice(`done ${round} `.length);
}

/** Checks the log: one holder at a time, and only the holder leaves (or dies). Returns how many times the lock was held. */
function checkLog(lines: string[]): number {
  let holder: string | undefined;
  let holdings = 0;
  for (const [i, line] of lines.entries()) {
    const [event, pid] = line.split(' ');
    const context = lines.slice(Math.max(0, i - 4), i + 2).join(' | ');
    if (event === 'enter') {
      expect(holder, `${pid} entered while ${holder} held the lock: ${context}`).toBeUndefined();
      holder = pid;
      holdings++;
    } else {
      expect(pid, `${event} of a process that did not hold the lock: ${context}`).toBe(holder);
      holder = undefined;
    }
  }
  return holdings;
}

describe('publishing lock', () => {
  it('is never held by two processes, when 6-12 race for it right after its holder was SIGKILLed', async () => {
    const rounds = envCount('LOCK_ROUNDS', 15);
    const out = path.join(dir, 'race', 'public');
    mkdirSync(path.dirname(out), { recursive: true });
    const log = path.join(dir, 'race', 'lock.log');
    writeFileSync(log, '');
    const burners: ChildProcess[] = [];
    if (process.env.LOCK_BURN === '1') {
      for (let i = 0; i < availableParallelism(); i++) burners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    }
    const spawnRacer = async (): Promise<Child> => {
      const racer = await startChild('lock-racer', [out, log]);
      await racer.printed('ready');
      return racer;
    };
    const random = prng(SEED + 20);
    try {
      const racers = await Promise.all(Array.from({ length: 12 }, spawnRacer));
      // Replacements for killed holders start in the background and join the pool when ready.
      const starting = new Set<Promise<void>>();
      const replace = (): void => {
        const started: Promise<void> = spawnRacer().then((racer) => {
          racers.push(racer);
          starting.delete(started);
        });
        starting.add(started);
      };
      let holder = racers[0]!;
      holder.process.stdin!.write('hold h0\n');
      expect(await answer(holder, 'h0')).toBe('held');
      let wins = 0;
      let refusals = 0;
      let named = 0;
      for (let round = 1; round <= rounds; round++) {
        holder.process.kill('SIGKILL');
        await holder.exited;
        appendFileSync(log, `died ${holder.process.pid}\n`);
        racers.splice(racers.indexOf(holder), 1);
        replace();
        // 6 to 12 of them race for the lock its holder's death just freed.
        const count = 6 + Math.floor(random() * 7);
        while (racers.length < count) await Promise.race(starting);
        const start = Math.floor(random() * racers.length);
        const racing = Array.from({ length: count }, (_, i) => racers[(start + i) % racers.length]!);
        for (const racer of racing) racer.process.stdin!.write(`race ${round}\n`);
        const answers = await Promise.all(racing.map((racer) => answer(racer, round)));
        const won = answers.filter((a) => a === 'won').length;
        // Nobody held the lock when they started: the first attempt after the death must win.
        expect(won, `round ${round}: ${answers.join(', ')}`).toBeGreaterThan(0);
        wins += won;
        for (const a of answers.filter((x) => x.startsWith('lost'))) {
          refusals++;
          if (/^lost \d+$/.test(a)) named++;
        }
        // One of them takes the lock and keeps it, to be killed at the start of the next round.
        holder = racers[Math.floor(random() * racers.length)]!;
        holder.process.stdin!.write(`hold h${round}\n`);
        expect(await answer(holder, `h${round}`), `round ${round}: the lock was free, so hold must succeed`).toBe('held');
      }
      await Promise.all(starting);
      for (const racer of racers) racer.process.kill('SIGKILL');
      await Promise.all(racers.map((r) => r.exited));
      const holdings = checkLog(readFileSync(log, 'utf8').trim().split('\n'));
      expect(holdings).toBe(wins + rounds + 1);
      tally(
        'lock race rounds (holder SIGKILLed, 6-12 racers)',
        rounds,
        `${holdings} holdings, ${refusals} refusals with E_LOCKED (${named} naming the holder), no overlap${burners.length ? `, ${burners.length} CPU burners` : ''}`,
      );
    } finally {
      for (const burner of burners) burner.kill('SIGKILL');
    }
  }, 3_600_000);
});
