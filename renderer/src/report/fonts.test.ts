import { describe, expect, it } from 'vitest';
import { readFontFile, readFontRanges } from '../../../tests/unit/fontFiles';
import { parseUnicodeRange, REPORT_FONTS, reportFontFaces, reportFontFiles, type FontFileLoader } from './fonts';

const inRange = (range: string, character: string) =>
  parseUnicodeRange(range).some(([from, to]) => character.codePointAt(0)! >= from && character.codePointAt(0)! <= to);

describe('the report fonts', () => {
  it('name the shipped families, each falling back to the CJK fonts', () => {
    expect(REPORT_FONTS.serif).toBe("'Noto Serif', 'Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR', serif");
    expect(REPORT_FONTS.sans.startsWith("'Noto Sans', 'Noto Sans SC'")).toBe(true);
    expect(REPORT_FONTS.mono.startsWith("'Noto Sans Mono', 'Noto Sans'")).toBe(true);
  });

  it('reads unicode ranges, single points, spans and wildcards', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131, U+4??')).toEqual([[0, 255], [0x131, 0x131], [0x400, 0x4ff]]);
  });

  it('choose no CJK file for a Latin text, and the Latin subsets of every face', () => {
    const files = reportFontFiles('Zażółć gęślą jaźń — Nguyễn Thị Minh Khai');
    expect(files.some((file) => /Noto Sans (SC|JP|KR)/.test(file.family))).toBe(false);
    const serif = files.filter((file) => file.family === 'Noto Serif');
    expect(new Set(serif.map((file) => `${file.weight} ${file.style}`))).toEqual(new Set(['400 normal', '400 italic', '700 normal']));
    expect(new Set(serif.map((file) => file.subset))).toEqual(new Set(['latin', 'latin-ext', 'vietnamese']));
    expect(files.some((file) => file.subset === 'greek' || file.subset === 'cyrillic')).toBe(false);
    expect(files.filter((file) => file.family === 'Noto Sans Mono').map((file) => file.subset).sort()).toEqual(['latin', 'latin-ext', 'vietnamese']);
  });

  it('add Greek and Cyrillic subsets for Greek and Cyrillic words', () => {
    const subsets = new Set(reportFontFiles('Αθήνα Москва').filter((file) => file.family === 'Noto Serif').map((file) => file.subset));
    expect(subsets.has('greek')).toBe(true);
    expect(subsets.has('cyrillic')).toBe(true);
  });

  it('choose, for a Chinese character, the Noto Sans SC subset holding it, and nothing of Japanese or Korean', () => {
    const files = reportFontFiles('Report 证据');
    const cjk = files.filter((file) => file.family.startsWith('Noto Sans ') && /SC|JP|KR/.test(file.family));
    expect(cjk.length).toBeGreaterThan(0);
    expect(cjk.every((file) => file.family === 'Noto Sans SC' && file.weight === 400)).toBe(true);
    for (const character of '证据') expect(cjk.some((file) => inRange(file.unicodeRange, character))).toBe(true);
    expect(cjk.length).toBeLessThanOrEqual(2);
    for (const file of cjk) expect(file.file).toMatch(/^noto-sans-sc-\d+-400-normal\.woff2$/);
  });

  it('reach Korean for Hangul, which the Chinese font does not have', () => {
    const families = new Set(reportFontFiles('서울').map((file) => file.family));
    expect(families.has('Noto Sans KR')).toBe(true);
  });

  it('write well-formed @font-face rules with the font inline', async () => {
    const css = await reportFontFaces('Kraków Αθήνα 北京', readFontFile);
    const rules = css.split('\n');
    expect(rules.length).toBe(reportFontFiles('Kraków Αθήνα 北京').length);
    for (const rule of rules) {
      expect(rule).toMatch(
        /^@font-face\{font-family:'Noto (Serif|Sans|Sans Mono|Sans SC|Sans JP|Sans KR)';font-style:(normal|italic);font-weight:(400|700);font-display:block;src:url\(data:font\/woff2;base64,[A-Za-z0-9+/]+=*\) format\('woff2'\);unicode-range:(U\+[0-9a-fA-F?]+(-[0-9a-fA-F]+)?,?)+\}$/,
      );
      // A WOFF2 file starts with "wOF2".
      expect(atob(/base64,([^)]{8})/.exec(rule)![1]!).startsWith('wOF2')).toBe(true);
    }
  });

  it('say which file could not be read', async () => {
    const failing: FontFileLoader = (_url, file) => Promise.reject(new Error(`cannot read ${file}`));
    await expect(reportFontFaces('a', failing)).rejects.toThrow(/noto-serif-latin-400-normal\.woff2/);
  });
});

describe('the bundled font files', () => {
  it('include every subset a text may need, in every face', async () => {
    // One character of every subset of every shipped font.
    const packages = ['noto-serif', 'noto-sans', 'noto-sans-mono', 'noto-sans-sc', 'noto-sans-jp', 'noto-sans-kr'];
    let text = '';
    for (const name of packages) {
      for (const range of Object.values(await readFontRanges(name))) text += String.fromCodePoint(parseUnicodeRange(range)[0]![0]);
    }
    const asked: string[] = [];
    const css = await reportFontFaces(text, async (url, file) => {
      asked.push(file);
      expect(url).toContain(file.replace(/\.woff2$/, ''));
      return new Uint8Array([119, 79, 70, 50]);
    });
    expect(css.split('\n').length).toBe(asked.length);
    expect(asked.length).toBeGreaterThan(100);
  });
});
