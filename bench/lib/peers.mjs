// The peers (Hugo, Eleventy + RSS plugin) and the shared corpus, set up outside the repository.
// The peer folder's gen-corpus.mjs reads ../fixtures/seed.txt, so the folder is copied to
// WORK/peers and the bundled seed article is put at WORK/fixtures/seed.txt.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log, timed, which } from './util.mjs';

export function setupPeers({ source, work, repo }) {
  if (!existsSync(path.join(source, 'gen-corpus.mjs'))) throw new Error(`no peer benchmark folder at ${source} (pass --peers DIR)`);
  const peers = path.join(work, 'peers');
  // Copy the peer folder's own files (never its node_modules, results or corpora).
  mkdirSync(peers, { recursive: true });
  for (const name of readdirSync(source)) {
    if (['node_modules', 'results', 'out'].includes(name) || name.startsWith('corpus-')) continue;
    cpSync(path.join(source, name), path.join(peers, name), { recursive: true });
  }
  mkdirSync(path.join(work, 'fixtures'), { recursive: true });
  writeFileSync(path.join(work, 'fixtures', 'seed.txt'), readFileSync(path.join(repo, 'seeds', 'nato-north-korea-troops.txt')));
  if (!existsSync(path.join(peers, 'node_modules', '.bin', 'eleventy'))) {
    log('installing Eleventy for the peer benchmark (npm ci)…');
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: peers, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error('npm ci in the peer folder failed');
  }
  const hugo = which('hugo');
  if (!hugo) log('hugo is not installed (apt-get install -y hugo): Hugo ratios will be missing');
  return { peers, hugo: Boolean(hugo) };
}

/** Generates (once) the corpus of `n` articles; returns its absolute path. */
export function corpus(peers, n) {
  const dir = path.join(peers, `corpus-${n}`);
  const done = path.join(dir, '.complete');
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    log(`generating corpus of ${n} articles…`);
    const r = spawnSync(process.execPath, ['gen-corpus.mjs', String(n), `corpus-${n}`], { cwd: peers, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`gen-corpus ${n} failed`);
    writeFileSync(done, '');
  }
  return dir;
}

/**
 * One cold run of a peer over the corpus with every article in every feed, as run-peers.sh does it:
 * its output folder (and Hugo's resources) deleted first.
 */
export async function runPeer(tool, peers, corpusDir, { timeoutMs } = {}) {
  const dest = path.join(peers, 'out', `${tool}-${path.basename(corpusDir)}`);
  rmSync(dest, { recursive: true, force: true });
  rmSync(path.join(peers, 'hugo-site', 'resources'), { recursive: true, force: true });
  rmSync(path.join(peers, 'hugo-site', 'public'), { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  spawnSync('sync');
  const env = { FEED_LIMIT: '0' };
  const r =
    tool === 'hugo'
      ? await timed('hugo', ['--quiet', '--source', 'hugo-site', '--config', 'config.toml', '--contentDir', corpusDir, '--destination', dest], { cwd: peers, env, timeoutMs })
      : await timed(
          path.join(peers, 'node_modules', '.bin', 'eleventy'),
          ['--quiet', '--config=eleventy-site/eleventy.config.js', `--input=${path.relative(peers, corpusDir)}`, `--output=${path.relative(peers, dest)}`],
          { cwd: peers, env, timeoutMs },
        );
  rmSync(dest, { recursive: true, force: true });
  return r;
}
