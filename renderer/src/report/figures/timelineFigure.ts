/**
 * The chronology's figure: the events on a time axis, as an SVG written from the data (vector, so it prints sharp).
 * Each dated event is drawn over what its date covers (a year-precision event spans its year, a range from its start
 * to its end), hedged dates faded beyond what the sources vouch for, open sides ("before", "after") with an arrow.
 * Labels (the event's number in the chronology and its title) sit beside their marks in rows packed so none overlap;
 * a long chronology is drawn in parts, each its own period, each small enough for one page.
 */
import { scaleUtc } from 'd3-scale';
import type { EventStatus, TimelineEvent } from '../../../../shared/domain';
import { eventWhen } from '../../../../shared/eventDates';
import { drawnSpan, type DrawnSpan } from '../../timeline/span';
import { layOutLegend, legendSvg, type LegendItem, type LegendLayout, type LegendStyle } from './legend';
import { escapeXml, FIGURE_FONT, fitText, linked, MIN_TEXT, px, textWidth } from './svgText';

export interface TimelineFigureOptions {
  /** Width of the figure in CSS pixels (the text block's width). */
  width: number;
  /** Tallest one part may be, in CSS pixels (a page's text block): a long chronology is drawn in several parts. */
  maxHeight: number;
  /** The element id each event's entry in the chronology has, so a mark can link to it; none when left out. */
  anchorOf?: (event: TimelineEvent) => string | null;
}

const SIDE = 6;
const AXIS = 26;
const ROW = 15;
const BAR = 7;
const GAP = 8;
const LEGEND_GAP = 6;
const LEGEND: LegendStyle = { side: SIDE, lineHeight: 14, swatchWidth: 20 };

const STATUS_COLOURS: Readonly<Record<EventStatus, string>> = {
  undisputed: '#2c5d8f',
  disputed: '#b4432a',
  unverified: '#6f7680',
};
const STATUS_WORDS: Readonly<Record<EventStatus, string>> = {
  undisputed: 'undisputed',
  disputed: 'disputed',
  unverified: 'unverified',
};

interface Dated {
  event: TimelineEvent;
  /** Its number in the chronology. */
  number: number;
  span: DrawnSpan;
}

interface Placed extends Dated {
  row: number;
  /** The mark's ends, in pixels. */
  x0: number;
  x1: number;
  label: string;
  labelX: number;
  /** Beside the mark, or over it. */
  labelSide: 'right' | 'left' | 'over';
}

/** One `<svg>` per part, each at most `maxHeight` tall, in time order; none when no event is dated. */
export function timelineFigureSvg(events: readonly TimelineEvent[], options: TimelineFigureOptions): string[] {
  const dated = chronologyNumbers(events);
  if (dated.length === 0) return [];
  const legend = layOutLegend(legendItems(dated), options.width, LEGEND);
  // The legend is drawn in exactly the room kept for it below the plot: drawn lower, its last line's descenders were cut off.
  const legendHeight = LEGEND_GAP + legend.height;
  const rows = Math.max(1, Math.floor((options.maxHeight - AXIS - legendHeight - 4) / ROW));
  const parts: Placed[][] = [];
  for (let from = 0; from < dated.length; ) {
    // As many events as fit the rows: the period drawn narrows or widens with them, so each is tried in turn.
    let best = layoutPart(dated.slice(from, from + 1), options.width);
    for (let to = from + 2; to <= dated.length; to++) {
      const tried = layoutPart(dated.slice(from, to), options.width);
      if (tried.rows > rows) break;
      best = tried;
    }
    parts.push(best.placed);
    from += best.placed.length;
  }
  return parts.map((placed, index) => partSvg(placed, index, parts.length, options, legend, legendHeight));
}

/** The dated events in the chronology's order, numbered as the chronology numbers all its events (undated ones last). */
function chronologyNumbers(events: readonly TimelineEvent[]): Dated[] {
  return [...events]
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((event, index) => ({ event, number: index + 1 }))
    .filter((entry): entry is { event: TimelineEvent & { start: NonNullable<TimelineEvent['start']> }; number: number } => entry.event.start !== null)
    .map(({ event, number }) => ({ event, number, span: drawnSpan(event.start, event.end) }));
}

function scaleFor(dated: readonly Dated[], width: number) {
  const start = Math.min(...dated.map((entry) => entry.span.start));
  const end = Math.max(...dated.map((entry) => entry.span.end));
  const pad = Math.max((end - start) * 0.02, 12 * 3600_000);
  return scaleUtc()
    .domain([new Date(start - pad), new Date(end + pad)])
    .range([SIDE, width - SIDE])
    .nice();
}

