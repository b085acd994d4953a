import fc from 'fast-check';
import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { htmlBlocks } from '../../src/story/html-text.js';
import { sanitizeHtmlFragment } from '../../src/story/sanitize.js';
import { costGrowth } from '../support/linear.js';

/**
 * Our sanitizer replaced sanitize-html (eleven packages with postcss) without changing published
 * HTML: its output is compared with sanitize-html under the settings storyfeed used, on known
 * attack vectors, on real article markup and on generated HTML. sanitize-html is a development
 * dependency for this comparison only.
 */
const BASE = 'https://news.example.com/world/story';

const reference = (html: string, baseUrl: string): string => {
  const absolute = (value: string | undefined): string | undefined => {
    if (value === undefined) return undefined;
    try {
      return new URL(value.trim(), baseUrl).href;
    } catch {
      return undefined;
    }
  };
  /** What an image loads: an http(s) file, never the story itself (an empty `src`); `mailto:` sanitize-html let through. */
  const loaded = (value: string | undefined): string | undefined => {
    const url = value?.trim() ? absolute(value) : undefined;
    return url?.startsWith('http:') || url?.startsWith('https:') ? url : undefined;
  };
  const resolve =
    (attr: 'href' | 'src') =>
    (tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
      const next = { ...attribs };
      const value = attr === 'src' ? loaded(next[attr]) : absolute(next[attr]);
      if (value === undefined) delete next[attr];
      else next[attr] = value;
      return { tagName, attribs: next };
    };
  return sanitizeHtml(html, {
    allowedTags: [
      ...sanitizeHtml.defaults.allowedTags,
      'img',
      'figure',
      'figcaption',
      'picture',
      'source',
      'h1',
      'h2',
      'del',
      'ins',
      'sup',
      'sub',
      'details',
      'summary',
      'mark',
      'time',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'hreflang'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      source: ['type', 'media'],
      ol: ['start', 'reversed'],
      td: ['colspan', 'rowspan', 'align'],
      th: ['colspan', 'rowspan', 'align', 'scope'],
      code: ['class'],
      time: ['datetime'],
      '*': ['lang', 'dir'],
    },
    allowedClasses: { code: [/^language-[\w-]+$/] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel', 'sms'],
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'title'],
    transformTags: { a: resolve('href'), img: resolve('src') },
    // A <source> is kept only in video and audio (tested below), which this configuration does not keep.
    exclusiveFilter: (frame) => (frame.tag === 'img' && !frame.attribs.src) || frame.tag === 'source',
  });
};

const CASES = [
  '<p style="color:red" onclick="x()">t</p><script>alert(1)</script><img src="/i.png" onerror="alert(1)"><a href="javascript:alert(1)">j</a><a href="../about">rel</a><img src="data:image/png;base64,AA">',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="//evil.example/x">p</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea><script>alert(1)</script></textarea>',
  '<template><script>alert(1)</script></template>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<scr<script>ipt>alert(1)</script>',
  '<ol reversed start="3"><li>a<li>b</ol>',
  '<table><tr><td align="" colspan="2">x<th scope=col>y</table>',
  '<img src="" alt="">',
  '<img alt="x">',
  '<img src="a.png" alt="">',
  '<pre><code class="language-js hljs x">let a = 1 &amp;&amp; 2;</code></pre>',
  '<code class="hljs">x</code>',
  '<p lang="uk" dir="rtl" title="t">Привіт &lt;b&gt; "q" &amp; \'s\'</p>',
  '<figure><picture><source type="image/webp" media="(min-width: 1px)"><img src="x.webp" width="10" height="5" title="T"></picture><figcaption>C</figcaption></figure>',
  '<p>a<p>b<div>c</span></div>',
  '<br><hr><wbr><col>',
  '<!-- c --><![CDATA[x]]><?pi x?>',
  '<a href="mailto:desk@news.example.com" hreflang="en">m</a>',
  '<a href="">empty</a>',
  '<a href="https://ok.example/&quot; onmouseover=&quot;alert(1)">x</a>',
  '<details open><summary>S</summary>D</details>',
  '<time datetime="2024-01-01">t</time>',
  '<p>unclosed <b>bold <i>both',
  '<x-custom a="1">text</x-custom>',
  '<option>&lt;script&gt;</option><p>after</p>',
  '<a href="http://[bad">x</a>',
];

