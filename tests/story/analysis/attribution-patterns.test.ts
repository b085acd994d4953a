import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { article } from './helpers.js';

const speakers = (paragraphs: string[], language = 'en'): (string | null)[] => analyzeArticle(article(paragraphs, 'News update', language)).quotes.map((q) => q.speaker);

describe('attribution patterns', () => {
  it('a pronoun after a sentence naming two people refers to its subject, not its object', () => {
    expect(speakers(['Team manager Oscar Dunne praised striker Leo Marsh after the game.', '"Leo was outstanding today, and the whole team followed him," he said.'])).toEqual([
      'Oscar Dunne',
    ]);
  });

  it('a possessor is not the subject a pronoun refers to, and a quotation ending with a full stop ends its sentence', () => {
    expect(
      speakers([
        'Board member Ines Varga wrote: "We owe her more than we can say about the years she led us." Lund\'s exit will take months, and she says she will stay on.',
        'The outgoing director listed her reasons. "The team is strong and the money is there, so this is the time to go."',
      ]),
    ).toEqual(['Ines Varga', 'Lund']);
  });

  it('a speech verb without a subject (pro-drop) signs for the person last spoken of', () => {
    expect(speakers(['El entrenador Andrés Molina habló tras el partido.', '«El equipo no jugó con la intensidad necesaria», explicó.'], 'es')).toEqual(['Andrés Molina']);
    expect(speakers(['La alcaldesa Rocío Pardo visitó el barrio.', '«Nadie se quedará sin casa este invierno», aseguró a los vecinos.'], 'es')).toEqual(['Rocío Pardo']);
  });

  it('an unnamed spokesperson speaks for the body named after the staff noun, even one nothing else names', () => {
    expect(speakers(['„Der Zugverkehr wird am Abend wieder aufgenommen“, erklärte ein Sprecher der Nordbahn.'], 'de')).toEqual(['Nordbahn']);
    expect(speakers(['"Every ferry will sail on time from Monday," said a spokeswoman for Harbour Lines.'])).toEqual(['Harbour Lines']);
  });

  it('a lead phrase ends where the name ends ("nach Angaben der Polizei hatten sie „…“")', () => {
    expect(speakers(['Die Polizei nahm zwei Männer fest. Nach Angaben der Polizei hatten sie „mehrere Kilo Sprengstoff im Auto“ versteckt.'], 'de')).toEqual(['Polizei']);
  });

  it('questions and answers alternate between the two people of a conversation, short turns included', () => {
    expect(
      speakers([
        'Reporter Jane Hill asked the senator, Ralph Moss, about the vote.',
        '"Will you support the bill?" Hill asked.',
        '"Not in its current form," Moss replied.',
        '"Why not?"',
        '"Because it leaves the farmers out."',
      ]),
    ).toEqual(['Jane Hill', 'Ralph Moss', 'Jane Hill', 'Ralph Moss']);
  });

  it('a relative clause\'s verb of saying belongs to the person the clause hangs on ("X, who praised … for "…"")', () => {
    expect(speakers(['Ambassador Ivo Petrov read a letter from Prime Minister Anna Sala, who praised the choir for "the courage it showed in the hardest of years."'])).toEqual([
      'Anna Sala',
    ]);
  });

  it('a sentence after a finished quotation that opens a quotation of its own does not sign the first one', () => {
    expect(
      speakers([
        'Ambassador Ivo Petrov read a letter from Prime Minister Anna Sala, who praised the choir for "the courage it showed in the hardest of years." She also thanked the conductor for "keeping the music alive in every shelter."',
      ]),
    ).toEqual(['Anna Sala', 'Anna Sala']);
  });

  it('a paragraph that names nobody before its quotation continues the speaker of the paragraph before', () => {
    expect(
      speakers([
        'Senator Ruth Lane told the hall that "the station has never been more needed than it is this winter."',
        'Today the station reaches listeners in nine countries. "People still turn to it when every other signal goes quiet."',
      ]),
    ).toEqual(['Ruth Lane', 'Ruth Lane']);
  });

  it('an auxiliary after the subject is not part of a descriptive speaker ("le gérant a demandé …, disant « … »")', () => {
    expect(
      speakers(['Samedi, le gérant a demandé aux clientes de partir, disant à leur accompagnatrice « de revenir un autre jour avec moins de monde ».', 'Rien de plus.'], 'fr'),
    ).toEqual(['le gérant']);
  });

  it('a lead followed by a pronoun or a verb refers back ("Selon lui, « … »", "Según declaró, «…»", "за його словами")', () => {
    expect(speakers(['Le chanteur Marc Olivier a répondu aux critiques. Selon lui, « la tolérance doit gagner partout en Europe ».'], 'fr')).toEqual(['Marc Olivier']);
    expect(speakers(['La candidata Lucía Vega prometió seguridad. Según declaró, "la mano dura es la única salida para el país".'], 'es')).toEqual(['Lucía Vega']);
    expect(speakers(['Посол Ігор Ткаченко розповів про плани. За його словами, «торгівля між країнами зросте вдвічі».'], 'uk')).toEqual(['Ігор Ткаченко']);
  });

  it('a clitic between the subject and the verb is no part of the speaker ("La periodista le preguntó: «…»")', () => {
    expect(speakers(['La periodista le preguntó: "¿Se reunirá con el presidente chino durante la cumbre?"'], 'es')).toEqual(['La periodista']);
  });

  it('a title separated from the name by the places it governs resolves a later bare title ("Посол України в Перу … — сказав посол")', () => {
    expect(speakers(['Посол України в Перу Ігор Ткаченко зустрівся з міністром. «Ми відкриваємо нову сторінку відносин», — сказав посол.'], 'uk')).toEqual(['Ігор Ткаченко']);
  });

  it("interview labels without an entity take turns too: an unlabelled answer after a labelled question is the interviewee's", () => {
    expect(
      speakers([
        'Newsdesk: "How did you first get involved in the project?"',
        'Anne Dupont: "A friend showed me the site in 2004 and I started editing the next day."',
        'Newsdesk: "What was the hardest part?"',
        '"Learning to let other people change what I wrote."',
      ]),
    ).toEqual(['Newsdesk', 'Anne Dupont', 'Newsdesk', 'Anne Dupont']);
  });

  it('an unnamed speaker given a name ("una de las entrevistadas identificada como Adela") is that name', () => {
    expect(speakers(['"La radio era como tener cerca a mi hija todos los días", dijo una de las entrevistadas identificada como Adela, ama de casa.'], 'es')).toEqual(['Adela']);
  });

  it('a verb followed by a prepositional phrase signs for the person named later in its clause ("— заявив в інтервʼю … Ілай Розенбаум")', () => {
    expect(speakers(['«Злочинцям не буде де сховатись, я вірю в це», - заявив в ексклюзивному інтервʼю виданню Директор відділу Мінʼюсту США Ілля Борисенко.'], 'uk')).toEqual([
      'Ілля Борисенко',
    ]);
  });

  it('present-tense verbs of saying in Spanish and French sign a quotation ("«…», comenta X", "« … », raconte X")', () => {
    expect(speakers(['«La señal llega sin problemas a todo el pueblo», comenta Miguel Soto, un vecino.'], 'es')).toEqual(['Miguel Soto']);
    expect(speakers(['« Le village a été coupé du monde pendant trois jours », raconte Jean Morel, un habitant.'], 'fr')).toEqual(['Jean Morel']);
  });
});

