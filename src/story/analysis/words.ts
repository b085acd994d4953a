/**
 * General linguistic word lists used by the analysis: titles, roles, speech verbs, organisation and place
 * head words, event words. They describe how news English (and, for quotes and sources, Ukrainian/Russian)
 * is written, never which names a particular story contains. All keys are lowercase and diacritic-free.
 */

import { foldKey } from './lexicon.js';

// Hyphenated entries are also stored as folded keys are written ("secretary-general" → "secretary general").
const set = (words: string): ReadonlySet<string> =>
  new Set(
    words
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((w) => (w.includes('-') ? [w, w.replace(/-/g, ' ')] : [w])),
  );

/** Capitalised titles and honorifics that precede a person's name ("President", "Dr.", "Secretary"). */
export const TITLE_WORDS = set(`
  president vice prime minister secretary general chancellor premier governor mayor senator sen
  congressman congresswoman representative rep ambassador envoy spokesman spokeswoman spokesperson
  director chairman chairwoman chairperson chair chief ceo cfo coo cto commander commissioner king queen prince
  princess emperor empress pope cardinal archbishop bishop patriarch rabbi imam ayatollah reverend rev
  judge justice prosecutor attorney colonel col lieutenant lt major maj captain capt sergeant sgt admiral adm
  marshal brigadier corporal commodore gen mr mrs ms miss mx dr prof professor sir dame lord lady baron
  baroness duke duchess countess sheikh sheik emir sultan crown deputy acting interim former ex speaker
  councillor councilman councilwoman alderman lawmaker mp mep coach manager founder executive superintendent
  inspector constable detective officer president-elect chief-executive premier-elect secretary-general
  director-general head leader correspondent
  мер президент прем'єр-міністр міністр голова директор речник речниця посол посолка генерал депутат
  спікер губернатор конгресмен конгресвумен сенатор суддя командувач керівник заступник пан пані мэр премьер-министр министр глава
  пресс-секретарь співак співачка письменник письменниця актор акторка журналіст журналістка кандидат
  кандидатка держсекретар прессекретар волонтер волонтерка лікар лікарка дослідник дослідниця художник художниця режисер режисерка
  музикант музикантка фотограф активіст активістка уповноважении уповноважена омбудсман омбудсмен
  bundeskanzler bundeskanzlerin kanzler kanzlerin ministerin prasident prasidentin bundesprasident
  burgermeister burgermeisterin oberburgermeister ministerprasident ministerprasidentin sprecher
  sprecherin vorsitzende vorsitzender chef chefin direktor direktorin herr frau
  presidente presidenta ministro ministra alcalde alcaldesa portavoz directora secretario secretaria
  senor senora gobernador gobernadora
  ministre maire porte-parole directeur directrice monsieur madame mme mlle depute deputee
`);

/** Role nouns written in lowercase before or after a name ("spokesman Dmytro Hrytsenko"), besides titles. */
export const ROLE_NOUNS = set(`
  spokesman spokeswoman spokesperson analyst economist strategist official lawyer activist researcher expert
  striker midfielder defender goalkeeper forward winger player controller farmer resident witness chairman
  director minister president premier mayor governor senator congressman congresswoman lawmaker legislator
  commander general colonel captain officer inspector detective prosecutor judge justice attorney adviser
  advisor aide envoy ambassador diplomat chief head leader founder owner executive manager coach trainer
  editor reporter journalist correspondent columnist professor scientist engineer doctor surgeon nurse
  teacher student pilot driver worker employee banker trader investor broker owner chancellor secretary
  deputy representative negotiator mediator commissioner superintendent candidate nominee challenger
  incumbent opponent rival leader campaigner organiser organizer volunteer curator historian author writer
  novelist artist singer actor actress director producer photographer designer architect entrepreneur
  businessman businesswoman billionaire tycoon ceo cfo coo cto chairperson vice-president vice-chairman
  president-elect chief-executive secretary-general director-general spokesperson police-officer sheriff
  mp mep speaker councillor councilman councilwoman
  мер президент міністр голова директор речник речниця посол посолка генерал депутат спікер губернатор
  командувач керівник заступник аналітик експерт журналіст мешканець мешканка мэр министр глава эксперт
  вокаліст вокалістка соліст солістка учасник учасниця представник представниця кореспондент
  кореспондентка співак співачка кандидат кандидатка
`);

/** Ministerial portfolios and similar modifiers of a title ("Defence Minister", "Foreign Secretary"). */
export const PORTFOLIO_WORDS = set(`
  foreign defence defense interior home finance treasury economy economic economics trade industry justice
  health education culture labour labor energy environment environmental agriculture transport transportation
  digital infrastructure tourism sport sports science social security national state deputy first senior
  junior assistant associate executive principal mining communications information development housing
  veterans emergency regional local federal cabinet solicitor commerce fisheries forestry water climate
  welfare youth family women equality immigration migration employment work pensions budget planning
  strategic public affairs intelligence military naval army navy air parliamentary legal political
  chief vice prime acting interim former managing
`);

