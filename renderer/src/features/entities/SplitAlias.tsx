import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Alias, Entity } from '../../../../shared/domain';
import { LINK_KIND_INFO, recordPath, recordTitle } from '../../../../shared/vocabulary';
import { operations, queries } from '../../app/casebook';
import { Dialog } from '../../components/Dialog';
import { useOperation } from '../../components/useOperation';

/** Where an alias came from, in a few words: nothing for one typed, "merged in" or "suggested" otherwise. */
export function aliasOrigin(alias: Alias): string | null {
  if (alias.origin === 'merge') return alias.from ? `merged in from “${alias.from}”` : 'merged in';
  if (alias.origin === 'suggestion') return alias.from ? `suggested in “${alias.from}”` : 'from a suggestion';
  return null;
}

/**
 * Splits an alias off into an entity of its own (of the same type), choosing which of the entity's links follow it:
 * what a merge of two people who only shared a name needs undone long after.
 */
export function SplitAliasDialog({ caseId, entity, alias, onClose }: { caseId: string; entity: Entity; alias: Alias; onClose(): void }) {
  const linked = useLiveQuery(() => queries.linkedRecords(entity.id), [entity.id]);
  const [moving, setMoving] = useState<string[]>([]);
  const { run, busy, fieldErrors, formError } = useOperation();
  const navigate = useNavigate();
  const split = async () => {
    const created = await run(() => operations.splitAlias(entity.id, alias.name, { linksToMove: moving }));
    if (created) {
      onClose();
      navigate(recordPath(caseId, 'entity', created.id));
    }
  };
  const problem = fieldErrors.alias ?? fieldErrors.linksToMove ?? formError;
  return (
    <Dialog title={`Split “${alias.name}” off “${entity.name}”`} onClose={onClose}>
      <p className="small">
        “{alias.name}” becomes an entity of its own. Choose the links that are about it; the others stay with “{entity.name}”.
      </p>
      {linked?.length ? (
        <fieldset>
          <legend>Links that follow “{alias.name}”</legend>
          {linked.map(({ link, outgoing, other, record }) => (
            <label key={link.id} className="check">
              <input
                type="checkbox"
                checked={moving.includes(link.id)}
                onChange={(event) => setMoving(event.target.checked ? [...moving, link.id] : moving.filter((id) => id !== link.id))}
              />{' '}
              {outgoing ? LINK_KIND_INFO[link.kind].label : LINK_KIND_INFO[link.kind].inverse} {record ? recordTitle(other.type, record) : 'a deleted record'}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted small">“{entity.name}” has no links to share out.</p>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void split()}>
          Split off “{alias.name}”
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
