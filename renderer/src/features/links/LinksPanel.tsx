import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { LINK_KINDS, RECORD_TYPES, type CaseRecord, type LinkKind, type RecordRef, type RecordType } from '../../../../shared/domain';
import { Field, FormError } from '../../components/Field';
import { useOperation } from '../../components/useOperation';
import { db } from '../../app/database';
import { linkRecords, linksOf, recordTitle, TYPE_LABEL, unlinkRecords } from '../../domain';
import { TABLE_OF } from '../../domain/records';

/** Where each record type's page is, under /case/:id. */
export const SECTION_OF: Record<RecordType, string> = {
  document: 'documents',
  excerpt: 'excerpts',
  entity: 'entities',
  event: 'timeline',
  note: 'notes',
};

/** The link kind a researcher most likely means between two types, offered first. */
function defaultKind(from: RecordType, to: RecordType): LinkKind {
  if (from === 'excerpt' && to === 'entity') return 'mentions';
  if (from === 'event' && to === 'excerpt') return 'evidence';
  if (from === 'event' && to === 'entity') return 'involves';
  if (from === 'excerpt' && to === 'document') return 'quoted-from';
  if (from === 'document' && to === 'entity') return 'mentions';
  return 'related-to';
}

const kindLabel = (kind: LinkKind) => kind.replace('-', ' ');

/** How a link reads from its far end: an excerpt "mentions" an entity, so the entity is "mentioned in" it. */
const INVERSE_LABEL: Record<LinkKind, string> = {
  mentions: 'mentioned in',
  evidence: 'evidence for',
  involves: 'involved in',
  'member-of': 'has member',
  'works-for': 'employs',
  owns: 'owned by',
  'located-in': 'location of',
  contacted: 'contacted by',
  'related-to': 'related to',
  'quoted-from': 'quoted in',
};

/** Everything linked to a record, both ways, with a form to add a link. */
export function LinksPanel({ caseId, record }: { caseId: string; record: RecordRef }) {
  const linked = useLiveQuery(async () => {
    const links = await linksOf(db, record.id);
    return Promise.all(
      links.map(async (link) => {
        const outgoing = link.from.id === record.id;
        const other = outgoing ? link.to : link.from;
        const otherRecord = (await db.table(TABLE_OF[other.type]).get(other.id)) as CaseRecord | undefined;
        return { link, outgoing, other, title: otherRecord ? recordTitle(otherRecord) : '(missing)' };
      }),
    );
  }, [record.id]);

  return (
    <section aria-label="Linked records">
      <h3>Linked records</h3>
      {linked === undefined ? null : linked.length === 0 ? (
        <p className="muted small">Nothing is linked to this {TYPE_LABEL[record.type]} yet.</p>
      ) : (
        <ul className="links" aria-label="Links">
          {linked.map(({ link, outgoing, other, title }) => (
            <li key={link.id}>
              <span className="kind">{outgoing ? kindLabel(link.kind) : INVERSE_LABEL[link.kind]}</span>
              <span className="tag">{TYPE_LABEL[other.type]}</span>
              <RouterLink to={`/case/${caseId}/${SECTION_OF[other.type]}/${other.id}`} style={{ flex: 1 }}>
                {title}
              </RouterLink>
              <button
                type="button"
                className="quiet small"
                aria-label={`Remove link to ${title}`}
                onClick={() => void unlinkRecords(db, link.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddLinkForm caseId={caseId} record={record} />
    </section>
  );
}

function AddLinkForm({ caseId, record }: { caseId: string; record: RecordRef }) {
  const [targetType, setTargetType] = useState<RecordType>('entity');
  const [kind, setKind] = useState<LinkKind>(defaultKind(record.type, 'entity'));
  const [targetId, setTargetId] = useState('');
  const [filter, setFilter] = useState('');
  const { run, busy, fieldErrors, formError } = useOperation();

  const candidates = useLiveQuery(async () => {
    const rows = (await db.table(TABLE_OF[targetType]).where('caseId').equals(caseId).toArray()) as CaseRecord[];
    const key = filter.trim().toLocaleLowerCase();
    return rows
      .filter((row) => row.id !== record.id)
      .map((row) => ({ id: row.id, title: recordTitle(row) }))
      .filter((row) => !key || row.title.toLocaleLowerCase().includes(key))
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, 500);
  }, [caseId, targetType, filter, record.id]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const chosen = targetId || candidates?.[0]?.id;
    if (!chosen) return;
    const done = await run(() => linkRecords(db, caseId, { from: record, to: { type: targetType, id: chosen }, kind }));
    if (done) setTargetId('');
  };

  return (
    <form onSubmit={submit} aria-label="Add a link" style={{ marginTop: '0.75rem' }}>
      <FormError message={formError ?? fieldErrors.kind ?? null} />
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <Field label="Link kind">
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as LinkKind)}>
              {LINK_KINDS.map((option) => (
                <option key={option} value={option}>
                  {kindLabel(option)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Record type">
          {(control) => (
            <select
              {...control}
              value={targetType}
              onChange={(e) => {
                const type = e.target.value as RecordType;
                setTargetType(type);
                setKind(defaultKind(record.type, type));
                setTargetId('');
              }}
            >
              {RECORD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {TYPE_LABEL[type]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Find a record to link">
        {(control) => <input {...control} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />}
      </Field>
      <Field label="Record to link">
        {(control) => (
          <select {...control} value={targetId} onChange={(e) => setTargetId(e.target.value)}>
            {(candidates ?? []).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={busy || !candidates?.length}>
        Add link
      </button>
    </form>
  );
}
