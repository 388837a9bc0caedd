/**
 * The app's one set of chrono-node parsers: the dates found in documents (`renderer/src/dates`), the importer's dates
 * and the dates typed in the event form (`readEventDate.ts`) are all read by these. Which parser reads a text is
 * chosen by its language, and a few readings are added to chrono's: a year
 * after a preposition ("in 2019", "seit 2019"), Polish month names ("3 października 2022"), which chrono has no
 * locale for, and the Spanish "el año pasado", which its Spanish parser misses.
 */
import { Chrono, de, en, es, fi, fr, it, ja, nl, pt, ru, sv, uk, zh, type Parser, type ParsingContext } from 'chrono-node';

/** The languages chrono reads, by their primary subtag; English is chosen by region (below). */
const LOCALES: Record<string, Chrono> = { de: de.casual, es: es.casual, fr: fr.casual, nl: nl.casual, pt: pt.casual, it: it.casual, sv: sv.casual, fi: fi.casual, ru: ru.casual, uk: uk.casual, ja: ja.casual, zh: zh.casual };

/** Regions that write numeric dates month first (`mm/dd/yyyy`); every other language and region writes day first. */
const MONTH_FIRST_REGIONS = new Set(['us', 'ph', 'fm', 'mh', 'pw', 'as', 'gu', 'mp', 'pr', 'vi', 'um']);

/** "en-US" reads 03/10/2021 as 10 March; "en", "en-GB", "de" and the rest read it as 3 October. */
export function readsMonthFirst(language: string | null): boolean {
  const [primary, region] = (language ?? '').toLowerCase().split(/[-_]/);
  return primary === 'en' && region !== undefined && MONTH_FIRST_REGIONS.has(region);
}

