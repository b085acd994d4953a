/**
 * Quotations in Chinese and Japanese, which write no spaces between words and no capitals, so that the
 * word-based rules of `quotes.ts` find nothing in them. Quotations stand in 「…」 (a quotation inside in 『…』),
 * “…” (inside ‘…’), 〝…〟, or, in a paragraph in Chinese or Japanese script, the straight "…" typed for “…” (one
 * after a digit is inches or seconds, `27"`); a speaker comes only from the patterns news writing signs them with:
 *
 * - Chinese, before: the subject, a verb of saying, a colon or comma (`X表示：“…”`, `X說，「…」`);
 * - Chinese, after: the subject and the verb closing the sentence (`“…”X说。`);
 * - a Chinese verb of saying and 说 or 道 after it are one verb (`X补充说：`, `“…”X强调说。`, `X解释道：`);
 * - Japanese: `と` and a verb of saying after the quotation (`「…」と述べた`, `「…」としている`), the speaker
 *   the one marked with は or が between them (`「…」と大臣は述べた`), else the sentence's topic before the
 *   quotation (`X は「…」と話した`); a sentence with two topics leaves it empty.
 *
 * Telling someone signs a quotation too: a verb of telling and its listener before the colon (`X告诉记者：“…”`),
 * or a preposition of telling and its listener before the verb (`X向媒体表示`, `X对他说`).
 *
 * The subject is the text the clause holds before the verb, less the listener, the time, place and manner set
 * between them (a date, `在…上`, `于周三`) and an adverb before the verb (`也`, `还`). Where that leaves nothing
 * that can name someone (one character, a clause too long to be a subject), the speaker stays empty: a wrong
 * speaker is worse than none.
 *
 * A pronoun (`他说`, `她表示`, `彼は…と述べた`, `同氏は`) is the one person the paragraph named as a speaker
 * before it, with a quotation or without (`X表示，…`, `X は、…と説明した`), or, where the paragraph has named
 * no speaker yet and the pronoun's sentence opens it, the one the paragraph before named; one of the gender the
 * pronoun marks, where the text marks the person's (`王女士`, `陈先生`, or a pronoun that referred to them). Two
 * people, several at once, or someone the analysis cannot name leave it empty, as a body or a document does
 * (`市交通局表示`, `报告指出`), which a pronoun of a person does not refer to; so do a sentence signing nothing
 * between the person and the pronoun and a listener the person spoke to (`X对王强说`), either of whom may have
 * brought in the one meant, unless the text marks the person's gender as the pronoun's.
 *
 * Every look around a quotation or a verb of saying is bounded, so a paragraph is read in time linear in its length.
 */
import { withoutTrailing } from '../../white-space.js';
import type { Block, Doc } from './document.js';
import { compatible, genderOfCjkTitle, genderOfPronoun, type Gender } from './gender.js';
import { position } from './mentions.js';
import type { FoundQuote } from './quotes.js';

/** Each opening mark and the mark that closes it. */
const CLOSER_OF: Readonly<Record<string, string>> = { '「': '」', '『': '』', '“': '”', '〝': '〟' };

/** 〝 is closed by 〞 too, as much Japanese text writes it. */
const OTHER_CLOSER_OF: Readonly<Record<string, string>> = { '〝': '〞' };

/** The straight double mark, which opens and closes a quotation where Chinese or Japanese text types it for “…”. */
const STRAIGHT_MARK = '"';

/** A digit, after which the straight mark is inches or seconds (`27"显示器`, `1分05"`), no quotation mark. */
const DIGIT = /[0-9０-９]/u;

/** How many characters of a paragraph tell its script, as a language is told from the first few hundred. */
const SCRIPT_SAMPLE = 300;

