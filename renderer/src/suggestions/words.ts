/**
 * The words the capitalised-name detector reads around names, in the Latin-script languages Casebook meets most
 * (English, French, Dutch, German, Spanish, Italian, Portuguese, Polish). Every list is lower case. A document in
 * another language is read with all of them.
 */
import { fold } from '../search/fold';

/** A list as the detector compares words: folded for case and accents ("maître" is "maitre"). */
const list = (words: string) => new Set(words.split(/\s+/).filter(Boolean).map(fold));

/** Languages with lists of their own; the key is the language's primary subtag. */
export const LIST_LANGUAGES = ['en', 'fr', 'nl', 'de', 'es', 'it', 'pt', 'pl'] as const;
type ListLanguage = (typeof LIST_LANGUAGES)[number];

/**
 * Function words and sentence openers: capitalised only because a sentence starts with them ("The", "However",
 * "Selon", "Volgens", "Według"), so they are taken off the front of a name found at a sentence's start, and are never
 * a name alone.
 */
const FUNCTION_WORDS: Record<ListLanguage, Set<string>> = {
  en: list(`
    a an the this that these those there here it its it's he she they we you i me him her them us our their his my your
    who whom whose which what when where why how and or but nor so yet if then than because while although though as
    at by for from in into of off on onto out over to under up upon with within without about above across after
    against along among around before behind below beneath beside between beyond during except inside near since
    through throughout toward towards until via
    all any both each either every few many more most much neither no none other others several some such
    also however meanwhile moreover furthermore nevertheless nonetheless instead indeed thus therefore hence still
    already again yesterday today tomorrow tonight now later earlier last next first second third finally once
    according asked said says told added noted not never only just even perhaps maybe yes please thanks
    is are was were be been being has have had do does did will would shall should can could may might must
    mr mrs ms dr
  `),
  fr: list(`
    le la les l un une des du de d au aux ce cet cette ces il elle ils elles on nous vous je tu lui leur leurs son sa
    ses mon ma mes ton ta tes notre nos votre vos qui que quoi dont où quand comment pourquoi et ou mais donc or ni car
    si alors puis comme selon dans par pour sur sous avec sans chez vers entre depuis pendant après avant contre
    devant derrière parmi malgré durant dès jusqu jusque lors hier aujourd demain ensuite enfin cependant toutefois
    pourtant néanmoins ainsi aussi encore déjà également notamment d'après en y ne pas plus moins très tout tous toute
    toutes plusieurs certains certaines chaque aucun aucune autre autres c ça cela ceci est sont était été a ont avait
  `),
  nl: list(`
    de het een die dat deze dit daar hier er hij zij ze wij we jij je u hem haar hun ons onze mijn zijn jullie wie wat
    waar wanneer waarom hoe welke en of maar want dus noch als dan omdat terwijl hoewel toen in op aan bij met van voor
    naar uit over onder tussen tegen door zonder sinds tijdens na om tot volgens binnen buiten naast achter langs
    gisteren vandaag morgen daarna daarnaast bovendien echter ook nog al verder toch wel niet geen alle elke ieder
    sommige veel meer meest enkele is zijn was waren wordt werd worden werden heeft hebben had hadden kan kon zal zou
    moet moest mag
  `),
  de: list(`
    der die das den dem des ein eine einen einem einer eines dieser diese dieses diesen diesem jener es er sie wir ihr
    ich du ihm ihn ihnen uns unser mein sein ihre wer was wo wann warum wie welche welcher und oder aber denn sondern
    doch wenn als ob weil während obwohl in im an am auf aus bei mit nach seit von vom vor zu zum zur über unter
    zwischen gegen durch ohne um bis laut gestern heute morgen danach außerdem jedoch auch noch schon nicht kein keine
    alle jeder jede viele mehr einige ist sind war waren wird wurde werden wurden hat haben hatte hatten kann konnte
    soll sollte muss
  `),
  es: list(`
    el la los las lo un una unos unas este esta estos estas ese esa esos esas aquel él ella ellos ellas nosotros
    vosotros usted ustedes yo tú le les su sus mi mis quien quién que qué cuando dónde donde cómo como por porque y e
    o u pero ni si sino en de del al a con sin sobre bajo entre hacia hasta desde durante según tras ante contra ayer
    hoy mañana después además sin embargo también todavía ya no todo todos toda todas cada otro otra otros varios
    muchos es son era fue fueron ha han había
  `),
  it: list(`
    il lo la i gli le un uno una questo questa questi queste quello quella egli ella lui lei loro noi voi io tu suo
    sua suoi sue mio mia chi che cosa quando dove come perché e ed o ma né se però in di del della dei degli delle
    da dal dalla a al alla con su sul sulla per tra fra secondo durante dopo prima contro ieri oggi domani inoltre
    tuttavia anche ancora già non tutto tutti ogni altro altri molti è sono era erano fu stato ha hanno aveva
  `),
  pt: list(`
    o a os as um uma uns umas este esta estes estas esse essa esses essas ele ela eles elas nós vós eu tu lhe lhes
    seu sua seus suas meu minha quem que quando onde como porque e ou mas nem se em no na nos nas de do da dos das
    ao aos à às com sem sobre sob entre para por pelo pela até desde durante segundo após contra ontem hoje amanhã
    depois além também ainda já não todo todos toda todas cada outro outros muitos é são era foi foram tem têm
  `),
  pl: list(`
    w we z ze na do od o u za po przed przez pod nad przy dla bez między według podczas wobec oraz i a ale lub albo
    czy że bo gdy kiedy jak jeśli jeżeli choć chociaż więc też także jednak również już jeszcze nie tak to ten ta te
    tego tej tych ci on ona ono oni one my wy ja ty jego jej ich nasz wasz kto co gdzie dlaczego który która które
    wczoraj dzisiaj dziś jutro potem następnie wszystko wszyscy każdy inny inne wiele jest są był była było byli
    były ma mają miał
  `),
};

