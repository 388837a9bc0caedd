/**
 * Synthetic case text for the search benchmark: deterministic documents whose words follow a Zipf distribution over a
 * large vocabulary (as real prose does), with names in several European scripts so folding is exercised. Only the
 * benchmark page imports this module.
 */
import { seededRandom } from './generate';

/** Common English words, most frequent first, so the head of the distribution reads like prose. */
const COMMON = (
  'the of and to a in that is was he for it with as his on be at by had not are but from or have an they which one ' +
  'you were her all she there would their we him been has when who will more no if out so said what up its about ' +
  'into than them can only other new some could time these two may then do first any my now such like our over man ' +
  'me even most made after also did many before must through back years where much your way well down should ' +
  'because each just those people how too little state good very make world still own see men work long get here ' +
  'between both life being under never day same another know while last might us great old year off come since ' +
  'against go came right used take three'
).split(' ');

/** Words a case file about shipping and money would use often. */
const DOMAIN = (
  'harbour vessel charter shipment cargo invoice payment account transfer company director register witness ' +
  'statement contract signed meeting port customs manifest container captain crew owner broker agent bank ' +
  'letter email phone report police court evidence record document minutes board shareholder subsidiary offshore ' +
  'fund loan deposit receipt warehouse truck route border inspection licence permit audit ledger'
).split(' ');

/** Names with diacritics, so folded queries ("Lodz", "Frederic") have something to find. */
const NAMES = (
  'Frédéric Łódź Gdańsk Kraków Zoë Müller Øresund Ærøskøbing São Paulo Málaga Ångström Dvořák Šimůnek Jürgen ' +
  'Renée Citroën Bjørn Søren Ibáñez Nuñez Çelik Göteborg Reykjavík Tromsø'
).split(' ');

const SYLLABLES = (
  'ka ro mi tu le sa vo ne ri da po lu ze ma ki to ber gan sel mor tin val dor hal ven kor lis pra sto gre ' +
  'bla tri fen mar dus ol an er in ur ex ost ing ent ard ell'
).split(' ');

/** The vocabulary, most frequent first: common words, then domain words and names, then invented words. */
function vocabulary(size: number, random: () => number): string[] {
  const words = [...COMMON, ...DOMAIN, ...NAMES];
  const seen = new Set(words);
  while (words.length < size) {
    const length = 2 + Math.floor(random() * 3);
    let word = '';
    for (let index = 0; index < length; index++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** Cumulative Zipf weights (exponent 1) over `size` ranks, for sampling by binary search. */
function zipfTable(size: number): Float64Array {
  const table = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank++) {
    sum += 1 / (rank + 1);
    table[rank] = sum;
  }
  for (let rank = 0; rank < size; rank++) table[rank]! /= sum;
  return table;
}

function sample(table: Float64Array, random: () => number): number {
  const target = random();
  let low = 0;
  let high = table.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (table[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface SyntheticDocument {
  title: string;
  text: string;
  /** Page spans as a PDF importer would record them: about 1,500 characters a page. */
  pages: { page: number; start: number; end: number }[];
}

/** A generator of documents of about `size` characters each, the same for the same seed. */
export function syntheticDocuments(options: { size: number; seed?: number; vocabulary?: number }) {
  const random = seededRandom(options.seed ?? 11);
  const words = vocabulary(options.vocabulary ?? 80_000, random);
  const table = zipfTable(words.length);
  const word = () => words[sample(table, random)]!;

  return function next(index: number): SyntheticDocument {
    // Built from parts and joined once, so each text is one flat string as it would be when read from IndexedDB.
    const parts: string[] = [];
    const pages: SyntheticDocument['pages'] = [];
    let length = 0;
    let pageStart = 0;
    while (length < options.size) {
      const sentenceLength = 6 + Math.floor(random() * 18);
      const first = word();
      let sentence = first[0]!.toUpperCase() + first.slice(1);
      for (let position = 1; position < sentenceLength; position++)
        sentence += (random() < 0.08 ? ', ' : ' ') + word();
      sentence += random() < 0.15 ? '.\n\n' : '. ';
      parts.push(sentence);
      length += sentence.length;
      if (length - pageStart > 1_500) {
        pages.push({ page: pages.length + 1, start: pageStart, end: length });
        pageStart = length;
      }
    }
    if (pageStart < length) pages.push({ page: pages.length + 1, start: pageStart, end: length });
    const title = `${word()} ${word()} ${word()} report ${index}`;
    return { title: title[0]!.toUpperCase() + title.slice(1), text: parts.join(''), pages };
  };
}
