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

type Heading = Extract<ListRow, { kind: 'heading' }>;

export function listRows(items: readonly TimelineItem[]): ListRow[] {
  const rows: ListRow[] = [];
  const open: { year?: Heading; month?: Heading; undated?: Heading } = {};
  const heading = (level: Heading['level'], key: string, label: string): Heading => {
    const row: Heading = { kind: 'heading', level, key, label, count: 0 };
    rows.push(row);
    return row;
  };
  for (const item of chronological(items)) {
    if (!item.start) {
      open.undated ??= heading('undated', 'undated', 'Undated');
      open.undated.count++;
    } else {
      const yearKey = item.start.value.slice(0, 4);
      if (open.year?.key !== yearKey) {
        open.year = heading('year', yearKey, yearKey);
        delete open.month;
      }
      open.year.count++;
      if (item.start.precision !== 'year') {
        const monthKey = item.start.value.slice(0, 7);
        if (open.month?.key !== monthKey) open.month = heading('month', monthKey, formatPartialDate({ value: monthKey, precision: 'month' }));
        open.month.count++;
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
