import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { cyrillicBodyLemma } from '../../../src/story/analysis/mentions.js';
import { isCyrillicGivenName } from '../../../src/story/analysis/wordclass.js';
import { splitWire } from '../../../src/story/wire.js';
import { article } from './helpers.js';

describe('wire datelines', () => {
  it('the agency after a dateline place is a body and the source, not the place\'s acronym ("OSLO (AP) —")', () => {
    const r = analyzeArticle(article(['OSLO (AP) — Norway opened a new tunnel on Friday, the road authority said.']));
    expect(r.entities.organizations).toContain('AP');
    expect(r.entities.places).toContain('Oslo');
    expect(r.sources).toContain('AP');
    expect(r.sources).not.toContain('Oslo');
  });

  it('reads the Spanish dateline "(EFE).-" like a dash', () => {
    expect(splitWire(['LIMA (EFE).- El Gobierno peruano anunció nuevas medidas.']).agency).toBe('EFE');
    const r = analyzeArticle(article(['LIMA (EFE).- El Gobierno peruano anunció nuevas medidas contra la sequía.'], 'Noticias', 'es'));
    expect(r.sources).toContain('EFE');
    expect(r.entities.places).not.toContain('EFE');
  });
});

describe('name boundaries', () => {
  it('a weekday after a place dates the sentence and is no part of the name ("in Lisbon Tuesday")', () => {
    const r = analyzeArticle(article(['The delegation landed in Lisbon Tuesday and met port officials.']));
    expect(r.entities.places).toEqual(['Lisbon']);
  });

  it('"and" after a legal form joins two companies ("Harrow Ltd and Voss GmbH")', () => {
    const r = analyzeArticle(article(['The contract went to Harrow Ltd and Voss GmbH after a long tender.']));
    expect(r.entities.organizations).toEqual(['Harrow Ltd', 'Voss GmbH']);
  });
});

describe('Ukrainian given names and bodies', () => {
  it('knows common given names in any case', () => {
    for (const w of ['віталій', 'віталія', 'віталієм', 'олена', 'оленою', 'ігоря', 'дмитром']) expect(isCyrillicGivenName(w), w).toBe(true);
    for (const w of ['україна', 'міністерство', 'рада', 'штаб']) expect(isCyrillicGivenName(w), w).toBe(false);
  });

  it('a given name and a surname with an adjective-like ending are a person, not a body ("мер Одеси Віталій Гнатюк")', () => {
    const r = analyzeArticle(article(['Мер Одеси Віталій Гнатюк підписав нове розпорядження.'], 'Новини', 'uk'));
    expect(r.entities.people).toEqual(['Віталій Гнатюк']);
    expect(r.entities.organizations).toEqual([]);
  });

  it('a body head governs lowercase genitives and the country after them, at a sentence start too', () => {
    const r = analyzeArticle(article(["Міністерство охорони здоров'я України оновило правила. Служба зовнішньої розвідки не коментувала."], 'Новини', 'uk'));
    expect(r.entities.organizations).toEqual(["Міністерство охорони здоров'я України", 'Служба зовнішньої розвідки']);
  });

  it('names a body in the nominative whatever case it is written in', () => {
    expect(cyrillicBodyLemma(['міністерстві', 'освіти'])).toEqual(['міністерство', 'освіти']);
    expect(cyrillicBodyLemma(['генерального', 'штабу'])).toEqual(['генеральний', 'штаб']);
    expect(cyrillicBodyLemma(['верховною', 'радою'])).toEqual(['верховна', 'рада']);
    expect(cyrillicBodyLemma(['анжела', 'петренко'])).toBeNull();
    const r = analyzeArticle(article(['У Міністерстві культури заявили, що музеї відкриються. Представники Міністерства культури провели нараду.'], 'Новини', 'uk'));
    expect(r.entities.organizations).toEqual(['Міністерство культури']);
  });

  it('the body with and without its country is one body ("Національний банк" and "Національний банк України")', () => {
    const r = analyzeArticle(article(['Національний банк України змінив ставку. Національний банк пояснив це інфляцією.'], 'Новини', 'uk'));
    expect(r.entities.organizations).toEqual(['Національний банк України']);
  });

  it('"Про це повідомляє X", "повідомила пресслужба X": the outlet or body after an inverted report verb is the source', () => {
    expect(analyzeArticle(article(['Уночі в Полтаві пролунали вибухи. Про це повідомляє Суспільне.'], 'Новини', 'uk')).sources).toEqual(['Суспільне']);
    const r = analyzeArticle(article(['Про це повідомила пресслужба Державної прикордонної служби.'], 'Новини', 'uk'));
    expect(r.sources).toHaveLength(1);
    expect(r.entities.people).toEqual([]);
  });
});

