import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

describe('entity precision patterns', () => {
  it('a party letter and a state in brackets after a name ("(D-OH)") is no body', () => {
    const r = analyzeArticle(article(['Rep. Nora Bell (D-OH), the co-chair of the caucus, spoke first. Senator Tom Reed (R-Ohio) agreed with her.']));
    expect(r.entities.organizations).toEqual([]);
    expect(r.entities.people).toEqual(['Nora Bell', 'Tom Reed']);
  });

  it('a run holding a country\'s or city\'s name is not a person ("Russie Unie", "Nijni Novgorod")', () => {
    const r = analyzeArticle(article(['Le parti Russie Unie a gagné, et le maire de la ville a parlé aux habitants.'], 'Actualité', 'fr'));
    expect(r.entities.people).toEqual([]);
  });
});

describe('sources and lone surnames', () => {
  it('one unknown word before "said" is not cited as a source, nor made a body ("Devouard said")', () => {
    const r = analyzeArticle(article(['In an interview on Tuesday, Devouard said the chapters in Europe were growing fast.']));
    expect(r.sources).toEqual([]);
    expect(r.entities.organizations).toEqual([]);
  });
});

describe('websites', () => {
  it('a name only ever used as where something was posted ("on Twitter", "Twitter-сторінці") is no body', () => {
    expect(analyzeArticle(article(['The minister wrote on Twitter that talks would resume, and the video spread on YouTube.'])).entities.organizations).toEqual([]);
    expect(analyzeArticle(article(['Про це йдеться на Twitter-сторінці посольства.'], 'Новини', 'uk')).entities.organizations).toEqual([]);
  });
});

describe('entity patterns, second pass', () => {
  it('a given name standing alone is a person in Spanish and French features ("Adela, vecina del barrio")', () => {
    const r = analyzeArticle(article(['Adela, vecina del barrio, contó que la luz se fue dos veces. Miguel trabaja en el puerto desde hace años.'], 'Noticias', 'es'));
    expect(r.entities.people).toEqual(['Adela', 'Miguel']);
  });

  it('a capitalised adjective before a noun is no lone given name in English ("Roman gold coins")', () => {
    expect(analyzeArticle(article(['Thieves took a box of Roman silver rings from the gallery, the owner said.'])).entities.people).toEqual([]);
  });

  it('a legislature\'s common noun capitalised alone inside a sentence names the body ("a member of Congress")', () => {
    expect(analyzeArticle(article(['The bill reached the floor after a long debate, and every member of Congress received a copy.'])).entities.organizations).toEqual(['Congress']);
    expect(analyzeArticle(article(['Tras el debate, el texto pasó al Senado para una segunda lectura.'], 'Noticias', 'es')).entities.organizations).toEqual(['Senado']);
  });

  it('a German name quoted whole after an article is a body ("nach Angaben der „Rheinpost“")', () => {
    const r = analyzeArticle(article(['Nach Angaben der „Rheinpost“ wurden die Pläne gestern vorgestellt. Die „Rheinpost“ berichtete auch über die Kosten.'], 'Nachrichten', 'de'));
    expect(r.entities.organizations).toEqual(['Rheinpost']);
  });

  it('a body\'s name running into a given name and a surname is two names ("comentó a Radio Sur Pedro Gómez")', () => {
    const r = analyzeArticle(article(['“No hemos recibido ninguna ayuda del gobierno”, comentó a Radio Sur Pedro Gómez, un vecino del barrio.'], 'Noticias', 'es'));
    expect(r.entities.organizations).toEqual(['Radio Sur']);
    expect(r.entities.people).toEqual(['Pedro Gómez']);
    expect(r.quotes.map((q) => q.speaker)).toEqual(['Pedro Gómez']);
  });

  it('a German office "von" one capitalised word is held in a place, not a surname ("Bürgermeister von Hamm")', () => {
    const r = analyzeArticle(article(['Der Bürgermeister von Hamm, Peter Kranz, hat am Dienstag die neue Brücke eröffnet.'], 'Nachrichten', 'de'));
    expect(r.entities.people).toEqual(['Peter Kranz']);
    expect(r.entities.places).toEqual(['Hamm']);
  });

  it('a capitalised portfolio after a body\'s lowercase noun names the body with it ("le ministère de la Santé")', () => {
    const r = analyzeArticle(article(['Le ministère de la Santé a annoncé que « tous les hôpitaux resteront ouverts ».'], 'Actualité', 'fr'));
    expect(r.entities.people).toEqual([]);
    expect(r.entities.organizations).toEqual(['ministère de la Santé']);
    // A person after the noun stays a person ("el gobierno de Fidel Castro").
    expect(analyzeArticle(article(['Las reformas del gobierno de Raúl Castro llegaron tarde.'], 'Noticias', 'es')).entities.organizations).toEqual([]);
  });

  it('a German sentence-initial article starts a noun phrase, not a name ("Die Opposition kritisierte")', () => {
    const r = analyzeArticle(article(['Die Opposition kritisierte den Plan am Dienstag scharf.'], 'Nachrichten', 'de'));
    expect(r.entities.people).toEqual([]);
  });

  it('a chamber capitalised alone after "the" is the body, not a famous surname ("goes to the House")', () => {
    const r = analyzeArticle(article(['The measure now goes to the House, where a vote is expected next week.']));
    expect(r.entities.people).toEqual([]);
    expect(r.entities.organizations).toEqual(['House']);
  });

  it('"The" after a dateline starts the sentence and is no part of the name ("WASHINGTON — The Senate")', () => {
    const r = analyzeArticle(article(['WASHINGTON — The Senate passed the spending bill on Friday after a long night of talks.']));
    expect(r.entities.organizations).toEqual(['Senate']);
  });

  it('a body\'s head word standing alone is no famous surname ("Group")', () => {
    const r = analyzeArticle(article(['Elle a cédé ses actions à un associé, afin de garder le contrôle de Kvadrat.net Group.'], 'Actualité', 'fr'));
    expect(r.entities.people).toEqual([]);
  });

  it('a transliterated Russian adjective first makes a run no person\'s name ("Svobodnaya Pressa", "Nizhny Tagil")', () => {
    const r = analyzeArticle(article(['Le journal Svobodnaya Pressa a publié une enquête sur un café de Nizhny Tagil et sur Dmitri Sokolov.'], 'Actualité', 'fr'));
    expect(r.entities.people).toEqual(['Dmitri Sokolov']);
  });

  it('a run of English common words in a Spanish or French text names a body, not a person ("Global Voices")', () => {
    const r = analyzeArticle(
      article(
        ['La idea está ligada a la noción de Common Ground como plataforma y comunidad.', 'Los traductores de Common Ground escribieron sobre el proyecto.'],
        'Noticias',
        'es',
      ),
    );
    expect(r.entities.people).toEqual([]);
    expect(r.entities.organizations).toEqual(['Common Ground']);
  });
});

