import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const entities = (text: string, language: string) => analyzeArticle(article([text], 'News', language)).entities;

describe('German genitives', () => {
  it('a known place in the genitive is that place, in the nominative ("Städten Großbritanniens", "Münchens Oberbürgermeister")', () => {
    const e = entities('In mehreren Städten Großbritanniens kam es zu Krawallen. Münchens Oberbürgermeister Dieter Reiter sprach von Schande.', 'de');
    expect(e.places).toEqual(['Großbritannien', 'München']);
    expect(e.people).toEqual(['Dieter Reiter']);
  });

  it("a place's genitive after a body's head stays in the body's name, \"und\" a second one too", () => {
    const e = entities('Die Kommunistische Partei Böhmens und Mährens (KSČM) will die Regierung tolerieren.', 'de');
    expect(e.organizations).toEqual(['Kommunistische Partei Böhmens und Mährens']);
    expect(e.places).toEqual([]);
  });
});

describe('people: what a name is not', () => {
  it('one word after a Spanish or French definite article is no person ("la Coupe du monde")', () => {
    const e = entities('La France a remporté la Coupe du monde en battant la Croatie à Moscou.', 'fr');
    expect(e.people).toEqual([]);
  });

  it('an office "de" a place running into its holder\'s name is a place and a person', () => {
    const e = entities("Le député de Saint-Pétersbourg Vitali Milonov a demandé l'interdiction du concert.", 'fr');
    expect(e.people).toEqual(['Vitali Milonov']);
    expect(e.places).toEqual(['Saint-Pétersbourg']);
  });
});

describe('organisations: names and descriptions', () => {
  it('a body\'s generic noun first names it in Spanish, French and Ukrainian ("la Unión Europea", "з Європейським Союзом")', () => {
    expect(entities('La República Checa y la Unión Europea firmaron un acuerdo.', 'es').organizations).toEqual(['Unión Europea']);
    expect(entities('Чеська Республіка підписала угоду з Європейським Союзом.', 'uk').people).toEqual([]);
  });

  it('a generic noun and a nationality describe a body without naming it ("la Embajada americana")', () => {
    expect(entities('Solicité la visa en la Embajada americana, dijo una vecina.', 'es').organizations).toEqual([]);
  });

  it('an acronym set off by a comma after a body\'s name is that body ("la Unión Patriótica de Cuba, UNPACU.")', () => {
    expect(entities('Lo dijo el coordinador general de la Unión Patriótica de Cuba, UNPACU.', 'es').organizations).toEqual(['Unión Patriótica de Cuba']);
  });

  it('a title\'s time modifier at a sentence start is no part of a body\'s name ("Former CBS anchor")', () => {
    expect(entities('Former CBS anchor Dan Rather called him a friend.', 'en').organizations).toEqual(['CBS']);
  });

  it('a participle or gerund the lexicon does not know, opening the sentence, is no part of the name after it ("Jailed Khmer Rouge leader")', () => {
    expect(entities('Jailed Varmian Front leader Tol Senn rejected the evidence. The Varmian Front denied it.', 'en').organizations).toEqual(['Varmian Front']);
    expect(entities('Plucking DNA samples from old hair is now routine for the Varn Institute.', 'en').organizations).toEqual(['Varn Institute']);
    // Names so shaped stay: before a body's head word, a person's name, or (in "-ing") anything but an acronym.
    expect(entities('Ealing Council said the road will close.', 'en').organizations).toEqual(['Ealing Council']);
    expect(entities('Kettering General Hospital said the ward will close.', 'en').organizations).toEqual(['Kettering General Hospital']);
    expect(entities('Manning Ruiz, 34, said he saw the fire.', 'en').people).toEqual(['Manning Ruiz']);
    // A name the lexicon knows so shaped stays.
    expect(entities('Beijing Normal University opened a campus.', 'en').organizations).toEqual(['Beijing Normal University']);
  });
});

describe('broadcast scripts', () => {
  it('a cue line in double brackets ("((VO))", "((SOT))") names nothing', () => {
    const got = analyzeArticle(
      article(['El Banco Central publicó su informe.', '((VO))', 'La economía de México caerá este año.', '((SOT))', '((STAND UP))'], 'Noticia', 'es'),
    ).entities;
    expect(got.organizations).toEqual(['Banco Central']);
    expect(got.places).toEqual(['México']);
  });
});

