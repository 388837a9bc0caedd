import { OCR_LANGUAGES, type OcrLanguage, type OcrSummary } from '../../../shared/domain';

/** Each recognisable language's name, and the primary subtag of the BCP 47 tags documents carry ("fr", "zh-CN"). */
export const OCR_LANGUAGE_INFO: Readonly<Record<OcrLanguage, { label: string; tag: string }>> = {
  eng: { label: 'English', tag: 'en' },
  fra: { label: 'French', tag: 'fr' },
  deu: { label: 'German', tag: 'de' },
  spa: { label: 'Spanish', tag: 'es' },
  nld: { label: 'Dutch', tag: 'nl' },
  pol: { label: 'Polish', tag: 'pl' },
  chi_sim: { label: 'Chinese (simplified)', tag: 'zh' },
};

export const isOcrLanguage = (value: unknown): value is OcrLanguage =>
  typeof value === 'string' && (OCR_LANGUAGES as readonly string[]).includes(value);

/** Scripts and regions written in traditional characters, which the simplified Chinese data does not read well. */
const TRADITIONAL_CHINESE = /^zh-(?:hant|tw|hk|mo)\b/i;

/** The OCR language of a document's language tag ("de-AT" → German), or null when none of them fits. */
export function ocrLanguageOf(tag: string | null | undefined): OcrLanguage | null {
  if (!tag) return null;
  const clean = tag.trim().replace(/_/g, '-');
  if (TRADITIONAL_CHINESE.test(clean)) return null;
  const primary = clean.split('-')[0]!.toLowerCase();
  return OCR_LANGUAGES.find((language) => OCR_LANGUAGE_INFO[language].tag === primary) ?? null;
}

/**
 * The language to propose for recognising a document: the most common among the case's other documents' languages
 * that OCR knows (the first met wins a tie), else English.
 */
export function proposeOcrLanguage(otherLanguages: readonly (string | null)[]): OcrLanguage {
  const counts = new Map<OcrLanguage, number>();
  for (const tag of otherLanguages) {
    const language = ocrLanguageOf(tag);
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  let best: OcrLanguage = 'eng';
  let bestCount = 0;
  for (const [language, count] of counts)
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  return best;
}

/** How a recognised document is marked, in the reader and wherever it is cited: "OCR, English, 94% confidence". */
export function describeOcr(ocr: Pick<OcrSummary, 'language' | 'confidence'>): string {
  return `OCR, ${OCR_LANGUAGE_INFO[ocr.language].label}, ${Math.round(ocr.confidence)}% confidence`;
}
