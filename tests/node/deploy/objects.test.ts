import { describe, expect, it } from 'vitest';
import { newestArchiveFolder, objectFingerprint, objectHeaders, uploadStage } from '../../../src/node/deploy/objects.js';

describe('upload stages', () => {
  it.each([
    ['archive/3/rss.xml', 'archive'],
    ['images/logo.png', 'archive'],
    ['tags/nato/atom.xml', 'sections'],
    ['authors/jane-doe/feed.json', 'sections'],
    ['rss.xml', 'main'],
    ['atom.xml.gz', 'main'],
    ['feed.json', 'main'],
    ['index.html', 'site'],
    ['feed.xsl', 'site'],
  ])('%s is uploaded in the %s stage', (p, stage) => {
    expect(uploadStage(p)).toBe(stage);
  });
});

describe('feeds renamed in the config', () => {
  it('are main feeds, cached as feeds', () => {
    expect(uploadStage('news.xml')).toBe('archive');
    expect(uploadStage('news.xml', ['news.xml'])).toBe('main');
    expect(uploadStage('tags/nato/news.xml', ['news.xml'])).toBe('sections');
    expect(objectHeaders('news.xml', { feedNames: ['news.xml'] }).cacheControl).toBe('public, max-age=300');
    expect(objectHeaders('news.xml').cacheControl).toBe('public, max-age=3600');
  });
});

describe('object headers', () => {
  it('match serve, with precompressed copies typed as their original', () => {
    expect(objectHeaders('rss.xml')).toEqual({ contentType: 'application/rss+xml; charset=utf-8', cacheControl: 'public, max-age=300', compressOnUpload: false });
    expect(objectHeaders('rss.xml.gz')).toEqual({
      contentType: 'application/rss+xml; charset=utf-8',
      cacheControl: 'public, max-age=300',
      contentEncoding: 'gzip',
      compressOnUpload: false,
    });
    expect(objectHeaders('index.html', { gzip: true })).toEqual({
      contentType: 'text/html; charset=utf-8',
      cacheControl: 'public, max-age=3600',
      contentEncoding: 'gzip',
      compressOnUpload: true,
    });
    expect(objectHeaders('images/a.png', { gzip: true })).toEqual({ contentType: 'image/png', cacheControl: 'public, max-age=3600', compressOnUpload: false });
  });

  it('cache closed archive pages for long, and the newest page like a feed', () => {
    const newestArchive = newestArchiveFolder(['archive/1/rss.xml', 'archive/10/rss.xml', 'archive/9/atom.xml']);
    expect(newestArchive).toBe('archive/10/');
    expect(objectHeaders('archive/9/atom.xml', { newestArchive }).cacheControl).toBe('public, max-age=31536000, immutable');
    expect(objectHeaders('archive/10/atom.xml', { newestArchive }).cacheControl).toBe('public, max-age=300');
    expect(objectHeaders('archive/1/rss.xml', { newestArchive, cacheControl: { archive: 'public, max-age=86400' } }).cacheControl).toBe('public, max-age=86400');
  });

  it('fingerprints change with the content or any header', () => {
    const h = objectHeaders('rss.xml');
    const base = objectFingerprint('a'.repeat(64), h);
    expect(objectFingerprint('b'.repeat(64), h)).not.toBe(base);
    expect(objectFingerprint('a'.repeat(64), { ...h, cacheControl: 'no-cache' })).not.toBe(base);
    expect(objectFingerprint('a'.repeat(64), objectHeaders('rss.xml', { gzip: true }))).not.toBe(base);
    expect(objectFingerprint('a'.repeat(64), objectHeaders('rss.xml'))).toBe(base);
  });
});
