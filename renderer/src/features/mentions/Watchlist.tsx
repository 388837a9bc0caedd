import './mentions.css';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Entity } from '../../../../shared/domain';
import { entityTypeColour, entityTypeLabel } from '../../../../shared/entities';
import { queries } from '../../app/casebook';
import { VirtualList } from '../../components/VirtualList';
import { EntityTypeOptions, useOwnEntityTypes } from '../entities/EntityTypeOptions';
import { ExportMentionsButton } from './ExportMentionsButton';
import { MentionsState } from './MentionsState';
import { mentionsStatusText, useEntityTotals } from './useMentions';

type SortKey = 'name' | 'type' | 'documents' | 'mentions';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Entity' },
  { key: 'type', label: 'Type' },
  { key: 'documents', label: 'Documents' },
  { key: 'mentions', label: 'Mentions' },
];

interface Row {
  entity: Entity;
  typeLabel: string;
  documents: number;
  mentions: number;
}

const plural = (count: number, one: string, many: string) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/**
 * The watchlist: every entity of the case with the number of documents naming it and of its mentions, sorted by any
 * column (most mentioned first at the start), filtered by type; a row opens the entity. *Export CSV* saves every
 * mention as a row (entity, document, page, snippet).
 */
export function Watchlist({ caseId }: { caseId: string }) {
  const [type, setType] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'mentions', descending: true });
  const entities = useLiveQuery(() => queries.entitiesByName(caseId, type || null), [caseId, type]);
  const ownTypes = useOwnEntityTypes(caseId);
  const { value: totals, failure, status } = useEntityTotals(caseId);

  const rows = useMemo((): Row[] | undefined => {
    if (!entities) return undefined;
    const byEntity = new Map((totals ?? []).map((total) => [total.entityId, total]));
    const made = entities.map((entity) => ({
      entity,
      typeLabel: entityTypeLabel(entity.type, ownTypes),
      documents: byEntity.get(entity.id)?.documents ?? 0,
      mentions: byEntity.get(entity.id)?.mentions ?? 0,
    }));
    const byName = (a: Row, b: Row) => a.entity.name.localeCompare(b.entity.name);
    const compare: Record<SortKey, (a: Row, b: Row) => number> = {
      name: byName,
      type: (a, b) => a.typeLabel.localeCompare(b.typeLabel),
      documents: (a, b) => a.documents - b.documents,
      mentions: (a, b) => a.mentions - b.mentions,
    };
    const direction = sort.descending ? -1 : 1;
    return made.sort((a, b) => direction * compare[sort.key](a, b) || byName(a, b));
  }, [entities, totals, ownTypes, sort]);

  const progress = mentionsStatusText(status);
  const sortBy = (key: SortKey) =>
    setSort((current) => (current.key === key ? { key, descending: !current.descending } : { key, descending: key === 'documents' || key === 'mentions' }));

  return (
    <section className="section watchlist" aria-labelledby="watchlist-title">
      <div className="section-header">
        <h1 id="watchlist-title">Watchlist</h1>
        <span className="spacer" />
        <Link className="button" to={`/case/${caseId}/entities`}>
          Back to entities
        </Link>
        <select aria-label="Entity type" value={type} onChange={(event) => setType(event.target.value)} style={{ width: 'auto' }}>
          <option value="">All types</option>
          <EntityTypeOptions ownTypes={ownTypes} />
        </select>
        <ExportMentionsButton caseId={caseId} disabled={status.state !== 'ready' || !totals?.length} />
      </div>
      <p className="muted small" style={{ margin: 0 }}>Each entity with the documents that name it (its name or an alias) and its mentions in them.</p>
      <MentionsState progress={progress} failure={failure} what="counted" />
      <div className="watchlist-columns" role="group" aria-label="Sort by">
        {COLUMNS.map((column) => (
          <button
            key={column.key}
            type="button"
            className={column.key === 'documents' || column.key === 'mentions' ? 'number' : undefined}
            aria-pressed={sort.key === column.key}
            onClick={() => sortBy(column.key)}
            title={`Sort by ${column.label.toLowerCase()}`}
          >
            {column.label}
            {sort.key === column.key && <span aria-label={sort.descending ? ', descending' : ', ascending'}>{sort.descending ? ' ↓' : ' ↑'}</span>}
          </button>
        ))}
      </div>
      {rows === undefined ? (
        <p role="status" className="muted">
          Reading the entities…
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">{type ? `No ${entityTypeLabel(type, ownTypes)} in this case yet.` : 'No entities yet.'}</p>
      ) : (
        <VirtualList
          items={rows}
          label="Watchlist"
          rowHeight={40}
          getKey={(row) => row.entity.id}
          renderRow={(row) => (
            <Link
              className="vlist-row watchlist-row"
              to={`/case/${caseId}/entities/${row.entity.id}`}
              aria-label={`${row.entity.name}, ${row.typeLabel}: ${plural(row.documents, 'document', 'documents')}, ${plural(row.mentions, 'mention', 'mentions')}`}
            >
              <span>{row.entity.name}</span>
              <span>
                <span className="mention-swatch" style={{ background: entityTypeColour(row.entity.type, ownTypes) }} aria-hidden="true" />
                {row.typeLabel}
              </span>
              <span className="number">{row.documents.toLocaleString('en')}</span>
              <span className="number">{row.mentions.toLocaleString('en')}</span>
            </Link>
          )}
        />
      )}
    </section>
  );
}
