/**
 * The language-independent detector of names for Latin-script text: runs of capitalised words ("Frédéric Van Leeuw",
 * "Banco Meridional", "Sky ECC"). Its rules, in the order they apply:
 *
 * 1. Lines written all in capitals ("ADVERTISEMENT", "BREAKING NEWS") are not read: capitals say nothing there.
 * 2. A name is a run of words starting with a capital (or acronyms of two to six capitals), on one line, separated by
 *    single spaces. Lower-case name particles and connectors may stand between two of them ("van", "de la", "of").
 *    Punctuation ends a run, except the full stop of an initial or a title ("J. Smith", "Mr. Smith").
 * 3. Month and day names ("March", "mardi", "Montag") end a run and are never names.
 * 4. At a sentence's start (a line's start, after . ! ? : ; or an opening quote), function words of the language and
 *    of English ("The", "However", "Selon", "Volgens", "Według") are taken off the front.
 * 5. Titles before a name are taken off and make it a person's ("Chief Inspector Rhona Achterberg").
 * 6. A single word at a sentence's start is a name only if the text also writes it capitalised inside a sentence,
 *    alone or ending a name ("Police said…" is not one unless "…told Police…" is there too), or it is an acronym;
 *    otherwise it is tentative, kept only as the surname of a person named in full or a name found otherwise.
 *    The first of several words at a sentence's start is dropped when the text never writes it capitalised inside a
 *    sentence and it is neither a known first name nor a word of organisations' names ("Funkcjonariusze Krajowej
 *    Administracji Skarbowej" is "Krajowej Administracji Skarbowej"; "Claire Dubois-Nguyen a indiqué" stays whole),
 *    unless the text writes the same words inside a sentence too ("…belongs to Brightwater Fisheries." then
 *    "Brightwater Fisheries did not answer…").
 * 7. German capitalises every noun: there a single word is a name only when it is an acronym or follows a title;
 *    several words only when one is a first name, an acronym or an organisation's word (compounds too:
 *    "Landgericht Elmshafen", not "Millionen Euro"); titles are read in compounds too ("Oberstaatsanwalt"); and nouns
 *    before a connector are not part of the name after it ("Hafen von Hamburg" is "Hamburg").
 *    Dutch capitalises adjectives of nations: single words ending in -se or -sche ("Belgische") are not names.
 * 8. Possessives are taken off the end ("Marwick's" is "Marwick"); a French elision off the front ("d’Anvers");
 *    letters after a name ("Eleanor Vance KC") off the end, as a sign of a person.
 *
 * Each name found gets a type when a sign says so: a word of organisations' names or an acronym (organisation), a
 * title, letters after the name or a role before it ("prosecutor", "avocat": person), a word of places' names
 * ("Quay", "South": place); or, more weakly, a place preposition or noun before it ("in", "port of", "à", "naar":
 * place), or a word written as a brand is ("EncroChat": organisation). A run of two or more words with none of these
 * is guessed to be a person's name, more weakly still; a single word has no type.
 */
import { isAcronym } from './keys';
import type { SuggestionType } from './types';
import {
  GERMAN_ORGANISATION_ENDINGS,
  GERMAN_TITLE_ENDINGS,
  NAME_CONNECTORS,
  ORGANISATION_WORDS,
  PERSON_ROLES,
  PERSON_TITLES,
  PLACE_ARTICLES,
  PLACE_NOUNS,
  PLACE_PREPOSITIONS,
  PLACE_WORDS,
  POST_NOMINALS,
  primaryLanguage,
  wordsFor,
} from './words';
import { fold } from '../search/fold';

/**
 * How a type was found: a sign in the name (a title, a word of organisations' names, an acronym), the language model,
 * a hint beside the name (a place preposition), or a guess from the name's shape. In that order they prevail.
 */
export type TypeStrength = 'sign' | 'model' | 'hint' | 'guess';

export interface NameSpan {
  start: number;
  end: number;
  text: string;
  type: SuggestionType | null;
  strength: TypeStrength | null;
  /**
   * A single word at a sentence's start that rule 6 does not vouch for ("Marwick said…"): a name only if it is the
   * surname of a person named in full, or a name found otherwise (the engine decides, over a whole batch).
   */
  tentative?: boolean;
}

export interface DetectorOptions {
  language: string | null;
  /** Whether a single word is a common word of the language (English: a demonym, a verb…), so not a name alone. */
  isCommonWord?: (word: string) => boolean;
  /** Whether a word is a known first name ("Claire", "Tomasz"), which may start a sentence as part of a name. */
  isGivenName?: (word: string) => boolean;
}