/** Whatever is no letter, and whatever is no Han character or kana (the letters of Chinese and Japanese text). */
const NOT_LETTERS = /\P{L}+/gu;
const NOT_CJK_LETTERS = /[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/** Clause punctuation, which a quotation has and a quoted term, name or title does not. */
const CLAUSE_PUNCTUATION = /[，。！？；…,!?;]/u;

/** A comma or space a quotation's text ends with, left out ("“这只是第一步，”他说"); one character (see {@link withoutTrailing}). */
const TRAILING_COMMA = /[，、,\s]/u;

/** Characters that end the clause a subject is read in: punctuation and quotation marks. */
const CLAUSE_BOUNDARY = /[，。！？；：、,.!?;:「」『』“”‘’〝〟〞"《》（）()\n]/u;

/** Sentence ends and closing quotation marks, which end the sentence a Japanese topic is read in. */
const SENTENCE_BOUNDARY = /[。！？!?」』”〟〞"\n]/u;

/** The most characters read back or on from a quotation for its attribution: a subject with its adverbials. */
const ATTRIBUTION_REACH = 40;

/** The most characters between Japanese `と` and its verb of saying (`と同社の広報担当者は話した`). */
const JAPANESE_GAP = 24;

/** The most characters a speaker may have (a title, an affiliation and a name: `区教育局局长孙海涛`). */
const MAX_SPEAKER_CHARACTERS = 20;

/** The fewest characters of a speaker: one character is a pronoun or a surname cut from its name. */
const MIN_SPEAKER_CHARACTERS = 2;

/**
 * Chinese verbs of saying, simplified and traditional, longest first so that `声称` is read before `称`. The
 * classes are grammatical (saying, stating, pointing out, stressing, answering, asking, announcing, warning).
 */
const CHINESE_VERBS = `
  说道 說道 问道 問道 答道 写道 寫道 表示 指出 强调 強調 认为 認為 透露 坦言 介绍 介紹 回应 回應 回答 宣布 宣佈
  解释 解釋 补充 補充 提到 警告 呼吁 呼籲 承认 承認 声称 聲稱 直言 重申 坦承 直指 说 說 称 稱 问 問
`
  .split(/\s+/u)
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);

/** The Chinese verbs of saying, looked up in the few characters before a mark. */
const CHINESE_VERB_SET = new Set(CHINESE_VERBS);

/** The most characters of a Chinese verb of saying. */
const LONGEST_CHINESE_VERB = Math.max(...CHINESE_VERBS.map((verb) => verb.length));

/**
 * The fewest characters of a Chinese verb of saying that signs reported speech without quotation marks (`X表示，…`):
 * a verb of one character ends idioms before a comma too (`换句话说，`, `一般来说，`).
 */
const REPORTING_VERB_CHARACTERS = 2;

/** The fewest characters of a verb of saying that 说 or 道 joins into one: a character alone before them may end a name. */
const COMPOUND_VERB_CHARACTERS = 2;

/** The length of the Chinese verb of saying of `shortest` characters or more that ends `clause`, the longest (`声称` before `称`), or 0. */
const simpleVerbEnding = (clause: string, shortest: number): number => {
  for (let n = Math.min(LONGEST_CHINESE_VERB, clause.length); n >= shortest; n--) if (CHINESE_VERB_SET.has(clause.slice(clause.length - n))) return n;
  return 0;
};

/** 说 and 道 ("say") after a verb of saying, which news writing joins into one verb (`补充说`, `解释道`, `回答说`). */
const SAYING_AFTER_VERB = /[说說道]$/u;

/**
 * The length of the Chinese verb of saying of `shortest` characters or more that ends `clause` (see
 * {@link simpleVerbEnding}), with the verb of saying of two characters or more that 说 or 道 follows
 * (`王强补充说`: the verb is `补充说`, the speaker `王强`), or 0.
 */
const verbEnding = (clause: string, shortest: number): number => {
  if (SAYING_AFTER_VERB.test(clause)) {
    const before = simpleVerbEnding(clause.slice(0, -1), COMPOUND_VERB_CHARACTERS);
    if (before > 0) return before + 1;
  }
  return simpleVerbEnding(clause, shortest);
};

/** Japanese verbs of saying after `と`, as stems (`述べ` of 述べた, `話し` of 話した, `語っ` of 語った). */
const JAPANESE_VERB = new RegExp(
  `(?:${'述べ 話し 話す 語っ 語り 語る 説明 強調 指摘 発言 主張 訴え 答え 回答 批判 反論 表明 明かし 明らかに コメント 証言 呼びかけ 呼び掛け 説い 報告 発表'
    .split(' ')
    .join('|')})`,
  'u',
);

/**
 * Words that tell someone, their listener right after them: the verbs (`告诉记者`) and the prepositions before a
 * verb of saying (`向媒体表示`, `对记者说`). 向 and 对 are in names too (`李向东`): one is read as telling only
 * where a listener follows it (see {@link listenerFrameAt}).
 */
const TELLING_VERBS = ['告诉', '告訴'];
const TELLING_WORDS = [...TELLING_VERBS, '向', '对', '對'];

/** The most characters of a listener (`前来采访的新华社记者`). */
const MAX_LISTENER_CHARACTERS = 12;

/** Words that make a Chinese "subject" a clause or a question (`是`, `怎么`): it names nobody. */
const CHINESE_CLAUSE_WORDS = /是|怎么|怎麼|什么|什麼|如何|为什么|為什麼/u;

/** Words that open a Chinese subject without being part of it: connectives and times (`此外`, `昨天`, `12日`). */
const CHINESE_LEADING =
  /^(?:而且|而|但是|但|此外|另外|同时|同時|随后|隨後|接着|接著|最后|最後|对此|對此|今天|昨天|前天|今日|昨日|日前|近日|当天|當天|当日|當日|[0-9０-９]{1,4}[年月日号號])/u;

/**
 * Where the adverbials between a Chinese subject and its verb start: a preposition (`在`, `对`, `就`, `据`, `从`,
 * `通过`, `针对`), `接受` of an interview, a time word or a date (`周四`, `12日`). 向 and 于, common in names
 * (`李向东`, `于洋`), are read where what follows them says they open a listener or a time or place.
 */
const CHINESE_ADVERBIAL =
  /在|对|對|就|据|據|从|從|通过|通過|针对|針對|接受|今天|昨天|前天|今日|昨日|日前|近日|当天|當天|当日|當日|今年|去年|本月|上月|本周|本週|上周|上週|上午|下午|晚间|晚間|周[一二三四五六日末]|週[一二三四五六日末]|星期|[0-9０-９]{1,4}[年月日号號]/u;

/**
 * 于 ("at") ending a subject: left there by a time cut after it (`X于12日`) or before a place ending in a word of
 * place or time at the verb (`X于发布会上`, `X于访问期间`, `X于采访中`: a name's one character before `中` is
 * no place, `于建中`); a name holding 于 ends otherwise (`于洋`, `于晓琳`).
 */
const CHINESE_AT_PLACE_OR_TIME = /[于於](?:[^于於]{1,12}?(?:上|时|時|期间|期間|之际|之際)|[^于於]{2,12}?中)?$/u;

/** Adverbs right before a Chinese verb of saying (`也`, `还`, `进一步`, `这样`), no part of the subject. */
const CHINESE_TRAILING_ADVERB =
  /(?:也|还|還|则|則|又|亦|并|並|均|更|再|曾|已经|已經|已|便|仍|却|卻|随即|隨即|同时|同時|进一步|進一步|这样|這樣|如此|再次|一再|公开|公開|明确|明確)$/u;

/** Pronouns, which name nobody the analysis can tell (Chinese `他`, `他们`, `其`; Japanese `彼`, `同氏`). */
const PRONOUNS = new Set('他 她 它 他们 她们 他們 她們 其 我 我们 我們 你 您 你们 你們 对方 對方 后者 後者 前者 彼 彼女 彼ら 私 同氏'.split(' '));

/** Pronouns that refer back to one person named before: Chinese `他`, `她`; Japanese `彼`, `彼女`, `同氏` ("the said person"). */
const REFERRING_PRONOUNS = new Set(['他', '她', '彼', '彼女', '同氏']);

/**
 * Speakers who are several people: joined (`X和Y`, `X、Y`), plural (`村民们`, `学生たち`), or counted (`不少市民`,
 * `三名工人`). A pronoun of one person cannot tell which of them it means.
 */
const SEVERAL =
  /和|与|與|及|、|等|们$|們$|都$|均$|ら$|たち$|^(?:不少|许多|許多|很多|众多|眾多|诸多|諸多|多名|多位|一些|部分|有的|有人|大家|各)|[0-9０-９二三四五六七八九十两兩几幾数數多]+(?:名|位|个|個|人)/u;

/**
 * Speakers that are no person, by the word that ends them: a body, or a place speaking as one (`市交通局`,
 * `运营会社`, `外务省`, `横浜市`), a document or a finding (`报告`, `声明`, `研究`), a meeting (`会议`). A pronoun
 * of a person does not refer to them.
 */
const NOT_A_PERSON =
  /(?:[局部委厅廳处處院所府会會社团團校司队隊署办辦党黨省庁県市町村区區镇鎮乡鄉]|中心|集团|集團|公司|银行|銀行|政府|报告|報告|公告|通知|声明|聲明|文件|文章|数据|數據|研究|调查|調查|分析|报道|報導|消息|会议|會議|意见|意見|方案|规定|規定|评论|評論|社论|社論)$/u;

/** Hiragana, whose particles end a Japanese noun phrase; a name is written in kanji, katakana or Latin letters. */
const isHiragana = (c: number): boolean => c >= 0x3041 && c <= 0x309f;

/** A character a Japanese name or title may hold: not hiragana, punctuation, a quotation mark or a space. */
const isNameCharacter = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return !Number.isNaN(c) && !isHiragana(c) && !CLAUSE_BOUNDARY.test(text[i] ?? '') && !/\s/u.test(text[i] ?? '');
};

/**
 * A numeral or a demonstrative and a classifier alone (`一位`, `这名`): whom it counts is named after a clause the
 * adverbials were taken for (`一位在这里住了三十年的老居民说`), so it names nobody.
 */
const DETERMINER_ONLY = /^(?:[这這那该該此每某]|[0-9０-９一二两兩三四五六七八九十几幾数數多]+)(?:位|名|个|個)$/u;

/** A speaker as the text writes it, or null when it names nobody the analysis can tell. */
const speakerOf = (phrase: string): string | null => {
  const speaker = phrase.trim();
  if (speaker.length < MIN_SPEAKER_CHARACTERS || speaker.length > MAX_SPEAKER_CHARACTERS || PRONOUNS.has(speaker) || DETERMINER_ONLY.test(speaker)) return null;
  return speaker;
};

/** What a verb of saying gives a quotation next to it (or the words it reports): the quotation is signed, by whom the subject says. */
interface Signature {
  /** The speaker as the text writes it, or null. */
  speaker: string | null;
  /** The pronoun the subject is (`他`, `彼女`), which names the person it refers back to; null otherwise. */
  pronoun: string | null;
  /** Whether a subject is written: one that names nobody the analysis can tell is someone else than the people named before. */
  subject: boolean;
  /** Whether the verb asks (`问`): someone the text may not name is asked, whom a pronoun after it may mean. */
  asks?: boolean;
  /** Whether the subject speaks to a listener (`X对王强说`, `X告诉记者`), whom a pronoun after it may mean as well. */
  told?: boolean;
}

/** A Chinese verb of asking ending a text (`问`, `问道`). */
const ASKING_AT_END = /(?:问|問)道?$/u;

/** A signature, marked as asking when `said` (its subject and verb) ends with a verb of asking. */
const asking = (signature: Signature, said: string): Signature => (ASKING_AT_END.test(said) ? { ...signature, asks: true } : signature);

/** A verb of saying whose subject is left out, as the one who spoke before goes on (`「…」と話した`). */
const NO_SUBJECT: Signature = { speaker: null, pronoun: null, subject: false };

/** A verb of saying whose subject names someone the analysis cannot tell (a clause, two topics): which one is a guess. */
const SOMEONE: Signature = { speaker: null, pronoun: null, subject: true };

/** The signature of a verb of saying whose subject is `phrase`. */
const signedBy = (phrase: string): Signature => {
  const subject = phrase.trim();
  if (!subject) return NO_SUBJECT;
  return { speaker: speakerOf(subject), pronoun: REFERRING_PRONOUNS.has(subject) ? subject : null, subject: true };
};

/**
 * Where a telling frame ends `phrase`: one of `tellers` and its listener, a pronoun or two characters at least
 * (`向媒体`, `对他`, `告诉记者`; not `向东` of `李向东`). The frame's offset, the rightmost one, or -1. Reads the
 * end of the phrase only, within one clause.
 */
const listenerFrameAt = (phrase: string, tellers: readonly string[]): number => {
  const from = Math.max(0, phrase.length - MAX_LISTENER_CHARACTERS - 2);
  for (let i = phrase.length - 1; i >= from; i--) {
    if (CLAUSE_BOUNDARY.test(phrase[i] ?? '')) return -1;
    for (const teller of tellers) {
      if (!phrase.startsWith(teller, i)) continue;
      const listener = phrase.slice(i + teller.length);
      if (listener.length <= MAX_LISTENER_CHARACTERS && (listener.length >= MIN_SPEAKER_CHARACTERS || PRONOUNS.has(listener))) return i;
    }
  }
  return -1;
};

/** What signs a Chinese clause at its end: the text before it, and whether it names a listener. */
interface Signing {
  /** The text before the verb of saying, or before the verb of telling and its listener. */
  before: string;
  /** Whether a verb of telling and its listener end the clause (`X告诉记者`). */
  told: boolean;
}

/**
 * What signs a Chinese clause at its end: a verb of saying of `shortest` characters or more (`X表示`), or a verb
 * of telling and its listener (`X告诉记者`). Null when neither ends it.
 */
const beforeVerb = (clause: string, shortest = 1): Signing | null => {
  const verb = verbEnding(clause, shortest);
  if (verb > 0) return { before: clause.slice(0, clause.length - verb), told: false };
  const frame = listenerFrameAt(clause, TELLING_VERBS);
  return frame < 0 ? null : { before: clause.slice(0, frame), told: true };
};

/**
 * Who the subject of a Chinese clause written before its verb is, without what opens it or stands between it and
 * the verb; `listened` when the verb named a listener (`告诉记者`).
 */
const chineseSubject = (clause: string, listened: boolean): Signature => {
  let subject = clause.trim();
  // A bounded number of openers ("此外，昨天…"): each is a word of the clause, never a loop over the text.
  for (let i = 0; i < 3; i++) {
    const opener = CHINESE_LEADING.exec(subject);
    if (!opener) break;
    subject = subject.slice(opener[0].length);
  }
  if (CHINESE_CLAUSE_WORDS.test(subject)) return SOMEONE;
  const frame = listenerFrameAt(subject, TELLING_WORDS);
  if (frame >= 0) subject = subject.slice(0, frame);
  const told = frame >= 0 || listened;
  const adverbial = subject.search(CHINESE_ADVERBIAL);
  if (adverbial >= 0) subject = subject.slice(0, adverbial);
  subject = subject.replace(CHINESE_AT_PLACE_OR_TIME, '');
  for (let i = 0; i < 2; i++) subject = subject.replace(CHINESE_TRAILING_ADVERB, '');
  const signature = signedBy(subject);
  return told ? { ...signature, told } : signature;
};

/** The colons and commas after a Chinese verb of saying. */
const CHINESE_SIGNING_MARKS = new Set(['：', ':', '，', ',']);

/** {@link CHINESE_SIGNING_MARKS} by code. */
const SIGNING_MARK_CODES = new Set([...CHINESE_SIGNING_MARKS].map((mark) => mark.charCodeAt(0)));

/** The code of Japanese `と`, which a verb of saying follows. */
const JAPANESE_TO = 'と'.charCodeAt(0);

/**
 * `X表示，`, `X告诉记者：`: a verb of saying of `shortest` characters or more, or a verb of telling and its listener,
 * right before the colon or comma at `k`.
 */
const chineseSignedAt = (text: string, k: number, shortest: number): Signature | null => {
  const from = Math.max(0, k - ATTRIBUTION_REACH);
  const said = text.slice(from, k);
  const signing = beforeVerb(said, shortest);
  if (signing === null) return null;
  const clause = signing.before;
  let start = clause.length;
  while (start > 0 && !CLAUSE_BOUNDARY.test(clause[start - 1] ?? '')) start--;
  // A clause that runs past the reach is too long to be a subject: signed, by someone the text does not name.
  const whole = start > 0 || from === 0;
  return asking(whole ? chineseSubject(clause.slice(start), signing.told) : SOMEONE, said);
};

/** `X表示：“…”`, `X告诉记者：“…”`: a Chinese verb of saying or telling and a colon or comma right before the opening mark at `open`. */
const chineseBefore = (text: string, open: number): Signature | null => {
  let k = open - 1;
  // One space at most: the paragraph's white space is collapsed.
  if (/\s/u.test(text[k] ?? '')) k--;
  if (k < 0 || !CHINESE_SIGNING_MARKS.has(text[k] ?? '')) return null;
  return chineseSignedAt(text, k, 1);
};

/** `“…”X说。`, `“…”X告诉记者。`: a Chinese subject and verb of saying or telling closing the clause right after the closing mark at `close`. */
const chineseAfter = (text: string, close: number): Signature | null => {
  let k = close + 1;
  if (/[，,]/u.test(text[k] ?? '')) k++;
  const limit = Math.min(text.length, k + ATTRIBUTION_REACH);
  let end = k;
  while (end < limit && !CLAUSE_BOUNDARY.test(text[end] ?? '')) end++;
  // The clause ends the sentence or goes on after a comma or colon; a question ("…怎么说？") signs nothing.
  if (end === k || (end < text.length && !/[。，,.！!：:]/u.test(text[end] ?? '')) || (end === limit && limit < text.length)) return null;
  const said = text.slice(k, end);
  const signing = beforeVerb(said);
  return signing === null ? null : asking(chineseSubject(signing.before, signing.told), said);
};

/**
 * The Japanese name ending right before `end` (exclusive), not before `from`: kanji, katakana and Latin letters,
 * an honorific `さん` after them, and names joined by `の` (`県の担当者`).
 */
const japaneseNameBefore = (text: string, from: number, end: number): string => {
  let start = end;
  if (text.startsWith('さん', end - 2) && end - 2 > from) start = end - 2;
  for (;;) {
    while (start > from && isNameCharacter(text, start - 1)) start--;
    if (start - 2 >= from && text[start - 1] === 'の' && isNameCharacter(text, start - 2) && start < end) start--;
    else break;
  }
  return text.slice(start, end);
};

/** What {@link markerIn} gives when a clause has two topics (or, without one, two subjects): which one speaks is a guess. */
const AMBIGUOUS = -2;

/**
 * Where the topic marker `は` after a name stands in `from`…`to` (else the subject marker `が`), -1 when there is
 * none, or {@link AMBIGUOUS}. A marker after hiragana is a particle or an ending (`では`, `したが`), not one.
 */
const markerIn = (text: string, from: number, to: number): number => {
  let topic = -1;
  let subject = -1;
  for (let i = from + 1; i < to; i++) {
    const c = text[i];
    if (c !== 'は' && c !== 'が') continue;
    const named = isNameCharacter(text, i - 1) || (text.startsWith('さん', i - 2) && i - 2 > from);
    if (!named) continue;
    if (c === 'は') topic = topic < 0 ? i : AMBIGUOUS;
    else subject = subject < 0 ? i : AMBIGUOUS;
  }
  return topic !== -1 ? topic : subject;
};

/** `「…」とした`, `としている`: "stated", as news writing signs a body's position (not `として`, "as"). */
const JAPANESE_STATED = /^し(?:た|てい|てお)/u;

/** Who the Japanese subject marked at `marker` (see {@link markerIn}) is, its name not before `from`. */
const japaneseSpeaker = (text: string, from: number, marker: number): Signature =>
  marker === AMBIGUOUS ? SOMEONE : marker > from ? signedBy(japaneseNameBefore(text, from, marker)) : NO_SUBJECT;

/** Where the Japanese verb of saying after the `と` at `to` starts (`と述べた`, `と大臣は述べた`, `とした`), or -1. */
const japaneseVerbAfter = (text: string, to: number): number => {
  const limit = Math.min(text.length, to + 1 + JAPANESE_GAP);
  let end = to + 1;
  while (end < limit && !CLAUSE_BOUNDARY.test(text[end] ?? '')) end++;
  const gap = text.slice(to + 1, end);
  const verb = JAPANESE_STATED.test(gap) ? { index: 0 } : JAPANESE_VERB.exec(gap);
  return verb ? to + 1 + verb.index : -1;
};

/** Where the sentence holding offset `at` starts, read back no further than `from`. */
const sentenceStart = (text: string, at: number, from: number): number => {
  let start = at;
  while (start > from && !SENTENCE_BOUNDARY.test(text[start - 1] ?? '')) start--;
  return start;
};

/** `「…」と述べた`: `と` and a verb of saying after the closing mark at `close`; the speaker between them or before the quotation at `open`. */
const japaneseAfter = (text: string, open: number, close: number): Signature | null => {
  const to = close + 1;
  if (text[to] !== 'と') return null;
  const verb = japaneseVerbAfter(text, to);
  if (verb < 0) return null;
  const between = markerIn(text, to, verb);
  if (between !== -1) return japaneseSpeaker(text, to + 1, between);
  // The topic of the sentence before the quotation ("高橋町長は定例会見で「…」").
  const from = Math.max(0, open - ATTRIBUTION_REACH);
  const start = sentenceStart(text, open, from);
  if (start === from && from > 0) return SOMEONE;
  return japaneseSpeaker(text, start, markerIn(text, start - 1, open));
};

/** The most characters read back from a Japanese `と` for the topic opening its sentence (`X は、…と説明した`). */
const JAPANESE_SENTENCE_REACH = 2 * ATTRIBUTION_REACH;

/** Japanese topics of time (`今日は、`, `昨年は、`), which open a sentence without naming who speaks in it. */
const JAPANESE_TIME_TOPIC = /[日月年回度週時]$/u;

/**
 * `X は、…と説明した`: who reports the words before the `と` at `to`, without quotation marks, when a verb of
 * saying follows: the one marked between them, or the topic opening the sentence, set off by a comma, as news
 * writes it. Null when no verb follows or neither names anyone: such a sentence is no signature to go by.
 */
const japaneseReported = (text: string, to: number): Signature | null => {
  const verb = japaneseVerbAfter(text, to);
  if (verb < 0) return null;
  const between = markerIn(text, to, verb);
  if (between !== -1) return japaneseSpeaker(text, to + 1, between);
  const start = sentenceStart(text, to, Math.max(0, to - JAPANESE_SENTENCE_REACH));
  // The first topic or subject of the sentence is its speaker's only when a comma sets it off.
  for (let i = start + 1; i < to; i++) {
    const c = text[i];
    if ((c !== 'は' && c !== 'が') || !isNameCharacter(text, i - 1)) continue;
    if (!/[、，,]/u.test(text[i + 1] ?? '')) return null;
    const topic = japaneseSpeaker(text, start, i);
    return topic.speaker && JAPANESE_TIME_TOPIC.test(topic.speaker) ? null : topic;
  }
  return null;
};

/** A top-level quotation of a paragraph: offsets of its marks (`close` is the text's length when left open). */
interface Region {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the text's length. */
  close: number;
}

/**
 * Whether a paragraph of a Chinese or Japanese story is written in their script: at least half the letters of its
 * first {@link SCRIPT_SAMPLE} characters are Han characters or kana, or it has no letters to tell (the story's
 * language tells then). A paragraph in English or another script (a statement quoted as given) types straight marks
 * as its own language does.
 */
const writesCjk = (text: string): boolean => {
  const letters = text.slice(0, SCRIPT_SAMPLE).replace(NOT_LETTERS, '');
  return letters.replace(NOT_CJK_LETTERS, '').length * 2 >= letters.length;
};

/**
 * The top-level quotations of a paragraph in one pass: an opening mark opens one, its own closing mark ends it,
 * and every other mark inside (a quotation inside, a stray mark) is its text; with `straight`, the straight mark
 * opens one too, closed by the next, where no digit is right before it (`27"`, inches). One left open runs to the end of the paragraph when it opens the paragraph or
 * follows a colon, as news writing runs a quotation on; otherwise the mark was stray and is left out.
 */
function cjkQuoteRegions(text: string, straight: boolean): Region[] {
  const regions: Region[] = [];
  let open = -1;
  let closer = '';
  let otherCloser = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === STRAIGHT_MARK && DIGIT.test(text[i - 1] ?? '')) continue;
    if (open < 0) {
      const close = straight && ch === STRAIGHT_MARK ? STRAIGHT_MARK : CLOSER_OF[ch];
      if (close === undefined) continue;
      open = i;
      closer = close;
      otherCloser = OTHER_CLOSER_OF[ch] ?? close;
    } else if (ch === closer || ch === otherCloser) {
      regions.push({ open, close: i });
      open = -1;
    }
  }
  if (open >= 0 && (text.slice(0, open).trim() === '' || /[：:]\s*$/u.test(text.slice(Math.max(0, open - 2), open)))) regions.push({ open, close: text.length });
  return regions;
}

