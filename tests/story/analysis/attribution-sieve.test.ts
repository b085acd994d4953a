import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { isSpeechVerb } from '../../../src/story/analysis/speech.js';
import { article } from './helpers.js';

const speakers = (paragraphs: string[], language: string): (string | null)[] => analyzeArticle(article(paragraphs, 'News update', language)).quotes.map((q) => q.speaker);

describe('verbs of saying built from lemmas', () => {
  it('inflects regular verbs of each language by class', () => {
    for (const form of ['puntualizó', 'lamentaba', 'prometieron', 'recalcado', 'insistiendo']) expect(isSpeechVerb(form), form).toBe(true);
    for (const form of ['tranché', 'rétorque', 'tranchait', 'plaidant']) expect(isSpeechVerb(form), form).toBe(true);
    for (const form of ['antwortete', 'kritisiert', 'gewarnt', 'erklärt', 'versprach']) expect(isSpeechVerb(form), form).toBe(true);
    for (const form of ['підсумував', 'нагадала', 'констатували', 'поділився']) expect(isSpeechVerb(form), form).toBe(true);
    for (const form of ['retorted', 'lamenting', 'testified']) expect(isSpeechVerb(form), form).toBe(true);
  });

  it('leaves nouns that share a stem with a verb of saying alone', () => {
    for (const word of ['juge', 'demande', 'menace', 'completa', 'mesa', 'casa']) expect(isSpeechVerb(word), word).toBe(false);
  });
});

describe('explicit speaker next to the verb, both orders', () => {
  it('Spanish: inverted verb after the quotation, with a name, a role, a pronoun or no subject', () => {
    const intro = 'La ministra de Sanidad, Carmen Ruiz, visitó el hospital.';
    expect(speakers([intro, '«Vamos a contratar a más médicos este año», afirmó Ruiz.'], 'es')).toEqual(['Carmen Ruiz']);
    expect(speakers([intro, '«Vamos a contratar a más médicos este año», afirmó la ministra.'], 'es')).toEqual(['Carmen Ruiz']);
    expect(speakers([intro, '«Vamos a contratar a más médicos este año», puntualizó.'], 'es')).toEqual(['Carmen Ruiz']);
    expect(speakers([intro, '“Vamos a contratar a más médicos este año”, ha declarado Ruiz.'], 'es')).toEqual(['Carmen Ruiz']);
    expect(speakers(['La alcaldesa Lucía Vega se reunió con los vecinos.', '«Nadie quedará sin ayuda en este municipio», prometió ella.'], 'es')).toEqual(['Lucía Vega']);
  });

  it('Spanish: a time adjunct after the name is no part of the speaker', () => {
    expect(speakers(['«Los precios bajarán en primavera del próximo año», ha asegurado este lunes Marta Solís.'], 'es')).toEqual(['Marta Solís']);
    expect(speakers(['«Los precios bajarán en primavera del próximo año», sentenció Marta Solís el viernes.'], 'es')).toEqual(['Marta Solís']);
  });

  it('Spanish: a lead, a verb before "que" and a colon', () => {
    expect(speakers(['Según Pedro Gómez, «la cosecha de este año será la peor en una década».'], 'es')).toEqual(['Pedro Gómez']);
    expect(speakers(['Pedro Gómez explicó que «la cosecha de este año será la peor en una década».'], 'es')).toEqual(['Pedro Gómez']);
    expect(speakers(['Pedro Gómez: «La cosecha de este año será la peor en una década».'], 'es')).toEqual(['Pedro Gómez']);
  });

  it('French: auxiliary and participle, hyphenated inverted pronoun, role noun and lead', () => {
    const intro = 'Le ministre de l’Intérieur, Paul Durand, s’est rendu à Lyon.';
    expect(speakers([intro, '« Nous ne céderons pas devant la violence », a déclaré Paul Durand.'], 'fr')).toEqual(['Paul Durand']);
    expect(speakers([intro, '« Nous ne céderons pas devant la violence », a-t-il martelé.'], 'fr')).toEqual(['Paul Durand']);
    expect(speakers([intro, '« Nous ne céderons pas devant la violence », a assuré le ministre.'], 'fr')).toEqual(['Paul Durand']);
    expect(speakers([intro, '« Nous ne céderons pas devant la violence », insiste-t-il.'], 'fr')).toEqual(['Paul Durand']);
    expect(speakers(['« La police restera mobilisée tout le week-end », a tranché Paul Durand dimanche.'], 'fr')).toEqual(['Paul Durand']);
    expect(speakers(['Selon Paul Durand, « la police restera mobilisée tout le week-end ».'], 'fr')).toEqual(['Paul Durand']);
  });

  it('German: inverted verb, "so" with a role noun, a strong verb with a pronoun, and an adjunct after the name', () => {
    const intro = 'Innenminister Klaus Weber besuchte am Montag die Polizei.';
    expect(speakers([intro, '„Wir werden die Täter finden“, sagte der Minister.'], 'de')).toEqual(['Klaus Weber']);
    expect(speakers([intro, '„Wir werden die Täter finden“, so der Minister.'], 'de')).toEqual(['Klaus Weber']);
    expect(speakers([intro, '„Wir werden die Täter finden“, versprach er.'], 'de')).toEqual(['Klaus Weber']);
    expect(speakers([intro, '„Wir werden die Täter finden“, sagte Weber der Deutschen Presse-Agentur.'], 'de')).toEqual(['Klaus Weber']);
    expect(speakers(['„Wir werden die Täter finden“, erklärte Weber am Montag.'], 'de')).toEqual(['Weber']);
    expect(speakers(['»Wir werden die Täter finden«, sagte Klaus Weber.'], 'de')).toEqual(['Klaus Weber']);
  });

  it('Ukrainian: dash after the quotation, role noun and pronoun', () => {
    const intro = 'Міністр оборони Олег Петренко відвідав фронт.';
    expect(speakers([intro, '«Ми тримаємо оборону на всіх напрямках», — зазначив міністр.'], 'uk')).toEqual(['Олег Петренко']);
    expect(speakers([intro, '«Ми тримаємо оборону на всіх напрямках», — підсумував він.'], 'uk')).toEqual(['Олег Петренко']);
  });
});

