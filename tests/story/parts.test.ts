import { describe, expect, it } from 'vitest';
import { sanitizeStoryHtml, sectionsToHtml, sectionsToText } from '../../src/story/html.js';
import { canonicalLanguage, detectLanguage } from '../../src/story/language.js';
import { splitDatedName } from '../../src/seed/dated-name.js';
import { slugify } from '../../src/story/slug.js';
import { costGrowth } from '../support/linear.js';
import { SUMMARY_MAX, sentenceEnds, summarize } from '../../src/story/summary.js';
import { parseSeed } from '../../src/story/normalize.js';

describe('slugify', () => {
  it('makes ASCII slugs and transliterates Cyrillic', () => {
    expect(slugify("NATO official: North Korea's army")).toBe('nato-official-north-koreas-army');
    expect(slugify('Київ відновив нічне освітлення')).toMatch(/^[a-z0-9-]+$/);
    expect(slugify('Київ відновив нічне освітлення')).toBe('kiiv-vidnoviv-nichne-osvitlennya');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('Zürich café')).toBe('zurich-cafe');
  });

  it('gives Chinese and Japanese titles readable slugs: a syllable per Han character, a word per run of kana (they were one run of letters)', () => {
    expect(slugify('北京市政府举行新闻发布会')).toBe('bei-jing-shi-zheng-fu-ju-xing-xin-wen-fa-bu-hui');
    expect(slugify('東京都議会は本日臨時会を開催した')).toBe('dong-jing-dou-yi-hui-ha-ben-ri-lin-shi-hui-o-kai-cui-shita');
    expect(slugify('新しいオリンピック競技場が完成')).toBe('xin-shii-orinpitku-jing-ji-chang-ga-wan-cheng');
    // Latin words and numbers among them stay whole; a hiragana run that meets a katakana one ends there.
    expect(slugify('Apple发布新iPhone 16')).toBe('apple-fa-bu-xin-iphone-16');
    expect(slugify('2024年のオリンピック')).toBe('2024-nian-no-orinpitku');
    // Half-width katakana is katakana; the long-vowel mark belongs to the kana before it.
    expect(slugify('ｶﾀｶﾅのニュース')).toBe('katakana-no-niyusu');
    // Other scripts keep their slugs: Korean is written with spaces between words.
    expect(slugify('서울시 뉴스')).toBe('seoulsi-nyuseu');
  });

  it('keeps a Chinese or Japanese slug within the length, cut between syllables', () => {
    const slug = slugify('中华人民共和国国务院新闻办公室'.repeat(6));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(slug.startsWith('zhong-hua-ren-min-gong-he-guo-guo-wu-yuan')).toBe(true);
    expect(slugify('東京'.repeat(100), 10)).toBe('dong-jing');
  });

  it('finds the words of Chinese and Japanese titles in time linear in their length: cost per MB from 100 KB to 1 MB', async () => {
    const shapes: Record<string, (bytes: number) => string> = {
      han: (bytes) => '北'.repeat(bytes),
      'one kana run': (bytes) => `か${'ー'.repeat(bytes)}`,
      'long-vowel marks alone': (bytes) => 'ー'.repeat(bytes),
      'alternating kana': (bytes) => 'かカ'.repeat(bytes / 2),
      mixed: (bytes) => 'のーカｰ北a '.repeat(bytes / 7),
    };
    for (const [name, shape] of Object.entries(shapes)) {
      // Each size's text is made once: the slug alone is timed.
      const made = new Map<number, string>();
      const input = (bytes: number): string => made.get(bytes) ?? made.set(bytes, shape(bytes)).get(bytes)!;
      // Over a tenfold span a quadratic pass grows about ×10; a linear one on a machine busy with other work read
      // ×2.6-3.5 (a megabyte string outgrows the caches the 100 KB one fits), so the bound is the suite's usual ×4.
      const growth = await costGrowth((bytes) => slugify(input(bytes)), 100_000, 1_000_000, 4);
      expect(growth, `${name}: cost per MB grew ${growth.toFixed(2)}× from 100 KB to 1 MB`).toBeLessThan(4);
    }
  }, 120_000);

  it('cuts long slugs at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('splits Jekyll-style dated names', () => {
    expect(splitDatedName('2024-10-21-grain-corridor')).toEqual({ date: '2024-10-21', rest: 'grain-corridor' });
    expect(splitDatedName('grain-corridor')).toBeUndefined();
  });
});