describe('feasts are dates, not names', () => {
  it('Christmas and Easter in each language are neither places nor people', () => {
    for (const [text, language] of [
      ['En Navidad cerraron los comercios en Madrid.', 'es'],
      ['À Noël, les magasins ferment à Paris.', 'fr'],
      ['An Weihnachten bleiben die Geschäfte in Berlin geschlossen.', 'de'],
      ['На Різдво крамниці в Києві зачинені.', 'uk'],
    ] as const) {
      const e = entities(text, language);
      expect(e.people).toEqual([]);
      expect(e.places.length).toBe(1);
    }
  });
});

describe('quoted titles of works', () => {
  it('a quoted title after the noun for a work is no body ("пісню «Серце матері»", "le film « Les Misérables »")', () => {
    expect(entities('Гурт виконав пісню «Серце матері» на фестивалі у Львові.', 'uk').organizations).toEqual([]);
    expect(entities("Le film « Les Misérables » a été projeté à Cannes. L'opération « Sentinelle » continue.", 'fr').organizations).toEqual([]);
    expect(entities('Компанія «Нафтогаз» повідомила про нові тарифи.', 'uk').organizations).toEqual(['Нафтогаз']);
  });
});

describe('organisations defined by an acronym', () => {
  it('a name with lowercase words is as long as the acronym in brackets after it spells', () => {
    const e = entities("L'Organisation internationale pour les migrations (OIM) a publié un rapport. Selon l'OIM, 2 000 migrants sont morts.", 'fr');
    expect(e.organizations).toEqual(['Organisation internationale pour les migrations']);
    expect(entities('La Fédération internationale de football association (FIFA) a annoncé les dates.', 'fr').organizations).toEqual([
      'Fédération internationale de football association',
    ]);
  });

  it('a body\'s name through small words up to an acronym from another language ("Office for the Coordination of Humanitarian Affairs (OCHA)")', () => {
    expect(entities('The Office for the Coordination of Humanitarian Affairs (OCHA) said two million people need aid.', 'en')).toEqual({
      people: [],
      organizations: ['Office for the Coordination of Humanitarian Affairs'],
      places: [],
    });
    expect(entities('La Organización de las Naciones Unidas para la Alimentación y la Agricultura (FAO) advirtió sobre la sequía.', 'es').organizations).toEqual([
      'Organización de las Naciones Unidas para la Alimentación y la Agricultura',
    ]);
  });

  it('an elided article before an acronym is no part of it ("L\'UEFA")', () => {
    expect(entities("L'UEFA a salué la décision.", 'fr').organizations).toEqual(['UEFA']);
  });
});

describe('English bodies by the pronoun that takes them up', () => {
  it('"X, which" and "X announced its" make a body, not a person', () => {
    expect(entities('The plan was welcomed by Greenpeace, which has campaigned for years.', 'en').organizations).toEqual(['Greenpeace']);
    expect(entities('Its rival Tesla announced its own plans on Monday.', 'en')).toEqual({ people: [], organizations: ['Tesla'], places: [] });
  });

  it('"X, who" and "X said his" stay people', () => {
    expect(entities('The plan was welcomed by Marta Kowalski, who has campaigned for years. Kowalski said his work helped.', 'en').people).toEqual(['Marta Kowalski']);
  });
});

describe('people and places: particles, venues, languages', () => {
  it('a given name, a particle and an article before a surname are one name ("Ursula von der Leyen")', () => {
    expect(entities('Ursula von der Leyen reiste am Montag nach Brüssel.', 'de').people).toEqual(['Ursula von der Leyen']);
    expect(entities('Die Plattform wird von der Wikimedia Foundation betrieben.', 'de').people).toEqual([]);
  });

  it('a venue is a place, not a person ("Madison Square Garden")', () => {
    expect(entities('The concert took place at Madison Square Garden on Friday.', 'en')).toEqual({ people: [], organizations: [], places: ['Madison Square Garden'] });
  });

  it('a German country\'s name that spells a French language name is still the country ("nach Italien")', () => {
    expect(entities('Im Sommer fahren viele nach Italien.', 'de').places).toEqual(['Italien']);
    expect(entities('Le film a été doublé en italien et en espagnol.', 'fr').places).toEqual([]);
  });

  it('a name with a capitalised article inside is no English body in a French text ("Marine Le Pen")', () => {
    expect(entities('À Marseille, Jean-Luc Mélenchon a critiqué Marine Le Pen.', 'fr').organizations).toEqual([]);
  });
});