/** Compass and size words that combine with a place name ("Western Australia", "North Korea"). */
export const DIRECTION_WORDS = set(`
  north south east west northern southern eastern western central upper lower new greater northeast
  northwest southeast southwest north-east north-west south-east south-west far middle
`);

/** Final words that make a capitalised phrase an organisation ("… Ministry", "… Center"). */
export const ORG_HEADS = set(`
  ministry ministries department agency center centre assembly council authority police fund committee
  commission house bank court party union association institute institution university college academy school
  company corporation corp inc ltd llc plc group service services office bureau army navy force forces guard
  parliament senate congress government administration organization organisation foundation
  federation league network alliance coalition board museum hospital clinic directorate secretariat
  inspectorate tribunal command corps brigade regiment battalion club airlines airline airways railways
  railway holdings partners management systems technologies laboratory laboratories labs studios studio
  press times post news sports journal gazette herald tribune telegraph mirror express observer chronicle weekly
  noticias nouvelles
  magazine radio television broadcasting media cooperative syndicate chamber exchange reserve treasury
  program programme confederation initiative refinery limited division church chapel cathedral mosque synagogue diocese
  united rovers wanderers athletic albion rangers
  embassy consulate mission society order church council prosecutor's commissariat procuracy guards cf fc
  ag sa se nv bv ab asa oy gmbh spa kgaa
  міністерство адміністрація служба агентство рада комітет центр поліція компанія банк фонд управління
  департамент уряд штаб прокуратура суд партія університет інститут асоціація корпорація міськрада комісія
  відомство пресслужба концерн холдинг об'єднання кабінет посольство консульство організація спілка
  академія театр мерія конгрес сенат парламент палата союз рух альянс ліга товариство асамблея федерація
  конфедерація фракція
  министерство администрация служба агентство совет комитет центр полиция компания банк фонд управление
  департамент правительство штаб прокуратура суд партия университет институт ассоциация корпорация
`);

/** Head nouns of public bodies that a nationality adjective alone identifies ("Romanian border police"). */
export const PUBLIC_BODY_HEADS = set(`
  police agency ministry authority authorities service council committee commission office department
  administration government court prosecutors prosecutor army forces guard navy inspectorate directorate
  bureau parliament regulator watchdog military
  міністерство адміністрація служба агентство рада комітет поліція управління департамент уряд штаб
  прокуратура суд комісія відомство міськрада
  министерство администрация служба агентство совет комитет полиция управление департамент правительство
  штаб прокуратура суд
`);

/** First words that make "X of Y" an organisation ("Ministry of …", "Bank of …", "University of …"). */
export const ORG_FIRST_OF = set(`
  ministry department bank university office bureau council court institute association federation union
  church house museum academy board commission committee school college order society league chamber
  embassy consulate government secretariat directorate agency service fund confederation centers centres
`);

/** First words that make a capitalised phrase an outlet or body without "of" ("Radio …"). */
export const ORG_FIRST = set('radio parti partido partito bloc');

/** Lowercase nouns that describe an outlet or company before or after its name ("the newspaper X", "X newspaper"). */
export const ORG_DESCRIPTORS = set(`
  agency newspaper daily paper broadcaster channel station outlet magazine website site portal publication
  network carrier airline company firm group bank lender insurer miner manufacturer automaker carmaker maker
  producer retailer startup start-up club party union organisation organization charity regulator watchdog
  ministry institute fund team side tabloid weekly publisher platform service conglomerate giant subsidiary
  provider supplier distributor chain brand label studio think-tank broadcasters operator developer
  outlets newspapers agencies companies banks
  diario periódico periodico cadena emisora canal agencia revista semanario rotativo
  quotidien chaîne chaine agence hebdomadaire mensuel
`);

/** Final words that make a capitalised phrase a place ("… River", "… Oblast"). */
export const PLACE_HEADS = set(`
  river sea ocean lake mountains mountain island islands bay gulf strait straits valley peninsula desert
  province region oblast county district territory territories street square avenue boulevard road bridge
  airport harbour harbor canal coast highlands heights plain plateau forest park falls delta basin reef
  archipelago krai kray raion municipality prefecture governorate republic channel sound lagoon steppe
  stadium arena station beach dam reservoir capitol site garden gardens palace castle cathedral plaza mall
  cemetery monument st ave blvd rd parkway highway
  republik konigreich insel inseln halbinsel provinz gebirge meer bucht
  область район край
`);

/** First words that make "X of Y" or "X Y" a place ("Gulf of …", "Lake …", "Mount …"). */
export const PLACE_FIRST = set('gulf sea bay isle island shire strait straits lake mount cape city republic kingdom province region district county port sierra');

/** Lowercase nouns that follow a place name ("the Odesa region") or precede "of" + place ("the town of X"). */
export const PLACE_NOUNS = set(`
  region oblast province district county city town village port capital island state municipality
  settlement commune republic country kingdom enclave suburb neighbourhood neighborhood area border river
  mine airport valley peninsula coast borough community hamlet
  область район місто село селище
`);

/** Prepositions that introduce a location ("in X", "near X", "from X"). */
export const PLACE_PREPOSITIONS = set(`
  in near to from into across outside inside throughout towards toward around via within beyond off
  between along northwest northeast southwest southeast north south east west
  у в до з із біля поблизу під
  à en dans vers près desde hacia nach aus bei
`);

