import './entities.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Entity } from '../../../../shared/domain';
import { recordPath } from '../../../../shared/vocabulary';
import { operations, queries } from '../../app/casebook';
import { ConfirmDialog } from '../../components/Dialog';
import { useOperation } from '../../components/useOperation';
import type { EntityRelationship } from '../../db/queries/entities';
import { RichTextView } from '../../editor/RichTextView';
import { dateRangeText } from './attributeRows';
import { RelationshipForm } from './RelationshipForm';
import { readRelationship } from './relationshipView';

/** Longest part of a supporting excerpt's quote shown in the list; the whole opens with it. */
const QUOTE_SHOWN = 90;
const shortQuote = (quote: string) => (quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN - 1).trimEnd()}…` : quote);

/**
 * An entity's relationships, read from its side both ways ("works for" Harbour Freight, "employs" Anna Berg), each with
 * the dates it held, how sure it is, the excerpts that support it (each opening its excerpt) and its note; and the form
 * that adds one or edits one.
 */
export function RelationshipsPanel({ caseId, entity }: { caseId: string; entity: Entity }) {
  const relationships = useLiveQuery(() => queries.relationshipsWithEnds(entity.id), [entity.id]);
  const ownTypes = useLiveQuery(() => queries.relationshipTypesOf(caseId), [caseId]);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [deleting, setDeleting] = useState<EntityRelationship | null>(null);
  const headingId = useId();
  if (relationships === undefined || ownTypes === undefined) return null;
  const wordsOf = ({ relationship, other }: EntityRelationship) =>
    `${entity.name} ${readRelationship(relationship, entity.id, ownTypes).words} ${other?.name ?? 'a deleted entity'}`;
  return (
    <section aria-labelledby={headingId} className="entity-group">
      <h3 id={headingId}>Relationships</h3>
      {relationships.length === 0 && editing !== 'new' && <p className="muted small">No relationships recorded for {entity.name} yet.</p>}
      {relationships.length > 0 && (
        <ul className="links" aria-label="Relationships">
          {relationships.map((item) => {
            const { relationship, other, excerpts } = item;
            if (editing === relationship.id)
              return (
                <li key={relationship.id}>
                  <RelationshipForm caseId={caseId} entity={entity} existing={relationship} onDone={() => setEditing(null)} />
                </li>
              );
            const reading = readRelationship(relationship, entity.id, ownTypes);
            const dates = dateRangeText(relationship.start, relationship.end);
            const words = wordsOf(item);
            return (
              <li key={relationship.id} className="relationship" aria-label={words}>
                <div className="row">
                  <span className="relationship-words" style={{ flex: 1 }}>
                    {entity.name} <span className="kind">{reading.words}</span>{' '}
                    {other ? <RouterLink to={recordPath(caseId, 'entity', other.id)}>{other.name}</RouterLink> : <span className="muted">a deleted entity</span>}
                  </span>
                  <button type="button" className="quiet small" aria-label={`Change the relationship: ${words}`} onClick={() => setEditing(relationship.id)}>
                    Change
                  </button>
                  <button type="button" className="quiet small" aria-label={`Remove the relationship: ${words}`} onClick={() => setDeleting(item)}>
                    Remove
                  </button>
                </div>
                <div className="relationship-meta small">
                  {dates && <span>{dates}</span>}
                  <span className="confidence" data-confidence={relationship.confidence}>
                    {relationship.confidence}
                  </span>
                </div>
                {excerpts.length > 0 && (
                  <div className="small">
                    <span className="muted">Supported by: </span>
                    <ul className="supporting-excerpts" aria-label="Supporting excerpts">
                      {excerpts.map((excerpt) => (
                        <li key={excerpt.id}>
                          <RouterLink to={recordPath(caseId, 'excerpt', excerpt.id)}>“{shortQuote(excerpt.quote)}”</RouterLink>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {relationship.note && (
                  <div className="small relationship-note" aria-label="Note">
                    <RichTextView value={relationship.note} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editing === 'new' ? (
        <RelationshipForm caseId={caseId} entity={entity} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Add relationship
        </button>
      )}
      {deleting && <DeleteRelationship words={wordsOf(deleting)} id={deleting.relationship.id} onDone={() => setDeleting(null)} />}
    </section>
  );
}

function DeleteRelationship({ words, id, onDone }: { words: string; id: string; onDone: () => void }) {
  const { run, busy, formError } = useOperation();
  return (
    <ConfirmDialog
      title="Delete this relationship?"
      message={<p>“{words}” will be deleted, with its dates, confidence, supporting excerpts and note. The excerpts themselves stay.</p>}
      confirmLabel="Delete relationship"
      busy={busy}
      error={formError}
      onCancel={onDone}
      onConfirm={async () => {
        const done = await run(async () => {
          await operations.deleteRelationship(id);
          return true;
        });
        if (done) onDone();
      }}
    />
  );
}