describe('organisations need positive evidence', () => {
  const ents = (text: string, language = 'en') => analyzeArticle(article([text], 'News', language)).entities;

  it('a body\'s head noun alone ("the University") names no body', () => {
    expect(ents('The students returned to class on Monday, and the University promised more counsellors.').organizations).toEqual([]);
  });

  it('an acronym before a technical noun is a notation, not a body ("the KPX code")', () => {
    expect(ents('She helped design the KPX code used to record positions of the pieces.').organizations).toEqual([]);
  });

  it('a party written in mixed-case capitals is a body ("die AfD", "TfL")', () => {
    expect(ents('Bei der Wahl kam die AfD auf elf Prozent der Stimmen.', 'de').organizations).toEqual(['AfD']);
    expect(ents('Commuters were told that TfL would add buses on the route.').organizations).toEqual(['TfL']);
    // A mixed-case name ending in a lowercase letter is a nickname's or a neighbourhood's ("NoHo").
    expect(ents('Commuters in NoHo were told that TfL would add buses on the route.').organizations).toEqual(['TfL']);
  });

  it('a hyphenated nationality is an adjective, neither a person nor a place ("U.S.-Iranian", "Iranian-American")', () => {
    const r = ents('The talks on U.S-Iranian relations stalled, and two Iranian-American scholars were held in Tehran.');
    expect(r.people).toEqual([]);
    expect(r.places).toEqual(['Tehran']);
  });

  it('two coordinated places before a public body\'s head are one body ("Antigua and Barbuda Police Service")', () => {
    expect(ents('The raid was carried out with the Antigua and Barbuda Police Service on Friday.').organizations).toEqual(['Antigua and Barbuda Police Service']);
  });

  it('a sentence-initial word before a body\'s head and a title belongs to the body ("White House spokeswoman")', () => {
    const r = ents('White House spokesman Tom Vale said the president would travel on Friday.');
    expect(r.organizations).toEqual(['White House']);
    expect(r.people).toEqual(['Tom Vale']);
  });
});

describe('streets and places with lowercase particles', () => {
  const ents = (text: string, language = 'en') => analyzeArticle(article([text], 'News', language)).entities;

  it('an abbreviated street ("Maple Ave.", "Hobart St.") is a place, not a person', () => {
    const r = ents('The shelter moved to 410 Maple Ave. near Hobart St. last year.');
    expect(r.people).toEqual([]);
    expect(r.places).toEqual(['Maple Ave', 'Hobart St']);
  });

  it('a Spanish street or avenue named after its noun is a place ("la calle Tejedores")', () => {
    expect(ents('Los vecinos se reunieron en la calle Tejedores el domingo.', 'es').places).toEqual(['Tejedores']);
  });

  it('a Spanish place name keeps its lowercase particle and article ("Santa María de los Ríos")', () => {
    expect(ents('El activista fue llevado a Santa María de los Ríos, a dos horas de la capital.', 'es').places).toEqual(['Santa María de los Ríos']);
  });

  it('a Ukrainian street after its noun is a place ("на вулиці Садовій")', () => {
    const r = ents('Пожежа сталася на вулиці Садовій у середу.', 'uk');
    expect(r.people).toEqual([]);
    expect(r.places).toEqual(['Садовій']);
  });
});

