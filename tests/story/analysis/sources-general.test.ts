import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const sources = (text: string, language: string): string[] => analyzeArticle(article([text], 'News', language)).sources;

describe('sources: inverted attributions with an auxiliary or a descriptor', () => {
  it('Spanish: the verb, an article and an outlet noun before the name ("informó la agencia Reuters")', () => {
    expect(sources('Dos personas murieron en el incendio, informó la agencia Reuters.', 'es')).toEqual(['Reuters']);
    expect(sources('El puente seguirá cerrado hasta marzo, ha informado el diario La Prensa.', 'es')).toEqual(['La Prensa']);
  });

  it('French: a compound past and an elided article ("a rapporté l\'Agence France-Presse")', () => {
    expect(sources("Deux personnes sont mortes dans l'incendie, a rapporté l'Agence France-Presse.", 'fr')).toEqual(['Agence France-Presse']);
    expect(sources('Le pont restera fermé, rapporte le quotidien Le Monde.', 'fr')).toEqual(['Le Monde']);
  });

  it('a verb after "según"/"selon" does not hide the source ("según informó la agencia Efe")', () => {
    expect(sources('Según informó la agencia Efe, dos personas murieron en el incendio.', 'es')).toEqual(['Efe']);
    expect(sources("Selon l'agence Reuters, le pont restera fermé.", 'fr')).toEqual(['Reuters']);
  });
});

describe('sources: German', () => {
  it('"wie X berichtete": the subject of a reporting clause', () => {
    expect(sources('Die Firma will 500 Stellen streichen, wie das Handelsblatt berichtete.', 'de')).toEqual(['Handelsblatt']);
    expect(sources('Der Zug entgleiste am Morgen, wie die Nachrichtenagentur Reuters meldete.', 'de')).toEqual(['Reuters']);
  });

  it('"X zufolge": the name before the postposition', () => {
    expect(sources('Dem Spiegel zufolge soll der Minister zurücktreten.', 'de')).toEqual(['Spiegel']);
    expect(sources('Einem Bericht der Süddeutschen Zeitung zufolge soll der Minister zurücktreten.', 'de')).toEqual(['Süddeutsche Zeitung']);
  });

  it('an outlet noun names what follows it, lowercase agency abbreviations included ("laut der Nachrichtenagentur dpa")', () => {
    expect(sources('Laut der Nachrichtenagentur dpa wurden zwei Menschen verletzt.', 'de')).toEqual(['dpa']);
  });
});

describe('sources: Ukrainian', () => {
  it('"як повідомило агентство X": any form of a report verb after "як"', () => {
    expect(sources('Як повідомило агентство Укрінформ, у Харкові пролунали вибухи.', 'uk')).toEqual(['Укрінформ']);
  });
});

describe('sources: Ukrainian case forms', () => {
  it('an adjectival name in another case is the same source ("Суспільне", "Суспільного")', () => {
    expect(sources('Про це повідомляє Суспільне. За інформацією Суспільного, вибухи пролунали вночі.', 'uk')).toEqual(['Суспільне']);
  });
});

