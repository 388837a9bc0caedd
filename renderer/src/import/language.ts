import type { eld as EldDetector } from 'eld/small';

/**
 * The language of a document's text, for files that do not declare one. Chinese, Japanese and Korean are told apart
 * by their scripts, which is certain where n-grams of a few characters are not; every other language by eld (the
 * Efficient Language Detector: byte n-grams of 60 languages, its "small" database), loaded on the first document
 * that needs it so that a worker that never detects a language never loads it.
 */

let detector: Promise<typeof EldDetector> | null = null;

function loadDetector(): Promise<typeof EldDetector> {
  detector ??= import('eld/small')
    .then((module) => module.eld)
    .catch((error: unknown) => {
      detector = null;
      throw error;
    });
  return detector;
}

/** eld reads only the first 1,000 characters of what it is given. */
const SAMPLE_LENGTH = 1000;
const MAX_SAMPLES = 3;
/** Fewer letters than this say too little to name a language ("OK", "Page 1 of 3"). */
const MIN_LETTERS = 12;

/** The text without what belongs to no language: addresses, e-mail, numbers, runs of punctuation. */
function languageBearing(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/[\p{N}\p{P}\p{S}]+/gu, (run) => (/^[.,;:!?'’-]$/u.test(run) ? run : ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Up to three stretches of 1,000 characters spread over the text (its start alone when it is short), so that a
 * cover page or a title block in another language does not decide for the whole document.
 */
export function samplesOf(text: string): string[] {
  const clean = languageBearing(text.slice(0, 2_000_000));
  if (clean.length <= SAMPLE_LENGTH) return clean ? [clean] : [];
  const count = Math.min(MAX_SAMPLES, Math.ceil(clean.length / SAMPLE_LENGTH));
  const samples: string[] = [];
  for (let i = 0; i < count; i++) {
    let start = Math.floor((i * (clean.length - SAMPLE_LENGTH)) / (count - 1));
    // Start on a word.
    if (start > 0) start = clean.indexOf(' ', start) + 1 || start;
    samples.push(clean.slice(start, start + SAMPLE_LENGTH));
  }
  return samples;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** "zh", "ja" or "ko" for text written mostly in their scripts, else undefined (for the n-grams to decide). */
export function languageByScript(text: string): string | undefined {
  const letters = count(text, /\p{L}/gu);
  if (letters < 2) return undefined;
  const han = count(text, /\p{Script=Han}/gu);
  const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(text, /\p{Script=Hangul}/gu);
  if (kana >= 2 && kana / letters >= 0.05 && (kana + han) / letters >= 0.3) return 'ja';
  if (hangul >= 2 && hangul / letters >= 0.3) return 'ko';
  if (han >= 2 && han / letters >= 0.3) return 'zh';
  return undefined;
}

/**
 * The text's language as an ISO 639-1 code ("pl", "zh"), or null when there is too little text to say, or no
 * stretch of it reads clearly as one language. Each sample votes with its number of letters; a sample whose
 * reading eld does not find reliable counts for little, and a document of only such samples gets no language.
 */
export async function detectLanguage(text: string): Promise<string | null> {
  const samples = samplesOf(text);
  // Two characters of Chinese say more than a dozen letters of an alphabet.
  const script = languageByScript(samples.join(' '));
  if (script) return script;
  const letters = samples.reduce((sum, sample) => sum + count(sample, /\p{L}/gu), 0);
  if (letters < MIN_LETTERS) return null;

  const eld = await loadDetector();
  const votes = new Map<string, number>();
  let reliable = false;
  for (const sample of samples) {
    const result = eld.detect(sample);
    if (!result.language) continue;
    const isReliable = result.isReliable();
    reliable ||= isReliable;
    const weight = count(sample, /\p{L}/gu) * (isReliable ? 1 : 0.25);
    votes.set(result.language, (votes.get(result.language) ?? 0) + weight);
  }
  if (!reliable) return null;
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
