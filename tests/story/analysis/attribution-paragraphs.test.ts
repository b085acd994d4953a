import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { isSpeechVerb } from '../../../src/story/analysis/speech.js';
import { article } from './helpers.js';

const speakers = (paragraphs: string[], language: string): (string | null)[] => analyzeArticle(article(paragraphs, 'News update', language)).quotes.map((q) => q.speaker);

describe('a paragraph that is only a quotation, after a paragraph that introduces its speaker', () => {
  it('takes the subject of a closing verb of saying and colon (Ukrainian, English, German)', () => {
    expect(
      speakers(
        [
          'Мер Ігор Савчук відвідав нову школу. Вчителька Марія Левченко каже, що діти чекали на це багато років:',
          '«Ми нарешті маємо світлі класи, нову бібліотеку і теплу їдальню для всіх учнів».',
        ],
        'uk',
      ),
    ).toEqual(['Марія Левченко']);
    expect(
      speakers(
        [
          'Mayor Tom Harris opened the bridge on Sunday. The engineer Ruth Cole explained why it took so long:',
          '"We had to rebuild every pier from the riverbed up, and the floods came twice."',
        ],
        'en',
      ),
    ).toEqual(['Ruth Cole']);
    expect(
      speakers(
        [
          'Bürgermeister Jens Brandt eröffnete die Brücke. Die Ingenieurin Anna Roth erklärte, warum es so lange dauerte:',
          '„Wir mussten jeden Pfeiler neu bauen, und das Hochwasser kam zweimal.“',
        ],
        'de',
      ),
    ).toEqual(['Anna Roth']);
  });

  it('resolves a described subject of the verb to the person named before it (Spanish, French)', () => {
    expect(
      speakers(
        [
          'La jueza Carmen Ibáñez llegó a la audiencia con la sentencia lista.',
          'Ante la prensa, la magistrada subrayó el apoyo del fiscal Jorge Santos durante todo el proceso.',
          '«Nadie está por encima de la ley, ni siquiera quienes gobiernan esta provincia».',
        ],
        'es',
      ),
    ).toEqual(['Carmen Ibáñez']);
    expect(
      speakers(
        [
          'Le maire Paul Girard a inauguré la médiathèque samedi.',
          'Devant les habitants, le maire a souligné le rôle de la Région dans le financement.',
          '« Cette médiathèque appartient à tous ceux qui vivent dans le quartier depuis des années ».',
        ],
        'fr',
      ),
    ).toEqual(['Paul Girard']);
  });

  it('falls back to the person the paragraph before is about, then lets a bare verb continue with them', () => {
    expect(
      speakers(
        [
          'El sindicalista Luis Mora salió de prisión el lunes tras dos años de encierro.',
          'Mora aprovechó la ocasión para enviar un mensaje a sus compañeros que siguen en la cárcel.',
          '«Mi abrazo a todos los que siguen presos por defender sus derechos en las fábricas».',
          '«Volveremos a las calles en cuanto podamos, sin miedo y sin odio», añadió.',
        ],
        'es',
      ),
    ).toEqual(['Luis Mora', 'Luis Mora']);
  });

  it('leaves a quotation alone when the paragraph before names nobody', () => {
    expect(speakers(['The storm closed every road in the valley overnight.', '"We have never seen water this high in the whole history of the village."'], 'en')).toEqual([null]);
  });

  it('gives an English quotation paragraph to the person the paragraph before is about', () => {
    expect(speakers(['Mayor Tom Harris opened the bridge on Sunday.', '"We had to rebuild every pier from the riverbed up, and the floods came twice."'], 'en')).toEqual([
      'Tom Harris',
    ]);
  });
});

