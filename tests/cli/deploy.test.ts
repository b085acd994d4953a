import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