/** Head words (last word) of events, which are not entities ("Korean War", "Paris Olympics"). */
export const EVENT_HEADS = set(`
  war wars battle revolution crisis olympics games cup championship championships festival summit
  conference treaty accord accords agreement election elections day week awards award prize massacre siege
  uprising offensive pandemic epidemic expo marathon forum convention protests protest rally tournament
  series derby trophy olympiad fair concert referendum genocide holocaust famine invasion act doctrine era
  age dynasty biennale showcase strike strikes talks bowl draft spring
  krieg weltkrieg spiele meisterschaft weltmeisterschaft europameisterschaft pokal gipfel krise wahl wahlen
  konferenz abkommen vertrag proteste woche messe turnier revolucion guerra guerre elecciones elections
  mundial juegos jeux campeonato championnat
`);

/** First words of events ("Operation Barbarossa", "Battle of …"). */
export const EVENT_FIRST = set(`
  operation battle siege treaty draft
  dia semana cumbre festival copa feria batalla operacion jour semaine sommet coupe foire bataille
  guerra guerre revolucion revolution elecciones elections mundial juegos jeux campeonato championnat
`);

/**
 * Ukrainian and Russian nouns of an event, in the nominative, where they head the name ("Національний день
 * служіння", "Міжнародний фестиваль …"); a genitive ("Дзеркало тижня") only qualifies another head.
 */
export const CYRILLIC_EVENT_WORDS = set('день тиждень фестиваль конкурс чемпіонат форум саміт марафон олімпіада неделя');

/** Lowercase words that may sit inside a name ("Bank of England", "Anko van der Werff"). */
export const NAME_CONNECTORS = set('of de da do dos das del della di du des van von der den la le al bin ibn y e zu ter ten');

/** Verbs that attribute speech or information. */
export const SPEECH_VERBS = set(`
  said says say saying stated states explained explains emphasized emphasised emphasizes emphasises added
  adds noted notes concluded concludes told tells wrote writes asked asks warned warns argued argues
  insisted insists claimed claims continued continues declared declares announced announces replied replies
  responded responds remarked remarks observed acknowledged acknowledges admitted admits recalled recalls
  stressed stresses underlined underscored suggested suggests commented comments tweeted posted confirmed
  confirms reported reports predicted predicts cautioned urged urges promised vowed complained joked laughed
  shouted whispered called calls described describes recounted countered conceded agreed boasted exclaimed
  maintained mused pledged protested reiterated repeated revealed speculated wondered highlighted assured
  affirmed alleged answered demanded explained stated told added
  сказав сказала сказали заявив заявила заявили заявляє заявляють повідомив повідомила повідомили
  повідомляє повідомляють додав додала додали зазначив зазначила зазначили наголосив наголосила
  наголосили пояснив пояснила пояснили підкреслив підкреслила розповів розповіла розповіли написав
  написала написали відповів відповіла каже кажуть говорить вважає запевнив запевнила попередив
  попередила попередили уточнив уточнила зауважив зауважила інформує пише передає
  сказал сказала сказали заявил заявила заявили сообщил сообщила сообщили сообщает добавил добавила
  отметил отметила подчеркнул подчеркнула пояснил пояснила рассказал рассказала написал написала
  ответил ответила говорит считает
  sagte sagten sagt sagen erklärte erklärten erklärt betonte betonten betont meinte meinten meint
  ergänzte ergänzt fügte warnte warnt kritisierte forderte berichtete berichtet schrieb schreibt
  äußerte erläuterte unterstrich bekräftigte versicherte räumte kündigte antwortete fragte rief
  exclamó gritó denunció criticó contó relató recordó insistió
  teilte mitteilte mitteilten hinzufügte ankündigte einräumte meldete hieß zitierte zitiert verkündete bestätigte kommentierte sprach ergänzte warnte
  dénonce dénoncé commente commenté raconte raconté rappelle rappelé poursuit reconnaît admet prévient
  prévenu martèle confie
  adding noting explaining telling asking writing commenting stating arguing warning claiming insisting
  declaring announcing recalling reiterating stressing acknowledging quipped conceded
  hailed praised welcomed criticised criticized condemned thanked lauded applauded denounced
  saluted slammed
  dijo dijeron dice dicen afirmó afirmaron afirma declaró declararon declara explicó explicaron explica
  señaló señalaron señala aseguró aseguraron asegura añadió agregó indicó indica manifestó comentó
  sostuvo advirtió expresó subrayó destacó reconoció precisó insistió apuntó admitió anunció respondió
  preguntó escribió
  déclaré déclare déclarent dit disent affirmé affirme expliqué explique ajouté ajoute souligné
  souligne estimé estime indiqué indique précisé précise assuré assure averti insisté reconnu confié
  annoncé répondu écrit lancé martelé demandé disant affirmant expliquant ajoutant soulignant précisant
  déclarant estimant
  diciendo afirmando explicando añadiendo señalando asegurando pidió
  comenta relata añade agrega sostiene advierte recuerda reconoce admite insiste responde
  ajoute raconte rappelle souligne estime affirme répond
  розповідає наголошує зазначає додає пояснює підкреслює
  informó informa informaron aclaró detalló reiteró opinó apuntó
  signalé signale rapporté rapporte annonce confirme confirmé témoigne témoigné
`);

