/**
 * The languages and orders a case's typed dates can be read in: "15/09/2020" is 15 September read day first and
 * nonsense month first, and "März 2021" reads only in German. A case keeps one, so every researcher on it, whatever
 * their computer's language, reads its dates the same way; a case without one follows the computer.
 */
export const CASE_LOCALES = [
  { locale: 'en-GB', label: 'English, day first (15/09/2020)' },
  { locale: 'en-US', label: 'English, month first (09/15/2020)' },
  { locale: 'de-DE', label: 'Deutsch (15.09.2020, 15. September 2020)' },
  { locale: 'fr-FR', label: 'Français (15/09/2020, 15 septembre 2020)' },
  { locale: 'es-ES', label: 'Español (15/09/2020, 15 de septiembre de 2020)' },
  { locale: 'nl-NL', label: 'Nederlands (15-09-2020, 15 september 2020)' },
  { locale: 'pt-PT', label: 'Português (15/09/2020, 15 de setembro de 2020)' },
  { locale: 'it-IT', label: 'Italiano (15/09/2020, 15 settembre 2020)' },
  { locale: 'pl-PL', label: 'Polski (15.09.2020, 15 września 2020)' },
] as const;

export type CaseLocale = (typeof CASE_LOCALES)[number]['locale'];

export const isCaseLocale = (value: string): value is CaseLocale => CASE_LOCALES.some((entry) => entry.locale === value);

/** The locale a case's typed dates are read in: its own, or else the computer's (`fallback`, the browser's language). */
export const localeOfCase = (caseFile: { locale: string | null } | null | undefined, fallback: string): string => caseFile?.locale ?? fallback;
