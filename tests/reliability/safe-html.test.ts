import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildFeedSet, feedSetFiles } from '../../src/feed/sets.js';
import { renderFeeds } from '../../src/render/index.js';
import { renderIndexPage } from '../../src/site/index-page.js';
import { sanitizeStoryHtml } from '../../src/story/html.js';
import { parseSeed } from '../../src/story/normalize.js';
import type { Story } from '../../src/types.js';
import { childElement, childElements, parseXml, textContent, type XmlElement } from '../../src/verify/xml-check.js';
import { fuzzRuns, SEED, tally } from './support.js';

/**
 * No script, event handler, style, or javascript:/data: URL survives into the published HTML
 * (content_html, content:encoded, Atom content), whatever the seed format; titles are text
 * everywhere. Checked by parsing the output HTML, not by searching it for strings.
 */

const config = validateConfig({ siteUrl: 'https://news.example.com', title: 'News', entities: false });
const site = config;

const VECTORS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//x.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav\tascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="jAvAsCrIpT&NewLine;:alert(1)">x</a>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<style>body{background:url(javascript:alert(1))}</style>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="position:fixed;inset:0">x</div>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="x.swf"></object>',
  '<embed src="x.swf">',
  '<form action="https://evil.example"><input name=x><button formaction=javascript:alert(1)>x</button></form>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<a href="https://ok.example/" onclick="alert(1)">ok</a>',
  '<img src="/a.png" srcset="javascript:alert(1) 1x">',
  '<picture><source srcset="javascript:alert(1)"><img src="/a.png"></picture>',
  '<video poster="javascript:alert(1)" src="/v.mp4"></video>',
  '<details open ontoggle=alert(1)>x</details>',
  '<blockquote cite="javascript:alert(1)">q</blockquote>',
  '<x onclick=alert(1)>x</x>',
  '<!--<script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea><script>alert(1)</script></textarea>',
  '<template><script>alert(1)</script></template>',
  '<img src=x:alert(1) onerror=eval(src)>',
  '<a xlink:href="javascript:alert(1)">x</a>',
  '<code class="language-js" onclick="alert(1)">x</code>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<a href="https://ok.example/&quot; onmouseover=&quot;alert(1)">x</a>',
  '<scr<script>ipt>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '<img/src="x"/onerror=alert(1)>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<a href="//evil.example/x">protocol-relative</a>',
  '<img src="https://ok.example/a.png" style="width:9999px">',
  '<frameset onload=alert(1)>',
  '<applet code="x.class"></applet>',
  '<isindex action=javascript:alert(1)>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
];

const FORBIDDEN_TAGS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'base',
  'meta',
  'link',
  'frame',
  'frameset',
  'applet',
  'svg',
  'math',
  'template',
  'noscript',
  'title',
  'isindex',
]);
const FORBIDDEN_ATTRIBUTES = /^(?:on|style$|srcset$|srcdoc$|formaction$|action$|background$|xlink:|xmlns)/i;
// A video's poster is an image it loads: http(s) only, as for `src`.
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'poster']);