/** Words that attribute a quotation to the name after them in one language only ("„…“, so Müller"). */
export const SPEECH_LEADS_GERMAN = set('so');

/** Words and pairs after which a name is the source of what is quoted or reported ("según X", "selon X", "laut X"). */
export const ATTRIBUTION_LEADS: readonly (readonly string[])[] = [
  ['according', 'to'],
  ['según'],
  ['de', 'acuerdo', 'con'],
  ['de', 'acuerdo', 'a'],
  ['selon'],
  ["d'après"],
  ['laut', 'angaben'],
  ['laut'],
  ['nach', 'angaben'],
  ['за', 'словами'],
  ['за', 'його', 'словами'],
  ['за', 'її', 'словами'],
  ['за', 'їхніми', 'словами'],
  ['по', 'словам'],
];

/** Verbs by which a body or outlet reports something ("X reported", "X released a video"). */
export const REPORT_VERBS = set(`
  said says stated states reported reports announced announces confirmed confirms released releases
  published publishes noted notes added warned warns wrote writes claimed claims told denied denies
  estimated estimates forecast forecasts called urged insisted explained revealed disclosed tweeted posted
  informed declared predicted projected calculated cited quoted
  повідомив повідомила повідомили повідомляє повідомляють заявив заявила заявили заявляє інформує пише
  передає оприлюднила оприлюднив підтвердила підтвердив підтвердили
  сообщил сообщила сообщили сообщает заявил заявила заявили
  publica publicó publican publicaron informa informó informan informaron reporta reportó
  publie publient rapporte rapportent berichtet berichtete berichten berichteten meldet meldete meldeten
  veröffentlichte veröffentlicht
`);

/** Words between a subject and its verb that do not break the link ("X also said", "X has confirmed"). */
export const VERB_FILLERS = set('also later then has have had further again previously earlier already separately on');

/** Nouns naming a document or data set whose origin is the real source ("data from X", "a statement by X"). */
export const DOCUMENT_NOUNS = set(`
  data figures statistics statement statements report reports estimates estimate survey poll study analysis
  count tally research records documents calculations assessment information findings forecast
  review audit sources estimations polls ranking rankings
`);

/** Verbs after which "by X" names the source ("polled by X", "cited by X"). */
export const BY_SOURCE_VERBS = set('polled surveyed cited quoted reported obtained seen published commissioned compiled released ranked rated listed estimated');

/** Subject pronouns that refer back to the last speaker. */
export const PRONOUNS = set('he she they він вона вони он она они er sie él ella ellos ellas il elle ils elles');

/** Conjunctions and adverbs that may open a speaker phrase without being part of it ("But he said"). */
export const SPEAKER_OPENERS = set('but and yet so however also then now later still instead meanwhile aber und doch pero y mais et але і та а');

/**
 * Conjunctions, subordinators, prepositions and sentence adverbs of German, Spanish, French and Ukrainian (the
 * English ones are function words in the lexicon): grammar, never a speaker ("…», коли мова йде про …").
 */
export const FOREIGN_FUNCTION_WORDS = set(`
  als wie wenn während weil obwohl dann jetzt hier dort wo ob dass und oder aber doch sondern auch noch schon nur nachdem bevor seit damit
  cuando mientras donde aunque porque si ya luego entonces pues como que y o pero sino aun incluso además tampoco solo sólo
  apenas después antes ahora aquí allí allá
  lorsque quand alors puis ensuite où si pourtant cependant donc car comme que qu' et ou mais encore déjà maintenant ici là
  коли якщо поки доки хоча бо тому тоді адже навіть лише тільки ніби наче щоб аби де куди звідки чому тут там зараз тепер вже
  ще як що і та а але або чи проте однак зокрема тобто після перед через
`);

/** Articles of the languages with full rules besides English, dropped from descriptive speakers ("der Minister"). */
export const FOREIGN_ARTICLES = set('der die das den dem des ein eine einen einem einer el la los las un una le les une');

/** Staff nouns through which a body speaks ("a Kremlin spokesman" speaks for the Kremlin). */
export const STAFF_NOUNS = set(
  'spokesman spokeswoman spokesperson spokespeople official officials representative representatives source sources statement press-office sprecher sprecherin sprechers portavoz porte-parole речник речниця',
);

/** Articles dropped from descriptive phrases. */
export const ARTICLES = set('the a an');

/** Words that end a descriptive speaker phrase ("said one broker on Monday"). */
export const PHRASE_STOPS = set(`
  on in at during after before when while as adding who which that because since earlier later yesterday
  today tonight last this according told to with
  ante durante tras desde en devant pendant lors après avant vor während gegenüber
`);

/** Month names and abbreviations. */
export const MONTHS = set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');

/** Weekday names and abbreviations. */
export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun');

