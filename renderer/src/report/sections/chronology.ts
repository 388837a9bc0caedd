/**
 * The chronology: the events in order as a table (date at its precision, the event with its place and participants,
 * status and confidence, the evidence as numbered references), undated events last; then the timeline figure.
 */
import type { TimelineEvent } from '../../../../shared/domain';
import { eventWhen } from '../../../../shared/eventDates';
import { timelineFigureSvg } from '../figures/timelineFigure';
import { REPORT_SECTION_TITLES } from '../options';
import type { RenderContext } from './context';
import { figureBox, figureHtml } from './figures';
import { anchors, capitalised, esc, plural } from './html';
import { hasText } from './richText';
import type { SectionBlocks } from './section';

function evidenceCell(context: RenderContext, event: Pick<TimelineEvent, 'evidenceIds'>): string {
  const { numbers } = context.derived;
  const kept = event.evidenceIds.filter((id) => numbers.has(id)).sort((a, b) => numbers.get(a)! - numbers.get(b)!);
  const left = event.evidenceIds.length - kept.length;
  const references = kept.map((id) => context.excerptReference(id)).join(' ');
  const more = left ? `<span class="more">+${left} not in this report</span>` : '';
  return references || more ? [references, more].filter(Boolean).join(' ') : '<span class="quiet">none</span>';
}

export function chronologySection(context: RenderContext): SectionBlocks {
  const title = REPORT_SECTION_TITLES.chronology;
  context.listed(anchors.section('chronology'), title, 1);
  const rows: string[] = [];
  let undatedShown = false;
  context.data.events.forEach(({ event, description }, index) => {
    // The undated events' heading row goes with the first of them: a part never ends on it.
    let group = '';
    if (!event.start && !undatedShown) {
      undatedShown = true;
      group = `<tr class="group"><th colspan="5" scope="rowgroup">Undated events: their date is still to be found</th></tr>\n`;
    }
    const place = event.placeId ? `<span class="label">Place</span> ${context.entityName(event.placeId)}` : '';
    const people = event.participants.length
      ? `<span class="label">Involved</span> ${event.participants
          .map((participant) => `${context.entityName(participant.entityId)}${participant.role ? ` <span class="role">(${esc(participant.role)})</span>` : ''}`)
          .join(', ')}`
      : '';
    const meta = [place, people].filter(Boolean).join('<span class="sep"> · </span>');
    const tags = event.tags.map((id) => context.derived.tagPaths.get(id)).filter((path): path is string => Boolean(path));
    const when = event.start ? esc(eventWhen(event)) : '<em class="undated">Undated</em>';
    rows.push(`${group}<tr id="${anchors.event(event.id)}"${event.start ? '' : ' class="undated"'}>
<td class="num">${index + 1}</td>
<td class="date">${when}</td>
<td class="event"><strong class="event-title">${esc(event.title)}</strong>${hasText(description.doc) || description.problem ? `<div class="rich small">${context.text(description)}</div>` : ''}${meta ? `<p class="event-meta">${meta}</p>` : ''}${tags.length ? `<p class="tags">${tags.map((path) => `<span class="tag">${esc(path)}</span>`).join(' ')}</p>` : ''}</td>
<td class="status">${esc(capitalised(event.status))}<br><span class="confidence">${esc(event.confidence)}</span></td>
<td class="evidence">${evidenceCell(context, event)}</td>
</tr>`);
  });
  return {
    name: 'chronology',
    head: `<h1 id="${anchors.section('chronology')}">${title}</h1>
<p class="lead">${esc(plural(context.data.events.length, 'event'))} in the order they happened, dated only as precisely as the sources allow. Evidence is cited by the numbers of the excerpts.</p>`,
    blocks: rows,
    tail: timelineFigures(context),
    around: [
      `<table class="chronology">
<colgroup><col class="c-num"><col class="c-date"><col class="c-event"><col class="c-status"><col class="c-evidence"></colgroup>
<thead><tr><th scope="col">No.</th><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Evidence</th></tr></thead>
<tbody>`,
      '</tbody></table>',
    ],
  };
}

function timelineFigures(context: RenderContext): string {
  if (!context.data.options.figures.timeline) return '';
  const events = context.data.events.map(({ event }) => ({ ...event, description: null }) as TimelineEvent);
  let parts: string[];
  try {
    parts = timelineFigureSvg(events, { ...figureBox(context.data.options.paper), anchorOf: (event) => context.eventAnchor(event.id) });
  } catch (error) {
    context.warnings.push(`The timeline figure could not be drawn: ${error instanceof Error ? error.message : String(error)}.`);
    return '';
  }
  if (!parts.length) return '';
  const id = anchors.figure('timeline');
  context.listed(id, 'Timeline', 2);
  const dated = events.filter((event) => event.start).length;
  const figures = parts.map((svg, index) =>
    figureHtml(
      index === 0 ? `${id}-art` : `${id}-${index + 1}`,
      svg,
      `<span class="figure-label">Figure ${index + 1}.</span> Timeline of the ${esc(plural(dated, 'dated event'))}${parts.length > 1 ? `, part ${index + 1} of ${parts.length}` : ''}. Each mark links to its entry in the table.`,
    ),
  );
  return `<h2 id="${id}" class="figure-heading">Timeline</h2>${figures.join('')}`;
}
