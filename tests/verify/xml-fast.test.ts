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

let accepted = 0;
function agrees(text: string): boolean {
  const fast = parseXmlFast(text);
  if (fast === undefined) return true;
  accepted++;
  expect(viaSaxes(text), JSON.stringify(text)).toEqual(fast);
  return true;
}

/** Mostly well-formed pieces, and now and then one that is not (or that the fast path leaves to saxes). */
const often = <T>(good: readonly T[], rare: readonly T[]): fc.Arbitrary<T> =>
  fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });

const textPiece = often(
  [
    'a',
    'Zz',
    ' ',
    '  ',
    '\t',
    '\n',
    '\u00e9',
    '\u2014',
    '\uD83D\uDE00',
    '>',
    ']',
    ']]',
    '"',
    "'",
    '&amp;',
    '&lt;',
    '&gt;',
    '&quot;',
    '&apos;',
    '&#10;',
    '&#13;',
    '&#9;',
    '&#x41;',
    '&#1114111;',
    '&#0065;',
  ],
  [']]>', '&', '&#X41;', '&#0;', '&#xFFFE;', '&#1114112;', '&bogus;', '&amp', '<', '\r', '\r\n', '\u0001', '\uFFFE', '&#00000000065;'],
);
const textArb = fc.array(textPiece, { maxLength: 6 }).map((p) => p.join(''));
const elementName = often(['a', 'b', 'item', 'x:y', 'p1:q', 'atom:link', 'a.b-c_d', 'xml:t'], ['xmlns:z', 'q:', 'zz:a', '\u00e9l']);
const attributeName = often(['href', 'type', 'x:y', 'xml:lang', 'p1:q', 'xmlns', 'xmlns:x', 'xmlns:p2', 'len'], ['xmlns:xml', 'xmlns:xmlns', 'zz:q', '1a']);
const namespaceValue = often(['urn:a', ' urn:b ', 'http://www.w3.org/2005/Atom', ''], ['http://www.w3.org/XML/1998/namespace', 'http://www.w3.org/2000/xmlns/']);
const space = fc.constantFrom(' ', '\n', '\t', '  ', '', '\n  ');

const attributeArb = fc.record({
  name: attributeName,
  value: fc.oneof(textArb, namespaceValue),
  quote: fc.constantFrom('"', "'"),
  before: often([' ', '\n', '\t', '  '], ['']),
  eq: often(['=', ' = ', '=\n'], ['']),
});

type Node =
  | {
      kind: 'element';
      name: string;
      attributes: { name: string; value: string; quote: string; before: string; eq: string }[];
      children: Node[];
      selfClose: boolean;
      close: string;
      tail: string;
    }
  | { kind: 'text'; text: string }
  | { kind: 'cdata'; text: string }
  | { kind: 'comment'; text: string };

const { element } = fc.letrec<{ node: Node; element: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true, maxDepth: 4 },
    fc.record({ kind: fc.constant('text' as const), text: textArb }),
    tie('element'),
    fc.record({ kind: fc.constant('cdata' as const), text: textArb }),
    fc.record({ kind: fc.constant('comment' as const), text: often([' c ', '', 'a-b', ' - '], ['a--b', '-', ' x -']) }),
  ),
  element: fc.record({
    kind: fc.constant('element' as const),
    name: elementName,
    attributes: fc.array(attributeArb, { maxLength: 3 }),
    children: fc.array(tie('node'), { maxLength: 4 }),
    selfClose: fc.boolean(),
    close: often(['', ' ', '\n'], ['!']),
    tail: space,
  }),
}));

function serialize(n: Node): string {
  if (n.kind === 'text') return n.text;
  if (n.kind === 'cdata') return `<![CDATA[${n.text}]]>`;
  if (n.kind === 'comment') return `<!--${n.text}-->`;
  const attrs = n.attributes.map((a) => `${a.before}${a.name}${a.eq}${a.quote}${a.value.replaceAll(a.quote, '')}${a.quote}`).join('');
  if (n.selfClose) return `<${n.name}${attrs}${n.tail}/>`;
  const closeName = n.close === '!' ? `${n.name}x` : n.name;
  return `<${n.name}${attrs}${n.tail}>${n.children.map(serialize).join('')}</${closeName}${n.close === '!' ? '' : n.close}>`;
}

const prolog = often(
  [
    '',
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<?xml version="1.0"?>',
    '<?xml-stylesheet href="a.xsl" type="text/xsl"?>\n',
    '<?xml version="1.0" encoding="utf-8"?>\n<?xml-stylesheet href="feed.xsl" type="text/xsl"?>\n',
    '<!-- c -->\n',
    '\n',
  ],
  ['<?xml version="1.1"?>\n', ' <?xml version="1.0"?>', '<!DOCTYPE x>', '\uFEFF', 'x', '<?xml version="1.0" encoding="latin1"?>', '<?xml?>'],
);
const epilog = often(['', '\n', '  \n'], ['<!-- c -->', 'junk', '<x/>', '&amp;']);
const declarations = often(
  [' xmlns:x="urn:x" xmlns:p1="urn:p" xmlns:atom="http://www.w3.org/2005/Atom"', ' xmlns="urn:d" xmlns:x="urn:x" xmlns:p1="urn:p" xmlns:atom="urn:atom"'],
  [''],
);

