import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import type { AnalysisInput } from '../../../src/story/analysis/index.js';

const seedPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'seeds', 'nato-north-korea-troops.txt');
const SUBHEADING = 'North Korean troops in Ukraine';

const seedInput = (): AnalysisInput => {
  const [title = '', ...rest] = readFileSync(seedPath, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { title, headings: rest.filter((l) => l === SUBHEADING), paragraphs: rest.filter((l) => l !== SUBHEADING), language: 'en' };
};

describe('seed article: NATO official on North Korean troops', () => {
  const result = analyzeArticle(seedInput());

  it("finds the five quotations by Gerry Connolly and the White House's quoted words", () => {
    expect(result.quotes).toHaveLength(6);
    for (const q of result.quotes.slice(0, 5)) expect(q.speaker).toBe('Gerry Connolly');
    expect(result.quotes[0]?.text.startsWith('Northern Koreans want to gain combat experience.')).toBe(true);
    expect(result.quotes[0]?.text.endsWith('clear goals for themselves')).toBe(true);
    // A short fragment of what a body said is a quotation too ("called Pyongyang's decision "an act of desperation"").
    expect(result.quotes[5]).toEqual({ text: 'an act of desperation', speaker: 'White House' });
  });

  it('strips the trailing comma inside quotation marks', () => {
    for (const q of result.quotes) expect(q.text.endsWith(',')).toBe(false);
  });

  it('finds the cited sources and no people among them', () => {
    expect(result.sources).toEqual(expect.arrayContaining(['Radio Liberty', 'The Telegraph', 'SPRAVDI Center']));
    for (const person of result.entities.people) expect(result.sources).not.toContain(person);
    expect(result.sources).not.toContain('Connolly');
  });

  it('finds the people under their full names', () => {
    expect(result.entities.people).toEqual(expect.arrayContaining(['Gerry Connolly', 'Kim Jong Un', 'Donald Trump', 'Vladimir Putin', 'Volodymyr Zelenskyy', 'Mark Rutte']));
    expect(result.entities.people).not.toContain('Putin');
    expect(result.entities.people).not.toContain('Connolly');
    expect(result.entities.people).not.toContain('Kim');
  });

  it('finds the places', () => {
    expect(result.entities.places).toEqual(expect.arrayContaining(['Ukraine', 'Russia', 'North Korea', 'China', 'Moscow', 'Pyongyang', 'US']));
  });

  it('finds the organisations, with titles split off', () => {
    expect(result.entities.organizations).toEqual(expect.arrayContaining(['NATO', 'NATO Parliamentary Assembly', 'White House', 'French Foreign Ministry']));
  });

  it('reports no junk', () => {
    const all = [...result.entities.people, ...result.entities.organizations, ...result.entities.places];
    for (const junk of [
      'Former',
      'General Mark Rutte',
      'Asia.',
      "Russia's",
      'Korean War',
      'World War II',
      'Operation Barbarossa',
      'October',
      'Russian',
      'North Korean',
      'Northern Koreans',
      'However',
      'Meanwhile',
      'According',
      'NATO PA',
      'The White House',
    ]) {
      expect(all).not.toContain(junk);
    }
    for (const name of all) {
      expect(name).not.toMatch(/[.,;:]$/);
      expect(name).not.toMatch(/['’]s$/);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('ranks the story’s main actors first', () => {
    const top = result.ranked.slice(0, 6).map((e) => e.name);
    expect(top).toEqual(expect.arrayContaining(['Gerry Connolly', 'Russia', 'North Korea', 'Ukraine']));
    const connolly = result.ranked.find((e) => e.name === 'Gerry Connolly');
    expect(connolly?.kind).toBe('person');
    expect(connolly?.mentions).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < result.ranked.length; i++) expect(result.ranked[i - 1]!.score).toBeGreaterThanOrEqual(result.ranked[i]!.score);
  });

  it('lists the same entities in `ranked` as in `entities`', () => {
    const listed = [...result.entities.people, ...result.entities.organizations, ...result.entities.places].sort();
    expect(result.ranked.map((e) => e.name).sort()).toEqual(listed);
  });

  it('gives the same quotes and sources with entities off, and no entities', () => {
    const light = analyzeArticle(seedInput(), { entities: false });
    expect(light.quotes).toEqual(result.quotes);
    expect(light.sources).toEqual(result.sources);
    expect(light.entities).toEqual({ people: [], organizations: [], places: [] });
    expect(light.ranked).toEqual([]);
  });
});
