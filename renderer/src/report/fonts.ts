/**
 * The fonts a report is printed in ship with the app, so a report looks the same on every machine and no glyph shows
 * as a box. SKELETON: being written.
 */

/** The families the report's style names, each followed by the CJK fallbacks. */
export const REPORT_FONTS = {
  serif: "'Noto Serif', 'Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR', serif",
  sans: "'Noto Sans', 'Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR', sans-serif",
} as const;

/** `@font-face` rules, with the font files inline, for the characters `text` uses. */
export async function reportFontFaces(_text: string): Promise<string> {
  return '';
}
