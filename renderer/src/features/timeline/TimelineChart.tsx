import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { DataSet, moment, Timeline, type DataItem, type TimelineOptions } from 'vis-timeline/standalone';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import './timeline.css';
import { eventWhen } from '../../../../shared/eventDates';
import { VirtualList } from '../../components/VirtualList';
import { filterItems, NO_FILTER, type TimelineFilter } from '../../timeline/filter';
import { chronological } from '../../timeline/span';
import { LANE_KINDS, LANE_LABELS, type LaneKind, type TimelineData, type TimelineItem } from '../../timeline/timelineData';
import { CLUSTER_PREFIX, DEFAULT_DETAIL, itemsInWindow, prepareDrawing, type DetailOptions, type VisItem } from '../../timeline/visItems';

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
  /** The case's time range (the range brush), drawn as two bars the researcher can drag; null or left out: none. */
  brush?: { start: number; end: number } | null;
  /** Called with the brush's new range when one of its bars is dropped elsewhere. */
  onBrushChange?(range: { start: number; end: number }): void;
  onFirstDraw?(): void;
  /** The lanes to start with; the researcher changes them with the "Lanes" choice. */
  initialLanes?: LaneKind | null;
  /** How many events are drawn on their own before crowds become clusters (the bench tries others). */
  detail?: DetailOptions;
  /** Whether overlapping items are stacked (off: they overlap, which draws faster). */
  stack?: boolean;
  ref?: Ref<TimelineChartHandle>;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** vis-timeline takes a string as HTML: titles and names are the researcher's text, never markup. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
/** The ids of the range brush's two bars (custom times: vis-timeline lets them be dragged). */
const BRUSH_START = 'range-brush-start';
const BRUSH_END = 'range-brush-end';

