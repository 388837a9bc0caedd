import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type Entity, type EntityType, type Excerpt } from '../../../../../../shared/domain';
import { quoteTitle, recordPath, recordTitle } from '../../../../../../shared/vocabulary';
import { operations, queries } from '../../../../app/casebook';
import { explainError, useOperation } from '../../../../components/useOperation';
import type { SelectedPassage } from '../../../../domain/excerpts';
import { EntityPicker } from '../../../entities/EntityPicker';
import { NamedRecordLink } from '../../../entities/NamedRecordLink';
import { nameFromSelection } from './entityName';
import { usePanelPlacement } from './useReaderSelection';
import { EntityTypeOptions, useOwnEntityTypes } from '../../../entities/EntityTypeOptions';

/** What the panel at a selection is for: a new entity named by the words, or linking the words to an entity. */
export type SelectionToEntity = 'new' | 'link';

interface Props {
  caseId: string;
  documentId: string;
  at: { left: number; top: number; bottom: number };
  how: SelectionToEntity;
  passage: SelectedPassage;
  /** The excerpt the passage already is, if it is one: linking then links it rather than marking it again. */
  existing: Excerpt | null;
  onClose(): void;
}

type Done = { kind: 'created'; entity: Entity } | { kind: 'linked'; excerpt: Excerpt; entity: Entity; marked: boolean };

/**
 * The panel that opens at a selection for *New entity from selection* (the words as the name, a type to choose) and
 * *Link selection to entity* (an entity found by typing; the passage becomes an excerpt that mentions it, in one
 * step). Its confirmation and its errors appear in it, where the researcher is looking.
 */
export function SelectionEntityPanel({ caseId, documentId, at, how: initialHow, passage, existing, onClose }: Props) {
  const [how, setHow] = useState(initialHow);
  const [done, setDone] = useState<Done | null>(null);
  const { ref, style } = usePanelPlacement<HTMLDivElement>(at, 360, how === 'new' ? 200 : 320);
  const label = done ? (done.kind === 'created' ? 'Entity added' : 'Passage linked') : how === 'new' ? 'New entity from selection' : 'Link selection to entity';

  const link = async (entity: Entity) => {
    if (existing) {
      await operations.linkRecords(caseId, { from: { type: 'excerpt', id: existing.id }, to: { type: 'entity', id: entity.id }, kind: 'mentions' });
      setDone({ kind: 'linked', excerpt: existing, entity, marked: false });
    } else {
      const marked = await operations.markExcerptMentioning(caseId, { documentId, ...passage }, entity.id);
      window.getSelection()?.removeAllRanges();
      setDone({ kind: 'linked', excerpt: marked.excerpt, entity, marked: true });
    }
  };

  useEffect(() => {
    // A confirmation takes the focus to its first action, so Tab and Escape go on from the panel.
    if (done) ref.current?.querySelector<HTMLElement>('a, button')?.focus();
  }, [done, ref]);

  return (
    <div
      ref={ref}
      className="mark-panel"
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      style={style}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      {done ? (
        <Confirmation caseId={caseId} done={done} onLink={() => void link(done.entity)} onClose={onClose} />
      ) : how === 'new' ? (
        <NewEntityForm caseId={caseId} passage={passage} onCreated={(entity) => setDone({ kind: 'created', entity })} onClose={onClose} />
      ) : (
        <LinkForm caseId={caseId} passage={passage} existing={existing} link={link} onNew={() => setHow('new')} onClose={onClose} />
      )}
    </div>
  );
}

function NewEntityForm({ caseId, passage, onCreated, onClose }: { caseId: string; passage: SelectedPassage; onCreated(entity: Entity): void; onClose(): void }) {
  const [name, setName] = useState(() => nameFromSelection(passage.quote));
  const [type, setType] = useState<EntityType>('person');
  const ownTypes = useOwnEntityTypes(caseId);
  const { run, busy, fieldErrors, formError, fieldRecords } = useOperation();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const entity = await run(() => operations.createEntity(caseId, { name, type }));
    if (entity) onCreated(entity);
  };
  return (
    <form aria-label="New entity from selection" onSubmit={(event) => void submit(event)} noValidate>
      <label htmlFor="selection-entity-name">Name</label>
      <input
        id="selection-entity-name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        aria-invalid={Boolean(fieldErrors.name)}
        aria-describedby={fieldErrors.name ? 'selection-entity-error' : undefined}
        autoFocus
      />
      <label htmlFor="selection-entity-type">Type</label>
      <select id="selection-entity-type" value={type} onChange={(event) => setType(event.target.value as EntityType)}>
        <EntityTypeOptions ownTypes={ownTypes} />
      </select>
      {(fieldErrors.name ?? fieldErrors.type ?? formError) && (
        <p id="selection-entity-error" className="field-error" role="alert">
          {fieldErrors.name ?? fieldErrors.type ?? formError}
        </p>
      )}
      <NamedRecordLink caseId={caseId} record={fieldRecords.name} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add entity
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function LinkForm({
  caseId,
  passage,
  existing,
  link,
  onNew,
  onClose,
}: {
  caseId: string;
  passage: SelectedPassage;
  existing: Excerpt | null;
  link(entity: Entity): Promise<void>;
  onNew(): void;
  onClose(): void;
}) {
  const entities = useLiveQuery(() => queries.entitiesByName(caseId), [caseId]);
  const [error, setError] = useState<string | null>(null);
  const pick = async (entity: Entity) => {
    setError(null);
    try {
      await link(entity);
    } catch (failure) {
      setError(explainError(failure));
    }
  };
  if (!entities) return <p role="status">Loading the case’s entities…</p>;
  return (
    <div>
      <p className="small">
        {existing
          ? `Link the excerpt “${recordTitle('excerpt', existing)}” to an entity it mentions.`
          : `Mark “${quoteTitle(passage.quote)}” as an excerpt that mentions an entity.`}
      </p>
      {entities.length ? (
        <EntityPicker entities={entities} label="Entity" initial={nameFromSelection(passage.quote)} error={error} onPick={(entity) => void pick(entity)} />
      ) : (
        <p className="muted small">This case has no entities yet.</p>
      )}
      <p className="muted small">Enter links the entity chosen; Escape closes.</p>
      <div className="actions">
        <button type="button" onClick={onNew}>
          New entity from selection instead
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function Confirmation({ caseId, done, onLink, onClose }: { caseId: string; done: Done; onLink(): void; onClose(): void }) {
  if (done.kind === 'created')
    return (
      <>
        <p role="status">
          Added {done.entity.type} “{done.entity.name}”.
        </p>
        <div className="actions">
          <Link to={recordPath(caseId, 'entity', done.entity.id)}>Open it</Link>
          <button type="button" onClick={onLink}>
            Link this passage to it
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </>
    );
  return (
    <>
      <p role="status">
        {done.marked ? 'Marked excerpt' : 'Linked excerpt'} “{recordTitle('excerpt', done.excerpt)}”, mentioning “{done.entity.name}”.
      </p>
      <div className="actions">
        <Link to={recordPath(caseId, 'excerpt', done.excerpt.id)}>Open the excerpt</Link>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </>
  );
}
