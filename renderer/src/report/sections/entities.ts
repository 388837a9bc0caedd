/**
 * The entity index: entities by type, each with its aliases, dated attributes, relationships both ways, description,
 * tags, and where the report mentions it (excerpts by number, events, notes, documents, each linked); then the link
 * chart as a figure.
 */
import { ENTITY_TYPES, type PartialDate, type Relationship } from '../../../../shared/domain';
import { entityTypeColour, relationshipTypeInfo } from '../../../../shared/entities';
import { eventWhen } from '../../../../shared/eventDates';
import { formatPartialDate } from '../../../../shared/partialDate';
import { linkChartFigureSvg } from '../figures/linkChartFigure';
import { REPORT_SECTION_TITLES } from '../options';
import type { ReportEntity } from '../build';
import type { RenderContext } from './context';
import { figureBox, figureHtml } from './figures';
import { anchors, capitalised, esc, link, plural } from './html';
import { hasText } from './richText';
import { continuedHeading, type SectionBlocks } from './section';

/** "from 2019", "2019 – March 2021", "until 2021", or ''. */
export function dateSpan(start: PartialDate | null, end: PartialDate | null): string {
  if (start && end) return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
  if (start) return `from ${formatPartialDate(start)}`;
  if (end) return `until ${formatPartialDate(end)}`;
  return '';
}

function relationshipLine(context: RenderContext, entityId: string, relationship: Relationship): string {
  const info = relationshipTypeInfo(relationship.type, context.data.relationshipTypes);
  const outgoing = relationship.from === entityId;
  const words = info ? (outgoing || info.symmetric ? info.label : info.inverse) : 'related to (a deleted type)';
  const other = outgoing ? relationship.to : relationship.from;
  const when = dateSpan(relationship.start, relationship.end);
  const support = relationship.excerptIds.map((id) => context.excerptReference(id)).filter(Boolean);
  const details = [when, relationship.confidence].filter(Boolean).join(', ');
  return `<li>${esc(words)} ${context.entityName(other)}${details ? ` <span class="quiet">(${esc(details)})</span>` : ''}${support.length ? ` ${support.join(' ')}` : ''}</li>`;
}

function entityArticle(context: RenderContext, { entity, description }: ReportEntity, relationships: readonly Relationship[]): string {
  const { derived, data } = context;
  const parts: string[] = [];
  const colour = entityTypeColour(entity.type, data.entityTypes);
  parts.push(
    // The type beside the heading, not in it: the PDF's outline lists the heading's text, the name alone.
    `<div class="entity-head"><h3 id="${anchors.entity(entity.id)}"><span class="dot" style="background:${/^#[0-9a-f]{6}$/i.test(colour) ? colour : '#6b6b6b'}" aria-hidden="true"></span>${esc(entity.name)}</h3><span class="type">${esc(context.entityTypeWord(entity.type))}</span></div>`,
  );
  if (entity.aliases.length) parts.push(`<p class="aka"><span class="label">Also known as</span> ${entity.aliases.map((alias) => esc(alias.name)).join('; ')}</p>`);
  if (entity.attributes.length)
    parts.push(
      `<table class="attributes"><tbody>${entity.attributes
        .map((attribute) => {
          const when = dateSpan(attribute.start, attribute.end);
          return `<tr><th scope="row">${esc(attribute.key)}</th><td>${esc(attribute.value)}${when ? ` <span class="quiet">(${esc(when)})</span>` : ''}</td></tr>`;
        })
        .join('')}</tbody></table>`,
    );
  if (hasText(description.doc) || description.problem) parts.push(`<div class="rich">${context.text(description)}</div>`);
  if (relationships.length)
    parts.push(`<p class="label block">Relationships</p><ul class="relationships">${relationships.map((relationship) => relationshipLine(context, entity.id, relationship)).join('')}</ul>`);
  const tags = entity.tags.map((id) => derived.tagPaths.get(id)).filter((path): path is string => Boolean(path));
  if (tags.length) parts.push(`<p class="tags">${tags.map((path) => `<span class="tag">${esc(path)}</span>`).join(' ')}</p>`);

  const mentions = derived.mentions.get(entity.id);
  const rows: string[] = [];
  if (mentions) {
    const excerpts = [...mentions.excerpts].filter((id) => derived.numbers.has(id)).sort((a, b) => derived.numbers.get(a)! - derived.numbers.get(b)!);
    if (excerpts.length) rows.push(`<dt>Excerpts</dt><dd>${excerpts.map((id) => context.excerptReference(id)).join(' ')}</dd>`);
    const events = data.events.length && mentions.events.size ? [...mentions.events].map((id) => derived.eventById.get(id)!.event) : [];
    if (events.length)
      rows.push(
        `<dt>Events</dt><dd>${events
          .map((event) => {
            const anchor = context.eventAnchor(event.id);
            const title = esc(event.title);
            return `${anchor ? link(anchor, title) : title} <span class="quiet">(${esc(eventWhen(event))})</span>`;
          })
          .join('; ')}</dd>`,
      );
    const notes = [...mentions.notes];
    if (notes.length)
      rows.push(`<dt>Notes</dt><dd>${notes.map((id) => {
        const title = esc(data.titles.note[id] ?? 'Untitled note');
        const anchor = context.noteAnchor(id);
        return anchor ? link(anchor, title) : title;
      }).join('; ')}</dd>`);
    const documents = [...mentions.documents];
    if (documents.length)
      rows.push(`<dt>Documents</dt><dd>${documents.map((id) => {
        const title = esc(data.titles.document[id] ?? 'Untitled document');
        const anchor = context.sourceAnchor(id);
        return anchor ? link(anchor, `<cite>${title}</cite>`) : `<cite>${title}</cite>`;
      }).join('; ')}</dd>`);
  }
  parts.push(rows.length ? `<dl class="mentioned">${rows.join('')}</dl>` : '<p class="quiet small">Not mentioned in the records of this report.</p>');
  return `<article class="entity">${parts.join('\n')}</article>`;
}

