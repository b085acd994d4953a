import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { readSeed } from '../../src/seed/index.js';
import { readJsonSeed } from '../../src/seed/json.js';
import { parseSeed } from '../../src/story/normalize.js';
import { costGrowth } from '../support/linear.js';
import { problemOf } from '../support/problems.js';

const site = { siteUrl: 'https://harbour.example', language: 'en', authors: [{ name: 'Desk' }] };
const story = (post: unknown, file = 'seeds/post.json', options: { timeZone?: string } = {}) => {
  const warnings: Diagnostic[] = [];
  const read = parseSeed(JSON.stringify(post), { site, file, analysis: false, onWarning: (d) => warnings.push(d), ...options });
  return { story: read, warnings };
};
/** The StoryfeedError a call throws (the helper the tests share). */
const fails = problemOf;

/** A post as `GET /wp-json/wp/v2/posts/318?_embed` gives it: what storyfeed reads, and much that it does not. */
const wordPressPost = (): Record<string, unknown> => ({
  id: 318,
  date: '2024-06-14T09:05:00',
  date_gmt: '2024-06-14T07:05:00',
  guid: { rendered: 'https://harbour.example/?p=318' },
  modified: '2024-06-15T11:40:00',
  modified_gmt: '2024-06-15T09:40:00',
  slug: 'ferry-timetable',
  status: 'publish',
  type: 'post',
  link: 'https://harbour.example/2024/06/14/ferry-timetable/',
  title: { rendered: 'The &#8220;summer&#8221; timetable &amp; what changes' },
  content: {
    rendered: '<p>From Monday the first ferry leaves at 6:10, twenty minutes earlier.</p>\n<p>The last crossing stays at 22:30.</p>\n',
    protected: false,
  },
  excerpt: { rendered: '<p>From Monday the first ferry leaves at 6:10 [&hellip;]</p>\n', protected: false },
  author: 7,
  featured_media: 321,
  comment_status: 'closed',
  ping_status: 'closed',
  sticky: false,
  template: '',
  format: 'standard',
  meta: { footnotes: '' },
  categories: [4],
  tags: [19, 23],
  class_list: ['post-318', 'post', 'type-post', 'status-publish', 'format-standard'],
  _links: { self: [{ href: 'https://harbour.example/wp-json/wp/v2/posts/318' }], author: [{ embeddable: true, href: 'https://harbour.example/wp-json/wp/v2/users/7' }] },
  _embedded: {
    author: [{ id: 7, name: 'Ana Ferreira', url: '', description: '', link: 'https://harbour.example/author/ana/', slug: 'ana' }],
    'wp:featuredmedia': [{ id: 321, source_url: 'https://harbour.example/wp-content/uploads/2024/06/ferry.jpg', media_type: 'image', mime_type: 'image/jpeg' }],
    'wp:term': [
      [{ id: 4, link: 'https://harbour.example/category/transport/', name: 'Transport', slug: 'transport', taxonomy: 'category' }],
      [
        { id: 19, name: 'Ferries', slug: 'ferries', taxonomy: 'post_tag' },
        { id: 23, name: 'Q&amp;A', slug: 'qa', taxonomy: 'post_tag' },
      ],
    ],
  },
});

