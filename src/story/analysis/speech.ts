/**
 * Verbs of saying, built from their lemmas by each language's regular inflection rather than listed form by
 * form: a Spanish "-ar" verb signs a quotation as "-ó", "-a", "-aba", "-aron", "ha -ado"; a German weak verb
 * as "-te", "-t", "ge-…-t"; a Ukrainian verb as "-в", "-ла", "-ли". Forms the rules cannot make (strong and
 * stem-changing verbs) are listed beside the lemmas. The classes are grammatical (reporting, asserting,
 * adding, answering, asking, warning, evaluating), not phrases of any one text.
 */
import { SPEECH_VERBS } from './words.js';

const words = (list: string): string[] => list.split(/\s+/u).filter(Boolean);

/** Spanish verbs of saying in "-ar" (afirmar → afirmó, afirma, afirmaba, afirmaron, afirmado, afirmando). */
const SPANISH_AR = words(`
  afirm declar explic señal asegur agreg indic coment destac subray precis apunt anunci pregunt contest
  replic relat narr recalc resalt puntualiz enfatiz expres opin consider estim lament denunci critic
  reclam exclam grit brome aclar detall reiter inform ironiz sentenci zanj valor alert matiz remarc
  apostill asever argument confirm revel comunic plante reproch acot ratific enumer
  sintetiz avis alab elogi celebr insinu justific observ record cont confes
  manifest reafirm mencion inst exhort solicit reivindic cuestion adelant anticip remat espet pronostic
  vaticin augur tuite neg responsabiliz report public divulg
`);

/** Spanish verbs of saying in "-er" and "-ir" (añadir → añadió, añade, añadía, añadieron, añadido, añadiendo). */
const SPANISH_ER_IR = words(`
  añad insist admit respond promet escrib defend reconoc agradec aplaud sosten exig describ resum
  discut
`);

/** Spanish forms the regular rules do not make (stem changes, strong preterites), and the quoting forms of "citar" (whose participle "citado" means summoned). */
const SPANISH_IRREGULAR = words(`
  dijo dijeron dice dicen decía dicho diciendo advirtió advierte advertía advirtieron sostuvo sostiene
  pidió pide pidieron sugirió sugiere propuso expuso concluyó concluye incluyó recuerda recuerdan
  manifiesta confiesa cuenta contó reconoce reconocía niega niegan repuso prosiguió prosigue mantuvo mantiene
  citó citaron citando cree creen creía creían creyó
`);

/** French verbs of saying in "-er" (déclarer → déclaré, déclare, déclarent, déclarait, déclara, déclarant). */
const FRENCH_ER = words(`
  appel déclar affirm expliqu ajout soulign estim indiqu précis assur insist confi annonc lanc signal
  rapport confirm témoign racont dénonc comment regrett déplor observ relev résum protest tempér
  nuanc tranch plaid répliqu rétorqu interrog lâch gliss souffl argument détaill développ
  ironis accus exclam avou concéd prôn salu félicit fustig réaffirm tweet réclam
`);

/** French forms the regular rules do not make ("dit", "a écrit", "répond", "reconnaît", "promet"), and "cite" without the noun "cité". */
const FRENCH_IRREGULAR = words(`
  dit disent disait dirait écrit écrivent répond répondu répondent répondait reconnaît reconnu admet
  admis promet promis soutient soutenu prévient prévenu conclut conclu poursuit poursuivi reprend repris
  avertit averti interroge rappelle rappelait martèle martelé considère considéré suggère suggéré
  renchérit renchéri demandé critiqué menacé alerté jugé avancé rappelé martelé réagi réagit répète répété
  répétait cite citant
`);

/** German weak verbs of saying, as present stems (sagen → sagte, sagten, sagt, gesagt; erklären → erklärt). */
const GERMAN_WEAK = words(`
  sag erklär beton mein ergänz warn kritisier forder bericht äußer erläuter bekräftig versicher antwort
  frag zitier verkünd bestätig kommentier behaupt mahn klag beklag erinner lob bemängel resümier
  bilanzier argumentier schilder erzähl folger präzisier twitter räum kündig füg teil meld erwider
  entgegn beschwichtig verdeutlich begründ appellier
`);

/** German strong verbs of saying ("schrieb", "versprach", "rief … auf", "hieß es"). */
const GERMAN_STRONG = words(`
  schrieb schrieben geschrieben sprach sprachen gesprochen versprach versprachen verspricht versprochen
  rief riefen ruft gerufen verriet verrieten verrät verraten hieß heißt widersprach widerspricht
  unterstrich unterstreicht beschrieb beschreibt schloss schließt betont sagt hob hoben wies wiesen verwies
  verwiesen
`);

