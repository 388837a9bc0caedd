/**
 * The timeline's items and lanes as vis-timeline takes them, built from plain data (no vis-timeline here, so it can
 * be tested on its own). Each item's classes say how it is drawn: its precision, its qualifiers, its open sides;
 * timeline.css fades an item's uncertain edges over the share of its width the `--tl-fade-*` properties give.
 */
import { drawnSpan } from './span';
import { LANE_LABELS, lanesOf, type LaneKind, type TimelineData, type TimelineItem } from './timelineData';

export interface VisItem {
  /** `<event id>` without lanes; `<event id>@<lane id>` in a lane (an event shows in each of its lanes). */
  id: string;
  eventId: string;
  group?: string;
  type: 'point' | 'range';
  start: number;
  end?: number;
  /** Plain text: vis-timeline takes a string as HTML, so the chart passes it as a text node. */
  text: string;
  className: string;
  style?: string;
}

export interface VisGroup {
  id: string;
  content: string;
  order: number;
}

/** The lane for events with nothing of the kind (no participant, no place…). */
export const NO_LANE = '\u0000none';
/** The lane for the events of the lanes beyond `MAX_LANES`, the least busy. */
export const OTHER_LANE = '\u0000other';
/**
 * At most this many lanes are drawn: the busiest, then one for the rest. More cannot be read in a chart a few hundred
 * pixels high, and vis-timeline measures every lane on every frame.
 */
