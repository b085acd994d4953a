import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const speakers = (paragraphs: string[], language: string): (string | null)[] => analyzeArticle(article(paragraphs, 'News update', language)).quotes.map((q) => q.speaker);
const quotes = (paragraphs: string[], language: string): [string | null, string][] =>
  analyzeArticle(article(paragraphs, 'News update', language)).quotes.map((q) => [q.speaker, q.text]);

describe('Spanish attribution', () => {
  it('reads a quotation signed after it, with the verb before or after its subject', () => {
    expect(speakers(['El ministro de Hacienda, Julián Ortega Ruiz, presentó el presupuesto.', '«No habrá subida de impuestos este año», dijo Ortega.'], 'es')).toEqual([
      'Julián Ortega Ruiz',
    ]);
    expect(speakers(['«El acuerdo es un paso importante para la región», aseguró Tomás Echeverría, presidente de la cámara.'], 'es')).toEqual(['Tomás Echeverría']);
    expect(speakers(['“Los precios siguen subiendo cada semana”, indicó el economista Pablo Serrano.'], 'es')).toEqual(['Pablo Serrano']);
    expect(speakers(['"Los precios siguen subiendo cada semana", indicó a EFE Pablo Serrano, economista de la Universidad Central.'], 'es')).toEqual(['Pablo Serrano']);
  });

  it('a body named across a connector and ending in a place does not swallow the speaker after it', () => {
    expect(speakers(['"Nos quitaron todo lo que teníamos en la casa", dijo a la Voz de América Yolanda Ferrán.'], 'es')).toEqual(['Yolanda Ferrán']);
  });

  it('reads leads, reported speech with "que" and a colon after an apposition', () => {
    expect(speakers(['Según Ernesto Salgado, «el gobierno no tiene un plan para la sequía».'], 'es')).toEqual(['Ernesto Salgado']);
    expect(speakers(['Carolina Bustos dijo que «la protesta seguirá hasta que nos escuchen».'], 'es')).toEqual(['Carolina Bustos']);
    expect(speakers(['Ernesto Salgado, ministro de Agricultura, afirmó: «El gobierno tiene un plan para la sequía».'], 'es')).toEqual(['Ernesto Salgado']);
    expect(speakers(['Yolanda Ferrán, quien fue arrestada en 2019, dijo que "nos quitaron todo lo que teníamos en la casa".'], 'es')).toEqual(['Yolanda Ferrán']);
  });

  it('reads compound tenses, clitics and a verb without a subject', () => {
    expect(speakers(['El diputado Andrés Quintero habló con los periodistas.', '«Ha sido una semana muy difícil para todos», le dijo a este diario.'], 'es')).toEqual([
      'Andrés Quintero',
    ]);
    expect(speakers(['La opositora Beatriz Llorente fue detenida el martes.', '«Me golpearon y me quitaron el teléfono», ha asegurado.'], 'es')).toEqual(['Beatriz Llorente']);
  });

  it('a definite noun with adjectives after an inverted verb refers back to the person just named', () => {
    expect(
      speakers(['El presidente Joe Biden y su esposa visitaron la zona.', '"Vamos a reconstruir cada casa de esta comunidad", prometió el mandatario estadounidense.'], 'es'),
    ).toEqual(['Joe Biden']);
    expect(
      speakers(['El embajador Jonás Beltrán habló sobre la visita.', '"La cooperación entre ambos países nunca fue tan estrecha", apuntó el diplomático estadounidense.'], 'es'),
    ).toEqual(['Jonás Beltrán']);
  });

  it('a person noun before the verb, or a bare noun after it, refers back to the person just named or heard', () => {
    expect(
      speakers(['Félix Navarro fue liberado el lunes. En declaraciones a la prensa, el opositor aseguró que "la represión no se detiene en ningún rincón del país".'], 'es'),
    ).toEqual(['Félix Navarro']);
    expect(
      speakers(
        [
          'La madre del preso, Dolores Vidal, habló con la radio.',
          '"A mi hijo lo condenaron a diez años por salir a protestar", contó.',
          '"Nadie nos ha dado una explicación de lo que pasó", agregó la mujer.',
        ],
        'es',
      ),
    ).toEqual(['Dolores Vidal', 'Dolores Vidal']);
  });

  it('a speaker introduced without a name and then named ("un vecino, identificado como Miguel") is the name', () => {
    expect(speakers(['Un vendedor, identificado como Ramón, comenta que "la luz se va todas las noches en el barrio".'], 'es')).toEqual(['Ramón']);
  });

  it('a quotation closed with the wrong mark ends there when a verb of saying follows', () => {
    expect(quotes(['“La libertad no se negocia con nadie, ni hoy ni mañana", afirmó la activista Rosa Díaz.'], 'es')).toEqual([
      ['Rosa Díaz', 'La libertad no se negocia con nadie, ni hoy ni mañana'],
    ]);
  });

  it('a dialogue turn goes on after the dash that closes its attribution', () => {
    expect(speakers(['—No vamos a renunciar a nuestros derechos —dijo Carolina Bustos—. Seguiremos en la calle todos los días que haga falta.'], 'es')).toEqual([
      'Carolina Bustos',
      'Carolina Bustos',
    ]);
    // Without a closing dash the rest of the paragraph is narration.
    expect(speakers(['—No vamos a renunciar a nuestros derechos —dijo Carolina Bustos, y se marchó del lugar sin decir nada más a nadie.'], 'es')).toEqual(['Carolina Bustos']);
  });

  it('a dash turn after a paragraph that ends with a verb of saying and a colon is speech; a list after a colon is not', () => {
    expect(
      speakers(['La activista Anamely Ramos explicó a este medio lo ocurrido:', '—Nos enteramos por otro preso que llamó desde la cárcel. Nadie nos dijo nada.'], 'es'),
    ).toEqual(['Anamely Ramos']);
    expect(speakers(['Las medidas del gobierno son las siguientes:', '—Subir los salarios de los médicos y maestros en todo el país.'], 'es')).toEqual([]);
    expect(speakers(['Волонтерка Наталія Кравець розповіла:', '– Ми почали з кількох коробок гуманітарної допомоги, а тепер відправляємо контейнери.'], 'uk')).toEqual([
      'Наталія Кравець',
    ]);
  });

  it('a quotation left open goes on in a paragraph that only closes it, as one quotation', () => {
    expect(
      quotes(
        [
          'La enfermera Sonia Paredes explicó que "en el hospital faltan guantes y jeringas desde hace meses.',
          'Los pacientes tienen que traer todo de su casa, hasta las sábanas", lamentó.',
        ],
        'es',
      ),
    ).toEqual([['Sonia Paredes', 'en el hospital faltan guantes y jeringas desde hace meses. Los pacientes tienen que traer todo de su casa, hasta las sábanas']]);
  });
});