/** The primary subtag of a language chrono reads ("de" for "de-AT"), or null for one it does not. */
export function chronoLanguage(language: string | null): string | null {
  const primary = (language ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return primary === 'en' || primary in LOCALES ? primary : null;
}

const POLISH_MONTHS = 'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia'.split(' ');

/** "3 października 2022", "3. maja 2021 r.": the genitive month names Polish dates are written with. */
export const polishDates: Parser = {
  pattern: () => new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s+(${POLISH_MONTHS.join('|')})\\s+(\\d{4})(?!\\d)`, 'iu'),
  extract: (_context, match) => ({ day: Number(match[1]), month: POLISH_MONTHS.indexOf(match[2]!.toLowerCase()) + 1, year: Number(match[3]) }),
};

/** Words a year is written after when it stands alone as a date, in the languages read. */
const YEAR_PREPOSITIONS = [
  'in', 'and', 'or', 'since', 'by', 'about', 'around', 'circa', 'approximately', 'etwa', 'gegen', 'hacia', 'vers', 'rond', 'cerca de', 'until', 'till', 'before', 'after', 'during', 'from', 'to', 'throughout', 'of', 'in the year', 'early', 'late', 'mid',
  'und', 'oder', 'y', 'et', 'e', 'im', 'im jahr', 'im jahre', 'seit', 'bis', 'vor', 'nach', 'ab', 'von', 'anfang', 'ende', 'mitte',
  'en', 'en el año', 'desde', 'hasta', 'antes de', 'después de', 'a principios de', 'a finales de', 'de',
  "en l'an", 'depuis', "jusqu'en", 'avant', 'après', 'début', 'fin',
  'sinds', 'tot', 'voor', 'na', 'begin', 'eind',
  'em', 'no ano de', 'até', 'antes de', 'depois de',
  'nel', 'dal', 'fino al', 'prima del', 'dopo il',
];
/** After the year: punctuation, the end, a capital, or a little word, so "in 2000 cases" is not a year. */
const AFTER_YEAR =
  "(?=\\s*$|\\s*[,.;:!?)\\]'’\"”–—-]|\\s+\\p{Lu}|\\s+(?:and|or|but|when|to|until|till|bis|hasta|au|à|tot|al|the|a|an|he|she|it|they|we|was|were|is|had|has|that|as|und|oder|als|wurde|war|y|o|cuando|el|la|et|ou|quand|il|elle|le|en|toen|werd|e|quando|foi)\\b)";
/** "In" or "in": a word's first letter in either case, its spaces any run of spaces. */
const anyFirstCase = (word: string) => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1).replace(/[.]/g, '\\.').replace(/ /g, '\\s+')}`;
const YEAR_PATTERN = new RegExp(
  `(?<![\\p{L}])(?:${YEAR_PREPOSITIONS.map(anyFirstCase).join('|')})\\s+(1[89]\\d\\d|20\\d\\d|21\\d\\d)(?!\\d)${AFTER_YEAR}`,
  // Case-sensitive, so that a capital after the year is a capital.
  'u',
);

/**
 * "in 2019", "seit 2019", "en 2019": a year alone, at year precision (chrono reads years only beside a month). The
 * preposition is part of the match, as chrono drops matches that are only a number; `findDates` leaves it out again.
 */
export const yearsAfterPrepositions: Parser = {
  pattern: () => YEAR_PATTERN,
  extract: (_context, match) => ({ year: Number(match[1]) }),
};

const GERMAN_MONTHS = 'januar jänner februar märz april mai juni juli august september oktober november dezember'.split(' ');

/**
 * "im Juli", "seit März", "Dezember 2019": a German month named alone or with its year, which chrono's German reads
 * only with a day. Alone, only after a preposition: "August" is also a name.
 */
export const germanMonths: Parser = {
  pattern: () => new RegExp(`(?<![\\p{L}])(?:(im|seit|ab|bis|anfang|ende|mitte)\\s+)?(${GERMAN_MONTHS.join('|')})(?![\\p{L}])(?:\\s+(\\d{4})(?!\\d))?`, 'iu'),
  extract: (_context, match) => {
    if (!match[1] && !match[3]) return null;
    // Januar and Jänner are both the first month.
    const month = Math.max(1, GERMAN_MONTHS.indexOf(match[2]!.toLowerCase()));
    return match[3] ? { month, year: Number(match[3]) } : { month };
  },
};

/** "el año pasado", "del año pasado": chrono's Spanish reads "el año que viene" but not the year before. */
export const spanishLastYear: Parser = {
  pattern: () => /(?<![\p{L}])(?:el|del)\s+año\s+pasado(?![\p{L}])/iu,
  extract: (context: ParsingContext) => {
    const components = context.createParsingComponents({ year: context.reference.instant.getUTCFullYear() - 1 });
    components.addTag('result/relativeDate');
    return components;
  },
};

const configured = new Map<string, Chrono>();

function withAdditions(base: Chrono, additions: Parser[]): Chrono {
  const chrono = base.clone();
  chrono.parsers.push(...additions);
  return chrono;
}

/**
 * The parser for a document's language: chrono's own for the languages it has (English month first for US English,
 * day first otherwise); for the rest (Polish, Czech, unknown…) English read day first, which still reads ISO and
 * numeric dates, with Polish month names.
 */
export function chronoFor(language: string | null): Chrono {
  const primary = chronoLanguage(language);
  const key = primary === 'en' ? (readsMonthFirst(language) ? 'en-us' : 'en') : (primary ?? 'other');
  let chrono = configured.get(key);
  if (!chrono) {
    const base = key === 'en-us' ? en.casual : key === 'en' || key === 'other' ? en.GB : LOCALES[key]!;
    chrono = withAdditions(base, [yearsAfterPrepositions, polishDates, ...(key === 'es' ? [spanishLastYear] : []), ...(key === 'de' ? [germanMonths] : [])]);
    configured.set(key, chrono);
  }
  return chrono;
}

/**
 * The parser the importer reads metadata and pages with, before their language is certain: the formats every
 * language chrono has writes in full ("14 March 2023", "14. März 2023", "8 de junio de 2022", "2023年5月20日"),
 * plus Polish; strict, so nothing vague or relative.
 */
export function fullDateReader(monthFirst: boolean): Chrono {
  const key = monthFirst ? 'reader-us' : 'reader';
  let chrono = configured.get(key);
  if (!chrono) {
    const english = new Chrono(en.configuration.createConfiguration(true, !monthFirst));
    const others = [de.strict, fr.strict, es.strict, nl.strict, it.strict, pt.strict, ja.strict];
    chrono = new Chrono({ parsers: [...english.parsers, ...others.flatMap((other) => other.parsers), polishDates], refiners: english.refiners });
    configured.set(key, chrono);
  }
  return chrono;
}