describe('described bodies as sources', () => {
  it('a name that only qualifies a body\'s head ("according to Catalan police") is not itself made a body', () => {
    const r = analyzeArticle(article(['The blast happened near the station at noon, according to Catalan police, known as the Mossos.']));
    expect(r.entities.organizations).not.toContain('Catalan');
  });
});

describe('sources behind a title', () => {
  it('"according to" a title of a body cites the body ("according to Deputy Chief of Police of the Harwick Police Department")', () => {
    const r = analyzeArticle(article(['According to Deputy Chief of Police of the Harwick Police Department, Dana Wells, the suspect was arrested within an hour.']));
    expect(r.sources).toEqual(['Harwick Police Department']);
  });
});

describe('attribution patterns, second pass', () => {
  it('a quoted nickname right after an inverted verb with an object clitic is the speaker ("le respondió “Maru”")', () => {
    expect(speakers(['“En la costa la fiesta grande se hace de noche y en familia”, le respondió “Maru” a “Pepe Luis”.'], 'es')).toEqual(['Maru']);
  });

  it('a speaker described with an indefinite article before being named is the person who speaks next ("with a senior member of the council saying")', () => {
    expect(
      speakers([
        'On Monday, city officials opened the new bridge, with a senior member of the council saying, "This crossing will change how the whole valley works."',
        'Councillor Dana Whitfield, who chaired the planning committee for a decade, told reporters that, "We waited far too long for this bridge to be built."',
      ]),
    ).toEqual(['Dana Whitfield', 'Dana Whitfield']);
    // Without a named speaker after it, the description stays as written.
    expect(speakers(['The mill closed on Friday, with a former worker saying, "Nobody here knew it was coming so soon."', 'The town council met later.'])).toEqual([
      'a former worker',
    ]);
  });

  it('a definite noun after an inverted verb refers back to the person just named ("afirmó el regidor")', () => {
    expect(
      speakers(
        ['El alcalde de Sevilla, Antonio Ruiz, inauguró el puente el martes.', '"Este puente va a cambiar la vida de todo el barrio", afirmó el regidor ante la prensa.'],
        'es',
      ),
    ).toEqual(['Antonio Ruiz']);
  });

  it('"de acuerdo con" leads to the speaker like "según"', () => {
    expect(speakers(['De acuerdo con el Ministerio de Fomento, "las obras terminarán en marzo del próximo año".'], 'es')).toEqual(['Ministerio de Fomento']);
  });

  it('a possessor before the subject is not the speaker ("Lopez\'s deputy, Dan Okafor, said:")', () => {
    expect(speakers(['Police Chief Maria Lopez told reporters the suspect had been arrested.', 'Lopez\'s deputy, Dan Okafor, said: "The investigation continues."'])).toEqual([
      'Dan Okafor',
    ]);
    expect(speakers(['Police Chief Maria Lopez told reporters the suspect had been arrested.', 'Lopez\'s deputy said: "The investigation continues."'])).not.toContain(
      'Maria Lopez',
    );
  });

  it('the person told, set off by a preposition after the verb, is not the speaker ("a indiqué à l\'AFP une porte-parole")', () => {
    expect(
      speakers(
        ["« L'enquête se poursuit », a déclaré un porte-parole de la SNCF.", "« Aucun changement n'est prévu », a indiqué à l'AFP une porte-parole du ministère de l'Intérieur."],
        'fr',
      ),
    ).toEqual(['SNCF', "ministère de l'Intérieur"]);
  });

  it('an unlisted past-tense verb between a quotation and a name alone signs it ("zanjó Tellado", "quipped Ann Lee")', () => {
    expect(speakers(['El portavoz del partido, Miguel Tellado, presentó la enmienda.', '"No vamos a apoyarlo", zanjó Tellado.'], 'es')).toEqual(['Miguel Tellado']);
    expect(speakers(['"That was the easy part of the whole week," grumbled Ann Lee.'])).toEqual(['Ann Lee']);
  });

  it('a German definite noun after an inverted verb refers back to the person just named ("sagte der SPD-Politiker")', () => {
    expect(
      speakers(
        [
          'Bundesgesundheitsminister Karl Lauter hat am Montag neue Regeln vorgestellt.',
          '„Wir müssen jetzt handeln“, sagte der SPD-Politiker in Berlin.',
          '„Das reicht noch lange nicht“, sagten die Experten.',
        ],
        'de',
      ),
    ).toEqual(['Karl Lauter', 'die Experten']);
  });

  it('a definite noun as subject refers to the person introduced with that noun ("El ministro, que llegó tarde, dijo:")', () => {
    expect(
      speakers(
        ['El ministro del Interior, Fernando Grande, compareció el lunes ante el Congreso.', 'El ministro, que llegó tarde a la sesión, dijo: «No voy a dimitir por esto».'],
        'es',
      ),
    ).toEqual(['Fernando Grande']);
  });

  it('one sentence-initial adverb before the verb is no speaker in a pro-drop language ("Después añadió que «…»")', () => {
    expect(speakers(['La alcaldesa Rocío Pardo visitó el barrio inundado.', 'Después añadió que «la ayuda llegará a todas las familias esta misma semana».'], 'es')).toEqual([
      'Rocío Pardo',
    ]);
  });

  it('a bare Ukrainian noun after an inverted verb refers back to the person just named ("— каже жінка"), a plural does not', () => {
    expect(
      speakers(
        [
          'Як розповіла місцева мешканка Наталія Коваль, її будинок зруйновано. «Ми втратили все, що мали», — каже жінка.',
          '«Нам потрібна допомога вже зараз», — кажуть волонтери.',
        ],
        'uk',
      ),
    ).toEqual(['Наталія Коваль', 'волонтери']);
  });

  it('the subject that issued a statement introduced by a colon is the speaker, without the verb and what follows', () => {
    expect(
      speakers([
        'Councillor Ada Price was taken to hospital on Monday.',
        'The head of the regional council released the following statement before the news of Price’s recovery: “We are all thinking of Ada and wish her a quick return.”',
        'Governor Paul Keane issued a short statement: “Our thoughts are with her family today.”',
      ]),
    ).toEqual(['The head of the regional council', 'Paul Keane']);
  });

  it('an apposition between a name and the verb describes the named person, not a name inside it', () => {
    expect(speakers(['Retired admiral Hal Brody died on Sunday.', 'Former navy chief Ruth Okafor, also a classmate of Brody, called him “a steady hand in a storm.”'])).toEqual([
      'Ruth Okafor',
    ]);
  });

  it('a document after an attribution lead is no speaker ("de acuerdo a informes recientes")', () => {
    const got = speakers(
      [
        'La ministra de Vivienda, Carmen Solís, visitó el lunes la ciudad.',
        'Los precios subieron un 8 por ciento, de acuerdo a informes recientes— “no es una cifra que podamos aceptar”.',
      ],
      'es',
    );
    expect(got).not.toContain('informes recientes');
  });

  it('in a paragraph without a verb of saying, the one named by "according to" speaks, not a possessor named later', () => {
    expect(
      speakers([
        'Fund manager Rosa Lind expects a calm spring.',
        'The main risk, according to Lind, would come if Mayor Tom Gale’s budget stalls in the council. “They will have to find a compromise before April.”',
      ]),
    ).toEqual(['Rosa Lind']);
  });

  it('a clause is never given as the speaker: a phrase with a finite verb or "por lo que" names nobody', () => {
    expect(
      speakers(
        [
          'La reunión del consejo terminó tarde en Valencia.',
          'El debate de los vecinos ocurrió al final de la tarde, y el acta recoge “una gran preocupación por el agua”.',
          'Los técnicos revisaron la presa por lo que llamaron “un riesgo que nadie había medido antes”.',
        ],
        'es',
      ),
    ).toEqual([null, null]);
  });

  it('a verb of saying followed by its own "que" clause after a quotation is no inverted attribution', () => {
    expect(speakers(['Sobre el puerto, Ramiro Quesada sostiene que “el tráfico de barcos seguirá creciendo este año” y asegura que las obras van muy lentas.'], 'es')).toEqual([
      'Ramiro Quesada',
    ]);
  });

  it('words a court sentence is cited for have no speaker ("-según la sentencia-"), even when the noun is also a verb form', () => {
    expect(
      speakers(
        ['Tres jóvenes de Holguín, entre ellos Mario Beltrán Soto, fueron condenados por -según la sentencia- “alterar el orden en la plaza central” durante la fiesta.'],
        'es',
      ),
    ).toEqual([null]);
  });

  it('"the statement said" is the statement of the body that issued it, or nobody\'s', () => {
    expect(
      speakers([
        'In a statement, Northwind Ferries said the crossing would resume on Friday.',
        '“Our crews have checked every vessel twice and the weather is improving,” the statement said.',
        'The harbour will stay closed to private boats.',
        'Later that week, officials praised the rescue.',
        '“We thank every volunteer who came to the pier that night,” the statement said.',
      ]),
    ).toEqual(['Northwind Ferries', null]);
  });

  it('a speaker is the name without the titles before it, and a title alone names nobody', () => {
    expect(speakers(['“We will keep the station open through the winter,” said Acting NRB Director Helen Marquez.'])).toEqual(['Helen Marquez']);
  });

  it("the subject of a verb issuing a statement is the speaker, and a title before a name in English is the holder's", () => {
    expect(
      speakers([
        'The port reopened on Tuesday, and yesterday Norway\'s minister of trade for fisheries Ingrid Dahl released a statement saying the deal "protects every coastal town".',
      ]),
    ).toEqual(['Ingrid Dahl']);
  });

  it('a definite staff noun before the verb refers back to the spokesperson introduced with it', () => {
    expect(
      speakers(
        [
          '“No hemos recibido ninguna carta del gobierno de Lima”, afirmó la portavoz del Ministerio de Salud, Lucía Ferrero, en un comunicado.',
          'La portavoz del Ministerio de Salud reiteró que el país “mantiene abiertas todas las vías de diálogo con sus vecinos”.',
        ],
        'es',
      ),
    ).toEqual(['Lucía Ferrero', 'Lucía Ferrero']);
  });

  it('a Ukrainian adjective and noun for a person opening the sentence refer back like the bare noun', () => {
    expect(
      speakers(['Посол Канади в Україні Олена Кравчук відвідала Харків. Канадська посолка наголошує: «Ми залишимося з Україною стільки, скільки буде потрібно».'], 'uk'),
    ).toEqual(['Олена Кравчук']);
  });

  it('a relative named by a possessive ("dijo su madre") hands the word to the next paragraph\'s subjectless verb', () => {
    expect(
      speakers(
        [
          'Los hermanos Tomás y Andrés Rivero Gil siguen presos en Holguín, según la madre de ambos, Elena Gil Serrano.',
          'En el caso de Andrés Rivero, que padece asma, la cárcel le ha hecho mucho daño, dijo su madre.',
          '“Andrés no duerme por las noches y ha perdido mucho peso desde marzo”, explicó.',
        ],
        'es',
      ),
    ).toEqual(['Elena Gil Serrano']);
  });

  it('an unattributed quotation goes on with the subject of the verb of saying in the sentence before it', () => {
    expect(
      speakers(
        [
          'Las autoridades deben liberar a Ramón Pardo Ibarra, detenido desde enero, dijeron este martes Amigos del Mar y Fundación Costera. Los gobiernos vecinos “deberían pedir cuentas por cada detención”.',
        ],
        'es',
      ),
    ).toEqual(['Amigos del Mar']);
  });

  it('a relative clause set off by dashes is not the subject, and a body before an apposition is', () => {
    expect(
      speakers([
        'The analyst – who was later named by Carla Benz in a post – told reporters he "never reviewed any of the files".',
        'Orbitel Systems Ltd, the analyst\'s employer, also sent reporters a statement on Monday, saying: "We regret that our staff was named without consent."',
      ]),
    ).toEqual(['The analyst', 'Orbitel Systems Ltd']);
  });

  it('a participial opener naming someone is an adjunct; "the spokesperson" is the body it was introduced with', () => {
    expect(
      speakers([
        'A spokesperson for Harbourline denied on Monday that the ferry service would close.',
        'Speaking to Rita Lowe of the Coastal Herald, the spokesperson said: "No route will be cut this year, and the fleet will grow."',
      ]),
    ).toEqual(['Harbourline']);
  });

  it('"it said" goes on with the body that signed the quotation before', () => {
    expect(
      speakers([
        'The Delta Press Agency issued a statement on Friday. The statement added: "Our figures for the northern district were taken from an old table."',
        'The agency said the error was its own. "We apologise to every reader who relied on them," it said.',
      ]),
    ).toEqual(['Delta Press Agency', 'Delta Press Agency']);
  });

  it('a body as the subject of a clause ending in a colon introduces the quotation', () => {
    expect(speakers(['However, the Norvale Mining Company denied the report on its website: "The plant will stay open and no jobs will be lost."'])).toEqual([
      'Norvale Mining Company',
    ]);
  });

  it('after "a" and an outlet, a possessive opens the subject; a relative clause after it ends the subject', () => {
    expect(
      speakers(
        [
          'El pescador Ramón Iglesias Vidal sigue detenido en Nuevitas desde el lunes.',
          '“Lo tienen en una celda sin luz”, confirmó a Radio Sur su esposa Carmen Ortiz Leal.',
          'La familia no ha podido llevarle comida. “Estoy muy preocupada”, indicó su esposa que cree que Ramón sigue sin comer.',
        ],
        'es',
      ),
    ).toEqual(['Carmen Ortiz Leal', 'Carmen Ortiz Leal']);
  });

  it('a definite kin noun after the verb refers back to the last speaker whose gender its article fits', () => {
    expect(
      speakers(
        [
          'Marta Solís Robles denunció que la policía se llevó a su esposo el lunes.',
          '“No sé nada de él desde entonces”, dijo Solís Robles.',
          'El detenido trabaja como carpintero en Masaya. Pablo Ruiz Bello, su vecino, lo vio salir de casa.',
          '“Lo estaban vigilando desde hacía semanas”, dijo la esposa del detenido.',
        ],
        'es',
      ),
    ).toEqual(['Marta Solís Robles', 'Marta Solís Robles']);
  });

  it('a Ukrainian adverbial participle opens an adjunct, and a piece ending with a name is the subject', () => {
    expect(speakers(['Коментуючи рішення Верховної Ради, голова фракції Ігор Лисенко, давній критик уряду, пообіцяв "зупинити цей законопроєкт будь-якою ціною".'], 'uk')).toEqual([
      'Ігор Лисенко',
    ]);
  });

  it("a pronoun refers to the subject of the sentence just before, even when that person's gender is unknown", () => {
    expect(
      speakers([
        'Hana Okoro was under pressure to delay the vote after her rival withdrew. For example, Amara Diallo-Keita, head of the regional observer mission yesterday called for the vote to be delayed. She said that she "fully backs the view of the observers that the conditions for a fair vote do not exist."',
      ]),
    ).toEqual(['Amara Diallo-Keita']);
  });

  it('the object of a verb of quoting, and the owner of the words quoted, is the speaker, not the outlet', () => {
    expect(speakers(['Агентство Укрінформ цитує міністра Олега Петренка: "Ми завершимо ремонт мосту до кінця року".'], 'uk')).toEqual(['Олег Петренко']);
    expect(
      speakers(
        [
          'Український тренер Андрій Мельничук розповів про підготовку команди.',
          '"Ми працюємо щодня, і результат обов\'язково буде", – наводить слова Мельничука видання SportNews.',
        ],
        'uk',
      ),
    ).toEqual(['Андрій Мельничук']);
  });

  it('an English auxiliary ends the subject before a verb of saying, in the last clause only', () => {
    expect(speakers(['Firefighters have so far only officially confirmed that the warehouse was "empty when the fire started."'])).toEqual(['Firefighters']);
  });

  it('a surname alone as the speaker is the person the story named in full', () => {
    const got = speakers(
      [
        '"No he podido hablar con él desde el viernes", denunció su hermana Rosa Elena Quintero Vidal.',
        'La familia pidió ayuda a varias organizaciones.',
        '"Seguiremos esperando frente a la unidad hasta que nos den una respuesta", afirmó al citado medio Quintero Vidal.',
      ],
      'es',
    );
    expect(got).toEqual(['Rosa Elena Quintero Vidal', 'Rosa Elena Quintero Vidal']);
  });

  it('a Spanish "a" after the verb is a preposition, not an article opening the subject ("dijo al referirse a los fondos")', () => {
    expect(
      speakers(
        [
          'El ministro de Hacienda, Tomás Varela, habló el lunes con la prensa.',
          'Repitió que el presupuesto no alcanza para todas las obras.',
          '"Hace falta un esfuerzo mucho mayor de todas las provincias", dijo al referirse a los fondos.',
          'La diputada Clara Ibarra señaló después que los fondos "llegaron tarde".',
        ],
        'es',
      ),
    ).toEqual(['Tomás Varela', 'Clara Ibarra']);
  });

  it('a staff noun refers back to the person it introduced, even with long complements before the name', () => {
    expect(
      speakers(
        [
          'La portavoz en inglés del Ministerio de Cultura de Portugal, Helena Rocha, presentó el plan el martes.',
          '"Queremos que cada pueblo tenga una biblioteca", dijo Rocha.',
          'Sobre el retraso de las obras, la portavoz admitió que la situación "es bastante difícil".',
        ],
        'es',
      ),
    ).toEqual(['Helena Rocha', 'Helena Rocha']);
  });

  it('a title the entities took for a person is no speaker: the name after it is ("Executive Editor and Acting Director X said")', () => {
    expect(speakers(['Radio Meridian Executive Editor and Acting Director Paul Weston said the "night desk has done remarkable work this year."'])).toEqual(['Paul Weston']);
  });

  it('one sentence-initial adverb set off by a comma puts the subject after the verb ("Moreover, added X, …")', () => {
    expect(
      speakers([
        'Harbour commissioner Dana Whitfield met the unions on Monday.',
        'Moreover, added Whitfield during a visit to the docks, the city "will hire two hundred workers before the summer."',
      ]),
    ).toEqual(['Dana Whitfield']);
  });

  it('a name set off by commas after a short opener is the subject, not a name inside its apposition', () => {
    expect(speakers(['Por su parte, Marta Quiroga, residente en Luis Carbó, municipio Cerro, relató: "El agua llegó a las diez y se fue a las once".'], 'es')).toEqual([
      'Marta Quiroga',
    ]);
  });

  it('"reportó" is a verb of saying, whose subject before it is the speaker of the quotation after the colon', () => {
    expect(
      speakers(
        [
          '"Nos quedamos sin agua toda la noche", dijo un vecino del barrio.',
          'Otro vecino de la misma calle reportó que su edificio tuvo más suerte: "A nosotros no nos cortaron el servicio".',
        ],
        'es',
      ),
    ).toEqual(['un vecino del barrio', 'Otro vecino de la misma calle']);
  });

  it('a paragraph that introduces an unnamed person with an indefinite description hands that person the next quotation', () => {
    expect(
      speakers(
        [
          'Una maestra que trabaja en una escuela del barrio de San Pedro afirmó que, aunque los cortes son raros allí, esta vez duraron horas.',
          '"Tuvimos que dar las clases en el patio porque dentro no se veía nada".',
        ],
        'es',
      ),
    ).toEqual(['Una maestra que trabaja en una escuela del barrio de San Pedro']);
  });

  it('a preposition and an infinitive before the subject open an adjunct ("Tras ser liberado el periodista relató …")', () => {
    expect(
      speakers(
        [
          'El periodista Óscar Lamas Ferrer fue detenido el viernes por la noche.',
          'Lamas, colaborador de varios medios independientes, vive en Camagüey.',
          'Tras ser liberado el periodista relató a la prensa su paso por la estación de policía.',
          '"Me tuvieron seis horas en una celda sin decirme por qué.',
          '"Después me pusieron una multa y me dejaron ir."',
        ],
        'es',
      ),
    ).toEqual(['Óscar Lamas Ferrer']);
  });

  it('a Spanish incise inside the sentence ("El juez, añadió X, decidió …") signs the fragment that follows it', () => {
    expect(
      speakers(
        [
          'La activista Carmen Olivares Soto salió de la prisión el jueves.',
          'El juez, añadió Olivares, cambió la condena por un arresto domiciliario, es decir, "por una vigilancia diaria".',
        ],
        'es',
      ),
    ).toEqual(['Carmen Olivares Soto']);
  });

  it("a surname alone is not someone named only inside another speaker's quotation", () => {
    expect(
      speakers(
        [
          'El opositor Luis Alberto Quiñones habló tras el juicio.',
          '"A mí me dieron cuatro años y a Pedro [Rivas Quiñones] creo que tres", dijo el opositor.',
          'La jueza, agregó Quiñones, le prohibió salir del municipio, "ni siquiera para ir al médico".',
        ],
        'es',
      ),
    ).toEqual(['Luis Alberto Quiñones', 'Luis Alberto Quiñones']);
  });

  it('"it" is the body that opens the sentence before in the same paragraph, not the body that spoke in the paragraph before', () => {
    expect(
      speakers([
        '"Our two engineers were detained while inspecting the bridge," Nordia Rail said in a statement.',
        'The Ministry of Transport released a photo of the two men. It said they had been carrying "maps of military sites."',
      ]),
    ).toEqual(['Nordia Rail', 'Ministry of Transport']);
  });

  it('a fragment after ", adding that" goes on with the subject of the inverted verb that signed the quotation before', () => {
    expect(speakers(['"We wrote to the council twice," said Omar Haddad, head of the tenants\' union, adding that "nobody replied."'])).toEqual(['Omar Haddad', 'Omar Haddad']);
  });

  it('a staff noun alone speaks for the body its own sentence named before it', () => {
    expect(speakers(['Officials at the Ministry of Health declined to comment, but a spokeswoman said the hospital was "under review."'])).toEqual(['Ministry of Health']);
  });

  it('a Ukrainian adverbial participle of a verb of saying ("додавши, що …") signs the fragment after it', () => {
    expect(speakers(['Міністр Остап Дорош привітав рішення, додавши, що це «добрий сигнал для інвесторів».'], 'uk')).toEqual(['Остап Дорош']);
  });

  it('a person named after "de la" and a title is an object: a later verb without a subject goes on with the speaker', () => {
    const got = speakers(
      [
        'La vocera de la cancillería, Marta Solís, habló al cerrar la cumbre.',
        '"Vamos a seguir conversando", dijo.',
        'En entrevista con la radio la vocera de la cancillería dijo que la "cooperación es muy buena" con la administración de la presidenta Elena Duarte, y que seguirá.',
        '"Tenemos una agenda común para todo el año", explicó.',
      ],
      'es',
    );
    expect(got[got.length - 1]).toBe('Marta Solís');
    expect(got).not.toContain('Elena Duarte');
  });

  it('a second verb joined to the one after the quotation shares its unsaid subject ("” afirmó y agregó que …")', () => {
    expect(
      speakers(
        ['El concejal Raúl Ibarra visitó el mercado.', 'Ibarra habló de los precios.', '“Hay meses que no alcanzan para nada” afirmó y agregó que la situación es difícil.'],
        'es',
      ),
    ).toEqual(['Raúl Ibarra']);
  });

  it('a demonstrative description after an inverted verb refers back to the person just named ("denunció este vecino de …")', () => {
    expect(
      speakers(
        [
          'El testimonio de Ramiro Ugalde Paz, taxista retirado que volvió a la isla hace diez años, muestra lo que les espera.',
          '"Me multaron tres veces sin motivo", denunció este vecino de 70 años del municipio Playa.',
        ],
        'es',
      ),
    ).toEqual(['Ramiro Ugalde Paz']);
  });

  it('a place the entities glued before a surname is no part of the speaker ("En Estados Unidos Pérez Gómez trabajaba …")', () => {
    expect(
      speakers(
        [
          'El relato de Julio Pérez Gómez, ciudadano que vivió veinte años en Estados Unidos, muestra lo que les espera.',
          '“Me multaron tres veces sin motivo”, denunció este vecino de 70 años del municipio Playa.',
          'En Estados Unidos Pérez Gómez trabajaba como taxista. Fue condenado, y después clasificado como “peligroso”, por un accidente.',
          '“Después de veinte años todavía me vigilan cuando llega cualquier visita importante”',
        ],
        'es',
      ),
    ).toEqual(['Julio Pérez Gómez', 'Julio Pérez Gómez']);
  });

  it('a sentence opening with a verb of saying has its subject unsaid, not the clause after the verb ("Explica que …, pues considera «…»")', () => {
    expect(
      speakers(
        [
          'Tomás Arrieta, vecino de Maracay, confiesa que está cansado.',
          'Explica que hay días en que no llega el agua, pues considera “que nadie en el gobierno se ocupa del barrio”.',
        ],
        'es',
      ),
    ).toEqual(['Tomás Arrieta']);
  });

  it('a paragraph of narration that names nobody between two quotations does not interrupt the speaker', () => {
    expect(
      speakers(
        [
          'La madre del detenido, Olga Ferrán, contó lo ocurrido.',
          '“Vinieron a las seis de la mañana y se lo llevaron sin explicar nada”, dijo Ferrán.',
          'En el registro se llevaron dos teléfonos y una computadora.',
          '“Los teléfonos eran míos, no de él, y tampoco me los han devuelto”.',
        ],
        'es',
      ),
    ).toEqual(['Olga Ferrán', 'Olga Ferrán']);
  });

  it('a profile name that published words with "divulgó:" speaks them, and goes on after "Y más adelante:"', () => {
    expect(
      speakers(
        [
          'El mismo día, VozDelBarrio, otro de los perfiles del joven, divulgó: “Mañana todos a la plaza a las cinco”.',
          'Y más adelante: “Que nadie se quede en casa, esta vez somos muchos”.',
        ],
        'es',
      ),
    ).toEqual(['VozDelBarrio', 'VozDelBarrio']);
  });
});