describe('sources: more general constructions', () => {
  it('English: outlets and bodies named through staff, documents, descriptors and "the"', () => {
    expect(sources('The Interfax news agency quoted the minister as saying the talks had failed.', 'en')).toEqual(['Interfax']);
    expect(sources('According to a report in The Guardian, the plan was dropped.', 'en')).toEqual(['The Guardian']);
    expect(sources('The newspaper Le Monde wrote that the minister would resign.', 'en')).toEqual(['Le Monde']);
    expect(sources('A spokesman for the Foreign Office said the embassy was closed.', 'en')).toEqual(['Foreign Office']);
    expect(sources('Officials at the World Health Organization said the outbreak was under control.', 'en')).toEqual(['World Health Organization']);
    expect(sources('Data from the Office for National Statistics showed a fall in unemployment.', 'en')).toEqual(['Office for National Statistics']);
    expect(sources('The Kremlin said on Monday the talks would continue.', 'en')).toEqual(['Kremlin']);
  });

  it('English: a role "of" a body in an apposition is no staff speaking for it', () => {
    expect(sources('Senator Ana Ruiz, the nominee of the Liberal Party, announced her running mate.', 'en')).toEqual([]);
  });

  it('German, Spanish and French: the subject after the verb when the sentence opens with what was said', () => {
    expect(sources('Das teilte das Bundesamt für Statistik am Dienstag mit.', 'de')).toEqual(['Bundesamt für Statistik']);
    expect(sources('Así lo publicó la agencia Efe el lunes.', 'es')).toEqual(['Efe']);
  });

  it('French: "d\'après X" and "selon X" at a sentence start, and "citées par l\'AFP"', () => {
    expect(sources("D'après Le Figaro, le ministre va démissionner.", 'fr')).toEqual(['Le Figaro']);
    expect(sources('Selon Le Figaro, le ministre va démissionner.', 'fr')).toEqual(['Le Figaro']);
    expect(sources("Selon des sources policières citées par l'AFP, trois personnes ont été arrêtées.", 'fr')).toEqual(['AFP']);
  });

  it('Ukrainian: the body in whose office or statement something was said', () => {
    expect(sources('Про це повідомили в пресслужбі Укренерго.', 'uk')).toEqual(['Укренерго']);
    expect(sources('Про це йдеться в повідомленні Міністерства оборони України.', 'uk')).toEqual(['Міністерство оборони України']);
  });
});

describe('sources: Ukrainian verb forms and case forms of one body', () => {
  it('any form of the report verb before the body ("Про це повідомило Міністерство …")', () => {
    expect(sources('Про це повідомило Міністерство оборони України.', 'uk')).toEqual(['Міністерство оборони України']);
  });

  it('a body\'s first word alone in another case is that body, named as written elsewhere ("Генштабу", "Генштаб ЗСУ")', () => {
    expect(sources('За інформацією Генштабу, бої тривають. Генштаб ЗСУ звітує щодня.', 'uk')).toEqual(['Генштаб ЗСУ']);
  });
});

describe('sources: regional adjectives describe bodies too', () => {
  it('"Catalan police said" cites the described body, and "Catalan" is no place or person', () => {
    const r = analyzeArticle(article(['Catalan police said the blast was caused by gas canisters.'], 'News', 'en'));
    expect(r.sources).toEqual(['Catalan police']);
    expect(r.entities).toEqual({ people: [], organizations: [], places: [] });
  });
});

describe('sources: German public bodies by their common noun', () => {
  it('"Nach Angaben der Polizei", "laut Innenministerium", "Der Polizei zufolge"', () => {
    expect(sources('Nach Angaben der Polizei wurden drei Menschen verletzt.', 'de')).toEqual(['Polizei']);
    expect(sources('Laut Innenministerium gab es 90 Festnahmen.', 'de')).toEqual(['Innenministerium']);
    expect(sources('Der Polizei zufolge blieb es ruhig.', 'de')).toEqual(['Polizei']);
  });
});

describe('sources: a body speaking through a titled person, and outlets told', () => {
  it('the body before a title and a name is the source of what the person says ("White House spokesman X said")', () => {
    expect(sources('White House spokesman Tom Vale said the president would travel on Friday.', 'en')).toEqual(['White House']);
    expect(sources('Interior Ministry spokeswoman Ana Pell told reporters the roads were closed.', 'en')).toEqual(['Interior Ministry']);
    // A person with a role of their own is no body's voice ("Senator Ana Pell said").
    expect(sources('Senator Ana Pell said the roads were closed.', 'en')).toEqual([]);
  });

  it('a Ukrainian broadcaster named after a verb of saying in the same sentence is the source ("сказав … на каналі CBS")', () => {
    expect(sources('«Ми готові до переговорів», - сказав Петренко в ефірі програми "Тиждень" на каналі CBS.', 'uk')).toEqual(['CBS']);
  });

  it("an outlet in an interview phrase is the source, but an exclusive interview is the publisher's own", () => {
    expect(sources('El ministro dijo en una entrevista con la cadena CNN que la situación era grave.', 'es')).toEqual(['CNN']);
    expect(sources("«Ми готові», - заявив в ексклюзивному інтерв'ю Радіо Свобода посол.", 'uk')).toEqual([]);
  });
});