describe('companies, products and Cyrillic bodies', () => {
  const ents = (text: string, language = 'en', title = 'News') => analyzeArticle(article([text], title, language)).entities;

  it('a legal form ends a company\'s name before a person\'s ("Corvex Inc. Dana Hale"), and the first word alone is the company', () => {
    const r = ents('The founder of Corvex Inc. Dana Hale resigned. Hale started Corvex in 1990, and Corvex grew fast.');
    expect(r.organizations).toEqual(['Corvex Inc']);
    expect(r.people).toEqual(['Dana Hale']);
  });

  it('a name before a noun for software or a device is a product, no body ("the Tern OS operating system")', () => {
    expect(ents('In 2004 the Tern OS operating system was released, and the Lumo smartphone followed.').organizations).toEqual([]);
  });

  it('common Cyrillic abbreviations are terms ("ЗМІ", "ВВП")', () => {
    expect(ents('Про це писали українські ЗМІ, а ВВП країни зріс.', 'uk').organizations).toEqual([]);
  });

  it('a Cyrillic run with a place\'s genitive is a body at a sentence start too ("Радіо Європи поговорило")', () => {
    const r = ents('"Голос Європи" поговорив зі студентом про війну.', 'uk');
    expect(r.people).toEqual([]);
    expect(r.organizations).toEqual(['Голос Європи']);
  });

  it('a headline\'s "Name Name:" is no interview speaker\'s label', () => {
    expect(ents('Радіо працює щодня.', 'uk', 'Вільна Хвиля: короткі новини').people).toEqual([]);
  });
});

describe("where a body's name starts and ends", () => {
  const ents = (text: string, language = 'en') => analyzeArticle(article([text], 'News', language)).entities;

  it('a capitalised phrase ending in a singular common noun is no business without a trade\'s ending ("the Reading Room")', () => {
    expect(ents('Lunch is served in the Reading Room, next to the Harbor Bakery.').organizations).toEqual(['Harbor Bakery']);
  });

  it('a country\'s abbreviation coordinated with a nationality is an adjective ("UK and Irish officials")', () => {
    expect(ents('UK and Irish officials met in Dublin on Monday.').places).toEqual(['Dublin']);
  });

  it('a German generic noun before a party\'s name only describes it ("die Organisation der Freien Bürger Bayern")', () => {
    const r = ents('Die Organisation der Freien Bürger Bayern ist alt. Damals waren die Freien Bürger stark.', 'de');
    expect(r.organizations).toEqual(['Freien Bürger Bayern']);
  });

  it('a relative pronoun and a verb end a Spanish body\'s name ("… Obrero quien le dijo")', () => {
    expect(ents('Habló con el líder del Movimiento Obrero Unido quien le dijo que siguiera.', 'es').organizations).toEqual(['Movimiento Obrero Unido']);
  });

  it('the staff of a body are people; the body is named after "de" ("Agentes de la Policía Municipal")', () => {
    expect(ents('Agentes de la Policía Municipal llegaron a la casa.', 'es').organizations).toEqual(['Policía Municipal']);
  });
});

describe('Cyrillic quoted phrases and Latin names', () => {
  const ents = (text: string) => analyzeArticle(article([text], 'Новини', 'uk')).entities;

  it('a quoted phrase with a lowercase word and no body\'s noun is no body ("тема «Разом музикою»")', () => {
    expect(ents('Тема цьогорічного конкурсу "Разом музикою", - сказав він.').organizations).toEqual([]);
  });

  it("a quoted phrase after a body's noun or a report verb still names the body", () => {
    expect(ents('Про це пише "Вечірня правда". Партія "Сила людей" перемогла.').organizations).toEqual(['Вечірня правда', 'Сила людей']);
  });

  it('a participle is no body\'s verbal noun ("Об\'єднані нації" aside, "об\'єднані" is "united")', () => {
    expect(ents('Вони були об\'єднані спільною метою, каже "Мирні громади".').organizations).toEqual([]);
  });

  it('a known place in Latin letters stays a place ("у New York")', () => {
    expect(ents('Він жив у New York і писав для Harbor Review.').places).toEqual(['New York']);
  });
});

describe('people named in several ways, and Cyrillic titles', () => {
  const ents = (text: string, language = 'en') => analyzeArticle(article([text], 'News', language)).entities;

  it('a person named with and without middle names or initials is one person ("Ada Lynn Marsh", "Ada L. Marsh", "Ada Marsh")', () => {
    expect(ents('Ada Lynn Marsh died on Monday. Ada Marsh taught for decades, and Ada L. Marsh wrote six books.').people).toEqual(['Ada Lynn Marsh']);
  });

  it('an inflected Cyrillic title before a country names no one; the country stays a place ("Держсекретаря США …")', () => {
    const r = ents('Усі слухали промову Держсекретаря США Ольги Гай.', 'uk');
    expect(r.places).toEqual(['США']);
  });

  it('the homeland, capitalised out of respect, is no place ("захищати Батьківщину")', () => {
    expect(ents('Він пішов захищати Батьківщину разом з братом.', 'uk').places).toEqual([]);
  });
});

describe('bodies by what is done to them', () => {
  const ents = (text: string) => analyzeArticle(article([text])).entities;

  it('what is founded, bought or worked for is a body ("founded Velmora", "bought Tarnix", "worked for Borgland")', () => {
    expect(ents('In 1985 he founded Velmora, and a year later he bought Tarnix. She worked for Borgland until 2001.').organizations).toEqual(['Velmora', 'Tarnix', 'Borgland']);
  });
});

