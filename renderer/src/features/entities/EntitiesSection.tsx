import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { commandHint } from '../../commands';
import { type Alias, type Entity } from '../../../../shared/domain';
import { entityTypeLabel } from '../../../../shared/entities';
import { draftKey, hasDraft } from '../../components/drafts';
import { queries } from '../../app/casebook';
import { fold } from '../../search/fold';
import { RichTextView } from '../../editor/RichTextView';
import { DeleteRecordButton } from '../shared/DeleteRecordButton';
import { RecordSection } from '../shared/RecordSection';
import { EntityForm } from './EntityForm';
import { ImportEntitiesDialog } from './ImportEntitiesDialog';
import { EntityMerges, MergeDialog } from './MergeEntities';
import { SplitAliasDialog, aliasOrigin } from './SplitAlias';
import { EntityTypeOptions, useOwnEntityTypes } from './EntityTypeOptions';
import { EntityFacts } from './EntityFacts';
import { EntityLinks } from './EntityLinks';
import { EntityTagSelect, useEntityTagFilter } from './EntityTagFilter';
import { EntityTypesDialog } from './EntityTypesDialog';
import { RelationshipTypesDialog } from './RelationshipTypesDialog';
import { useTypesDialog } from './useTypesDialog';
import { RelationshipsPanel } from './RelationshipsPanel';
import { EntityMentions } from '../mentions/EntityMentions';
import { useRangeFilter } from '../range/useRangeFilter';
import { RangeChip, rangeCount } from '../range/RangeChip';

const matches = (entity: Entity, key: string) =>
  fold(entity.name).includes(key) || entity.aliases.some((alias) => fold(alias.name).includes(key));

export function EntitiesSection({ caseId }: { caseId: string }) {
  const [type, setType] = useState('');
  const entities = useLiveQuery(
    () =>
      queries.entitiesByName(caseId, type || null),
    [caseId, type],
  );
  const ownTypes = useOwnEntityTypes(caseId);
  const [importing, setImporting] = useState(false);
  const typesDialog = useTypesDialog();
  const [tag, setTag] = useState('');
  const tagFilter = useEntityTagFilter(caseId, tag);
  const filtered = tag ? entities?.filter(tagFilter.passes) : entities;
  // The case's time range, set on the timeline: only the entities of what falls in it (waiting until that is known).
  const timeRange = useRangeFilter(caseId);
  const inRange = timeRange.inRange;
  const shown = !timeRange.range ? filtered : inRange ? filtered?.filter((entity) => inRange.entities.has(entity.id)) : undefined;
  return (
    <>
      <RecordSection
        caseId={caseId}
        path="entities"
        dragType="entity"
        title="Entities"
        items={shown}
        newLabel="New entity"
        status={
          timeRange.range && (
            <RangeChip
              range={timeRange.range}
              count={shown && filtered ? rangeCount(shown.length, filtered.length, 'entity', 'entities') : undefined}
              onClear={timeRange.clear}
            />
          )
        }
        emptyMessage={
          timeRange.range && filtered?.length
            ? 'No entity takes part in what falls in the time range.'
            : tag
            ? 'No entity has this tag.'
            : type
            ? `No ${entityTypeLabel(type, ownTypes)} in this case yet.`
            : 'No entities yet. Record the people, organisations, places, phones and vessels of the case.'
        }
        filterLabel="Filter entities by name or alias"
        matches={matches}
        rowTitle={(entity) => entity.name}
        rowMeta={(entity) => entityTypeLabel(entity.type, ownTypes)}
        filters={
          <>
            <select aria-label="Entity type" value={type} onChange={(e) => setType(e.target.value)} style={{ width: 'auto' }}>
              <option value="">All types</option>
              <EntityTypeOptions ownTypes={ownTypes} />
            </select>
            <EntityTagSelect tags={tagFilter.tags} value={tag} onChange={setTag} />
          </>
        }
        renderNew={(onCreated, onCancel) => <EntityForm caseId={caseId} onDone={(e) => onCreated(e.id)} onCancel={onCancel} />}
        renderDetail={(id) => <EntityDetail key={id} caseId={caseId} entityId={id} />}
        actions={
          <>
            <Link className="button" to={`/case/${caseId}/entities/chart`} {...commandHint('chart.open')}>Link chart</Link>
            <Link className="button" to={`/case/${caseId}/entities/watchlist`}>
              Watchlist
            </Link>
            <button type="button" onClick={() => setImporting(true)}>
              Import list…
            </button>
            <button type="button" onClick={() => typesDialog.show('entity')}>
              Entity types…
            </button>
            <button type="button" onClick={() => typesDialog.show('relationship')}>
              Relationship types…
            </button>
          </>
        }
      />
      {importing && <ImportEntitiesDialog caseId={caseId} onClose={() => setImporting(false)} />}
      {typesDialog.open === 'entity' && <EntityTypesDialog caseId={caseId} onClose={() => typesDialog.show(null)} />}
      {typesDialog.open === 'relationship' && <RelationshipTypesDialog caseId={caseId} onClose={() => typesDialog.show(null)} />}
    </>
  );
}

function EntityDetail({ caseId, entityId }: { caseId: string; entityId: string }) {
  const entity = useLiveQuery(() => queries.entityById(entityId), [entityId]);
  const ownTypes = useOwnEntityTypes(caseId);
  // An edit left unsaved (the page reloaded, another record opened) reopens the form, which offers it back.
  const [editing, setEditing] = useState(() => hasDraft(draftKey('entity', entityId)));
  const [merging, setMerging] = useState(false);
  const [splitting, setSplitting] = useState<Alias | null>(null);
  const navigate = useNavigate();
  if (entity === undefined) return null;
  if (entity === null) return <p className="muted">This entity no longer exists.</p>;
  if (editing)
    return <EntityForm caseId={caseId} existing={entity} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />;
  return (
    <article aria-labelledby="entity-name">
      <div className="section-header">
        <h2 id="entity-name">{entity.name}</h2>
        <span className="tag">{entityTypeLabel(entity.type, ownTypes)}</span>
        <span className="spacer" />
        <Link className="button" to={`/case/${caseId}/entities/chart?focus=${encodeURIComponent(entity.id)}`}>Show on link chart</Link>
        <button type="button" onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" onClick={() => setMerging(true)}>
          Merge…
        </button>
        <DeleteRecordButton target={{ type: 'entity', id: entity.id }} onDeleted={() => navigate(`/case/${caseId}/entities`)} />
      </div>
      {merging && <MergeDialog caseId={caseId} kept={entity} onClose={() => setMerging(false)} />}
      <EntityMerges caseId={caseId} entityId={entity.id} />
      {entity.aliases.length > 0 && (
        <div>
          <span className="muted">Also known as: </span>
          <ul className="aliases" aria-label="Aliases">
            {entity.aliases.map((alias) => (
              <li key={alias.name}>
                {alias.name}
                {aliasOrigin(alias) && <span className="muted small"> ({aliasOrigin(alias)})</span>}{' '}
                <button type="button" className="quiet small" onClick={() => setSplitting(alias)} aria-label={`Split ${alias.name} off`}>
                  Split off…
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {splitting && <SplitAliasDialog caseId={caseId} entity={entity} alias={splitting} onClose={() => setSplitting(null)} />}
      <EntityFacts caseId={caseId} entity={entity} />
      <RichTextView value={entity.description} empty="No description." />
      <EntityMentions caseId={caseId} entityId={entity.id} />
      <RelationshipsPanel caseId={caseId} entity={entity} />
      <EntityLinks caseId={caseId} entity={entity} />
    </article>
  );
}