describe('Spanish titles, coordinated verbs and quoted objects', () => {
  it('gives the quotation to the holder of a title over a capitalised portfolio ("el ministro de Salud Pedro Gómez")', () => {
    expect(speakers(['El ministro de Salud Pedro Gómez dijo que el hospital "está lleno desde hace semanas y necesitamos ayuda urgente".'], 'es')).toEqual(['Pedro Gómez']);
    expect(speakers(['La secretaria de Estado Lucía Marín dijo que el preso "lleva demasiado tiempo en la cárcel y debe salir ya".'], 'es')).toEqual(['Lucía Marín']);
    // After a lowercase noun, or right after "de", the name is governed: someone else speaks.
    expect(speakers(['La madre del opositor Juan Pérez dijo que su hijo "lleva demasiado tiempo en la cárcel y debe salir ya".'], 'es')).toEqual([
      'La madre del opositor Juan Pérez',
    ]);
    // The title holder's relative speaks, not the holder.
    expect(speakers(['«No sabemos nada de él desde el lunes», dijo la esposa del ministro de Salud Pedro Gómez.'], 'es')).toEqual(['la esposa del ministro de Salud Pedro Gómez']);
  });

  it('gives the second of two coordinated verbs the subject of the first ("…, dijo X y describió …: «…»")', () => {
    expect(
      speakers(
        [
          'Marta Ruiz Soler habló con la prensa.',
          'El juicio fue un espectáculo, dijo Ruiz Soler y describió que la sala estaba llena de policías: “Había muchos carros de patrulla en la calle".',
        ],
        'es',
      ),
    ).toEqual(['Marta Ruiz Soler']);
    expect(speakers(['Ann Lee runs the port.', 'The harbour was closed for the night, said Ann Lee and added: "We will open it again when the storm has passed."'], 'en')).toEqual([
      'Ann Lee',
    ]);
    // The one told is no subject.
    expect(speakers(['The mayor thanked the crowd, told Ana Torres and added: "We will rebuild the whole town."'], 'en')).toEqual(['The mayor']);
  });

  it('does not take a quotation right after a verb for its speaker ("y manifestó «preocupación» por el caso")', () => {
    const quotes = analyzeArticle(
      article(['La ministra Lucía Marín dijo que el preso "lleva demasiado tiempo en la cárcel y debe salir ya" y manifestó "preocupación" por el caso.'], 'News update', 'es'),
    ).quotes;
    expect(quotes[0]?.speaker).toBe('Lucía Marín');
  });
});