/** The most people a paragraph's pronouns are told apart among; past it, which one a pronoun means is a guess. */
const MAX_ANTECEDENTS = 4;

/** A person a pronoun may refer back to: as the text names them, and the gender the text marks for them. */
interface Antecedent {
  /** The speaker as the text writes them, its fullest form (`区教育局局长孙海涛` over `孙海涛`). */
  name: string;
  /** The gender a title after the name or a pronoun that referred to them marks. */
  gender: Gender;
  /** Whether they last spoke to a listener (`X对王强说`), a second person a pronoun after them may mean. */
  told: boolean;
}

/** The speakers one paragraph has named, for the pronouns after them. */
interface Speakers {
  /** The people named, each once. */
  people: Antecedent[];
  /** Whether a speaker was named, a person or not: a pronoun after it looks no further back than the paragraph. */
  spoke: boolean;
  /** Whether several people spoke at once, someone the analysis cannot name, or too many: a pronoun is a guess. */
  crowded: boolean;
  /** The sentences ended so far (outside quotations, and quotations ending one): a pronoun after one opens no paragraph. */
  sentences: number;
  /** The sentences ended since the last verb of saying or quotation, which a quotation ending a sentence counts. */
  since: number;
}

/** A paragraph's speakers before it names any. */
const noSpeakers = (): Speakers => ({ people: [], spoke: false, crowded: false, sentences: 0, since: 0 });

