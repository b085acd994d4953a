import { type Dirent, existsSync, type FSWatcher, readdirSync, realpathSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { errorText, StoryfeedError, type Diagnostic } from '../errors.js';
import { buildSite } from '../node/build.js';
import { CONFIG_FILE_NAMES } from '../node/config-file.js';
import { displayPath, entriesRead } from '../node/seed-files.js';
import { checkOutputFolder } from '../node/out-folder.js';
import type { FeedFormat } from '../types.js';
import { keepHeapSmallFor } from './heap.js';
import { describeError, errorJson, EXIT, type BuildFlags, type CliIo } from './main.js';
import { resolveConfig } from './site.js';
import { oneLine } from './terminal.js';

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS 2.0', atom: 'Atom 1.0', json: 'JSON Feed 1.1' };

/** `storyfeed build`: seeds → verified feeds on disk, with a short summary; `--watch` rebuilds on changes. */
export async function runBuild(flags: BuildFlags, io: CliIo, warn: (d: Diagnostic) => void): Promise<number> {
  if (!flags.watch) return buildOnce(flags, io, warn);
  // A broken configuration does not end the watch: the error is shown and a fixed save rebuilds.
  const resolved = await resolveConfig(flags, io.cwd).catch((error: unknown) => {
    if (!(error instanceof StoryfeedError)) throw error;
    return undefined;
  });
  const dir = resolved?.dir ?? (flags.config ? path.dirname(path.resolve(io.cwd, flags.config)) : io.cwd);
  const seeds = flags.seeds ? path.resolve(io.cwd, flags.seeds) : path.resolve(dir, resolved?.config.seeds ?? 'seeds');
  const rebuild = async (): Promise<void> => {
    try {
      await buildOnce(flags, io, warn);
    } catch (error) {
      if (!(error instanceof StoryfeedError)) throw error;
      if (flags.json) io.out(errorJson(error));
      io.err(describeError(error));
    }
  };
  await rebuild();
  // With --json, stdout carries only each build's JSON object (or its error's): the notice is for the terminal.
  (flags.json ? io.err : io.out)(`Watching ${oneLine(displayPath(seeds, io.cwd))} and the configuration for changes (Ctrl-C to stop)…\n`);
  const configNames = new Set<string>(flags.config ? [path.basename(flags.config)] : [...CONFIG_FILE_NAMES, 'package.json']);
  const stop = watchPaths(
    [
      { path: seeds, recursive: true },
      { path: dir, recursive: false, names: configNames },
    ],
    rebuild,
    io.err,
  );
  // The serve command's module (and the HTTP server it brings) loads only for --watch.
  await (io.untilStopped ?? (await import('./serve.js')).untilSignal)();
  stop();
  return EXIT.ok;
}

/** A folder to watch; with `names`, only changes to those entries count. */
interface WatchedPath {
  path: string;
  recursive: boolean;
  names?: ReadonlySet<string>;
}

/** One folder watched by `watchPaths`, as last found on disk. */
interface WatchedFolder {
  folder: string;
  /** Device and inode: a folder deleted and made again is watched again. */
  id: string;
  /** Native recursion (macOS, Windows). */
  recursive: boolean;
  names?: ReadonlySet<string> | undefined;
}

/**
 * Where `fs.watch` follows a whole tree itself. Elsewhere (Linux) Node watches each file by inode, and
 * an editor's save (a new file renamed over the old one) leaves that watch on a file that is gone:
 * there each folder of the tree is watched instead, and folders report changes to their entries by name.
 */
const NATIVE_RECURSIVE = process.platform === 'darwin' || process.platform === 'win32';

/**
 * Runs `onChange` (never twice at once, at most once per burst of events) when anything watched
 * changes. Folders are watched, never files, and files are told apart by name: editors save by writing
 * a new file and renaming it over the old one, and a watch on the old file would see only the first
 * save. After each burst the watches are laid again from what is on disk: new subfolders are watched,
 * and a watched folder that is gone (moved away, deleted by a branch switch) is waited for through
 * its nearest existing parent, then watched again when it comes back.
 */
function watchPaths(paths: WatchedPath[], onChange: () => Promise<void>, report: (text: string) => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const armed = new Map<string, { watcher: FSWatcher; id: string }>();
  const unwatchable = new Set<string>();
  const trigger = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (closed) return;
      rearm();
      if (running) {
        again = true;
        return;
      }
      running = onChange().finally(() => {
        running = undefined;
        if (again) {
          again = false;
          trigger();
        }
      });
    }, 150);
  };
  const arm = (key: string, spec: WatchedFolder): void => {
    let watcher: FSWatcher;
    try {
      watcher = watch(spec.folder, { recursive: spec.recursive }, (_event, name) => {
        if (!spec.names || (name !== null && spec.names.has(path.basename(String(name))))) trigger();
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Gone since it was looked at: the next look finds what replaced it.
      if (code === 'ENOENT' || code === 'ENOTDIR') trigger();
      else if (!unwatchable.has(spec.folder)) {
        unwatchable.add(spec.folder);
        report(`warning: cannot watch ${oneLine(spec.folder)} (${oneLine(errorText(error))}): changes in it are not seen\n`);
      }
      return;
    }
    // A watch that fails (the folder deleted, on some systems) is laid again after the rebuild it causes.
    watcher.on('error', () => {
      watcher.close();
      if (armed.get(key)?.watcher === watcher) armed.delete(key);
      trigger();
    });
    armed.set(key, { watcher, id: spec.id });
  };
  const rearm = (): void => {
    const wanted = new Map<string, WatchedFolder>();
    paths.forEach((p, i) => {
      for (const [role, spec] of foldersToWatch(p)) wanted.set(`${i}\0${role}\0${spec.folder}`, spec);
    });
    for (const [key, entry] of armed) {
      if (wanted.get(key)?.id !== entry.id) {
        entry.watcher.close();
        armed.delete(key);
      }
    }
    for (const [key, spec] of wanted) if (!armed.has(key)) arm(key, spec);
  };
  rearm();
  return () => {
    closed = true;
    clearTimeout(timer);
    for (const { watcher } of armed.values()) watcher.close();
    armed.clear();
  };
}

/**
 * The folders that show changes to `p`: the nearest existing folder above it, for its next name on the
 * way (the folder itself going away or coming back), and, when it exists, the folder itself and, for a
 * recursive watch where the system has no recursion of its own, every folder below it that a build reads.
 */
function foldersToWatch(p: WatchedPath): Array<[role: string, spec: WatchedFolder]> {
  const found: Array<[string, WatchedFolder]> = [];
  const idOf = (folder: string): string | undefined => {
    try {
      const info = statSync(folder);
      return info.isDirectory() ? `${info.dev}:${info.ino}` : undefined;
    } catch {
      return undefined;
    }
  };
  const root = path.resolve(p.path);
  let below = root;
  let above = path.dirname(root);
  let aboveId = above === below ? undefined : idOf(above);
  while (aboveId === undefined && path.dirname(above) !== above) {
    below = above;
    above = path.dirname(above);
    aboveId = idOf(above);
  }
  if (aboveId !== undefined) found.push(['parent', { folder: above, id: aboveId, recursive: false, names: new Set([path.basename(below)]) }]);
  const rootId = idOf(root);
  if (rootId === undefined) return found;
  found.push(['self', { folder: root, id: rootId, recursive: p.recursive && NATIVE_RECURSIVE, names: p.names }]);
  if (!p.recursive || NATIVE_RECURSIVE) return found;
  // The folders a build walks (findSeedFiles, whose rules entriesRead gives); linked folders once.
  const visited = new Set<string>();
  const walk = (folder: string): void => {
    let entries: Dirent[];
    try {
      const real = realpathSync(folder);
      if (visited.has(real)) return;
      visited.add(real);
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // gone or unreadable: the build says so
    }
    const reads = entriesRead(entries.map((e) => e.name));
    for (const entry of entries) {
      if (!reads(entry.name) || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
      const sub = path.join(folder, entry.name);
      const id = idOf(sub);
      if (id === undefined) continue;
      found.push(['below', { folder: sub, id, recursive: false }]);
      walk(sub);
    }
  };
  walk(root);
  return found;
}

async function buildOnce(flags: BuildFlags, io: CliIo, warn: (d: Diagnostic) => void): Promise<number> {
  const { config, dir } = await resolveConfig(flags, io.cwd);
  const seeds = flags.seeds ? path.resolve(io.cwd, flags.seeds) : path.resolve(dir, config.seeds ?? 'seeds');
  const out = flags.out ? path.resolve(io.cwd, flags.out) : path.resolve(dir, config.out ?? 'public');
  if (flags.ping && !config.hub) throw new StoryfeedError('E_USAGE', '--ping needs a WebSub hub: set "hub" in the configuration');
  // A dry run says what the build would do, and the build would refuse an output folder that
  // overlaps the seeds, the project or the working directory: so does the dry run.
  if (flags.dryRun) await checkOutputFolder({ out, seeds, cwd: io.cwd, configDir: dir });
  const warnings: Diagnostic[] = [];
  const progress = io.isTTY && !flags.quiet && !flags.json && !io.env.CI ? progressLine(io) : undefined;
  const result = await buildSite({
    config,
    seeds,
    out,
    cwd: io.cwd,
    configDir: dir,
    write: !flags.dryRun,
    keepGoing: flags.keepGoing === true,
    // A dry run writes nothing: it uses a cache that is there, and makes none (a first --dry-run left a folder behind).
    cache: flags.cache !== false && !(flags.dryRun && !existsSync(path.join(io.cwd, '.storyfeed-cache'))),
    // The summary below counts the main feed's items; it reads no body.
    documentBodies: false,
    ...(io.env.SOURCE_DATE_EPOCH !== undefined ? { sourceDateEpoch: io.env.SOURCE_DATE_EPOCH } : {}),
    onWarning: (d) => {
      progress?.clear();
      warnings.push(d);
      warn(d);
    },
    onProgress: (done, total) => {
      if (done === 1) keepHeapSmallFor(total);
      progress?.update(done, total);
    },
  }).finally(() => progress?.clear());
  let pinged = 0;
  if (flags.ping && config.hub && !flags.dryRun) {
    const topics = result.feeds.filter((f) => f.entry.kind !== 'archive').flatMap((f) => Object.values(f.entry.document.selfUrls));
    pinged = (await (await import('../node/websub.js')).pingHub(config.hub, topics)).length;
  }
  for (const skipped of result.skipped) io.err(`skipped: ${oneLine(skipped.message)}\n`);
  const items = result.document.items.length;
  const main = result.feeds[0]!;
  const where = (file: string): string => displayPath(path.join(out, file), io.cwd);
  const shown = (file: string): string => oneLine(displayPath(file, io.cwd));
  if (flags.json) {
    io.out(
      `${JSON.stringify(
        {
          ok: true,
          seeds: displayPath(seeds, io.cwd),
          out: displayPath(out, io.cwd),
          written: result.written,
          stories: result.stories.length,
          items,
          feeds: result.feeds.map((f) => ({ kind: f.entry.kind, name: f.entry.name, items: f.entry.document.items.length, files: f.files })),
          files: Object.keys(result.contents)
            .filter((file) => !file.startsWith('.'))
            .map((file) => ({ file: where(file), bytes: result.sizes[file] })),
          skipped: result.skipped.map((e) => ({ code: e.code, file: e.file ?? null, line: e.line ?? null, message: e.detail })),
          warnings: warnings.map((w) => ({ code: w.code, file: w.file ?? null, line: w.line ?? null, message: w.message })),
          verification: { feeds: result.feeds.length, problems: result.report.problems.length },
          cache: result.cache ?? null,
        },
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  if (flags.quiet) return EXIT.ok;
  const action = flags.dryRun ? 'Built (dry run, nothing written)' : result.written ? 'Built' : 'Built (unchanged, nothing rewritten)';
  const lines = [`${action} ${plural(items, 'item')} from ${plural(result.stories.length, 'story', 'stories')} in ${shown(seeds)}${flags.dryRun ? '' : ` → ${shown(out)}`}`];
  for (const f of ['rss', 'atom', 'json'] as FeedFormat[]) {
    lines.push(`  ${oneLine(where(main.files[f])).padEnd(28)} ${FORMAT_NAMES[f].padEnd(14)} ${formatBytes(result.sizes[main.files[f]]!).padStart(9)}`);
  }
  const extra = result.feeds.length - 1;
  if (extra) {
    const kinds = (['archive', 'tag', 'author'] as const).map((k) => [k, result.feeds.filter((f) => f.entry.kind === k).length] as const).filter(([, n]) => n);
    lines.push(`  + ${plural(extra, 'more feed')} (${kinds.map(([k, n]) => `${n} ${k === 'archive' ? 'archive page' : k}${n === 1 ? '' : 's'}`).join(', ')}), each in 3 formats`);
  }
  const pages = Object.keys(result.contents).filter((f) => !f.startsWith('.') && !f.endsWith('.xml') && !f.endsWith('.json'));
  if (pages.length) lines.push(`  + ${pages.join(', ')}`);
  lines.push(
    `Verified: parsed ${result.feeds.length * 3} feed files back and compared every item field by field with the stories: ${plural(result.report.problems.length, 'problem')}.`,
  );
  if (pinged) lines.push(`Notified the WebSub hub ${oneLine(config.hub ?? '')} of ${plural(pinged, 'feed')}.`);
  if (warnings.length) lines.push(`${plural(warnings.length, 'warning')} (see above).`);
  io.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** A one-line `reading seeds 1234/10000` counter on a terminal, redrawn at most every 100 ms. */
function progressLine(io: CliIo): { update: (done: number, total: number) => void; clear: () => void } {
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      const now = performance.now();
      if (total < 200 || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      (io.control ?? io.err)(`\rreading seeds ${done}/${total}`);
    },
    clear() {
      if (shown) (io.control ?? io.err)('\r\x1b[K');
      shown = false;
    },
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
