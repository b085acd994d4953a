import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';

// Small articles in the shapes the rest of the pipeline produces (plain-text paragraphs in reading order).

describe('fixture: Baltic radars (CRLF, BOM)', () => {
  const result = analyzeArticle({
    title: '\uFEFFBaltic states agree to link air-defence radars by 2027',
    headings: ['What changes for civil aviation'],
    paragraphs: [
      'Estonia, Latvia and Lithuania signed an agreement on Tuesday to connect their air-defence radar networks into a single picture of the sky, the Estonian Defence Ministry said in a statement.\r',
      '"No single country on the eastern flank can watch its airspace alone any more," Estonian Defence Minister Hanno Pevkur told reporters in Tallinn. "A shared picture means we see a drone once, not three times."',
      'The project is expected to cost about 120 million euros, most of it funded through the European Defence Fund.',
      'Civil air-traffic controllers will receive a filtered feed of the combined picture, according to the Lithuanian transport agency.',
      'Officials in Riga said the first shared station would open near Rezekne next spring.',
    ],
    language: 'en',
  });

  it('attributes both quotations around one attribution to Hanno Pevkur', () => {
    expect(result.quotes).toEqual([
      { text: 'No single country on the eastern flank can watch its airspace alone any more', speaker: 'Hanno Pevkur' },
      { text: 'A shared picture means we see a drone once, not three times.', speaker: 'Hanno Pevkur' },
    ]);
  });

  it('cites the ministry statement and the transport agency', () => {
    expect(result.sources).toEqual(['Estonian Defence Ministry', 'Lithuanian transport agency']);
  });

  it('finds people, bodies and places', () => {
    expect(result.entities.people).toEqual(['Hanno Pevkur']);
    expect(result.entities.organizations).toEqual(expect.arrayContaining(['Estonian Defence Ministry', 'European Defence Fund']));
    expect(result.entities.places).toEqual(expect.arrayContaining(['Estonia', 'Latvia', 'Lithuania', 'Tallinn', 'Riga', 'Rezekne']));
  });
});

describe('fixture: Danube ferry (dateline and byline)', () => {
  const result = analyzeArticle({
    title: 'Danube ferry service resumes after six-week halt',
    headings: [],
    paragraphs: [
      'By Ivan Petrenko and Maria Lopez',
      'IZMAIL, Ukraine, Nov. 3 — A ferry linking the Ukrainian port of Izmail with the Romanian town of Isaccea resumed service on Sunday after a six-week halt caused by low water on the Danube, the operator said.',
      '"We carried forty trucks on the first day," operator spokesman Dmytro Hrytsenko said.',
      'Romanian border police confirmed that the checkpoint at Isaccea was open around the clock again.',
    ],
    language: 'en',
  });

  it('attributes the quotation to the spokesman', () => {
    expect(result.quotes).toEqual([{ text: 'We carried forty trucks on the first day', speaker: 'Dmytro Hrytsenko' }]);
  });

  it('cites the border police but not "the operator"', () => {
    expect(result.sources).toEqual(['Romanian border police']);
  });

  it('finds the places, the dateline under its normal spelling', () => {
    expect(result.entities.places).toEqual(expect.arrayContaining(['Izmail', 'Ukraine', 'Isaccea', 'Danube']));
    expect(result.entities.places).not.toContain('IZMAIL');
    expect(result.entities.people).toContain('Dmytro Hrytsenko');
    expect(result.entities.organizations).not.toContain('IZMAIL');
  });
});

describe('fixture: grain corridor (Markdown turned into plain paragraphs)', () => {
  const result = analyzeArticle({
    title: 'Grain corridor traffic rises for a third month',
    headings: ['Why insurers matter'],
    paragraphs: [
      'Ships leaving the ports of the Odesa region carried 6.2 million tonnes of cargo in September, the third monthly rise in a row, the Ukrainian Sea Ports Authority said on Monday.',
      "War-risk premiums fell to about 1% of a cargo's value, down from 3% a year ago, according to two brokers in London.",
      '"Insurance is the real gate of this corridor," said one broker. "When the premium falls, the ships come."',
      'The authority listed the main cargoes:',
      'wheat and corn, about two thirds of the total;',
      'iron ore, which returned in August;',
      'sunflower oil.',
      'Traffic could slow in winter storms, port officials warned.',
    ],
    language: 'en',
  });

  it('keeps the descriptive speaker when no name is given', () => {
    expect(result.quotes).toEqual([
      { text: 'Insurance is the real gate of this corridor', speaker: 'one broker' },
      { text: 'When the premium falls, the ships come.', speaker: 'one broker' },
    ]);
  });

  it('cites the authority but not "two brokers in London"', () => {
    expect(result.sources).toEqual(['Ukrainian Sea Ports Authority']);
  });

  it('finds the place and the authority', () => {
    expect(result.entities.places).toEqual(expect.arrayContaining(['Odesa', 'London']));
    expect(result.entities.organizations).toEqual(['Ukrainian Sea Ports Authority']);
    expect(result.entities.people).toEqual([]);
  });
});

describe('fixture: Kharkiv metro (one paragraph)', () => {
  it('finds the mayor and the city', () => {
    const result = analyzeArticle({
      title: 'Kharkiv metro extends free rides for another year',
      headings: [],
      paragraphs: ["The city council of Kharkiv voted on Thursday to keep rides on the city's metro free of charge until the end of next year, Mayor Ihor Terekhov said."],
      language: 'en',
    });
    expect(result.entities.people).toEqual(['Ihor Terekhov']);
    expect(result.entities.places).toEqual(['Kharkiv']);
    expect(result.quotes).toEqual([]);
    expect(result.sources).toEqual([]);
  });
});

describe('fixture: alert app (lists)', () => {
  it('finds the ministry as organisation and source', () => {
    const result = analyzeArticle({
      title: 'What the new air-raid alert app changes',
      headings: [],
      paragraphs: [
        'The Ministry of Digital Transformation released an update of its alert app on Friday with three changes:',
        'alerts now name the district, not only the region;',
        'a silent mode keeps only critical alerts;',
        'the app works offline for up to six hours.',
        'The update also fixes two problems reported by users:',
        'delayed notifications on older Android phones;',
        'a wrong map of the Chernihiv region.',
        'The ministry said more than 10 million people use the app.',
      ],
      language: 'en',
    });
    expect(result.entities.organizations).toEqual(['Ministry of Digital Transformation']);
    expect(result.sources).toEqual(['Ministry of Digital Transformation']);
    expect(result.entities.places).toEqual(['Chernihiv']);
    expect(result.entities.people).toEqual([]);
  });
});

describe('fixture: hostile input', () => {
  it('does not crash and finds nothing odd', () => {
    const result = analyzeArticle({
      title: 'Q&A: <b>bold</b> claims & the ]]> problem',
      headings: [],
      paragraphs: [
        'Text with a control char here: \u0007 and a NUL: \u0000 and a non-character \uFFFE end.',
        "<script>alert('x')</script>",
        '[click me](javascript:alert(1)) and an emoji 🛰️ and RTL: שלום עולם.',
        'Entities: &amp; &lt;tag&gt; &#x1F600; &nbsp;',
      ],
      language: 'en',
    });
    expect(result.quotes).toEqual([]);
    expect(result.entities.people).toEqual([]);
  });
});
