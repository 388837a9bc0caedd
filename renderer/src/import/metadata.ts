import { formatPartialDate } from '../../../shared/partialDate';
import { detectLanguage } from './language';
import { findStatedDate } from './stated-dates';
import type { ParsedDocument } from './types';

/**
 * What every format's document gets after its parser: a language detected from the text when the file declares
 * none, and the date the document states in its own words ("Decided March 3, 2021") when the file gave no date or
 * only its creation date, which is often days off. A date from a page's metadata or a front matter is kept.
 */
export async function completeMetadata(document: ParsedDocument): Promise<ParsedDocument> {
  let { language, languageSource, publishedAt, publishedAtSource } = document;
  const warnings = [...document.warnings];

  if (!language || languageSource === 'detected') {
    const detected = await detectLanguage(document.text);
    if (detected) {
      language = detected;
      languageSource = 'detected';
    }
  }

  if (!publishedAt || publishedAtSource?.from === 'created') {
    const stated = findStatedDate(document.text, { monthFirst: language === 'en-US' });
    if (stated) {
      publishedAt = stated.iso;
      publishedAtSource = { from: 'text', quote: stated.quote };
      if (stated.ambiguous)
        warnings.push(
          `The date in “${stated.quote}” could be read either way round; Casebook read it as ${formatPartialDate({ value: stated.iso, precision: 'day' })}. If that is wrong, correct it in Edit details.`,
        );
    }
  }

  return {
    ...document,
    language,
    languageSource: language ? (languageSource ?? 'declared') : null,
    publishedAt,
    publishedAtSource: publishedAt ? publishedAtSource : null,
    warnings,
  };
}