/** Abbreviations of time zones, written after a clock time ("6 p.m. EDT", "1344 GMT"). */
export const TIME_ZONES = set('utc gmt bst ist cet cest eet eest wet west msk edt est cdt cst mdt mst pdt pst akst hst jst kst aest aedt acst awst nzst nzdt');

/** Heads of names of a time or an occasion ("New Year", "Independence Day", "Christmas Eve"), neither places nor bodies. */
export const TIME_HEADS = set('year day eve week');

/** Heads of names of a market index ("Dow Jones Industrial Average", "Nasdaq Composite", "the KOSPI index"). */
export const INDEX_HEADS = set('index indexes indices average composite');

/** Abbreviations written with a full stop that does not end a sentence. */
export const ABBREVIATIONS = set(`
  mr mrs ms dr prof gen col lt sgt capt maj brig adm cmdr gov sen rep rev hon st mt ft jan feb mar apr jun jul
  aug sep sept oct nov dec no vs etc inc ltd corp co jr sr dept univ ave blvd rd fig est vol approx
`);

/** Well-known abbreviations of country names, which look like acronyms but name places. */
export const COUNTRY_ABBREVIATIONS = set('us usa uk uae ussr dprk prc rok drc car ksa');

/** Roman numerals that may end a name ("World War II", "Charles III"). */
export const ROMAN_NUMERALS = set('ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi');

/** Sentence-initial words that are common words even though the lexicon lacks them. */
export const LEADING_FUNCTION_WORDS = set('the a an this that these those there here it its their his her our my your i we you he she they');

/** Sentence-initial function words of German, Spanish and French: grammar at a sentence start, part of a name elsewhere ("Le Monde"). */
export const FOREIGN_LEADING_WORDS = set(`
  in aus auf unter über uber vor zwischen gegen ohne um durch
  der die das den dem des ein eine einen einem einer im am vom zum zur beim auch aber und doch nach
  seit bei mit für laut wie als wenn dass es er sie wir ihr sein seine ihre unser dieser diese dieses
  el la los las un una unos unas lo al del en con por para según pero y también desde durante tras este
  esta estos estas ese esa su sus nuestro nuestra como cuando que
  le les une des du au aux dans avec pour par selon mais et aussi depuis pendant après ce cette ces
  son sa ses notre leur leurs comme quand que il elle ils elles nous d'après d’après
  в у на до з із від для про за під над між через після та і й а але що як це ця цей ці його її їх він
  вона вони ми ви я також вже ще
  ayer hoy anoche mañana manana entonces luego ahora además ademas hier demain alors ensuite maintenant
  gestern heute morgen dann jetzt вчора сьогодні завтра тоді зараз
  otra otro otras otros cada varias varios algunas algunos autre autres chaque plusieurs quelques
  andere anderer anderen jede jeder jedes інша інший інші кожен кожна
`);

/** Cyrillic prepositions and phrases that introduce a cited source ("За даними X"). */
export const SOURCE_LEADS_CYRILLIC: readonly (readonly string[])[] = [
  ['за', 'даними'],
  ['за', 'інформацією'],
  ['за', 'повідомленням'],
  ['як', 'повідомляє'],
  ['як', 'повідомила'],
  ['як', 'повідомили'],
  ['як', 'пише'],
  ['як', 'передає'],
  ['по', 'данным'],
  ['по', 'информации'],
  ['как', 'сообщает'],
  ['как', 'пишет'],
];

/**
 * Capitalised words and acronyms that are terms, not names: seasons, diseases and viruses, economic and
 * technical abbreviations, and the wiki projects (websites and works, not bodies). A span made of one of them
 * alone is no entity ("In Spring", "COVID", "GDP", "Wikipedia").
 */
export const NON_ENTITY_WORDS = set(`
  christmas easter whitsun pentecost lent advent ramadan eid hanukkah diwali thanksgiving halloween
  weihnachten ostern pfingsten silvester fasching karneval navidad nochebuena nochevieja pascua semana-santa
  epifania noel paques toussaint reveillon careme
  spring summer autumn fall winter fruhling fruhjahr sommer herbst primavera verano otono invierno
  printemps ete automne hiver
  god dios dieu gott бог бога богу господь allah
  usd eur gbp jpy cny rmb rub uah cuc mlc mxn brl ars chf cad aud inr krw pln czk huf sek nok dkk
  covid covid-19 sars sars-cov-2 mers hiv aids vih sida віл снід вич спид ebola mpox monkeypox measles cholera malaria polio
  influenza flu rsv tuberculosis tb dengue zika anthrax alzheimer alzheimers parkinson parkinsons h5n1 h1n1
  gdp gnp cpi vat ceo cfo coo cto ai it ict dna rna tv pc ok usb gps lng lpg suv ev evs ipo ipos phd mba faq pdf
  internet web online id sms url vpn 5g 4g 3g ufo atm pin vp lgbt lgbtq lgbtq+ q1 q2 q3 q4 esg r&d ppe icu er gmt utc cet est pst
  am pm bc ad ce bce mw gw kw kwh mwh gwh km kg mph
  pib iva tva bip mwst ipc ipp html http https ftp api sql xml json csv css glam ong ngo ngos pyme pymes pme
  deutsch englisch franzosisch spanisch russisch italienisch chinesisch arabisch ukrainisch polnisch
  espanol ingles frances aleman portugues ruso chino arabe italiano ucraniano catalan euskera gallego
  francais anglais allemand espagnol russe italien chinois ukrainien portugais
  mandarin cantonese swahili esperanto latin
  змі сми ввп днк дтп пдв
  wikipedia wikinews wikiquote wiktionary wikisource wikidata wikivoyage wikibooks wikiversity
`);

