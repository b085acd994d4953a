import { describe, expect, it } from 'vitest';
import { findCjkQuotes } from '../../../src/story/analysis/cjk-quotes.js';
import { buildDoc, type Doc } from '../../../src/story/analysis/document.js';
import { analyzeArticle } from '../../../src/story/analysis/index.js';
import { costGrowth } from '../../support/linear.js';
import { article } from './helpers.js';

/** The quotations of a Chinese or Japanese article, as [text, speaker] pairs. */
const quotes = (language: string, paragraphs: string[]): [string, string | null][] => analyzeArticle(article(paragraphs, '新闻', language)).quotes.map((q) => [q.text, q.speaker]);

describe('Chinese quotations (they were never found: no spaces between words, full-width marks)', () => {
  it('reads a quotation after a verb of saying and a colon or comma, its speaker the subject before the verb', () => {
    expect(quotes('zh', ['区教育局局长孙海涛表示：“新学期将增设二十个班级，家长不必担心入学问题。”'])).toEqual([
      ['新学期将增设二十个班级，家长不必担心入学问题。', '区教育局局长孙海涛'],
    ]);
    expect(quotes('zh-Hant', ['港口管理處發言人稱，「貨櫃碼頭下週一起恢復夜間作業，請業界留意。」'])).toEqual([['貨櫃碼頭下週一起恢復夜間作業，請業界留意。', '港口管理處發言人']]);
  });

  it('leaves out the time, place and manner between the subject and the verb', () => {
    expect(quotes('zh', ['水务集团总经理何立新周四在记者会上指出：“今年夏季供水充足，不会实行限水。”'])[0]?.[1]).toBe('水务集团总经理何立新');
    expect(quotes('zh', ['消防队长马晓东12日对记者说：“火势已经完全扑灭，没有人员伤亡。”'])[0]?.[1]).toBe('消防队长马晓东');
    expect(quotes('zh', ['昨天，研究所所长邓文华也强调：“数据还需要进一步核实。”'])[0]?.[1]).toBe('研究所所长邓文华');
  });

  it('reads telling someone as signing: a verb of telling and its listener, then a colon or a verb of saying', () => {
    expect(quotes('zh', ['施工队队长韩志刚告诉记者：“隧道主体下个月就能贯通。”'])).toEqual([['隧道主体下个月就能贯通。', '施工队队长韩志刚']]);
    expect(quotes('zh', ['“隧道主体下个月就能贯通。”施工队队长韩志刚告诉记者。'])[0]?.[1]).toBe('施工队队长韩志刚');
    expect(quotes('zh', ['村委会主任邱建平告诉前来采访的记者说：“今年的茶叶价格比去年高。”'])[0]?.[1]).toBe('村委会主任邱建平');
    expect(quotes('zh', ['气象台首席预报员钟敏向媒体表示：“本周末将有一次明显降温。”'])[0]?.[1]).toBe('气象台首席预报员钟敏');
    expect(quotes('zh-Hant', ['商會理事長溫啟明對他說：「這筆款項必須在月底前到位。」'])[0]?.[1]).toBe('商會理事長溫啟明');
    // A numeral and a classifier before a clause taken for adverbials name nobody.
    expect(quotes('zh', ['一位在这里住了三十多年的老居民告诉记者：“这些年变化太大了。”'])[0]?.[1]).toBe(null);
  });

  it('keeps a name holding 向 or 于, which open a listener or a time only where one follows', () => {
    expect(quotes('zh', ['社区主任甘向东说：“垃圾分类站已经全部建好。”'])[0]?.[1]).toBe('社区主任甘向东');
    expect(quotes('zh', ['社区主任甘向东向记者介绍：“垃圾分类站已经全部建好。”'])[0]?.[1]).toBe('社区主任甘向东');
    expect(quotes('zh', ['志愿者于晓琳表示：“报名人数远超预期。”'])[0]?.[1]).toBe('志愿者于晓琳');
    expect(quotes('zh', ['于晓琳对记者说：“报名人数远超预期。”'])[0]?.[1]).toBe('于晓琳');
    // 于 before a time or a place at the verb is the time or place, as 在 is.
    expect(quotes('zh', ['交通局副局长包卫国于周三向媒体表示：“新线路月底开通。”'])[0]?.[1]).toBe('交通局副局长包卫国');
    expect(quotes('zh', ['交通局副局长包卫国于发布会上指出：“新线路月底开通。”'])[0]?.[1]).toBe('交通局副局长包卫国');
    expect(quotes('zh', ['交通局副局长包卫国于今年3月表示：“新线路月底开通。”'])[0]?.[1]).toBe('交通局副局长包卫国');
    expect(quotes('zh', ['交通局副局长包卫国于接受采访中表示：“新线路月底开通。”'])[0]?.[1]).toBe('交通局副局长包卫国');
    expect(quotes('zh', ['总工程师于建中表示：“新线路月底开通。”'])[0]?.[1]).toBe('总工程师于建中');
  });

  it('reads a quotation signed after it ("“…”X说。")', () => {
    expect(quotes('zh', ['“雨季之前必须完成堤坝加固，否则后果严重。”防汛指挥部副总指挥罗永说。'])).toEqual([
      ['雨季之前必须完成堤坝加固，否则后果严重。', '防汛指挥部副总指挥罗永'],
    ]);
    expect(quotes('zh', ['“这只是第一步，”商会会长潘丽这样说，“我们还会继续推动。”'])).toEqual([
      ['这只是第一步', '商会会长潘丽'],
      ['我们还会继续推动。', '商会会长潘丽'],
    ]);
  });

  it('reads a verb of saying before 说 or 道 as part of the verb, not of the speaker ("X补充说", "X解释道")', () => {
    expect(quotes('zh', ['市政协委员王强补充说：“资金下周到位。”'])).toEqual([['资金下周到位。', '市政协委员王强']]);
    expect(quotes('zh', ['李明解释说：“线路需要重新规划。”'])[0]?.[1]).toBe('李明');
    expect(quotes('zh', ['“这是第一步，”张华强调说。'])[0]?.[1]).toBe('张华');
    expect(quotes('zh-Hant', ['議員林美玲補充道：「預算下週表決。」'])[0]?.[1]).toBe('議員林美玲');
    expect(quotes('zh', ['局长邓文华解释道：“数据还需要核实。”'])[0]?.[1]).toBe('局长邓文华');
    // A pronoun before such a verb is a pronoun: nobody named before it here.
    expect(quotes('zh', ['他回答说：“我们会尽快处理。”'])).toEqual([['我们会尽快处理。', null]]);
    expect(quotes('zh', ['区长韦海生表示，工程已经开工。他回答说：“年底完工。”'])[0]?.[1]).toBe('区长韦海生');
  });

  it('leaves the speaker empty when a pronoun has nobody before it to refer to or no verb of saying signs the quotation', () => {
    expect(quotes('zh', ['他还指出：“新的收费标准从下个月起执行。”'])).toEqual([['新的收费标准从下个月起执行。', null]]);
    expect(quotes('zh', ['“我们不会放弃，直到找到最后一名失踪者。”'])).toEqual([['我们不会放弃，直到找到最后一名失踪者。', null]]);
  });

  it('gives a pronoun the one person named as a speaker before it in its paragraph, or else in the paragraph before', () => {
    expect(quotes('zh', ['县农业局局长邢国栋表示，今年粮食产量有望再创新高。他说：“我们已经提前完成了春播任务。”'])).toEqual([
      ['我们已经提前完成了春播任务。', '县农业局局长邢国栋'],
    ]);
    expect(quotes('zh', ['“雨季之前必须完成堤坝加固，否则后果严重。”防汛指挥部副总指挥罗永说。', '他还强调：“各乡镇要把责任落实到人。”'])).toEqual([
      ['雨季之前必须完成堤坝加固，否则后果严重。', '防汛指挥部副总指挥罗永'],
      ['各乡镇要把责任落实到人。', '防汛指挥部副总指挥罗永'],
    ]);
    // The person a pronoun gave goes on: "他" of the next sentence is the same one.
    expect(quotes('zh', ['“训练量比去年翻了一倍。”教练邵明说。', '他表示，队员们状态很好。他还说：“我们的目标是进入前三。”'])[1]?.[1]).toBe('教练邵明');
    // A name written with its title once and alone once is one person.
    expect(quotes('zh', ['区教育局局长孙海涛介绍，新校区九月启用。“教室和宿舍都已验收。”孙海涛说。他还表示：“食堂下周完工。”'])[1]?.[1]).toBe('区教育局局长孙海涛');
    expect(quotes('ja', ['田中社長は「新製品を来月発売する」と述べた。彼は「価格は据え置く」とも語った。'])).toEqual([
      ['新製品を来月発売する', '田中社長'],
      ['価格は据え置く', '田中社長'],
    ]);
    expect(quotes('ja', ['山本教授は、研究は最終段階に入ったと説明した。同氏は「年内に成果を発表したい」と述べた。'])).toEqual([['年内に成果を発表したい', '山本教授']]);
  });

  it('gives a pronoun of a gender the one person of that gender, and none of another', () => {
    expect(quotes('zh', ['市民殷女士告诉记者，她家附近的路灯已经修好了。她说：“晚上出门安心多了。”'])[0]?.[1]).toBe('市民殷女士');
    expect(quotes('zh', ['店主秦先生表示，客流已经恢复。她说：“周末的生意最好。”'])[0]?.[1]).toBe(null);
    expect(quotes('zh', ['店主秦先生和员工龚女士都在现场。秦先生表示，客流已经恢复。龚女士指出，周末人最多。她说：“周末的生意最好。”'])[0]?.[1]).toBe('龚女士');
    expect(quotes('ja', ['佐藤選手は「最後まで諦めなかった」と話した。彼女は「次の大会も頑張りたい」と語った。'])[1]?.[1]).toBe('佐藤選手');
    // Japanese 先生 is a teacher or a doctor, of either sex; Chinese 先生 is "Mr".
    expect(quotes('ja', ['山口先生は「授業を再開する」と話した。彼女は「子どもたちも喜んでいる」と語った。'])[1]?.[1]).toBe('山口先生');
    expect(quotes('zh-Hant', ['議員溫美玲女士表示，預算案下週表決。她說：「我們會全力爭取。」'])[0]?.[1]).toBe('議員溫美玲女士');
  });

  it('leaves a pronoun empty where two people, a body or a document spoke before it, or nobody near it', () => {
    expect(quotes('zh', ['镇长苗建华指出，道路拓宽工程进展顺利。村支书卢刚表示，拆迁补偿已经到位。他说：“村民都很支持。”'])[0]?.[1]).toBe(null);
    expect(quotes('zh', ['镇长苗建华和村支书卢刚都表示，工程进展顺利。他说：“村民都很支持。”'])[0]?.[1]).toBe(null);
    expect(quotes('zh', ['市交通局表示，地铁三号线将延长运营时间。他说：“末班车推迟到午夜。”'])[0]?.[1]).toBe(null);
    expect(quotes('zh', ['报告指出，今年游客人数增长三成。他说：“这超出了所有人的预期。”'])[0]?.[1]).toBe(null);
    // Who is asked is someone a pronoun after the question may mean.
    expect(quotes('zh', ['村支书卢刚介绍，新路已经通车。记者问：“还有什么困难？”他说：“资金还差一些。”'])[1]?.[1]).toBe(null);
    // A phrase with 说 ("in other words") names nobody.
    expect(quotes('zh', ['换句话说，这项政策将惠及所有人。他说：“这超出了所有人的预期。”'])[0]?.[1]).toBe(null);
    // Two paragraphs back is too far.
    expect(quotes('zh', ['区长韦海生表示，老旧小区改造今年全部完工。', '改造涉及全区四十个小区，惠及两万多户居民。', '他说：“居民可以放心。”'])[0]?.[1]).toBe(null);
  });

  it('leaves a pronoun empty where someone else may have come in between: a sentence naming nobody speaking, or a listener', () => {
    // The paragraph before is read only by a pronoun opening its paragraph.
    expect(quotes('zh', ['市交通局局长李明说：“地铁票价不会上涨。”', '记者在街头采访了一位出租车司机王强。他说：“生意比去年好。”'])).toEqual([
      ['地铁票价不会上涨。', '市交通局局长李明'],
      ['生意比去年好。', null],
    ]);
    expect(quotes('ja', ['国土交通大臣は「運賃は据え置く」と述べた。', '記者は駅前でタクシー運転手、田中一郎さんに話を聞いた。彼は「客は戻ってきた」と話した。'])[1]?.[1]).toBe(
      null,
    );
    // Within a paragraph, a sentence that signs nothing between the speaker and the pronoun.
    expect(quotes('zh', ['市交通局局长李明说：“地铁票价不会上涨。”记者随后采访了出租车司机王强。他说：“生意比去年好。”'])[1]?.[1]).toBe(null);
    // Whom the speaker spoke to may be whom the pronoun means.
    expect(quotes('zh', ['李明对王强说：“明天的会议取消了。”他回答：“我知道了。”'])).toEqual([
      ['明天的会议取消了。', '李明'],
      ['我知道了。', null],
    ]);
    expect(quotes('zh', ['村支书卢刚告诉镇长苗建华，新路已经通车。他说：“资金还差一些。”'])[0]?.[1]).toBe(null);
  });

  it('takes no term, name or title in quotation marks for a quotation', () => {
    expect(quotes('zh', ['这条线路被称为“城市走廊”，全长四十公里，预计明年通车。'])).toEqual([]);
    expect(quotes('zh-Hant', ['市府推出「綠色通勤」計畫，鼓勵市民改搭大眾運輸。'])).toEqual([]);
    // A verb of saying closing a question about the quoted words signs nothing.
    expect(quotes('zh', ['“慢行优先”到底该怎么说？'])).toEqual([]);
  });

  it('reads straight double quotation marks in Chinese and Japanese text, terms and titles in them still no quotations', () => {
    expect(quotes('zh', ['区长韦海生表示:"老旧小区改造今年全部完工,居民可以放心。"'])).toEqual([['老旧小区改造今年全部完工,居民可以放心。', '区长韦海生']]);
    expect(quotes('zh', ['"我们会继续追踪这批货物的去向。"海关发言人说。'])).toEqual([['我们会继续追踪这批货物的去向。', '海关发言人']]);
    expect(quotes('ja', ['市の担当者は"原因を調べている。結果は来週公表する"と話した。'])).toEqual([['原因を調べている。結果は来週公表する', '市の担当者']]);
    expect(quotes('zh', ['这条线路被称为"城市走廊",全长四十公里,预计明年通车。'])).toEqual([]);
    expect(quotes('zh', ['队员们喊出"再快一点",冲过了终点。'])).toEqual([]);
    // Inside another quotation a straight pair is its text.
    expect(quotes('zh', ['教练邵明说：“大家都记得那句"再快一点"，这就是我们的精神。”'])).toEqual([['大家都记得那句"再快一点"，这就是我们的精神。', '教练邵明']]);
  });

  it('leaves straight marks to a paragraph in another script, and a lone one to what it is', () => {
    // A paragraph in English of a Chinese story: its straight marks are no Chinese quotation marks.
    expect(quotes('zh', ['The banner read "Welcome home, sailors" in both languages.'])).toEqual([]);
    // A lone mark (inches, a stray key) opens no quotation that would swallow the rest.
    expect(quotes('zh', ['这台显示器为27"屏幕，售价两千元。'])).toEqual([]);
    // A straight mark after a digit is inches or seconds, neither opening nor closing a quotation.
    expect(quotes('zh', ['这台27"显示器卖得很好，店长王强说:"我们已经卖完了。"'])).toEqual([['我们已经卖完了。', '店长王强']]);
    expect(quotes('zh', ['店长王强说:"这台27"显示器卖得很好，我们已经卖完了。"'])).toEqual([['这台27"显示器卖得很好，我们已经卖完了。', '店长王强']]);
    expect(quotes('ja', ['彼女は1分05"の好タイムで優勝し、監督は"よく頑張った"と話した。'])).toEqual([['よく頑張った', '監督']]);
  });

  it('keeps a quotation inside a quotation in its text', () => {
    expect(quotes('zh-Hant', ['議員林美玲說：「居民常說『等了十年』，這次不能再拖。」'])).toEqual([['居民常說『等了十年』，這次不能再拖。', '議員林美玲']]);
  });
});