describe('events are not bodies', () => {
  it('an event\'s name, however its words read, is no body ("die Französische Revolution", "Bundestagswahl")', () => {
    expect(entities('Die Französische Revolution veränderte Europa. Nach dem Zweiten Weltkrieg wurde das Fest wieder gefeiert.', 'de').organizations).toEqual([]);
    expect(entities('Vor der Bundestagswahl eröffnete der Bürgermeister das Oktoberfest in München.', 'de')).toEqual({ people: [], organizations: [], places: ['München'] });
  });
});

describe('products, awards and cities', () => {
  it('a model code with a common word is a product; a plural award is no person', () => {
    expect(entities('The XC40 SUV will be the first model. He won 16 Emmy Awards in his career.', 'en')).toEqual({ people: [], organizations: [], places: [] });
  });

  it('a known place and "City" is that city ("Quebec City")', () => {
    expect(entities('Late Tuesday, the Quebec City council voted on the plan.', 'en').places).toEqual(['Quebec City']);
  });
});

describe('Ukrainian regions, bodies of places and appositions', () => {
  it('a region\'s adjective and noun are one place, in the nominative ("у Харківській області")', () => {
    expect(entities('У Харківській області загинули двоє людей.', 'uk').places).toEqual(['Харківська область']);
  });

  it('a body\'s head before a place\'s genitive is the body ("Поліція Харківщини")', () => {
    const e = entities('Поліція Харківщини розслідує обставини.', 'uk');
    expect(e.organizations).toEqual(['Поліція Харківщини']);
    expect(e.places).toEqual([]);
  });

  it('two capitalised words before a comma and a role noun are a person ("Стівен Міллер, радник …")', () => {
    expect(entities('Стівен Міллер, радник президента, виступив у Вашингтоні.', 'uk').people).toEqual(['Стівен Міллер']);
  });
});

describe('places after nouns for residents and localities', () => {
  it('"los vecinos de X", "les habitants de X", "die Einwohner von X" hold X a place', () => {
    expect(entities('Los vecinos de El Cotorro protestaron por los apagones.', 'es').places).toEqual(['El Cotorro']);
    expect(entities('Les habitants de Villeneuve ont manifesté samedi.', 'fr').places).toEqual(['Villeneuve']);
  });
});

describe('French and Spanish bodies written in lowercase after their head', () => {
  it('the name runs through "de" and a noun up to the clause\'s auxiliary ("la Fédération française de football a …")', () => {
    expect(entities('La Fédération française de football a annoncé une fête.', 'fr').organizations).toEqual(['Fédération française de football']);
    expect(entities('Le Rassemblement national a voté contre le texte.', 'fr').organizations).toEqual(['Rassemblement national']);
  });
});

describe('German fixed phrases are no places', () => {
  it('"in Gewahrsam", "in Flammen", "in Sicherheit" name no place', () => {
    expect(entities('Die Polizei brachte die Verdächtigen in Gewahrsam. Die Kinder sind in Sicherheit.', 'de').places).toEqual([]);
  });
});

describe('French and Spanish bodies named by one word after an article', () => {
  it('one unknown word after an article that speaks is a body ("le Kremlin n\'a pas commenté")', () => {
    expect(entities("Le Kremlin n'a pas commenté la décision.", 'fr').organizations).toEqual(['Kremlin']);
    expect(entities('El Pentágono dijo que no hubo víctimas.', 'es').organizations).toEqual(['Pentágono']);
    expect(entities("La Croatie a dénoncé l'arbitrage.", 'fr')).toEqual({ people: [], organizations: [], places: ['Croatie'] });
  });
});

