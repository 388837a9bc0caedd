import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { Timeline, type TimelineOptions } from 'vis-timeline/standalone';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import './timeline.css';
import { VirtualList } from '../../components/VirtualList';
import { filterItems, NO_FILTER, type TimelineFilter } from '../../timeline/filter';
import { chronological, drawnSpan, formatItemDate } from '../../timeline/span';
import { LANE_KINDS, LANE_LABELS, type LaneKind, type TimelineData, type TimelineItem } from '../../timeline/timelineData';
import { visItems } from '../../timeline/visItems';

/** The time shown, or chosen: what other sections will be filtered by. */
export interface TimeRange {
  start: Date;
  end: Date;
}

export interface TimelineChartHandle {
  /** Moves the view to a window over `ms` milliseconds; resolves when it is there (the bench's pans and zooms). */
  moveWindow(range: TimeRange, ms: number): Promise<void>;
  getWindow(): TimeRange | null;
}

export interface TimelineChartProps {
  data: TimelineData;
  filter?: TimelineFilter;
  /** Called with an event's id when it is clicked, or chosen in the list of events in view. */
  onOpen(eventId: string): void;
  /** Called with the window shown once the researcher stops moving it (and once when first drawn). */
  onRangeChange?(range: TimeRange): void;
  onFirstDraw?(): void;
  /** The lanes to start with; the researcher changes them with the "Lanes" choice. */
  initialLanes?: LaneKind | null;
  /** At most this many items side by side before they are drawn as one cluster; 0: never clustered. */
  clusterMaxItems?: number;
  /** Whether overlapping items are stacked (off: they overlap, which draws faster). */
  stack?: boolean;
  ref?: Ref<TimelineChartHandle>;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** vis-timeline takes a string as HTML: titles and names are the researcher's text, never markup. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/**
 * The case's events on a zoomable, pannable timeline (vis-timeline): each drawn over the span its date covers, faded
 * where it is hedged, in lanes by participant, place, tag or document, clustered where too many crowd together. The
 * keyboard route is the list of the events in view below it; undated events are listed beside it.
 */
export function TimelineChart({
  data,
  filter = NO_FILTER,
  onOpen,
  onRangeChange,
  onFirstDraw,
  initialLanes = null,
  clusterMaxItems = 6,
  stack = true,
  ref,
}: TimelineChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const [lanes, setLanes] = useState<LaneKind | null>(initialLanes);
  const [range, setRange] = useState<TimeRange | null>(null);
  const callbacks = useRef({ onOpen, onRangeChange, onFirstDraw });
  useEffect(() => {
    callbacks.current = { onOpen, onRangeChange, onFirstDraw };
  });

  const shown = useMemo(() => filterItems(data.items, filter), [data.items, filter]);
  const drawn = useMemo(() => visItems(data, shown, lanes), [data, shown, lanes]);
  // Each drawn item's event, for clicks (an event shows once per lane, under its own id per lane).
  const eventOf = useMemo(() => new Map(drawn.items.map((item) => [item.id, item.eventId])), [drawn]);
  const eventOfRef = useRef(eventOf);
  useEffect(() => {
    eventOfRef.current = eventOf;
  }, [eventOf]);
  const dated = useMemo(() => {
    const ordered = chronological(shown.filter((item) => item.start));
    return ordered.map((item) => ({ item, span: drawnSpan(item.start!, item.end) }));
  }, [shown]);
  const undated = useMemo(() => shown.filter((item) => !item.start), [shown]);

  // Whether the chart was fitted to its items yet: once, when it first has some.
  const fitted = useRef(false);
  useEffect(() => {
    fitted.current = false;
    const options: TimelineOptions = {
      minHeight: 160,
      maxHeight: 340,
      stack,
      showCurrentTime: false,
      selectable: true,
      multiselect: false,
      editable: false,
      zoomMin: 60 * 60 * 1000,
      zoomMax: 1000 * YEAR_MS,
      margin: { item: { horizontal: 2, vertical: 4 } },
      orientation: { axis: 'top', item: 'top' },
      verticalScroll: true,
      ...(clusterMaxItems > 0
        ? { cluster: { maxItems: clusterMaxItems, titleTemplate: '{count} events: zoom in to tell them apart', showStipes: true, fitOnDoubleClick: true } }
        : {}),
    };
    const chart = new Timeline(container.current!, [], options);
    timeline.current = chart;
    let drawnOnce = false;
    chart.on('changed', () => {
      if (drawnOnce) return;
      drawnOnce = true;
      callbacks.current.onFirstDraw?.();
    });
    chart.on('click', (properties: { item?: string | number | null; isCluster?: boolean }) => {
      const eventId = properties.item == null || properties.isCluster ? undefined : eventOfRef.current.get(String(properties.item));
      if (eventId) callbacks.current.onOpen(eventId);
    });
    chart.on('rangechanged', ({ start, end }: { start: Date; end: Date }) => {
      const shownRange = { start: new Date(start), end: new Date(end) };
      setRange(shownRange);
      callbacks.current.onRangeChange?.(shownRange);
    });
    return () => {
      chart.destroy();
      timeline.current = null;
    };
  }, [clusterMaxItems, stack]);

  useEffect(() => {
    const chart = timeline.current;
    if (!chart) return;
    const items = drawn.items.map(({ id, group, type, start, end, text, className, style }) => ({
      id,
      ...(group !== undefined ? { group } : {}),
      type,
      start: new Date(start),
      ...(end !== undefined ? { end: new Date(end) } : {}),
      content: escapeHtml(text),
      title: escapeHtml(text),
      className,
      ...(style ? { style } : {}),
    }));
    const groups = drawn.groups?.map((group) => ({ ...group, content: escapeHtml(group.content) })) ?? null;
    // vis-timeline's types ask for a DataSet; it turns arrays into one itself.
    chart.setData({ groups: groups as never, items: items as never });
    if (!fitted.current && items.length) {
      fitted.current = true;
      chart.fit({ animation: false });
      const window = chart.getWindow();
      const shownRange = { start: new Date(window.start), end: new Date(window.end) };
      setRange(shownRange);
      callbacks.current.onRangeChange?.(shownRange);
    }
  }, [drawn]);

  useImperativeHandle(
    ref,
    () => ({
      moveWindow: (target, ms) =>
        new Promise<void>((resolve) => {
          const chart = timeline.current;
          if (!chart) return resolve();
          chart.setWindow(target.start, target.end, { animation: { duration: ms, easingFunction: 'linear' } }, () => resolve());
        }),
      getWindow: () => {
        const window = timeline.current?.getWindow();
        return window ? { start: new Date(window.start), end: new Date(window.end) } : null;
      },
    }),
    [],
  );

  const inView = useMemo(() => {
    if (!range) return dated.map(({ item }) => item);
    const [from, to] = [range.start.getTime(), range.end.getTime()];
    return dated.filter(({ span }) => span.start < to && span.end > from).map(({ item }) => item);
  }, [dated, range]);

  const zoom = (factor: number) => (factor < 1 ? timeline.current?.zoomIn(1 - factor) : timeline.current?.zoomOut(1 - 1 / factor));
  const move = (share: number) => {
    const window = timeline.current?.getWindow();
    if (!window) return;
    const shift = (window.end.getTime() - window.start.getTime()) * share;
    timeline.current!.setWindow(window.start.getTime() + shift, window.end.getTime() + shift);
  };

  return (
    <section className="timeline-chart" aria-label="Timeline chart">
      <div className="timeline-toolbar" role="group" aria-label="Timeline view">
        <label className="timeline-field">
          <span>Lanes</span>
          <select value={lanes ?? ''} onChange={(event) => setLanes((event.target.value || null) as LaneKind | null)}>
            <option value="">None</option>
            {LANE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {LANE_LABELS[kind].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => move(-0.5)}>
          Earlier
        </button>
        <button type="button" onClick={() => move(0.5)}>
          Later
        </button>
        <button type="button" onClick={() => zoom(0.5)}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(2)}>
          Zoom out
        </button>
        <button type="button" onClick={() => timeline.current?.fit()}>
          Show all
        </button>
        <span className="muted small" role="status">
          {range ? `${formatDay(range.start)} – ${formatDay(range.end)}: ` : ''}
          {countOf(inView.length, 'event')} in view
          {undated.length ? `, ${countOf(undated.length, 'undated event')} beside` : ''}
        </span>
      </div>
      <div className="timeline-body">
        <div ref={container} className="timeline-canvas" aria-hidden="true" />
        {undated.length > 0 && (
          <div className="timeline-undated">
            <h3 id="timeline-undated-title">Undated</h3>
            <EventList items={undated} label="Undated events" onOpen={onOpen} />
          </div>
        )}
      </div>
      <details className="timeline-in-view">
        <summary>Events in view ({inView.length.toLocaleString('en')})</summary>
        <EventList items={inView} label="Events in view" onOpen={onOpen} />
      </details>
    </section>
  );
}

function EventList({ items, label, onOpen }: { items: readonly TimelineItem[]; label: string; onOpen(eventId: string): void }) {
  return (
    <VirtualList
      items={items}
      label={label}
      rowHeight={40}
      getKey={(item) => item.id}
      renderRow={(item) => (
        <button type="button" className="vlist-row timeline-row" onClick={() => onOpen(item.id)}>
          <span className="title">{item.title}</span>
          <span className="meta">{formatItemDate(item)}</span>
        </button>
      )}
    />
  );
}

const countOf = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
const formatDay = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
