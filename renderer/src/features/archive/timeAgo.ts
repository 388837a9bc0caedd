/* Apart from format.ts, which the library loads at start: only an open case says how long ago. */
const MINUTE = 60_000;
const RELATIVE_STEPS: [limit: number, unit: Intl.RelativeTimeFormatUnit, size: number][] = [
  [60 * MINUTE, 'minute', MINUTE],
  [24 * 60 * MINUTE, 'hour', 60 * MINUTE],
  [30 * 24 * 60 * MINUTE, 'day', 24 * 60 * MINUTE],
  [365 * 24 * 60 * MINUTE, 'month', 30 * 24 * 60 * MINUTE],
  [Infinity, 'year', 365 * 24 * 60 * MINUTE],
];

/** How long ago a moment was, in words: "just now", "5 minutes ago", "yesterday", "3 months ago". */
export function formatTimeAgo(iso: string, now: number, locale?: string): string {
  const elapsed = Math.max(0, now - Date.parse(iso));
  if (elapsed < MINUTE) return 'just now';
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const [, unit, size] = RELATIVE_STEPS.find(([limit]) => elapsed < limit)!;
  return relative.format(-Math.floor(elapsed / size), unit);
}