/** Places each event's mark and label in the first row where neither meets another's. */
function layoutPart(dated: readonly Dated[], width: number): { placed: Placed[]; rows: number } {
  const x = scaleFor(dated, width);
  const rows: [number, number][][] = [];
  const maxLabel = Math.min(width * 0.45, 280);
  const placed = dated.map((entry): Placed => {
    const x0 = x(new Date(entry.span.start));
    const x1 = Math.max(x(new Date(entry.span.end)), x0 + 2);
    const mark = entry.span.point ? [x0 - BAR / 2 - 1, x0 + BAR / 2 + 1] : [x0 - (entry.span.openStart ? 5 : 0), x1 + (entry.span.openEnd ? 5 : 0)];
    const full = `${entry.number} ${entry.event.title.trim() || 'Untitled event'}`;
    const right = width - SIDE - (mark[1]! + 4);
    const left = mark[0]! - 4 - SIDE;
    const wanted = Math.min(textWidth(full, MIN_TEXT), maxLabel, 120);
    // Beside the mark where there is room; over it (on a halo) when the mark fills the width, as a long range may.
    const rooms = { right, left, over: width - SIDE - Math.max(mark[0]!, SIDE) - 2 };
    const side: Placed['labelSide'] =
      right >= wanted ? 'right' : left >= wanted ? 'left' : (['right', 'left', 'over'] as const).reduce((a, b) => (rooms[b] > rooms[a] + 20 ? b : a));
    const room = rooms[side];
    const label = fitText(full, MIN_TEXT, Math.min(maxLabel, room)) || String(entry.number);
    const labelWidth = textWidth(label, MIN_TEXT);
    const extent: [number, number] =
      side === 'right' ? [mark[0]!, mark[1]! + 4 + labelWidth] : side === 'left' ? [mark[0]! - 4 - labelWidth, mark[1]!] : [mark[0]!, Math.max(mark[1]!, mark[0]! + 2 + labelWidth)];
    let row = rows.findIndex((taken) => taken.every(([from, to]) => extent[1] + GAP <= from || extent[0] >= to + GAP));
    if (row === -1) row = rows.push([]) - 1;
    rows[row]!.push(extent);
    const labelX = side === 'right' ? mark[1]! + 4 : side === 'left' ? mark[0]! - 4 : Math.max(mark[0]!, SIDE) + 2;
    return { ...entry, row, x0, x1, label, labelX, labelSide: side };
  });
  return { placed, rows: rows.length };
}