describe('descriptions and capitals standing for governments', () => {
  const ents = (text: string) => analyzeArticle(article([text])).entities;

  it('a capital standing for its government is no place ("the Washington perspective", "Moscow said")', () => {
    expect(ents('Listeners want the Washington perspective on the war. Moscow said the talks had failed.').places).toEqual([]);
    expect(ents('She moved to Moscow in 1990.').places).toEqual(['Moscow']);
  });

  it('a university department named by its disciplines is a description, not a body', () => {
    expect(ents('He joined the Department of Physics and Astronomy in 1965.').organizations).toEqual([]);
  });
});

describe('Spanish names with and without the second surname', () => {
  it('"Daniel Ferro" and "Daniel Ferro Vidal" are one person', () => {
    const r = analyzeArticle(article(['Daniel Ferro Vidal habló desde la cárcel.', 'Según su madre, Daniel Ferro está enfermo.'], 'Noticias', 'es'));
    expect(r.entities.people).toEqual(['Daniel Ferro Vidal']);
  });
});

describe('lists and translated acronyms', () => {
  it('an unknown name in brackets in a list of places in brackets is a place ("Ana Ruiz (Tarvania)")', () => {
    const r = analyzeArticle(article(['Asistieron Ana Ruiz (Bolivia), Tom Vale (Ecuador), Ada Marsh (Perú) y Juan Gil (Tarvania).'], 'Noticias', 'es'));
    expect(r.entities.places).toEqual(['Bolivia', 'Ecuador', 'Perú', 'Tarvania']);
  });

  it('an acronym of the name in another language is the same body ("Voz de América", "VOA")', () => {
    const r = analyzeArticle(article(['Trabajó para la Voz de América durante años. La VOA celebró su aniversario.'], 'Noticias', 'es'));
    expect(r.entities.organizations).toEqual(['Voz de América']);
  });

  it('after an article, a noun "de" a country names its institution, unless the noun is a place\'s ("la Costa de Marfil")', () => {
    const r = analyzeArticle(article(['El Banco de España subió los tipos y viajó a la Costa de Marfil.'], 'Noticias', 'es'));
    expect(r.entities.organizations).toEqual(['Banco de España']);
  });
});

describe('romance appositions and places before bodies', () => {
  it('a name set off by a comma and "le parti", "una organización" is a body', () => {
    const r = analyzeArticle(article(["Il s'opposait à Avenir Commun, le parti au pouvoir."], 'Actualité', 'fr'));
    expect(r.entities.organizations).toEqual(['Avenir Commun']);
    expect(r.entities.places).toEqual([]);
  });

  it('a country, "de" and a body\'s name are two names ("en Cuba de Radio Sur")', () => {
    const r = analyzeArticle(article(['Qué opinan en Cuba de Radio Sur, la emisora de Miami.'], 'Noticias', 'es'));
    expect(r.entities.places).toEqual(['Cuba', 'Miami']);
    expect(r.entities.organizations).toEqual(['Radio Sur']);
  });
});

describe('generic bodies capitalised alone', () => {
  it('Spanish and French generic body nouns alone name no body ("el Gobierno", "la Fiscalía", "le Ministère")', () => {
    expect(analyzeArticle(article(['El Gobierno dijo que la Fiscalía pidió cárcel. El Congreso votó.'], 'Noticias', 'es')).entities.organizations).toEqual(['Congreso']);
    expect(analyzeArticle(article(['Le Ministère a confirmé la nouvelle.'], 'Actualité', 'fr')).entities.organizations).toEqual([]);
  });

  it('Ukrainian generic body nouns alone name no body, legislatures do ("Поліція", "Сенат")', () => {
    expect(analyzeArticle(article(['Уряд заявив, що Поліція затримала трьох людей. Закон ухвалив Сенат.'], 'Новини', 'uk')).entities.organizations).toEqual(['Сенат']);
  });
});

describe('a mayor of a place and a surname (Ukrainian)', () => {
  it('"Мер Житомира Ковальчук": the city is a place, the surname the person', () => {
    const r = analyzeArticle(article(['Мер Житомира Ковальчук: "Місто готове до зими".'], 'Новини', 'uk'));
    expect(r.entities.people).toEqual(['Ковальчук']);
    expect(r.entities.places).toEqual(['Житомир']);
  });
});

describe('Ukrainian given names alone', () => {
  it('a common given name standing alone is a person ("Оксана вийшла заміж")', () => {
    expect(analyzeArticle(article(['Оксана вийшла заміж за Петра два роки тому.'], 'Новини', 'uk')).entities.people).toEqual(['Оксана', 'Петра']);
  });

  it('a virtue that is also a given name opens a sentence as a word ("Надія є завжди")', () => {
    expect(analyzeArticle(article(['Надія є завжди, каже лікар.'], 'Новини', 'uk')).entities.people).toEqual([]);
  });
});

describe('Ukrainian shortened body names', () => {
  it('a compound shortened from a ministry\'s or a department\'s name is that body, and a city starting alike is not ("Міноборони", "Мінська")', () => {
    const r = analyzeArticle(article(['Міноборони повідомило про втрати. Він поїхав до Мінська.'], 'Новини', 'uk'));
    expect(r.entities.organizations).toEqual(['Міноборони']);
    expect(r.sources).toEqual(['Міноборони']);
  });
});

describe('"X of Y" names', () => {
  it('a singular common noun with "of" names a work or an honour, not a body ("the Game of Chance")', () => {
    expect(analyzeArticle(article(['He invented the Game of Chance in 1970.'])).entities.organizations).toEqual([]);
  });
});

