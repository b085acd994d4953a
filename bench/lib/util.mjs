// Small helpers shared by the benchmark scripts: running a command under /usr/bin/time, medians,
// formatting.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const fmtS = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s` : 'n/a');
export const fmtMiB = (kb) => (Number.isFinite(kb) ? (kb >= 1024 * 1024 ? `${(kb / 1024 / 1024).toFixed(2)} GiB` : `${Math.round(kb / 1024)} MiB`) : 'n/a');
export const fmtX = (r) => (Number.isFinite(r) ? `×${r.toFixed(2)}` : 'n/a');

export function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

/**
 * Runs `command args` under /usr/bin/time (peak RSS of the process tree's largest process, as
 * `%M` reports it), timing the wall clock here. Resolves with { ms, maxrssKb, code, timedOut, stderr }.
 */
export function timed(command, args, { cwd, env, timeoutMs } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-time-'));
  const out = path.join(dir, 'time');
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-o', out, '-f', '%M %U %S', command, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    let timedOut = false;
    const timer = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, timeoutMs)
      : undefined;
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let maxrssKb = Number.NaN;
      let cpuS = Number.NaN;
      if (existsSync(out)) {
        const last = readFileSync(out, 'utf8').trim().split('\n').pop() ?? '';
        const [rss, user, sys] = last.split(' ').map(Number);
        if (Number.isFinite(rss)) maxrssKb = rss;
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuS = user + sys;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ ms, maxrssKb, cpuS, code: timedOut ? -1 : code, timedOut, stderr });
    });
  });
}

/** Runs a node script and parses the last line of its stdout as JSON. */
export function nodeJson(script, args, { cwd, execArgv = [] } = {}) {
  const r = spawnSync(process.execPath, [...execArgv, script, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${path.basename(script)} ${args.join(' ')} failed:\n${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

export function log(...parts) {
  process.stderr.write(`${parts.join(' ')}\n`);
}
