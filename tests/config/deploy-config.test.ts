import { describe, expect, it } from 'vitest';
import { normalizePrefix, validateDeployConfig } from '../../src/config/deploy-config.js';
import { validateConfig } from '../../src/config/site-config.js';
import { StoryfeedError } from '../../src/errors.js';

const SITE = { siteUrl: 'https://news.example.com', title: 'News' };

function problemsOf(value: unknown): string[] {
  const problems: string[] = [];
  validateDeployConfig(value, (p, m) => problems.push(`${p}: ${m}`));
  return problems;
}

describe('the deploy section of the configuration', () => {
  it('accepts every setting and normalizes the prefix', () => {
    const config = validateConfig({
      ...SITE,
      deploy: {
        bucket: 'feeds.example',
        prefix: '/news//daily',
        region: 'auto',
        endpoint: 'https://acct.r2.cloudflarestorage.com',
        pathStyle: true,
        profile: 'publisher',
        publicUrl: 'https://cdn.example.com/news/',
        cacheControl: { feeds: 'public, max-age=60' },
        gzip: true,
        concurrency: 4,
        attempts: 3,
        timeoutMs: 60000,
      },
    });
    expect(config.deploy).toEqual({
      bucket: 'feeds.example',
      prefix: 'news/daily/',
      region: 'auto',
      endpoint: 'https://acct.r2.cloudflarestorage.com',
      pathStyle: true,
      profile: 'publisher',
      publicUrl: 'https://cdn.example.com/news/',
      cacheControl: { feeds: 'public, max-age=60' },
      gzip: true,
      concurrency: 4,
      attempts: 3,
      timeoutMs: 60000,
    });
  });

  it('refuses credentials in the file, naming the environment variables to use instead', () => {
    let error: unknown;
    try {
      validateConfig({ ...SITE, deploy: { bucket: 'feeds', accessKeyId: 'AKIA…', secretAccessKey: 'x' } }, 'storyfeed.config.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoryfeedError);
    expect((error as StoryfeedError).code).toBe('E_CONFIG');
    expect((error as StoryfeedError).problems).toHaveLength(2);
    expect((error as StoryfeedError).message).toContain('deploy.secretAccessKey: credentials are never read from the configuration');
    expect((error as StoryfeedError).message).toContain('AWS_SECRET_ACCESS_KEY');
  });

  it('reports every bad field at once, with its path', () => {
    expect(problemsOf({ bucket: 'a/b', prefix: '../up', endpoint: 'ftp://x', pathStyle: 'yes', concurrency: 0, cacheControl: { feeds: 'a\nb', pages: 'x' }, bukcet: 'x' })).toEqual(
      [
        'deploy.bucket: "a/b" is not a bucket name',
        'deploy.prefix: "../up" is not a safe key prefix',
        'deploy.endpoint: "ftp://x" is not an absolute http(s) URL',
        'deploy.pathStyle: must be true or false, found "yes"',
        'deploy.concurrency: must be a whole number from 1 to 64, found number 0',
        'deploy.cacheControl.feeds: must be one line (a header value cannot hold line breaks)',
        'deploy.cacheControl.pages: is not a kind of object',
        'deploy.bukcet: is not a deploy setting',
      ],
    );
    expect(problemsOf('feeds')).toEqual(['deploy: must be a mapping of settings, found "feeds"']);
  });

  it('normalizes prefixes to "" or "a/b/"', () => {
    expect(normalizePrefix('')).toBe('');
    expect(normalizePrefix('/')).toBe('');
    expect(normalizePrefix('feeds')).toBe('feeds/');
    expect(normalizePrefix('a/./b')).toBeUndefined();
  });
});
