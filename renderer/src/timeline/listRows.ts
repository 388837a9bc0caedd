/**
 * The chronological list's rows: events in order under a heading for each year and each month. An event known only
 * to the year sits under its year's heading, ahead of the months; undated events come last under their own heading.
 */
import { formatPartialDate } from '../../../shared/partialDate';
import { chronological } from './span';
import type { TimelineItem } from './timelineData';

export type ListRow =
  | { kind: 'heading'; level: 'year' | 'month' | 'undated'; key: string; label: string; count: number }
  | { kind: 'event'; key: string; item: TimelineItem };

export function listRows(items: readonly TimelineItem[]): ListRow[] {
  const rows: ListRow[] = [];
  let year: Extract<ListRow, { kind: 'heading' }> | null = null;
  let month: Extract<ListRow, { kind: 'heading' }> | null = null;
  let undated: Extract<ListRow, { kind: 'heading' }> | null = null;
  for (const item of chronological(items)) {
    if (!item.start) {
      if (!undated) rows.push((undated = { kind: 'heading', level: 'undated', key: 'undated', label: 'Undated', count: 0 }));
      undated.count++;
    } else {
      const yearKey = item.start.value.slice(0, 4);
      if (year?.key !== yearKey) {
        rows.push((year = { kind: 'heading', level: 'year', key: yearKey, label: yearKey, count: 0 }));
        month = null;
      }
      year.count++;
      if (item.start.precision !== 'year') {
        const monthKey = item.start.value.slice(0, 7);
        if (month?.key !== monthKey) {
          const label = formatPartialDate({ value: monthKey, precision: 'month' });
          rows.push((month = { kind: 'heading', level: 'month', key: monthKey, label, count: 0 }));
        }
        month.count++;
      }
    }
    rows.push({ kind: 'event', key: item.id, item });
  }
  return rows;
}

/** The index of the heading an event row falls under (the nearest heading above it), for the sticky heading. */
export function headingAbove(rows: readonly ListRow[], index: number): number {
  for (let at = Math.min(index, rows.length - 1); at >= 0; at--) if (rows[at]!.kind === 'heading') return at;
  return -1;
}