describe('works named without quotation marks, and forces', () => {
  it('a title right after "novel", "film" or "album" is a work, no place or body ("his novel The Long Road")', () => {
    const r = analyzeArticle(article(['His novel The Long Road won a prize, and the film Harbor Lights opened in Boston.']));
    expect(r.entities.places).toEqual(['Boston']);
    expect(r.entities.organizations).toEqual([]);
  });

  it('"Force" heads a body\'s name ("the Royal Air Force")', () => {
    expect(analyzeArticle(article(['He served with the Royal Air Force until 1946.'])).entities.organizations).toEqual(['Royal Air Force']);
  });
});

describe('aims, websites', () => {
  it('a body\'s head, "to" and its aim are one name ("Committee to Protect Farmers")', () => {
    const r = analyzeArticle(article(['The Committee to Protect Farmers condemned the arrest.']));
    expect(r.entities.organizations).toEqual(['Committee to Protect Farmers']);
    expect(r.entities.people).toEqual([]);
  });

  it('social networks are no bodies unless the company speaks ("Twitter user", "on Instagram", "Facebook said")', () => {
    expect(analyzeArticle(article(['Twitter user Ana Lim wrote that the video trended on Instagram.'])).entities.organizations).toEqual([]);
    expect(analyzeArticle(article(['Facebook said it removed the posts.'])).entities.organizations).toEqual(['Facebook']);
  });
});

describe('titled names ending in a common word', () => {
  it('a name a title introduces is a person\'s even when its last word is a noun ("Secretary of State Ada Rice")', () => {
    const r = analyzeArticle(article(['On Monday, Secretary of State Ada Rice met allies in Brussels.']));
    expect(r.entities.people).toEqual(['Ada Rice']);
    expect(r.entities.organizations).toEqual([]);
  });
});

describe('"International" at a sentence start', () => {
  it('a common word before "International" opening a sentence is a body\'s name ("Survival International said")', () => {
    const r = analyzeArticle(article(['Survival International said the tribe was moved by force.']));
    expect(r.entities.organizations).toEqual(['Survival International']);
    expect(r.sources).toEqual(['Survival International']);
  });
});

describe('German parties and clubs', () => {
  it('a party named by a capitalised adjective after the article, and a club after its abbreviation ("die Grünen", "FC Bayern München")', () => {
    const r = analyzeArticle(article(['Bei der Wahl verloren die Grünen, und der SV Werder Bremen gewann am Sonntag.'], 'Nachrichten', 'de'));
    expect(r.entities.organizations).toEqual(['Grünen', 'SV Werder Bremen']);
  });
});

describe('figures and times written like names', () => {
  it('a market index is no body ("the KOSPI index", "the IBEX 35 index")', () => {
    const r = analyzeArticle(
      article(['The key MSCI index gained 1.5 percent, while the KOSPI index rose in Seoul.', 'Traders in Madrid watched the IBEX 35 index, which closed lower.']),
    );
    expect(r.entities.organizations).toEqual([]);
    expect(r.entities.places).toEqual(['Seoul', 'Madrid']);
  });

  it('a time zone after a clock time is no body ("4:15pm AEST")', () => {
    const r = analyzeArticle(article(['She died at 4:15pm AEST (0615 UTC) in a hospital in Perth.']));
    expect(r.entities.organizations).toEqual([]);
    expect(r.entities.places).toEqual(['Perth']);
  });

  it('the name of a time or an occasion is no place ("from a New Year\'s slump")', () => {
    const r = analyzeArticle(article(["Shares in Seoul recovered from a New Year's slump on Tuesday."]));
    const all = [...r.entities.people, ...r.entities.organizations, ...r.entities.places];
    expect(all).not.toContain('New Year');
  });

  it('a coordinator before a member or a role ends a Spanish body\'s name ("… de Murcia y miembro del comité")', () => {
    const r = analyzeArticle(article(['Habló Ana Ruiz, presidenta de la Asamblea Regional de Murcia y miembro del comité de finanzas.'], 'Noticias', 'es'));
    expect(r.entities.organizations).toContain('Asamblea Regional de Murcia');
    expect(r.entities.organizations.some((o) => o.includes('miembro'))).toBe(false);
  });
});