describe('a WordPress REST API post as a JSON seed', () => {
  it('is read as the post: its text, times, authors, terms, featured image, address and guid, with no warning', () => {
    const { story: read, warnings } = story(wordPressPost());
    expect(read).toMatchObject({
      title: 'The “summer” timetable & what changes',
      summary: 'From Monday the first ferry leaves at 6:10 […]',
      authors: [{ name: 'Ana Ferreira', url: 'https://harbour.example/author/ana/' }],
      tags: ['Transport', 'Ferries', 'Q&A'],
      image: { url: 'https://harbour.example/wp-content/uploads/2024/06/ferry.jpg' },
      url: 'https://harbour.example/2024/06/14/ferry-timetable/',
      // The guid, which WordPress never changes and its own feed publishes; never the number 318.
      id: 'https://harbour.example/?p=318',
      slug: 'ferry-timetable',
      draft: false,
    });
    expect(read.published.toISOString()).toBe('2024-06-14T07:05:00.000Z');
    expect(read.updated.toISOString()).toBe('2024-06-15T09:40:00.000Z');
    expect(read.contentHtml).toContain('<p>The last crossing stays at 22:30.</p>');
    expect(warnings).toEqual([]);
  });

  it('without the GMT times reads date and modified as the local times they are, in the config time zone', () => {
    const post = { ...wordPressPost(), date_gmt: null, modified_gmt: null };
    expect(story(post, 'seeds/post.json', { timeZone: 'Europe/Lisbon' }).story.published.toISOString()).toBe('2024-06-14T08:05:00.000Z');
    const { story: read, warnings } = story(post);
    expect(read.published.toISOString()).toBe('2024-06-14T09:05:00.000Z');
    expect(warnings.map((w) => w.code)).toEqual(['W_DATE_NO_ZONE', 'W_DATE_NO_ZONE']);
  });

  it('without _embed, a guid or a status is the post still: the site’s authors, no tags, its id its address', () => {
    const post = wordPressPost();
    for (const key of ['_embedded', 'guid', 'status']) delete post[key];
    const { story: read, warnings } = story(post);
    expect(read).toMatchObject({ authors: [{ name: 'Desk' }], tags: [], id: 'https://harbour.example/2024/06/14/ferry-timetable/', draft: false });
    expect(read.image).toBeUndefined();
    expect(warnings).toEqual([]);
    // Without its link either, the story's address is made as any seed's is, from the file's name.
    delete post.link;
    expect(story(post, 'seeds/wp-318.json').story).toMatchObject({ url: 'https://harbour.example/ferry-timetable', id: 'https://harbour.example/ferry-timetable' });
  });

  it('is a draft when WordPress has not published it', () => {
    for (const status of ['draft', 'future', 'pending', 'private']) expect(readJsonSeed(JSON.stringify({ ...wordPressPost(), status })).meta.draft, status).toBe(true);
    expect(readJsonSeed(JSON.stringify(wordPressPost())).meta.draft).toBeUndefined();
  });

  it("leaves out one of the site's pages (About, Contact), which the REST API gives in a post's shape, with a warning naming why", () => {
    const page = { ...wordPressPost(), type: 'page', link: 'https://harbour.example/contact/', guid: { rendered: 'https://harbour.example/?page_id=2' } };
    const { story: read, warnings } = story(page, 'seeds/contact.json');
    expect(read.draft).toBe(true);
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'W_DRAFT',
        file: 'seeds/contact.json',
        message:
          '$.type is "page": one of the site\'s pages (an About or Contact page), not a post, and WordPress\'s feeds hold posts only: it is read as a draft and left out of the feeds',
      }),
    ]);
    // A post, or an entry of a site's own type (a product, an event), is published as before.
    for (const type of ['post', 'product']) expect(story({ ...wordPressPost(), type })).toMatchObject({ story: { draft: false }, warnings: [] });
  });

  it('leaves out a password-protected post, whose text the REST API gives whoever may edit it, with a warning naming why', () => {
    const locked = { ...wordPressPost(), content: { rendered: '<p>The door code is 4471.</p>', protected: true } };
    const protectedRead = story(locked, 'seeds/locked.json');
    expect(protectedRead.story.draft).toBe(true);
    expect(protectedRead.warnings.map((d) => [d.code, d.message])).toEqual([
      ['W_DRAFT', "$.content.protected is true: the post is password-protected, and WordPress's feeds never show its text: it is read as a draft and left out of the feeds"],
    ]);
  });

  it('reads a slug WordPress percent-encoded as the text it stands for', () => {
    const post = { ...wordPressPost(), slug: '%d0%bf%d0%b0%d1%80%d0%be%d0%bc', link: undefined };
    expect(readJsonSeed(JSON.stringify(post)).meta.slug).toBe('паром');
    expect(story(post).story.slug).toBe('parom');
    // Its address comes from the slug: that it is spelt in Latin letters there is named.
    expect(story(post).warnings.map((w) => w.code)).toContain('W_UNSAFE_SLUG');
  });

  it('names no slug cleaning when the post gives its address', () => {
    const post = { ...wordPressPost(), slug: '%d0%bf%d0%b0%d1%80%d0%be%d0%bc', link: 'https://harbour.example/2024/06/14/%d0%bf%d0%b0%d1%80%d0%be%d0%bc/' };
    const { story: read, warnings } = story(post);
    expect(read.url).toBe(post.link);
    expect(read.slug).toBe('parom');
    expect(warnings.map((w) => w.code)).not.toContain('W_UNSAFE_SLUG');
  });

  it('names the field as the post gives it when it is wrong', () => {
    expect(fails(() => readJsonSeed(JSON.stringify({ ...wordPressPost(), date_gmt: 'yesterday' }), { file: 'p.json' })).detail).toMatch(/^\$\.date_gmt: /);
    expect(fails(() => readJsonSeed(JSON.stringify({ ...wordPressPost(), title: { rendered: '' } }))).detail).toMatch(/^\$\.title\.rendered: required/);
    expect(fails(() => readJsonSeed(JSON.stringify({ ...wordPressPost(), content: undefined }))).detail).toMatch(/^\$\.content\.rendered: required/);
    // A password-protected post fetched without its password has no content.
    expect(fails(() => readJsonSeed(JSON.stringify({ ...wordPressPost(), content: { rendered: '', protected: true } }))).detail).toMatch(
      /^\$\.content\.rendered: holds no text \(WordPress gives a password-protected post's content only with its password\)/,
    );
    expect(fails(() => readJsonSeed(JSON.stringify({ ...wordPressPost(), content: { rendered: '<p> </p>' } }))).detail).toMatch(/^\$\.content\.rendered: the body is empty/);
    expect(fails(() => readJsonSeed(JSON.stringify({ ...wordPressPost(), link: 'javascript:alert(1)' }))).detail).toMatch(/^\$\.link: expected the post's address/);
  });

  it('gives way to a sidecar’s own fields, as another generator’s names do', () => {
    const sidecar = { url: '/news/ferry-timetable/', tags: ['Ferries'] };
    const read = readSeed(JSON.stringify(wordPressPost()), { file: 'post.json', sidecar });
    expect(read.meta).toMatchObject({ url: '/news/ferry-timetable/', tags: ['Ferries'], title: 'The “summer” timetable & what changes' });
  });

  it('leaves a seed of storyfeed’s own shape as it was: WordPress’s names mean nothing there', () => {
    const own = { title: 'Own', markdown: 'Text.', link: 'https://elsewhere.example/x', date_gmt: '2024-06-14T07:05:00', _embedded: wordPressPost()._embedded };
    expect(readJsonSeed(JSON.stringify(own)).meta).toEqual({ title: 'Own' });
  });
});