describe('a possessive description of the speaker', () => {
  it('the person named in apposition after it speaks, short quotations included ("said his lawyer, Tom Reyes")', () => {
    expect(speakers(['"We will appeal," said his lawyer, Tom Reyes.'])).toEqual(['Tom Reyes']);
    expect(speakers(['"Nobody expected this," her deputy Tom Reyes said.'])).toEqual(['Tom Reyes']);
    expect(speakers(['“Vamos a apelar”, dijo su abogado, Tomás Reyes.'], 'es')).toEqual(['Tomás Reyes']);
    expect(speakers(['« Nous ferons appel », a déclaré son avocat, Thomas Roy.'], 'fr')).toEqual(['Thomas Roy']);
  });

  it('the person the story introduced with the noun speaks; one it did not introduce is unknown', () => {
    expect(speakers(['Mr Hale hired a lawyer, Tom Reyes, in May.', '"We will appeal the verdict," his lawyer said.'])).toEqual(['Tom Reyes']);
    expect(speakers(['"We will appeal the verdict," his lawyer said.'])).toEqual([null]);
  });
});

describe('a lead naming a body by a qualified noun', () => {
  it('"cited" and "defined as" sign the fragments their subject quotes, not the next sentence\'s speaker', () => {
    expect(
      speakers([
        'Farmer Olav Brekke cited a "basic difference" between a loan, which he defined as "money you pay back", and a grant. Minister Ruth Lyng said, "The scheme is closed."',
      ]),
    ).toEqual(['Olav Brekke', 'Olav Brekke', 'Ruth Lyng']);
  });

  it('"read" signs a written statement: "…," read a statement from the company; the statement reads: "…"', () => {
    expect(
      speakers([
        'Witness Carl Moen said he saw smoke.',
        '"We are doing everything possible to help the passengers," read a statement from Northwind Air. "We will say more when we can."',
      ]),
    ).toEqual(['Northwind Air', 'Northwind Air']);
    // Without a statement noun, "read" is no verb of saying.
    expect(speakers(['"Closed for repairs," read the sign on the door of Harbour Lines.'])).not.toContain('Harbour Lines');
  });

  it('a pronoun after "his son, Nils" refers to whose son he is, not to the son (also for "his son … and daughter")', () => {
    expect(
      speakers([
        'Peter Olsen moved to the valley in 2010. Two years later, his children fell ill.',
        'For a year, his son, Nils, and his daughter, Karin, stayed in hospital, he told reporters.',
        '"It was the hardest year of our lives," he said.',
      ]),
    ).toEqual(['Peter Olsen']);
    expect(speakers(['Anna Berg runs the farm. Her husband, Tom, and son, Erik, work in town, she said.', '"We manage," she said.'])).toEqual(['Anna Berg']);
    // The son speaks when the text says so.
    expect(speakers(['Peter Olsen spoke first. Then his son, Nils Olsen, took the microphone.', '"I am proud of my father," Nils Olsen said.'])).toEqual(['Nils Olsen']);
  });

  it('a clause with a past tense and its object ("The floods killed eight people") is never a speaker', () => {
    for (const sentence of [
      'The floods killed eight people, according to Keo Vy, spokesman of the committee, who said "more rain is expected this week."',
      'The storm destroyed 300 houses, according to Ann Roe, head of the relief agency, who said "many families have nowhere to go."',
    ])
      expect(speakers([sentence])[0] ?? '', sentence).not.toMatch(/killed|destroyed/);
    // An adjective in "-ed" before its noun still describes a speaker.
    expect(speakers(['"I heard two loud bangs," said an injured woman.'])).toEqual(['an injured woman']);
  });

  it('"according to the US embassy" names the embassy, not the country', () => {
    expect(speakers(['According to the US embassy, "the convoy left on time".'])).toEqual(['US embassy']);
    expect(speakers(['According to a White House spokesman, "the convoy left on time".'])).toEqual(['White House']);
  });
});

