/**
 * The locale typed dates are read in (15/09/2020 day first or month first): the researcher's own, as the browser or
 * the desktop app reports it. Cases have no language of their own yet; when they do, the case's should win.
 */
export function dateLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-GB';
}