export const MAX_LANES = 30;

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 1000) / 10}%`;

/** How one dated event is drawn, in no lane. */
export function visItemOf(item: TimelineItem & { start: NonNullable<TimelineItem['start']> }): VisItem {
  const span = drawnSpan(item.start, item.end);
  const classes = [`tl-precision-${item.start.precision}`];
  if (item.end) classes.push('tl-range', `tl-end-precision-${item.end.precision}`);
  if (item.start.qualifier) classes.push(`tl-${item.start.qualifier}`);
  if (item.end?.qualifier) classes.push(`tl-end-${item.end.qualifier}`);
  if (item.status) classes.push(`tl-status-${item.status}`);
  if (item.confidence) classes.push(`tl-confidence-${item.confidence}`);
  if (span.point) return { id: item.id, eventId: item.id, type: 'point', start: span.start, text: item.title, className: classes.join(' ') };
  const width = span.end - span.start;
  const styles: string[] = [];
  if (span.coreStart > span.start) {
    classes.push(span.openStart ? 'tl-open-start' : 'tl-fade-start');
    styles.push(`--tl-fade-start: ${percent(span.coreStart - span.start, width)}`);
  }
  if (span.coreEnd < span.end) {
    classes.push(span.openEnd ? 'tl-open-end' : 'tl-fade-end');
    styles.push(`--tl-fade-end: ${percent(span.end - span.coreEnd, width)}`);
  }
  return {
    id: item.id,
    eventId: item.id,
    type: 'range',
    start: span.start,
    end: span.end,
    text: item.title,
    className: classes.join(' '),
    ...(styles.length ? { style: styles.join('; ') } : {}),
  };
}

/** An event ready to draw: its item as drawn, its span, and the lanes it shows in (null: no lanes). */
export interface PreparedEvent {
  item: TimelineItem;
  drawn: VisItem;
  start: number;
  end: number;
  lanes: readonly string[] | null;
}

export interface PreparedDrawing {
  /** Dated events by their drawn start. */
  events: PreparedEvent[];
  /** The lanes, each with its name, in name order and the lane for none last; null without lanes. */
  groups: VisGroup[] | null;
  /** From the earliest drawn start to the latest drawn end; null when nothing is dated. */
  extent: { start: number; end: number } | null;
}

/**
 * Everything about the drawing that does not depend on the window: each dated event as drawn, its lanes, and the
 * lanes themselves (all of them, so they stay put as the view pans). Undated events are left out: they are listed
 * beside the chart.
 */
export function prepareDrawing(data: TimelineData, items: readonly TimelineItem[], lanes: LaneKind | null, maxLanes = MAX_LANES): PreparedDrawing {
  const dated = items.filter((item): item is TimelineItem & { start: NonNullable<TimelineItem['start']> } => item.start !== null);
  // How busy each lane is, to keep the busiest when there are too many.
  const busy = new Map<string, number>();
  if (lanes)
    for (const item of dated) {
      const ids = lanesOf(item, lanes);
      for (const id of ids.length ? ids : [NO_LANE]) busy.set(id, (busy.get(id) ?? 0) + 1);
    }
  const kept = new Set(
    busy.size <= maxLanes
      ? busy.keys()
      : [...busy]
          .filter(([id]) => id !== NO_LANE)
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, maxLanes - (busy.has(NO_LANE) ? 2 : 1))
          .map(([id]) => id)
          .concat(busy.has(NO_LANE) ? [NO_LANE] : []),
  );
  const events: PreparedEvent[] = [];
  let extent: PreparedDrawing['extent'] = null;
  for (const item of dated) {
    const drawn = visItemOf(item);
    const end = drawn.end ?? drawn.start;
    let ids: readonly string[] | null = null;
    if (lanes) {
      const own = lanesOf(item, lanes);
      ids = own.length ? own : [NO_LANE];
      if (ids.some((id) => !kept.has(id))) ids = [...new Set(ids.map((id) => (kept.has(id) ? id : OTHER_LANE)))];
    }
    events.push({ item, drawn, start: drawn.start, end, lanes: ids });
    extent = extent ? { start: Math.min(extent.start, drawn.start), end: Math.max(extent.end, end) } : { start: drawn.start, end };
  }
  events.sort((a, b) => a.start - b.start);
  const others = busy.size - kept.size;
  const last = (id: string) => (id === NO_LANE ? 2 : id === OTHER_LANE ? 1 : 0);
  const groups = lanes
    ? [...kept, ...(others ? [OTHER_LANE] : [])]
        .map((id) => ({
          id,
          content:
            id === NO_LANE ? LANE_LABELS[lanes].none : id === OTHER_LANE ? `${others.toLocaleString('en')} more` : (data.names[id] ?? id),
        }))
        .sort((a, b) => last(a.id) - last(b.id) || a.content.localeCompare(b.content, 'en', { sensitivity: 'base' }))
        .map((group, order) => ({ ...group, order }))
    : null;
  return { events, groups, extent };
}

export interface DetailOptions {
  /** Up to this many items (an event counts once per lane) near the window, each is drawn on its own. */
  maxItems: number;
  /** More than this many events of one lane in one stretch of time are drawn as one cluster. */
  clusterAbove: number;
  /** The narrowest a cluster is drawn, in pixels. */
  bucketPx: number;
}

export const DEFAULT_DETAIL: DetailOptions = { maxItems: 300, clusterAbove: 3, bucketPx: 120 };

/** The prefix of a cluster's id; the rest says its lane and its stretch of time. */
export const CLUSTER_PREFIX = 'cluster:';

/**
 * What to hand the chart for a window: the events near it (one window's width either side, so a pan shows them at
 * once) on their own when they are few, else clusters of the events crowding one stretch of time in one lane. The
 * stretches are powers of two minutes long, aligned to 1970, so a small pan does not regroup them; a cluster spans
 * its stretch and is drawn as "N events". Within one drawing, an id always stands for the same item, so the chart
 * can keep what it already drew.
 */
export function itemsInWindow(
  drawing: PreparedDrawing,
  window: { start: number; end: number },
  widthPx: number,
  options: DetailOptions = DEFAULT_DETAIL,
): VisItem[] {
  const duration = Math.max(1, window.end - window.start);
  const from = window.start - duration;
  const to = window.end + duration;
  const near = drawing.events.filter((event) => event.start < to && event.end > from);
  const count = near.reduce((sum, event) => sum + (event.lanes?.length ?? 1), 0);
  const inLane = (event: PreparedEvent, lane: string | null): VisItem =>
    lane === null ? event.drawn : { ...event.drawn, id: `${event.drawn.id}@${lane}`, group: lane };
  if (count <= options.maxItems) return near.flatMap((event) => (event.lanes ?? [null]).map((lane) => inLane(event, lane)));

  const minute = 60_000;
  const wanted = (duration / Math.max(1, widthPx)) * options.bucketPx;
  const bucket = minute * 2 ** Math.max(0, Math.ceil(Math.log2(wanted / minute)));
  // Whole stretches only, each with all the events that begin in it: a cluster says the same as the view pans.
  const [first, last] = [Math.floor(from / bucket), Math.floor(to / bucket)];
  const buckets = new Map<string, { lane: string | null; index: number; events: PreparedEvent[] }>();
  for (const event of drawing.events) {
    const index = Math.floor(event.start / bucket);
    if (index < first || index > last) continue;
    for (const lane of event.lanes ?? [null]) {
      const key = `${lane ?? ''}|${index}`;
      let found = buckets.get(key);
      if (!found) buckets.set(key, (found = { lane, index, events: [] }));
      found.events.push(event);
    }
  }
  const items: VisItem[] = [];
  for (const { lane, index, events } of buckets.values()) {
    if (events.length <= options.clusterAbove) {
      for (const event of events) items.push(inLane(event, lane));
      continue;
    }
    items.push({
      id: `${CLUSTER_PREFIX}${lane ?? ''}|${bucket}|${index}`,
      eventId: '',
      ...(lane === null ? {} : { group: lane }),
      type: 'range',
      start: index * bucket,
      end: (index + 1) * bucket,
      text: `${events.length.toLocaleString('en')} events`,
      className: 'tl-cluster',
    });
  }
  return items;
}
