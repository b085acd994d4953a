/**
 * Builds the bundled seed plus every article fixture into a temporary site and serves it on
 * 127.0.0.1, recording every request the server answers.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConfig, type StoryfeedConfig } from '../../src/config/site-config.js';
import type { Diagnostic } from '../../src/errors.js';
import { buildSite, type BuildSiteResult } from '../../src/node/build.js';
import { serveFolder } from '../../src/node/serve.js';
import type { Story } from '../../src/types.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The bundled seeds. */
export const BUNDLED_SEEDS = path.join(ROOT, 'seeds');
/** The article fixtures. */
export const ARTICLE_FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'articles');
/** `SOURCE_DATE_EPOCH` for undated fixtures: 2024-10-27T03:33:20Z. */
export const SOURCE_DATE_EPOCH = '1730000000';

/** A request the test server answered. */
export interface ServedRequest {
  method: string;
  url: string;
  status: number;
  userAgent: string;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  acceptEncoding: string | undefined;
}

/** A built and served site. */
export interface ServedSite {
  /** Temporary folder holding `seeds/` and `public/`. */
  dir: string;
  config: StoryfeedConfig;
  result: BuildSiteResult;
  /** The published stories (no drafts). */
  stories: Story[];
  warnings: Diagnostic[];
  /** Names of the seed files copied (bundled seeds and fixtures). */
  seedFiles: string[];
  server: Server;
  /** `http://127.0.0.1:<port>` */
  base: string;
  port: number;
  requests: ServedRequest[];
  /** Stops the server and removes the folder. */
  close: () => Promise<void>;
}

/** Copies the bundled seeds and every fixture into one seeds folder, builds it, and serves the output. */
export async function buildAndServe(): Promise<ServedSite> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'storyfeed-integration-'));
  let server: Server | undefined;
  const close = async (): Promise<void> => {
    if (server?.listening) {
      const s = server;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const seeds = path.join(dir, 'seeds');
    await mkdir(seeds);
    const seedFiles: string[] = [];
    for (const from of [BUNDLED_SEEDS, ARTICLE_FIXTURES]) {
      for (const entry of await readdir(from, { withFileTypes: true })) {
        if (!entry.isFile()) continue;
        await cp(path.join(from, entry.name), path.join(seeds, entry.name), { errorOnExist: true, force: false });
        seedFiles.push(entry.name);
      }
    }
    const config = validateConfig(JSON.parse(await readFile(path.join(ROOT, 'storyfeed.config.json'), 'utf8')), 'storyfeed.config.json');
    const warnings: Diagnostic[] = [];
    const result = await buildSite({
      config,
      cwd: dir,
      seeds: 'seeds',
      out: 'public',
      sourceDateEpoch: SOURCE_DATE_EPOCH,
      onWarning: (d) => warnings.push(d),
    });

    const requests: ServedRequest[] = [];
    server = await serveFolder({ root: result.outDir, port: 0, host: '127.0.0.1' });
    server.on('request', (req, res) => {
      res.once('finish', () => {
        const header = (name: string): string | undefined => {
          const value = req.headers[name];
          return Array.isArray(value) ? value.join(', ') : value;
        };
        requests.push({
          method: req.method ?? '',
          url: req.url ?? '',
          status: res.statusCode,
          userAgent: header('user-agent') ?? '',
          ifNoneMatch: header('if-none-match'),
          ifModifiedSince: header('if-modified-since'),
          acceptEncoding: header('accept-encoding'),
        });
      });
    });
    const { port } = server.address() as AddressInfo;
    return {
      dir,
      config,
      result,
      stories: result.stories.filter((s) => !s.draft),
      warnings,
      seedFiles: seedFiles.sort(),
      server,
      base: `http://127.0.0.1:${port}`,
      port,
      requests,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
