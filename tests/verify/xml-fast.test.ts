import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/site-config.js';
import { buildFeeds } from '../../src/pipeline.js';
import { parseSeed } from '../../src/story/normalize.js';
import { parseXmlWithSaxes, type XmlDocument } from '../../src/verify/xml-check.js';
import { parseXmlFast } from '../../src/verify/xml-fast.js';

/**
 * The fast path of the strict XML pass must never disagree with saxes: whatever it accepts, saxes
 * accepts with the same tree (names, namespaces, attributes, text, lines, xml:lang, encoding).
 */

const root = path.resolve(import.meta.dirname, '../..');

function viaSaxes(text: string): XmlDocument | 'error' {
  try {
    return parseXmlWithSaxes(text);
  } catch {
    return 'error';
  }
}

function agrees(text: string): boolean {
  const fast = parseXmlFast(text);
  if (fast === undefined) return true;
  expect(viaSaxes(text), JSON.stringify(text)).toEqual(fast);
  return true;
}

const pieces = [
  'a', 'Zz', ' ', '  ', '\t', '\n', '\u00e9', '\u2014', '\uD83D\uDE00', '>', ']', ']]', ']]>', '"', "'", '&', '&amp;', '&lt;', '&gt;',
  '&quot;', '&apos;', '&#10;', '&#13;', '&#9;', '&#x41;', '&#X41;', '&#0;', '&#xFFFE;', '&#1114111;', '&#1114112;', '&bogus;', '&amp', '<', '\r', '\r\n', '\u0001', '\uFFFE',
];
const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((p) => p.join(''));
const elementNames = ['a', 'b', 'item', 'x:y', 'p1:q', 'atom:link', 'xmlns:z', 'xml:t', 'a.b-c_d', 'q:'];
const attributeNames = ['href', 'x:y', 'xml:lang', 'xmlns', 'xmlns:x', 'xmlns:p1', 'xmlns:xml', 'xmlns:xmlns', 'p1:q', 'type', 'href'];
const namespaceValues = ['urn:a', ' urn:b ', '', 'http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/', 'http://www.w3.org/2005/Atom'];
const space = fc.constantFrom(' ', '\n', '\t', '  ', '', '\n  ');

const attributeArb = fc.record({
  name: fc.constantFrom(...attributeNames),
  value: fc.oneof(textArb, fc.constantFrom(...namespaceValues)),
  quote: fc.constantFrom('"', "'"),
  before: fc.constantFrom(' ', '\n', '\t', '  ', ''),
  eq: fc.constantFrom('=', ' = ', '=\n'),
});

type Node = { kind: 'element'; name: string; attributes: { name: string; value: string; quote: string; before: string; eq: string }[]; children: Node[]; selfClose: boolean; close: string; tail: string }
  | { kind: 'text' | 'cdata' | 'comment'; text: string };

const { node } = fc.letrec<{ node: Node; element: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('element'),
    fc.record({ kind: fc.constant('text' as const), text: textArb }),
    fc.record({ kind: fc.constant('cdata' as const), text: textArb }),
    fc.record({ kind: fc.constant('comment' as const), text: fc.constantFrom(' c ', '', 'a-b', 'a--b', '-', ' x -') }),
  ),
  element: fc.record({
    kind: fc.constant('element' as const),
    name: fc.constantFrom(...elementNames),
    attributes: fc.array(attributeArb, { maxLength: 3 }),
    children: fc.array(tie('node'), { maxLength: 4 }),
    selfClose: fc.boolean(),
    close: fc.constantFrom('', ' ', '\n', '!'),
    tail: space,
  }),
}));

function serialize(n: Node): string {
  if (n.kind === 'text') return n.text;
  if (n.kind === 'cdata') return `<![CDATA[${n.text}]]>`;
  if (n.kind === 'comment') return `<!--${n.text}-->`;
  const attrs = n.attributes.map((a) => `${a.before}${a.name}${a.eq}${a.quote}${a.value}${a.quote}`).join('');
  if (n.selfClose) return `<${n.name}${attrs}${n.tail}/>`;
  const closeName = n.close === '!' ? `${n.name}x` : n.name;
  return `<${n.name}${attrs}${n.tail}>${n.children.map(serialize).join('')}</${closeName}${n.close === '!' ? '' : n.close}>`;
}