describe('caption lines above a quotation', () => {
  it("a script's name line (and affiliation line) right above a quotation name its speaker", () => {
    const paragraphs = [
      'Con un pronóstico muy negativo ve la región Tomás Verdal Ruiz, economista jefe del Banco Andino.',
      '((SOT))',
      'Tomás Verdal Ruiz',
      'Banco Andino',
      '“Vemos una gran variedad de estímulos, y está correlacionada con el nivel de deuda de cada país”',
    ];
    expect(speakers(paragraphs, 'es')).toEqual(['Tomás Verdal Ruiz']);
    // A line that is a sentence is no caption.
    expect(speakers(['Tomás Verdal Ruiz habló ayer.', 'Nadie respondió a sus preguntas.', '“Vemos una gran variedad de estímulos en toda la región”'], 'es')).toEqual([null]);
  });
});

describe('a piece of writing speaks for its outlet', () => {
  it('"An article in X said", "un artículo de X señaló", "ein Artikel im X schrieb", "un informe de la X afirmó"', () => {
    expect(speakers(['The startup apologized. An article in Quorvel said the mishap was "the worst startup crisis in recent history."'], 'en')).toEqual(['Quorvel']);
    expect(speakers(['An article in the Daily Harrow said the plan was "the worst idea the council has had in years."'], 'en')).toEqual(['Daily Harrow']);
    expect(speakers(['Un artículo de El Tordo señaló que la medida es "un error histórico que pagaremos durante años".'], 'es')).toEqual(['El Tordo']);
    expect(speakers(['Ein Artikel im Nordkurier schrieb, die Reform sei "ein historischer Fehler, den wir lange bezahlen werden".'], 'de')).toEqual(['Nordkurier']);
    // A report's subject or place is not its author.
    expect(speakers(['A report on Venezuela said the crisis was "the worst in the region for decades".'], 'en')).not.toEqual(['Venezuela']);
    expect(speakers(['A report in Kenya said the drought was "the worst in the region for decades".'], 'en')).not.toEqual(['Kenya']);
  });
});

describe('Spanish attribution without a subject', () => {
  it('an adverb and the person told after the verb leave the subject unsaid', () => {
    expect(speakers(['La médica Irene Salas atendió a los heridos en el hospital.', '"Fue la noche más larga de mi vida", dijo luego a la prensa local.'], 'es')).toEqual([
      'Irene Salas',
    ]);
  });

  it('an unclassified name set off by commas after the person told, with a noun for a person after it, is the subject', () => {
    expect(
      speakers(
        ['El preso Rolando Vidal Soto cumple diez años de cárcel.', '“No le dan las medicinas que necesita”, dijo a la prensa, Yusimí del Carmen Lago Ferro, sobrina del preso.'],
        'es',
      ),
    ).toEqual(['Yusimí del Carmen Lago Ferro']);
  });

  it('the person told after a described speaker is no part of it', () => {
    expect(speakers(['"La planta cerrará antes de fin de año", declaró un portavoz del sindicato a Radio Sur.'], 'es')).not.toContain('un portavoz del sindicato a Radio Sur');
  });

  it("a name a preposition governs after the verb is not the unsaid subject, nor the paragraph's", () => {
    const quoted = speakers(
      ['“Nos quitaron la casa y no tenemos adónde ir”, dijo visiblemente emocionada en un video difundido en Twitter por el periodista Julio Berrocal.'],
      'es',
    );
    expect(quoted).not.toContain('Julio Berrocal');
    expect(quoted).not.toContain('visiblemente emocionada');
  });

  it('a verb of opinion without a subject in the sentence before hands the quotation to the one last spoken of', () => {
    expect(
      speakers(
        [
          'La economista Marta Ibáñez habló sobre la crisis.',
          'Además, cree que la inflación bajará cuando el ministro Manuel Ortiz presente su plan. "Los precios se estabilizarán en primavera".',
        ],
        'es',
      ),
    ).toEqual(['Marta Ibáñez']);
  });
});

describe('apposition before the verb', () => {
  it("a description set off by commas after the name that opens the sentence is that person's, whatever it names", () => {
    expect(speakers(['Rosa Medina, hermana del preso político Tomás Ferrer, denunció que "no le dan la medicina que necesita".'], 'es')).toEqual(['Rosa Medina']);
    expect(speakers(['Ірина Бойко, дружина полоненого Тараса Бойка, розповіла, що «він не виходив на зв’язок уже пів року».'], 'uk')).toEqual(['Ірина Бойко']);
  });
});