describe('dialogue introduced by a dash', () => {
  it('signs a Spanish turn with the verb after the closing dash, named or not', () => {
    const intro = 'El agricultor Pedro Gómez habló con la prensa.';
    expect(speakers([intro, '—La cosecha de este año será la peor en una década —dijo Gómez.'], 'es')).toEqual(['Pedro Gómez']);
    expect(speakers([intro, '—La cosecha de este año será la peor en una década —lamentó.'], 'es')).toEqual(['Pedro Gómez']);
  });

  it('signs a French turn set off by a comma and a Ukrainian one by a comma and a dash', () => {
    expect(speakers(['La maire Anne Leroy a visité le quartier.', '— Nous allons reconstruire toutes les écoles, a-t-elle promis.'], 'fr')).toEqual(['Anne Leroy']);
    expect(speakers(['— Ми тримаємо оборону на всіх напрямках, — сказав Олег Петренко.'], 'uk')).toEqual(['Олег Петренко']);
  });

  it('does not take a list set with dashes for speech', () => {
    expect(speakers(['Las medidas aprobadas son:', '— Bajar el precio de la luz en invierno.', '— Ampliar las ayudas a las familias.'], 'es')).toEqual([]);
  });
});

describe('speakers are never junk', () => {
  it('rejects a prepositional phrase before a fragment of reported speech', () => {
    expect(speakers(['Bajo el lema de Qué dicen los vecinos, el diario recoge entrevistas, aunque hay quien lo llama "el fin del barrio", con ironía.'], 'es')).toEqual([]);
  });

  it('an unnamed staff member speaks for the body, in English and German', () => {
    expect(speakers(['"Every ferry will sail on time from Monday," a spokeswoman for Harbour Lines said.'], 'en')).toEqual(['Harbour Lines']);
    expect(speakers(['„Der Zugverkehr wird am Abend wieder aufgenommen“, sagte ein Sprecher der Nordbahn.'], 'de')).toEqual(['Nordbahn']);
  });
});

describe('pronoun and role coreference outside the quotation', () => {
  it('a gendered pronoun skips a nearer person of the other gender', () => {
    expect(speakers(['Pedro Gómez se reunió con la alcaldesa Lucía Vega en el ayuntamiento.', '«Nadie quedará sin ayuda en este municipio», dijo ella.'], 'es')).toEqual([
      'Lucía Vega',
    ]);
    expect(speakers(['Luc Martin a rencontré la ministre Claire Petit.', '« La croissance restera faible jusqu’à la fin de l’année », a-t-elle affirmé.'], 'fr')).toEqual([
      'Claire Petit',
    ]);
  });

  it('a pronoun whose gender agrees with the subject keeps the subject', () => {
    expect(speakers(['La alcaldesa Lucía Vega se reunió con Pedro Gómez.', '«Nadie quedará sin ayuda en este municipio», prometió ella.'], 'es')).toEqual(['Lucía Vega']);
    expect(speakers(['Pedro Gómez se reunió con la alcaldesa Lucía Vega.', '«Nadie quedará sin ayuda en este municipio», dijo él.'], 'es')).toEqual(['Pedro Gómez']);
  });
});

describe('subject after the verb in a clause before the quotation', () => {
  it('reads "as X noted" in Ukrainian, Spanish and French', () => {
    expect(speakers(['Як зазначив Олег Петренко, «ми тримаємо оборону на всіх напрямках».'], 'uk')).toEqual(['Олег Петренко']);
    expect(speakers(['Como explicó el economista Luis Mora, «la economía crecerá un tres por ciento este año».'], 'es')).toEqual(['Luis Mora']);
  });

  it('does not take the person told for the subject of a participle', () => {
    expect(speakers(['Le gérant a refusé de servir le client, disant à la mère de Julie Roux « de partir avant que la police ne vienne ».'], 'fr')).not.toContain('Julie Roux');
  });
});