describe('Japanese quotations (they were never found)', () => {
  it('reads 「…」と and a verb of saying, its speaker the topic before the quotation', () => {
    expect(quotes('ja', ['高橋町長は定例会見で「新しい体育館は秋に完成する見通しです」と述べた。'])).toEqual([['新しい体育館は秋に完成する見通しです', '高橋町長']]);
    expect(quotes('ja', ['一方、県の担当者は取材に対し「原因の調査を急いでいる」と話した。'])).toEqual([['原因の調査を急いでいる', '県の担当者']]);
    expect(quotes('ja', ['小林さんは「驚きました。でも、ほっとしています」と語った。'])).toEqual([['驚きました。でも、ほっとしています', '小林さん']]);
  });

  it('reads 「…」とした and としている as signed, and 「…」として ("as") as not', () => {
    expect(quotes('ja', ['運営会社は「現在、事実関係を確認中だ」としている。'])).toEqual([['現在、事実関係を確認中だ', '運営会社']]);
    expect(quotes('ja', ['市は「住民の安全確保」を理由に工事を止めた。'])).toEqual([]);
    expect(quotes('ja', ['組合は「安全第一」として工事を中断した。'])).toEqual([]);
  });

  it('leaves the speaker empty when the sentence has two topics', () => {
    expect(quotes('ja', ['物価は上がるとの予測について、知事は「注意深く見守る」と述べた。'])).toEqual([['注意深く見守る', null]]);
  });

  it('reads the speaker between と and the verb', () => {
    expect(quotes('ja', ['東京で会議が開かれた。「これは重要な一歩です」と大臣は述べた。'])).toEqual([['これは重要な一歩です', '大臣']]);
    expect(quotes('ja', ['「安全対策を徹底します」と鉄道会社の広報担当者が説明した。'])).toEqual([['安全対策を徹底します', '鉄道会社の広報担当者']]);
  });

  it('leaves the speaker empty when nobody is named, and takes no term or title for a quotation', () => {
    expect(quotes('ja', ['「まだ何も決まっていない」と話した。'])).toEqual([['まだ何も決まっていない', null]]);
    expect(quotes('ja', ['彼は「来年も続けたい」と語った。'])).toEqual([['来年も続けたい', null]]);
    expect(quotes('ja', ['政府は「地域交通再生」構想を発表した。'])).toEqual([]);
    expect(quotes('ja', ['映画『遠い海の記憶』が全国で公開された。'])).toEqual([]);
  });

  it('a quotation opening a paragraph and left open runs on, and the next paragraph that reopens it continues it', () => {
    expect(quotes('ja', ['「今年は雨が少なかった。', '「それでも収穫は例年並みです」と組合長は話した。'])).toEqual([
      ['今年は雨が少なかった。それでも収穫は例年並みです', '組合長'],
    ]);
  });
});