/** A post as Ghost's Content API gives it (`/ghost/api/content/posts/{id}/?include=tags,authors`), without the list Ghost answers with. */
const ghostPost = (): Record<string, unknown> => ({
  id: '665f1c2ab8e4a10001d3c9f0',
  uuid: '9d2e4c1a-7b3f-4e8a-b6d5-0f1e2a3b4c5d',
  title: 'Lighthouse keepers return for the season',
  slug: 'lighthouse-keepers-return',
  html: '<p>The two keepers of the north light moved back in on Saturday.</p><h2>A quieter winter</h2><p>Storms were fewer than last year.</p>',
  comment_id: '665f1c2ab8e4a10001d3c9f0',
  feature_image: 'https://harbour.example/content/images/2024/06/lighthouse.jpg',
  feature_image_alt: null,
  feature_image_caption: null,
  featured: false,
  status: 'published',
  visibility: 'public',
  created_at: '2024-06-01T08:12:00.000+00:00',
  updated_at: '2024-06-03T10:00:00.000+00:00',
  published_at: '2024-06-02T06:30:00.000+00:00',
  custom_excerpt: 'The keepers of the north light are back.',
  codeinjection_head: null,
  codeinjection_foot: null,
  custom_template: null,
  canonical_url: null,
  url: 'https://harbour.example/lighthouse-keepers-return/',
  excerpt: 'The keepers of the north light are back.',
  reading_time: 1,
  access: true,
  og_image: null,
  og_title: null,
  twitter_image: null,
  meta_title: null,
  meta_description: null,
  email_subject: null,
  tags: [
    { id: '665f0a', name: 'Coast', slug: 'coast', description: null, visibility: 'public', url: 'https://harbour.example/tag/coast/' },
    { id: '665f0b', name: '#newsletter', slug: 'hash-newsletter', description: null, visibility: 'internal', url: 'https://harbour.example/404/' },
  ],
  authors: [{ id: '1', name: 'Iris Moll', slug: 'iris', profile_image: null, bio: null, website: null, url: 'https://harbour.example/author/iris/' }],
  primary_author: { id: '1', name: 'Iris Moll', slug: 'iris', url: 'https://harbour.example/author/iris/' },
  primary_tag: { id: '665f0a', name: 'Coast', slug: 'coast' },
});

