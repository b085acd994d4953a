import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'storyfeed-cli-deploy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('storyfeed deploy (command line)', () => {
  it('--help documents the S3-compatible targets, credentials and the order', async () => {
    const run = await cli(['deploy', '--help'], { cwd: dir });
    expect(run.code).toBe(0);
    for (const target of ['AWS S3', 'Cloudflare R2', 'Backblaze B2', 'MinIO', 'Ceph RGW', 'OpenStack Swift']) expect(run.stdout).toContain(target);
    for (const flag of ['--bucket', '--prefix', '--region', '--endpoint', '--path-style', '--dry-run', '--json', '--cache-feeds', '--gzip']) expect(run.stdout).toContain(flag);
    expect(run.stdout).toContain('AWS_ACCESS_KEY_ID');
    expect(run.stdout).toContain('reader-safe order');
  });

  it('is listed in storyfeed --help', async () => {
    const run = await cli(['--help'], { cwd: dir });
    expect(run.stdout).toMatch(/deploy \[options\] \[dir\]/);
  });

  it('without a bucket is a usage error that says where to set one', async () => {
    const run = await cli(['deploy', dir], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('deploy needs a bucket');
    expect(run.stderr).toContain('[E_USAGE]');
  });

  it('reports every bad flag at once, by its flag name', async () => {
    const run = await cli(['deploy', dir, '--bucket', 'a/b', '--endpoint', 'nope', '--concurrency', '0', '--cache-feeds', ' '], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--bucket: "a/b" is not a bucket name');
    expect(run.stderr).toContain('--endpoint: "nope" is not an absolute http(s) URL');
    expect(run.stderr).toContain('--concurrency: must be a whole number from 1 to 64');
    expect(run.stderr).toContain('--cache-feeds: must be a Cache-Control header value');
  });

  it('refuses credentials in the configuration file', async () => {
    writeFileSync(path.join(dir, 'storyfeed.config.json'), JSON.stringify({ siteUrl: 'https://x.example', title: 'X', deploy: { bucket: 'feeds', secretAccessKey: 'x' } }));
    const run = await cli(['deploy'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('deploy.secretAccessKey: credentials are never read from the configuration');
  });
});

describe('storyfeed deploy without the optional S3 client', () => {
  it('says which package to install (E_DEPLOY_CLIENT) and exits: regression, the deploy deadline timer kept the process alive', () => {
    // dist/ beside a node_modules that has every dependency but @aws-sdk, as after `npm install storyfeed`.
    const root = path.resolve(import.meta.dirname, '../..');
    const app = mkdtempSync(path.join(tmpdir(), 'storyfeed-no-sdk-'));
    try {
      cpSync(path.join(root, 'dist'), path.join(app, 'dist'), { recursive: true });
      writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'storyfeed', type: 'module' }));
      mkdirSync(path.join(app, 'node_modules'));
      for (const name of readdirSync(path.join(root, 'node_modules'))) {
        if (name !== '@aws-sdk' && !name.startsWith('.')) symlinkSync(path.join(root, 'node_modules', name), path.join(app, 'node_modules', name));
      }
      mkdirSync(path.join(app, 'public'));
      writeFileSync(path.join(app, 'public', 'rss.xml'), '<rss/>');
      const run = spawnSync(process.execPath, [path.join(app, 'dist/cli.js'), 'deploy', 'public', '--bucket', 'feeds'], {
        cwd: app,
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
        timeout: 30_000,
      });
      expect(run.error).toBeUndefined();
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('[E_DEPLOY_CLIENT]');
      expect(run.stderr).toContain('npm install @aws-sdk/client-s3');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
});

describe('storyfeed deploy against a store that never answers', () => {
  it('gives up at the overall deadline with E_DEPLOY_NETWORK and writes nothing', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const requests: string[] = [];
    const silent = http.createServer((req) => requests.push(`${req.method} ${req.url}`));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const out = mkdtempSync(path.join(tmpdir(), 'storyfeed-silent-'));
    writeFileSync(path.join(out, 'rss.xml'), '<rss/>');
    try {
      const child = spawn(process.execPath, [path.join(root, 'dist/cli.js'), 'deploy', out, '--bucket', 'feeds', '--endpoint', endpoint, '--path-style', '--timeout', '1000'], {
        env: {
          PATH: process.env.PATH,
          HOME: out,
          AWS_ACCESS_KEY_ID: 'id',
          AWS_SECRET_ACCESS_KEY: 'secret',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('did not finish before its deadline');
      expect(stderr).toContain('[E_DEPLOY_NETWORK]');
      expect(requests.every((r) => r.startsWith('GET '))).toBe(true);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
      rmSync(out, { recursive: true, force: true });
    }
  });
});