describe('organisation cues by structure', () => {
  it('a Spanish or French noun describing a body before a name makes it a body ("el partido X", "l\'entreprise X")', () => {
    const es = analyzeArticle(article(['El partido Nueva Senda ganó en tres provincias. La empresa Quilmar anunció despidos en Rosario.'], 'Noticias', 'es'));
    expect(es.entities.organizations).toEqual(['Nueva Senda', 'Quilmar']);
    expect(es.entities.people).toEqual([]);
    expect(es.entities.places).toEqual(['Rosario']);
    const fr = analyzeArticle(article(["Le parti Avenir Commun a perdu deux sièges. L'entreprise Dorvane a fermé son usine."], 'Actualité', 'fr'));
    expect(fr.entities.organizations).toEqual(['Avenir Commun', 'Dorvane']);
    expect(fr.entities.people).toEqual([]);
  });

  it('a German compound describing a body before a name makes it a body ("der Autobauer X", "die Firma X GmbH")', () => {
    const r = analyzeArticle(article(['Der Autobauer Merlauf kündigte Stellenabbau an. Die Firma Brenner Logistik GmbH meldete Insolvenz an.'], 'Nachrichten', 'de'));
    expect(r.entities.organizations).toEqual(['Merlauf', 'Brenner Logistik GmbH']);
  });

  it('a German body head governs "der"/"für" and a noun, and is named in the nominative', () => {
    const r = analyzeArticle(
      article(
        [
          'Laut Angaben des Bundesamtes für Wetterdienste regnete es mehr. Das Bundesamt für Wetterdienste warnte. Das Ministerium der Justiz schwieg, wie vom Statistischen Landesamt bekannt.',
        ],
        'Nachrichten',
        'de',
      ),
    );
    expect(r.entities.organizations).toEqual(['Bundesamt für Wetterdienste', 'Ministerium der Justiz', 'Statistisches Landesamt']);
    expect(r.sources).toEqual(['Bundesamt für Wetterdienste']);
  });

  it('a French legislature with its adjective is one body, without the sentence\'s article ("Le Parlement européen")', () => {
    expect(analyzeArticle(article(['Le Parlement européen a voté la loi à Strasbourg.'], 'Actualité', 'fr')).entities.organizations).toEqual(['Parlement européen']);
  });
});

describe('people by structure', () => {
  it('a transliterated Ukrainian given name and a surname before "said" are a person, never a cited body ("Vitaliy Kim said")', () => {
    const r = analyzeArticle(article(['Oleksiy Bondar said the bridge would reopen in May.']));
    expect(r.entities.people).toEqual(['Oleksiy Bondar']);
    expect(r.entities.organizations).toEqual([]);
    expect(r.sources).toEqual([]);
  });

  it('two unknown capitalised words before a verb of saying are a person', () => {
    const r = analyzeArticle(article(['Marek Zdunek said the harbour was calm that night.']));
    expect(r.entities.people).toEqual(['Marek Zdunek']);
    expect(r.sources).toEqual([]);
  });

  it('a name set off after "the governor of X region," is the governor', () => {
    const r = analyzeArticle(article(['The governor of Poltava region, Dmytro Lunin, said two houses burned.']));
    expect(r.entities.people).toEqual(['Dmytro Lunin']);
  });

  it('a possessive country is a place, and a given name before a country\'s name makes no person ("Roman Britain")', () => {
    const r = analyzeArticle(article(["Britain's trade minister flew home. A new book on Roman Britain came out."]));
    expect(r.entities.places).toContain('Britain');
    expect(r.entities.people).toEqual([]);
  });

  it('a title after "the" is no person, even when famous people bear it as a surname ("the Dean of …")', () => {
    const r = analyzeArticle(article(['The students wrote to the Dean of Corwell Law School about the fees.']));
    expect(r.entities.people).toEqual([]);
    expect(r.entities.organizations).toEqual(['Corwell Law School']);
  });
});

describe('businesses named after people', () => {
  it('a surname and a trade noun are a business, not a person ("Ortiz Bakery", "Brandt Foods")', () => {
    const r = analyzeArticle(article(['Lena Ortiz, who runs Ortiz Bakery, said flour cost more. Workers at Halvor Foods went on strike.']));
    expect(r.entities.people).toEqual(['Lena Ortiz']);
    expect(r.entities.organizations).toEqual(['Ortiz Bakery', 'Halvor Foods']);
  });

  it('a given name keeps a surname that is also a noun a person ("Emma Stone")', () => {
    expect(analyzeArticle(article(['Emma Stone and Neil Young attended the gala.'])).entities.people).toEqual(['Emma Stone', 'Neil Young']);
  });
});