/** Every way `html` could run script or inject style, as a list of findings (empty when safe); links must be absolute unless `base` is given. */
function unsafeParts(html: string, base?: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (FORBIDDEN_TAGS.has(name)) found.push(`<${name}>`);
        for (const [attr, value] of Object.entries(attributes)) {
          if (FORBIDDEN_ATTRIBUTES.test(attr)) found.push(`${name}[${attr}]`);
          if (URL_ATTRIBUTES.has(attr)) {
            let ok = false;
            try {
              ok = ['http:', 'https:', 'mailto:'].includes(new URL(value, base).protocol);
            } catch {
              ok = false;
            }
            if (!ok) found.push(`${name}[${attr}=${JSON.stringify(value)}]`);
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** The HTML each format publishes for the one item of `story`. */
function publishedHtml(story: Story): { rss: string; atom: string; json: string } {
  const [main] = buildFeedSet([story], config, {});
  const out = renderFeeds(main!.document);
  const rss = parseXml(out.rss).root;
  const item = childElement(childElement(rss, 'channel')!, 'item')!;
  const encoded = childElements(item, 'encoded')[0]!;
  const atom = parseXml(out.atom).root;
  const entry = childElement(atom, 'entry')!;
  const content = childElement(entry, 'content')!;
  const json = JSON.parse(out.json) as { items: { content_html: string }[] };
  return { rss: textContent(encoded), atom: atomHtml(content), json: json.items[0]!.content_html };
}

function atomHtml(content: XmlElement): string {
  // type="html" carries escaped HTML; type="xhtml" carries it as elements, which the strict parser already vetted.
  return content.attributes.find((a) => a.local === 'type')?.value === 'xhtml' ? '' : textContent(content);
}

function seedsFor(vector: string): { file: string; text: string }[] {
  return [
    { file: 'vector.md', text: `---\ntitle: Vector\ndate: 2024-01-01T00:00:00Z\n---\nIntro paragraph.\n\n${vector}\n\nInline ${vector} too.\n` },
    { file: 'vector.json', text: JSON.stringify({ title: 'Vector', date: '2024-01-01T00:00:00Z', contentHtml: `<p>Intro.</p>${vector}<p>End.</p>` }) },
    { file: 'vector-md.json', text: JSON.stringify({ title: 'Vector', date: '2024-01-01T00:00:00Z', markdown: `Intro.\n\n${vector}\n` }) },
    { file: 'vector.txt', text: `Vector\nIntro paragraph.\n${vector}\n` },
  ];
}

describe('safe HTML', () => {
  it('removes every known injection vector, in every seed format and every feed format', () => {
    let checked = 0;
    for (const vector of VECTORS) {
      expect(unsafeParts(sanitizeStoryHtml(vector, 'https://news.example.com/story').html), vector).toEqual([]);
      for (const seed of seedsFor(vector)) {
        const story = parseSeed(seed.text, { file: seed.file, site, fallbackDate: new Date('2024-01-01T00:00:00Z') });
        expect(unsafeParts(story.contentHtml), `${seed.file}: ${vector}`).toEqual([]);
        const published = publishedHtml(story);
        for (const [format, html] of Object.entries(published)) expect(unsafeParts(html), `${format} of ${seed.file}: ${vector}`).toEqual([]);
        checked++;
      }
    }
    tally('hostile inputs: HTML injection vectors × seed formats', checked, `${VECTORS.length} vectors, each checked in content_html, content:encoded and Atom content`);
  }, 120_000);

  it('warns, naming the file, when it removes something', () => {
    const warnings: string[] = [];
    parseSeed('# T\n\nHello <img src=x onerror=alert(1)> world.\n', { file: 'warn.md', site, onWarning: (d) => warnings.push(`${d.code} ${d.file}`) });
    expect(warnings).toContain('W_UNSAFE_HTML warn.md');
  });

  it('keeps what scripts and styles hold out of the plain text too (content_text, summary)', () => {
    const story = parseSeed('# T\n\nBefore <script>alert("inline")</script> after <style>p{color:red}</style> end.\n\n<script>\nalert("block")\n</script>\n', {
      file: 'text.md',
      site,
    });
    expect(story.contentText).toBe('Before after end.');
    expect(story.summary).toBe('Before after end.');
  });

  it('keeps safe markup and makes relative links absolute', () => {
    const story = parseSeed('# T\n\nSee [the report](/report.pdf), ![chart](img/chart.png "Chart") and <a href="mailto:desk@news.example.com">mail</a>.\n', {
      file: 'ok.md',
      site,
    });
    expect(story.contentHtml).toContain('<a href="https://news.example.com/report.pdf">the report</a>');
    expect(story.contentHtml).toContain('src="https://news.example.com/img/chart.png"');
    expect(story.contentHtml).toContain('href="mailto:desk@news.example.com"');
  });

  it('sanitizes any mix of dangerous fragments and arbitrary text (property)', () => {
    const fragment = fc.oneof(
      fc.constantFrom(...VECTORS),
      fc.constantFrom(
        '<',
        '>',
        '"',
        "'",
        '=',
        '/',
        ' ',
        'on',
        'load',
        'error',
        'javascript',
        'data',
        ':',
        '&#',
        '&colon;',
        '&Tab;',
        'script',
        'style',
        'src',
        'href',
        '<a ',
        '<img ',
        '</a>',
        '<svg>',
        '-->',
        '<!--',
        ']]>',
        '\u0000',
        '\t',
        '\n',
      ),
      fc.string({ unit: 'binary', maxLength: 8 }),
    );
    const runs = fuzzRuns(400);
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 24 }), (parts) => {
        const html = parts.join('');
        expect(unsafeParts(sanitizeStoryHtml(html, 'https://news.example.com/s').html), html).toEqual([]);
        const story = parseSeed(`# T\n\nIntro.\n\n${html}\n`, { file: 'fuzz.md', site });
        expect(unsafeParts(story.contentHtml), html).toEqual([]);
      }),
      { numRuns: runs, seed: SEED },
    );
    tally('fuzz cases run: sanitizer (random dangerous HTML)', runs);
  }, 600_000);
});

describe('titles are text everywhere', () => {
  const title = '<script>alert(1)</script> <b>bold</b> &amp; ]]> "quoted" \'single\'';

  it('in RSS, Atom, JSON Feed and the index page', () => {
    const story = parseSeed(
      `---\ntitle: ${JSON.stringify(title)}\nsummary: "<img src=x onerror=alert(1)> ]]>"\ntags: ["<svg onload=alert(1)>"]\ndate: 2024-01-01T00:00:00Z\n---\nBody.\n`,
      { file: 'title.md', site },
    );
    // A front matter's title reads HTML's character references (`&amp;` is `&`), never its tags: those are text.
    const shown = title.replace('&amp;', '&');
    expect(story.title).toBe(shown);
    const set = buildFeedSet([story], config, { tagFeeds: true });
    const out = renderFeeds(set[0]!.document);
    const rssItem = childElement(childElement(parseXml(out.rss).root, 'channel')!, 'item')!;
    expect(textContent(childElement(rssItem, 'title')!)).toBe(shown);
    const entry = childElement(parseXml(out.atom).root, 'entry')!;
    const atomTitle = childElement(entry, 'title')!;
    expect(textContent(atomTitle)).toBe(shown);
    expect(atomTitle.attributes.find((a) => a.local === 'type')?.value ?? 'text').toBe('text');
    expect((JSON.parse(out.json) as { items: { title: string }[] }).items[0]!.title).toBe(shown);
    const page = renderIndexPage(set, (e) => feedSetFiles(e, config));
    expect(page).not.toMatch(/<script|<b>bold|<svg|<img/i);
    expect(unsafeParts(page, 'https://news.example.com/').filter((p) => p !== '<style>' && p !== '<meta>' && p !== '<link>' && p !== '<title>')).toEqual([]);
  });
});
