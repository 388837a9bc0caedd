import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWithOffsets } from '../search/fold';
import { foldName, foldText } from './folding';
import { MentionMatcher } from './matcher';
import type { Mention, MentionName } from './names';

const names = (...list: [entityId: string, name: string][]): MentionName[] =>
  list.map(([entityId, name]) => ({ entityId, name }));

/** What the text says at each mention, with whose mention it is. */
function found(matcher: MentionMatcher, text: string): string[] {
  return matcher.scan(text).map((mention) => `${mention.entityId}:${text.slice(mention.start, mention.end)}`);
}

describe('the mention matcher', () => {
  it('finds names whatever their case and accents, in the text as written', () => {
    const matcher = new MentionMatcher(names(['frederic', 'Frédéric Müller'], ['lodz', 'Łódź']));
    const text = 'FREDERIC MULLER met frédéric müller in Lodz, then in ŁÓDŹ.';
    expect(found(matcher, text)).toEqual(['frederic:FREDERIC MULLER', 'frederic:frédéric müller', 'lodz:Lodz', 'lodz:ŁÓDŹ']);
  });

  it('points at the original characters when folding changes their number', () => {
    const matcher = new MentionMatcher(names(['strauss', 'Strauss'], ['jose', 'José']));
    // "ß" folds to two letters; "e" with a combining accent is two characters folded to one.
    const text = 'Herr Straße? No: Strauß and Jose\u0301 and José.';
    expect(found(matcher, text)).toEqual(['strauss:Strauß', 'jose:Jose\u0301', 'jose:José']);
  });

  it('finds whole words only', () => {
    const matcher = new MentionMatcher(names(['ann', 'Ann'], ['bo', 'Bo 7']));
    expect(found(matcher, 'Ann, Anne, Joann, ann-marie, Ann7, Bo 7, Bo 77.')).toEqual(['ann:Ann', 'ann:ann', 'bo:Bo 7']);
  });

  it('lets a name carry a possessive or a genitive -s', () => {
    const matcher = new MentionMatcher(names(['smith', 'Smith'], ['muller', 'Müller'], ['james', 'James']));
    const text = "Smith's car, Smith’s boat, the Smiths' house, the Smiths’ dog, Müllers Firma, James' hat, Smithson.";
    expect(found(matcher, text)).toEqual([
      'smith:Smith',
      'smith:Smith',
      'smith:Smith',
      'smith:Smith',
      'muller:Müller',
      'james:James',
    ]);
  });

  it('gives identifiers no endings', () => {
    const matcher = new MentionMatcher([{ entityId: 'account', name: 'BE71 0961', entityType: 'account' }]);
    expect(found(matcher, 'BE71 0961 and BE71 0961s')).toEqual(['account:BE71 0961']);
  });

  it('takes the longest of overlapping names, then the next that does not overlap it', () => {
    const matcher = new MentionMatcher(
      names(['port', 'Port of Antwerp'], ['antwerp', 'Antwerp'], ['harbour', 'Antwerp Harbour'], ['police', 'Harbour Police']),
    );
    expect(found(matcher, 'The Port of Antwerp Harbour Police met in Antwerp.')).toEqual([
      'port:Port of Antwerp',
      'police:Harbour Police',
      'antwerp:Antwerp',
    ]);
  });

  it('finds Chinese, Japanese and Korean names without word boundaries, and Latin names beside them', () => {
    const matcher = new MentionMatcher(names(['beijing', '北京'], ['toyota', 'トヨタ'], ['ibm', 'IBM'], ['kim', '김정은']));
    expect(found(matcher, '他在北京市的IBM公司和トヨタ自動車工作。김정은이 왔다.')).toEqual([
      'beijing:北京',
      'ibm:IBM',
      'toyota:トヨタ',
      'kim:김정은',
    ]);
  });

  it('ignores names of one character, a single Chinese character included', () => {
    expect(foldName('J')).toBeNull();
    expect(foldName('中')).toBeNull();
    expect(foldName(' -- ')).toBeNull();
    expect(foldName('中国')).toBe('中国');
    expect(new MentionMatcher(names(['j', 'J'], ['zh', '中'])).scan('J. said 中 twice')).toEqual([]);
  });

  it('treats curly apostrophes, line breaks and full-width letters as their plain forms', () => {
    const matcher = new MentionMatcher(names(['obrien', "O'Brien"], ['port', 'Port of Antwerp'], ['ibm', 'IBM']));
    expect(found(matcher, 'O’Brien saw the Port of\nAntwerp and ＩＢＭ.')).toEqual([
      'obrien:O’Brien',
      'port:Port of\nAntwerp',
      'ibm:ＩＢＭ',
    ]);
  });

  it('gives a mention to every entity carrying the same name, and the first of one entity\'s names that fold alike', () => {
    const matcher = new MentionMatcher(names(['a', 'John Smith'], ['b', 'John Smith'], ['c', 'Müller'], ['c', 'Muller']));
    expect(matcher.scan('John Smith and Muller')).toEqual<Mention[]>([
      { entityId: 'a', name: 'John Smith', start: 0, end: 10 },
      { entityId: 'b', name: 'John Smith', start: 0, end: 10 },
      { entityId: 'c', name: 'Müller', start: 15, end: 21 },
    ]);
  });

  it('finds a name added later, and loses one removed', () => {
    const matcher = new MentionMatcher(names(['antwerp', 'Antwerp']));
    matcher.addNames(names(['port', 'Port of Antwerp']));
    expect(found(matcher, 'the Port of Antwerp')).toEqual(['port:Port of Antwerp']);
    matcher.removeNames(names(['port', 'Port of Antwerp']));
    expect(found(matcher, 'the Port of Antwerp')).toEqual(['antwerp:Antwerp']);
  });

  it('finds names added after the automaton was built again', () => {
    const matcher = new MentionMatcher();
    const added = Array.from({ length: 40 }, (_, index) => ({ entityId: `e${index}`, name: `Name${index}` }));
    for (const name of added) matcher.addNames([name]);
    expect(matcher.scan('Name3 and Name39').map((mention) => mention.entityId)).toEqual(['e3', 'e39']);
  });
});