describe('summarize', () => {
  it('keeps a short lede whole', () => {
    expect(summarize('One. Two.')).toBe('One. Two.');
  });

  it('cuts at the last sentence boundary that fits', () => {
    const lede = `${'A short first sentence here. '.repeat(8)}And a final sentence that pushes the lede well past the limit of three hundred characters for sure.`;
    const s = summarize(lede);
    expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(s.endsWith('here.')).toBe(true);
  });

  it('does not split after abbreviations or initials', () => {
    expect(sentenceEnds('Mr. Smith met Gen. Jones in the U.S. Army base. Then J. Doe left.')).toEqual([47]);
  });

  it('cuts a single long sentence at a word boundary with an ellipsis', () => {
    const s = summarize(`${'word '.repeat(100)}end.`);
    expect(s.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(s.endsWith('word…')).toBe(true);
  });
});

describe('language', () => {
  it('detects English and Ukrainian', () => {
    expect(detectLanguage('The city council voted on Thursday to keep rides on the metro free of charge until the end of next year.')).toBe('en');
    expect(detectLanguage('Київська міська адміністрація повідомила, що з понеділка на центральних вулицях столиці знову вмикатимуть нічне освітлення.')).toBe('uk');
  });

  it("names languages whose detected code has no two-letter one in ISO 639-1 by their BCP 47 tag (Chinese and Arabic took the site's language)", () => {
    expect(detectLanguage('北京市政府周三举行新闻发布会。发言人表示，我们将继续改善空气质量，今年的目标已经基本实现。', 'en')).toBe('zh');
    expect(detectLanguage('افتتحت وزارة الثقافة المصرية مكتبة جديدة في القاهرة يوم الأحد، وقال الوزير إن المكتبة مفتوحة للجميع.', 'en')).toBe('ar');
    expect(detectLanguage('وزارت فرهنگ ایران روز یکشنبه یک کتابخانه جدید در تهران افتتاح کرد و گفت که این کتابخانه برای همه باز است.', 'en')).toBe('fa');
    // Han characters with any kana are Japanese, however few the kana.
    expect(detectLanguage('東京都議会は本日臨時会を開催し新年度予算案を可決した。知事は記者会見で説明した。', 'en')).toBe('ja');
    // The middle dot and the length mark, which Chinese text borrows for foreign names, are no kana.
    expect(detectLanguage('居里・夫人是著名的物理学家和化学家，她发现了放射性元素钋和镭，并两次获得诺贝尔奖。', 'en')).toBe('zh');
  });

  it("names the language of a script the trigram models lack by the script (Hebrew, Georgian, Armenian, Khmer stories took the site's language)", () => {
    expect(detectLanguage('ראש העירייה פתח היום ספרייה חדשה במרכז העיר ואמר שהיא פתוחה לכולם בכל ימות השבוע.', 'en')).toBe('he');
    expect(detectLanguage('თბილისის მერიამ დღეს ქალაქის ცენტრში ახალი ბიბლიოთეკა გახსნა, რომელიც ყველასთვის ღიაა.', 'en')).toBe('ka');
    expect(detectLanguage('Երևանի քաղաքապետարանը այսօր քաղաքի կենտրոնում բացեց նոր գրադարան, որը բաց է բոլորի համար։', 'en')).toBe('hy');
    expect(detectLanguage('ក្រសួងវប្បធម៌បានបើកបណ្ណាល័យថ្មីមួយនៅរាជធានីភ្នំពេញកាលពីថ្ងៃអាទិត្យ ហើយបាននិយាយថាវាបើកសម្រាប់អ្នកទាំងអស់គ្នា។', 'en')).toBe('km');
    // A few words of one in another script's text decide nothing.
    expect(detectLanguage('The city council voted on Thursday to keep rides on the metro free, said the mayor, שלום.')).toBe('en');
  });

  it('gives up on text too short to tell', () => {
    expect(detectLanguage('Hi!')).toBeUndefined();
  });

  it("names a text too short to tell by its script's main language when the expected language is written in another script (a short Chinese post in an English site was English)", () => {
    expect(detectLanguage('五月初，我们一家人趁着假期去了杭州。', 'en')).toBe('zh');
    expect(detectLanguage('今年の桜は遅かった。', 'en')).toBe('ja');
    expect(detectLanguage('서울시는 다음 달 개통된다고 밝혔다.', 'en')).toBe('ko');
    expect(detectLanguage('شكراً لكم جميعاً.', 'en')).toBe('ar');
    expect(detectLanguage('नई दिल्ली में बारिश।', 'en-GB')).toBe('hi');
    expect(detectLanguage('Η κυβέρνηση ανακοίνωσε.', 'fr')).toBe('el');
    // In the expected language's script (Han in a Japanese site), or in Latin, which many languages write, it is left to the site.
    expect(detectLanguage('東京大学', 'ja')).toBeUndefined();
    expect(detectLanguage('北京大学', 'zh-TW')).toBeUndefined();
    expect(detectLanguage('Hello there.', 'zh')).toBeUndefined();
    expect(detectLanguage('五月初，我们一家人趁着假期去了杭州。')).toBeUndefined();
    // A letter or two is no text.
    expect(detectLanguage('π = 3.14', 'en')).toBeUndefined();
  });

  it("a short story in another script than the site's takes its script's language", () => {
    const story = parseSeed('---\ntitle: 杭州\ndate: 2024-05-01\n---\n\n五月初，我们一家人趁着假期去了杭州。\n', {
      file: 'hangzhou.md',
      site: { siteUrl: 'https://blog.example.org', language: 'en' },
    });
    expect(story.language).toBe('zh');
  });

  it('leaves a short text that reads well in the expected language to it (a two-line English post was Portuguese), and names a short text that does not', () => {
    expect(detectLanguage('Intro\n\nThis is a paragraph.')).toBe('pt');
    expect(detectLanguage('Intro\n\nThis is a paragraph.', 'en')).toBeUndefined();
    expect(detectLanguage('Intro\n\nThis is a paragraph.', 'en-GB')).toBeUndefined();
    expect(detectLanguage('Bienvenue sur mon nouveau blog consacré à Astro et aux sites statiques !', 'en')).toBe('fr');
    expect(detectLanguage('Die Bundesregierung hat am Dienstag ein Paket beschlossen.', 'en')).toBe('de');
    // A longer text is told by its trigrams whatever is expected.
    const french =
      "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse, a indiqué le ministre de l'Agriculture dans un communiqué publié à Paris.";
    expect(detectLanguage(french, 'en')).toBe('fr');
  });

  it('canonicalizes tags', () => {
    expect(canonicalLanguage('EN-us')).toBe('en-US');
    expect(canonicalLanguage('not a tag!')).toBeUndefined();
  });

  it('gives the same answer for a tag asked again, however many other tags came between (the memory is bounded)', () => {
    const direct = (tag: string): string | undefined => {
      try {
        return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
      } catch {
        return undefined;
      }
    };
    const tags = ['EN-us', 'uk', 'de_DE', 'zh-hant-TW', 'x', '', 'not a tag!', 'sr-Latn', 'EN-US'];
    for (let round = 0; round < 3; round++) {
      for (const tag of tags) expect(canonicalLanguage(tag), tag).toBe(direct(tag));
      // More distinct tags than the memory holds, some of them long.
      for (let i = 0; i < 300; i++) expect(canonicalLanguage(`en-x-t${i}${'a'.repeat(i % 70)}`)).toBe(direct(`en-x-t${i}${'a'.repeat(i % 70)}`));
    }
  });
});

describe('html', () => {
  const sections = [
    { heading: null, blocks: [{ kind: 'paragraph' as const, text: 'A <b> & "q"' }] },
    { heading: 'Sub & co', blocks: [{ kind: 'list' as const, ordered: true, items: ['x<', 'y'] }] },
  ];

  it('renders sections with every text escaped once', () => {
    expect(sectionsToHtml(sections)).toBe('<p>A &lt;b&gt; &amp; &quot;q&quot;</p>\n<h2>Sub &amp; co</h2>\n<ol>\n<li>x&lt;</li>\n<li>y</li>\n</ol>');
  });

  it('renders clean plain text', () => {
    expect(sectionsToText(sections)).toBe('A <b> & "q"\n\nSub & co\n\n1. x<\n2. y');
  });

  it('removes scripts, handlers, styles and dangerous URLs, and makes links absolute', () => {
    const { html, removedUnsafe } = sanitizeStoryHtml(
      '<p style="color:red" onclick="x()">t</p><script>alert(1)</script><img src="/i.png" onerror="alert(1)"><a href="javascript:alert(1)">j</a><a href="../about">rel</a><img src="data:image/png;base64,AA"><iframe src="https://x"></iframe>',
      'https://news.example.com/world/story',
    );
    expect(removedUnsafe).toBe(true);
    // The frame is no frame but a link to the page it showed.
    expect(html).toBe('<p>t</p><img src="https://news.example.com/i.png" /><a>j</a><a href="https://news.example.com/about">rel</a><a href="https://x/">https://x/</a>');
  });

  it('reports nothing for safe HTML', () => {
    expect(sanitizeStoryHtml('<p><a href="https://x.example/">x</a></p>', 'https://news.example.com/').removedUnsafe).toBe(false);
  });

  it.each([
    ['a presentational style attribute (removed all the same)', '<p style="color:red; font-weight: bold">t</p>', false],
    ["Ghost's editor's style on formatted text", '<p><span style="white-space: pre-wrap;">Hello </span><strong style="white-space: pre-wrap;">you</strong></p>', false],
    ['a style naming the signs in its words', `<p style="font-family: 'Urlaub Sans', Behavior; content: 'expression'">t</p>`, false],
    ['a style loading an image', '<p style="background: url(https://t.example/pixel.gif)">t</p>', true],
    ['a style loading an image, in capitals and spaced', '<p STYLE = "BACKGROUND:URL( /p.gif )">t</p>', true],
    ['a style loading an image from a list', '<p style=\'background-image: -webkit-image-set("/a.png" 1x)\'>t</p>', true],
    ['an expression in a style', '<p style="width: expression(alert(1))">t</p>', true],
    ['an @import in a style', '<p style="@import \'https://t.example/x.css\'">t</p>', true],
    ['a behavior in a style', '<p style="behavior : x.htc">t</p>', true],
    ['a binding in a style', '<p style="-moz-binding:x">t</p>', true],
    ['a url hidden by a CSS escape', '<p style="background: \\75 rl(/p.gif)">t</p>', true],
    ['an expression hidden by a CSS escape of a letter', '<p style="width: expre\\ssi\\on(alert(1))">t</p>', true],
    ['an expression split by a comment', '<p style="width: expr/**/ession(alert(1))">t</p>', true],
    ['a url hidden by an entity', '<p style="background:&#117;rl(/p.gif)">t</p>', true],
    ['a style loading an image in content no reader sees', '<noscript><p style="background:url(/p.gif)">t</p></noscript>', true],
    ['an event handler, in capitals', '<p ONCLICK = "x()">t</p>', true],
    ['a script tag with a space', '< script>alert(1)</script>', true],
    ['a form', '<FORM action="https://x.example/"><p>t</p></FORM>', true],
    ['a javascript: link, quoted with spaces', "<a HREF = ' JavaScript:alert(1)'>j</a>", true],
    ['a vbscript: action', '<p action=vbscript:x>t</p>', true],
    ['a data: link in xlink:href', '<a xlink:href="data:text/html,x">j</a>', true],
    ['a javascript: link hidden by an entity', '<a href="jav&#x09;ascript:alert(1)">j</a>', true],
    ['a handler hidden by an entity', '<p &#x20;onclick="x()">t</p>', true],
    ['a lazy image’s data: placeholder (its file is kept)', '<img src="data:image/gif;base64,R0lGOD" data-src="/i.jpg" alt="a">', false],
    ['an http(s) lazy image with a data: placeholder of its own', '<img data-lazy-src="https://x.example/i.jpg" src="data:image/svg+xml,%3Csvg%3E">', false],
    ['an image that is only a data: URL (lost)', '<img src="data:image/png;base64,AA" alt="a">', true],
    ['a javascript: lazy address beside a real one', '<img src="/i.jpg" data-src="javascript:alert(1)">', true],
    ['a video poster of javascript:', '<video src="/v.mp4" poster=" javascript:alert(1)"></video>', true],
    ['a frame showing a page (published as a link to it)', '<iframe src="https://www.youtube.com/embed/x" title="A video"></iframe>', false],
    ['a frame with an inline page', '<iframe srcdoc="<p>x</p>"></iframe>', true],
    ['a frame with a javascript: page', '<iframe src="javascript:alert(1)"></iframe>', true],
    ['links, equals signs and the words of the signs in text', '<p><a href="https://data.example/javascript">style</a> a = b, on time; src = "x"</p>', false],
  ])('tells %s (%s) from safe HTML', (_what, html, unsafe) => {
    expect(sanitizeStoryHtml(html, 'https://news.example.com/').removedUnsafe).toBe(unsafe);
  });

  it('reads style attributes in time linear in their length: cost per MB from 100 KB to 1 MB', async () => {
    const shapes: Record<string, (bytes: number) => string> = {
      backslashes: (bytes) => `<p style="${'\\'.repeat(bytes)}">t</p>`,
      'escapes of hex digits': (bytes) => `<p style="${'\\7'.repeat(bytes / 2)}">t</p>`,
      'comments never closed': (bytes) => `<p style="${'/*'.repeat(bytes / 2)}">t</p>`,
      'empty comments': (bytes) => `<p style="u${'/**/'.repeat(bytes / 4)}rl">t</p>`,
      'almost url(': (bytes) => `<p style="${'ur l url'.repeat(bytes / 8)}">t</p>`,
      'white space': (bytes) => `<p style="url${' \t'.repeat(bytes / 2)}">t</p>`,
      'many styles': (bytes) => '<p style="white-space: pre-wrap;">t</p>'.repeat(bytes / 40),
    };
    for (const [name, shape] of Object.entries(shapes)) {
      const made = new Map<number, string>();
      const input = (bytes: number): string => made.get(bytes) ?? made.set(bytes, shape(bytes)).get(bytes)!;
      const growth = await costGrowth((bytes) => sanitizeStoryHtml(input(bytes), 'https://news.example.com/'), 100_000, 1_000_000, 4);
      expect(growth, `${name}: cost per MB grew ${growth.toFixed(2)}× from 100 KB to 1 MB`).toBeLessThan(4);
    }
  }, 120_000);
});

describe('language: the English shortcut', () => {
  it.each([
    [
      'fr',
      "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse, a indiqué le ministre de l'Agriculture dans un communiqué publié à Paris.",
    ],
    ['de', 'Die Bundesregierung hat am Dienstag ein Paket zur Unterstützung der Landwirte beschlossen, die von der Dürre betroffen sind, teilte das Ministerium in Berlin mit.'],
    ['es', 'El gobierno anunció el martes una serie de medidas para apoyar a los agricultores afectados por la sequía, informó el ministro de Agricultura en un comunicado.'],
    ['en', 'Apple unveiled new iPhones, Watches and AirPods at its Cupertino event, with prices starting at $799 for the base model.'],
  ])('tells %s apart', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