describe('a Ghost post as a JSON seed', () => {
  it('is read as the post: its HTML, own excerpt, times, authors, public tags, feature image and address, with no warning', () => {
    const { story: read, warnings } = story(ghostPost());
    expect(read).toMatchObject({
      title: 'Lighthouse keepers return for the season',
      summary: 'The keepers of the north light are back.',
      authors: [{ name: 'Iris Moll', url: 'https://harbour.example/author/iris/' }],
      // Ghost's internal tag (#newsletter) is for its own use: readers never see it.
      tags: ['Coast'],
      image: { url: 'https://harbour.example/content/images/2024/06/lighthouse.jpg' },
      url: 'https://harbour.example/lighthouse-keepers-return/',
      // Ghost's id is its database's: the story's id follows its URL.
      id: 'https://harbour.example/lighthouse-keepers-return/',
      slug: 'lighthouse-keepers-return',
      draft: false,
    });
    expect(read.sections.map((section) => section.heading)).toEqual([null, 'A quieter winter']);
    expect(read.published.toISOString()).toBe('2024-06-02T06:30:00.000Z');
    expect(read.updated.toISOString()).toBe('2024-06-03T10:00:00.000Z');
    expect(warnings).toEqual([]);
  });

  it('is read in the list of one post Ghost answers with, problems naming its place in it', () => {
    expect(story({ posts: [ghostPost()] }).story.url).toBe('https://harbour.example/lighthouse-keepers-return/');
    expect(fails(() => readJsonSeed(JSON.stringify({ posts: [{ ...ghostPost(), published_at: 'soon' }] }))).detail).toMatch(/^\$\.posts\[0\]\.published_at: /);
  });

  it('takes the canonical URL of a post first published elsewhere, the primary author without authors, and makes its own summary without a custom excerpt', () => {
    const post = { ...ghostPost(), canonical_url: 'https://original.example/keepers', authors: undefined, custom_excerpt: null };
    const read = story(post).story;
    expect(read).toMatchObject({ url: 'https://original.example/keepers', authors: [{ name: 'Iris Moll', url: 'https://harbour.example/author/iris/' }] });
    // Ghost's excerpt without a custom one is the text's first characters, cut anywhere: the summary is the story's lede.
    expect(read.summary).toBe('The two keepers of the north light moved back in on Saturday.');
  });

  it('publishes no staff email the Admin API gives with an author', () => {
    const authors = [{ id: '1', name: 'Iris Moll', slug: 'iris', email: 'iris@harbour.example', status: 'active', url: 'https://harbour.example/author/iris/' }];
    expect(story({ ...ghostPost(), authors }).story.authors).toEqual([{ name: 'Iris Moll', url: 'https://harbour.example/author/iris/' }]);
  });

  it('is a draft unless Ghost has published it', () => {
    for (const status of ['draft', 'scheduled', 'sent']) expect(readJsonSeed(JSON.stringify({ ...ghostPost(), status })).meta.draft, status).toBe(true);
    expect(readJsonSeed(JSON.stringify(ghostPost())).meta.draft).toBeUndefined();
  });

  it("leaves out one of the site's pages (About, Contact), which Ghost keeps as posts are, with a warning naming why", () => {
    for (const [field, value] of [
      ['type', 'page'],
      ['page', true],
      ['page', 1],
    ] as const) {
      const { story: read, warnings } = story({ ...ghostPost(), [field]: value }, 'seeds/about.json');
      expect(read.draft, `${field}: ${value}`).toBe(true);
      expect(warnings).toEqual([
        expect.objectContaining({
          code: 'W_DRAFT',
          file: 'seeds/about.json',
          message: expect.stringContaining(`$.${field} is ${JSON.stringify(value)}: one of the site's pages (an About or Contact page), not a post`),
        }),
      ]);
    }
    // In the list of one Ghost answers with, the warning names its place in it.
    const listed: Diagnostic[] = [];
    readJsonSeed(JSON.stringify({ posts: [{ ...ghostPost(), type: 'page' }] }), { file: 'p.json', onWarning: (d) => listed.push(d) });
    expect(listed.map((d) => d.message)).toEqual([expect.stringMatching(/^\$\.posts\[0\]\.type is "page": /)]);
    // A post is a post, as before.
    for (const post of [
      { ...ghostPost(), type: 'post' },
      { ...ghostPost(), page: false },
    ])
      expect(story(post)).toMatchObject({ story: { draft: false }, warnings: [] });
  });

  it("fills the site's address in a post from Ghost's export, where the post's own addresses start with __GHOST_URL__", () => {
    const exported = {
      ...ghostPost(),
      url: undefined,
      feature_image: '__GHOST_URL__/content/images/2024/06/lighthouse.jpg',
      html: '<p>See <a href="__GHOST_URL__/winter-storms/">the storms</a>.</p><figure class="kg-card kg-image-card"><img src="__GHOST_URL__/content/images/2024/06/lamp.jpg" class="kg-image" alt="The lamp" srcset="__GHOST_URL__/content/images/size/w600/2024/06/lamp.jpg 600w, __GHOST_URL__/content/images/2024/06/lamp.jpg 1200w"></figure>',
    };
    const read = story(exported).story;
    expect(read.image?.url).toBe('https://harbour.example/content/images/2024/06/lighthouse.jpg');
    expect(read.contentHtml).toContain('<a href="https://harbour.example/winter-storms/">the storms</a>');
    expect(read.contentHtml).toContain('src="https://harbour.example/content/images/2024/06/lamp.jpg"');
    expect(read.contentHtml).not.toContain('__GHOST_URL__');
    // A site in a folder of its host: Ghost's address is the site's, folder and all.
    const inFolder = parseSeed(JSON.stringify(exported), { site: { ...site, siteUrl: 'https://example.org/harbour/' }, file: 'seeds/post.json', analysis: false });
    expect(inFolder.image?.url).toBe('https://example.org/harbour/content/images/2024/06/lighthouse.jpg');
    expect(inFolder.url).toBe('https://example.org/harbour/lighthouse-keepers-return');
  });

  it("publishes what a post for members shows a visitor, as Ghost's feeds do, and leaves out one that shows none", () => {
    const html =
      '<p>The keepers moved back in.</p><!--kg-gated-block:begin nonMember:false memberSegment:"status:free,status:-free"--><p>Members: the open day is on the 14th.</p><!--kg-gated-block:end--><!--members-only--><p>The paid story of the winter.</p>';
    const paid = story({ ...ghostPost(), visibility: 'paid', html });
    expect(paid.story.contentHtml).toBe('<p>The keepers moved back in.</p>');
    expect(paid.warnings).toEqual([]);
    const { story: read, warnings } = story({ ...ghostPost(), visibility: 'members', html: '<p>For members.</p>' }, 'seeds/members.json');
    expect(read.draft).toBe(true);
    expect(warnings.map((d) => [d.code, d.message])).toEqual([
      [
        'W_DRAFT',
        '$.visibility is "members": for members only, with no public part before a paywall card, and Ghost\'s feeds show a visitor none of its text: it is read as a draft and left out of the feeds',
      ],
    ]);
    // A sidecar's `draft: false` does not publish it: its text is not public.
    const sidecarWarnings: Diagnostic[] = [];
    const forced = parseSeed(JSON.stringify({ ...ghostPost(), visibility: 'members', html: '<p>For members: the code is SECRET2.</p>' }), {
      site,
      file: 'seeds/members.json',
      sidecar: { draft: false },
      analysis: false,
      onWarning: (d) => sidecarWarnings.push(d),
    });
    expect(forced.draft).toBe(true);
    expect(sidecarWarnings.map((d) => d.message)).toContainEqual(expect.stringContaining("a sidecar's `draft: false` does not publish it"));
    // The Content API gives a visitor no text of such a post: the message says why there is none.
    expect(fails(() => readJsonSeed(JSON.stringify({ ...ghostPost(), visibility: 'paid', html: '' }))).detail).toMatch(/^\$\.html: holds no text: the post is for members only, /);
  });

  it("publishes a video card of Ghost's export with its thumbnail as the video's poster, not Ghost's transparent spacer", () => {
    const html =
      '<p>The lamp was lit again.</p><figure class="kg-card kg-video-card kg-width-regular" data-kg-thumbnail="__GHOST_URL__/content/media/2024/06/lamp_thumb.jpg" data-kg-custom-thumbnail=""><div class="kg-video-container"><video src="__GHOST_URL__/content/media/2024/06/lamp.mp4" poster="https://img.spacergif.org/v1/1280x720/0a/spacer.png" width="1280" height="720" playsinline preload="metadata" style="background: transparent url(\'__GHOST_URL__/content/media/2024/06/lamp_thumb.jpg\') 50% 50% / cover no-repeat;"></video></div></figure>';
    const read = story({ ...ghostPost(), html });
    expect(read.story.contentHtml).toContain(
      '<video src="https://harbour.example/content/media/2024/06/lamp.mp4" poster="https://harbour.example/content/media/2024/06/lamp_thumb.jpg" width="1280" height="720" controls></video>',
    );
    // The style drawing that thumbnail behind the player is left out, and loads nothing the poster does not: no warning.
    expect(read.warnings.map((d) => d.code)).not.toContain('W_UNSAFE_HTML');
    // A background of another image (a tracking pixel looks the same) still warns, on a video as anywhere else.
    const other = html.replace("url('__GHOST_URL__/content/media/2024/06/lamp_thumb.jpg')", 'url(https://tracker.example/p.gif)');
    expect(other).not.toBe(html);
    expect(story({ ...ghostPost(), html: other }).warnings.map((d) => d.code)).toContain('W_UNSAFE_HTML');
  });

  it('asks for the HTML of a post the Admin API gave in its editor format only', () => {
    const { html: _, ...rest } = ghostPost();
    const admin = { ...rest, lexical: '{"root":{"children":[]}}' };
    expect(fails(() => readJsonSeed(JSON.stringify({ posts: [admin] }), { file: 'g.json' })).detail).toBe(
      "$.posts[0].html: required: the post's HTML, which Ghost's Admin API gives only when asked for it (`?formats=html`)",
    );
    expect(fails(() => readJsonSeed(JSON.stringify({ ...ghostPost(), html: 5 }))).detail).toMatch(/^\$\.html: required: /);
  });
});