describe('the HTML sanitizer', () => {
  it.each(CASES)('writes what sanitize-html wrote: %s', (html) => {
    expect(sanitizeHtmlFragment(html, BASE)).toBe(reference(html, BASE));
  });

  it('writes what sanitize-html wrote for generated HTML', () => {
    const tags = ['p', 'a', 'img', 'b', 'script', 'style', 'div', 'table', 'td', 'tr', 'ol', 'li', 'code', 'pre', 'noscript', 'svg', 'span', 'time', 'x'];
    const attrs = ['href', 'src', 'alt', 'class', 'onclick', 'style', 'title', 'lang', 'reversed', 'align', 'start', 'datetime', 'x y'];
    const values = ['', 'x', '/rel', 'https://ok.example/a?b=1&c=2', 'javascript:alert(1)', 'JAVA\tSCRIPT:x', 'language-ts', '"q" <t> &amp;', 'data:text/html,x', '//host/x'];
    const attribute = fc
      .tuple(fc.constantFrom(...attrs), fc.constantFrom(...values), fc.constantFrom('"', "'", ''))
      .map(([a, v, q]) => (q ? ` ${a}=${q}${v.replaceAll(q, '')}${q}` : ` ${a}=${v.replace(/[\s"'<>=`]/g, '') || 'v'}`));
    const open = fc.tuple(fc.constantFrom(...tags), fc.array(attribute, { maxLength: 3 })).map(([t, as]) => `<${t}${as.join('')}>`);
    const close = fc.constantFrom(...tags).map((t) => `</${t}>`);
    const text = fc.constantFrom('text', ' & ', '<', '>', '"', '&lt;', '&amp;', '&#106;', 'Привіт', '\n', '<!--c-->', '&nbsp;');
    const html = fc.array(fc.oneof(open, close, text), { maxLength: 25 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(html, (h) => sanitizeHtmlFragment(h, BASE) === reference(h, BASE)),
      { numRuns: 2000, seed: 16 },
    );
  });
});

describe('links', () => {
  it('keep a telephone or text-message address, as a mailto: one, which readers open with the phone or the mail program (regression: a tel: link lost its address, its text kept)', () => {
    expect(sanitizeHtmlFragment('<a href="tel:+1-555-0100">Call</a> <a href="SMS:+15550100?body=hi">Text</a>', BASE)).toBe(
      '<a href="tel:+1-555-0100">Call</a> <a href="sms:+15550100?body=hi">Text</a>',
    );
    // Addresses that run script or carry a document, or that readers open in no program of theirs, are still left out, their text kept.
    expect(sanitizeHtmlFragment('<a href="javascript:alert(1)">a</a><a href="data:text/html,x">b</a><a href="file:///etc/passwd">c</a>', BASE)).toBe('<a>a</a><a>b</a><a>c</a>');
  });
});

describe('content its author hid', () => {
  it('is left out with what it holds: the hidden attribute, display:none or visibility:hidden (regression: published visibly)', () => {
    expect(
      sanitizeHtmlFragment(
        '<p>Shown.</p><p hidden>Answer: 42</p><div style="display:none">seo <a href="/x">words</a><img src="/a.png"></div><span style="Visibility: hidden">x</span><p>After.</p>',
        BASE,
      ),
    ).toBe('<p>Shown.</p><p>After.</p>');
    // An implied end ends it too; what the page shows (hidden="until-found", aria-hidden, another display) stays.
    expect(sanitizeHtmlFragment('<ul><li hidden>gone<li>kept</ul>', BASE)).toBe('<ul><li>kept</li></ul>');
    expect(sanitizeHtmlFragment('<p hidden="until-found">a</p><span aria-hidden="true">¶</span><span style="display:block">b</span>', BASE)).toBe(
      '<p>a</p><span>¶</span><span>b</span>',
    );
  });

  it('stays linear on thousands of hidden elements, nested or not', async () => {
    expect(await costGrowth((n) => sanitizeHtmlFragment('<div hidden><p>x<b>y</b></p></div><p>z</p>'.repeat(n), BASE), 500, 5_000, 4)).toBeLessThan(4);
    expect(await costGrowth((n) => sanitizeHtmlFragment(`${'<div style="display:none">'.repeat(n)}x`, BASE), 500, 5_000, 4)).toBeLessThan(4);
  });
});

describe('images', () => {
  const placeholder = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';

  it.each(['data-src', 'data-lazy-src', 'data-original'])('takes a lazy-loaded image from %s when src holds a placeholder', (attribute) => {
    expect(sanitizeHtmlFragment(`<img ${attribute}="/img/lazy.jpg" src="${placeholder}" class="lazyload" alt="lazy">`, BASE)).toBe(
      '<img src="https://news.example.com/img/lazy.jpg" alt="lazy" />',
    );
  });

  it.each([
    ['no src', '<img alt="a" data-src="../i.jpg">'],
    ['an empty src', '<img src="" alt="a" data-src="../i.jpg">'],
    ['a src of white space', '<img src="  " alt="a" data-src="../i.jpg">'],
    ['a javascript: src', '<img src="javascript:alert(1)" alt="a" data-src="../i.jpg">'],
    ['a src that is no URL', '<img src="http://[x" alt="a" data-src="../i.jpg">'],
  ])('takes the lazy-loading address when the image has %s, resolved against the base', (_, html) => {
    const out = sanitizeHtmlFragment(html, BASE);
    expect(out).toContain('src="https://news.example.com/i.jpg"');
    expect(out).not.toContain('data-src');
  });

  it('takes the lazy-loading attributes over a src holding an http(s) placeholder (Jetpack, a3 Lazy Load)', () => {
    expect(sanitizeHtmlFragment('<img src="https://x.example/wp-content/plugins/lazy/1x1.trans.gif" data-lazy-src="/b.jpg">', BASE)).toBe(
      '<img src="https://news.example.com/b.jpg" />',
    );
    expect(sanitizeHtmlFragment('<img src="/a.jpg" loading="lazy">', BASE)).toBe('<img src="https://news.example.com/a.jpg" />');
  });

  it.each(['#', '?', '', 'https://news.example.com/world/story#x'])('reads a src of %j, the story itself, as none', (src) => {
    expect(sanitizeHtmlFragment(`<img src="${src}" alt="a">`, BASE)).toBe('');
    expect(sanitizeHtmlFragment(`<img src="${src}" data-src="/i.jpg">`, BASE)).toBe('<img src="https://news.example.com/i.jpg" />');
    expect(sanitizeHtmlFragment('<img src="./" alt="a">', 'https://news.example.com/posts/a/')).toBe('');
  });

  it('reads the lazy-loading attributes in a fixed order, passing over those without an http(s) address', () => {
    expect(sanitizeHtmlFragment('<img data-original="/c.jpg" data-lazy-src="/b.jpg" data-src="/a.jpg">', BASE)).toBe('<img src="https://news.example.com/a.jpg" />');
    expect(sanitizeHtmlFragment('<img data-original="/c.jpg" data-lazy-src="/b.jpg" data-src="data:image/png,x">', BASE)).toBe('<img src="https://news.example.com/b.jpg" />');
  });

  it('never writes a data: URL: an image whose every address is one is left out', () => {
    expect(sanitizeHtmlFragment(`<p>a<img src="${placeholder}" data-src="data:image/png;base64,AA" data-lazy-src="">b</p>`, BASE)).toBe('<p>ab</p>');
  });

  it('leaves out an image with an empty src (it would load the story) or a mailto: one', () => {
    expect(sanitizeHtmlFragment('<img src="" alt=""><img src="mailto:desk@news.example.com">', BASE)).toBe('');
  });

  it('takes the widest (or densest) file of srcset or data-srcset when no other attribute gives one', () => {
    expect(sanitizeHtmlFragment('<img srcset="/a.jpg 300w, /b.jpg 1200w, /c.jpg 600w" alt="x">', BASE)).toBe('<img src="https://news.example.com/b.jpg" alt="x" />');
    expect(sanitizeHtmlFragment(`<img src="${placeholder}" data-srcset="a.jpg 1x,b.jpg 2x" alt="x">`, BASE)).toBe('<img src="https://news.example.com/world/b.jpg" alt="x" />');
    expect(sanitizeHtmlFragment('<img srcset="/only.jpg" alt="x">', BASE)).toBe('<img src="https://news.example.com/only.jpg" alt="x" />');
    expect(sanitizeHtmlFragment('<img srcset="javascript:alert(1) 2x, /ok.jpg 1x">', BASE)).toBe('<img src="https://news.example.com/ok.jpg" />');
    // A src that gives the file wins; srcset itself is never written.
    expect(sanitizeHtmlFragment('<img src="/s.jpg" srcset="/a.jpg 1x, /b.jpg 2x">', BASE)).toBe('<img src="https://news.example.com/s.jpg" />');
    expect(sanitizeHtmlFragment('<img srcset="data:image/png,x 1x">', BASE)).toBe('');
  });

  it('reads a srcset in time linear in its length', async () => {
    expect(await costGrowth((n) => sanitizeHtmlFragment(`<img srcset="${'/a.jpg 1x, '.repeat(n)}">`, BASE), 2_000, 20_000, 4)).toBeLessThan(4);
    expect(await costGrowth((n) => sanitizeHtmlFragment(`<img srcset="${' '.repeat(n)}/a.jpg${','.repeat(n)}">`, BASE), 2_000, 20_000, 4)).toBeLessThan(4);
  });

  it('keeps a lazy-loaded image inside a link', () => {
    expect(sanitizeHtmlFragment(`<a href="/photo"><img data-src="/img/p.jpg" src="${placeholder}" alt="p"></a>`, BASE)).toBe(
      '<a href="https://news.example.com/photo"><img src="https://news.example.com/img/p.jpg" alt="p" /></a>',
    );
  });
});

describe('video and audio', () => {
  it('keeps a video with its file and poster made absolute, and controls', () => {
    expect(sanitizeHtmlFragment('<video src="/media/clip.mp4" poster="/media/poster.jpg" controls width="640" height="360"></video>', BASE)).toBe(
      '<video src="https://news.example.com/media/clip.mp4" poster="https://news.example.com/media/poster.jpg" width="640" height="360" controls></video>',
    );
  });

  it('keeps audio and its sources, each source written as the void element it is', () => {
    expect(sanitizeHtmlFragment('<audio controls><source src="/media/a.mp3" type="audio/mpeg"><source src="a.ogg" type="audio/ogg"></audio>', BASE)).toBe(
      '<audio controls><source src="https://news.example.com/media/a.mp3" type="audio/mpeg" /><source src="https://news.example.com/world/a.ogg" type="audio/ogg" /></audio>',
    );
  });

  it('gives every video and audio element controls, and drops what plays it by itself', () => {
    expect(sanitizeHtmlFragment('<video src="/v.mp4" autoplay muted loop playsinline preload="auto" onplay="x()"></video><audio src="/a.mp3" autoplay></audio>', BASE)).toBe(
      '<video src="https://news.example.com/v.mp4" controls></video><audio src="https://news.example.com/a.mp3" controls></audio>',
    );
  });

  it('keeps the fallback a video holds for readers that show none', () => {
    expect(sanitizeHtmlFragment('<video src="/v.mp4">Your reader shows no video: <a href="/v.mp4">download it</a>.</video>', BASE)).toBe(
      '<video src="https://news.example.com/v.mp4" controls>Your reader shows no video: <a href="https://news.example.com/v.mp4">download it</a>.</video>',
    );
  });

  it('takes a lazy-loaded video, its sources and poster from the lazy-loading attributes', () => {
    expect(
      sanitizeHtmlFragment(
        '<video class="lazy" data-poster="/p.jpg" poster="data:image/gif;base64,AA"><source data-src="/v.webm" type="video/webm"><source data-src="/v.mp4" type="video/mp4"></video>',
        BASE,
      ),
    ).toBe(
      '<video poster="https://news.example.com/p.jpg" controls><source src="https://news.example.com/v.webm" type="video/webm" /><source src="https://news.example.com/v.mp4" type="video/mp4" /></video>',
    );
  });

  it.each([
    ['no file at all', '<p>a<video poster="/p.jpg" controls></video>b</p>', '<p>ab</p>'],
    ['a data: file', '<p>a<audio src="data:audio/mpeg;base64,AA"></audio>b</p>', '<p>ab</p>'],
    ['sources without an http(s) file', '<video><source src="javascript:x"><source src="" type="video/mp4"><source type="video/mp4"></video>', ''],
    ['a source that is no child of it', '<video><p><source src="/v.mp4"></p></video>', ''],
  ])('leaves out a video or audio element with %s, and the fallback it holds', (_, html, expected) => {
    expect(sanitizeHtmlFragment(html, BASE)).toBe(expected);
    // The page shows a player, never its fallback: written alone, "your browser cannot play it" would be a false paragraph.
    const withFallback = html.replace('</video>', '<p>Fallback <a href="/v.mp4">v</a></p></video>').replace('</audio>', 'Fallback</audio>');
    expect(sanitizeHtmlFragment(withFallback, BASE)).toBe(expected);
  });

  it("counts a video's style drawing its own poster as nothing active, and every other style that loads a file as active", () => {
    const activeStyles = (html: string): number => {
      const report = { frames: [] as string[], unsafeUrls: 0, activeStyles: 0 };
      sanitizeHtmlFragment(html, BASE, undefined, undefined, report);
      return report.activeStyles;
    };
    const poster = '/media/thumb.jpg';
    expect(activeStyles(`<video src="/v.mp4" poster="${poster}" style="background: transparent url('${poster}') 50% 50% / cover no-repeat;"></video>`)).toBe(0);
    expect(activeStyles(`<video src="/v.mp4" poster="${poster}" style="background:URL(&quot;${poster}&quot;)"></video>`)).toBe(0);
    expect(activeStyles(`<video src="/v.mp4" poster="${poster}" style="background: url(${poster}) no-repeat"></video>`)).toBe(0);
    // What else the style loads or runs, another image, or the poster drawn on anything but the video.
    expect(activeStyles(`<video src="/v.mp4" poster="${poster}" style="background: url('${poster}'), url('/pixel.gif')"></video>`)).toBe(1);
    expect(activeStyles(`<video src="/v.mp4" poster="${poster}" style="background: url('${poster}'); width: expression(alert(1))"></video>`)).toBe(1);
    expect(activeStyles(`<video src="/v.mp4" poster="${poster}" style="background: url('/media/other.jpg')"></video>`)).toBe(1);
    expect(activeStyles(`<video src="/v.mp4" style="background: url('${poster}')"></video>`)).toBe(1);
    expect(activeStyles(`<div poster="${poster}" style="background: url('${poster}')"></div>`)).toBe(1);
  });

  it('leaves out the frames of a fallback from the report: they are no part of the article', () => {
    const report = { frames: [] as string[], unsafeUrls: 0, activeStyles: 0 };
    const html = '<video src="/v.mp4"><iframe src="https://p.example/v" title="Player"></iframe></video><video><iframe src="https://p.example/w" title="Other"></iframe></video>';
    expect(sanitizeHtmlFragment(html, BASE, undefined, undefined, report)).toBe(
      '<video src="https://news.example.com/v.mp4" controls><a href="https://p.example/v">Player</a></video>',
    );
    expect(report.frames).toEqual([]);
  });

  it.each([
    [
      'the end of the input',
      '<video src="/v.mp4" controls><source src="/v.webm" type="video/webm">\n<p>The ferry left at noon.</p><p>It was late.',
      '<video src="https://news.example.com/v.mp4" controls><source src="https://news.example.com/v.webm" type="video/webm" />\n</video><p>The ferry left at noon.</p><p>It was late.</p>',
    ],
    [
      'the end of an element around it',
      '<div><audio><source src="/a.mp3">Listen <b>now</b></div><p>After</p>',
      '<div><audio controls><source src="https://news.example.com/a.mp3" /></audio>Listen <b>now</b></div><p>After</p>',
    ],
    ['nothing after it', '<p>a<video src="/v.mp4"></p>', '<p>a<video src="https://news.example.com/v.mp4" controls></video></p>'],
    ['no file either', '<div><video poster="/p.jpg">The ferry left at noon.</div>', '<div>The ferry left at noon.</div>'],
    [
      'one inside another',
      '<video src="/v.mp4">a<audio src="/a.mp3">b</audio>c<p>d',
      '<video src="https://news.example.com/v.mp4" controls></video>a<audio src="https://news.example.com/a.mp3" controls>b</audio>c<p>d</p>',
    ],
  ])('ends a video or audio element without its end tag where it opens, what follows kept, when closed by %s', (_, html, expected) => {
    expect(sanitizeHtmlFragment(html, BASE)).toBe(expected);
  });

  it('writes a source only in the video or audio element it gives a file to', () => {
    expect(sanitizeHtmlFragment('<source src="/v.mp4"><div><source src="/v.mp4" type="video/mp4"></div>', BASE)).toBe('<div></div>');
    // In <picture> a source needs srcset, which is not kept (its relative URLs would reach readers): the image stands alone.
    expect(sanitizeHtmlFragment('<picture><source srcset="/a.webp 1x, /a@2x.webp 2x" type="image/webp"><img src="/a.jpg" alt="A"></picture>', BASE)).toBe(
      '<picture><img src="https://news.example.com/a.jpg" alt="A" /></picture>',
    );
  });

  it('decides each nested element by its own files, the fallback of one left out going with it', () => {
    expect(sanitizeHtmlFragment('<video src="/v.mp4"><audio><source src="/a.mp3"></audio><video></video></video>', BASE)).toBe(
      '<video src="https://news.example.com/v.mp4" controls><audio controls><source src="https://news.example.com/a.mp3" /></audio></video>',
    );
    expect(sanitizeHtmlFragment('<video><audio><source src="/a.mp3"></audio></video><video src="/v.mp4"><video></video></video>', BASE)).toBe(
      '<video src="https://news.example.com/v.mp4" controls></video>',
    );
  });

  it("takes the poster of a video in Ghost's video card from the card's thumbnail, where the video's own is a transparent spacer", () => {
    // As Ghost writes the card (its player's buttons and time left out here): the thumbnail on the figure, a spacer as the poster.
    const card = (custom: string, thumbnail: string, video: string) =>
      `<figure class="kg-card kg-video-card kg-width-regular" data-kg-thumbnail="${thumbnail}" data-kg-custom-thumbnail="${custom}"><div class="kg-video-container">${video}</div><figcaption>Low tide</figcaption></figure>`;
    const spacer = '<video src="/media/tide.mp4" poster="https://img.spacergif.org/v1/1280x720/0a/spacer.png" width="1280" height="720" playsinline preload="metadata"></video>';
    expect(sanitizeHtmlFragment(card('', '/media/tide_thumb.jpg', spacer), BASE)).toBe(
      '<figure><div><video src="https://news.example.com/media/tide.mp4" poster="https://news.example.com/media/tide_thumb.jpg" width="1280" height="720" controls></video></div><figcaption>Low tide</figcaption></figure>',
    );
    // The thumbnail its author chose comes before the frame Ghost took; a video with no poster of its own is given one.
    expect(sanitizeHtmlFragment(card('/media/chosen.jpg', '/media/tide_thumb.jpg', '<video src="/media/tide.mp4"></video>'), BASE)).toContain(
      '<video src="https://news.example.com/media/tide.mp4" poster="https://news.example.com/media/chosen.jpg" controls></video>',
    );
    // A thumbnail that is no http(s) image leaves the video's own poster, as does a figure with none, or a video outside it.
    expect(sanitizeHtmlFragment(card('', 'javascript:alert(1)', spacer), BASE)).toContain('poster="https://img.spacergif.org/v1/1280x720/0a/spacer.png"');
    const after = `${card('', '/t.jpg', '')}<figure><video src="/v.mp4" poster="/p.jpg"></video></figure><video src="/w.mp4" poster="/q.jpg"></video>`;
    expect(sanitizeHtmlFragment(after, BASE)).toContain(
      '<figure><video src="https://news.example.com/v.mp4" poster="https://news.example.com/p.jpg" controls></video></figure><video src="https://news.example.com/w.mp4" poster="https://news.example.com/q.jpg" controls></video>',
    );
    // Where the video is left out (no file to play), the thumbnail goes with it.
    expect(sanitizeHtmlFragment(card('', '/t.jpg', '<video poster="/p.jpg"></video>'), BASE)).toBe('<figure><div></div><figcaption>Low tide</figcaption></figure>');
    // A card holds one video: the thumbnail is its first video's, any other keeps its own poster (or none).
    expect(sanitizeHtmlFragment(card('', '/t.jpg', '<video src="/a.mp4"></video><video src="/b.mp4" poster="/b.jpg"></video><video src="/c.mp4"></video>'), BASE)).toContain(
      '<video src="https://news.example.com/a.mp4" poster="https://news.example.com/t.jpg" controls></video><video src="https://news.example.com/b.mp4" poster="https://news.example.com/b.jpg" controls></video><video src="https://news.example.com/c.mp4" controls></video>',
    );
  });

  it('stays linear on thousands of video elements, with or without a file, nested or not', async () => {
    const shapes = [
      (n: number) => '<video>fallback text</video>'.repeat(n),
      (n: number) => '<video><source src="/v.mp4">x</video>'.repeat(n),
      (n: number) => `${'<video>x'.repeat(n)}${'<audio src="/a.mp3">y'.repeat(n)}`,
      (n: number) => '<div><video src="/v.mp4"><source src="/v.webm">x<p>y</div>'.repeat(n),
      (n: number) => `${'<video src="/v.mp4">x<audio>y'.repeat(n)}${'</audio></video>'.repeat(n)}`,
      (n: number) => `${'<video>x<audio src="/a.mp3">y'.repeat(n)}${'</audio></video>'.repeat(n)}`,
      (n: number) => `<figure data-kg-thumbnail="/t.jpg">${'<div>'.repeat(200)}${'<video src="/v.mp4"></video>'.repeat(n)}</figure>`,
      // A long thumbnail shared by many styled videos is read once, not once a video.
      (n: number) => `<figure data-kg-thumbnail="https://x.example/${'a'.repeat(n)}">${'<video style="background: url(/t.jpg)"></video>'.repeat(n / 10)}</figure>`,
      (n: number) => `<figure data-kg-thumbnail="https://x.example/${'a'.repeat(n)}">${'<video style="color: red"></video>'.repeat(n / 10)}</figure>`,
    ];
    const report = () => ({ frames: [] as string[], unsafeUrls: 0, activeStyles: 0 });
    for (const shape of shapes) expect(await costGrowth((n) => sanitizeHtmlFragment(shape(n), BASE, undefined, undefined, report()), 2_000, 20_000, 4)).toBeLessThanOrEqual(4);
  });
});

/** Ghost's video card as its editor writes it (Koenig's renderer; the icons' paths shortened): the player's controls are markup beside the video. */
const GHOST_VIDEO_CARD =
  '<figure class="kg-card kg-video-card kg-width-regular kg-card-hascaption" data-kg-thumbnail="/media/tide_thumb.jpg" data-kg-custom-thumbnail=""><div class="kg-video-container">' +
  '<video src="/media/tide.mp4" poster="https://img.spacergif.org/v1/1280x720/0a/spacer.png" width="1280" height="720" playsinline preload="metadata"></video>' +
  '<div class="kg-video-overlay"><button class="kg-video-large-play-icon" aria-label="Play video"><svg viewBox="0 0 24 24"><path d="M23.14 10.608Z"/></svg></button></div>' +
  '<div class="kg-video-player-container"><div class="kg-video-player">' +
  '<button class="kg-video-play-icon" aria-label="Play video"><svg viewBox="0 0 24 24"><path d="M23.14 10.608Z"></path></svg></button>' +
  '<button class="kg-video-pause-icon kg-video-hide" aria-label="Pause video"><svg viewBox="0 0 24 24"><rect x="3" y="1" width="7" height="22"></rect></svg></button>' +
  '<span class="kg-video-current-time">0:00</span><div class="kg-video-time">/<span class="kg-video-duration">0:42</span></div>' +
  '<input type="range" class="kg-video-seek-slider" max="100" value="0">' +
  '<button class="kg-video-playback-rate" aria-label="Adjust playback speed">1&#215;</button>' +
  '<button class="kg-video-unmute-icon" aria-label="Unmute"><svg viewBox="0 0 24 24"><path d="M15.189Z"></path></svg></button>' +
  '<button class="kg-video-mute-icon kg-video-hide" aria-label="Mute"><svg viewBox="0 0 24 24"><path d="M16.177Z"></path></svg></button>' +
  '<input type="range" class="kg-video-volume-slider" max="100" value="100"/>' +
  '</div></div></div><figcaption><span style="white-space: pre-wrap;">Low tide</span></figcaption></figure>';

/** Ghost's audio card as its editor writes it: the file's title, then its player's controls. */
const GHOST_AUDIO_CARD =
  '<div class="kg-card kg-audio-card"><img src="/media/cover.jpg" alt="audio-thumbnail" class="kg-audio-thumbnail">' +
  '<div class="kg-audio-thumbnail placeholder kg-audio-hide"><svg width="24" height="24" fill="none"><path d="M7.5 15.33Z"></path></svg></div>' +
  '<div class="kg-audio-player-container"><audio src="/media/interview.mp3" preload="metadata"></audio><div class="kg-audio-title">Interview with the mayor</div>' +
  '<div class="kg-audio-player"><button class="kg-audio-play-icon"><svg viewBox="0 0 24 24"><path d="M23.14Z"></path></svg></button>' +
  '<button class="kg-audio-pause-icon kg-audio-hide"><svg viewBox="0 0 24 24"><rect x="3" y="1"></rect></svg></button>' +
  '<span class="kg-audio-current-time">0:00</span><div class="kg-audio-time">/<span class="kg-audio-duration">1:05</span></div>' +
  '<input type="range" class="kg-audio-seek-slider" max="100" value="0"><button class="kg-audio-playback-rate">1&#215;</button>' +
  '<button class="kg-audio-unmute-icon"><svg viewBox="0 0 24 24"><path d="M15.189Z"></path></svg></button>' +
  '<button class="kg-audio-mute-icon kg-audio-hide"><svg viewBox="0 0 24 24"><path d="M16.177Z"></path></svg></button>' +
  '<input type="range" class="kg-audio-volume-slider" max="100" value="100"></div></div></div>';

describe('buttons and other controls', () => {
  it("leaves out the controls of Ghost's video card, its times and playback rate: the video and its caption stay", () => {
    expect(sanitizeHtmlFragment(GHOST_VIDEO_CARD, BASE)).toBe(
      '<figure><div><video src="https://news.example.com/media/tide.mp4" poster="https://news.example.com/media/tide_thumb.jpg" width="1280" height="720" controls></video>' +
        '<div></div><div><div></div></div></div><figcaption><span>Low tide</span></figcaption></figure>',
    );
  });

  it("leaves out the controls of Ghost's audio card: the audio, its title and its picture stay", () => {
    expect(sanitizeHtmlFragment(GHOST_AUDIO_CARD, BASE)).toBe(
      '<div><img src="https://news.example.com/media/cover.jpg" alt="audio-thumbnail" /><div></div>' +
        '<div><audio src="https://news.example.com/media/interview.mp3" controls></audio><div>Interview with the mayor</div><div></div></div></div>',
    );
    expect(htmlBlocks(sanitizeHtmlFragment(`<p>Listen.</p>${GHOST_AUDIO_CARD}<p>After.</p>`, BASE))).toEqual(['Listen.', 'Interview with the mayor', 'After.']);
  });

  it('writes nothing of a button: its text and icons work only on the page', () => {
    expect(sanitizeHtmlFragment('<pre><code>npm test</code></pre><p>Run it <button class="copy">Copy</button>first.</p>', BASE)).toBe(
      '<pre><code>npm test</code></pre><p>Run it first.</p>',
    );
    expect(sanitizeHtmlFragment('<p>a<button><span>Subscribe</span><img src="/i.png" alt="Go"></button>b</p>', BASE)).toBe('<p>ab</p>');
  });

  it('leaves out the content of a group of controls from its first one on, the text before it kept; one control beside text is no group', () => {
    expect(sanitizeHtmlFragment('<div><b>Page</b><button>Back</button><span>3 of 10</span><input type="range"><button>Next</button></div><p>Text</p>', BASE)).toBe(
      '<div><b>Page</b></div><p>Text</p>',
    );
    expect(
      sanitizeHtmlFragment('<form><input type="email" placeholder="you@example.com"><select><option>Weekly</option></select><span>Subscribe</span></form><p>Text</p>', BASE),
    ).toBe('<p>Text</p>');
    expect(sanitizeHtmlFragment('<p>Press <input type="checkbox"> to agree, <em>then</em> go on.</p>', BASE)).toBe('<p>Press  to agree, <em>then</em> go on.</p>');
    // Controls in different elements, or in an element inside the group's, are no group of their own element.
    expect(sanitizeHtmlFragment('<div><p>a<button>x</button>b</p><p>c<button>y</button>d</p></div>', BASE)).toBe('<div><p>ab</p><p>cd</p></div>');
  });

  it('keeps prose holding two or more controls: text of its own from the first control on is no readout of a player', () => {
    expect(sanitizeHtmlFragment('<p>Click <button>Save</button> to keep a draft, or <button>Publish</button> to send it to readers.</p>', BASE)).toBe(
      '<p>Click  to keep a draft, or  to send it to readers.</p>',
    );
    expect(sanitizeHtmlFragment('<p>Check <input type="checkbox"> backups and <input type="checkbox"> logs before you upgrade.</p>', BASE)).toBe(
      '<p>Check  backups and  logs before you upgrade.</p>',
    );
    // Text of its own after the last control only, or between its controls beside readouts in elements: prose too.
    expect(sanitizeHtmlFragment('<p>Use <button>a</button><button>b</button> first.</p>', BASE)).toBe('<p>Use  first.</p>');
    expect(sanitizeHtmlFragment('<form><input type="email"><span>0:00</span><select><option>Weekly</option></select>Subscribe</form>', BASE)).toBe('<span>0:00</span>Subscribe');
    // White space between controls, and text inside their child elements, is no text of the element's own: a group still.
    expect(sanitizeHtmlFragment('<div>Player\n  <button>a</button>\n  <span>0:00</span><div>/<span>0:42</span></div>\n  <input type="range">\n</div>', BASE)).toBe(
      '<div>Player\n  </div>',
    );
    // Text of an element around the controls' element is not its own.
    expect(sanitizeHtmlFragment('<p>Read <span><button>a</button><b>1:00</b><button>b</button></span> on.</p>', BASE)).toBe('<p>Read <span></span> on.</p>');
  });

  it('leaves out the frames and media of a group of controls, in the report too, and keeps what a video around it holds', () => {
    const report = { frames: [] as string[], unsafeUrls: 0, activeStyles: 0 };
    const group = '<div><button>a</button><iframe src="https://p.example/v" title="Player"></iframe><video src="/v.mp4"></video><button>b</button></div>';
    expect(sanitizeHtmlFragment(`<p>x</p>${group}<p>y</p>`, BASE, undefined, undefined, report)).toBe('<p>x</p><div></div><p>y</p>');
    expect(report.frames).toEqual([]);
    expect(sanitizeHtmlFragment('<video src="/v.mp4"><span><button>a</button><i>b</i><button>c</button></span>Fallback</video>', BASE)).toBe(
      '<video src="https://news.example.com/v.mp4" controls><span></span>Fallback</video>',
    );
    // A video's own controls are no group: its sources are among them.
    expect(sanitizeHtmlFragment('<video><button>Play</button>Fallback<button>Mute</button><source src="/v.mp4"></video>', BASE)).toBe(
      '<video controls>Fallback<source src="https://news.example.com/v.mp4" /></video>',
    );
    // A group in a video without its end tag: the video still ends where its content begins.
    expect(sanitizeHtmlFragment('<div><video src="/v.mp4"><form><button>a</button><i>b</i><button>c</button></form>Text <p>d<button>e</button>f</p></div>', BASE)).toBe(
      '<div><video src="https://news.example.com/v.mp4" controls></video>Text <p>df</p></div>',
    );
  });

  it('stays linear on a megabyte of controls, grouped or not, nested or not, in video or not', async () => {
    const shapes = [
      (n: number) => '<div><button>b</button>x<input type="range"><span>0:00</span><button>c</button></div>'.repeat(n),
      (n: number) => '<div><button></button>x<input><span>y</span>'.repeat(n),
      (n: number) => '<p>a<button>b</button>c<iframe src="https://x.example/v"></iframe></p>'.repeat(n),
      (n: number) => `<video src="/v.mp4">${'<div><button></button>x<button></button><video src="/w.mp4">y'.repeat(n)}`,
      (n: number) => `<div>${'<button>x</button><span>0:00</span>'.repeat(n)}</div>`,
      (n: number) => `<p>${'<button>x</button> text <input type="checkbox"> '.repeat(n)}</p>`,
      (n: number) => '<p>Click <button>x</button> to <span>y</span> and <input> on.</p>'.repeat(n),
    ];
    for (const shape of shapes) expect(await costGrowth((n) => sanitizeHtmlFragment(shape(n), BASE), 2_000, 20_000, 4)).toBeLessThanOrEqual(4);
  });
});

describe('frames', () => {
  it('writes a frame as a link to the page it shows, named by its title', () => {
    const html = '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Some video" frameborder="0" allowfullscreen></iframe>';
    expect(sanitizeHtmlFragment(html, BASE)).toBe('<a href="https://www.youtube.com/embed/dQw4w9WgXcQ">Some video</a>');
  });

  it('names the link by its address when the frame has no title, made absolute', () => {
    expect(sanitizeHtmlFragment('<iframe src="//player.example.com/video/1"></iframe><iframe src="/embed/chart" title=" "></iframe>', BASE)).toBe(
      '<a href="https://player.example.com/video/1">https://player.example.com/video/1</a><a href="https://news.example.com/embed/chart">https://news.example.com/embed/chart</a>',
    );
  });

  it('takes a lazy-loaded frame from its lazy-loading attribute', () => {
    expect(sanitizeHtmlFragment('<iframe src="about:blank" data-lazy-src="https://www.youtube.com/embed/x?a=1&amp;b=2" title="Ferry"></iframe>', BASE)).toBe(
      '<a href="https://www.youtube.com/embed/x?a=1&amp;b=2">Ferry</a>',
    );
  });

  it('escapes the title as text', () => {
    expect(sanitizeHtmlFragment('<iframe src="https://x.example/" title="<b>Maps</b> &amp; &quot;routes&quot;"></iframe>', BASE)).toBe(
      '<a href="https://x.example/">&lt;b&gt;Maps&lt;/b&gt; &amp; "routes"</a>',
    );
  });

  it.each([
    ['a javascript: page', '<iframe src="javascript:alert(1)" title="t"></iframe>'],
    ['a data: page', '<iframe src="data:text/html,<script>alert(1)</script>" title="t"></iframe>'],
    ['its page in srcdoc', '<iframe srcdoc="<p>x</p>" title="t"></iframe>'],
    ['an empty src', '<iframe src="" title="t"></iframe>'],
    ['a blank page', '<iframe src="about:blank" title="t"></iframe>'],
  ])('writes nothing for a frame with %s', (_, html) => {
    expect(sanitizeHtmlFragment(`<p>a${html}b</p>`, BASE)).toBe('<p>ab</p>');
  });

  it('still drops what a frame holds', () => {
    expect(sanitizeHtmlFragment('<iframe src="https://x.example/">No frames <iframe src="https://y.example/"></iframe><b>here</b></iframe>after', BASE)).toBe(
      '<a href="https://x.example/">https://x.example/</a>after',
    );
  });

  it('writes no link inside a link: the link stays as it was', () => {
    expect(
      sanitizeHtmlFragment('<a href="/story">see <iframe src="https://x.example/" title="X"></iframe>this</a> <iframe src="https://y.example/" title="Y"></iframe>', BASE),
    ).toBe('<a href="https://news.example.com/story">see this</a> <a href="https://y.example/">Y</a>');
  });

  it('gives the plain text of the body the frame link as a block of its own, and names it to the caller', () => {
    const report = { frames: [] as string[], unsafeUrls: 0, activeStyles: 0 };
    const html = sanitizeHtmlFragment('<p>Watch it.</p><iframe src="https://x.example/v" title="The crossing"></iframe><p>After.</p>', BASE, undefined, undefined, report);
    expect(htmlBlocks(html)).toEqual(['Watch it.', 'The crossing', 'After.']);
    expect(report).toEqual({ frames: ['The crossing'], unsafeUrls: 0, activeStyles: 0 });
  });

  it.each([
    ['styled hidden', '<iframe src="https://x.example/embed/#?secret=1" style="position: absolute; visibility: hidden;"></iframe>'],
    ['styled not displayed', '<iframe src="https://x.example/t" style="display:none"></iframe>'],
    ['sized 0', '<iframe src="https://x.example/t" width="0" height="0"></iframe>'],
    ['WordPress’s frame of an embedded post', '<iframe class="wp-embedded-content" src="https://x.example/post/embed/#?secret=1" title="A post"></iframe>'],
  ])('writes no link for a frame no reader of the page sees: %s', (_, html) => {
    expect(sanitizeHtmlFragment(`<p>a</p>${html}`, BASE)).toBe('<p>a</p>');
  });

  it('stays linear on thousands of frames, nested or not, and on huge attribute values', async () => {
    const shapes = [
      (n: number) => '<iframe src="https://x.example/v" title="t"></iframe>'.repeat(n),
      (n: number) => '<iframe src="https://x.example/v">'.repeat(n),
      (n: number) => `<a href="/a">${'<iframe src="https://x.example/v"></iframe>'.repeat(n)}</a>`,
      (n: number) => `<iframe src="https://x.example/${'v'.repeat(n * 20)}" data-src="${'d'.repeat(n * 20)}" title="${'t '.repeat(n * 10)}"></iframe>`,
    ];
    for (const shape of shapes) expect(await costGrowth((n) => sanitizeHtmlFragment(shape(n), BASE), 2_000, 20_000, 4)).toBeLessThanOrEqual(4);
  });
});