const documentArb = fc.record({ prolog, root: element, declarations, epilog }).map(({ prolog: before, root: r, declarations: ns, epilog: after }) => {
  const text = serialize(r);
  const at = text.search(/[\s/>]/);
  return `${before}${text.slice(0, at)}${ns}${text.slice(at)}${after}`;
});

describe('parseXmlFast', () => {
  it('builds the same tree as saxes for every document it accepts', () => {
    accepted = 0;
    fc.assert(fc.property(documentArb, agrees), { numRuns: 2000 });
    // The generator is tuned so that about a third of its documents stay on the fast path.
    expect(accepted).toBeGreaterThan(300);
  });

  it('agrees with saxes on damaged documents', () => {
    const damaged = fc.tuple(documentArb, fc.nat(), fc.constantFrom('', '<', '>', '&', '"', '/', ']]>', '\n', '-', ':')).map(([text, at, insert]) => {
      const i = text.length ? at % text.length : 0;
      return insert === '' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + insert + text.slice(i);
    });
    fc.assert(fc.property(damaged, agrees), { numRuns: 2000 });
  });

  it('agrees on hand-picked edge cases', () => {
    const cases = [
      '<a>x ]]> y</a>',
      '<a><![CDATA[]]></a>',
      '<a><![CDATA[]]><b/></a>',
      '<a>t<!--c-->u</a>',
      '<a><!----></a>',
      '<a><!-- a -- b --></a>',
      '<a><!--x---></a>',
      '<a\nb="1"/>',
      '<a\n/>',
      '<a>\n  <b\n/>\n<c\tx="1"/><d\n\nx="2"/>\n\n   <e/></a>',
      '<a b="1"\n/>',
      '<a b="1"c="2"/>',
      '<a b="x\ty\nz&#10;"/>',
      "<a b='\"'/>",
      '<x:a xmlns:x="urn:x"/>',
      '<x:a/>',
      '<a x:b="1"/>',
      '<a xmlns:x="urn:x" xmlns:y="urn:x" x:b="1" y:b="2"/>',
      '<a b="1" b="2"/>',
      '<a xmlns=""/>',
      '<a xmlns:x=""/>',
      '<a xml:lang="uk"><b/><c xml:lang=""/></a>',
      '<xml:a/>',
      '<xmlns:a/>',
      '<a></b>',
      '<a>',
      '<a/><b/>',
      '<a/>\n',
      '<a/>x',
      '<?xml version="1.0"?><a/><!-- after -->',
      '<a>&#x41;&#65;&#1114111;</a>',
      '<a>&#X41;</a>',
      '<a>&#0;</a>',
      '<a>&#xD800;</a>',
      '<a>\u00e9</a>',
      '<a b="&lt;&gt;&amp;&quot;&apos;"/>',
      '<a><?pi x?></a>',
      '<a><!DOCTYPE x></a>',
    ];
    for (const text of cases) agrees(text);
    expect(parseXmlFast('<a b="x\ty\nz&#10;"/>')?.root.attributes[0]?.value).toBe('x y z\n');
  });

  it('takes surrogate pairs and leaves lone surrogates and non-characters to saxes', () => {
    expect(parseXmlFast('<a b="\u{1F600}">\u{1F600}x\u{10FFFF}</a>')?.root.children).toEqual([{ kind: 'text', text: '\u{1F600}x\u{10FFFF}' }]);
    for (const bad of ['\uD83D', '\uDE00', '\uDE00\uD83D', 'x\uD83Dx', '\uFFFE', '\uFFFF', '\u0001', '\r']) {
      expect(parseXmlFast(`<a>\u{1F600}${bad}</a>`), JSON.stringify(bad)).toBeUndefined();
      expect(parseXmlFast(`<a>${bad}</a>`), JSON.stringify(bad)).toBeUndefined();
    }
    // A lone surrogate at the very end, and a high surrogate whose pair would be out of range.
    expect(parseXmlFast('<a/>\uD83D')).toBeUndefined();
    expect(parseXmlFast('<a>\uD83D</a>\uDE00')).toBeUndefined();
  });

  it('takes the fast path for the feeds storyfeed writes', () => {
    const config = validateConfig(JSON.parse(readFileSync(path.join(root, 'storyfeed.config.json'), 'utf8')));
    const file = 'seeds/nato-north-korea-troops.txt';
    const story = parseSeed(readFileSync(path.join(root, file), 'utf8'), { file, site: { ...config, defaultYear: 2024 }, fallbackDate: new Date('2024-10-21T00:00:00Z') });
    const { outputs } = buildFeeds([story, { ...story, id: `${story.id}-2`, title: 'Q&A: <b> "quoted" ]]> & more', contentHtml: '<p>a ]]> b</p>\r\n<p>&amp; c</p>' }], config);
    for (const text of [outputs.rss, outputs.atom]) {
      const fast = parseXmlFast(text);
      expect(fast).toBeDefined();
      expect(parseXmlWithSaxes(text)).toEqual(fast);
    }
  });
});
