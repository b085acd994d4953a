#!/usr/bin/env node
// What installing storyfeed costs a user, measured from the packed tarball installed into an empty
// project (issue 16): bytes and packages added, the time to import each entry point next to
// `import('feed')` in the same run, and the minified browser bundle of buildFeeds + createFeedHandler.
//
//   npm run build && node bench/package-footprint.mjs [--runs N] [--json]
//
// The functions are exported for tests/package/*, which assert the same budgets.
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Sizes every file under `dir` (apparent bytes, symlinks not followed). */
function treeBytes(dir) {
  let bytes = 0;
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop();
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile()) bytes += statSync(full).size;
    }
  }
  return bytes;
}

/**
 * The packages in a node_modules folder, nested copies included, and its total size. `.bin` and
 * npm's own metadata count towards the bytes, as they do on a user's disk.
 */
export function installFootprint(nodeModules) {
  const packages = [];
  const stack = [nodeModules];
  while (stack.length) {
    const dir = stack.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.name.startsWith('@')) {
        stack.push(full);
        continue;
      }
      let manifest;
      try {
        manifest = JSON.parse(readFileSync(path.join(full, 'package.json'), 'utf8'));
      } catch {
        continue;
      }
      packages.push({ name: manifest.name, version: manifest.version, bytes: treeBytes(full) });
      try {
        if (statSync(path.join(full, 'node_modules')).isDirectory()) stack.push(path.join(full, 'node_modules'));
      } catch {
        // No nested dependencies.
      }
    }
  }
  packages.sort((a, b) => b.bytes - a.bytes);
  return { bytes: treeBytes(nodeModules), packages };
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Whether an import specifier names a Node built-in (`fs`, `node:fs`, `fs/promises`). */
export const isNodeBuiltin = (specifier) => NODE_BUILTINS.has(specifier) || specifier.startsWith('node:');

/**
 * Every module an ES module file loads, statically or with a literal `import()`, following relative
 * imports: the files reached and the bare specifiers (other packages and built-ins) they name.
 */
export function moduleGraph(entryFile) {
  const files = new Set();
  const bare = new Set();
  const pending = [path.resolve(entryFile)];
  const pattern = /(?:^|[\n;])\s*(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  while (pending.length) {
    const file = pending.pop();
    if (files.has(file)) continue;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1] ?? match[2];
      if (specifier.startsWith('.')) pending.push(path.resolve(path.dirname(file), specifier));
      else bare.add(specifier);
    }
  }
  return { files: [...files], bare: [...bare].sort() };
}