/** Ukrainian past stems of verbs of saying (сказа → сказав, сказала, сказали; reflexive висловив-ся). */
const UKRAINIAN_PAST = words(`
  сказа заяви повідоми дода зазначи наголоси поясни підкресли написа запевни попереди уточни зауважи
  підсумува нагада визна відзначи констатува прокоментува резюмува вказа акцентува обіця пообіця
  запита спита запитува переконува стверджува розкри процитува підтверди заперечи заклика вислови пригада
  розказа пожартува згада повтори вигукну зверну
`);

/** Ukrainian and Russian forms the stem rule does not make. */
const UKRAINIAN_IRREGULAR = words(`
  розповів розповіла розповіли відповів відповіла відповіли каже кажуть говорить вважає
  зазначає наголошує додає пояснює підкреслює розповідає пише відповідає запевняє нагадує стверджує
  переконаний поділився поділилася поділилися висловився висловилася висловилися зізнався зізналася
  поскаржився поскаржилася підсумовує наполягає наполягав наполягала
  заявляє заявляють повідомляє повідомляють згадує згадують пригадує зауважує визнає коментує переконує цитує
  закликає обіцяє уточнює звертається скаржиться ділиться розповідають пояснюють додають наголошують
  наводить наводять навів навела навели цитував цитувала цитували
  йдеться ідеться говориться зазначається повідомляється наголошується підкреслюється
  говорится сообщается отмечается подчеркивается
  сказал сказала сказали заявил заявила заявили сообщил сообщила сообщили добавил добавила отметил
  отметила подчеркнул подчеркнула пояснил пояснила рассказал рассказала написал написала ответил
  ответила уточнил уточнила признал признала пообещал пообещала подытожил подытожила говорит считает
`);

/** English regular verbs of saying (assert → asserted, asserting). */
const ENGLISH_REGULAR = words(`
  assert contend insist explain remark comment respond reply add note warn claim declare announce
  stress suggest recall acknowledge confirm caution urge complain joke shout whisper exclaim
  concede boast maintain muse pledge protest reiterate repeat reveal speculate wonder highlight assure
  affirm allege answer demand testify lament retort scoff sigh grumble elaborate emphasize
  emphasise underline observe predict argue conclude recount counter agree promise vow mention blame cite
  define
`);

const add = (into: Set<string>, forms: string[]): void => {
  for (const f of forms) into.add(f);
};

/** Builds every form of the verb classes above once, at module load. */
const buildForms = (): Set<string> => {
  // The shared list first, so that one look-up answers for both.
  const forms = new Set<string>(SPEECH_VERBS);
  for (const s of SPANISH_AR) add(forms, [`${s}ó`, `${s}a`, `${s}an`, `${s}aba`, `${s}aban`, `${s}aron`, `${s}ado`, `${s}ando`]);
  for (const s of SPANISH_ER_IR) add(forms, [`${s}ió`, `${s}e`, `${s}en`, `${s}ía`, `${s}ían`, `${s}ieron`, `${s}ido`, `${s}iendo`]);
  add(forms, SPANISH_IRREGULAR);
  for (const s of FRENCH_ER) add(forms, [`${s}é`, `${s}e`, `${s}ent`, `${s}ait`, `${s}a`, `${s}ant`]);
  add(forms, FRENCH_IRREGULAR);
  for (const s of GERMAN_WEAK) {
    // "antworten", "berichten": a stem in -t or -d takes a linking "e" ("antwortete", "berichtet").
    const e = /[td]$/u.test(s) ? 'e' : '';
    // Verbs in "-ieren" and with an unstressed prefix have no "ge-" ("kritisiert", "erklärt", "bestätigt").
    const ge = /ier$/u.test(s) || /^(?:be|er|ver|ent|zer|ge|miss|über|unter|wider)/u.test(s) ? '' : 'ge';
    add(forms, [`${s}${e}te`, `${s}${e}ten`, `${s}${e}t`, `${ge}${s}${e}t`]);
  }
  add(forms, GERMAN_STRONG);
  // "…, додавши, що …", "наголосивши": the adverbial participle of the past signs reported speech as the verb does.
  for (const s of UKRAINIAN_PAST) add(forms, [`${s}в`, `${s}ла`, `${s}ли`, `${s}вся`, `${s}лася`, `${s}лися`, `${s}вши`]);
  add(forms, UKRAINIAN_IRREGULAR);
  for (const s of ENGLISH_REGULAR) {
    // Past and "-ing" forms only: the third person ("claims", "notes", "answers") is a plural noun as often.
    const consonantY = /[^aeiou]y$/u.test(s);
    const past = consonantY ? `${s.slice(0, -1)}ied` : s.endsWith('e') ? `${s}d` : `${s}ed`;
    const ing = s.endsWith('e') && !s.endsWith('ee') ? `${s.slice(0, -1)}ing` : `${s}ing`;
    add(forms, [past, ing]);
  }
  return forms;
};

const GENERATED = buildForms();

/** Whether a lowercase word is a form of a verb of saying in one of the analysed languages. */
export const isSpeechVerb = (lower: string): boolean => GENERATED.has(lower);