function partSvg(placed: readonly Placed[], index: number, count: number, options: TimelineFigureOptions, legend: LegendLayout, legendHeight: number): string {
  const { width } = options;
  const x = scaleFor(placed, width);
  const rows = Math.max(...placed.map((entry) => entry.row)) + 1;
  const plotBottom = AXIS + rows * ROW + 2;
  const height = Math.ceil(plotBottom + legendHeight);
  const [from, to] = x.domain() as [Date, Date];
  const numbers = placed.map((entry) => entry.number);
  const period = `${from.getUTCFullYear()}–${to.getUTCFullYear() - (to.getUTCMonth() === 0 && to.getUTCDate() === 1 ? 1 : 0)}`;
  const title = `Timeline${count > 1 ? `, part ${index + 1} of ${count}` : ''}: ${period}, events ${Math.min(...numbers)}–${Math.max(...numbers)}`;
  const description =
    `${placed.length} dated event${placed.length === 1 ? '' : 's'} on a time axis, each labelled with its number in the chronology. ` +
    'Bars span what a date covers at its precision; hedged dates are faded and dashed; open-ended dates end in an arrow.';

  const ticks = x.ticks(Math.max(2, Math.floor((width - 2 * SIDE) / 90)));
  const format = tickFormat(ticks);
  const axis = ticks
    .map((tick) => {
      const at = px(x(tick));
      return (
        `<line x1="${at}" y1="${AXIS - 6}" x2="${at}" y2="${plotBottom}" stroke="#d5d9de" stroke-width="0.6"/>` +
        `<text x="${at}" y="${AXIS - 10}" text-anchor="${at < SIDE + 24 ? 'start' : at > width - SIDE - 24 ? 'end' : 'middle'}" fill="#3d434a">${escapeXml(format(tick))}</text>`
      );
    })
    .join('');

  const marks = placed.map((entry) => {
    const y = AXIS + entry.row * ROW + ROW / 2;
    const colour = STATUS_COLOURS[entry.event.status] ?? STATUS_COLOURS.unverified;
    const what = `${entry.number}. ${entry.event.title} (${eventWhen(entry.event)}${entry.event.status === 'undisputed' ? '' : `, ${STATUS_WORDS[entry.event.status] ?? entry.event.status}`})`;
    const label =
      `<text x="${px(entry.labelX)}" y="${px(y + 3.4)}" text-anchor="${entry.labelSide === 'left' ? 'end' : 'start'}" fill="#1f2328"` +
      `${entry.labelSide === 'over' ? ' stroke="#ffffff" stroke-width="2.4" stroke-linejoin="round" paint-order="stroke"' : ''}>` +
      `<tspan font-weight="700">${entry.number}</tspan>${escapeXml(entry.label.slice(String(entry.number).length))}</text>`;
    return linked(`<g><title>${escapeXml(what)}</title>${mark(entry, x, y, colour)}${label}</g>`, options.anchorOf?.(entry.event));
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="${FIGURE_FONT}" font-size="${MIN_TEXT}">`,
    `<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>`,
    `<line x1="${SIDE}" y1="${AXIS - 6}" x2="${width - SIDE}" y2="${AXIS - 6}" stroke="#3d434a" stroke-width="0.8"/>`,
    axis,
    marks.join(''),
    legendSvg(legend, plotBottom + LEGEND_GAP),
    '</svg>',
  ].join('');
}

/** An event's mark: a diamond for a day, a bar over its span, faded and dashed where hedged, arrows on open sides. */
function mark(entry: Placed, x: (date: Date) => number, y: number, colour: string): string {
  const { span } = entry;
  if (span.point) return diamond(entry.x0, y, colour);
  const core0 = x(new Date(span.coreStart));
  const core1 = Math.max(x(new Date(span.coreEnd)), core0 + 2);
  const top = px(y - BAR / 2);
  const parts: string[] = [];
  const faded = (from: number, to: number) =>
    to - from > 0.5
      ? `<rect x="${px(from)}" y="${top}" width="${px(to - from)}" height="${BAR}" fill="${colour}" fill-opacity="0.22" stroke="${colour}" stroke-width="0.7" stroke-dasharray="2 1.5"/>`
      : '';
  parts.push(faded(entry.x0, core0), faded(core1, entry.x1));
  parts.push(`<rect x="${px(core0)}" y="${top}" width="${px(core1 - core0)}" height="${BAR}" fill="${colour}"/>`);
  if (span.openStart) parts.push(arrow(entry.x0, y, -1, colour));
  if (span.openEnd) parts.push(arrow(entry.x1, y, 1, colour));
  return parts.join('');
}

const diamond = (cx: number, cy: number, colour: string) =>
  `<path d="M${px(cx)} ${px(cy - 4.5)}L${px(cx + 4.5)} ${px(cy)}L${px(cx)} ${px(cy + 4.5)}L${px(cx - 4.5)} ${px(cy)}Z" fill="${colour}"/>`;

const arrow = (at: number, y: number, direction: 1 | -1, colour: string) =>
  `<path d="M${px(at)} ${px(y - 4)}L${px(at + 5 * direction)} ${px(y)}L${px(at)} ${px(y + 4)}Z" fill="${colour}" fill-opacity="0.6"/>`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Ticks in the coarsest words that tell them apart: "2021", "Mar 2021", "9 Mar 2021", "9 Mar, 06:00". */
function tickFormat(ticks: readonly Date[]): (tick: Date) => string {
  const year = (tick: Date) => String(tick.getUTCFullYear());
  const month = (tick: Date) => `${MONTHS[tick.getUTCMonth()]} ${year(tick)}`;
  const day = (tick: Date) => `${tick.getUTCDate()} ${month(tick)}`;
  if (ticks.every((tick) => tick.getUTCMonth() === 0 && tick.getUTCDate() === 1 && tick.getUTCHours() === 0)) return year;
  if (ticks.every((tick) => tick.getUTCDate() === 1 && tick.getUTCHours() === 0)) return month;
  if (ticks.every((tick) => tick.getUTCHours() === 0 && tick.getUTCMinutes() === 0)) return day;
  return (tick) => `${tick.getUTCDate()} ${MONTHS[tick.getUTCMonth()]}, ${String(tick.getUTCHours()).padStart(2, '0')}:${String(tick.getUTCMinutes()).padStart(2, '0')}`;
}

/** What the figure's marks mean: the statuses met, and the kinds of date met. */
function legendItems(dated: readonly Dated[]): LegendItem[] {
  const items: LegendItem[] = [];
  const statuses = new Set(dated.map((entry) => entry.event.status));
  for (const status of Object.keys(STATUS_COLOURS) as EventStatus[]) {
    if (!statuses.has(status)) continue;
    items.push({ swatch: `<rect x="0" y="-4" width="14" height="${BAR}" fill="${STATUS_COLOURS[status]}"/>`, text: STATUS_WORDS[status] });
  }
  // The kinds of date in a neutral ink, apart from the statuses' colours.
  const grey = '#9aa0a6';
  if (dated.some((entry) => entry.span.point)) items.push({ swatch: diamond(7, -0.5, grey), text: 'known to the day' });
  if (dated.some((entry) => !entry.span.point))
    items.push({ swatch: `<rect x="0.5" y="-3.5" width="13" height="${BAR - 1}" fill="#ffffff" stroke="#3d434a" stroke-width="0.8"/>`, text: 'bar: the year, month or range a date covers' });
  if (dated.some((entry) => entry.span.start < entry.span.coreStart || entry.span.end > entry.span.coreEnd))
    items.push({
      swatch: `<rect x="0" y="-4" width="14" height="${BAR}" fill="${grey}" fill-opacity="0.22" stroke="${grey}" stroke-width="0.7" stroke-dasharray="2 1.5"/>`,
      text: '“about”: possibly this far',
    });
  if (dated.some((entry) => entry.span.openStart || entry.span.openEnd))
    items.push({ swatch: `<rect x="0" y="-4" width="9" height="${BAR}" fill="${grey}"/>${arrow(9, -0.5, 1, grey)}`, text: '“before”/“after”: open-ended' });
  return items;
}