describe('evidence that names no body alone', () => {
  it('capitals next to a figure are a code, a currency or an index, not a body ("GEL 4,500", "9,000 USD", "CAC-40")', () => {
    const r = analyzeArticle(article(['The court set bail at GEL 4,500, or about 1,600 USD, on Monday. In Paris the CAC-40 slipped, traders said.']));
    expect(r.entities.organizations).toEqual([]);
  });

  it('a doubled letter pair of an abbreviated plural is no body ("EE. UU.")', () => {
    const r = analyzeArticle(article(['Funcionarios de EE. UU. llegaron el jueves a la escuela del pueblo.'], 'Noticias', 'es'));
    expect(r.entities.organizations).toEqual([]);
  });

  it('capitals joined to the word before by a full stop are part of that name ("Пресс.ИНФО")', () => {
    const r = analyzeArticle(article(['Про це повідомляє видання Новини.ТВ з посиланням на джерела в уряді.'], 'Новини', 'uk'));
    expect(r.entities.organizations).not.toContain('ТВ');
  });

  it('an acronym before a number still names a body when a word follows ("5 CDU deputies")', () => {
    const r = analyzeArticle(article(['The CDU lost ground in the vote. Only 5 CDU deputies backed the motion, the party said.']));
    expect(r.entities.organizations).toEqual(['CDU']);
  });

  it('a name before a plural body noun describes several bodies ("Marathi newspapers")', () => {
    const r = analyzeArticle(article(['Two Marathi newspapers ran the story on their front pages the next morning.']));
    expect(r.entities.organizations).toEqual([]);
  });

  it('a name only ever called a site is a website, not a body ("the Leakwatch site")', () => {
    const r = analyzeArticle(article(['The files appeared on the Leakwatch site late on Friday, according to the reporters who saw them.']));
    expect(r.entities.organizations).toEqual([]);
  });

  it('being where a named person is from is no body alone ("Brother Anselm of the Blue Lantern")', () => {
    const r = analyzeArticle(article(['Brother Anselm of the Blue Lantern restored the old painting over the winter.']));
    expect(r.entities.organizations).toEqual([]);
  });

  it('a name in guillemets is no body alone: programmes and books are quoted too («Світанок»)', () => {
    const r = analyzeArticle(article(['Ведучі «Світанок» розповіли про це у неділю ввечері.'], 'Новини', 'uk'));
    expect(r.entities.organizations).toEqual([]);
  });

  it('a name in guillemets with a body noun before it is still a body («Укрзалізниця»)', () => {
    const r = analyzeArticle(article(['Компанія «Залізнорух» повідомила, що поїзди курсуватимуть за новим розкладом.'], 'Новини', 'uk'));
    expect(r.entities.organizations).toEqual(['Залізнорух']);
  });
});

describe('names read as forms of a body head, and websites', () => {
  it('"Радіо" is no form of "Рада": the broadcaster keeps its name ("Радіо Простір")', () => {
    const r = analyzeArticle(article(['В інтерв’ю Радіо Простір міністр розповів про нові правила для шкіл.'], 'Новини', 'uk'));
    expect(r.entities.organizations).toContain('Радіо Простір');
  });

  it('a messaging service named before its channel is a website, not a body ("Телеграм-канал")', () => {
    const r = analyzeArticle(article(['Про це повідомляє Телеграм-канал «Вечірній огляд» з посиланням на міністерство.'], 'Новини', 'uk'));
    expect(r.entities.organizations).not.toContain('Телеграм');
    expect(r.sources).not.toContain('Телеграм');
  });
});

describe('ships', () => {
  it('a ship named after its prefix is no body ("MV Harbor Star"), a body with the same capitals is ("the MS Society")', () => {
    expect(analyzeArticle(article(['The cruise ship MV Harbor Star docked in Nuuk on Monday, the company said.'])).entities.organizations).toEqual([]);
    expect(analyzeArticle(article(['The MS Society said the new trial would start in May.'])).entities.organizations).toEqual(['MS Society']);
  });
});

describe('capitals with figures', () => {
  it('figures written into a party\'s initials keep it a body ("TOP09"), a model number after a hyphen does not ("F-16")', () => {
    const r = analyzeArticle(article(['The party LIB09 left the coalition on Sunday. Pilots flew the F-16 over the capital.']));
    expect(r.entities.organizations).toEqual(['LIB09']);
  });
});

describe('works named without quotation marks', () => {
  it('a name in apposition to a noun for a show is its title, and so are its later mentions ("a comedy show, Night Harbor Lane,")', () => {
    const r = analyzeArticle(
      article([
        'A comedy show, Night Harbor Lane, won three prizes on Monday. Night Harbor Lane returns in May, the network said.',
        'Critics liked Sunny Dale Diner, a cooking programme from the same studio.',
      ]),
    );
    expect(r.entities.people).toEqual([]);
    expect(r.entities.organizations).toEqual([]);
    expect(r.entities.places).toEqual([]);
  });

  it('a title right after "series" names a work everywhere ("the drama series Crown of Sparrows")', () => {
    const r = analyzeArticle(article(['The drama series Crown of Sparrows broke a record. Crown of Sparrows was filmed in Belfast.']));
    expect(r.entities.places).toEqual(['Belfast']);
    expect(r.entities.organizations).toEqual([]);
  });

  it('a name headed by "Study", "Report" or "List" is a work ("the Siblings Study", "the Weekly Farm Report")', () => {
    const r = analyzeArticle(article(['Researchers on the Siblings Study met in Denver. Ruth Gale reads the Weekly Farm Report on Fridays.']));
    expect(r.entities.people).toEqual(['Ruth Gale']);
    expect(r.entities.organizations).toEqual([]);
  });
});