describe('Ukrainian attribution', () => {
  it('reads a quotation signed after a dash, with either dash', () => {
    expect(speakers(['Міністр оборони Олексій Гриценко відвідав Харків.', '«Ми посилимо протиповітряну оборону міста найближчим часом», — сказав Гриценко.'], 'uk')).toEqual([
      'Олексій Гриценко',
    ]);
    expect(speakers(['«Лікарня отримає нове обладнання вже цього місяця», – зазначив мер Василь Тарасюк.'], 'uk')).toEqual(['Василь Тарасюк']);
    expect(speakers(['«Ми почали з кількох коробок гуманітарної допомоги», - розповіла Голосу Америки Наталія Кравець.'], 'uk')).toEqual(['Наталія Кравець']);
  });

  it('an inflected name after "за словами" is the person the story introduced in full', () => {
    expect(speakers(['Мер міста Василь Тарасюк відвідав лікарню.', 'За словами Тарасюка, «лікарня отримає нове обладнання вже цього місяця».'], 'uk')).toEqual(['Василь Тарасюк']);
  });

  it("the past tense marks the gender of a pronoun's or a dropped subject's referent", () => {
    const people = 'Директор школи Андрій Мельник і вчителька Олена Савчук зустріли дітей.';
    expect(speakers([people, '«Діти дуже чекали на перший дзвоник цього року», — сказала вона.'], 'uk')).toEqual(['Олена Савчук']);
    expect(speakers([people, '«Діти дуже чекали на перший дзвоник цього року», — сказав він.'], 'uk')).toEqual(['Андрій Мельник']);
    expect(speakers(['Петро Савчук і його дружина Марія Савчук переїхали до Нью-Йорка.', '«Ми почали з кількох коробок гуманітарної допомоги», - розповіла.'], 'uk')).toEqual([
      'Марія Савчук',
    ]);
  });

  it('a pronoun after the verb is the subject; what follows it is an adjunct', () => {
    expect(speakers(['Тарас Бойко очолює фонд. «Ми отримали понад тисячу заявок від ветеранів», – заявив він в інтерв’ю Голосу Америки.'], 'uk')).toEqual(['Тарас Бойко']);
  });

  it('an interview labels answers by the initials of the person it named', () => {
    expect(speakers(['Майк Квіґлі відповів на запитання редакції.', 'М.К.: «Ми підтримуємо Україну і будемо підтримувати її далі».'], 'uk')).toEqual(['Майк Квіґлі']);
    expect(speakers(['Senator Mike Quigley answered our questions.', 'M.Q.: "We support Ukraine and we will keep supporting it."'], 'en')).toEqual(['Mike Quigley']);
  });

  it('a pronoun does not refer to a person named in an oblique case; the last speaker goes on', () => {
    expect(
      speakers(
        [
          'Посол Василь Тарасюк відповів на запитання редакції.',
          'Василь Тарасюк: «Я вважаю, що Конгрес має ухвалити пакет допомоги якнайшвидше».',
          'Після цього відбулася зустріч з президентом Володимиром Зеленським.',
          '«Ми обговорили потреби української армії», – сказав він після зустрічі.',
        ],
        'uk',
      ),
    ).toEqual(['Василь Тарасюк', 'Василь Тарасюк']);
  });

  it("an unattributed quotation goes to the paragraph's first subject, not to a person named as an object", () => {
    expect(speakers(['Під час зустрічі з Андрієм Ковалем волонтерка Оксана Литвин розповіла про проблеми. «Нам бракує ліків і генераторів у кожній лікарні».'], 'uk')).toEqual([
      'Оксана Литвин',
    ]);
    expect(speakers(['After meeting with Mayor Tom Reed, director Maria Lopez spoke about the plan. "We will build two thousand homes next year."'], 'en')).toEqual([
      'Maria Lopez',
    ]);
  });

  it('a name of unknown kind that signs a quotation is the speaker a pronoun of its gender goes back to', () => {
    expect(
      speakers(
        [
          'Голос Америки поспілкувався з конгресменом.',
          'Джон Сміт: «Я вважаю, що Конгрес має ухвалити пакет допомоги якнайшвидше».',
          'Олена Савчук, керівниця фонду, подякувала конгресменам.',
          '«Ми будемо допомагати і надалі, скільки буде потрібно», – сказав він.',
        ],
        'uk',
      ),
    ).toEqual(['Джон Сміт', 'Джон Сміт']);
  });

  it("a lowercase description after an inverted verb refers back to the person of the verb's gender", () => {
    const pair = 'Міністри Ганна Коваль та Ендрю Грін провели переговори у Львові.';
    expect(
      speakers([pair, 'Ендрю Грін повідомила, що відвідала шпиталь у місті.', '«Поранені тут отримують найкращу допомогу», – розповіла міністерка охорони здоров’я.'], 'uk'),
    ).toEqual(['Ендрю Грін']);
    expect(speakers(['Перша заступниця мера Джейн Волш відвідала Одесу.', '«Місто готове до зими, генератори вже на місці», – розповіла перша заступниця мера.'], 'uk')).toEqual([
      'Джейн Волш',
    ]);
  });

  it('a plural verb of saying after the body it names by where hands the next paragraph to that body', () => {
    expect(
      speakers(
        [
          'Міністерство охорони здоров’я України оприлюднило нові правила.',
          'У Міністерстві охорони здоров’я України заявили, що лікарні отримають додаткові кошти.',
          '«Кожна районна лікарня матиме резервне живлення до кінця року».',
        ],
        'uk',
      ),
    ).toEqual(['Міністерство охорони здоров’я України']);
  });

  it("a message quoted after the paragraph that reported its sending is its sender's", () => {
    expect(
      speakers(
        ['Про це на своїй сторінці у Facebook повідомила волонтерка Оксана Литвин.', '«Ми зібрали три вантажівки ліків для шпиталів на сході», – йдеться в повідомленні.'],
        'uk',
      ),
    ).toEqual(['Оксана Литвин']);
  });

  it('the past-tense verb after a name gives its gender, whatever the name looks like', () => {
    expect(
      speakers(['Директор Андрій Мельник і Ніколь Бейкер приїхали до школи.', 'Ніколь Бейкер подарувала дітям книжки.', '«Діти дуже чекали на цей день», — сказала вона.'], 'uk'),
    ).toEqual(['Ніколь Бейкер']);
  });

  it('a dialogue turn goes on after a dash that follows its attribution', () => {
    expect(speakers(['— Ми не зупинимося, поки не повернемо всіх дітей, — сказав Дмитро Кулик. — І ми відбудуємо кожне зруйноване місто.'], 'uk')).toEqual([
      'Дмитро Кулик',
      'Дмитро Кулик',
    ]);
  });
});