describe('a described speaker after the verb refers back to the person just named', () => {
  it('resolves a role or agent noun with modifiers (Spanish, French, English)', () => {
    expect(
      speakers(
        [
          'El dirigente vecinal Andrés Peña pidió más autobuses para el barrio.',
          '«Llevamos diez años esperando una línea directa al hospital», dijo el coordinador general de la Asociación Vecinal del Sur.',
        ],
        'es',
      ),
    ).toEqual(['Andrés Peña']);
    expect(
      speakers(
        [
          'La directrice Claire Martin a présenté le budget de l’école.',
          '« Nous ouvrirons deux classes de plus à la rentrée prochaine », a expliqué la directrice de l’établissement.',
        ],
        'fr',
      ),
    ).toEqual(['Claire Martin']);
    expect(
      speakers(['Coach Mark Evans praised his young squad after the match.', '"They played with more courage than any team I have coached," said the veteran coach.'], 'en'),
    ).toEqual(['Mark Evans']);
  });

  it('prefers the person the text last had speak over one named in passing', () => {
    expect(
      speakers(
        [
          'En una carta enviada al periodista Mario Soto, Elena Ríos dice que no pagará la multa.',
          '«Esa decisión la tomé hace tiempo y no pienso cambiarla por nada», manifiesta la activista independiente.',
        ],
        'es',
      ),
    ).toEqual(['Elena Ríos']);
  });

  it('keeps the description when the article disagrees with the person or nobody was named nearby', () => {
    expect(
      speakers(['El alcalde Pedro Gil inauguró el puente.', '«Vamos a revisar todas las obras de la ciudad este año», dijo la coordinadora general del proyecto.'], 'es'),
    ).toEqual(['la coordinadora general del proyecto']);
    expect(
      speakers(
        [
          'El alcalde Pedro Gil inauguró el puente.',
          'Las obras duraron tres años y costaron el doble de lo previsto.',
          '«Vamos a revisar todas las obras de la ciudad este año», dijo el coordinador general del proyecto.',
        ],
        'es',
      ),
    ).toEqual(['el coordinador general del proyecto']);
  });
});

describe('verbs of saying the paradigms were missing', () => {
  it('builds reaffirming, urging, denying, questioning, recalling and reacting verbs in each language', () => {
    for (const form of ['reafirmó', 'instó', 'exhortaba', 'cuestionaron', 'niega', 'repuso', 'tuiteó']) expect(isSpeechVerb(form), form).toBe(true);
    for (const form of ['fustigé', 'réaffirmait', 'réagi', 'répète']) expect(isSpeechVerb(form), form).toBe(true);
    for (const form of ['hob', 'verwies']) expect(isSpeechVerb(form), form).toBe(true);
    for (const form of ['висловила', 'пригадав', 'розказали', 'пожартувала']) expect(isSpeechVerb(form), form).toBe(true);
  });

  it('signs a quotation after a sentence that names the speaker before such a verb', () => {
    expect(speakers(['La alcaldesa Marta Solís reafirmó ante los vecinos que «no vamos a retroceder ni un paso en esta negociación».'], 'es')).toEqual(['Marta Solís']);
    expect(speakers(['Le maire Paul Durand a fustigé le projet : « Ce projet ne verra jamais le jour dans notre commune ».'], 'fr')).toEqual(['Paul Durand']);
    expect(speakers(['Ольга Коваль пригадала перші дні війни: «Ми пам’ятаємо кожного, хто захищав це місто»'], 'uk')).toEqual(['Ольга Коваль']);
  });
});

describe('impersonal verbs of saying', () => {
  it('give the words to the author the place names (Ukrainian, Spanish, German)', () => {
    expect(speakers(['«Ми продовжимо підтримувати громади на сході країни», - йдеться у заяві Міністерства охорони здоров’я України.'], 'uk')).toEqual([
      'Міністерство охорони здоров’я України',
    ]);
    expect(speakers(['«Seguiremos apoyando a las familias afectadas por las inundaciones», se lee en el comunicado del Ministerio de Salud.'], 'es')).toEqual([
      'Ministerio de Salud',
    ]);
    expect(speakers(['„Wir werden die Ermittlungen mit allen Mitteln fortsetzen“, heißt es in einer Mitteilung der Polizei Hamburg.'], 'de')).toEqual(['Polizei Hamburg']);
  });

  it('fall back to the body last named, and never make a speaker of "es" or "se"', () => {
    expect(
      speakers(['El Ministerio de Salud publicó un comunicado el lunes.', '«Seguiremos apoyando a las familias afectadas por las inundaciones», se lee en el texto.'], 'es'),
    ).toEqual(['Ministerio de Salud']);
    expect(speakers(['Die Feuerwehr war mit vierzig Kräften im Einsatz.', '„Wir werden die Ermittlungen mit allen Mitteln fortsetzen“, hieß es.'], 'de')).toEqual([null]);
  });
});

describe('staff of a body the story named, described by a common noun', () => {
  it('gives "el vocero de la empresa" and "ein Sprecher des Unternehmens" to the body named before', () => {
    expect(speakers(['La empresa eléctrica UTE anunció nuevas tarifas.', '«No habrá más cortes de luz durante este verano», dijo el vocero de la empresa.'], 'es')).toEqual([
      'UTE',
    ]);
    expect(
      speakers(['Die Nordbahn AG strich am Montag vierzig Züge.', '„Wir rechnen bis Freitag wieder mit einem normalen Fahrplan“, sagte ein Sprecher des Unternehmens.'], 'de'),
    ).toEqual(['Nordbahn AG']);
  });
});