describe('titles and teams', () => {
  it("a rank word before a body's head word opens a body's name (\"Major League Rugby\"), not a person's", () => {
    const r = analyzeArticle(article(['He later joined Major League Rugby as an adviser. Major League Rugby has twelve teams.']));
    expect(r.entities.people).toEqual([]);
  });

  it('a title inside a run separates an outlet from its correspondent ("KXTV Denver Correspondent Lena Ortiz")', () => {
    const r = analyzeArticle(article(['The report by KXTV Denver Correspondent Lena Ortiz aired on Tuesday.']));
    expect(r.entities.people).toEqual(['Lena Ortiz']);
  });

  it('a place and a plural name a team, known later by the plural alone ("the Tulsa Otters", "the Otters")', () => {
    const r = analyzeArticle(article(['The Tulsa Otters won the final on Sunday. The Otters had lost twice in May.']));
    expect(r.entities.organizations).toEqual(['Tulsa Otters']);
    expect(r.entities.people).toEqual([]);
  });

  it('what a player plays for is a team ("played for the Dallas Comets")', () => {
    const r = analyzeArticle(article(['Before the move, Tom Reyes played for the Dallas Comet in Texas.']));
    expect(r.entities.organizations).toEqual(['Dallas Comet']);
    expect(r.entities.people).toEqual(['Tom Reyes']);
  });

  it('Spanish: plural words, "de" and a city name a team ("los Halcones de Monterrey")', () => {
    const r = analyzeArticle(article(['El lanzador firmó con los Halcones de Monterrey el lunes.'], 'Deportes', 'es'));
    expect(r.entities.organizations).toEqual(['Halcones de Monterrey']);
    expect(r.entities.people).toEqual([]);
  });
});

describe('events and terms', () => {
  it('a bowl game and a draft are events ("the Pine Bowl", "el Draft de la liga")', () => {
    const r = analyzeArticle(article(['The team reached the Pine Bowl in January.']));
    expect(r.entities.organizations).toEqual([]);
  });

  it('HIV and AIDS in Spanish and Ukrainian are diseases, not bodies ("VIH", "ВІЛ")', () => {
    expect(analyzeArticle(article(['Solo uno de cada diez se hizo la prueba del VIH.'], 'Salud', 'es')).entities.organizations).toEqual([]);
    expect(analyzeArticle(article(['Лікарі провели тести на ВІЛ у трьох містах.'], 'Новини', 'uk')).entities.organizations).toEqual([]);
  });
});

describe('name edges', () => {
  it('a Ukrainian body\'s name ends before "та" and before a participle that says what it is', () => {
    const r = analyzeArticle(article(['Депутати звернулися до Сенату та Палати представників. У Конгресі занепокоєні новими тарифами.'], 'Новини', 'uk'));
    expect(r.entities.organizations).toContain('Сенат');
    expect(r.entities.organizations.some((o) => / та$|занепокоєні/u.test(o))).toBe(false);
  });

  it('a pronoun with a contracted verb is no part of a name ("And I’m Nora Bell")', () => {
    expect(analyzeArticle(article(['And I’m Nora Bell with the evening report from the coast.'])).entities.people).toEqual(['Nora Bell']);
  });

  it('an office holder named by title and surname keeps the surname ("Senator Obama")', () => {
    expect(analyzeArticle(article(['Senator Obama said on Friday that the bill would pass.'])).entities.people).toEqual(['Obama']);
  });

  it('an honour opened by a superlative, and its initials, name no body ("the Most Valuable Player, or MVP")', () => {
    const r = analyzeArticle(article(['Rita Moss was named the Most Valuable Player, or MVP, of the final. The MVP trophy went home with her.']));
    expect(r.entities.organizations).toEqual([]);
    expect(r.entities.people).toEqual(['Rita Moss']);
  });

  it("a unit after a body's possessive is a description (\"the University of Toledo's Women's Rowing team\")", () => {
    const r = analyzeArticle(article(["Ann Cole coaches the University of Toledo's Women's Rowing team."]));
    expect(r.entities.organizations).toEqual(['University of Toledo']);
  });

  it('Spanish: a capitalised article after a body\'s name starts a programme\'s title ("Radio Sur Las Voces del Barrio")', () => {
    const r = analyzeArticle(article(['Lo dijo al programa de Radio Sur Las Voces del Barrio el martes.'], 'Noticias', 'es'));
    expect(r.entities.organizations).toEqual(['Radio Sur']);
  });

  it("a name before an event's head qualifies the event, and a preposition makes no place of a common word", () => {
    expect(analyzeArticle(article(['Students studied the Prague Spring in class.'])).entities.places).toEqual([]);
    expect(analyzeArticle(article(['Leaders disagreed on how to respond to the Arab uprisings.'])).entities.places).toEqual([]);
  });

  it('Spanish plurals throughout are no person and, after a preposition alone, no place ("jugar en Grandes Ligas")', () => {
    const r = analyzeArticle(article(['El joven sueña con jugar en Grandes Ligas algún día.'], 'Deportes', 'es'));
    expect(r.entities.people).toEqual([]);
    expect(r.entities.places).toEqual([]);
  });
});

describe('scripts, roles and descriptions', () => {
  it('a script\'s speaker label and a shouted programme title name nothing ("VOICE ONE:", "THIS IS RADIO TOWN")', () => {
    const r = analyzeArticle(article(['VOICE ONE:', 'Welcome to THIS IS RADIO TOWN with Ada Quinn.', 'VOICE TWO:', 'And I am Leo Marsh.']));
    expect(r.entities.organizations).toEqual([]);
    expect(r.entities.places).toEqual([]);
  });

  it('a role with a second title word and "of" is no person; the body after "of" is ("Chief Content Officer of Delta TV")', () => {
    const r = analyzeArticle(article(['Mara Lind is Chief Content Officer of Delta TV in Riga.']));
    expect(r.entities.people).toEqual(['Mara Lind']);
  });

  it('the head before a name\'s first "of" decides it ("Superior Court of the District of Columbia")', () => {
    const r = analyzeArticle(article(['The case went to the Appeals Court of the District of Columbia last week.']));
    expect(r.entities.places).toEqual([]);
    expect(r.entities.organizations).toEqual(['Appeals Court of the District of Columbia']);
  });

  it('a capital "of" a place describes a city; God is no place', () => {
    const r = analyzeArticle(article(['He spoke in Boise, Capital of Idaho, and asked the crowd to pray to God.']));
    expect(r.entities.places).toEqual(['Boise', 'Idaho']);
  });
});