/**
 * The reference the property tests hold the matcher to: each name looked for with `startsWith` at every offset of
 * the folded text, the rules written out plainly.
 */
export function referenceMentions(allNames: readonly MentionName[], text: string): Mention[] {
  const { folded } = foldText(text);
  // The offsets from the search's folding, character by character, not from the matcher's compact shifts.
  const { origin } = foldWithOffsets(text);
  const at = (offset: number) => origin[offset]!;
  const word = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);
  const cjk = (character: string | undefined) =>
    character !== undefined && /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u.test(character);
  const apart = (edge: string, neighbour: string | undefined) => !word(neighbour) || !word(edge) || cjk(edge) || cjk(neighbour);
  const byFolded = new Map<string, MentionName[]>();
  for (const name of allNames) {
    const key = foldName(name.name);
    if (key === null) continue;
    const carriers = byFolded.get(key) ?? [];
    if (!carriers.some((carrier) => carrier.entityId === name.entityId)) carriers.push(name);
    byFolded.set(key, carriers);
  }
  const candidates: { key: string; start: number; end: number }[] = [];
  for (const key of byFolded.keys())
    for (let start = 0; start < folded.length; start++) {
      if (!folded.startsWith(key, start)) continue;
      const end = start + key.length;
      const whole = (start === 0 || origin[start] !== origin[start - 1]) && (end === folded.length || origin[end] !== origin[end - 1]);
      const left = apart(key[0]!, folded[start - 1]);
      const right = apart(key.at(-1)!, folded[end]) || (folded[end] === 's' && apart('s', folded[end + 1]));
      if (whole && left && right) candidates.push({ key, start: at(start), end: at(end) });
    }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentions: Mention[] = [];
  let taken = 0;
  for (const candidate of candidates) {
    if (candidate.start < taken) continue;
    taken = candidate.end;
    for (const carrier of byFolded.get(candidate.key)!)
      mentions.push({ entityId: carrier.entityId, name: carrier.name, start: candidate.start, end: candidate.end });
  }
  return mentions;
}

/** Small alphabets, so that names recur, overlap, touch and carry endings in short texts. */
const character = fc.constantFrom('a', 'b', 'á', 'B', 's', 'ß', ' ', ' ', "'", '’', '-', '\n', '中', '国', 'x');
const textArbitrary = fc.string({ unit: character, maxLength: 60 });
const nameArbitrary = fc.record({
  entityId: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
  name: fc.string({ unit: character, minLength: 1, maxLength: 5 }),
});

describe('the mention matcher against a plain reference', () => {
  it('finds what looking for each name at every offset finds', () => {
    fc.assert(
      fc.property(fc.array(nameArbitrary, { maxLength: 8 }), textArbitrary, (someNames, text) => {
        expect(new MentionMatcher(someNames).scan(text)).toEqual(referenceMentions(someNames, text));
      }),
      { numRuns: 500 },
    );
  });
});