describe('Ukrainian place nouns', () => {
  it('a noun for a settlement before a name makes it a place ("у місті Пасадена", "у передмісті Лос-Анджелеса")', () => {
    expect(entities('Молодь у місті Пасадена потребувала допомоги.', 'uk').places).toEqual(['Пасадена']);
    expect(entities('Волонтери міста Джерсі сіті допомагають українцям.', 'uk').places).toEqual(['Джерсі сіті']);
  });
});

describe('groups named by a plural noun and a preposition', () => {
  it('"Damas de Blanco", "Médicos Sin Fronteras" are bodies, not people; "Embajadores de Estados Unidos" is neither', () => {
    expect(entities('Las Damas de Blanco marcharon el domingo. Médicos Sin Fronteras envió ayuda.', 'es')).toEqual({
      people: [],
      organizations: ['Damas de Blanco', 'Médicos Sin Fronteras'],
      places: [],
    });
    expect(entities('Embajadores de Estados Unidos se reunieron en Washington.', 'es').organizations).toEqual([]);
  });
});

describe('English names with a capitalised function word', () => {
  it('"Doctors Without Borders" at a sentence start keeps its first word', () => {
    expect(entities('Doctors Without Borders said the hospital was hit.', 'en').organizations).toEqual(['Doctors Without Borders']);
  });
});

describe('interview labels', () => {
  it('a name opening a paragraph before a colon is a person ("Стівен Міллер, Голос Америки: …")', () => {
    expect(analyzeArticle(article(['Стівен Міллер, Голос Америки: Як ви почуваєтесь у Ліверпулі?'], "Інтерв'ю", 'uk')).entities.people).toEqual(['Стівен Міллер']);
  });
});

describe('Latin-script names in Cyrillic texts', () => {
  it("a known given name opens a person's name; other Latin runs stay bodies", () => {
    const e = entities('Про це розповів Joe Biden у Вашингтоні. Організація United Help Ukraine зібрала кошти.', 'uk');
    expect(e.people).toEqual(['Joe Biden']);
    expect(e.organizations).toEqual(['United Help Ukraine']);
  });
});

describe('quoted phrases', () => {
  it('a quoted one-word name is a body when something else says so (a body noun before it)', () => {
    expect(entities('Компанія «Укренерго» відновила живлення у Львові.', 'uk').organizations).toEqual(['Укренерго']);
  });
});

describe('one body under several names', () => {
  it("an acronym of a body's name in another language, given in brackets, is that body", () => {
    const e = entities('Volunteers from Doctors Without Borders (Médecins Sans Frontières) reached the town. MSF said the clinic was full.', 'en');
    expect(e.organizations).toEqual(['Doctors Without Borders']);
  });

  it('a clipped compound is the body whose first words it clips ("Мінфін" and "Міністерство фінансів")', () => {
    const e = entities('Міністерство фінансів України оприлюднило звіт. За даними Мінфіну України, борг зріс.', 'uk');
    expect(e.organizations).toEqual(['Міністерство фінансів України']);
  });
});

describe('what a body is not', () => {
  it('a portfolio before a minister\'s title is no body ("Emergency Situations Minister")', () => {
    const e = entities('Water Resources Minister Paolo Renzi visited the dam on Friday.', 'en');
    expect(e.organizations).toEqual([]);
    expect(e.people).toEqual(['Paolo Renzi']);
  });

  it("a report's or a set of principles' name is a document, not a body", () => {
    const e = entities('El Informe Mundial de la Fundación Horizonte cita los Principios de Lima.', 'es');
    expect(e.organizations).toEqual(['Fundación Horizonte']);
  });

  it('a social network after a Cyrillic preposition is a website ("у Twitter")', () => {
    expect(entities('Про це міністерство написало у Twitter у середу.', 'uk').organizations).toEqual([]);
  });

  it('a nationality and "NGO" before a name describe the body they name', () => {
    expect(entities('She worked for the Danish NGO Blue Harbour until May.', 'en').organizations).toEqual(['Blue Harbour']);
  });
});