describe('attribution across languages', () => {
  it('a word that takes up the quotation opens a clause whose subject follows the verb', () => {
    expect(speakers(['"La represión no se detiene en ningún rincón del país". Así lo afirmó el activista Félix Navarro Rodríguez.'], 'es')).toEqual(['Félix Navarro Rodríguez']);
    expect(speakers(['« Nous ne céderons pas face aux menaces. » C’est ce qu’a déclaré le Premier ministre Henri Dufresne.'], 'fr')).toEqual(['Henri Dufresne']);
    expect(speakers(['„Die Drohungen ändern nichts an unserer Haltung.“ Das sagte Premierminister Henri Dufresne am Abend.'], 'de')).toEqual(['Henri Dufresne']);
  });

  it('an age standing for a noun refers back to the person just named', () => {
    expect(speakers(['Der Premierminister Henri Dufresne sprach am Abend.', '„Die Drohungen ändern nichts an unserer Haltung“, sagte der 54-Jährige.'], 'de')).toEqual([
      'Henri Dufresne',
    ]);
    expect(speakers(['Henri Dufresne, the prime minister, spoke on Tuesday.', '"The threats change nothing about our position," the 54-year-old said.'], 'en')).toEqual([
      'Henri Dufresne',
    ]);
  });

  it('a description never refers back to the person it names as a complement', () => {
    expect(speakers(['El preso político Maykel Castillo fue trasladado.', '"Nadie nos avisó del traslado y no sabemos dónde está", dijo el hermano de Castillo.'], 'es')).toEqual([
      'el hermano de Castillo',
    ]);
  });

  it('a name a described speaker governs is not the speaker', () => {
    expect(speakers(['"Nunca nos dijeron dónde estaba detenido mi hijo", dijo la esposa de Juan Pérez.'], 'es')).toEqual(['la esposa de Juan Pérez']);
    expect(speakers(['«Ми продовжимо допомагати громадам на сході країни», — заявила посолка Японії в Україні.'], 'uk')).toEqual(['посолка Японії в Україні']);
  });

  it('a lead with a possessive refers back, with the gender the possessive marks', () => {
    expect(speakers(['Андрій Коваль очолює громаду.', 'За його словами, «місто відбудують за два роки, якщо буде фінансування».'], 'uk')).toEqual(['Андрій Коваль']);
    expect(speakers(['Андрій Коваль і Оксана Литвин очолюють громаду.', 'За її словами, «місто відбудують за два роки, якщо буде фінансування».'], 'uk')).toEqual([
      'Оксана Литвин',
    ]);
    expect(speakers(['Andrew Kowal leads the community.', 'In his view, "the town will be rebuilt within two years if the money comes."'], 'en')).toEqual(['Andrew Kowal']);
  });

  it('a verb whose subject place holds only an adjunct has a dropped subject', () => {
    expect(speakers(['El opositor José Ferrer envió un mensaje desde la cárcel.', 'Tras su liberación, dijo que "la dictadura tiene los días contados".'], 'es')).toEqual([
      'José Ferrer',
    ]);
  });

  it('a role noun with a complement refers back to the person just named, with or without an article', () => {
    expect(
      speakers(['El opositor José Ferrer envió un mensaje desde la cárcel.', '"La dictadura tiene los días contados y lo sabe", sentenció el líder de la Unión Patriótica.'], 'es'),
    ).toEqual(['José Ferrer']);
    expect(speakers(['Андрій Коваль очолює громаду.', '«Місто відбудують за два роки. Але без допомоги партнерів це неможливо», – підсумував голова громади.'], 'uk')).toEqual([
      'Андрій Коваль',
    ]);
  });

  it('a form of a verb of saying after a determiner is a noun ("un comunicado"), not the verb', () => {
    expect(speakers(['Según un comunicado del Ministerio de Salud Pública, "la epidemia está bajo control en todas las provincias".'], 'es')).toEqual([
      'Ministerio de Salud Pública',
    ]);
  });

  it('a Ukrainian agent noun with a body after it refers back to the person just named', () => {
    expect(speakers(['Міністр Дмитро Кулеба провів зустріч.', '«Росія продовжує порушувати міжнародне право і вбивати цивільних», – наголосив очільник МЗС.'], 'uk')).toEqual([
      'Дмитро Кулеба',
    ]);
  });

  it('a capitalised pronoun the entities took for a name still refers back', () => {
    expect(speakers(['Olga Martínez llegó a Miami en 2021.', 'Ella recuerda que "aquí empezamos de cero, sin conocer a nadie".'], 'es')).toEqual(['Olga Martínez']);
  });

  it('a Ukrainian noun for a person opening the sentence refers back', () => {
    expect(speakers(['Наталія Кравець переїхала до Чикаго.', 'Жінка розповідає: «Ми збираємо гроші на генератори для лікарень».'], 'uk')).toEqual(['Наталія Кравець']);
  });

  it('a Ukrainian person noun with an adjunct after an inverted verb refers back to the person just named', () => {
    expect(
      speakers(['Консул України в Чикаго Сергій Коваленко подякував громаді.', '«Ваша допомога рятує життя щодня», – наголосив дипломат під час зустрічі з волонтерами.'], 'uk'),
    ).toEqual(['Сергій Коваленко']);
  });

  it('a definite noun for a body refers to the body just named', () => {
    expect(
      speakers(
        [
          'La organización Prisoners Defenders contabiliza más de mil presos políticos en la isla.',
          '"El régimen usa las cárceles como instrumento de castigo", afirmó en un comunicado la ONG con sede en Madrid.',
        ],
        'es',
      ),
    ).toEqual(['Prisoners Defenders']);
  });

  it('a short quoted name inside the attribution is part of it', () => {
    expect(speakers(['«Ми збираємо гроші на генератори для лікарень», – розповів журналістам голова організації «Разом» Олег Бондар.'], 'uk')).toEqual(['Олег Бондар']);
  });

  it('the subject of an inverted verb after one quotation goes on to the quotation its clause introduces', () => {
    expect(speakers(['«No vamos a aceptar ninguna imposición», dijo Marta Gil, antes de añadir: «El diálogo sigue abierto para todos los partidos».'], 'es')).toEqual([
      'Marta Gil',
      'Marta Gil',
    ]);
    expect(
      speakers(['« L’accord est conclu et les deux parties sont satisfaites », a assuré Anne Roux, avant d’ajouter : « Nous commencerons la semaine prochaine ».'], 'fr'),
    ).toEqual(['Anne Roux', 'Anne Roux']);
  });

  it('German: a separable particle is no part of the speaker, and a staff noun refers back to the person introduced with it', () => {
    expect(speakers(['„Die Einigung steht, beide Seiten sind zufrieden“, teilte die Ministerin Anna Roth mit.'], 'de')).toEqual(['Anna Roth']);
    expect(speakers(['Die Sprecherin des Ministeriums, Anna Roth, äußerte sich am Abend. „Die Einigung steht, beide Seiten sind zufrieden“, so die Sprecherin.'], 'de')).toEqual([
      'Anna Roth',
    ]);
  });

  it('an impersonal plural verb with a place after it is signed by the body there', () => {
    expect(speakers(['"Se trata de un hecho aislado que ya está siendo investigado", señalaron desde el Ministerio del Interior.'], 'es')).toEqual(['Ministerio del Interior']);
    expect(speakers(['Поліція Києва розслідує інцидент.', '«Слідчі вже встановили особу підозрюваного у нападі», – зазначили у пресслужбі поліції.'], 'uk')).toEqual([
      'Поліція Києва',
    ]);
    expect(speakers(['«Слідчі вже встановили особу підозрюваного у нападі», – розповіли у селі.'], 'uk')).toEqual([null]);
  });

  it('the words after an incise are kept, however few', () => {
    expect(speakers(['«Ми не здамося і відбудуємо наше місто, – сказав мер Андрій Коваль. – Люди вже повертаються додому».'], 'uk')).toEqual(['Андрій Коваль', 'Андрій Коваль']);
  });
});