/**
 * The most sentences ended between a speaker's verb of saying and a pronoun meaning them: their own. A sentence
 * after it that signs nothing may bring in someone else (`记者采访了司机王强。他说`), whom the pronoun may mean.
 */
const MAX_SENTENCES_TO_PRONOUN = 1;

/** The ends of sentences: full stops, question and exclamation marks. */
const SENTENCE_END_CODES = new Set([...'。！？!?'].map((mark) => mark.charCodeAt(0)));

/** Sentence-final punctuation ending a quotation's text: the quotation ends the sentence with it. */
const ENDS_SENTENCE = /[。！？!?]$/u;

/** The gender two marks of one person's give: the one given, null when they disagree. */
const bothGenders = (a: Gender, b: Gender): Gender => (a === null ? b : b === null || a === b ? a : null);

/** Notes a speaker the text names: a person once (one written with and without a title is one, `孙海涛`), several as a crowd. */
const noteSpeaker = (speakers: Speakers, name: string, gender: Gender, told: boolean): void => {
  speakers.spoke = true;
  if (SEVERAL.test(name)) {
    speakers.crowded = true;
    return;
  }
  if (NOT_A_PERSON.test(name)) return;
  const known = speakers.people.find((p) => p.name.endsWith(name) || name.endsWith(p.name));
  if (known) {
    if (name.length > known.name.length) known.name = name;
    known.gender = bothGenders(known.gender, gender);
    known.told = told;
  } else if (speakers.people.length < MAX_ANTECEDENTS) speakers.people.push({ name, gender, told });
  else speakers.crowded = true;
};