describe('former states and listed bodies', () => {
  it('a former state is a place ("the Soviet Union", "Yugoslavia")', () => {
    const r = analyzeArticle(article(['Her parents left the Soviet Union in 1979 and settled in Ohio.']));
    expect(r.entities.places).toContain('Soviet Union');
    expect(r.entities.organizations).toEqual([]);
  });

  it('names listed after "universities including" are universities, not people', () => {
    const r = analyzeArticle(article(['Universities including Purdue, Baylor and Tufts changed their rules this week.']));
    expect(r.entities.people).toEqual([]);
    expect(r.entities.organizations).toEqual(['Purdue', 'Baylor', 'Tufts']);
  });
});

describe('Ukrainian names around bodies and works', () => {
  it('the person a body is named after is no person of the story ("університету імені Івана Франка")', () => {
    const r = analyzeArticle(article(['Вона викладає в університеті імені Івана Франка у Львові.'], 'Новини', 'uk'));
    expect(r.entities.people).toEqual([]);
  });

  it('a quoted title after the noun for an article is a work ("у статті «Радіо та війна»")', () => {
    const r = analyzeArticle(article(['Про це пише історик Петро Бойко у статті "Радіо та Європа".'], 'Новини', 'uk'));
    expect(r.entities.organizations).toEqual([]);
  });

  it('the transliterated "New" opens a place ("Нью Джерсі"), and an acronym is no adjective before a body\'s noun ("у США радіо …")', () => {
    const r = analyzeArticle(article(['Фестиваль пройшов у Нью Джерсі. Через рік у США радіо "Хвиля" почало мовлення.'], 'Новини', 'uk'));
    expect(r.entities.places).toContain('Нью Джерсі');
    expect(r.entities.people).toEqual([]);
    expect(r.entities.organizations.some((o) => o.includes('США'))).toBe(false);
  });
});

describe('titles with an article, party members', () => {
  it('a capitalised "The" inside a sentence opens a title, not a place ("in The Journal of Coastal Studies")', () => {
    const r = analyzeArticle(article(['The results appeared in The Journal of Coastal Studies last month, Dr. Ana Reyes said.']));
    expect(r.entities.places).toEqual([]);
  });

  it('members of parties are no place, even in a list after a preposition ("between Republicans and Democrats")', () => {
    const r = analyzeArticle(article(['Her family is divided between Republicans and Democrats, she said.']));
    expect(r.entities.places).toEqual([]);
  });
});

describe('coordinated body names and towns', () => {
  it('"the X and Y Commission" is one body ("the Fisheries and Oceans Commission")', () => {
    const r = analyzeArticle(article(['The plan needs approval by the Fisheries and Oceans Commission next year.']));
    expect(r.entities.organizations).toEqual(['Fisheries and Oceans Commission']);
  });

  it('a name ending in "City" is a town, whatever given name opens it ("Marion City")', () => {
    const r = analyzeArticle(article(['The plant opened in Marion City, where 300 people work.']));
    expect(r.entities.people).toEqual([]);
    expect(r.entities.places).toEqual(['Marion City']);
  });
});

describe('Ukrainian titles before three names', () => {
  it('a judge\'s title before a given name, a middle name and a surname keeps all three ("Суддя Енн Меррі Вокер")', () => {
    const r = analyzeArticle(article(['Суддя Енн Меррі Вокер призначить покарання у вівторок.'], 'Новини', 'uk'));
    expect(r.entities.people).toEqual(['Енн Меррі Вокер']);
  });

  it('a title, a body in the genitive and a two-word name stay apart ("Голова Верховної Ради Іван Коваль")', () => {
    const r = analyzeArticle(article(['Голова Верховної Ради Іван Коваль виступив у вівторок.'], 'Новини', 'uk'));
    expect(r.entities.people).toEqual(['Іван Коваль']);
  });
});

describe('currency codes', () => {
  it('a currency\'s code standing alone is no body ("precios en CUC", "paid in UAH")', () => {
    expect(analyzeArticle(article(['Los precios en CUC subieron otra vez en la tienda.'], 'Economía', 'es')).entities.organizations).toEqual([]);
    expect(analyzeArticle(article(['Workers are now paid in UAH, the manager said.'])).entities.organizations).toEqual([]);
  });
});

describe('sports outlets', () => {
  it('a name ending in "Sports" is an outlet, cited when told ("told Lake Sports")', () => {
    const r = analyzeArticle(article(['The striker told Lake Sports that he would stay another year.']));
    expect(r.entities.organizations).toEqual(['Lake Sports']);
    expect(r.entities.people).toEqual([]);
    expect(r.sources).toEqual(['Lake Sports']);
  });
});