/** Month and day names: capitalised in several of these languages, and never a name here ("March", "Tuesday"). */
const CALENDAR_WORDS: Record<ListLanguage, Set<string>> = {
  en: list(`
    january february march april may june july august september october november december jan feb mar apr jun jul
    aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri
    sat sun
  `),
  fr: list(`
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi
    vendredi samedi dimanche
  `),
  nl: list(`januari februari maart april mei juni juli augustus september oktober november december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag`),
  de: list(`januar februar märz april mai juni juli august september oktober november dezember montag dienstag mittwoch donnerstag freitag samstag sonntag`),
  es: list(`enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo`),
  it: list(`gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica`),
  pt: list(`janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro segunda terça quarta quinta sexta sábado domingo`),
  pl: list(`
    styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień stycznia lutego
    marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia poniedziałek wtorek środa
    czwartek piątek sobota niedziela
  `),
};

/**
 * Lower-case words that stand inside a name between two capitalised words: "Frédéric van Leeuw", "Bank of England",
 * "Ministère de la Justice". They never start or end one.
 */
export const NAME_CONNECTORS = list(`
  of for the van von der den de du des la le di da dos das del della ter ten te y al bin ibn zu d
`);

/**
 * Titles and honorifics that stand before a person's name: taken off the name and read as a sign it is a person's
 * ("Chief Inspector Rhona Achterberg" is "Rhona Achterberg"). Only words that are not names themselves.
 */
export const PERSON_TITLES = list(`
  mr mrs ms miss mx dr prof sir dame lord lady president vice minister secretary chancellor senator governor mayor
  judge prosecutor inspector detective chief superintendent sergeant constable commissioner commander captain
  colonel lieutenant officer agent ambassador councillor deputy director spokesman spokeswoman spokesperson
  attorney counsel pope king queen prince princess saint st
  m mme mlle me monsieur madame maître procureur procureure juge commissaire maire ministre président présidente
  dhr mevr mevrouw meneer burgemeester officier rechter hoofdinspecteur
  herr frau staatsanwalt staatsanwältin richter richterin kommissar kommissarin bürgermeister
  sr sra señor señora don doña fiscal juez jueza alcalde alcaldesa
  sig signor signora dott procuratore giudice sindaco
  pan pani prokurator prokuratorka sędzia prezydent premier komisarz burmistrz
`);

/**
 * Lower-case words for what a person is or does, which stand before a name without being part of it: "chief
 * prosecutor Helena Marwick", "the businessman Tomás Ferreira-Lobo", "rzecznik prokuratury Tomasz Lis".
 */
export const PERSON_ROLES = list(`
  lawyer solicitor barrister counsel advocate depute businessman businesswoman spokesman spokeswoman spokesperson
  owner founder chairman chairwoman ceo director manager haulier dealer broker accountant witness suspect defendant
  victim colleague wife husband son daughter brother sister father mother journalist reporter
  avocat avocate porte-parole directeur directrice fondateur fondatrice patron gérant gérante témoin suspect
  woordvoerder advocaat eigenaar verdachte getuige
  sprecher sprecherin anwalt anwältin verteidiger geschäftsführer zeuge
  portavoz abogado abogada empresario testigo
  avvocato portavoce imprenditore testimone
  advogado advogada porta-voz empresário
  rzecznik rzeczniczka adwokat dyrektor prezes biznesmen świadek podejrzany
`);

/** Letters after a person's name: "Eleanor Vance KC", "Jane Doe MP". They are not part of the name. */
export const POST_NOMINALS = list(`kc qc sc mp mep msp ms obe mbe cbe kbe dbe phd jr sr esq`);