/**
 * The person `pronoun` refers back to: the one of its gender the paragraph has named (`current`), or, where it has
 * named no speaker yet and the pronoun's sentence opens it, the paragraph before (`previous`); null when there are
 * none, or several, to choose from, or someone else may have come in between: a sentence that signs nothing, or
 * the listener the person spoke to, unless the text marks the person's gender as the pronoun's.
 */
const referredTo = (current: Speakers, previous: Speakers, pronoun: string): Antecedent | null => {
  const scope = current.spoke ? current : current.sentences === 0 ? previous : null;
  if (scope === null || scope.crowded || scope.since > MAX_SENTENCES_TO_PRONOUN) return null;
  const reference = genderOfPronoun(pronoun);
  let found: Antecedent | null = null;
  for (const person of scope.people) {
    if (!compatible(person.gender, reference)) continue;
    if (found) return null;
    found = person;
  }
  if (found?.told && (found.gender === null || found.gender !== reference)) return null;
  return found;
};

/** A quotation left open at the end of a paragraph, and whether a verb of saying signed it. */
interface RunningOn {
  /** The quotation, whose text the next paragraph may continue. */
  quote: FoundQuote;
  /** Whether an attribution signed it. */
  signed: boolean;
}

/** Kana, which Japanese text writes and Chinese does not. */
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Reads the words a paragraph reports without quotation marks in `from`…`to` (between its quotations), for the
 * speakers they name: `X表示，…` (a verb of two characters or more), `X告诉记者，…`, `X は、…と説明した`. Calls
 * `heard` with each signature and its offset, in the order of the text.
 */
