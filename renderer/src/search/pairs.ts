/**
 * Which pairs of adjacent words each record holds, as a small Bloom filter per record (about a kilobyte for five
 * thousand characters). The index knows words, not their order: a quoted phrase's candidates are the records with
 * all its words, and checking each against its text means reading it. The filter rules out, without reading, nearly
 * every record whose words are all there but never side by side.
 */
import { fold, wordsOf } from './fold';
import type { SavedSearchIndex } from '../db/schema';
import type { SearchFields } from './records';

/** Bits per pair; with three probes, about 3% of absent pairs pass. */
const BITS_PER_PAIR = 8;
const PROBES = 3;
const MIN_BITS = 256;

function hash(text: string): number {
  // FNV-1a.
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** Calls `visit` with each probe position of a pair, by double hashing, in a filter of `bits` bits (a power of two). */
function probe(first: string, second: string, bits: number, visit: (bit: number) => boolean): boolean {
  const h1 = hash(`${first} ${second}`);
  const h2 = (Math.imul(h1 ^ (h1 >>> 16), 0x45d9f3b) >>> 0) | 1;
  for (let index = 0; index < PROBES; index++) if (!visit((h1 + Math.imul(index, h2)) & (bits - 1))) return false;
  return true;
}

/** The filter of the pairs of adjacent words in each of a record's fields. */
export function pairFilterOf(fields: SearchFields): Uint32Array {
  const fieldWords = [fields.title, fields.keywords, fields.body].map((text) => wordsOf(fold(text)));
  const pairs = fieldWords.reduce((sum, words) => sum + Math.max(0, words.length - 1), 0);
  let bits = MIN_BITS;
  while (bits < pairs * BITS_PER_PAIR) bits *= 2;
  const filter = new Uint32Array(bits / 32);
  const set = (bit: number) => {
    filter[bit >>> 5]! |= 1 << (bit & 31);
    return true;
  };
  for (const words of fieldWords)
    for (let index = 1; index < words.length; index++) probe(words[index - 1]!, words[index]!, bits, set);
  return filter;
}

/** False when the record certainly does not hold the phrase (folded words in order); true when it may. */
export function mayHoldPhrase(filter: Uint32Array, phrase: readonly string[]): boolean {
  const bits = filter.length * 32;
  const isSet = (bit: number) => (filter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  for (let index = 1; index < phrase.length; index++)
    if (!probe(phrase[index - 1]!, phrase[index]!, bits, isSet)) return false;
  return true;
}

/** The filters of a whole index, packed for storage: keys, each filter's length in words, and all their words. */
export type PackedPairFilters = SavedSearchIndex['pairFilters'];

export function packPairFilters(filters: ReadonlyMap<string, Uint32Array>): PackedPairFilters {
  const keys = [...filters.keys()];
  const lengths = Uint32Array.from(keys, (key) => filters.get(key)!.length);
  const words = new Uint32Array(lengths.reduce((sum, length) => sum + length, 0));
  let at = 0;
  for (const key of keys) {
    words.set(filters.get(key)!, at);
    at += filters.get(key)!.length;
  }
  return { keys, lengths, words };
}

export function unpackPairFilters(packed: PackedPairFilters): Map<string, Uint32Array> {
  const filters = new Map<string, Uint32Array>();
  let at = 0;
  packed.keys.forEach((key, index) => {
    const length = packed.lengths[index]!;
    filters.set(key, packed.words.subarray(at, at + length));
    at += length;
  });
  return filters;
}