/** Words of places' names: "Marlow Quay", "South America", "Place de la Bourse", "Morze Bałtyckie". */
export const PLACE_WORDS = list(`
  quay street road avenue square bridge airport station river lake mount mountains island islands bay coast valley
  district county province region sea ocean gulf strait canal north south east west northern southern eastern
  western central
  rue quai place boulevard pont fleuve rivière lac île baie côte vallée département mer océan golfe nord sud ouest
  straat plein kade brug rivier eiland zee noord zuid oost
  straße strasse platz brücke fluss insel süd
  ulica plac rzeka jezioro wyspa morze
  calle plaza puente río isla norte oeste
  via piazza ponte fiume isola mare
`);

/** Words of organisations' names, in several languages: a name holding one is an organisation's. */
export const ORGANISATION_WORDS = list(`
  ltd limited inc corp corporation co company plc llc llp group holdings holding partners bank banco banque banca
  trust fund foundation association union federation council commission committee authority agency service services
  police ministry department office bureau court tribunal parliament government army navy university college
  institute school hospital church party network logistics shipping transport freight airlines airways media news
  press times herald gazette post club society fisheries industries enterprises trading ventures investments
  sa sarl sas ag gmbh kg bv nv vzw asbl spa srl sl oy ab
  société compagnie groupe ministère parquet gendarmerie police préfecture tribunal cour agence office conseil
  fédération syndicat université banque caisse
  politie ministerie rechtbank parket gemeente douane stichting vereniging bedrijf
  polizei ministerium gericht staatsanwaltschaft zoll stiftung verein gesellschaft
  policía ministerio tribunal juzgado fiscalía empresa sociedad fundación asociación
  polizia ministero procura tribunale società
  polícia ministério procuradoria empresa sociedade
  policja ministerstwo prokuratura sąd urząd spółka fundacja stowarzyszenie agencja straż
  trading traders gallery galleries art arts storage studio studios securities capital investments
  guardia carabinieri gendarmerie
  europol eurojust interpol frontex olaf
`);

/**
 * German writes compounds: "Landgericht", "Oberstaatsanwalt". A German word ending with one of these is an
 * organisation's word, or a title.
 */
export const GERMAN_ORGANISATION_ENDINGS = ['gericht', 'polizei', 'anwaltschaft', 'ministerium', 'behörde', 'amt', 'bank', 'verein', 'stiftung', 'partei', 'gesellschaft', 'verband', 'kammer', 'institut', 'universität', 'klinik', 'zoll'].map(fold);
export const GERMAN_TITLE_ENDINGS = ['staatsanwalt', 'staatsanwältin', 'kommissar', 'kommissarin', 'richter', 'richterin', 'minister', 'ministerin', 'präsident', 'präsidentin', 'sprecher', 'sprecherin', 'meister', 'meisterin'].map(fold);

/** Words before a place: "in Antwerp", "à Marseille", "naar Rotterdam", "w Gdańsku". A sign, not proof. */
export const PLACE_PREPOSITIONS = list(`
  in at from near outside
  à au aux en vers depuis près

  naar uit te bij
  nach aus bei
  en desde hacia
  a da verso
  em para
  w we do z ze pod koło
`);

/** Articles that may stand between a place preposition and the place: "vers l’Espagne", "près du Perthus". */
export const PLACE_ARTICLES = list(`the le la les l du des de het der die dem den el los las lo il lo`);

/** Lower-case words before a place's name in English and French text: "the port of Antwerp", "la ville de Tanger". */
export const PLACE_NOUNS = list(`city town village port harbour harbor capital province region county state country island ville port région pays capitale stad haven provincie stadt hafen miasto port`);

function languageOf(language: string | null): ListLanguage | null {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0]!;
  return (LIST_LANGUAGES as readonly string[]).includes(primary) ? (primary as ListLanguage) : null;
}

const union = (sets: Iterable<Set<string>>) => {
  const all = new Set<string>();
  for (const set of sets) for (const word of set) all.add(word);
  return all;
};

export interface LanguageWords {
  /** Function words of the document's language and of English (quoted English is common in any news). */
  functionWords: ReadonlySet<string>;
  calendarWords: ReadonlySet<string>;
}

const cache = new Map<string, LanguageWords>();

/** The lists for a document's language: its own and English, or all of them when the language is unknown. */
export function wordsFor(language: string | null): LanguageWords {
  const known = languageOf(language);
  const cacheKey = known ?? '*';
  let words = cache.get(cacheKey);
  if (!words) {
    const languages: ListLanguage[] = known ? [...new Set<ListLanguage>([known, 'en'])] : [...LIST_LANGUAGES];
    words = {
      functionWords: union(languages.map((code) => FUNCTION_WORDS[code])),
      calendarWords: union(languages.map((code) => CALENDAR_WORDS[code])),
    };
    cache.set(cacheKey, words);
  }
  return words;
}

/** The primary language of a document, lower case ("nl" for "nl-BE"), or null. */
export function primaryLanguage(language: string | null): string | null {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0];
  return primary || null;
}