describe('people: words that make no name', () => {
  it('a capitalised preposition after a role opens no person ("editor In chief", "Youth Against Hunger")', () => {
    const e = entities('Laura Kent, publisher and editor In chief of the Harbor Gazette, joined the coordinator for Youth Against Hunger.', 'en');
    expect(e.people).toEqual(['Laura Kent']);
  });

  it('two regions joined by "and" after a role are no person', () => {
    const e = entities('"We are worried," said Ana Ruiz, director for the Middle East and North Africa at the agency.', 'en');
    expect(e.people).toEqual(['Ana Ruiz']);
  });
});

describe('name variants of one person', () => {
  it('Spanish given names alone are the person named with two surnames ("Felipe Octavio")', () => {
    const e = entities('Detuvieron a Luis Andrés Pardo Quintana en Holguín. Luis Andrés sigue preso, dijo su hermana.', 'es');
    expect(e.people).toEqual(['Luis Andrés Pardo Quintana']);
  });

  it('both surnames without the given name are the person introduced with the first ("Hernández Ramírez")', () => {
    const e = entities('Uno de los citados fue Raúl Quintero, quien cumple condena. Quintero Lemus fue advertido por los agentes.', 'es');
    expect(e.people).toEqual(['Raúl Quintero']);
  });
});

describe('descriptions and units of bodies', () => {
  it('a generic body noun with a lowercase adjective of reach describes a body ("el Gobierno local")', () => {
    expect(entities('Protestaron contra las autoridades del Gobierno provincial en Holguín.', 'es').organizations).toEqual([]);
  });

  it('a body\'s local unit named by its place is a site; the place counts ("la unidad de Policía de X")', () => {
    const e = entities('Lo llevaron a la unidad de Policía de Marianao y lo liberaron de madrugada.', 'es');
    expect(e.organizations).toEqual([]);
    expect(e.places).toEqual(['Marianao']);
  });

  it('one member of a group named in the plural is no person ("otra Dama de Blanco")', () => {
    const e = entities('Las Madres de Mayo marcharon el jueves. Otra Madre de Mayo, Rosa Ibáñez, fue detenida.', 'es');
    expect(e.people).toEqual(['Rosa Ibáñez']);
    expect(e.organizations).toEqual(['Madres de Mayo']);
  });

  it('a capitalised article opening a name inside a sentence makes no person ("llegó a La Habana")', () => {
    expect(entities('El músico Pedro Soto llegó a La Guaira el martes.', 'es').people).toEqual(['Pedro Soto']);
  });
});

describe('days named after places', () => {
  it("a Ukrainian day's name is an occasion; the place in it is named in the nominative", () => {
    const e = entities('Посольство взяло участь у святкуванні Дня Європи. Європа святкує разом з нами.', 'uk');
    expect(e.places).toEqual(['Європа']);
  });
});

describe('Spanish descriptions around names', () => {
  it("a body's descriptor with its own complement before the name makes a body ('la agencia de prensa independiente X')", () => {
    const e = entities('Colabora con la agencia de noticias independiente Costa Libre desde 2019.', 'es');
    expect(e.organizations).toEqual(['Costa Libre']);
    expect(e.people).toEqual([]);
  });

  it("a name right after the descriptor's \"de\" is its complement ('la emisora de Miami')", () => {
    expect(entities('Lo dijo a la emisora de Tampa el lunes.', 'es').organizations).toEqual([]);
  });

  it('a name after an indefinite article is no person ("presentó un Habeas Corpus")', () => {
    expect(entities('Su abogado presentó un Recurso Especial ante el tribunal.', 'es').people).toEqual([]);
  });

  it('an article with no preposition ends a body\'s name ("… Naciones Unidas los casos")', () => {
    const e = entities('Presentará ante la Organización de Estados Americanos los casos de represión contra activistas detenidos.', 'es');
    expect(e.organizations.every((o) => !o.includes('casos'))).toBe(true);
  });

  it('a hamlet\'s noun before a name makes it a place ("el poblado de X")', () => {
    expect(entities('Los abandonaron en el poblado de Palma Seca a veinte kilómetros.', 'es').places).toEqual(['Palma Seca']);
  });
});

describe('Ukrainian events', () => {
  it('an inflected event noun makes no person or place ("Революції Гідності")', () => {
    const e = entities('Під час Революції Гідності загинули десятки людей у Києві.', 'uk');
    expect(e.people).toEqual([]);
  });
});

