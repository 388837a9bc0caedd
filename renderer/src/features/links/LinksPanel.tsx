import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { LinkKind, RecordRef, RecordType } from '../../../../shared/domain';
import {
  LINK_KINDS,
  LINK_KIND_INFO,
  RECORD_KINDS,
  RECORD_TYPES,
  defaultLinkKind,
  isKeptByText,
  linkAllowed,
  recordPath,
  recordTitle,
} from '../../../../shared/vocabulary';
import { Field, FormError } from '../../components/Field';
import { useOperation } from '../../components/useOperation';
import { operations, queries } from '../../app/casebook';
import { TextBacklinks } from '../notes/TextBacklinks';
import { useCaseSearch } from '../search/useCaseSearch';

/** Most records the finder lists at once; typing narrows them down. */
const MOST_CANDIDATES = 500;
/** Most search hits asked for while the researcher types in the finder. */
const MOST_HITS = 50;

/** Everything linked to a record, both ways, with a form to add a link. */
export function LinksPanel({ caseId, record }: { caseId: string; record: RecordRef }) {
  // A note's mentions are shown as the sentences they are in (TextBacklinks), not as links made by hand.
  const linked = useLiveQuery(async () => (await queries.linkedRecords(record.id)).filter(({ link }) => !isKeptByText(link.kind)), [record.id]);

  return (
    <section aria-label="Linked records">
      <TextBacklinks caseId={caseId} record={record} />
      <h3>Linked records</h3>
      {linked === undefined ? null : linked.length === 0 ? (
        <p className="muted small">Nothing is linked to this {RECORD_KINDS[record.type].label} yet.</p>
      ) : (
        <ul className="links" aria-label="Links">
          {linked.map(({ link, outgoing, other, record: otherRecord }) => {
            const title = otherRecord ? recordTitle(other.type, otherRecord) : '(missing)';
            const info = LINK_KIND_INFO[link.kind];
            return (
              <li key={link.id}>
                <span className="kind">{outgoing ? info.label : info.inverse}</span>
                <span className="tag">{RECORD_KINDS[other.type].label}</span>
                <RouterLink to={recordPath(caseId, other.type, other.id)} style={{ flex: 1 }}>
                  {title}
                </RouterLink>
                <button
                  type="button"
                  className="quiet small"
                  aria-label={`Remove link to ${title}`}
                  onClick={() => void operations.unlinkRecords(link.id)}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <AddLinkForm caseId={caseId} record={record} />
    </section>
  );
}

/** A record the finder offers, with its type so a hit of any type can be linked. */
interface Candidate extends RecordRef {
  title: string;
}

/**
 * One way to read a link from the record being viewed: its kind, and whether the viewed record is the link's start
 * (an event "involves" an entity) or its end (an entity is "involved in" an event).
 */
interface KindChoice {
  value: string;
  label: string;
  kind: LinkKind;
  inverse: boolean;
}

const INVERSE_PREFIX = 'inverse:';

/** The readings a link between the two types can have, from the viewed record's side. */
function kindChoices(from: RecordType, to: RecordType): KindChoice[] {
  const choices: KindChoice[] = [];
  for (const kind of LINK_KINDS) {
    if (isKeptByText(kind)) continue;
    const info = LINK_KIND_INFO[kind];
    if (linkAllowed(kind, from, to)) choices.push({ value: kind, label: info.label, kind, inverse: false });
    if (!info.symmetric && linkAllowed(kind, to, from))
      choices.push({ value: `${INVERSE_PREFIX}${kind}`, label: info.inverse, kind, inverse: true });
  }
  return choices;
}

/**
 * The reading offered first: the likeliest kind from the viewed record, or read from the other end when that is the
 * likelier one (from an entity, an event it is "involved in" rather than merely "related to").
 */
function preferredKind(from: RecordType, to: RecordType): string {
  const forward = defaultLinkKind(from, to);
  const backward = defaultLinkKind(to, from);
  return forward === 'related-to' && backward !== 'related-to' ? `${INVERSE_PREFIX}${backward}` : forward;
}

export function AddLinkForm({ caseId, record }: { caseId: string; record: RecordRef }) {
  const [preferredType, setPreferredType] = useState<RecordType>('entity');
  const [targetKey, setTargetKey] = useState('');
  const [kindValue, setKindValue] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const { run, busy, fieldErrors, formError } = useOperation();
  const searching = filter.trim() !== '';

  // Without words to find, the records of the chosen type, by title.
  const listed = useLiveQuery(async (): Promise<Candidate[]> => {
    if (searching) return [];
    const rows = await queries.recordsOfType(caseId, preferredType);
    return rows
      .filter((row) => row.id !== record.id)
      .map((row) => ({ type: preferredType, id: row.id, title: recordTitle(preferredType, row) }))
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, MOST_CANDIDATES);
  }, [caseId, preferredType, searching, record.id]);

  // With words, the case's search: full text, aliases, any accent or case, records of the chosen type first.
  const search = useCaseSearch(caseId, filter, MOST_HITS, searching);
  const found = useMemo((): Candidate[] | null => {
    if (!searching || search.hits === null) return null;
    const hits = search.hits
      .filter((hit) => hit.ref.id !== record.id)
      .map((hit) => ({ type: hit.ref.type, id: hit.ref.id, title: hit.title }));
    return [...hits.filter((hit) => hit.type === preferredType), ...hits.filter((hit) => hit.type !== preferredType)];
  }, [searching, search.hits, record.id, preferredType]);

  const candidates = searching ? found : (listed ?? null);
  const keyOf = (candidate: Candidate) => `${candidate.type}:${candidate.id}`;
  const target = candidates?.find((candidate) => keyOf(candidate) === targetKey) ?? candidates?.[0] ?? null;
  const targetType = target?.type ?? preferredType;
  const choices = kindChoices(record.type, targetType);
  const fallback = choices.find((option) => option.value === preferredKind(record.type, targetType)) ?? choices[0];
  const choice = choices.find((option) => option.value === kindValue) ?? fallback;

  const groups = RECORD_TYPES.map((type) => ({
    type,
    members: (candidates ?? []).filter((candidate) => candidate.type === type),
  }))
    .filter((group) => group.members.length > 0)
    .sort((a, b) => Number(b.type === preferredType) - Number(a.type === preferredType));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!target || !choice) return;
    const other = { type: target.type, id: target.id };
    const [from, to] = choice.inverse ? [other, record] : [record, other];
    const done = await run(() => operations.linkRecords(caseId, { from, to, kind: choice.kind }));
    if (done) setTargetKey('');
  };

  const nothingFound = searching && !search.searching && found !== null && found.length === 0;
  return (
    <form onSubmit={submit} aria-label="Add a link" style={{ marginTop: '0.75rem' }}>
      <FormError message={formError ?? fieldErrors.kind ?? null} />
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <Field label="Link kind">
          {(control) => (
            <select {...control} value={choice?.value ?? ''} onChange={(e) => setKindValue(e.target.value)}>
              {choices.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Record type">
          {(control) => (
            <select
              {...control}
              value={preferredType}
              onChange={(e) => {
                setPreferredType(e.target.value as RecordType);
                setKindValue(null);
                setTargetKey('');
              }}
            >
              {RECORD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {RECORD_KINDS[type].label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        label="Find a record to link"
        hint="Searches the whole case: names, aliases, quotes and text, whatever the accents"
        error={nothingFound ? `Nothing in this case matches “${filter.trim()}”.` : undefined}
      >
        {(control) => <input {...control} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />}
      </Field>
      <Field label="Record to link">
        {(control) => (
          <select
            {...control}
            value={target ? keyOf(target) : ''}
            onChange={(e) => {
              setTargetKey(e.target.value);
              setKindValue(null);
            }}
          >
            {groups.map((group) => (
              <optgroup key={group.type} label={RECORD_KINDS[group.type].sectionLabel}>
                {group.members.map((candidate) => (
                  <option key={keyOf(candidate)} value={keyOf(candidate)}>
                    {candidate.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" disabled={busy || !target || !choice}>
        Add link
      </button>
    </form>
  );
}