export function entitiesSection(context: RenderContext): SectionBlocks {
  const { data } = context;
  const title = REPORT_SECTION_TITLES.entities;
  context.listed(anchors.section('entities'), title, 1);
  const relationshipsOf = new Map<string, Relationship[]>();
  for (const relationship of data.relationships)
    for (const end of new Set([relationship.from, relationship.to])) {
      const list = relationshipsOf.get(end);
      if (list) list.push(relationship);
      else relationshipsOf.set(end, [relationship]);
    }
  const byType = new Map<string, ReportEntity[]>();
  for (const item of data.entities) {
    const list = byType.get(item.entity.type);
    if (list) list.push(item);
    else byType.set(item.entity.type, [item]);
  }
  const builtIn = ENTITY_TYPES.filter((type) => byType.has(type));
  const own = [...byType.keys()].filter((type) => !(ENTITY_TYPES as readonly string[]).includes(type)).sort((a, b) => context.entityTypeWord(a).localeCompare(context.entityTypeWord(b)));
  // Each block's type heading, for a part that goes on from it ('' where the block begins its type).
  const headings: string[] = [];
  const blocks = [...builtIn, ...own].flatMap((type) => {
    const id = anchors.entityType(type);
    const word = context.entityTypeWord(type);
    const heading = type === 'person' ? 'People' : capitalised(type === 'other' ? 'Other entities' : pluralWord(word));
    context.listed(id, heading, 2);
    const items = byType.get(type)!;
    const articles = items.map((item) => entityArticle(context, item, relationshipsOf.get(item.entity.id) ?? []));
    // The type's heading goes with its first entity, so a part never ends on a heading.
    articles.forEach((_, index) => headings.push(index === 0 ? '' : continuedHeading(esc(heading))));
    return [`<h2 id="${id}">${esc(heading)}</h2>${articles[0] ?? ''}`, ...articles.slice(1)];
  });
  return {
    name: 'entities',
    head: `<h1 id="${anchors.section('entities')}">${title}</h1>
<p class="lead">${esc(plural(data.entities.length, 'entity', 'entities'))}${data.wholeCase ? ' of the case' : ': those chosen, and those the report’s events involve and its excerpts and notes mention'}, by type and name.</p>`,
    blocks,
    tail: linkChartFigure(context),
    continued: (index) => headings[index] ?? '',
  };
}

const pluralWord = (word: string): string => (/(s|x|ch|sh)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`);

function linkChartFigure(context: RenderContext): string {
  const { data, derived } = context;
  if (!data.options.figures.linkChart) return '';
  const inIndex = derived.entityById;
  const records = {
    entities: data.allEntities.filter((entity) => inIndex.has(entity.id)).map((entity) => ({ ...entity, description: null })),
    relationships: data.relationships.filter((relationship) => inIndex.has(relationship.from) && inIndex.has(relationship.to)),
    entityTypes: data.entityTypes,
    relationshipTypes: data.relationshipTypes,
    tags: data.tags,
  };
  let svg: string;
  try {
    svg = linkChartFigureSvg(records, data.chartPositions, { ...figureBox(data.options.paper), anchorOf: (id) => context.entityAnchor(id) });
  } catch (error) {
    context.warnings.push(`The link chart could not be drawn: ${error instanceof Error ? error.message : String(error)}.`);
    return '';
  }
  if (!svg) return '';
  const id = anchors.figure('link-chart');
  context.listed(id, 'Link chart', 2);
  return `<h2 id="${id}" class="figure-heading">Link chart</h2>${figureHtml(
    `${id}-art`,
    svg,
    `<span class="figure-label">Link chart.</span> ${esc(plural(records.entities.length, 'entity', 'entities'))} and ${esc(plural(records.relationships.length, 'relationship'))} between them, as arranged in the case. Each disc links to its entry in the index.`,
  )}`;
}
