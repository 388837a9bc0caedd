import { useState } from 'react';
import { tagPath } from '../../../../shared/codebook';
import type { TagWithCounts } from '../../db/queries/tags';
import { operations } from '../../app/casebook';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { useOperation } from '../../components/useOperation';

const excerptCount = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'excerpt' : 'excerpts'}`;

/** Asks before merging one tag into another, saying what follows the kept tag. */
export function TagMergeDialog({
  merged,
  kept,
  tags,
  onDone,
  onCancel,
}: {
  merged: TagWithCounts;
  kept: TagWithCounts;
  tags: TagWithCounts[];
  onDone: (keptId: string) => void;
  onCancel: () => void;
}) {
  const { run, busy, fieldErrors, formError } = useOperation();
  const from = tagPath(tags, merged.id);
  const into = tagPath(tags, kept.id);
  return (
    <ConfirmDialog
      title={`Merge “${merged.name}” into “${kept.name}”?`}
      message={
        <p>
          Its {excerptCount(merged.own)} get “{into}”, its sub-tags move under “{into}”, and “{from}” leaves the codebook.
        </p>
      }
      confirmLabel="Merge"
      busy={busy}
      error={Object.values(fieldErrors)[0] ?? formError}
      onCancel={onCancel}
      onConfirm={async () => {
        const result = await run(() => operations.mergeTags(merged.id, kept.id));
        if (result) onDone(result.id);
      }}
    />
  );
}

/** Asks what happens to a deleted tag's excerpts: they lose the tag, or get its parent tag. */
export function TagDeleteDialog({
  tag,
  tags,
  onDone,
  onCancel,
}: {
  tag: TagWithCounts;
  tags: TagWithCounts[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const parent = tag.parentId ? tags.find((other) => other.id === tag.parentId) : undefined;
  const [choice, setChoice] = useState<'remove' | 'parent'>('remove');
  const { run, busy, fieldErrors, formError } = useOperation();
  const subTags = tags.filter((other) => other.parentId === tag.id).length;
  const error = fieldErrors.choice ?? Object.values(fieldErrors)[0] ?? formError;
  return (
    <Dialog title={`Delete the tag “${tag.name}”?`} onClose={onCancel}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const done = await run(async () => {
            await operations.deleteTag(tag.id, choice);
            return true;
          });
          if (done) onDone();
        }}
      >
        <fieldset>
          <legend>Its {excerptCount(tag.own)}</legend>
          <label className="row">
            <input type="radio" name="choice" checked={choice === 'remove'} onChange={() => setChoice('remove')} autoFocus />
            Remove the tag from them
          </label>
          <label className="row">
            <input type="radio" name="choice" checked={choice === 'parent'} onChange={() => setChoice('parent')} />
            {parent ? `Give them the parent tag “${tagPath(tags, parent.id)}”` : 'Give them the parent tag (it has none)'}
          </label>
        </fieldset>
        {subTags > 0 && (
          <p className="small">
            Its {subTags === 1 ? 'sub-tag moves' : `${subTags} sub-tags move`} up to {parent ? `“${parent.name}”` : 'the top of the codebook'}.
          </p>
        )}
        {error && (
          <div className="form-error" role="alert">
            {error}
          </div>
        )}
        <div className="row end">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="danger solid" disabled={busy}>
            Delete tag
          </button>
        </div>
      </form>
    </Dialog>
  );
}
