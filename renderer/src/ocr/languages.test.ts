import { describe, expect, it } from 'vitest';
import { OCR_LANGUAGES } from '../../../shared/domain';
import { OCR_LANGUAGE_INFO, describeOcr, ocrLanguageOf, proposeOcrLanguage } from './languages';

describe('OCR languages', () => {
  it('has a name for each language shipped, among them the seven the app promises', () => {
    expect(OCR_LANGUAGES).toEqual(expect.arrayContaining(['eng', 'fra', 'deu', 'spa', 'nld', 'pol', 'chi_sim']));
    for (const language of OCR_LANGUAGES) expect(OCR_LANGUAGE_INFO[language].label).toBeTruthy();
  });

  it('reads a document language tag, region or not, and leaves traditional Chinese and unknown languages out', () => {
    expect(ocrLanguageOf('de-AT')).toBe('deu');
    expect(ocrLanguageOf('FR')).toBe('fra');
    expect(ocrLanguageOf('zh-CN')).toBe('chi_sim');
    expect(ocrLanguageOf('zh_Hans')).toBe('chi_sim');
    expect(ocrLanguageOf('zh-TW')).toBeNull();
    expect(ocrLanguageOf('zh-Hant')).toBeNull();
    expect(ocrLanguageOf('ru')).toBeNull();
    expect(ocrLanguageOf(null)).toBeNull();
  });

  it('proposes the most common language of the other documents, else English', () => {
    expect(proposeOcrLanguage(['pl', 'de', 'pl-PL', null, 'ru', 'ru', 'ru'])).toBe('pol');
    expect(proposeOcrLanguage(['nl', 'es'])).toBe('nld');
    expect(proposeOcrLanguage(['ru', null])).toBe('eng');
    expect(proposeOcrLanguage([])).toBe('eng');
  });

  it('marks a recognised document in words', () => {
    expect(describeOcr({ language: 'eng', confidence: 93.6 })).toBe('OCR, English, 94% confidence');
    expect(describeOcr({ language: 'chi_sim', confidence: 71 })).toBe('OCR, Chinese (simplified), 71% confidence');
  });
});

describe('the language data shipped', () => {
  it('is one @tesseract.js-data package for each OCR language, which the build copies (vite.web.config.ts)', async () => {
    const { dependencies } = (await import('../../../package.json')).default as { dependencies: Record<string, string> };
    const shipped = Object.keys(dependencies).filter((name) => name.startsWith('@tesseract.js-data/'));
    expect(shipped.sort()).toEqual(OCR_LANGUAGES.map((language) => `@tesseract.js-data/${language}`).sort());
  });
});
