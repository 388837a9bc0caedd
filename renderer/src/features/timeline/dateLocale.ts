import { createContext, useContext } from 'react';
import { localeOfCase } from '../../../../shared/caseLocales';

/** The researcher's own locale, as the browser or the desktop app reports it. */
export const computerLocale = (): string => (typeof navigator !== 'undefined' && navigator.language) || 'en-GB';

const CaseLocaleContext = createContext<string | null>(null);

/** Given by the open case's workspace: the locale the case reads its dates in, or null to follow the computer. */
export const CaseLocaleProvider = CaseLocaleContext.Provider;

/**
 * The locale typed dates are read in (15/09/2020 day first or month first, month names in its language): the open
 * case's own when it has one (set in the case's details), else the computer's.
 */
export function useDateLocale(): string {
  return localeOfCase({ locale: useContext(CaseLocaleContext) }, computerLocale());
}