/** First words of a place's name in Spanish and French ("República Dominicana", "Islas Malvinas", "San José", "Île Maurice"). */
export const ROMANCE_PLACE_FIRST = set(`
  republica reino isla islas estado provincia ciudad sierra golfo mar rio lago monte cabo puerto san santa
  santo villa nueva nuevo costa
  republique royaume ile iles mont lac saint sainte cap port golfe ville nouvelle
`);

/**
 * Names of countries and major cities in German, Spanish and French (endonyms and exonyms that differ from
 * the English ones the lexicon has): a general gazetteer, so that "in Deutschland" is a place.
 */
export const FOREIGN_PLACE_NAMES = set(`
  sowjetunion udssr union-sovietica union-sovietique urss jugoslawien yugoslavia tschechoslowakei checoslovaquia
  deutschland osterreich schweiz frankreich spanien italien polen tschechien ungarn rumanien bulgarien
  griechenland turkei russland ukraine weissrussland belarus litauen lettland estland finnland schweden
  norwegen danemark niederlande belgien luxemburg grossbritannien england schottland irland
  vereinigte-staaten amerika kanada mexiko brasilien argentinien chile kolumbien china japan indien
  sudkorea nordkorea australien agypten israel iran irak syrien libanon saudi-arabien afrika europa asien
  großbritannien bayern sachsen hessen thuringen brandenburg niedersachsen nordrhein-westfalen
  baden-wurttemberg rheinland-pfalz schleswig-holstein mecklenburg-vorpommern saarland sachsen-anhalt
  tirol karnten steiermark salzburg bohmen mahren schlesien elsass lothringen
  munchen koln wien zurich genf prag warschau moskau kiew kyjiw charkiw odessa lemberg rom mailand
  venedig neapel lissabon bruessel brussel den-haag kopenhagen athen peking
  espana alemania francia italia polonia rusia ucrania reino-unido inglaterra estados-unidos canada mexico
  brasil japon china india corea egipto marruecos europa africa asia londres paris berlin roma moscu
  kiev nueva-york bruselas lisboa pekin
  allemagne espagne italie pologne russie royaume-uni angleterre etats-unis bresil mexique japon chine
  inde coree egypte maroc algerie tunisie belgique suisse autriche grece turquie europe afrique asie
  londres moscou bruxelles lisbonne pekin varsovie vienne geneve
  argentinien bolivien peru venezuela kuba jamaika nigeria kenia sudafrika athiopien marokko algerien
  tunesien libyen sudan jemen bahrain katar kuwait jordanien afghanistan pakistan bangladesch
  indonesien thailand vietnam kambodscha myanmar mongolei kasachstan usbekistan georgien armenien
  aserbaidschan moldau moldawien serbien kroatien slowenien slowakei bosnien albanien mazedonien
  nordmazedonien kosovo montenegro zypern malta island grönland gronland neuseeland lateinamerika
  sudamerika nordamerika mittelamerika mittelmeer ostsee nordsee schwarzes-meer kaukasus balkan
  nahost naher-osten volksrepublik-china taiwan tibet bukarest sofia budapest belgrad zagreb
  bratislava ljubljana lissabon dublin edinburgh stockholm oslo helsinki tallinn riga vilnius minsk
  ankara istanbul kairo teheran bagdad damaskus beirut jerusalem tokio seoul neu-delhi
  argentina bolivia peru colombia ecuador paraguay uruguay cuba nigeria kenia sudafrica etiopia
  marruecos argelia tunez libia sudan yemen bahrein barein catar qatar kuwait jordania siria libano
  irak iran afganistan pakistan turquia grecia suiza austria belgica holanda paises-bajos suecia
  noruega dinamarca finlandia irlanda escocia hungria rumania bulgaria serbia croacia bielorrusia
  georgia armenia azerbaiyan caucaso oriente-medio medio-oriente latinoamerica america-latina
  sudamerica norteamerica centroamerica mediterraneo gaza cisjordania palestina israel tibet taiwan
  japon filipinas tailandia birmania indonesia malasia australia nueva-zelanda
  argentine bolivie perou colombie equateur cuba nigeria kenya afrique-du-sud ethiopie libye soudan
  yemen bahrein qatar koweit jordanie syrie liban irak iran afghanistan pakistan turquie grece suede
  norvege danemark finlande irlande ecosse hongrie roumanie bulgarie serbie croatie bielorussie
  georgie armenie azerbaidjan caucase moyen-orient proche-orient amerique-latine amerique-du-sud
  amerique-du-nord mediterranee gaza cisjordanie palestine israel tibet taiwan japon philippines
  thailande birmanie indonesie malaisie australie nouvelle-zelande afrique-du-nord
  pays-bas ee-uu
  slovenie slovaquie tchequie lituanie lettonie estonie moldavie albanie macedoine bosnie montenegro chypre
  malte islande ukraine russie syrie irak iran israel
  eslovenia eslovaquia chequia lituania letonia estonia moldavia albania macedonia bosnia chipre malta islandia
`);