describe('people by kinship and greetings', () => {
  it('a kinship noun\'s "of" takes a person, whatever the gazetteer knows of the name\'s words', () => {
    const e = entities('"We are waiting," said Mya Hnin, a sister of Zaw Min Htet, on Friday.', 'en');
    expect(e.people).toContain('Zaw Min Htet');
    expect(e.places).toEqual([]);
  });

  it('a New Year greeting is no person ("Feliz Año Nuevo")', () => {
    expect(entities('El preso envió un mensaje: "Feliz Año Nuevo a todos", y colgó.', 'es').people).toEqual([]);
  });
});

describe('Ukrainian outlets before a reporter', () => {
  it("an outlet's acronym before a given name and a surname is a body and a person, the name in any case", () => {
    const e = entities('Про це він сказав в інтерв’ю кореспондентці ЄТБ Ользі Мартинюк у вівторок.', 'uk');
    expect(e.organizations).toEqual(['ЄТБ']);
    expect(e.people).toEqual(['Ользі Мартинюк']);
  });
});

describe("countries' governments and ministries' acronyms", () => {
  it("a country's government is described by the country, which is a place", () => {
    const e = entities('El canciller dijo que el Gobierno de Canadá no respondió a la nota.', 'es');
    expect(e.organizations).toEqual([]);
    expect(e.places).toEqual(['Canadá']);
  });

  it("a Ukrainian ministry's acronym leaves out the country its full name ends with", () => {
    const e = entities('Міністерство закордонних справ України висловило протест. Речниця МЗС Ірина Коваль заявила, що нота вже надіслана.', 'uk');
    expect(e.organizations).toEqual(['Міністерство закордонних справ України']);
  });
});

describe('Ukrainian bodies with soft-stem adjectives', () => {
  it('a genitive plural in "-іх" continues a body\'s name ("Міністерство внутрішніх справ")', () => {
    expect(entities('Про це повідомило Міністерство внутрішніх справ України у вівторок.', 'uk').organizations).toEqual(['Міністерство внутрішніх справ України']);
  });
});

describe('hyphenated names', () => {
  it('a hyphen and a lowercase syllable continue a name ("Ban Ki-moon")', () => {
    expect(entities('"We agree," said Foreign Minister Lee Jae-won after the talks in Seoul.', 'en').people).toEqual(['Lee Jae-won']);
  });

  it('a hyphen a copy left before a space continues a surname ("Díaz- Canel")', () => {
    expect(entities('Lo anunció el ministro Pedro Ruiz- Toledo en la radio.', 'es').people).toEqual(['Pedro Ruiz- Toledo']);
  });
});

describe('places after a modified place noun', () => {
  it('a place noun and one adjective before a name make it a place ("la prisión provincial X")', () => {
    expect(entities('Cumple condena en la prisión provincial Kilo Siete desde marzo.', 'es').places).toEqual(['Kilo Siete']);
  });
});

describe("a place's possessive before a body", () => {
  it('a known place of two words with a possessive owns the body after it ("New Zealand\'s High Court")', () => {
    const e = entities("On Friday, New Zealand's High Court rejected the appeal.", 'en');
    expect(e.places).toEqual(['New Zealand']);
    expect(e.organizations).toEqual(['High Court']);
  });
});

describe('what "is" says a name is', () => {
  it('a name the lexicon does not know is a person when "is the" gives it a role, a body when it gives a body\'s noun', () => {
    expect(entities('Keo Vy is the spokesman of the National Committee for Disaster Management.', 'en').people).toContain('Keo Vy');
    expect(entities('Sreymom Chan was the new deputy director until May.', 'en').people).toContain('Sreymom Chan');
    const bodies = entities('Norrvik Havsfrakt is a small shipping company based in the north.', 'en');
    expect(bodies.people).not.toContain('Norrvik Havsfrakt');
  });

  it('so a pronoun after it finds the person', () => {
    const quotes = analyzeArticle(
      article(['Keo Vy is the spokesman of the National Committee for Disaster Management.', '"The water is still rising in three provinces," he said on Friday.'], 'News', 'en'),
    ).quotes;
    expect(quotes.map((q) => q.speaker)).toEqual(['Keo Vy']);
  });
});