/** An article as DEV's API gives it by itself (`/api/articles/{id}`): `tag_list` names and commas, `tags` a list. */
const devArticle = (): Record<string, unknown> => ({
  type_of: 'article',
  id: 1902417,
  title: 'Parsing dates without a time zone',
  description: 'What a date with no offset means, and who decides.',
  readable_publish_date: 'Jun 10',
  slug: 'parsing-dates-without-a-time-zone-4f2m',
  path: '/rkova/parsing-dates-without-a-time-zone-4f2m',
  url: 'https://dev.to/rkova/parsing-dates-without-a-time-zone-4f2m',
  comments_count: 3,
  public_reactions_count: 27,
  collection_id: null,
  published_timestamp: '2024-06-10T14:00:00Z',
  positive_reactions_count: 27,
  cover_image: 'https://media2.dev.to/dynamic/image/width=1000/cover.png',
  social_image: 'https://media2.dev.to/dynamic/image/width=1000/social.png',
  canonical_url: 'https://dev.to/rkova/parsing-dates-without-a-time-zone-4f2m',
  created_at: '2024-06-09T21:13:00Z',
  edited_at: '2024-06-11T08:20:00Z',
  crossposted_at: null,
  published_at: '2024-06-10T14:00:00Z',
  last_comment_at: '2024-06-12T09:00:00Z',
  reading_time_minutes: 4,
  tag_list: 'javascript, datetime, webdev',
  tags: ['javascript', 'datetime', 'webdev'],
  body_html: '<p>A date like 2024-06-10 10:00 names no instant.</p>',
  body_markdown:
    '---\ntitle: Parsing dates without a time zone\npublished: true\ndescription: What a date with no offset means, and who decides.\ntags: javascript, datetime, webdev\n---\n\nA date like 2024-06-10 10:00 names no instant until someone picks a zone.\n\n## Who picks\n\nThe reader of the date does.\n\n{% embed https://github.com/tc39/proposal-temporal %}\n',
  user: {
    name: 'Rada Kova',
    username: 'rkova',
    twitter_username: null,
    github_username: 'rkova',
    website_url: 'https://rkova.example',
    profile_image: 'https://media2.dev.to/u.png',
  },
});