/** Lowercase nouns of German, Spanish and French right before a place's name ("la mer Méditerranée", "la ciudad de X"). */
export const FOREIGN_PLACE_NOUNS = set(`
  mer ocean golfe lac fleuve riviere mont ile iles ville region province departement pays capitale
  mar oceano golfo lago rio monte isla islas ciudad region provincia pais capital estado
  stadt region provinz hauptstadt insel fluss see meer
  vecinos habitantes residentes pobladores municipio barrio localidad pueblo villa
  habitants residents riverains commune quartier village localite bourg einwohner bewohner gemeinde dorf
  calle avenida paseo carretera rue avenue boulevard allee
  prision carcel penal penitenciaria reparto poblado caserio prison gefangnis
`);

/**
 * Generic nouns of a country's public bodies, which a nationality or a leader's name only describes ("the Turkish
 * parliament", "la Policía nicaragüense", "el Gobierno de Ortega"): such a phrase is a description, not a name.
 */
export const GENERIC_BODY_NOUNS = set(`
  government parliament police army regime gobierno parlamento policia ejercito regimen gouvernement parlement
  armee regierung polizei
`);

/** Words that make a generic body noun the country's own ("Policía Nacional", "Police nationale"). */
export const NATIONAL_WORDS = set('national nacional nationale nazionale');

/** First words that make a capitalised phrase an organisation in German, Spanish and French ("Organización Mundial …", "Ministère de …"). */
export const FOREIGN_ORG_FIRST = set(`
  organizacion ministerio gobierno universidad banco partido comision consejo tribunal instituto agencia
  fundacion asociacion federacion confederacion sindicato camara congreso senado corte policia ejercito
  organisation ministere gouvernement universite banque parti commission conseil institut agence
  fondation association federation confederation syndicat chambre assemblee senat cour police armee
  ministerium regierung universitat bank partei kommission rat gericht institut agentur stiftung verband
  bundesamt bundesministerium bundesregierung landesregierung polizei gewerkschaft
  fondo fonds programa oficina comite alianza movimiento mouvement servicio
  union compania sociedad societe compagnie groupe grupo frente front liga ligue alliance embajada ambassade
  consulado consulat ayuntamiento mairie secretaria asamblea parlamento parlement observatorio observatoire
  guardia gendarmerie rassemblement agrupacion coordinadora plataforma
`);

/** Last words that make a run of two or more words a body in any language ("Amnesty International", "Fondo Monetario Internacional"). */
export const INTERNATIONAL_HEADS = set('international internacional internationale internazionale');

/**
 * German nouns that follow "in", "nach" or "aus" without an article in fixed phrases ("in Zukunft",
 * "nach Hause", "aus Protest"): not places.
 */
export const GERMAN_BARE_NOUNS = set(`
  zukunft kraft haft hause ordnung frage angaben protest gefahr betrieb ruhe panik kontakt
  wirklichkeit wahrheit zusammenarbeit anwesenheit abwesenheit folge richtung sorge angst eile
  teilen summe kurze anbetracht bezug zeiten form hinsicht rente pension urlaub schach
  gewahrsam untersuchungshaft schutz sicherheit quarantane nahe hohe betracht erwagung aussicht anspruch
  gebrauch mode not trauer wut hoffnung flammen brand schutt asche trummern dienst amt fuhrung
  verbindung bewegung gang kauf rechnung auftrag besitz gewalt kauf empfang augenschein acht
`);

/** Planets and large moons, which stories about space name as places ("the orbit of Jupiter"). */
export const CELESTIAL_BODIES = set('mercury venus earth mars jupiter saturn uranus neptune pluto ganymede callisto enceladus');

/**
 * Names of countries, regions and major cities in Ukrainian (nominative, plus the stem a case form takes
 * where the vowel alternates: "Київ" → "Києві", "Львів" → "Львові"): a general gazetteer, matched with the
 * case endings removed, so that "в Україні" and "до Харкова" are places.
 */
export const CYRILLIC_PLACE_NAMES = set(`
  україна росія сша рф кнр фрн оае срср ссср штати америка європа азія африка австралія канада мексика бразилія аргентина перу чилі
  колумбія венесуела куба китай японія корея індія пакистан афганістан іран ірак сирія ізраїль палестина
  туреччина єгипет польща німеччина франція італія іспанія португалія британія англія шотландія ірландія
  нідерланди бельгія люксембург швейцарія австрія чехія словаччина угорщина румунія молдова болгарія
  сербія хорватія словенія греція кіпр мальта данія швеція норвегія фінляндія естонія латвія литва
  білорусь грузія вірменія азербайджан казахстан узбекистан монголія в'єтнам таїланд індонезія
  філіппіни нігерія кенія ефіопія марокко алжир лівія судан крим донбас кавказ балкани
  київ києв харків харков одеса дніпро львів львов запоріжжя херсон миколаїв миколаєв маріуполь вінниця
  полтава чернігів чернігов суми житомир рівне луцьк тернопіль тернопол івано-франківськ ужгород
  чернівці хмельницький черкаси кропивницький донецьк луганськ севастополь сімферополь бахмут ізюм
  буча ірпінь краматорськ слов'янськ мелітополь бердянськ кременчук кривий-ріг
  москва петербург варшава берлін париж лондон вашингтон нью-йорк брюссель відень прага рим мінськ
  вільнюс рига таллінн гельсінкі стокгольм осло анкара стамбул токіо пекін ліма
  індіана каліфорнія техас флорида огайо мічиган іллінойс вірджинія джорджія
  волинь закарпаття буковина поділля галичина слобожанщина
`);