describe('German, French and English attribution', () => {
  it('German: a name after the verb, a pronoun, "so" and guillemets', () => {
    expect(speakers(['„Wir werden die Steuern nicht erhöhen“, sagte Finanzminister Klaus Brenner am Montag.'], 'de')).toEqual(['Klaus Brenner']);
    expect(speakers(['Klaus Brenner stellte den Haushalt vor. „Wir werden die Steuern nicht erhöhen“, sagte er.'], 'de')).toEqual(['Klaus Brenner']);
    expect(speakers(['»Die Lage an der Grenze ist angespannt, aber stabil«, erklärte Innenministerin Petra Lindner gegenüber der Zeitung.'], 'de')).toEqual(['Petra Lindner']);
    expect(speakers(['Außenminister Jens Fiedler traf am Morgen ein.', '„Wir sind bereit für Gespräche mit allen Seiten“, sagte der Außenminister.'], 'de')).toEqual([
      'Jens Fiedler',
    ]);
  });

  it('French: inverted pronouns and "selon"', () => {
    expect(speakers(['Selon Henri Dufresne, « le pays doit se préparer à une crise longue ».'], 'fr')).toEqual(['Henri Dufresne']);
    expect(speakers(['La ministre Claire Aubert a répondu aux questions. « Le pays doit se préparer à une crise longue », a-t-elle ajouté.'], 'fr')).toEqual(['Claire Aubert']);
    expect(speakers(['« Nous sommes prêts à discuter avec tout le monde », a affirmé jeudi Jean Morel, porte-parole du gouvernement.'], 'fr')).toEqual(['Jean Morel']);
  });

  it('English: a short whole quoted sentence after an attributed quotation goes on with it', () => {
    expect(
      quotes(
        ['Police Chief Dana Cole said officers arrived within minutes.', '"Our officers did exactly what they were trained to do," Cole said. "They saved lives today."'],
        'en',
      ),
    ).toEqual([
      ['Dana Cole', 'Our officers did exactly what they were trained to do'],
      ['Dana Cole', 'They saved lives today.'],
    ]);
  });

  it('English: a short quoted title inside a sentence is not taken for a quotation that goes on', () => {
    expect(quotes(['"Our officers did exactly what they were trained to do," Cole said. The band then played "Let it be."'], 'en')).toEqual([
      ['Cole', 'Our officers did exactly what they were trained to do'],
    ]);
  });

  it('English: the pronouns the text uses for a person give the gender a later pronoun needs', () => {
    const people = 'Housing director Maria Lopez said her team had found land. Mayor Tom Reed welcomed the plan and said he was pleased.';
    expect(speakers([people, '"We will build two thousand homes next year," she said.'], 'en')).toEqual(['Maria Lopez']);
    expect(speakers([people, '"This is the best news the city has had in years," he said.'], 'en')).toEqual(['Tom Reed']);
  });

  it('English: a staff noun after a noun for a body speaks for the body the story named', () => {
    expect(speakers(['Acme Corp. employs 400 people at the plant.', '"We deeply regret the harm caused to the families," a company spokesperson said.'], 'en')).toEqual([
      'Acme Corp',
    ]);
  });

  it('English: a title of address marks the gender a pronoun needs', () => {
    expect(speakers(['Mayor Tom Reed met Mrs Maria Lopez on Friday. "We will build two thousand homes next year," she said.'], 'en')).toEqual(['Maria Lopez']);
    expect(speakers(['"We are ready to talk to anyone," Jean Morel, a government spokesman, told reporters.'], 'en')).toEqual(['Jean Morel']);
  });

  it('an inverted Ukrainian verb may have an adjunct before its subject ("— написала на своїй сторінці у Facebook співачка X")', () => {
    expect(speakers(['«Це найкращий день нашого туру», – написала на своїй сторінці у Facebook співачка Алоніка.'], 'uk')).toEqual(['Алоніка']);
  });

  it('a short quotation signed by an inverted Ukrainian verb, an adjunct and a name is kept, with that speaker', () => {
    expect(
      speakers(['Делегація прибула до Вашингтона у вівторок.', '«Ми готові до розмови», – сказав в інтерв’ю Голосу Америки посол Литви у США Юрас Мартінайтіс.'], 'uk'),
    ).toEqual(['Юрас Мартінайтіс']);
  });

  it('a name after an adjunct governed by a preposition is not the subject ("– заявив в ефірі телеканалу CNN")', () => {
    expect(speakers(['Міністр фінансів Тарас Гнатюк говорив про бюджет.', '«Дефіцит ми покриємо без нових податків», – заявив в ефірі телеканалу CNN.'], 'uk')).toEqual([
      'Тарас Гнатюк',
    ]);
  });

  it('"за словами" takes in a Ukrainian body name with lowercase words and the person named after it', () => {
    expect(speakers(['За словами речника Міністерства закордонних справ Олега Миколенка, «переговори тривають».'], 'uk')).toEqual(['Олег Миколенко']);
  });

  it('a German subordinate clause with its verb last signs the quotation after it ("Wie der Sprecher, Jan Koch, mitteilte, „…“")', () => {
    expect(speakers(['Wie der Sprecher des Ministeriums, Jan Hartwig, mitteilte, „laufen die Gespräche weiter“.'], 'de')).toEqual(['Jan Hartwig']);
    expect(speakers(['Wie Jan Hartwig sagte, „laufen die Gespräche weiter“.'], 'de')).toEqual(['Jan Hartwig']);
    expect(speakers(['Wie es hieß, „laufen die Gespräche weiter“.'], 'de')).toEqual([null]);
  });

  it('German "dem" after the subject of the verb opens the one told, never a genitive ("sagte Koch dem Sender NDR")', () => {
    expect(speakers(['„Es ist zu früh“, sagte Anna Hartmann dem Sender NDR am Montag.'], 'de')).toEqual(['Anna Hartmann']);
    expect(speakers(['„Es ist zu früh“, sagte ein Sprecher dem Sender NDR.'], 'de')).toEqual(['ein Sprecher']);
  });

  it('a lead naming a statement ("según un comunicado de …", "according to a statement from …", "laut einer Mitteilung der …") gives the word to its author', () => {
    expect(speakers(['Según un comunicado del Ministerio de Obras Públicas, “el puente abrirá en mayo”.'], 'es')).toEqual(['Ministerio de Obras Públicas']);
    expect(speakers(['Selon un communiqué de l’Office national des forêts, « les coupes reprendront en mai ».'], 'fr')).toEqual(['Office national des forêts']);
    expect(speakers(['According to a statement from the Harbour Authority, "the quay reopens in May".'], 'en')).toEqual(['Harbour Authority']);
    expect(speakers(['Laut einer Mitteilung der Feuerwehr „wurde niemand verletzt“.'], 'de')).toEqual(['Feuerwehr']);
    // A statement of nobody named keeps no speaker.
    expect(speakers(['Según el comunicado, “el puente abrirá en mayo”.'], 'es')).toEqual([null]);
  });

  it('an impersonal verb placing the words in a statement of a body no entity stands for gives the word to the body as written', () => {
    expect(speakers(['„Niemand wurde verletzt“, hieß es in einer Mitteilung der Polizei.'], 'de')).toEqual(['Polizei']);
    expect(speakers(['“No hubo heridos”, se lee en un comunicado de la embajada.'], 'es')).toEqual(['embajada']);
    expect(speakers(['„Niemand wurde verletzt“, heißt es in der Mitteilung.'], 'de')).toEqual([null]);
  });

  it('a Ukrainian sentence opening with an adjunct has its subject after the verb, or just before it; a colon after the verb opens a short quotation', () => {
    expect(speakers(['Про це в ефірі Голосу Америки заявив конгресмен Тарас Гнатюк: «Допомога має надійти»'], 'uk')).toEqual(['Тарас Гнатюк']);
    expect(speakers(['В інтерв’ю каналу CNN міністр Тарас Гнатюк сказав: «Ми вистоїмо».'], 'uk')).toEqual(['Тарас Гнатюк']);
    // A short quoted passage after a noun for a work is its title, not speech.
    expect(speakers(['У 1949 році, пише історикиня Олена Гнатюк у статті «Голос та ефір», усе змінилося.'], 'uk')).toEqual([]);
  });

  it('"йдеться в заяві" of a body written in lowercase gives the word to the body, in the nominative; a statement of nobody named has no speaker', () => {
    expect(speakers(['«Ми стурбовані ескалацією», — йдеться в заяві посольства Канади.'], 'uk')).toEqual(['посольство Канади']);
    expect(speakers(['«Ми стурбовані ескалацією», — йдеться в заяві посольства Канади у понеділок.'], 'uk')).toEqual(['посольство Канади']);
    expect(speakers(['«Атаку відбито», – йдеться у повідомленні міністерства оборони України.'], 'uk')).toEqual(['міністерство оборони України']);
    expect(speakers(['«Ми стурбовані ескалацією», — йдеться в заяві.'], 'uk')).toEqual([null]);
  });

  it('a Ukrainian plural verb with a body after "в"/"у", before the quotation, gives the word to the body', () => {
    expect(speakers(['Як повідомили в Міністерстві оборони України, «постачання зброї триває».'], 'uk')).toEqual(['Міністерство оборони України']);
    expect(speakers(['У Міністерстві оборони України заявили: «Постачання триває за графіком».'], 'uk')).toEqual(['Міністерство оборони України']);
  });
});
