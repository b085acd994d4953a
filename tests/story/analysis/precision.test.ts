import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const entities = (paragraphs: string[], language = 'en') => analyzeArticle(article(paragraphs, 'News', language)).entities;

describe('entity precision before recall', () => {
  it('takes no season, disease or technical abbreviation for an entity', () => {
    const e = entities(['In Spring the town will open a new clinic.', 'Cases of Ebola and COVID fell while GDP grew.']);
    expect(e).toEqual({ people: [], organizations: [], places: [] });
  });

  it('takes a company named like a person for a company after "shares in"', () => {
    const e = entities(['Investors bought shares in Morgan Stanley after the results.']);
    expect(e.people).toEqual([]);
    expect(e.organizations).toEqual(['Morgan Stanley']);
  });

  it('takes "Parti …" and "Bloc …" for parties', () => {
    expect(entities(['The Parti Québécois and the Bloc Québécois criticised the decision.']).organizations).toEqual(['Parti Québécois', 'Bloc Québécois']);
  });

  it('takes the name a bearing is measured from for a place', () => {
    expect(entities(['The epicentre lay 240 kilometres north-northwest of Tarvonk, at a depth of ten kilometres.']).places).toEqual(['Tarvonk']);
  });

  it('takes planets for places and "the Greens" for a party', () => {
    const e = entities(['The probe will reach the orbit of Jupiter in 2031.', 'Support for the Greens rose in the city.']);
    expect(e.places).toEqual(['Jupiter']);
    expect(e.organizations).toEqual(['Greens']);
  });

  it('takes "the Tarvonk police department" for a body, and "The city council" for no name', () => {
    const e = entities(['Officers of the Tarvonk police department arrived at 8:13am.', 'The city council met on Friday.']);
    expect(e.organizations).toEqual(['Tarvonk police department']);
    expect(e.places).toEqual([]);
  });

  it('keeps lowercase particles inside names', () => {
    expect(entities(['Ursula von der Leyen met Luiz Inácio Lula da Silva in Brussels.']).people).toEqual(['Ursula von der Leyen', 'Luiz Inácio Lula da Silva']);
  });

  it('does not fold an inflected Ukrainian body after a title into the person', () => {
    expect(entities(['Голова Верховної Ради Руслан Стефанчук підписав закон.'], 'uk').people).toEqual(['Руслан Стефанчук']);
  });

  it('takes inflected Ukrainian bodies for bodies, not people', () => {
    const e = entities(['Представники Верховної Ради заявили, що закон ухвалять.', 'Голова Служби безпеки Василь Малюк виступив у Києві.'], 'uk');
    expect(e.people).toEqual(['Василь Малюк']);
    // Named in the nominative; the title's body is a body too.
    expect(e.organizations).toEqual(['Верховна Рада', 'Служба безпеки']);
  });

  it('finds German names, places and bodies without taking nouns for names', () => {
    const e = entities(
      ['Bundeskanzler Olaf Scholz traf in Berlin den französischen Präsidenten Emmanuel Macron.', 'In Deutschland und Frankreich wächst die Sorge vor einem Streik.'],
      'de',
    );
    expect(e.people).toEqual(['Olaf Scholz', 'Emmanuel Macron']);
    expect(e.places).toEqual(['Berlin', 'Deutschland', 'Frankreich']);
    expect(e.organizations).toEqual([]);
  });

  it('finds French people named at a sentence start and German party acronyms', () => {
    expect(entities(['Didier Deschamps et Hugo Lloris ont quitté Moscou.'], 'fr').people).toEqual(['Didier Deschamps', 'Hugo Lloris']);
    const de = entities(['Die Partei ANO von Andrej Babiš gewann die Wahl vor der ČSSD.'], 'de');
    expect(de.organizations).toEqual(['ANO', 'ČSSD']);
    expect(de.people).toEqual(['Andrej Babiš']);
  });

  it('takes a bare German name after "in"/"nach" for a place, but not a noun in a fixed phrase', () => {
    const e = entities(['Die Unruhen griffen nach Enfield und Brixton über. In Zukunft will die Polizei mehr zeigen. Er ging aus Protest nach Hause.'], 'de');
    expect(e.places).toEqual(['Enfield', 'Brixton']);
  });

  it('finds Spanish and French bodies and sources', () => {
    expect(entities(['La Organización Mundial de la Salud alertó sobre el brote en México.'], 'es').organizations).toEqual(['Organización Mundial de la Salud']);
    const fr = analyzeArticle(article(['La SNCF a annoncé une grève, selon Le Monde.'], 'Actualités', 'fr'));
    expect(fr.sources).toEqual(['Le Monde']);
  });

  it('takes no place for a weak name in a list of parties', () => {
    const e = entities(['Voters heard candidates from Unionists, Reformers, Greenway Party members and Renewal, as well as independents.']);
    expect(e.places).toEqual([]);
    expect(e.organizations).toEqual(['Greenway Party']);
  });

  it('keeps places in a list that holds a known place', () => {
    const e = entities(['Flights from Tarvonk, Vienna and Belmarsh were cancelled by Acme Airlines.']);
    expect(e.places).toEqual(['Tarvonk', 'Vienna', 'Belmarsh']);
  });

  it('takes no place for the letters of a currency', () => {
    const e = entities(['The deal is worth US$12 million, or about NZ$ 19 million.', 'Talks in the US continue.']);
    expect(e.places).toEqual(['US']);
    expect(entities(['The deal is worth US$12 million.']).places).toEqual([]);
  });

  it('takes a church or a division named after a given name for a body, not a person', () => {
    const e = entities(['A fire damaged Hope Valley Chapel’s hall on Sunday.', 'Staff of the Ember Division met on Monday.']);
    expect(e.people).toEqual([]);
    expect(e.organizations).toEqual(['Hope Valley Chapel', 'Ember Division']);
  });

  it('takes no person from a name a plural noun for people owns', () => {
    const e = entities(["Crews marked International Women's Day in Tarvonk.", "Reporters spoke with manager Lena Dahl about the campaign around International Women's Day."]);
    expect(e.people).toEqual(['Lena Dahl']);
  });

  it('keeps an Arabic "el" inside an English name', () => {
    expect(entities(['Officials said Ahmed el Sayed met Nadia Osman in Cairo on Monday.']).people).toEqual(['Ahmed el Sayed', 'Nadia Osman']);
  });

  it('takes no body from a capitalised common word before a plural ("other Western companies")', () => {
    expect(entities(['Lawmakers urged Google and other Western companies to publish their data.']).organizations).toEqual(['Google']);
  });

  it('takes no body from an acronym that ends a list of lowercase nouns', () => {
    expect(entities(['Officers found heroin, cannabis, and GHB in the van.']).organizations).toEqual([]);
    expect(entities(['Officials from the ministry, the police, and NATO met.']).organizations).toEqual(['NATO']);
  });

  it('takes "the South\'s" and "the West\'s" for owners outside the name, and for no entity', () => {
    const e = entities(["The rocket fell into the sea, the South's Joint Chiefs of Staff said.", "The West's reply was muted."]);
    expect(e.organizations).toEqual(['Joint Chiefs of Staff']);
    expect(e.people).toEqual([]);
    expect(e.places).toEqual([]);
  });
});
