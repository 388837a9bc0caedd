import './entities.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Entity, Excerpt, RecordType, TimelineEvent } from '../../../../shared/domain';
import { eventWhen } from '../../../../shared/eventDates';
import { LINK_KIND_INFO, isBuiltInRelationshipType, recordPath, recordTitle } from '../../../../shared/vocabulary';
import { operations, queries } from '../../app/casebook';
import { explainError } from '../../components/useOperation';
import type { LinkedRecord } from '../../db/queries/links';
import { AddLinkForm } from '../links/LinksPanel';
import { TextBacklinks } from '../notes/TextBacklinks';
import { LINK_GROUPS, LINK_GROUP_TITLES, groupLinkedRecords } from './linkGroups';

/**
 * Everything linked to an entity, grouped: the excerpts that mention it (with their documents), the events it is
 * involved in (with their dates), the notes and documents linked to it, and plain links with other entities (which a
 * researcher can make relationships, to give them dates, a confidence and sources). Each item opens its place; the
 * form below adds a link.
 */
export function EntityLinks({ caseId, entity }: { caseId: string; entity: Entity }) {
  const linked = useLiveQuery(() => queries.linkedRecords(entity.id), [entity.id]);
  const documents = useLiveQuery(() => queries.documentChoices(caseId), [caseId]);
  const [problem, setProblem] = useState<string | null>(null);
  if (linked === undefined) return null;
  const groups = groupLinkedRecords(linked);
  const titles = new Map((documents ?? []).map((document) => [document.id, document.title]));
  const remove = (item: LinkedRecord, title: string) => (
    <button type="button" className="quiet small" aria-label={`Remove link to ${title}`} onClick={() => void operations.unlinkRecords(item.link.id)}>
      Remove
    </button>
  );
  const makeRelationship = async (item: LinkedRecord) => {
    setProblem(null);
    try {
      await operations.relationshipFromLink(item.link.id);
    } catch (error) {
      setProblem(explainError(error));
    }
  };

  const row = (type: RecordType, item: LinkedRecord) => {
    const record = item.record!;
    const title = recordTitle(type, record);
    const info = LINK_KIND_INFO[item.link.kind];
    const reading = item.outgoing ? info.label : info.inverse;
    const open = <RouterLink to={recordPath(caseId, type, item.other.id)}>{type === 'excerpt' ? `“${title}”` : title}</RouterLink>;
    switch (type) {
      case 'excerpt': {
        const excerpt = record as Excerpt;
        const source = excerpt.documentId ? titles.get(excerpt.documentId) : undefined;
        return (
          <li key={item.link.id}>
            <span className="kind">{reading}</span>
            <span style={{ flex: 1 }}>
              {open}
              {source && <span className="muted small"> · {source}</span>}
            </span>
            {remove(item, title)}
          </li>
        );
      }
      case 'event': {
        const event = record as TimelineEvent;
        return (
          <li key={item.link.id}>
            <span className="kind">{reading}</span>
            <span className="muted small">
              {eventWhen(event)}
            </span>
            <span style={{ flex: 1 }}>{open}</span>
            {remove(item, title)}
          </li>
        );
      }
      case 'entity':
        return (
          <li key={item.link.id}>
            <span className="kind">{reading}</span>
            <span style={{ flex: 1 }}>{open}</span>
            {isBuiltInRelationshipType(item.link.kind) && (
              <button
                type="button"
                className="quiet small"
                aria-label={`Make “${entity.name} ${reading} ${title}” a relationship`}
                onClick={() => void makeRelationship(item)}
              >
                Make it a relationship
              </button>
            )}
            {remove(item, title)}
          </li>
        );
      default:
        return (
          <li key={item.link.id}>
            <span className="kind">{reading}</span>
            <span style={{ flex: 1 }}>{open}</span>
            {remove(item, title)}
          </li>
        );
    }
  };

  return (
    <>
      <TextBacklinks caseId={caseId} record={{ type: 'entity', id: entity.id }} />
      {LINK_GROUPS.map((type) => (
        <LinkGroup key={type} title={LINK_GROUP_TITLES[type]} count={groups[type].length}>
          {type === 'entity' && (
            <p className="muted small">
              A link between two entities has no dates, confidence or sources: make it a relationship to give it those.
            </p>
          )}
          {type === 'entity' && problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          <ul className="links" aria-label={LINK_GROUP_TITLES[type]}>
            {groups[type].map((item) => row(type, item))}
          </ul>
        </LinkGroup>
      ))}
      {linked.length === 0 && <p className="muted small">Nothing is linked to {entity.name} yet.</p>}
      <section aria-label="Add a link to this entity" className="entity-group">
        <AddLinkForm caseId={caseId} record={{ type: 'entity', id: entity.id }} />
      </section>
    </>
  );
}

/** One group of linked records, left out when it is empty. */
function LinkGroup({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  const headingId = useId();
  if (!count) return null;
  return (
    <section aria-labelledby={headingId} className="entity-group">
      <h3 id={headingId}>
        {title} <span className="muted small">({count.toLocaleString('en')})</span>
      </h3>
      {children}
    </section>
  );
}
