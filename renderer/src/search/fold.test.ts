import { describe, expect, it } from 'vitest';
import { UNDECOMPOSABLE_LETTERS, fold, foldWithOffsets, isIndexed, wordsOf } from './fold';

describe('fold', () => {
  it('lower-cases and strips accents, so either spelling finds the other', () => {
    expect(fold('Frédéric')).toBe('frederic');
    expect(fold('FREDERIC')).toBe(fold('Frédéric'));
    expect(fold('Zoë Müller')).toBe('zoe muller');
  });

  it('spells the letters that do not decompose as they are typed without accents', () => {
    expect(fold('Łódź')).toBe('lodz');
    expect(fold('Øresund Ærøskøbing')).toBe('oresund aeroskobing');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('İstanbul')).toBe('istanbul');
  });

  it('folds decomposed and precomposed text alike', () => {
    expect(fold('Fre\u0301de\u0301ric')).toBe(fold('Frédéric'));
  });

  it('folds a Greek final sigma like any other', () => {
    expect(fold('ΟΔΟΣ')).toBe(fold('οδοσ'));
  });
});

describe('fold, run by run', () => {
  /** Folding the whole text at once, as fold did before it folded only the runs of non-ASCII characters. */
  const wholeText = (text: string) =>
    text
      .normalize('NFD')
      .toLowerCase()
      .replace(/\p{M}+/gu, '')
      .replace(/[ßæœøłđðþıħŧŀς]/g, (letter) => UNDECOMPOSABLE_LETTERS[letter]!);

  it('folds exactly as folding the whole text at once', () => {
    const pieces = ['A', 'z', ' ', 'É', 'e\u0301', 'İ', 'ẞ', 'Σ', 'ΟΔΟΣ ', 'Łódź', 'Ærø', 'K', 'Å', 'ﬁ', '東京', '😀', '\u0301', 'Ǆ', 'ŉ'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let sample = 0; sample < 500; sample++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(fold(text), JSON.stringify(text)).toBe(wholeText(text));
    }
  });
});

describe('foldWithOffsets', () => {
  const samples = ['Plain ASCII Text', 'Frédéric in Łódź', 'Fre\u0301de\u0301ric', 'Straße Æble ΟΔΟΣ', 'İzmir 😀 Zoë'];

  it('folds exactly as fold does', () => {
    for (const sample of samples) expect(foldWithOffsets(sample).folded).toBe(fold(sample));
  });

  it('maps every folded character back to where it came from', () => {
    const text = 'Le Straße de Fre\u0301de\u0301ric';
    const { folded, origin } = foldWithOffsets(text);
    const at = folded.indexOf('frederic');
    expect(text.slice(origin[at], origin[at + 'frederic'.length])).toBe('Fre\u0301de\u0301ric');
    const street = folded.indexOf('strasse');
    expect(text.slice(origin[street], origin[street + 'strasse'.length])).toBe('Straße');
    expect(origin[folded.length]).toBe(text.length);
  });

  it('keeps the offsets of a text whose every character folds to one, shared between texts', () => {
    const text = 'Frédéric in Łódź, ΟΔΟΣ';
    const { folded, origin } = foldWithOffsets(text);
    expect(folded).toBe('frederic in lodz, οδοσ');
    expect([...origin]).toEqual([...Array(text.length + 1).keys()]);
    expect([...foldWithOffsets('Zoë').origin]).toEqual([0, 1, 2, 3]);
  });

  it('maps each folded character to the character it came from, whatever the mix', () => {
    // Each character folded on its own, and where each folded character came from: what the offsets must say.
    const reference = (text: string) => {
      let folded = '';
      const origin: number[] = [];
      for (let at = 0; at < text.length; ) {
        const character = String.fromCodePoint(text.codePointAt(at)!);
        for (const unit of fold(character).split('')) {
          folded += unit;
          origin.push(at);
        }
        at += character.length;
      }
      return { folded, origin: [...origin, text.length] };
    };
    const alphabet = ['a', 'B', ' ', '.', 'é', 'Ł', 'ß', 'Æ', 'e\u0301', 'Σ', 'İ', '😀', 'ø', 'Ö'];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let sample = 0; sample < 300; sample++) {
      let text = '';
      const length = Math.floor(random() * 12);
      for (let index = 0; index < length; index++) text += alphabet[Math.floor(random() * alphabet.length)];
      const { folded, origin } = foldWithOffsets(text);
      const expected = reference(text);
      expect(folded, text).toBe(fold(text));
      // Where the text folds differently as a whole (a final sigma), the offsets still count its characters.
      if (folded === expected.folded) expect([...origin], text).toEqual(expected.origin);
    }
  });
});

describe('words', () => {
  it('splits on anything but letters and digits', () => {
    expect(wordsOf(fold('Harbour-master’s log, 9 March 2021: “Nordlys”.'))).toEqual([
      'harbour',
      'master',
      's',
      'log',
      '9',
      'march',
      '2021',
      'nordlys',
    ]);
  });

  it('finds exactly the runs of letters and digits, in any script and outside the Basic Multilingual Plane', () => {
    const pieces = ['a', 'Z', '7', ' ', '-', 'é', 'e\u0301', 'ß', '東京', '١٢', 'Ωμέγα', '😀', '𝐀𝐁', '\ud800', '\udc00', '\u00a0', '\uff21', '_'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let sample = 0; sample < 300; sample++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 20) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      expect(wordsOf(text), JSON.stringify(text)).toEqual(text.match(/[\p{L}\p{N}]+/gu) ?? []);
    }
  });

  it('leaves stop words and single letters out of the index, but not single digits', () => {
    expect(['the', 'of', 's', '9', 'harbour'].filter(isIndexed)).toEqual(['9', 'harbour']);
  });
});