describe('sources: seats of government and titles that govern a body', () => {
  it('a Cyrillic title governing a body before a name cites that body when the person speaks ("Речник Пентагону …")', () => {
    const r = analyzeArticle(article(['Речник Пентагону Олег Гай сказав, що допомога продовжиться.'], 'Новини', 'uk'));
    expect(r.sources).toEqual(['Пентагон']);
    expect(r.entities.people).toEqual(['Олег Гай']);
  });

  it('"Press Secretary" is one title after the body ("Pentagon Press Secretary …")', () => {
    const r = analyzeArticle(article(['Pentagon Press Secretary Tom Vale said aid would continue.']));
    expect(r.entities.organizations).toEqual(['Pentagon']);
    expect(r.sources).toEqual(['Pentagon']);
  });

  it('the White House and the Kremlin in Ukrainian are bodies when they speak or employ, in any case', () => {
    const r = analyzeArticle(article(['Білий дім заявив про нову допомогу. Кремль заявив, що відповість.'], 'Новини', 'uk'));
    expect(r.entities.organizations).toEqual(['Білий дім', 'Кремль']);
    expect(r.sources).toEqual(['Білий дім', 'Кремль']);
  });

  it('a seat of government standing for a government is no body ("покарання Кремля")', () => {
    expect(analyzeArticle(article(['Уряд обговорює покарання Кремля за вторгнення.'], 'Новини', 'uk')).entities.organizations).toEqual([]);
  });
});

describe('sources: counting verbs, reports in German, bodies located by a place', () => {
  it('a Spanish body that documents or counts is the source ("documentó", "contabilizó"); "ONG" only describes it', () => {
    expect(sources('El Observatorio Rural de Conflictos documentó 200 protestas en junio.', 'es')).toEqual(['Observatorio Rural de Conflictos']);
    expect(sources('La ONG Presos Unidos contabilizó mil presos en su informe mensual.', 'es')).toEqual(['Presos Unidos']);
  });

  it('German: "laut einem Bericht der X" cites X', () => {
    expect(sources('Laut einem Bericht der Harbor Times wurden zwei Menschen verletzt.', 'de')).toEqual(['Harbor Times']);
  });

  it('the body before "in" and its city is the subject ("the Embassy in Kyiv said", "Посольство … в Києві повідомило")', () => {
    expect(sources('Officials at the Canadian Embassy in Kyiv said the staff were safe.', 'en')).toEqual(['Canadian Embassy']);
    expect(sources('Посольство Канади в Києві повідомило, що консульство закрите.', 'uk')).toEqual(['Посольство Канади']);
  });

  it('a title and a body\'s acronym before a name ("Речниця МЗС …") cite the body', () => {
    expect(sources('Речниця МЗС Ольга Лисенко сказала, що посол повернеться.', 'uk')).toEqual(['МЗС']);
  });
});

describe('Spanish bodies after an article', () => {
  it('two capitalised words after an article that speak are a body, no person ("la Casa Blanca anunció")', () => {
    const r = analyzeArticle(article(['Ayer, la Casa Rosada anunció nuevas medidas.'], 'Noticias', 'es'));
    expect(r.entities.people).toEqual([]);
    expect(r.entities.organizations).toEqual(['Casa Rosada']);
  });
});

describe('sources: a phrase set off by commas between the body and its verb', () => {
  it('"NATO, in a statement, said", "la Policía Nacional, en un comunicado, informó"', () => {
    expect(sources('NATO, in a statement, said the drills were planned.', 'en')).toEqual(['NATO']);
    expect(sources('La Policía Nacional, en un comunicado, informó que hubo dos detenidos.', 'es')).toEqual(['Policía Nacional']);
    expect(sources('Jane Doe, in a statement, said she was innocent.', 'en')).toEqual([]);
  });

  it("takes a person's release for freedom, and only a press release for a document", () => {
    expect(sources("Mirela's release was confirmed this week.", 'en')).toEqual([]);
    expect(analyzeArticle(article(["Mirela's release was confirmed this week."], 'News', 'en')).entities.organizations).toEqual([]);
    expect(sources('Figures in a press release from Tarvonk Statistics showed growth.', 'en')).toEqual(['Tarvonk Statistics']);
  });
});

