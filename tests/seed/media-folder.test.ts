import { describe, expect, it } from 'vitest';
import { mediaFolderUrl, underMediaFolder } from '../../src/seed/media-folder.js';

const folderOf = (subpath: string, siteBase: string): string | undefined => {
  const folder = mediaFolderUrl(subpath, siteBase);
  return folder.ok ? folder.url.href : undefined;
};

describe("a Chirpy post's media folder (`media_subpath`)", () => {
  it("is a folder on the site's address, after its base path as Chirpy writes it after `baseurl`, or an http(s) URL", () => {
    expect(folderOf('/assets/img/posts/my-post', 'https://x.example/')).toBe('https://x.example/assets/img/posts/my-post/');
    expect(folderOf('/assets/img/posts/my-post/', 'https://x.example/blog/')).toBe('https://x.example/blog/assets/img/posts/my-post/');
    expect(folderOf('assets/img', 'https://x.example/blog/')).toBe('https://x.example/blog/assets/img/');
    expect(folderOf('https://cdn.example.com/posts/20180809', 'https://x.example/blog/')).toBe('https://cdn.example.com/posts/20180809/');
    expect(folderOf('//cdn.example.com/posts', 'https://x.example/')).toBe('https://cdn.example.com/posts/');
    expect(folderOf('javascript:alert(1)', 'https://x.example/')).toBeUndefined();
    expect(folderOf('https://user:pw@cdn.example.com/p', 'https://x.example/')).toBeUndefined();
  });

  it('holds the paths written for its images, relative or from the root; an address with a scheme or a host is left as it is', () => {
    const folder = 'https://x.example/assets/img/posts/my-post/';
    expect(underMediaFolder('photo.png', folder)).toBe(`${folder}photo.png`);
    expect(underMediaFolder('/mockup.png', folder)).toBe(`${folder}mockup.png`);
    expect(underMediaFolder('./shots/a b.png', folder)).toBe(`${folder}shots/a%20b.png`);
    expect(underMediaFolder('../shared/map.png', folder)).toBe('https://x.example/assets/img/posts/shared/map.png');
    for (const address of ['https://img.example.com/a.png', '//cdn.example.com/a.png', 'data:image/gif;base64,R0lGOD', '', '  '])
      expect(underMediaFolder(address, folder)).toBeUndefined();
  });
});
