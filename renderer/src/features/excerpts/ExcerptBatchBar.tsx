import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { operations, queries } from '../../app/casebook';
import { ConfirmDialog } from '../../components/Dialog';
import { useOperation } from '../../components/useOperation';
import type { ExcerptTableModel } from './excerptRows';

interface ExcerptBatchBarProps {
  caseId: string;
  model: ExcerptTableModel;
  excerptIds: string[];
  onDone: () => void;
}

const excerptsWord = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'excerpt' : 'excerpts'}`;

/**
 * What can be done to the selected excerpts at once: tag or untag them, link them to an entity or event, delete them.
 * What was done stays said after the excerpts changed leave the rows shown (untagged under a filter by that tag),
 * until another selection is made.
 */
export function ExcerptBatchBar({ caseId, model, excerptIds, onDone }: ExcerptBatchBarProps) {
  const [tagId, setTagId] = useState('');
  const [target, setTarget] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // A new selection clears what was said of the last one; the ids' array is new whenever the rows are read again,
  // so the selection is told apart by its size and ends (cheap with 100,000 selected).
  const selectionKey = `${excerptIds.length}:${excerptIds[0] ?? ''}:${excerptIds.at(-1) ?? ''}`;
  const [lastSelection, setLastSelection] = useState(selectionKey);
  if (selectionKey !== lastSelection) {
    setLastSelection(selectionKey);
    if (excerptIds.length) setDone(null);
  }
  const { run, busy, fieldErrors, formError, reset } = useOperation();
  // Only codebook tags (not names left from before it) can be given: the domain checks them against the codebook.
  const tags = model.tagChoices().filter((choice) => model.data.tags.some((tag) => tag.id === choice.value));
  const entities = useLiveQuery(() => queries.entitiesByName(caseId), [caseId]);
  const events = useLiveQuery(() => queries.timeline(caseId), [caseId]);
  const count = excerptsWord(excerptIds.length);

  const tag = async () => {
    setDone(null);
    const result = await run(() => operations.tagExcerpts(caseId, { excerptIds, tagId }));
    if (result) setDone(result.tagged ? `Tagged ${excerptsWord(result.tagged)}.` : `The ${count} already had this tag.`);
  };
  const untag = async () => {
    setDone(null);
    const result = await run(() => operations.untagExcerpts(caseId, { excerptIds, tagId }));
    if (result) setDone(result.tagged ? `Removed the tag from ${excerptsWord(result.tagged)}.` : `None of the ${count} had this tag.`);
  };
  const link = async () => {
    setDone(null);
    const [type, id] = target.split(':') as ['entity' | 'event', string];
    const result = await run(() => operations.linkExcerpts(caseId, { excerptIds, to: { type, id: id ?? '' } }));
    if (result) setDone(result.linked ? `Linked ${excerptsWord(result.linked)}.` : `The ${count} were already linked to it.`);
  };
  const remove = async () => {
    const result = await run(() => operations.deleteExcerpts(caseId, { excerptIds }));
    if (result) {
      setConfirming(false);
      onDone();
    }
  };

  if (!excerptIds.length)
    return done ? (
      <div className="excerpt-batch" role="group" aria-label="Selected excerpts">
        <p className="muted small" role="status">
          {done}
        </p>
      </div>
    ) : null;
  return (
    <div className="excerpt-batch" role="group" aria-label="Selected excerpts">
      <strong>{`${count} selected`}</strong>
      <span className="row">
        <select aria-label="Tag to add or remove" value={tagId} onChange={(event) => setTagId(event.target.value)} aria-invalid={Boolean(fieldErrors.tagId) || undefined}>
          <option value="">{tags.length ? 'Choose a tag…' : 'No tags in the codebook yet'}</option>
          {tags.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy} onClick={() => void tag()}>
          Tag
        </button>
        <button type="button" disabled={busy} onClick={() => void untag()}>
          Remove tag
        </button>
      </span>
      <span className="row">
        <select aria-label="Entity or event to link to" value={target} onChange={(event) => setTarget(event.target.value)}>
          <option value="">Choose an entity or event…</option>
          <optgroup label="Entities">
            {(entities ?? []).map((entity) => (
              <option key={entity.id} value={`entity:${entity.id}`}>
                {entity.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Events">
            {(events ?? []).map((event) => (
              <option key={event.id} value={`event:${event.id}`}>
                {event.title}
              </option>
            ))}
          </optgroup>
        </select>
        <button type="button" disabled={busy} onClick={() => void link()}>
          Link
        </button>
      </span>
      <button
        type="button"
        className="danger"
        onClick={() => {
          reset();
          setConfirming(true);
        }}
      >
        Delete…
      </button>
      {(fieldErrors.tagId || fieldErrors.to || fieldErrors.excerptIds || (formError && !confirming)) && (
        <p className="field-error" role="alert">
          {fieldErrors.tagId ?? fieldErrors.to ?? fieldErrors.excerptIds ?? formError}
        </p>
      )}
      {done && !busy && (
        <p className="muted small" role="status">
          {done}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete ${count}?`}
          message={<p>{`The ${count} and every link to them will be deleted. Their documents stay.`}</p>}
          confirmLabel={`Delete ${count}`}
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
          error={formError}
          busy={busy}
        />
      )}
    </div>
  );
}