describe('a DEV (Forem) article as a JSON seed', () => {
  it('is read as the article: its Markdown without its front matter, description, times, user, tags, cover and address, with no warning', () => {
    const { story: read, warnings } = story(devArticle());
    expect(read).toMatchObject({
      title: 'Parsing dates without a time zone',
      summary: 'What a date with no offset means, and who decides.',
      authors: [{ name: 'Rada Kova', url: 'https://rkova.example/' }],
      tags: ['javascript', 'datetime', 'webdev'],
      image: { url: 'https://media2.dev.to/dynamic/image/width=1000/cover.png' },
      url: 'https://dev.to/rkova/parsing-dates-without-a-time-zone-4f2m',
      // DEV's number is not the story's id (nor named in a warning): the id follows the URL.
      id: 'https://dev.to/rkova/parsing-dates-without-a-time-zone-4f2m',
      draft: false,
    });
    expect(read.published.toISOString()).toBe('2024-06-10T14:00:00.000Z');
    expect(read.updated.toISOString()).toBe('2024-06-11T08:20:00.000Z');
    expect(read.contentText).not.toMatch(/published: true|title:/);
    expect(read.contentHtml).toContain('<h2>Who picks</h2>');
    // DEV's Liquid embed is a link to what it embeds.
    expect(read.contentHtml).toContain('href="https://github.com/tc39/proposal-temporal"');
    expect(warnings).toEqual([]);
  });

  it('reads an article as the list of one’s own gives it: tag_list a list, a draft unpublished, a canonical URL elsewhere', () => {
    const { tag_list: _, tags: __, ...rest } = devArticle();
    const mine = {
      ...rest,
      tag_list: ['javascript', 'datetime'],
      tags: 'javascript, datetime',
      published: false,
      published_at: null,
      canonical_url: 'https://rkova.example/blog/dates',
      user: { name: '', username: 'rkova' },
    };
    expect(readJsonSeed(JSON.stringify(mine)).meta).toMatchObject({
      tags: ['javascript', 'datetime'],
      draft: true,
      url: 'https://rkova.example/blog/dates',
      authors: [{ name: 'rkova' }],
    });
  });

  it('reads body_html without body_markdown, and asks for the text of an article a list gave without it', () => {
    const { body_markdown: _, ...html } = devArticle();
    expect(story(html).story.contentHtml).toBe('<p>A date like 2024-06-10 10:00 names no instant.</p>');
    const { body_html: __, ...listed } = html;
    expect(fails(() => readJsonSeed(JSON.stringify(listed), { file: 'd.json' })).detail).toMatch(
      /^\$\.body_markdown: required: the article's Markdown \(or `body_html`\), which DEV gives for an article fetched by itself/,
    );
  });
});