describe('names and titles of French and Spanish reports (batch 15)', () => {
  it('"M." before a French name is the courtesy title, no part of the speaker\'s name ("M. Paul Renard")', () => {
    const paragraphs = ['Le ministre de la Santé, M. Paul Renard, a visité l’hôpital lundi. « Les urgences recevront dix médecins de plus », a-t-il déclaré.'];
    expect(speakers(paragraphs, 'fr')).toEqual(['Paul Renard']);
    expect(analyzeArticle(article(paragraphs, 'News update', 'fr')).entities.people).toEqual(['Paul Renard']);
  });

  it('who issues a statement is a body and its speaker, though its name is made of common words ("citó el comunicado de la Casa Verde")', () => {
    const paragraphs = ['“La economía crece y el empleo también”, citó el comunicado de la Casa Verde.'];
    expect(speakers(paragraphs, 'es')).toEqual(['Casa Verde']);
    expect(analyzeArticle(article(paragraphs, 'News update', 'es')).entities.organizations).toEqual(['Casa Verde']);
  });

  it('who issues a statement is a body only when an article stands before its name, as none does before a person\'s ("le message de Ravelin", "the release of Velkov")', () => {
    const french = ['Le message de Ravelin a été lu aux élèves. « Nous tiendrons », a déclaré Ravelin.'];
    expect(analyzeArticle(article(french, 'News update', 'fr')).entities.organizations).toEqual([]);
    expect(speakers(french, 'fr')).toEqual(['Ravelin']);
    const spanish = ['El mensaje de Larrondo llegó tarde. “Vamos a reconstruir”, dijo Larrondo.'];
    expect(analyzeArticle(article(spanish, 'News update', 'es')).entities.organizations).toEqual([]);
    expect(speakers(spanish, 'es')).toEqual(['Larrondo']);
    const english = ['Crowds demanded the release of Velkov on Monday. Velkov remained in prison.', 'Officials read the statement of Mbeleko. "Peace is near," Mbeleko said.'];
    expect(analyzeArticle(article(english)).entities.organizations).toEqual([]);
    // With an article it still names the body: "a statement from the Blue Hall", "le communiqué de la Maison Verte".
    expect(analyzeArticle(article(['"Every road will reopen," said a statement from the Blue Hall.'])).entities.organizations).toEqual(['Blue Hall']);
    expect(analyzeArticle(article(['« Les routes resteront ouvertes », selon le communiqué de la Maison Verte.'], 'News update', 'fr')).entities.organizations).toEqual([
      'Maison Verte',
    ]);
  });

  it('a release names who issues it only as a press release ("the release of the Velmar files" is theirs being let out)', () => {
    expect(analyzeArticle(article(['Lawmakers pushed for the release of the Velmar files on Monday.'])).entities.organizations).toEqual([]);
    expect(analyzeArticle(article(['"Every road will reopen," said a press release from the Blue Hall.'])).entities.organizations).toEqual(['Blue Hall']);
  });

  it('a name before a lowercase noun after a statement noun modifies that noun and is no body ("a statement from the Velmar administration")', () => {
    const english = [
      'In a statement from the Velmar administration, officials defended the tariffs. Tomas Velmar spoke in Ohio on Tuesday.',
      'A statement by the Orlek campaign said the rally would go ahead. Joe Orlek spoke in Scranton.',
    ];
    const entities = analyzeArticle(article(english)).entities;
    expect(entities.organizations).toEqual([]);
    expect(entities.people).toEqual(['Tomas Velmar', 'Joe Orlek']);
    const french = ['La déclaration de la Ravelin reste célèbre. Marie Ravelin chantait à Paris.'];
    expect(analyzeArticle(article(french, 'News update', 'fr')).entities.organizations).toEqual([]);
    const spanish = ['El comunicado de la Larrondo llegó tarde. Ana Larrondo cantó en Barcelona.'];
    expect(analyzeArticle(article(spanish, 'News update', 'es')).entities.organizations).toEqual([]);
    // A name ending its phrase still names the body: before a verb of saying, a preposition or a comma.
    expect(analyzeArticle(article(['A statement from the Blue Hall said every road would reopen.'])).entities.organizations).toEqual(['Blue Hall']);
    expect(analyzeArticle(article(['Selon le communiqué de la Maison Verte, les routes resteront ouvertes.'], 'News update', 'fr')).entities.organizations).toEqual([
      'Maison Verte',
    ]);
  });

  it('a quotation whose closing mark is missing before the attribution ending its paragraph ends at its comma ("…, agregó el ministerio.")', () => {
    const es = analyzeArticle(
      article(['El ministro Pablo Ruiz habló del plan.', '"Los invitados representan lo mejor del país, agregó el Ministerio de Hacienda.'], 'News update', 'es'),
    );
    expect(es.quotes.map((q) => q.speaker)).toEqual(['Ministerio de Hacienda']);
    expect(es.quotes[0]?.text).not.toContain('agregó');
    expect(speakers(['"The guests stand for the best of the country, added the Ministry of Finance.'])).toEqual(['Ministry of Finance']);
  });

  it('one word after an article or its contraction is no person, though a comma and a title follow it ("de la Vardanie, le président …")', () => {
    const paragraphs = [
      'Le président Paul Renard a parlé des dossiers. Abordant le dossier de la Vardanie, le président appelé à une action commune. « Il ne faut plus attendre » dans ce pays, a-t-il déclaré.',
    ];
    expect(speakers(paragraphs, 'fr')).toEqual(['Paul Renard']);
    expect(analyzeArticle(article(paragraphs, 'News update', 'fr')).entities.people).toEqual(['Paul Renard']);
    expect(analyzeArticle(article(['El ministro Pablo Ruiz volvió del Valdour, el país vecino, esta semana.'], 'News update', 'es')).entities.people).toEqual(['Pablo Ruiz']);
  });

  it('one word after "au" or "de la" that a comma and a title would make a person is a place, not lost ("des hommes au Valdour, le leader …")', () => {
    const french = [
      'Le président Paul Renard a parlé mardi. Rappelant que l’Union a déployé mille hommes au Valdour, le leader régional a souligné les progrès.',
      'Abordant le dossier de la Vardanie, le président appelé à une action commune.',
    ];
    const entities = analyzeArticle(article(french, 'News update', 'fr')).entities;
    expect(entities.people).toEqual(['Paul Renard']);
    expect(entities.places).toEqual(['Valdour', 'Vardanie']);
    // A name after "au" with nothing making it a name stays as it was: "a confié au Figaro" is said to a newspaper.
    expect(analyzeArticle(article(['Le ministre Paul Renard a confié au Vigilant qu’il partirait.'], 'News update', 'fr')).entities.places).toEqual([]);
  });
});

