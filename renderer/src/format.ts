const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

export const formatBytes = (bytes: number): string =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

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