interface Token {
  start: number;
  end: number;
  text: string;
  /** The word starts a sentence (rule 4). */
  sentenceStart: boolean;
  capitalised: boolean;
  /** What stands between the previous token of the line and this one. */
  gap: string;
  /** The word had a suffix that says it is a place ("-based", "-born"). */
  placeSuffix?: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-‐][\p{L}\p{M}\p{N}]+)*['’]?/gu;
/** Lower-case parts after a hyphen at the end of a word: "-based" in "Canada-based". */
const LOWER_SUFFIX = /(?:[-‐]\p{Ll}[\p{L}\p{M}]*)+['’]?$/u;
const PLACE_SUFFIXES = /^[-‐](?:based|born|bound|headquartered|registered)\b/u;
const ELISION = /^(?:[ldjmnstc]|qu)['’](?=\p{L})/iu;
const SENTENCE_END = /[.!?…:;•·|]/;
const OPENING_QUOTE = /["“«„‘(]\s*$/;
const HAS_LOWER = /\p{Ll}/u;
const HAS_LETTER = /\p{L}/u;
const STARTS_CAPITAL = /^\p{Lu}/u;
const MAX_WORDS = 8;

const folded = (word: string) => fold(word.replace(/['’]s?$/u, ''));

/** The words of one line, each knowing whether it starts a sentence. */
function tokensOf(text: string, lineStart: number, lineEnd: number, titles: ReadonlySet<string>): Token[] {
  const line = text.slice(lineStart, lineEnd);
  const tokens: Token[] = [];
  let previousEnd = 0;
  let previous: Token | null = null;
  for (const match of line.matchAll(WORD)) {
    let start = match.index;
    let word = match[0];
    const gap = line.slice(previousEnd, start);
    let sentenceStart = previous === null || SENTENCE_END.test(gap) || OPENING_QUOTE.test(gap);
    // "Mr. Smith", "J. Smith": the full stop of an abbreviation does not end the sentence.
    if (previous && sentenceStart && /^\.\s$/.test(gap) && (titles.has(fold(previous.text)) || /^\p{Lu}$/u.test(previous.text))) sentenceStart = false;
    const elided = ELISION.exec(word);
    if (elided) {
      // The elided article is a word of its own, and never a name: "l’Office" is "Office".
      tokens.push({ start: lineStart + start, end: lineStart + start + elided[0].length, text: elided[0], sentenceStart, capitalised: false, gap });
      start += elided[0].length;
      word = word.slice(elided[0].length);
    }
    // "Canada-based", "Dutch-led": the name is the capitalised part; what it is said of follows.
    const suffix = STARTS_CAPITAL.test(word) ? LOWER_SUFFIX.exec(word) : null;
    if (suffix) word = word.slice(0, suffix.index);
    const token: Token = {
      start: lineStart + start,
      end: lineStart + start + word.length,
      text: word,
      placeSuffix: suffix !== null && PLACE_SUFFIXES.test(suffix[0]),
      sentenceStart: sentenceStart && !elided,
      capitalised: STARTS_CAPITAL.test(word),
      gap: elided ? '' : gap,
    };
    tokens.push(token);
    previous = token;
    // What a word left out (the suffix of "Canada-based") stands between it and the next.
    previousEnd = token.end - lineStart;
  }
  return tokens;
}

/** A lower-case word that may stand inside a name ("van", "de", "of", the elided "d’"). */
const isConnector = (token: Token | undefined) => token !== undefined && !token.capitalised && NAME_CONNECTORS.has(token.text.toLowerCase().replace(/['’]$/u, ''));

/** Whether a token may follow the previous one inside a name: a single space, or an abbreviation's full stop. */
function joins(token: Token, previous: Token, titles: ReadonlySet<string>): boolean {
  if (token.gap === ' ' || token.gap === '') return true;
  return /^\.\s$/.test(token.gap) && (titles.has(fold(previous.text)) || /^\p{Lu}$/u.test(previous.text));
}

/** Every capitalised name in the text (already without its site text), in text order. */
export function capitalisedNames(text: string, options: DetectorOptions): NameSpan[] {
  const language = primaryLanguage(options.language);
  const { functionWords, calendarWords } = wordsFor(options.language);
  const lines: Token[][] = [];
  for (let lineStart = 0; lineStart <= text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    // Rule 1: a line in capitals only.
    if (HAS_LETTER.test(line) && HAS_LOWER.test(line)) lines.push(tokensOf(text, lineStart, lineEnd, PERSON_TITLES));
    lineStart = lineEnd + 1;
  }

  // Words the text writes capitalised inside a sentence, alone or at the end of a name (rule 6): "Marwick" in "…told
  // Helena Marwick", not "Customs" in "…the Customs Workers Association".
  const capitalisedInside = new Set<string>();
  for (const tokens of lines)
    tokens.forEach((token, index) => {
      const next = tokens[index + 1];
      const endsName = !next || !next.capitalised || !joins(next, token, PERSON_TITLES);
      if (token.capitalised && !token.sentenceStart && endsName) capitalisedInside.add(token.text.replace(/['’]s?$/u, ''));
    });

  // Names of several words the text writes inside a sentence (rule 6): "brightwater fisheries".
  const namesInside = new Set<string>();
  for (const tokens of lines)
    tokens.forEach((token, index) => {
      const previous = tokens[index - 1];
      if (!token.capitalised || token.sentenceStart || (previous?.capitalised && joins(token, previous, PERSON_TITLES))) return;
      const words = [folded(token.text)];
      for (let next = index + 1; next < tokens.length && tokens[next]!.capitalised && joins(tokens[next]!, tokens[next - 1]!, PERSON_TITLES); next++)
        words.push(folded(tokens[next]!.text));
      if (words.length > 1) namesInside.add(words.join(' '));
    });

  const names: NameSpan[] = [];
  for (const tokens of lines) {
    for (let at = 0; at < tokens.length; ) {
      const first = tokens[at]!;
      if (!first.capitalised || calendarWords.has(folded(first.text))) {
        at++;
        continue;
      }
      // Rule 2: extend the run over capitalised words and connectors between them.
      const run: Token[] = [first];
      let next = at + 1;
      while (next < tokens.length && run.length < MAX_WORDS) {
        const token = tokens[next]!;
        if (!joins(token, run.at(-1)!, PERSON_TITLES)) break;
        if (token.capitalised) {
          if (calendarWords.has(folded(token.text))) break;
          run.push(token);
          next++;
          continue;
        }
        // Connectors: at most three in a row, and a capitalised word after them.
        let after = next;
        while (after < tokens.length && after - next < 3 && isConnector(tokens[after]!) && joins(tokens[after]!, tokens[after - 1]!, PERSON_TITLES)) after++;
        const closing = tokens[after];
        if (after === next || !closing?.capitalised || !joins(closing, tokens[after - 1]!, PERSON_TITLES) || calendarWords.has(folded(closing.text))) break;
        run.push(...tokens.slice(next, after + 1));
        next = after + 1;
      }
      const previous = at > 0 ? tokens[at - 1] : undefined;
      const beforePrevious = at > 1 ? tokens[at - 2] : undefined;
      at = next;
      const name = nameOf(run, { functionWords, language, capitalisedInside, namesInside, isCommonWord: options.isCommonWord, isGivenName: options.isGivenName });
      if (!name) continue;
      const { words, person, tentative } = name;
      const start = words[0]!.start;
      const last = words.at(-1)!;
      const end = last.start + last.text.replace(/['’]s?$/u, '').length;
      const spanText = text.slice(start, end);
      const foldedWords = words.map((word) => folded(word.text));
      // An acronym among the words is an organisation's ("Sky ECC", "FIOD"); people are not written so.
      const organisation =
        foldedWords.some((word) => ORGANISATION_WORDS.has(word) || (language === 'de' && GERMAN_ORGANISATION_ENDINGS.some((ending) => word.endsWith(ending)))) ||
        words.some((word) => isAcronym(word.text));
      // "in Antwerp", "the port of Antwerp", "à Marseille": the word before the name when the name was not at a sentence's start.
      const before = words[0] === first ? previous : undefined;
      const lower = (token: Token | undefined) => (token && !token.capitalised ? fold(token.text.replace(/['’]$/u, '')) : '');
      const place =
        (words.length === 1 && words[0]!.placeSuffix === true) ||
        PLACE_PREPOSITIONS.has(lower(before)) ||
        // "vers l’Espagne", "près du Perthus", "the port of Antwerp".
        (PLACE_ARTICLES.has(lower(before)) && PLACE_PREPOSITIONS.has(lower(beforePrevious))) ||
        (isConnector(before) && PLACE_NOUNS.has(lower(beforePrevious)));
      // "chief prosecutor Helena Marwick", "l’avocat Rachid Benhamou".
      const role = PERSON_ROLES.has(lower(before)) || PERSON_TITLES.has(lower(before));
      const placeName = foldedWords.some((word) => PLACE_WORDS.has(word));
      // A brand's spelling: a capital inside the word after three small letters ("EncroChat", "WhatsApp").
      const brand = words.length === 1 && /\p{Ll}{3}\p{Lu}/u.test(words[0]!.text);
      let type: SuggestionType | null = null;
      let strength: TypeStrength | null = null;
      if (organisation) [type, strength] = ['organisation', 'sign'];
      else if (person || role) [type, strength] = ['person', 'sign'];
      else if (placeName) [type, strength] = ['place', 'sign'];
      else if (place) [type, strength] = ['place', 'hint'];
      else if (brand) [type, strength] = ['organisation', 'hint'];
      else if (words.filter((word) => word.capitalised).length >= 2) [type, strength] = ['person', 'guess'];
      names.push({ start, end, text: spanText, type, strength, ...(tentative ? { tentative } : {}) });
    }
  }
  return names;
}

interface NameRules extends Pick<DetectorOptions, 'isCommonWord' | 'isGivenName'> {
  functionWords: ReadonlySet<string>;
  language: string | null;
  capitalisedInside: ReadonlySet<string>;
  namesInside: ReadonlySet<string>;
}

/** The words of a run that are the name (rules 4 to 7), and whether a title said it is a person's; null for none. */
function nameOf(run: Token[], rules: NameRules): { words: Token[]; person: boolean; tentative?: boolean } | null {
  let words = run;
  let sentenceStart = words[0]!.sentenceStart;
  // Rule 4: function words at the sentence's start, and connectors left in front after them.
  while (sentenceStart && words.length && rules.functionWords.has(folded(words[0]!.text))) {
    words = words.slice(1);
    while (words.length && !words[0]!.capitalised) words = words.slice(1);
    sentenceStart = false;
  }
  // Rule 5: titles in front of more capitalised words.
  let person = false;
  const isTitle = (word: string) => PERSON_TITLES.has(folded(word)) || (rules.language === 'de' && GERMAN_TITLE_ENDINGS.some((ending) => folded(word).endsWith(ending)));
  while (words.length > 1 && isTitle(words[0]!.text)) {
    words = words.slice(1);
    while (words.length && !words[0]!.capitalised) words = words.slice(1);
    person = true;
    sentenceStart = false;
  }
  // Rule 7: German nouns joined to a name by a connector, unless they are a first name ("Ursula von der Leyen").
  if (rules.language === 'de') {
    const connector = words.findIndex((word) => !word.capitalised);
    if (connector > 0 && !words.slice(0, connector).some((word) => rules.isGivenName?.(word.text))) {
      words = words.slice(connector);
      while (words.length && !words[0]!.capitalised) words = words.slice(1);
    }
  }
  // Rule 8: letters after a name.
  while (words.length > 1 && POST_NOMINALS.has(folded(words.at(-1)!.text))) {
    words = words.slice(0, -1);
    person = true;
  }
  // Rule 6, for a run of several words at a sentence's start.
  if (sentenceStart && words.length > 1) {
    const first = words[0]!.text;
    const key = folded(first);
    const writtenInside = rules.namesInside.has(words.filter((word) => word.capitalised).map((word) => folded(word.text)).join(' '));
    if (!writtenInside && !rules.capitalisedInside.has(first) && !rules.isGivenName?.(first) && !ORGANISATION_WORDS.has(key) && !PLACE_WORDS.has(key) && !isAcronym(first)) {
      words = words.slice(1);
      while (words.length && !words[0]!.capitalised) words = words.slice(1);
    }
  }
  if (!words.length) return null;
  // Rule 7: German nouns side by side ("Millionen Euro", "Tonnen Kokain") are not names.
  if (rules.language === 'de' && words.length > 1 && !person) {
    const named = words.some((word) => {
      const key = folded(word.text);
      return rules.isGivenName?.(word.text) || isAcronym(word.text) || ORGANISATION_WORDS.has(key) || GERMAN_ORGANISATION_ENDINGS.some((ending) => key.endsWith(ending));
    });
    if (!named) return null;
  }
  if (words.length === 1) {
    const word = words[0]!.text;
    const bare = word.replace(/['’]s?$/u, '');
    const key = fold(bare);
    if (rules.functionWords.has(key) || PERSON_TITLES.has(key) || key.length < 2) return null;
    if (isAcronym(bare)) return { words, person };
    // Rule 6.
    if (sentenceStart && !rules.capitalisedInside.has(bare)) return rules.isCommonWord?.(bare) || PLACE_WORDS.has(key) || ORGANISATION_WORDS.has(key) ? null : { words, person, tentative: true };
    // Rule 7.
    if (rules.language === 'de' && !person) return null;
    if (rules.language === 'nl' && /(?:se|sche)$/u.test(key)) return null;
    if (rules.isCommonWord?.(bare)) return null;
  }
  return { words, person };
}
