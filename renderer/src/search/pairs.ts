/**
 * Which pairs of adjacent words each record holds, as a small Bloom filter per record (about a kilobyte for five
 * thousand characters). The index knows words, not their order: a quoted phrase's candidates are the records with
 * all its words, and checking each against its text means reading it. The filter rules out, without reading, nearly
 * every record whose words are all there but never side by side.
 */
import type { SavedSearchIndex } from '../db/schema';
import { fieldWordsOf, type FieldWords } from './engine';
import type { SearchFields } from './searchFields';

/** Bits per pair; with three probes, about 3% of absent pairs pass. */
const BITS_PER_PAIR = 8;
const PROBES = 3;
const MIN_BITS = 256;

/** FNV-1a of one word: each word is hashed once, and a pair's hash is made from its two words' hashes. */
function wordHash(word: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) {
    value ^= word.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value;
}

/** The hash of an ordered pair of words, from their hashes (mixed with MurmurHash3's finaliser). */
function pairHash(first: number, second: number): number {
  let value = Math.imul(first, 0x9e3779b1) ^ second;
  value = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
  return (value ^ (value >>> 16)) >>> 0;
}

/** Calls `visit` with each probe position of a pair's hash, by double hashing, in a filter of `bits` bits (a power of two). */
function probe(h1: number, bits: number, visit: (bit: number) => boolean): boolean {
  const h2 = (Math.imul(h1 ^ (h1 >>> 16), 0x45d9f3b) >>> 0) | 1;
  for (let index = 0; index < PROBES; index++) if (!visit((h1 + Math.imul(index, h2)) & (bits - 1))) return false;
  return true;
}

/** The filter of the pairs of adjacent words in each of a record's fields, from their folded words. */
export function pairFilterOfWords(fieldWords: FieldWords): Uint32Array {
  const pairs = fieldWords.reduce((sum, words) => sum + Math.max(0, words.length - 1), 0);
  let bits = MIN_BITS;
  while (bits < pairs * BITS_PER_PAIR) bits *= 2;
  const filter = new Uint32Array(bits / 32);
  const set = (bit: number) => {
    filter[bit >>> 5]! |= 1 << (bit & 31);
    return true;
  };
  for (const words of fieldWords) {
    let previous = words.length ? wordHash(words[0]!) : 0;
    for (let index = 1; index < words.length; index++) {
      const current = wordHash(words[index]!);
      probe(pairHash(previous, current), bits, set);
      previous = current;
    }
  }
  return filter;
}

/** The filter of the pairs of adjacent words in each of a record's fields. */
export const pairFilterOf = (fields: SearchFields): Uint32Array => pairFilterOfWords(fieldWordsOf(fields));

/** False when the record certainly does not hold the phrase (folded words in order); true when it may. */
export function mayHoldPhrase(filter: Uint32Array, phrase: readonly string[]): boolean {
  const bits = filter.length * 32;
  const isSet = (bit: number) => (filter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  for (let index = 1; index < phrase.length; index++)
    if (!probe(pairHash(wordHash(phrase[index - 1]!), wordHash(phrase[index]!)), bits, isSet)) return false;
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