const readReported = (text: string, from: number, to: number, heard: (signature: Signature, at: number) => void): void => {
  for (let k = from; k < to; k++) {
    // Most characters are neither: they are told by their code, without a string made of each.
    const c = text.charCodeAt(k);
    const signature = SIGNING_MARK_CODES.has(c) ? chineseSignedAt(text, k, REPORTING_VERB_CHARACTERS) : c === JAPANESE_TO ? japaneseReported(text, k) : null;
    if (signature) heard(signature, k);
  }
};

/** Finds the quotations of a Chinese or Japanese article and their speakers (see the module's comment). */
export function findCjkQuotes(doc: Doc): FoundQuote[] {
  const out: FoundQuote[] = [];
  // The quotation the last paragraph left open, which a paragraph opening with a quotation continues.
  let runningOn: RunningOn | undefined;
  // The speakers the paragraph before named, whom a pronoun opening this one may refer to.
  let previous = noSpeakers();
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph') {
      runningOn = undefined;
      previous = noSpeakers();
      continue;
    }
    const text = block.text;
    let token = 0;
    // Only a quotation opening the paragraph continues it, and only one can.
    const carried = runningOn;
    runningOn = undefined;
    const current = noSpeakers();
    const japanese = KANA.test(text);
    const before = previous;
    // Counts the sentences ended outside quotations up to `end` (a quotation's are skipped: `counted` passes it).
    let counted = 0;
    const countTo = (end: number): void => {
      for (; counted < end; counted++) {
        if (!SENTENCE_END_CODES.has(text.charCodeAt(counted))) continue;
        current.sentences++;
        current.since++;
      }
    };
    // The speaker a signature at `at` gives: the one its subject names, or the one its pronoun refers to.
    const speakerOfSignature = (signature: Signature, at: number): string | null => {
      countTo(at);
      let speaker = signature.speaker;
      const pronoun = signature.pronoun;
      const told = signature.told ?? false;
      const person = pronoun ? referredTo(current, before, pronoun) : null;
      current.since = 0;
      if (pronoun && person) {
        // The pronoun tells the person's gender where the text had not.
        noteSpeaker(current, person.name, bothGenders(person.gender, genderOfPronoun(pronoun)), told);
        speaker = person.name;
      } else if (speaker) noteSpeaker(current, speaker, genderOfCjkTitle(speaker, japanese), told);
      // Someone the analysis cannot name spoke (or was asked): a pronoun after it may mean them.
      if ((signature.subject && !speaker) || signature.asks) {
        current.spoke = true;
        current.crowded = true;
      }
      return speaker;
    };
    // Where the words between quotations start: after a quotation's closing mark and the と of its signature.
    let reported = 0;
    for (const region of cjkQuoteRegions(text, text.includes(STRAIGHT_MARK) && writesCjk(text))) {
      // A colon or comma right before the quotation signs it, not words of its own.
      readReported(text, reported, region.open - 2, speakerOfSignature);
      reported = Math.max(reported, region.close + 2);
      countTo(region.open);
      counted = Math.max(counted, region.close + 1);
      const inner = text.slice(region.open + 1, region.close).trim();
      const quoted = withoutTrailing(inner, TRAILING_COMMA);
      if (!quoted) continue;
      const closed = region.close < text.length;
      const signedBefore = chineseBefore(text, region.open);
      const signature = signedBefore ?? (closed ? (japaneseAfter(text, region.open, region.close) ?? chineseAfter(text, region.close)) : null);
      const whole = region.open === 0 && text.slice(region.close + 1).trim().length <= 1;
      // A term, a name or a title in quotation marks is no quotation: a quotation is signed, or has clauses, or is the paragraph.
      if (!signature && !CLAUSE_PUNCTUATION.test(quoted) && !whole) continue;
      token = tokenAt(block, region.open, token);
      const speaker = signature ? speakerOfSignature(signature, region.open) : null;
      // A quotation ending a sentence ends it, unless the verb signing it after it (`“…。”X说。`) is still to come.
      const endsSentence = ENDS_SENTENCE.test(inner) && (signature === null || signedBefore !== null);
      current.since = endsSentence ? 1 : 0;
      if (endsSentence) current.sentences++;
      if (carried && region.open === 0) {
        // "「…。 / 「…」と組合長は話した。": the paragraphs are one quotation, signed where it ends.
        carried.quote.text += quoted;
        if (!carried.signed || carried.quote.speaker === null) carried.quote.speaker = speaker;
        carried.signed ||= signature !== null;
        if (!closed) runningOn = carried;
        continue;
      }
      const quote: FoundQuote = { text: quoted, speaker, cluster: null, affiliation: null, pos: position(block, token) };
      out.push(quote);
      if (!closed) runningOn = { quote, signed: signature !== null };
    }
    readReported(text, reported, text.length, speakerOfSignature);
    countTo(text.length);
    previous = current;
  }
  return out;
}

/** The index of the first token of a block starting at or after `offset`, from `from` on (offsets only grow). */
const tokenAt = (block: Block, offset: number, from: number): number => {
  let t = from;
  while (t < block.tokens.length && (block.tokens[t]?.start ?? 0) < offset) t++;
  return t;
};