/** Packs the repository (its dist must be built) and installs the tarball into a new empty project. */
export function packAndInstall(work = mkdtempSync(path.join(tmpdir(), 'storyfeed-footprint-'))) {
  const env = { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', env }));
  const tarball = path.join(work, packed[0].filename);
  const project = path.join(work, 'project');
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  execFileSync('npm', ['install', '--no-save', '--prefer-offline', '--ignore-scripts', tarball], { cwd: project, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  return { work, tarball, project, tarballBytes: packed[0].size, unpackedBytes: packed[0].unpackedSize };
}

/**
 * Milliseconds one fresh Node process takes to `import()` a specifier, measured inside it. With
 * `warm`, a one-line local module is imported first, so the module loader's own start-up (the same
 * for any package) is not counted.
 */
function importMs(project, specifier, warm) {
  const code = `${warm ? "await import('./warm-loader.mjs'); " : ''}const c = process.cpuUsage(); const t = performance.now(); await import(${JSON.stringify(specifier)}); const w = performance.now() - t; const u = process.cpuUsage(c); console.log(w, (u.user + u.system) / 1000);`;
  const [wall, cpu] = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8' }).trim().split(' ').map(Number);
  return { wall, cpu };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Median import times (wall clock, and CPU time, which other load on the machine disturbs less) of
 * `feed` and each storyfeed entry, interleaved run by run so drift hits all alike.
 */
export function importTimes(project, runs = 9, warm = false) {
  writeFileSync(path.join(project, 'warm-loader.mjs'), 'export {};\n');
  const specifiers = ['feed', 'storyfeed', 'storyfeed/server', 'storyfeed/verify', 'storyfeed/story', 'storyfeed/node'];
  const samples = Object.fromEntries(specifiers.map((s) => [s, []]));
  for (const s of specifiers) importMs(project, s, warm); // warm the disk cache
  for (let i = 0; i < runs; i++) for (const s of specifiers) samples[s].push(importMs(project, s, warm));
  const pick = (key) => Object.fromEntries(specifiers.map((s) => [s, median(samples[s].map((x) => x[key]))]));
  return { wall: pick('wall'), cpu: pick('cpu') };
}

/** Bundles buildFeeds + createFeedHandler for browsers from an installed project; the minified size and the built-ins it would need. */
export async function browserBundle(project) {
  const { build } = await import('esbuild');
  const entry = path.join(project, 'browser-entry.mjs');
  writeFileSync(entry, "import { buildFeeds } from 'storyfeed';\nimport { createFeedHandler } from 'storyfeed/server';\nexport { buildFeeds, createFeedHandler };\n");
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: project,
  });
  const builtins = Object.values(result.metafile.inputs)
    .flatMap((input) => input.imports.map((i) => i.path))
    .filter(isNodeBuiltin);
  return { bytes: result.outputFiles[0].contents.byteLength, builtins: [...new Set(builtins)] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const runsAt = process.argv.indexOf('--runs');
  const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;
  const installed = packAndInstall();
  try {
    const { bytes, packages } = installFootprint(path.join(installed.project, 'node_modules'));
    const times = importTimes(installed.project, runs);
    const warmTimes = importTimes(installed.project, runs, true);
    const bundle = await browserBundle(installed.project);
    const rounded = (t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, +v.toFixed(1)]));
    const ratio = (t) => +(t.storyfeed / t.feed).toFixed(2);
    const report = {
      tarball: { bytes: installed.tarballBytes, unpackedBytes: installed.unpackedBytes },
      install: {
        bytes,
        mebibytes: +(bytes / 2 ** 20).toFixed(2),
        packages: packages.length,
        dependencies: packages.filter((p) => p.name !== 'storyfeed').length,
        largest: packages.slice(0, 12).map((p) => `${p.name}@${p.version} ${(p.bytes / 1024).toFixed(0)} KiB`),
      },
      importMs: rounded(times.wall),
      importCpuMs: rounded(times.cpu),
      importRatio: ratio(times.wall),
      importCpuRatio: ratio(times.cpu),
      warmLoaderImportMs: rounded(warmTimes.wall),
      warmLoaderImportCpuMs: rounded(warmTimes.cpu),
      warmLoaderImportRatio: ratio(warmTimes.wall),
      warmLoaderImportCpuRatio: ratio(warmTimes.cpu),
      browserBundle: { bytes: bundle.bytes, builtins: bundle.builtins },
      node: process.version,
      runs,
    };
    if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(`tarball ${installed.tarballBytes} B (${installed.unpackedBytes} B unpacked)`);
      console.log(`install: ${report.install.mebibytes} MiB in ${report.install.packages} packages (storyfeed + ${report.install.dependencies}); goal <= 8 MiB, <= 25`);
      for (const line of report.install.largest) console.log(`  ${line}`);
      const line = (t) =>
        Object.entries(t)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
      console.log(`import, median of ${runs} fresh processes, wall ms: ${line(report.importMs)}`);
      console.log(`                                          CPU ms: ${line(report.importCpuMs)}`);
      console.log(`import('storyfeed') / import('feed') = ${report.importRatio} wall, ${report.importCpuRatio} CPU (goal <= 2)`);
      console.log(`after the module loader has started, wall ms: ${line(report.warmLoaderImportMs)}`);
      console.log(`                                      CPU ms: ${line(report.warmLoaderImportCpuMs)}`);
      console.log(`import('storyfeed') / import('feed'), loader started = ${report.warmLoaderImportRatio} wall, ${report.warmLoaderImportCpuRatio} CPU`);
      console.log(
        `browser bundle of buildFeeds + createFeedHandler: ${bundle.bytes} B minified, Node built-ins: ${bundle.builtins.length ? bundle.builtins.join(', ') : 'none'} (goal <= 300 KB, none)`,
      );
    }
  } finally {
    rmSync(installed.work, { recursive: true, force: true });
  }
}