describe('the person told comes before the speaker after an inverted verb', () => {
  it('skips the addressee to the article or "uno de" that starts the speaker', () => {
    expect(speakers(['«Es una vergüenza lo que está pasando en el país», afirmó a la agencia EFE uno de los manifestantes.'], 'es')).toEqual(['uno de los manifestantes']);
  });
});

describe('a quotation interrupted by its attribution', () => {
  const quotes = (paragraphs: string[], language: string): [string | null, string][] =>
    analyzeArticle(article(paragraphs, 'News update', language)).quotes.map((q) => [q.speaker, q.text]);

  it('splits a Spanish quotation at a dash incise and gives both parts its speaker', () => {
    expect(
      quotes(['El agricultor Pedro Gómez habló con la prensa.', '«La cosecha de este año será la peor en una década —dijo Gómez—. Y nadie nos ayuda con las pérdidas».'], 'es'),
    ).toEqual([
      ['Pedro Gómez', 'La cosecha de este año será la peor en una década'],
      ['Pedro Gómez', 'Y nadie nos ayuda con las pérdidas'],
    ]);
  });

  it('splits a quotation at a dash typed as a run of hyphens ("ya---dijo--, porque"), not at a hyphenated word', () => {
    expect(
      quotes(
        ['El lanzador Ramiro Sotelo habló con la prensa.', '“Lo que puedo decir es que el equipo tiene que cambiar ya---dijo Sotelo--, porque pierde a sus mejores jugadores”.'],
        'es',
      ),
    ).toEqual([
      ['Ramiro Sotelo', 'Lo que puedo decir es que el equipo tiene que cambiar ya'],
      ['Ramiro Sotelo', 'porque pierde a sus mejores jugadores'],
    ]);
    expect(quotes(['The pitcher Ray Sotel spoke to reporters.', '"We play hard--really hard--every night of the year," said Sotel.'], 'en')).toEqual([
      ['Ray Sotel', 'We play hard--really hard--every night of the year'],
    ]);
  });

  it('splits a Ukrainian quotation at a spaced hyphen, but not at a hyphen inside a word', () => {
    const got = quotes(
      ['Міністр Олег Петренко відвідав фронт.', '"Ми тримаємо Twitter-сторінку фронту відкритою для всіх, - сказав Петренко. - Ворог несе великі втрати щодня."'],
      'uk',
    );
    expect(got.map(([speaker]) => speaker)).toEqual(['Олег Петренко', 'Олег Петренко']);
    expect(got[0]?.[1]).toContain('Twitter-сторінку');
  });

  it('splits a French quotation at an inverted verb between commas', () => {
    expect(quotes(['Le syndicaliste Marc Blanc a parlé aux grévistes.', '« Nous sommes prêts à discuter, dit-il, mais pas à céder sur les salaires. »'], 'fr')).toEqual([
      ['Marc Blanc', 'Nous sommes prêts à discuter'],
      ['Marc Blanc', 'mais pas à céder sur les salaires.'],
    ]);
  });

  it('leaves a comma inside a quotation alone when no verb of saying follows it', () => {
    expect(quotes(['«Hay que decir que la situación, en general, es mucho mejor que hace un año», afirmó Marta Solís.'], 'es')).toEqual([
      ['Marta Solís', 'Hay que decir que la situación, en general, es mucho mejor que hace un año'],
    ]);
  });
});

describe('adjuncts and descriptions around an inverted verb', () => {
  const intro = 'El activista Juan Pérez fue detenido el lunes en la capital.';

  it('a prepositional adjunct after the verb is skipped to the article that starts the speaker', () => {
    expect(speakers(['«No vamos a dejar de protestar mientras haya presos», expresó a través de un comunicado la organización Calle Libre.'], 'es')).toEqual(['Calle Libre']);
  });

  it('a verb followed only by an adjunct has the person last spoken of as its subject', () => {
    expect(speakers([intro, '«No vamos a dejar de protestar mientras haya presos», asegura en su perfil de Facebook.'], 'es')).toEqual(['Juan Pérez']);
  });

  it('an adverb inside a description does not stop it from referring back', () => {
    expect(speakers([intro, '«No vamos a dejar de protestar mientras haya presos», señaló el también periodista.'], 'es')).toEqual(['Juan Pérez']);
  });

  it('Spanish staff nouns speak for the body named after them, and a name keeps no article', () => {
    expect(speakers(['«Estamos preocupados por la situación de los presos», indicaron fuentes del Ministerio de Justicia.'], 'es')).toEqual(['Ministerio de Justicia']);
    expect(speakers(['«Estamos preocupados por la situación de los presos», afirmó el Ministerio de Justicia en un comunicado.'], 'es')).toEqual(['Ministerio de Justicia']);
  });
});