const prologs = ['', '<?xml version="1.0" encoding="utf-8"?>\n', '<?xml version="1.0"?>', '<?xml version="1.1"?>\n', '<?xml-stylesheet href="a.xsl" type="text/xsl"?>\n',
  '<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="feed.xsl" type="text/xsl"?>\n', ' <?xml version="1.0"?>', '<!-- c -->\n', '<!DOCTYPE x>', '\uFEFF', 'x', '<?xml version="1.0" encoding="latin1"?>'];
const epilogs = ['', '\n', '  \n', '<!-- c -->', 'junk', '<x/>', '&amp;'];

const documentArb = fc.record({
  prolog: fc.constantFrom(...prologs),
  root: node.filter((n) => n.kind === 'element'),
  epilog: fc.constantFrom(...epilogs),
}).map(({ prolog, root: r, epilog }) => `${prolog}${serialize(r)}${epilog}`);

describe('parseXmlFast', () => {
  it('builds the same tree as saxes for every document it accepts', () => {
    fc.assert(fc.property(documentArb, agrees), { numRuns: 3000 });
  });

  it('agrees with saxes on damaged documents', () => {
    const damaged = fc.tuple(documentArb, fc.nat(), fc.constantFrom('', '<', '>', '&', '"', '/', ']]>', '\n', '-', ':')).map(([text, at, insert]) => {
      const i = text.length ? at % text.length : 0;
      return insert === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + insert + text.slice(i);
    });
    fc.assert(fc.property(damaged, agrees), { numRuns: 3000 });
  });

  it('agrees on hand-picked edge cases', () => {
    const cases = [
      '<a>x ]]> y</a>', '<a><![CDATA[]]></a>', '<a><![CDATA[]]><b/></a>', '<a>t<!--c-->u</a>', '<a><!----></a>', '<a><!-- a -- b --></a>', '<a><!--x---></a>',
      '<a\nb="1"/>', '<a\n/>', '<a b="1"\n/>', '<a b="1"c="2"/>', '<a b="x\ty\nz&#10;"/>', '<a b=\'"\'/>', '<x:a xmlns:x="urn:x"/>', '<x:a/>', '<a x:b="1"/>',
      '<a xmlns:x="urn:x" xmlns:y="urn:x" x:b="1" y:b="2"/>', '<a b="1" b="2"/>', '<a xmlns=""/>', '<a xmlns:x=""/>', '<a xml:lang="uk"><b/><c xml:lang=""/></a>',
      '<xml:a/>', '<xmlns:a/>', '<a></b>', '<a>', '<a/><b/>', '<a/>\n', '<a/>x', '<?xml version="1.0"?><a/><!-- after -->', '<a>&#x41;&#65;&#1114111;</a>',
      '<a>&#X41;</a>', '<a>&#0;</a>', '<a>&#xD800;</a>', '<a>\u00e9</a>', '<a b="&lt;&gt;&amp;&quot;&apos;"/>', '<a><?pi x?></a>', '<a><!DOCTYPE x></a>',
    ];
    for (const text of cases) agrees(text);
    expect(parseXmlFast('<a b="x\ty\nz&#10;"/>')?.root.attributes[0]?.value).toBe('x y z\n');
  });

  it('takes the fast path for the feeds storyfeed writes', () => {
    const config = validateConfig(JSON.parse(readFileSync(path.join(root, 'storyfeed.config.json'), 'utf8')));
    const file = 'seeds/nato-north-korea-troops.txt';
    const story = parseSeed(readFileSync(path.join(root, file), 'utf8'), { file, site: { ...config, defaultYear: 2024 } });
    const { outputs } = buildFeeds([story, { ...story, id: `${story.id}-2`, title: 'Q&A: <b> "quoted" ]]> & more', contentHtml: '<p>a ]]> b</p>\r\n<p>&amp; c</p>' }], config);
    for (const text of [outputs.rss, outputs.atom]) {
      const fast = parseXmlFast(text);
      expect(fast).toBeDefined();
      expect(parseXmlWithSaxes(text)).toEqual(fast);
    }
  });
});