/**
 * The stems of {@link CYRILLIC_PLACE_NAMES} whose vowel alternates, with the nominative each belongs to
 * ("Києві" and "Києва" are forms of "Київ"): the stems name no place in the nominative themselves.
 */
export const CYRILLIC_PLACE_STEM_NOMINATIVES: ReadonlyMap<string, string> = new Map([
  ['києв', 'київ'],
  ['харков', 'харків'],
  ['львов', 'львів'],
  ['миколаєв', 'миколаїв'],
  ['чернігов', 'чернігів'],
  ['тернопол', 'тернопіль'],
]);

/** Common Ukrainian given names in the nominative. */
export const UKRAINIAN_GIVEN_NAMES = set(`
  олександр олексій андрій анатолій антон артем арсен богдан борис вадим валентин валерій василь віктор
  віталій владислав володимир вʼячеслав в'ячеслав геннадій георгій григорій данило денис дмитро євген
  едуард захар іван ігор ілля йосип кирило костянтин леонід максим марко микола михайло назар олег
  остап павло петро роман руслан сергій станіслав степан тарас тимофій федір юрій ярослав яків
  олена ольга оксана ірина наталія наталя наталка тетяна світлана людмила галина ганна анна марія
  юлія катерина вікторія валентина надія любов леся лариса софія соломія христина дарина аліна
  інна алла віра зоя уляна ярина яна мирослава тамара раїса ніна лідія алла вероніка олеся
`);

/** Common Russian given names in the nominative (some are written alike in Ukrainian). */
export const RUSSIAN_GIVEN_NAMES = set(`
  александр алексей андрей анатолий дмитрий евгений игорь илья николай михаил олег павел пётр петр
  сергей юрий владимир виктор василий вячеслав геннадий григорий константин владислав ярослав
  елена ольга ирина наталья татьяна светлана людмила галина анна мария юлия екатерина виктория
  надежда любовь лариса софья кристина дарья алина инна вера
`);

/**
 * Common Ukrainian and Russian given names in the nominative: a general list (the most frequent names of
 * both languages), matched in any case by {@link isCyrillicGivenName} in wordclass.ts.
 */
export const CYRILLIC_GIVEN_NAMES: ReadonlySet<string> = new Set([...UKRAINIAN_GIVEN_NAMES, ...RUSSIAN_GIVEN_NAMES]);

/**
 * Lowercase nouns of Spanish and French that describe a company, party or outlet right before its name
 * ("el partido X", "la empresa X", "l'entreprise X", "le parti X").
 */
export const ROMANCE_ORG_DESCRIPTORS = set(`
  partido empresa compañía compania sociedad grupo firma marca aerolínea aerolinea banco fundación fundacion
  organización organizacion sindicato club fabricante constructora operadora cadena diario periódico periodico
  emisora agencia revista canal portal movimiento coalición coalicion plataforma asociación asociacion
  entreprise société societe groupe firme marque banque fondation syndicat constructeur fabricant opérateur
  operateur parti mouvement coalition association journal quotidien chaîne chaine agence hebdomadaire
  magazine site média media radio télévision television medio
`);

/** Heads of German compounds that describe a company, party or outlet before its name ("der Autobauer X", "die Partei X"). */
export const GERMAN_ORG_DESCRIPTOR_HEADS = [
  'firma',
  'konzern',
  'unternehmen',
  'autobauer',
  'hersteller',
  'zeitung',
  'partei',
  'sender',
  'verlag',
  'verein',
  'gewerkschaft',
  'bank',
  'versicherer',
  'fluggesellschaft',
  'airline',
  'gruppe',
  'organisation',
  'stiftung',
  'agentur',
  'magazin',
  'portal',
  'plattform',
  'bewegung',
  'betreiber',
  'handelskette',
  'kette',
  'startup',
];

/** Nouns for a statement a body issues ("statement", "comunicado", "communiqué", "Mitteilung", "заява"), folded. */
export const STATEMENT_NOUNS: ReadonlySet<string> = new Set(
  'statement release communique comunicado declaracion nota mensaje declaration message mitteilung pressemitteilung erklarung stellungnahme заява заяву заяві повідомлення звернення'
    .split(' ')
    .map(foldKey),
);

/** Words that make a "release" a document ("press release", "news release"); alone it is as often a person's freedom. */
export const PRESS_WORDS: ReadonlySet<string> = new Set(['press', 'news', 'media']);