describe('international bodies and outlets', () => {
  it('"International" ends a body\'s name in every language', () => {
    expect(
      analyzeArticle(article(['Amnistía Internacional denunció detenciones, y el plan del Fondo Monetario Internacional fue criticado.'], 'Noticias', 'es')).entities.organizations,
    ).toEqual(['Amnistía Internacional', 'Fondo Monetario Internacional']);
    const de = analyzeArticle(article(['Laut Transparency International stieg die Korruption.'], 'Nachrichten', 'de'));
    expect(de.entities.organizations).toEqual(['Transparency International']);
    expect(de.sources).toEqual(['Transparency International']);
  });

  it('a French coordinator before a capital starts another body ("la Commission européenne et l\'Organisation …")', () => {
    const r = analyzeArticle(article(["Le texte a été envoyé à la Commission européenne et l'Agence spatiale européenne, a-t-on appris."], 'Actualité', 'fr'));
    expect(r.entities.organizations).toEqual(['Commission européenne', 'Agence spatiale européenne']);
  });

  it('German names with a capitalised participle or colour adjective are bodies ("die Vereinten Nationen", "das Rote Kreuz")', () => {
    const r = analyzeArticle(article(['Gestern warnten die Vereinten Nationen und das Rote Kreuz vor Hunger.'], 'Nachrichten', 'de'));
    expect(r.entities.organizations).toEqual(['Vereinten Nationen', 'Rote Kreuz']);
  });

  it('Ukrainian outlets: a name in guillemets, or an adjective and a noun after a report verb, with "як" and any report verb as a lead', () => {
    const quoted = analyzeArticle(article(['Як зазначає видання «Дзеркало тижня», фракція «Голос народу» підтримала закон.'], 'Новини', 'uk'));
    expect(quoted.entities.organizations).toEqual(['Дзеркало тижня', 'Голос народу']);
    expect(quoted.sources).toEqual(['Дзеркало тижня']);
    const bare = analyzeArticle(article(['Кабінет міністрів України схвалив проєкт, повідомляє Економічна правда.'], 'Новини', 'uk'));
    expect(bare.entities.organizations).toEqual(['Кабінет міністрів України', 'Економічна правда']);
    expect(bare.entities.people).toEqual([]);
    expect(bare.sources).toEqual(['Економічна правда']);
  });
});

describe('Ukrainian descriptors, titles and apostrophes', () => {
  it("a body's generic description before its quoted name is no name; the quoted name is the body", () => {
    const r = analyzeArticle(article(['Благодійний фонд "Теплий дім" збирає кошти на генератори.'], 'Новини', 'uk'));
    expect(r.entities.organizations).toEqual(['Теплий дім']);
  });

  it('a title with a second title in the genitive names no body and no person ("Уповноважений Президента України")', () => {
    const r = analyzeArticle(article(['Раніше він був Уповноважений Президента України з питань освіти.'], 'Новини', 'uk'));
    expect(r.entities.organizations).toEqual([]);
    expect(r.entities.people).toEqual([]);
    expect(r.entities.places).toEqual(['Україна']);
  });

  it('"ʼ" (U+02BC), "\'" and "’" are one apostrophe ("Мінʼюст", "Мін\'юсту" are one body)', () => {
    const r = analyzeArticle(article(["Мінʼюст США відкрив справу. За даними Мін'юсту США, слідство триває."], 'Новини', 'uk'));
    expect(r.entities.organizations).toHaveLength(1);
  });
});

describe('terms and names made of common words', () => {
  it('economic and technical abbreviations in any language are terms, not bodies ("PIB", "TVA", "BIP", "HTML")', () => {
    expect(analyzeArticle(article(['El PIB creció y el IVA subió, según el banco central.'], 'Noticias', 'es')).entities.organizations).toEqual([]);
    expect(analyzeArticle(article(['Le PIB a chuté et la TVA augmente.'], 'Actualité', 'fr')).entities.organizations).toEqual([]);
    expect(analyzeArticle(article(['The files were shared as HTML pages over FTP.'])).entities.organizations).toEqual([]);
  });

  it('a role noun opening a name made of capitalised common words is no title ("Human Rights Watch")', () => {
    const r = analyzeArticle(article(['Human Rights Watch said the arrests broke the law.']));
    expect(r.entities.organizations).toEqual(['Human Rights Watch']);
    expect(r.entities.people).toEqual([]);
    expect(analyzeArticle(article(['Analyst Peter Lindqvist said demand fell.'])).entities.people).toEqual(['Peter Lindqvist']);
  });
});

describe('places', () => {
  it('an adjective formed from a place\'s name is no place ("la región Latinoamericana")', () => {
    const r = analyzeArticle(article(['Los embajadores hablaron de la región Latinoamericana y de Chile.'], 'Noticias', 'es'));
    expect(r.entities.places).toEqual(['Chile']);
  });

  it('knows European countries in French and Spanish after an article ("la Slovénie", "la Bosnie")', () => {
    expect(analyzeArticle(article(['Les ministres de la Slovénie et de la Bosnie se sont réunis.'], 'Actualité', 'fr')).entities.places).toEqual(['Slovénie', 'Bosnie']);
    expect(analyzeArticle(article(['Los ministros de Eslovenia y de Lituania se reunieron.'], 'Noticias', 'es')).entities.places).toEqual(['Eslovenia', 'Lituania']);
  });
});