describe('Chinese and Japanese quotations in time linear in the text', () => {
  it('read each paragraph a bounded number of times, whatever opens or closes in it: cost per MB from 100 KB to 1 MB', async () => {
    // Paragraphs of about `bytes` characters, `unit` repeated (whole paragraphs are read here, past the analysis's own cut).
    const repeat = (unit: string, bytes: number): string => unit.repeat(Math.max(1, Math.round(bytes / unit.length)));
    const shapes: Record<string, (bytes: number) => string[]> = {
      'opening marks never closed': (bytes) => [repeat('「', bytes)],
      'curly opening marks after a colon': (bytes) => [repeat('他说：“', bytes)],
      'closing marks and と with nothing open': (bytes) => [repeat('」と述べた', bytes)],
      'short quotations each signed': (bytes) => [repeat('「あ」と記者団は話した。', bytes)],
      'pronouns each signing a quotation': (bytes) => [repeat('他说：“好，好。”', bytes)],
      'speakers named in passing before pronouns': (bytes) => [repeat('局长表示，他表示，', bytes)],
      'a different speaker before each pronoun': (bytes) => [Array.from({ length: Math.round(bytes / 14) }, (_, i) => `局长${i}表示，他说：“好。”`).join('')],
      'と and verbs of saying outside quotations': (bytes) => [repeat('社長は、あと述べた。彼は「あ」と述べた。', bytes)],
      'commas only': (bytes) => [repeat('，', bytes)],
      'straight marks only': (bytes) => [repeat('"', bytes)],
      'straight opening marks after a colon': (bytes) => [repeat('他说:"', bytes)],
      'straight marks between letters of two scripts': (bytes) => [repeat('好a"', bytes)],
      'subjects at the reach before each verb': (bytes) => [repeat(`${'局'.repeat(39)}表示：“好。”`, bytes)],
      'listeners at the reach before each verb': (bytes) => [repeat(`${'向'.repeat(39)}表示：“好。”`, bytes)],
      'verbs of telling before each colon': (bytes) => [repeat(`${'告诉'.repeat(19)}：“好。”`, bytes)],
      'times after 于 before each verb': (bytes) => [repeat(`${'于'.repeat(36)}会上表示：“好。”`, bytes)],
      'topics at the reach before each quotation': (bytes) => [repeat(`${'首相は'.repeat(13)}「はい」と述べた`, bytes)],
      'commas closing a quotation': (bytes) => [`「あ${repeat('，', bytes)}」と話した。`],
      'paragraphs each left open': (bytes) => Array.from({ length: Math.round(bytes / 20) }, () => '「今年は雨が少なかった。'),
    };
    for (const [name, shape] of Object.entries(shapes)) {
      // Each size's document is made once: the quotations alone are timed.
      const made = new Map<number, Doc>();
      const doc = (bytes: number): Doc => made.get(bytes) ?? made.set(bytes, buildDoc(article(shape(bytes), '新闻', 'zh'))).get(bytes)!;
      const growth = await costGrowth((bytes) => findCjkQuotes(doc(bytes)), 100_000, 1_000_000, 2.5);
      expect(growth, `${name}: cost per MB grew ${growth.toFixed(2)}× from 100 KB to 1 MB`).toBeLessThan(2.5);
    }
  }, 240_000);
});