describe('places and pronouns of reported interviews (batch 15)', () => {
  it('a name after a lowercase compass adjective is a place, though it is a given name too ("in eastern Chad")', () => {
    const { entities } = analyzeArticle(article(['A spokesman for the agency works in eastern Chad, and its trucks reach northern Jordan.'], 'News update', 'en'));
    expect(entities.places).toEqual(expect.arrayContaining(['Chad', 'Jordan']));
    expect(entities.people).toEqual([]);
  });

  it('a name in apposition to the object of a preposition is no subject ("mené par le rédacteur en chef …, Marc Morel, le président Renard …")', () => {
    expect(
      speakers(
        [
          'Le chef Paul Renard a parlé. Dans cet entretien mené par le rédacteur en chef du service de la BBC, Marc Morel, le président Renard a fait le tour des dossiers.',
          '« Tout le monde reconnait qu’il y a un drame » a-t-il déclaré.',
        ],
        'fr',
      ),
    ).toEqual(['Paul Renard']);
    expect(
      speakers([
        'Mayor Tom Reed visited the port. In an interview with the editor of the Harbour Times, Mark Dunn, the mayor defended the plan.',
        '"The port will grow," he said.',
      ]),
    ).toEqual(['Tom Reed']);
  });

  it('a pronoun refers where the subject pronoun of a sentence naming people only as objects does ("he spoke to Radio North reporter Joe Capp")', () => {
    const lead = 'Mark Dunn is a spokesman for the agency. From the camp, he spoke to';
    expect(speakers([`${lead} reporter Joe Capp about the delays.`, '"Water is the first problem," he says.'])).toEqual(['Mark Dunn']);
    expect(speakers([`${lead} Radio North reporter Joe Capp about the delays.`, '"Water is the first problem," he says.'])).toEqual(['Mark Dunn']);
  });
});

describe('a person named by one word the list of well-known people holds as a surname', () => {
  it('is not given a full name when the word is a given name and no family name ("la reine Elizabeth" is no "Shannon Elizabeth")', () => {
    const people = (text: string, language: string) => analyzeArticle(article([text], 'News update', language)).entities.people;
    const fr = people('Selon le message de la reine Elizabeth, la cérémonie aura lieu à Londres. Elizabeth a salué la foule.', 'fr');
    expect(fr).toContain('Elizabeth');
    expect(fr.some((name) => name.includes(' '))).toBe(false);
    // A family name is still given its well-known full name.
    expect(people('The release of Navalny was demanded. Navalny remained in prison.', 'en')).toEqual(['Alexei Navalny']);
  });
});
