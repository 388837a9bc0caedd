import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import { eventWhen } from '../../../../shared/eventDates';
import { filterItems, NO_FILTER, type TimelineFilter } from '../../timeline/filter';
import { headingAbove, listRows } from '../../timeline/listRows';
import type { TimelineData } from '../../timeline/timelineData';

const HEADING_HEIGHT = 32;
const ROW_HEIGHT = 44;

export interface ChronologicalListProps {
  data: TimelineData;
  filter?: TimelineFilter;
  onOpen(eventId: string): void;
  /** The event open beside the list, marked as current. */
  currentId?: string | null;
}

/**
 * The case's events in date order, under a heading for each year and month (the heading of the rows on screen stays
 * at the top), each date shown as precisely as it is known. Only the rows on screen are rendered; Arrow keys, Home
 * and End move between the events.
 */
export function ChronologicalList({ data, filter = NO_FILTER, onOpen, currentId = null }: ChronologicalListProps) {
  const rows = useMemo(() => listRows(filterItems(data.items, filter)), [data.items, filter]);
  const eventIndexes = useMemo(() => rows.flatMap((row, index) => (row.kind === 'event' ? [index] : [])), [rows]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sticky = useRef(-1);
  // The heading above the first row on screen is always rendered, pinned to the top.
  const rangeExtractor = useCallback(
    (range: Range) => {
      sticky.current = headingAbove(rows, range.startIndex);
      const indexes = new Set(defaultRangeExtractor(range));
      if (sticky.current >= 0) indexes.add(sticky.current);
      return [...indexes].sort((a, b) => a - b);
    },
    [rows],
  );
  // The app does not use the React Compiler, so the virtualizer's unmemoisable functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]!.kind === 'heading' ? HEADING_HEIGHT : ROW_HEIGHT),
    overscan: 8,
    getItemKey: (index) => `${rows[index]!.kind}:${rows[index]!.key}`,
    rangeExtractor,
  });

  const moveFocus = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!current) return;
    const at = eventIndexes.indexOf(Number(current.dataset.index));
    const next =
      event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? eventIndexes.length - 1 : null;
    if (next === null || at < 0 || next < 0 || next >= eventIndexes.length) return;
    event.preventDefault();
    const target = eventIndexes[next]!;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"] button`)?.focus());
  };

  if (rows.length === 0) return <p className="muted">No event matches these filters.</p>;
  return (
    <div ref={scrollRef} className="chrono-list" role="region" aria-label="Chronological list" onKeyDown={moveFocus}>
      <ul style={{ height: virtualizer.getTotalSize(), margin: 0, padding: 0, listStyle: 'none', position: 'relative' }} aria-label="Events by date">
        {virtualizer.getVirtualItems().map((virtual) => {
          const row = rows[virtual.index]!;
          const isSticky = virtual.index === sticky.current;
          return (
            <li
              key={virtual.key}
              data-index={virtual.index}
              data-sticky={isSticky || undefined}
              style={
                isSticky
                  ? { position: 'sticky', top: 0, height: virtual.size }
                  : { position: 'absolute', top: 0, left: 0, right: 0, height: virtual.size, transform: `translateY(${virtual.start}px)` }
              }
            >
              {row.kind === 'heading' ? (
                <h3 className="chrono-heading" data-level={row.level}>
                  {row.label} <span className="count">{row.count === 1 ? '1 event' : `${row.count.toLocaleString('en')} events`}</span>
                </h3>
              ) : (
                <button
                  type="button"
                  className="vlist-row timeline-row"
                  aria-current={row.item.id === currentId ? 'true' : undefined}
                  onClick={() => onOpen(row.item.id)}
                >
                  <span className="title">{row.item.title}</span>
                  <span className="meta">{eventWhen(row.item)}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