describe('a listing of posts', () => {
  it('is refused with a message saying a seed holds one story, and how to make seeds of it', () => {
    const refused = (json: unknown) => fails(() => readJsonSeed(JSON.stringify(json), { file: 'posts.json' }));
    const listing = [1, 2, 3].map((i) => ({ ...wordPressPost(), id: i, link: `https://harbour.example/${i}/` }));
    for (const json of [listing, { posts: [ghostPost(), ghostPost()], meta: { pagination: { page: 1, limit: 15, pages: 1, total: 2 } } }]) {
      const error = refused(json);
      expect(error.code).toBe('E_NOT_A_SEED');
      expect(error.detail).toMatch(
        /^the JSON holds a list of [23] stories, not one: a JSON seed holds one story; save each in a file of its own \(or fetch each post by itself, not through a listing\)$/,
      );
    }
    expect(refused([devArticle()]).detail).toMatch(/^the JSON holds a list of one story, not the story itself: a JSON seed is one story's object; take it out of the list/);
    // A list of other things is no story at all, as before.
    expect(refused([{ name: 'Ann' }]).detail).toMatch(/^the JSON holds an array, not a story: a JSON seed is an object with "title"/);
    expect(refused({ posts: [{ name: 'Ann' }] }).detail).toMatch(/^the JSON holds an object without "title" or a body, not a story/);
  });
});

describe("a CMS post's title with character references", () => {
  it('is read once: WordPress renders it as HTML, Ghost gives it as text (regression: `Use &#038;amp; in HTML` was "Use & in HTML")', () => {
    expect(story({ ...wordPressPost(), title: { rendered: 'Use &#038;amp; in HTML' } }).story.title).toBe('Use &amp; in HTML');
    expect(story({ ...ghostPost(), title: 'Escaping &amp; in XML' }).story.title).toBe('Escaping &amp; in XML');
  });
});

describe("a JSON Feed among the seeds (another site's, or one storyfeed wrote)", () => {
  it('is no story, skipped by a build, where it was a seed missing its body (regression: `$.body: a JSON seed needs its text`)', () => {
    const feed = (items: unknown[], version = 'https://jsonfeed.org/version/1.1') => ({ version, title: 'Harbour News', home_page_url: 'https://harbour.example/', items });
    const item = { id: 'https://harbour.example/1', url: 'https://harbour.example/1', title: 'Ferry', content_html: '<p>Hi.</p>' };
    for (const [json, count] of [
      [feed([item, item]), '2 items'],
      [feed([], 'https://jsonfeed.org/version/1'), '0 items'],
      [feed([item], 'http://jsonfeed.org/version/1'), '1 item,'],
    ] as const) {
      const error = fails(() => readJsonSeed(JSON.stringify(json), { file: 'feed.json' }));
      expect(error.code).toBe('E_NOT_A_SEED');
      expect(error.detail).toContain(`the JSON is a JSON Feed of ${count}`);
    }
    // A story whose own fields hold a version and items of its own is read as before.
    expect(readJsonSeed(JSON.stringify({ title: 'Versions', version: '2.0', items: [], body: 'Text.' })).title).toBe('Versions');
  });
});

describe("Ghost's export of a whole site", () => {
  const exported = () => {
    const post = (slug: string, extra: Record<string, unknown>): Record<string, unknown> => ({
      ...ghostPost(),
      slug,
      url: undefined,
      tags: undefined,
      authors: undefined,
      primary_author: undefined,
      ...extra,
    });
    return {
      meta: { exported_on: 1717400000000, version: '5.82.0' },
      data: {
        posts: [
          post('keepers', { type: 'post' }),
          post('storms', { type: 'post' }),
          post('next-season', { type: 'post', status: 'draft', published_at: null }),
          post('about', { type: 'page' }),
        ],
        tags: [{ id: '665f0a', name: 'Coast', slug: 'coast' }],
        posts_tags: [{ post_id: '665f1c2ab8e4a10001d3c9e8', tag_id: '665f0a' }],
        users: [{ id: '1', name: 'Iris Moll', slug: 'iris' }],
      },
    };
  };

  it('is refused naming what it holds and how to make seeds of its posts, with or without the db Ghost writes around it', () => {
    for (const [json, path] of [
      [{ db: [exported()] }, 'db[0].data.posts'],
      [exported(), 'data.posts'],
    ] as const) {
      const error = fails(() => readJsonSeed(JSON.stringify(json), { file: 'seeds/harbour.ghost.2024-06-03.json' }));
      expect([error.code, error.file]).toEqual(['E_NOT_A_SEED', 'seeds/harbour.ghost.2024-06-03.json']);
      expect(error.detail).toBe(
        `the JSON is Ghost's export of a whole site (Settings → Export), holding 3 posts (2 published) and 1 page, not one story: a JSON seed holds one post; save each published post of its ${path} in a file of its own, or fetch each from Ghost's Content API (/ghost/api/content/posts/{id}/?include=tags,authors), which gives its tags and authors with it`,
      );
    }
    // Ghost before 2.0 marked a page with `page: true`; an export of one post says so.
    const old = exported();
    old.data.posts = [
      { ...old.data.posts[0]!, type: undefined, page: false },
      { ...old.data.posts[3]!, type: undefined, page: true },
    ];
    expect(fails(() => readJsonSeed(JSON.stringify({ db: [old] }))).detail).toMatch(
      /^the JSON is Ghost's export of a whole site \(Settings → Export\), holding 1 post \(1 published\) and 1 page, not one story/,
    );
    // Other JSON with `meta` and `data` is no export of Ghost's.
    expect(fails(() => readJsonSeed(JSON.stringify({ meta: {}, data: { items: [] } }))).detail).toMatch(/^the JSON holds an object without "title" or a body, not a story/);
  });
});

describe('hostile posts', () => {
  it('reads a WordPress post whose terms fill many lists in linear time, and refuses more tags than a story may have', async () => {
    // Each of `n` taxonomies' lists holds one term, the names repeating: the post's tags are the names, each once.
    const terms = (n: number, names: number) => Array.from({ length: n }, (_, i) => [{ id: i, name: `Term ${i % names}`, taxonomy: 'post_tag' }]);
    const post = (n: number) => JSON.stringify({ ...wordPressPost(), _embedded: { 'wp:term': terms(n, 50) } });
    expect(readJsonSeed(post(100_000)).meta.tags).toHaveLength(50);
    // Tenfold the terms: a linear reading stays near ×1, a quadratic one (each name compared with those before) near ×10.
    expect(await costGrowth((n) => readJsonSeed(post(n)), 10_000, 100_000, 4)).toBeLessThan(4);
    const distinct = JSON.stringify({ ...wordPressPost(), _embedded: { 'wp:term': terms(100_000, 100_000) } });
    expect(fails(() => readJsonSeed(distinct, { file: 'p.json' })).detail).toMatch(/^\$\._embedded\["wp:term"\]: has 100000 tags; a story may have at most 200/);
  });

  it('reads a Ghost post of many internal tags in linear time: they are left out', async () => {
    const post = (n: number) => JSON.stringify({ ...ghostPost(), tags: Array.from({ length: n }, (_, i) => ({ name: `#internal-${i}`, visibility: 'internal' })) });
    expect(readJsonSeed(post(100_000)).meta.tags).toEqual([]);
    expect(await costGrowth((n) => readJsonSeed(post(n)), 10_000, 100_000, 4)).toBeLessThan(4);
  });
});

describe("JSON of storyfeed's shape, or data, is no API's post", () => {
  it('reads a seed with another body name as before: the field its text belongs in is named, its fields not dropped', () => {
    for (const body of ['html', 'body_html', 'body_markdown']) {
      const error = fails(() =>
        readJsonSeed(JSON.stringify({ title: 'My post', date: '2024-02-03T10:00:00Z', summary: 'Short', [body]: '<p>Text.</p>' }), { file: 'seeds/p.json' }),
      );
      expect([error.code, error.detail]).toEqual(['E_FIELD', expect.stringMatching(/^\$\.body: /)]);
    }
    const typed = fails(() => readJsonSeed(JSON.stringify({ title: 'My post', type_of: 'article', body_markdown: 'Text.' }), { file: 'seeds/p.json' }));
    expect(typed.code).toBe('E_FIELD');
  });

  it('skips a data file with an html field, as any JSON that names no story', () => {
    expect(fails(() => readJsonSeed(JSON.stringify({ name: 'footer', html: '<p>© 2024</p>' }), { file: 'seeds/footer.json' })).code).toBe('E_NOT_A_SEED');
  });
});
