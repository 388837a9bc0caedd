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

/**
 * The drawn items and, with lanes, the lanes: an event shows once in each of its lanes, one without any in the
 * "No participant" (…) lane. Undated events are left out: they are listed beside the chart.
 */
export function visItems(data: TimelineData, items: readonly TimelineItem[], lanes: LaneKind | null): { items: VisItem[]; groups: VisGroup[] | null } {
  const drawn: VisItem[] = [];
  if (!lanes) {
    for (const item of items) if (item.start) drawn.push(visItemOf(item as TimelineItem & { start: NonNullable<TimelineItem['start']> }));
    return { items: drawn, groups: null };
  }
  const used = new Set<string>();
  for (const item of items) {
    if (!item.start) continue;
    const base = visItemOf(item as TimelineItem & { start: NonNullable<TimelineItem['start']> });
    const ids = lanesOf(item, lanes);
    for (const lane of ids.length ? ids : [NO_LANE]) {
      used.add(lane);
      drawn.push({ ...base, id: `${item.id}@${lane}`, group: lane });
    }
  }
  const groups = [...used]
    .map((id) => ({ id, content: id === NO_LANE ? LANE_LABELS[lanes].none : (data.names[id] ?? id) }))
    .sort((a, b) => (a.id === NO_LANE ? 1 : b.id === NO_LANE ? -1 : a.content.localeCompare(b.content, 'en', { sensitivity: 'base' })))
    .map((group, order) => ({ ...group, order }));
  return { items: drawn, groups };
}