describe('sources: documents still to come', () => {
  it('figures that will be released by a body, or a report set to be released, cite nothing yet', () => {
    expect(sources('Sales figures should be released by Norvale Foods and Brightmart next week. The Halden Retail report is set to be released on Tuesday.', 'en')).toEqual([]);
  });

  it('figures already released by a body cite it', () => {
    expect(sources('Sales figures released by Norvale Foods on Monday showed a fall.', 'en')).toEqual(['Norvale Foods']);
  });
});

describe('sources: the body a quoted spokesperson speaks for', () => {
  it('an apposition after the name ("Maria Olsen, a spokeswoman for …") cites the body', () => {
    const r = analyzeArticle(article(['"The pipeline is safe," said Maria Olsen, a spokeswoman for the Northern Grid Company.'], 'News', 'en'));
    expect(r.sources).toEqual(['Northern Grid Company']);
  });

  it('an apposition before the name ("la portavoz de la Compañía …, Marta Gil") cites the body', () => {
    const r = analyzeArticle(article(['"La presa es segura", dijo la portavoz de la Compañía Eléctrica del Norte, Marta Gil.'], 'Noticias', 'es'));
    expect(r.sources).toEqual(['Compañía Eléctrica del Norte']);
  });

  it('a director or a pastor quoted on their own account cites no body', () => {
    const r = analyzeArticle(article(['"I will step down in May," said Tom Berg, executive director of the Lakeside Trust.'], 'News', 'en'));
    expect(r.sources).toEqual([]);
  });
});

describe('sources: leaders and statements', () => {
  it('a quoted leader introduced as the head of "the organisation" cites the body the article names most', () => {
    const r = analyzeArticle(
      article(
        ['Las Madres del Parque marcharon el domingo. "Fueron detenidas doce", dijo la líder de la organización, Rosa Ibáñez.', 'Las Madres del Parque volverán a marchar.'],
        'Noticias',
        'es',
      ),
    );
    expect(r.sources).toEqual(['Madres del Parque']);
  });

  it('a person speaking "in a statement" cites the body of the post an apposition gives them', () => {
    const r = analyzeArticle(article(['"We will appeal," Tom Hale, president and editor of the Harbour Gazette, said in a statement.'], 'News', 'en'));
    expect(r.sources).toEqual(['Harbour Gazette']);
  });
});

describe("sources: a title naming a body's head", () => {
  it('a quoted official whose title holds the head noun of the one body named with it cites that body', () => {
    const r = analyzeArticle(
      article(['Flooding closed Lakeview State College on Monday.', 'College President Ana Ruiz says classes will resume. "Nobody was hurt," Ruiz said.'], 'News', 'en'),
    );
    expect(r.sources).toEqual(['Lakeview State College']);
  });

  it('two bodies named with the head leave the title to neither', () => {
    const r = analyzeArticle(
      article(
        ['Lakeview State College closed on Monday. Hill Valley College stayed open.', 'College President Ana Ruiz says classes will resume. "Nobody was hurt," Ruiz said.'],
        'News',
        'en',
      ),
    );
    expect(r.sources).toEqual([]);
  });
});

describe('a subject after a Spanish verb of saying', () => {
  it('the name before "…, dijo Ruiz" is no source ("conocida como El Mirador, …, dijo Ruiz")', () => {
    const r = analyzeArticle(article(['Lo llevaron a la estación conocida como El Mirador, en las afueras, dijo Ruiz a la prensa local.'], 'Noticias', 'es'));
    expect(r.sources).not.toContain('El Mirador');
    expect(r.entities.organizations).not.toContain('El Mirador');
  });
});