/** An item as vis-timeline takes it: dates, and its title as escaped text. */
const toVisData = ({ id, group, type, start, end, text, className, style }: VisItem) => ({
  id,
  ...(group !== undefined ? { group } : {}),
  type,
  start: new Date(start),
  ...(end !== undefined ? { end: new Date(end) } : {}),
  content: escapeHtml(text),
  title: escapeHtml(text),
  className,
  ...(style ? { style } : {}),
});

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
  brush = null,
  onBrushChange,
  onFirstDraw,
  initialLanes = null,
  detail = DEFAULT_DETAIL,
  stack = true,
  ref,
}: TimelineChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const [lanes, setLanes] = useState<LaneKind | null>(initialLanes);
  const [range, setRange] = useState<TimeRange | null>(null);
  const callbacks = useRef({ onOpen, onRangeChange, onBrushChange, onFirstDraw });
  useEffect(() => {
    callbacks.current = { onOpen, onRangeChange, onBrushChange, onFirstDraw };
  });

  const shown = useMemo(() => filterItems(data.items, filter), [data.items, filter]);
  const drawing = useMemo(() => prepareDrawing(data, shown, lanes), [data, shown, lanes]);
  const undated = useMemo(() => shown.filter((item) => !item.start), [shown]);

  // What the chart holds now, by id: clicks find their event (or their cluster's stretch of time) here.
  const current = useRef(new Map<string, VisItem>());
  const drawingRef = useRef(drawing);
  const detailRef = useRef(detail);
  useEffect(() => {
    drawingRef.current = drawing;
    detailRef.current = detail;
  });

  // What the chart draws: changed item by item, so what stays in view is not drawn anew.
  const [itemsSet] = useState(() => new DataSet<DataItem & { id: string }, 'id'>());
  /** Hands the chart what to draw for a window: vis-timeline slows to a crawl past a few thousand items. */
  const drawWindow = useCallback(
    (window: { start: number; end: number }) => {
      const items = itemsInWindow(drawingRef.current, window, container.current?.clientWidth ?? 1000, detailRef.current);
      const next = new Map(items.map((item) => [item.id, item]));
      const gone = [...current.current.keys()].filter((id) => !next.has(id));
      const added = items.filter((item) => !current.current.has(item.id));
      current.current = next;
      if (gone.length) itemsSet.remove(gone);
      if (added.length) itemsSet.add(added.map(toVisData));
    },
    [itemsSet],
  );

  // Whether the window was fitted to the events yet: once, when there first are some.
  const fitted = useRef(false);
  // The chart is made once (again only for another stacking); the items change with the window, the filters, the lanes.
  useEffect(() => {
    const options: TimelineOptions = {
      stack,
      minHeight: 160,
      maxHeight: 340,
      showCurrentTime: false,
      selectable: true,
      multiselect: false,
      editable: false,
      zoomMin: 60 * 60 * 1000,
      zoomMax: 1000 * YEAR_MS,
      margin: { item: { horizontal: 2, vertical: 4 } },
      orientation: { axis: 'top', item: 'top' },
      verticalScroll: true,
      // Dates name calendar days, drawn in UTC (span.ts): the axis reads them in UTC too, so 9 March is under "9",
      // not under 8 March's evening in a time zone west of Greenwich.
      moment: (date?: Parameters<typeof moment>[0]) => moment(date).utc(),
    };
    fitted.current = false;
    const chart = new Timeline(container.current!, itemsSet, options);
    timeline.current = chart;
    let drawnOnce = false;
    chart.on('changed', () => {
      if (drawnOnce || current.current.size === 0) return;
      drawnOnce = true;
      callbacks.current.onFirstDraw?.();
    });
    chart.on('click', (properties: { item?: string | number | null }) => {
      const clicked = properties.item == null ? undefined : current.current.get(String(properties.item));
      if (!clicked) return;
      if (clicked.id.startsWith(CLUSTER_PREFIX)) {
        // A cluster opens onto its stretch of time, where its events have room to be drawn each on its own.
        const margin = (clicked.end! - clicked.start) * 0.1;
        chart.setWindow(clicked.start - margin, clicked.end! + margin);
      } else callbacks.current.onOpen(clicked.eventId);
    });
    chart.on('rangechanged', ({ start, end }: { start: Date; end: Date }) => {
      const shownRange = { start: new Date(start), end: new Date(end) };
      drawWindow({ start: shownRange.start.getTime(), end: shownRange.end.getTime() });
      setRange(shownRange);
      callbacks.current.onRangeChange?.(shownRange);
    });
    chart.on('timechanged', ({ id }: { id: string | number }) => {
      if (id !== BRUSH_START && id !== BRUSH_END) return;
      const [from, to] = [chart.getCustomTime(BRUSH_START).getTime(), chart.getCustomTime(BRUSH_END).getTime()];
      // A bar dragged past the other swaps the ends rather than making a range that ends before it starts.
      if (from !== to) callbacks.current.onBrushChange?.({ start: Math.min(from, to), end: Math.max(from, to) });
    });
    return () => {
      chart.destroy();
      timeline.current = null;
    };
  }, [stack, drawWindow, itemsSet]);

  // The brush's bars: added with the chart (again when it is made anew), moved by removing and adding them.
  const [brushStart, brushEnd] = [brush?.start ?? null, brush?.end ?? null];
  useEffect(() => {
    const chart = timeline.current;
    if (!chart || brushStart === null || brushEnd === null) return;
    chart.addCustomTime(brushStart, BRUSH_START);
    chart.addCustomTime(brushEnd, BRUSH_END);
    // vis-timeline has markers on its bars, which its types leave out.
    const marked = chart as unknown as { setCustomTimeMarker(title: string, id: string): void };
    marked.setCustomTimeMarker('From', BRUSH_START);
    marked.setCustomTimeMarker('To', BRUSH_END);
    chart.setCustomTimeTitle('Where the case’s time range begins: drag to move it', BRUSH_START);
    chart.setCustomTimeTitle('Where the case’s time range ends: drag to move it', BRUSH_END);
    return () => {
      // A chart destroyed meanwhile took its bars with it.
      if (timeline.current !== chart) return;
      chart.removeCustomTime(BRUSH_START);
      chart.removeCustomTime(BRUSH_END);
    };
  }, [brushStart, brushEnd, stack]);

  useEffect(() => {
    const chart = timeline.current;
    if (!chart) return;
    // Items of the old lanes go before the lanes change, so none is left pointing at a lane that is gone.
    itemsSet.clear();
    current.current = new Map();
    chart.setGroups((drawing.groups?.map((group) => ({ ...group, content: escapeHtml(group.content) })) ?? null) as never);
    const shownWindow = chart.getWindow();
    if (!fitted.current && drawing.extent) {
      fitted.current = true;
      // The first drawing shows every dated event, with a little room either side.
      const margin = Math.max((drawing.extent.end - drawing.extent.start) * 0.02, 24 * 3600 * 1000);
      const window = { start: drawing.extent.start - margin, end: drawing.extent.end + margin };
      chart.setWindow(window.start, window.end, { animation: false });
      // Drawn by the window's change, unless the window was there already.
      if (current.current.size === 0) drawWindow(window);
    } else drawWindow({ start: shownWindow.start.getTime(), end: shownWindow.end.getTime() });
    // `stack`: a chart made anew (stacked otherwise) needs its lanes and window too.
  }, [drawing, drawWindow, itemsSet, stack]);

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

  const inViewCount = useMemo(() => {
    if (!range) return drawing.events.length;
    const [from, to] = [range.start.getTime(), range.end.getTime()];
    return drawing.events.reduce((count, event) => (event.start < to && event.end > from ? count + 1 : count), 0);
  }, [drawing, range]);
  // The list of the events in view is put in order only while it is open: 20,000 events take a while to sort.
  const [listOpen, setListOpen] = useState(false);
  const inView = useMemo(() => {
    if (!listOpen) return [];
    const [from, to] = range ? [range.start.getTime(), range.end.getTime()] : [-Infinity, Infinity];
    return chronological(drawing.events.filter((event) => event.start < to && event.end > from).map((event) => event.item));
  }, [drawing, range, listOpen]);

  const showAll = () => {
    if (!drawing.extent) return;
    const margin = Math.max((drawing.extent.end - drawing.extent.start) * 0.02, 24 * 3600 * 1000);
    timeline.current?.setWindow(drawing.extent.start - margin, drawing.extent.end + margin);
  };
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
        <button type="button" onClick={showAll} disabled={!drawing.extent}>
          Show all
        </button>
        <span className="muted small" role="status">
          {range ? `${formatDay(range.start)} – ${formatDay(range.end)}: ` : ''}
          {countOf(inViewCount, 'event')} in view
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
      <details className="timeline-in-view" onToggle={(event) => setListOpen(event.currentTarget.open)}>
        <summary>Events in view ({inViewCount.toLocaleString('en')})</summary>
        {listOpen && <EventList items={inView} label="Events in view" onOpen={onOpen} />}
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
          <span className="meta">{eventWhen(item)}</span>
        </button>
      )}
    />
  );
}

const countOf = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
const formatDay = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
